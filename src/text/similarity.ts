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
  return shared / small.size;
}

/** |A ∩ B| / |A ∪ B| (0 for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Dot product of two sparse vectors: their cosine similarity when both have unit length. */
export function sparseDot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}
