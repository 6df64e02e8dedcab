/**
 * Retrieval evaluation: hit@1/3/5 and MRR@10 of answers against labelled phrases, the share of
 * answerable questions answered, and the share of unanswerable questions correctly abstained.
 */
import { normalizeText } from '../text/index.js';
import type { AskResult } from './types.js';

export interface EvalItem {
  question: string;
  /** Phrases any of which, in a cited passage, answers the question; empty for a question nothing answers. */
  expect_any: string[];
  /** The articles (docIds) that answer it, when known: what a split-half evaluation reads. */
  docs?: string[];
}

/** One question asked: whether the indexed articles can answer it, and what came back. */
export interface EvalCase {
  item: EvalItem;
  answerable: boolean;
  result: AskResult;
}

export interface EvalReport {
  /** Questions asked (a split-half evaluation asks each question twice, once per half). */
  n: number;
  /** Of those, questions the indexed articles answer. */
  answerable: number;
  /** hit@k and MRR over the answerable questions (an abstention is a miss); null when there are none. */
  hitAt1: number | null;
  hitAt3: number | null;
  hitAt5: number | null;
  mrrAt10: number | null;
  /** Share of the answerable questions given an answer rather than an abstention. */
  answered: number | null;
  /** Questions the indexed articles do not answer. */
  unanswerable: number;
  /** Share of those the answer abstained on. */
  abstained: number | null;
  perQuestion: Array<{ question: string; answerable: boolean; rank: number | null; abstained: boolean }>;
}

const MRR_DEPTH = 10;

function normalise(text: string): string {
  return normalizeText(text).toLowerCase().replace(/\s+/gu, ' ');
}

/** Rank (1-based) of the first cited passage containing one of the expected phrases. */
export function firstHitRank(result: AskResult, expectAny: readonly string[]): number | null {
  const wanted = expectAny.map(normalise);
  const index = result.passages.findIndex((p) => wanted.some((w) => normalise(p.text).includes(w)));
  return index === -1 ? null : index + 1;
}

/**
 * Each item with its result: answerable when something is expected of it, unless `unanswerable`
 * says the indexed articles cannot answer any of them (questions about other articles).
 */
export function evalCases(items: readonly EvalItem[], results: readonly AskResult[], unanswerable = false): EvalCase[] {
  return items.flatMap((item, i) => {
    const result = results[i];
    return result === undefined ? [] : [{ item, answerable: !unanswerable && item.expect_any.length > 0, result }];
  });
}

export function evaluateRetrieval(cases: readonly EvalCase[]): EvalReport {
  const perQuestion = cases.map(({ item, answerable, result }) => ({
    question: item.question,
    answerable,
    rank: answerable ? firstHitRank(result, item.expect_any) : null,
    abstained: result.abstained,
  }));
  const answerable = perQuestion.filter((q) => q.answerable);
  const unanswerable = perQuestion.filter((q) => !q.answerable);
  const shareOf = <T>(of: readonly T[], test: (x: T) => boolean): number | null => (of.length === 0 ? null : of.filter(test).length / of.length);
  const hitAt = (cut: number): number | null => shareOf(answerable, (q) => q.rank !== null && q.rank <= cut);
  const mrr = answerable.length === 0 ? null : answerable.reduce((sum, q) => sum + (q.rank !== null && q.rank <= MRR_DEPTH ? 1 / q.rank : 0), 0) / answerable.length;
  return {
    n: perQuestion.length,
    answerable: answerable.length,
    hitAt1: hitAt(1),
    hitAt3: hitAt(3),
    hitAt5: hitAt(5),
    mrrAt10: mrr,
    answered: shareOf(answerable, (q) => !q.abstained),
    unanswerable: unanswerable.length,
    abstained: shareOf(unanswerable, (q) => q.abstained),
    perQuestion,
  };
}
