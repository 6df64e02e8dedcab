/**
 * Multiple-choice questions from the briefing's dated events and passages: when, what,
 * who, how many, who said, which came first (one builder per kind, in `kinds/`). Seeded:
 * the same seed gives the same quiz; without one, a fresh seed is drawn and returned. Every
 * emitted question keeps the structural rules of `check.ts`; when the material is thin, the
 * result says so (`shortfall`): fewer questions than asked, or the kinds it has nothing for.
 */
import { randomInt } from 'node:crypto';
import { KIND_BUILDERS } from './kinds/index.js';
import type { Candidate } from './kinds/types.js';
import { quizMaterial, type QuizInput } from './material.js';
import { containment, shingles } from '../text/index.js';
import { seededRandom, shuffled } from './random.js';
import { QUIZ_TUNING } from './tuning.js';
import { QUESTION_KINDS, type QuizQuestion, type QuizRequest, type QuizResult } from './types.js';
import { QUESTION_RULES, STRUCTURAL_RULES, questionProblems } from './check.js';
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
  const random = seededRandom(seed);
  const material = quizMaterial(input);
  const structural = QUESTION_RULES.filter((r) => STRUCTURAL_RULES.includes(r.id));
  const checkContext = { lang: material.lang, passages: input.passages, articles: input.articles };

  // Round-robin over the kinds in a seeded order, each kind's candidates shuffled.
  const byKind = new Map(kinds.map((k) => [k, shuffled(KIND_BUILDERS[k](material), random)]));
  const questions: QuizQuestion[] = [];
  const facts = new Set<string>();
  const sentences = new Set<string>();
  // What a recent game showed (its sentences and event choices, or another outlet's rewording of them: the
  // same wire copy) waits; so does what an earlier question of this quiz showed, whose reveal would answer it.
  const avoided = (request.avoid ?? []).map((a) => shingles(a));
  const overlaps = (texts: readonly string[], seen: ReadonlyArray<Set<string>>): boolean =>
    texts.some((t) => {
      const own = shingles(t);
      return seen.some((a) => containment(own, a) >= QUIZ_TUNING.sameSentenceContainment);
    });
  const shownHere: Array<Set<string>> = [];
  // Wire copy reused by a second outlet is the same sentence in other words: one question per story sentence.
  const usedShingles: Array<Set<string>> = [];
  const retold = (sentence: string): boolean => overlaps([sentence], usedShingles);
  // "Which came first" goes first: its answer is one of few early events, whose sentences the other kinds would otherwise take.
  const order = shuffled(kinds, random).sort((a, b) => Number(b === 'which_first') - Number(a === 'which_first'));
  // Candidates that show what was shown before wait, in their kind's order, until the fresh ones run out:
  // first what a recent game showed comes back, and only then what this quiz showed (its reveal is fresher).
  const waiting = [0, 1].map(() => new Map(kinds.map((k) => [k, [] as Candidate[]])));
  const passes = [
    { lists: byKind, seen: () => [...avoided, ...shownHere], next: waiting[0] },
    { lists: waiting[0] ?? new Map<string, Candidate[]>(), seen: () => shownHere, next: waiting[1] },
    { lists: waiting[1] ?? new Map<string, Candidate[]>(), seen: () => [], next: undefined },
  ];
  for (const { lists, seen, next } of passes) {
    while (questions.length < n && [...lists.values()].some((list) => list.length > 0)) {
      for (const kind of order) {
        if (questions.length >= n) break;
        const list = lists.get(kind) ?? [];
        while (list.length > 0) {
          const candidate = list.shift();
          if (candidate === undefined || facts.has(candidate.factKey)) continue;
          const built = candidate.build(random);
          const sentenceKey = built === null ? '' : `${built.source.docId}\u0000${built.source.sentence}`;
          if (built === null || facts.has(built.factKey) || sentences.has(sentenceKey) || retold(built.source.sentence)) continue;
          if (next !== undefined && overlaps(shownTexts(built), seen())) {
            next.get(kind)?.push(candidate);
            continue;
          }
          const question: QuizQuestion = { id: `q${questions.length + 1}`, ...built };
          if (questionProblems(question, checkContext, structural).length > 0) continue;
          facts.add(candidate.factKey);
          facts.add(built.factKey);
          sentences.add(sentenceKey);
          usedShingles.push(shingles(built.source.sentence));
          shownHere.push(...shownTexts(built).map((t) => shingles(t)));
          questions.push(question);
          break;
        }
      }
    }
  }
  // A kind is thin when it has no question and nothing left to try (not merely crowded out by a short quiz).
  const thin = kinds.filter((k) => !questions.some((q) => q.kind === k) && [byKind, ...waiting].every((lists) => (lists.get(k) ?? []).length === 0));
  const short = questions.length < n || thin.length > 0;
  return short ? { seed, questions, shortfall: { asked: n, kinds: thin } } : { seed, questions };
}
