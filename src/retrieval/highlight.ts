/** The sentences of a passage that answer the question: those matching most of its concepts. */
import type { Sentence } from '../corpus/types.js';
import type { LexicalIndex } from './lexical.js';
import type { AnalyzedQuery } from './query.js';
import { fieldWeight } from './query.js';
import { indexTerms } from './index-terms.js';

/** A sentence is highlighted when it scores at least this share of the best sentence. */
export const HIGHLIGHT_SHARE_OF_BEST = 0.6;

export function sentenceScore(sentence: string, query: AnalyzedQuery, index: LexicalIndex): number {
  const terms = new Set(indexTerms(sentence));
  let score = 0;
  for (const concept of query.concepts) {
    let best = 0;
    for (const alternative of concept.alternatives) {
      let s = 0;
      for (const term of alternative) if (terms.has(term)) s += fieldWeight(term) * Math.max(0.1, index.idf(term));
      best = Math.max(best, s);
    }
    score += best * concept.weight;
  }
  return score;
}

/** Verbatim sentences, in passage order; at least one (the best, or the first when nothing matches). */
export function highlightSentences(sentences: readonly Sentence[], query: AnalyzedQuery, index: LexicalIndex): string[] {
  const scored = sentences.map((s) => ({ text: s.text, score: sentenceScore(s.text, query, index) }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best === 0) return sentences[0] === undefined ? [] : [sentences[0].text];
  return scored.filter((s) => s.score >= best * HIGHLIGHT_SHARE_OF_BEST).map((s) => s.text);
}
