/**
 * Concept-level BM25: a passage scores the best alternative of each concept, and the
 * share of the question it covers (idf-weighted, counting concepts the corpus lacks as
 * rare) scales the score and gives an absolute relevance in [0, 1].
 */
import type { LexicalIndex } from './lexical.js';
import { fieldWeight, type AnalyzedQuery } from './query.js';

export interface LexicalHit {
  id: string;
  /** Summed concept scores × coverage: for ranking. */
  score: number;
  /** idf-weighted share of the question's concepts the passage matches, in [0, 1]. */
  coverage: number;
}

/** How much of the ranking score depends on coverage (the rest is plain BM25). */
const COVERAGE_EXPONENT = 2;

function conceptIdf(index: LexicalIndex, alternatives: string[][]): number {
  let best = 0;
  for (const alt of alternatives) {
    for (const term of alt) if (index.documentFrequency(term) > 0) best = Math.max(best, index.idf(term) * Math.min(1, fieldWeight(term)));
  }
  return best;
}

export function searchLexical(index: LexicalIndex, query: AnalyzedQuery, k: number): LexicalHit[] {
  if (index.size === 0 || query.concepts.length === 0) return [];
  const missingIdf = Math.log(1 + (index.size + 0.5) / 0.5);
  const perConcept: Array<Map<number, number>> = [];
  const conceptWeights: number[] = [];
  let totalWeight = 0;
  for (const concept of query.concepts) {
    const best = new Map<number, number>();
    for (const alternative of concept.alternatives) {
      const scores = new Map<number, number>();
      for (const term of alternative) index.accumulate(term, fieldWeight(term), scores);
      for (const [doc, s] of scores) if (s > (best.get(doc) ?? 0)) best.set(doc, s);
    }
    const idf = conceptIdf(index, concept.alternatives);
    const weight = concept.weight * (idf > 0 ? idf : missingIdf);
    perConcept.push(best);
    conceptWeights.push(weight);
    totalWeight += weight;
  }
  const raw = new Map<number, number>();
  const covered = new Map<number, number>();
  perConcept.forEach((scores, c) => {
    const w = conceptWeights[c] ?? 0;
    const concept = query.concepts[c];
    for (const [doc, s] of scores) {
      raw.set(doc, (raw.get(doc) ?? 0) + s * (concept?.weight ?? 1));
      covered.set(doc, (covered.get(doc) ?? 0) + w);
    }
  });
  const hits: LexicalHit[] = [];
  for (const [doc, s] of raw) {
    const coverage = Math.min(1, (covered.get(doc) ?? 0) / totalWeight);
    hits.push({ id: index.ids[doc] ?? '', score: s * coverage ** COVERAGE_EXPONENT, coverage });
  }
  hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return hits.slice(0, k);
}
