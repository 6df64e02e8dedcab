/** Plain-text renderings of core results for the command line and the local console. */
import type { FactCoverage } from '../briefing/summary-eval.js';
import type { SummaryResult, SummarySentence } from '../briefing/types.js';
import type { ArticleMeta } from '../corpus/types.js';
import type { TimelineResult } from '../events/types.js';
import type { QuizCheckReport } from '../quiz/quiz-check.js';
import { shortfallNotice } from '../quiz/kind-names.js';
import type { QuizResult } from '../quiz/types.js';
import type { EvalReport } from '../retrieval/eval.js';
import type { AskResult, Citation } from '../retrieval/types.js';
import { text, type Locale } from '../messages/index.js';
import { BOLD_OFF, BOLD_ON } from './terminal.js';

/** ANSI bold when writing to a colour terminal, else »…« markers. */
export function emphasis(colour: boolean): (text: string) => string {
  return colour ? (t) => `${BOLD_ON}${t}${BOLD_OFF}` : (t) => `»${t}«`;
}

function citationLine(c: Citation, locale: Locale): string {
  return `${c.title} — ${c.source ?? text(locale, 'noSource')}, ${c.date ?? text(locale, 'undated')} [${c.docId}]`;
}

/** An answer's passages numbered from `offset + 1` (a later page of the same answer continues the numbers). */
export function renderAskText(result: AskResult, locale: Locale, bold = emphasis(false), offset = 0): string {
  if (result.abstained) return `${text(locale, 'nothing')}\n${text(locale, 'tryAsking', { suggestions: result.suggestions.join(', ') })}`;
  return result.passages
    .map((p, i) => {
      let passage = p.text;
      for (const h of p.highlights) passage = passage.replace(h, bold(h));
      const [own, ...others] = p.citations;
      const lines = [`[${offset + i + 1}] ${citationLine(own ?? p, locale)}  (${text(locale, 'relevance', { score: p.score })})`, `    ${passage}`];
      if (others.length > 0) lines.push(`    ${text(locale, 'alsoReportedBy')}: ${others.map((c) => citationLine(c, locale)).join('; ')}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

export function renderSourcesText(articles: readonly ArticleMeta[], locale: Locale): string {
  const lines = articles.map((a) => `- ${a.docId}: ${a.title} — ${a.sources.join(', ') || text(locale, 'noSource')}, ${a.date ?? text(locale, 'undated')}${a.author === null ? '' : `, ${a.author}`}`);
  return [`${text(locale, 'sourcesTitle', { n: articles.length })}:`, ...lines].join('\n');
}

export function renderEvalText(report: EvalReport, mode: string): string {
  const f = (x: number | null): string => (x === null ? '-' : x.toFixed(3));
  const misses = report.perQuestion.filter((q) => q.answerable && (q.rank === null || q.rank > 3)).map((q) => `  rank ${q.rank ?? '-'}: ${q.question}`);
  const wrongly = report.perQuestion.filter((q) => !q.answerable && !q.abstained).map((q) => `  ${q.question}`);
  return [
    `${report.n} questions (${report.answerable} answerable, ${report.unanswerable} not), ${mode} retrieval`,
    ...(report.answerable > 0 ? [`hit@1 ${f(report.hitAt1)}  hit@3 ${f(report.hitAt3)}  hit@5 ${f(report.hitAt5)}  MRR@10 ${f(report.mrrAt10)}  answered ${f(report.answered)}`] : []),
    ...(report.unanswerable > 0 ? [`abstained on ${f(report.abstained)} of the questions nothing answers`] : []),
    ...(misses.length > 0 ? ['not in the top 3:', ...misses] : []),
    ...(wrongly.length > 0 ? ['answered though nothing answers:', ...wrongly] : []),
  ].join('\n');
}

export function renderSummaryEvalText(rows: ReadonlyArray<FactCoverage & { corpus: string }>, covered: number, facts: number): string {
  const lines = rows.flatMap((r) => [
    `${r.corpus}: ${r.covered}/${r.facts} facts`,
    ...r.perFact.map((f) => `  ${f.sentence === null ? 'missing ' : `sentence ${f.sentence}`}  ${f.fact}`),
  ]);
  return [...lines, `total: ${covered}/${facts} facts (${facts === 0 ? '0.000' : (covered / facts).toFixed(3)})`].join('\n');
}

export function renderSummaryText(summary: SummaryResult, locale: Locale): string {
  if (summary.sentences.length === 0) return text(locale, 'summaryNothing', { topic: summary.topic ?? '' });
  const cite = (c: SummarySentence['citations'][number]): string => `${c.title} (${c.source ?? text(locale, 'noSource')}, ${c.date ?? text(locale, 'undated')}) [${c.docId}]`;
  const only = summary.scope === 'article' ? summary.sentences[0]?.citations[0] : undefined;
  // A summary of one article cites it once, at the end, rather than after every sentence.
  if (only !== undefined) return [...summary.sentences.map((s, i) => `${i + 1}. ${s.text}`), `   — ${cite(only)}`].join('\n');
  return summary.sentences.map((s, i) => `${i + 1}. ${s.text}\n   — ${s.citations.map(cite).join('; ')}`).join('\n');
}

export function renderTimelineText(timeline: TimelineResult, locale: Locale): string {
  if (timeline.events.length === 0) return text(locale, 'timelineNoEvents');
  return timeline.events
    .map((e) => {
      const cites = e.citations.map((c) => `${c.title} (${c.date ?? text(locale, 'undated')}) [${c.docId}]`).join('; ');
      const how = e.resolution === 'inferred' ? `, ${text(locale, 'yearInferred')}` : '';
      return `${e.date.padEnd(10)}  «${e.dateText}»${how}: ${e.label}\n            — ${cites}`;
    })
    .join('\n');
}

const LETTERS = ['A', 'B', 'C', 'D'] as const;

export function renderQuizText(quiz: QuizResult, locale: Locale): string {
  const blocks = quiz.questions.map((q, i) => [
    `${i + 1}. [${q.kind}] ${q.prompt}`,
    ...q.choices.map((c, j) => `   ${LETTERS[j]}) ${c}`),
    `   ${text(locale, 'quizAnswerKey')}: ${LETTERS[q.answerIndex]} — ${q.explanation}`,
    `   ${text(locale, 'source')}: ${q.source.title} (${q.source.date ?? text(locale, 'undated')}) [${q.source.docId}]`,
  ].join('\n'));
  blocks.push(...shortfallNotice(locale, quiz.questions.length, quiz.shortfall));
  // A quiz with no question has nothing to replay.
  if (quiz.questions.length > 0) blocks.unshift(text(locale, 'quizSeed', { seed: quiz.seed }));
  return blocks.join('\n\n');
}

/** quiz-check's report: the share of questions that keep every rule, by kind, and the failures by rule. */
export function renderQuizCheckText(report: QuizCheckReport): string {
  const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  const lines = [
    `${report.passed}/${report.questions} questions keep every rule (${pct(report.passed, report.questions)}) over ${report.quizzes} quizzes; ${report.shortfalls} said the material was thin.`,
    `By kind: ${Object.entries(report.byKind).map(([k, c]) => `${k} ${c.passed}/${c.questions}`).join(', ')}`,
  ];
  if (report.failures.length > 0) lines.push('Failures by rule:');
  for (const f of report.failures) {
    lines.push(`  ${f.rule} (${f.count}): ${f.says}`);
    for (const e of f.examples) lines.push(`    [seed ${e.seed}, ${e.kind}] ${e.problem} — ${e.prompt.length > 140 ? `${e.prompt.slice(0, 140)}…` : e.prompt}`);
  }
  return lines.join('\n');
}
