/** Retrieval evaluation: hit@1/3/5 and MRR@10 of answers against labelled phrases. */
import type { AskResult } from './types.js';

export interface EvalItem {
  question: string;
  expect_any: string[];
}

export interface EvalReport {
  n: number;
  hitAt1: number;
  hitAt3: number;
  hitAt5: number;
  mrrAt10: number;
  perQuestion: Array<{ question: string; rank: number | null }>;
}

const MRR_DEPTH = 10;

function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ');
}

/** Rank (1-based) of the first cited passage containing one of the expected phrases. */
export function firstHitRank(result: AskResult, expectAny: readonly string[]): number | null {
  const wanted = expectAny.map(normalise);
  const index = result.passages.findIndex((p) => wanted.some((w) => normalise(p.text).includes(w)));
  return index === -1 ? null : index + 1;
}

export function evaluateRetrieval(items: readonly EvalItem[], results: readonly AskResult[]): EvalReport {
  const perQuestion = items.map((item, i) => {
    const result = results[i];
    return { question: item.question, rank: result === undefined ? null : firstHitRank(result, item.expect_any) };
  });
  const n = items.length;
  const share = (cut: number): number => (n === 0 ? 0 : perQuestion.filter((q) => q.rank !== null && q.rank <= cut).length / n);
  const mrr = n === 0 ? 0 : perQuestion.reduce((sum, q) => sum + (q.rank !== null && q.rank <= MRR_DEPTH ? 1 / q.rank : 0), 0) / n;
  return { n, hitAt1: share(1), hitAt3: share(3), hitAt5: share(5), mrrAt10: mrr, perQuestion };
}
