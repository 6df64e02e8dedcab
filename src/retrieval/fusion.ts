/** Reciprocal rank fusion of ranked lists, and the relevance that the floor is checked on. */

/** The usual RRF constant: damps the weight of the very first ranks. */
export const RRF_K = 60;

export interface Ranked {
  id: string;
}

/** RRF scores of ids over several rankings (each best first), highest first. */
export function reciprocalRankFusion(rankings: ReadonlyArray<readonly Ranked[]>, k = RRF_K): Array<{ id: string; score: number }> {
  const scores = new Map<string, number>();
  for (const ranking of rankings) ranking.forEach((item, rank) => scores.set(item.id, (scores.get(item.id) ?? 0) + 1 / (k + rank + 1)));
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/** Cosine similarity at which an e5-style embedding match starts to count, and where it is certain. */
export const VECTOR_SIMILARITY_FLOOR = 0.8;
export const VECTOR_SIMILARITY_CEILING = 0.92;

/** A vector similarity mapped onto [0, 1] relevance. */
export function vectorRelevance(similarity: number): number {
  return Math.max(0, Math.min(1, (similarity - VECTOR_SIMILARITY_FLOOR) / (VECTOR_SIMILARITY_CEILING - VECTOR_SIMILARITY_FLOOR)));
}
