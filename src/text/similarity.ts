/** Overlap measures between texts, as sets of word n-grams or as sparse weighted vectors. */
import { ngrams, syllables } from './tokens.js';

/** Word `size`-shingles of a text; a shorter text is one shingle of all its words. */
export function shingles(text: string, size = 3): Set<string> {
  const words = syllables(text);
  if (words.length < size) return new Set(words.length > 0 ? [words.join(' ')] : []);
  return new Set(ngrams(words, size));
}

/** |A ∩ B| / min(|A|, |B|): 1 when the smaller set is contained in the larger; 0 when either is empty. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return containmentOf(shared, a.size, b.size);
}

/** `containment` of two sets of these sizes that share `shared` members. */
export function containmentOf(shared: number, sizeA: number, sizeB: number): number {
  return sizeA === 0 || sizeB === 0 ? 0 : shared / Math.min(sizeA, sizeB);
}

/** |A ∩ B| / |A ∪ B| (0 for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return jaccardOf(shared, a.size, b.size);
}

/** `jaccard` of two sets of these sizes that share `shared` members. */
export function jaccardOf(shared: number, sizeA: number, sizeB: number): number {
  return sizeA === 0 && sizeB === 0 ? 0 : shared / (sizeA + sizeB - shared);
}

/**
 * Sets added one at a time, each able to count at once what it shares with every set added
 * before it: comparing n sets pairwise then costs about what they share, instead of n² passes
 * over their members (the near-duplicate collapse of an answer's 50 candidates).
 */
export class OverlapCounter {
  private readonly holders = new Map<string, number[]>();
  private added = 0;

  /** How many members `set` shares with each set added, in the order they were added. */
  shared(set: ReadonlySet<string>): number[] {
    const counts = new Array<number>(this.added).fill(0);
    for (const x of set) {
      const holders = this.holders.get(x);
      if (holders !== undefined) for (const i of holders) counts[i] = (counts[i] as number) + 1;
    }
    return counts;
  }

  add(set: ReadonlySet<string>): void {
    for (const x of set) {
      const holders = this.holders.get(x);
      if (holders === undefined) this.holders.set(x, [this.added]);
      else holders.push(this.added);
    }
    this.added++;
  }
}

/** Dot product of two sparse vectors: their cosine similarity when both have unit length. */
export function sparseDot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}
