/** Plain-text renderings of core results for the command line and the local console. */
import type { FactCoverage } from '../briefing/summary-eval.js';
import type { SummaryResult } from '../briefing/types.js';
import type { ArticleMeta } from '../corpus/types.js';
import type { TimelineResult } from '../events/types.js';
import type { QuizCheckReport } from '../quiz/quiz-check.js';
import type { QuizResult } from '../quiz/types.js';
import type { EvalReport } from '../retrieval/eval.js';
import type { AskResult, Citation } from '../retrieval/types.js';

export type Locale = 'en' | 'vi';

const WORDS = {
  en: { nothing: 'The briefing has nothing on that.', tryAsking: 'It covers, among others:', sources: 'Also reported by', score: 'relevance', undated: 'undated', noSource: 'source not given', articles: 'articles in the briefing', nothingOn: 'The briefing has nothing on', noEvents: 'No dated events in that range.', inferred: 'year inferred', answer: 'Answer', source: 'Source', seed: 'Seed {seed}: --seed {seed} replays this quiz.' },
  vi: { nothing: 'Bản tin không có thông tin về điều này.', tryAsking: 'Bản tin có đề cập, chẳng hạn:', sources: 'Cũng được đưa tin bởi', score: 'độ liên quan', undated: 'không rõ ngày', noSource: 'không rõ nguồn', articles: 'bài trong bản tin', nothingOn: 'Bản tin không có thông tin về', noEvents: 'Không có sự kiện nào trong khoảng thời gian này.', inferred: 'năm được suy ra', answer: 'Đáp án', source: 'Nguồn', seed: 'Mã đề {seed}: --seed {seed} cho lại đúng bộ câu hỏi này.' },
} as const;

/** ANSI bold when writing to a colour terminal, else »…« markers. */
export function emphasis(colour: boolean): (text: string) => string {
  return colour ? (t) => `\u001b[1m${t}\u001b[22m` : (t) => `»${t}«`;
}

function citationLine(c: Citation, locale: Locale): string {
  return `${c.title} — ${c.source ?? WORDS[locale].noSource}, ${c.date ?? WORDS[locale].undated} [${c.docId}]`;
}

export function renderAskText(result: AskResult, locale: Locale, bold = emphasis(false)): string {
  const w = WORDS[locale];
  if (result.abstained) return `${w.nothing}\n${w.tryAsking} ${result.suggestions.join(', ')}`;
  return result.passages
    .map((p, i) => {
      let text = p.text;
      for (const h of p.highlights) text = text.replace(h, bold(h));
      const [own, ...others] = p.citations;
      const lines = [`[${i + 1}] ${citationLine(own ?? p, locale)}  (${w.score} ${p.score.toFixed(2)})`, `    ${text}`];
      if (others.length > 0) lines.push(`    ${w.sources}: ${others.map((c) => citationLine(c, locale)).join('; ')}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

export function renderSourcesText(articles: readonly ArticleMeta[], locale: Locale): string {
  const w = WORDS[locale];
  const lines = articles.map((a) => `- ${a.docId}: ${a.title} — ${a.sources.join(', ') || w.noSource}, ${a.date ?? w.undated}${a.author === null ? '' : `, ${a.author}`}`);
  return [`${articles.length} ${w.articles}:`, ...lines].join('\n');
}

export function renderEvalText(report: EvalReport, mode: string): string {
  const f = (x: number): string => x.toFixed(3);
  const misses = report.perQuestion.filter((q) => q.rank === null || q.rank > 3).map((q) => `  rank ${q.rank ?? '-'}: ${q.question}`);
  return [
    `${report.n} questions, ${mode} retrieval`,
    `hit@1 ${f(report.hitAt1)}  hit@3 ${f(report.hitAt3)}  hit@5 ${f(report.hitAt5)}  MRR@10 ${f(report.mrrAt10)}`,
    ...(misses.length > 0 ? ['not in the top 3:', ...misses] : []),
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
  const w = WORDS[locale];
  if (summary.sentences.length === 0) return `${w.nothingOn} "${summary.topic ?? ''}".`;
  return summary.sentences
    .map((s, i) => `${i + 1}. ${s.text}\n   — ${s.citations.map((c) => `${c.title} (${c.source ?? w.noSource}, ${c.date ?? w.undated}) [${c.docId}]`).join('; ')}`)
    .join('\n');
}

export function renderTimelineText(timeline: TimelineResult, locale: Locale): string {
  const w = WORDS[locale];
  if (timeline.events.length === 0) return w.noEvents;
  return timeline.events
    .map((e) => {
      const cites = e.citations.map((c) => `${c.title} (${c.date ?? w.undated}) [${c.docId}]`).join('; ');
      const how = e.resolution === 'inferred' ? `, ${w.inferred}` : '';
      return `${e.date.padEnd(10)}  «${e.dateText}»${how}: ${e.label}\n            — ${cites}`;
    })
    .join('\n');
}

const LETTERS = ['A', 'B', 'C', 'D'] as const;

export function renderQuizText(quiz: QuizResult, locale: Locale): string {
  const w = WORDS[locale];
  const blocks = quiz.questions.map((q, i) => [
    `${i + 1}. [${q.kind}] ${q.prompt}`,
    ...q.choices.map((c, j) => `   ${LETTERS[j]}) ${c}`),
    `   ${w.answer}: ${LETTERS[q.answerIndex]} — ${q.explanation}`,
    `   ${w.source}: ${q.source.title} (${q.source.date ?? w.undated}) [${q.source.docId}]`,
  ].join('\n'));
  if (quiz.shortfall !== undefined) blocks.push(quiz.shortfall);
  blocks.unshift(w.seed.replaceAll('{seed}', quiz.seed));
  return blocks.join('\n\n');
}

/** quiz-check's report: the share of questions that keep every rule, by kind, and the failures by rule. */
export function renderQuizCheckText(report: QuizCheckReport): string {
  const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  const lines = [
    `${report.passed}/${report.questions} questions keep every rule (${pct(report.passed, report.questions)}) over ${report.quizzes} quizzes; ${report.shortfalls} came back short.`,
    `By kind: ${Object.entries(report.byKind).map(([k, c]) => `${k} ${c.passed}/${c.questions}`).join(', ')}`,
  ];
  if (report.failures.length > 0) lines.push('Failures by rule:');
  for (const f of report.failures) {
    lines.push(`  ${f.rule} (${f.count}): ${f.says}`);
    for (const e of f.examples) lines.push(`    [seed ${e.seed}, ${e.kind}] ${e.problem} — ${e.prompt.length > 140 ? `${e.prompt.slice(0, 140)}…` : e.prompt}`);
  }
  return lines.join('\n');
}
