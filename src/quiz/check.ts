/**
 * The rules a quiz question keeps, each a function that names what is wrong (or null), so that
 * `quiz-check` can count failures by rule. The generator filters only on the structural rules
 * (`STRUCTURAL_RULES`: four distinct choices, a cited passage that holds the answer…); the other
 * rules are what it aims at by building from fitting material, and quiz-check measures how often
 * it gets there.
 */
import type { Article, Passage } from '../corpus/types.js';
import { labelProblem } from '../events/label.js';
import { MONTH_NAMES_EN, detectLanguage, escapeRegex, readNumber, type Language } from '../text/index.js';
import type { QuestionKind, QuizQuestion } from './types.js';
import { PERSON_TITLES } from './people.js';
import { convertedBeside } from './numbers.js';

/** Longer prompts cannot be read within a countdown (and were up to 1,200 characters). */
export const PROMPT_MAX_CHARS = 300;

export interface CheckContext {
  lang: Language;
  passages: readonly Passage[];
  articles: readonly Article[];
}

export interface QuestionRule {
  id: string;
  /** What the rule asks, for the report. */
  says: string;
  /** The kinds it applies to; all when absent. */
  kinds?: readonly QuestionKind[];
  problem(q: QuizQuestion, ctx: CheckContext): string | null;
}

export function normaliseChoice(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\s.,;:!?"“”'‘’«»()]+/gu, ' ').trim();
}

const answerOf = (q: QuizQuestion): string => q.choices[q.answerIndex] ?? '';

/** The text between the first opening and the last closing quotation mark of a prompt. */
function quotedPart(prompt: string): string | null {
  const m = /["“](.*)["”]/su.exec(prompt);
  return m === null ? null : (m[1] ?? '');
}

const lastWord = (name: string): string => name.split(/\s+/u).pop() ?? name;

/** Whether the corpus writes `name` (or its last word) right after a word that introduces a person. */
function introducedAsPerson(name: string, ctx: CheckContext): boolean {
  // Titles start with either case (`Ông`, `ông`); no `i` flag, so that \p{Lu} keeps meaning a capital.
  const cue = PERSON_TITLES.map((c) => `[${c.charAt(0).toUpperCase()}${c.charAt(0)}]${escapeRegex(c.slice(1))}`).join('|');
  const tail = [name, lastWord(name)].map(escapeRegex).join('|');
  const before = new RegExp(`(?<![\\p{L}\\p{M}])(?:${cue})\\.?\\s+(?:\\p{Lu}[\\p{L}\\p{M}.-]*\\s+){0,3}(?:${tail})(?![\\p{L}\\p{M}])`, 'u');
  const apposition = new RegExp(`(?<![\\p{L}\\p{M}])(?:${tail}), (?:a|an|the|who|người) [^,.;]{0,40}?(?<![\\p{L}\\p{M}])(?:${cue})(?![\\p{L}\\p{M}])`, 'iu');
  const titleComma = new RegExp(`(?<![\\p{L}\\p{M}])(?:${cue}),\\s+(?:\\p{Lu}[\\p{L}\\p{M}.-]*\\s+(?:(?:de|van|von|der|da|di|du|la|le)\\s+)?){0,3}(?:${tail})[,)]`, 'u');
  return ctx.articles.some((a) => a.sentences.some((s) => before.test(s.text) || apposition.test(s.text) || titleComma.test(s.text)));
}

const ENGLISH_MONTH = new RegExp(`\\b(?:${MONTH_NAMES_EN.join('|')})\\b`, 'u');
/** A date choice with its numbers and month names blanked: choices of one precision share it. */
const dateShape = (c: string): string => c.replace(/\d+(?:st|nd|rd|th)?/gu, '9').replace(ENGLISH_MONTH, 'M');

export const QUESTION_RULES: readonly QuestionRule[] = [
  {
    id: 'four-distinct-choices',
    says: 'four choices, non-empty and all different',
    problem: (q) => {
      const keys = q.choices.map(normaliseChoice);
      if (q.choices.length !== 4) return `${q.choices.length} choices`;
      if (keys.some((k) => k === '')) return 'an empty choice';
      return new Set(keys).size === 4 ? null : 'two choices are the same';
    },
  },
  {
    id: 'corpus-language',
    says: 'the prompt is in the corpus language (its own words, outside what it quotes)',
    problem: (q, ctx) => {
      const own = q.prompt.replace(/"[^"]*"|“[^”]*”/gu, ' ');
      const language = detectLanguage(own);
      return language === ctx.lang ? null : `a ${language} prompt for a ${ctx.lang} corpus`;
    },
  },
  {
    id: 'answer-not-in-prompt',
    says: 'the prompt does not give its answer away',
    problem: (q) => (normaliseChoice(q.prompt).includes(normaliseChoice(answerOf(q))) ? `the prompt contains "${answerOf(q)}"` : null),
  },
  {
    id: 'prompt-length',
    says: `a prompt of at most ${PROMPT_MAX_CHARS} characters`,
    problem: (q) => (q.prompt.length > PROMPT_MAX_CHARS ? `${q.prompt.length} characters` : null),
  },
  {
    id: 'prompt-has-content',
    says: 'a quoted event, sentence or quotation in a prompt is a readable piece of text',
    kinds: ['when', 'who', 'how_many', 'who_said'],
    problem: (q) => {
      const quoted = quotedPart(q.prompt);
      if (quoted === null) return 'nothing quoted';
      const words = quoted.match(/[\p{L}\p{M}]+/gu) ?? [];
      return words.length < 4 ? `only ${words.length} words quoted` : null;
    },
  },
  {
    id: 'not-a-conversion',
    says: 'a blanked number is not the same measure as one beside it in another unit (`340 miles (____ km)`)',
    kinds: ['how_many'],
    problem: (q) => {
      const at = q.source.sentence.indexOf(answerOf(q));
      return at >= 0 && convertedBeside(q.source.sentence, at, at + answerOf(q).length) ? `"${answerOf(q)}" converts a measure beside it` : null;
    },
  },
  {
    id: 'cited-source',
    says: 'the cited passage is in the briefing and holds the cited sentence; the sentence holds a fill-in\'s answer, the passage names a quotation\'s speaker',
    problem: (q, ctx) => {
      if (!ctx.passages.some((p) => p.docId === q.source.docId && p.text === q.source.text)) return 'not a passage of the briefing';
      if (!q.source.text.includes(q.source.sentence)) return 'the sentence is not in the passage';
      if (q.kind === 'who' || q.kind === 'how_many') {
        return normaliseChoice(q.source.sentence).includes(normaliseChoice(answerOf(q))) ? null : `the sentence does not hold "${answerOf(q)}"`;
      }
      // A quotation may be said by `she` or `ông`: the passage around it names the speaker.
      if (q.kind === 'who_said') {
        return normaliseChoice(q.source.text).includes(normaliseChoice(lastWord(answerOf(q)))) ? null : `the passage does not name "${answerOf(q)}"`;
      }
      return null;
    },
  },
  {
    id: 'explanation',
    says: 'a one-line explanation for the reveal',
    problem: (q) => (q.explanation.trim() === '' ? 'empty' : q.explanation.includes('\n') ? 'more than one line' : null),
  },
  {
    id: 'event-labels',
    says: 'events shown (the "when" prompt, "what" and "which came first" choices) are labels a person understands alone',
    kinds: ['when', 'what', 'which_first'],
    problem: (q, ctx) => {
      const labels = q.kind === 'when' ? [quotedPart(q.prompt) ?? ''] : q.choices;
      for (const label of labels) {
        const problem = labelProblem(label, ctx.lang);
        if (problem !== null) return `"${label}": ${problem}`;
      }
      return null;
    },
  },
  {
    id: 'people-only',
    says: '"who" and "who said" choices are people the briefing introduces as people (a title or cue before the name)',
    kinds: ['who', 'who_said'],
    problem: (q, ctx) => {
      const notPerson = q.choices.find((c) => !introducedAsPerson(c, ctx));
      return notPerson === undefined ? null : `"${notPerson}" is not introduced as a person`;
    },
  },
  {
    id: 'one-spelling-per-person',
    says: 'no two choices name the same person',
    kinds: ['who', 'who_said'],
    problem: (q) => {
      const lasts = q.choices.map((c) => lastWord(c).toLowerCase());
      return new Set(lasts).size === lasts.length ? null : 'two choices share a surname';
    },
  },
  {
    id: 'number-format',
    says: 'number choices keep the answer\'s form (separators, decimals, unit), and percentages stay within 0–100',
    kinds: ['how_many'],
    problem: (q, ctx) => {
      const split = (c: string): { number: string; unit: string } => {
        const m = /^(\d[\d.,]*)(.*)$/su.exec(c);
        return { number: m?.[1] ?? '', unit: m?.[2] ?? c };
      };
      const answer = split(answerOf(q));
      const answerForm = readNumber(answer.number, ctx.lang);
      if (answerForm === null) return `the answer "${answerOf(q)}" is not a number`;
      for (const c of q.choices) {
        const { number, unit } = split(c);
        const form = readNumber(number, ctx.lang);
        if (form === null) return `"${c}" is not a number as the corpus writes them`;
        if (unit !== answer.unit) return `"${c}" has another unit than "${answerOf(q)}"`;
        if (form.decimals !== answerForm.decimals || (form.group === '') !== (answerForm.group === '') && Math.max(form.value, answerForm.value) >= 10000) return `"${c}" is not in the form of "${answerOf(q)}"`;
      }
      const percent = /%|percent|per cent|phần trăm/iu.test(answer.unit) || /____\s*(?:%|percent|per cent|phần trăm)/iu.test(q.prompt);
      const over = q.choices.find((c) => (readNumber(split(c).number, ctx.lang)?.value ?? 0) > 100);
      return percent && over !== undefined ? `${over} is above 100%` : null;
    },
  },
  {
    id: 'date-choices',
    says: '"when" choices are dates of one precision, written in the corpus language',
    kinds: ['when'],
    problem: (q, ctx) => {
      const shapes = new Set(q.choices.map(dateShape));
      if (shapes.size !== 1) return 'dates of different precisions or forms';
      const foreign = q.choices.find((c) => (ctx.lang === 'vi' ? ENGLISH_MONTH.test(c) : /tháng|năm/iu.test(c)));
      return foreign === undefined ? null : `"${foreign}" is not written in the corpus language`;
    },
  },
];

/** The rules the generator never breaks: a question that fails one is not asked. */
export const STRUCTURAL_RULES: readonly string[] = ['four-distinct-choices', 'answer-not-in-prompt', 'cited-source', 'explanation'];

export interface Problem {
  rule: string;
  problem: string;
}

export function questionProblems(q: QuizQuestion, ctx: CheckContext, rules: readonly QuestionRule[] = QUESTION_RULES): Problem[] {
  const out: Problem[] = [];
  for (const rule of rules) {
    if (rule.kinds !== undefined && !rule.kinds.includes(q.kind)) continue;
    const problem = rule.problem(q, ctx);
    if (problem !== null) out.push({ rule: rule.id, problem });
  }
  return out;
}

/** Rules over a whole quiz: one fact and one source sentence per quiz. Returns problems by question id. */
export function quizProblems(questions: readonly QuizQuestion[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  const add = (id: string, p: Problem): void => void out.set(id, [...(out.get(id) ?? []), p]);
  const facts = new Map<string, string>();
  const sentences = new Map<string, string>();
  for (const q of questions) {
    const fact = facts.get(q.factKey);
    if (fact !== undefined) add(q.id, { rule: 'one-fact-per-quiz', problem: `asks the fact of ${fact} again` });
    else facts.set(q.factKey, q.id);
    const key = `${q.source.docId}\u0000${q.source.sentence}`;
    const sentence = sentences.get(key);
    if (sentence !== undefined) add(q.id, { rule: 'one-sentence-per-quiz', problem: `built from the sentence of ${sentence}` });
    else sentences.set(key, q.id);
  }
  return out;
}
