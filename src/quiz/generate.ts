/**
 * Multiple-choice questions from the briefing's dated events and passages: when, what,
 * who, how many, who said, which came first (one builder per kind, in `kinds/`). Seeded:
 * the same seed gives the same quiz; without one, a fresh seed is drawn and returned. Every
 * emitted question keeps the structural rules of `check.ts`; when the material is thin, the
 * result says so (`shortfall`): fewer questions than asked, or the kinds it has nothing for.
 */
import { randomInt } from 'node:crypto';
import { KIND_BUILDERS } from './kinds/index.js';
import type { QuizMaterial } from './kinds/types.js';
import { quizMaterial, type QuizInput } from './material.js';
import type { BriefingEvent } from '../events/types.js';
import { choiceLabel } from './kinds/event-choices.js';
import type { Language } from '../text/index.js';
import { numberFactKey, numbersIn } from './numbers.js';
import { dateExpressionSpans } from '../events/dates.js';
import { containment, shingles } from '../text/index.js';
import { seededRandom, shuffled } from './random.js';
import { QUIZ_TUNING } from './tuning.js';
import { QUESTION_KINDS, type QuestionKind, type QuizQuestion, type QuizRequest, type QuizResult } from './types.js';
import { QUESTION_RULES, STRUCTURAL_RULES, questionProblems, type CheckContext } from './check.js';
import { shownTexts } from './shown.js';

export type { QuizInput } from './material.js';

export const QUIZ_DEFAULT_QUESTIONS = 10;
export const QUIZ_MAX_QUESTIONS = 20;

/** Characters of a drawn seed: 36^6 (about 2 billion) quizzes, short enough to type back after `--seed`. */
const SEED_CHARS = 6;

/** A fresh seed for a quiz that was given none. */
export function drawQuizSeed(): string {
  return randomInt(36 ** SEED_CHARS).toString(36).padStart(SEED_CHARS, '0');
}

export function generateQuiz(input: QuizInput, request: QuizRequest = {}, drawSeed: () => string = drawQuizSeed): QuizResult {
  const n = Math.min(QUIZ_MAX_QUESTIONS, Math.max(1, request.n ?? QUIZ_DEFAULT_QUESTIONS));
  const kinds = request.kinds ?? [...QUESTION_KINDS];
  const seed = request.seed === undefined || String(request.seed).trim() === '' ? drawSeed() : String(request.seed).trim();
  const material = quizMaterial(input);
  const checkContext: CheckContext = { lang: material.lang, passages: input.passages, articles: input.articles };

  // What a recent game in this channel showed (its sentences, event choices and their retellings, or another
  // outlet's rewording of them: the same wire copy) is not asked again; nor is what an earlier question of
  // this quiz showed, whose reveal would answer it. When recent games have shown everything, the game starts over.
  const fresh = build(material, kinds, n, seed, shownOf(request.avoid ?? [], material.lang), checkContext);
  const made = fresh.questions.length === 0 && (request.avoid ?? []).length > 0 ? { ...build(material, kinds, n, seed, shownOf([], material.lang), checkContext), startedOver: true } : { ...fresh, startedOver: false };
  const { questions, thin, usedUp, startedOver } = made;
  const short = questions.length < n || thin.length > 0 || startedOver;
  return short ? { seed, questions, shortfall: { asked: n, kinds: thin, ...(usedUp ? { usedUp } : {}), ...(startedOver ? { startedOver } : {}) } } : { seed, questions };
}

/**
 * Every sentence and label (and choice label) of an event, to the sentences of all the articles that report it: a question
 * that shows one of them shows the happening, however another outlet words it.
 */
function eventTellings(events: readonly BriefingEvent[], material: QuizMaterial): Map<string, string[]> {
  const tellings = new Map<string, string[]>();
  for (const e of events) {
    const sentences = [...new Set(e.citations.map((c) => c.sentence))];
    for (const key of [e.label, choiceLabel(e, material), e.sentence, ...sentences]) tellings.set(key, [...new Set([...(tellings.get(key) ?? []), ...sentences])]);
  }
  return tellings;
}

/** What questions showed: their texts' word triples, and the figures they printed (`38 million euros`, as a fill-in's fact). */
interface Shown {
  texts: Array<Set<string>>;
  numbers: Set<string>;
}

/** The key a figure has as a "how many" fact (`numberFactKey`) for every figure of the texts. */
function figuresIn(texts: readonly string[], lang: Language): string[] {
  return texts.flatMap((t) => numbersIn(t, lang, dateExpressionSpans(t)).map((x) => numberFactKey(x)));
}

function shownOf(texts: readonly string[], lang: Language): Shown {
  return { texts: texts.map((t) => shingles(t)), numbers: new Set(figuresIn(texts, lang)) };
}

/** Kinds whose answer is a person. */
const PERSON_KINDS: ReadonlySet<QuestionKind> = new Set(['who', 'who_said']);

interface Built {
  questions: QuizQuestion[];
  /** Kinds with no question, nothing left to try and nothing left out for having been shown: the briefing has no material for them. */
  thin: QuestionKind[];
  /** A question was left out because a recent game showed what it shows. */
  usedUp: boolean;
}

function build(material: QuizMaterial, kinds: readonly QuestionKind[], n: number, seed: string, avoided: Shown, checkContext: CheckContext): Built {
  const random = seededRandom(seed);
  const structural = QUESTION_RULES.filter((r) => STRUCTURAL_RULES.includes(r.id));
  // Round-robin over the kinds in a seeded order, each kind's candidates shuffled.
  const byKind = new Map(kinds.map((k) => [k, shuffled(KIND_BUILDERS[k](material), random)]));
  const questions: QuizQuestion[] = [];
  const facts = new Set<string>();
  const sentences = new Set<string>();
  // A question shows what was shown when a text of it is one shown (or its rewording), or when it asks a figure printed before.
  const overlaps = (q: QuizQuestion, texts: readonly string[], seen: Shown): boolean =>
    (q.kind === 'how_many' && seen.numbers.has(q.factKey)) ||
    texts.some((t) => {
      const own = shingles(t);
      return seen.texts.some((a) => containment(own, a) >= QUIZ_TUNING.sameSentenceContainment);
    });
  const shownHere = shownOf([], material.lang);
  // People this game already has as an answer from an article: after the reveal of one, a second question
  // with the same answer from the same article is guessed, not known.
  const answered = new Set<string>();
  const tellings = eventTellings(material.allEvents, material);
  // Kinds that had a question to ask but left it out for showing what was shown already.
  const shownBefore = new Set<QuestionKind>();
  let usedUp = false;
  // "Which came first" goes first: its answer is one of few early events, whose sentences the other kinds would otherwise take.
  const order = shuffled(kinds, random).sort((a, b) => Number(b === 'which_first') - Number(a === 'which_first'));
  while (questions.length < n && [...byKind.values()].some((list) => list.length > 0)) {
    for (const kind of order) {
      if (questions.length >= n) break;
      const list = byKind.get(kind) ?? [];
      while (list.length > 0) {
        const candidate = list.shift();
        if (candidate === undefined || facts.has(candidate.factKey)) continue;
        const built = candidate.build(random);
        const sentenceKey = built === null ? '' : `${built.source.docId}\u0000${built.source.sentence}`;
        if (built === null || facts.has(built.factKey) || sentences.has(sentenceKey)) continue;
        const retold = [...new Set(shownTexts(built).flatMap((t) => tellings.get(t) ?? []))].filter((t) => !shownTexts(built).includes(t));
        const question: QuizQuestion = { id: `q${questions.length + 1}`, ...built, ...(retold.length > 0 ? { retold } : {}) };
        if (questionProblems(question, checkContext, structural).length > 0) continue;
        const shows = shownTexts(question);
        const person = PERSON_KINDS.has(question.kind) ? `${question.source.docId}\u0000${question.choices[question.answerIndex].split(' ').at(-1) ?? ''}` : null;
        if (overlaps(question, shows, shownHere) || (person !== null && answered.has(person))) {
          shownBefore.add(kind);
          continue;
        }
        if (overlaps(question, shows, avoided)) {
          shownBefore.add(kind);
          usedUp = true;
          continue;
        }
        if (person !== null) answered.add(person);
        facts.add(candidate.factKey);
        facts.add(built.factKey);
        sentences.add(sentenceKey);
        shownHere.texts.push(...shows.map((t) => shingles(t)));
        for (const figure of figuresIn(shows, material.lang)) shownHere.numbers.add(figure);
        questions.push(question);
        break;
      }
    }
  }
  const thin = kinds.filter((k) => !questions.some((q) => q.kind === k) && (byKind.get(k) ?? []).length === 0 && !shownBefore.has(k));
  return { questions, thin, usedUp };
}
