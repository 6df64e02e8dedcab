/**
 * Maximal marginal relevance (Carbonell & Goldstein, 1998): pick items one at a time, each
 * maximising `lambda × relevance − (1 − lambda) × redundancy`, where redundancy is the item's
 * highest similarity to an item already picked. Pure: the knobs are parameters.
 */

export interface MmrOptions<T> {
  /** Relevance against novelty: 1 ranks by relevance alone, 0 by novelty alone. */
  lambda: number;
  /** How many items to pick at most. */
  picks: number;
  /** An item's relevance; it may depend on what is already picked (coverage of what is still missing). */
  relevance(item: T, picked: readonly T[]): number;
  /** Similarity of an item already picked to a candidate (higher is more alike); redundancy never goes below 0. */
  similarity(picked: T, candidate: T): number;
  /** True when `candidate` may not be picked beside `picked` at all (a near-duplicate). */
  excludes?(candidate: T, picked: T): boolean;
}

/**
 * The picked items, in the order picked. Ties go to the earlier item. Redundancy is updated
 * with each new pick only, so the cost is items × picks similarity computations. Stops early
 * when every remaining item is excluded.
 */
export function maximalMarginalRelevance<T>(items: readonly T[], options: MmrOptions<T>): T[] {
  const { lambda, picks } = options;
  const redundancy = items.map(() => 0);
  const open = items.map(() => true);
  const picked: T[] = [];
  while (picked.length < picks) {
    let best = -1;
    let bestValue = -Infinity;
    items.forEach((item, i) => {
      if (!open[i]) return;
      const value = lambda * options.relevance(item, picked) - (1 - lambda) * (redundancy[i] ?? 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    const chosen = items[best];
    if (best < 0 || chosen === undefined) break;
    open[best] = false;
    picked.push(chosen);
    items.forEach((item, i) => {
      if (!open[i]) return;
      if (options.excludes?.(item, chosen) === true) open[i] = false;
      else redundancy[i] = Math.max(redundancy[i] ?? 0, options.similarity(chosen, item));
    });
  }
  return picked;
}
