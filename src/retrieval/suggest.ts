/** What the corpus covers, to suggest when a question finds nothing: its most-cited names. */
import type { Passage } from '../corpus/types.js';

export const SUGGESTION_COUNT = 6;
/** Capitalised runs (names, organisations, places), one or more words. */
const NAME_RUN = /(?<![\p{L}])\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*/gu;

const cache = new WeakMap<readonly Passage[], string[]>();

/** Names that appear in the most articles (ties: most passages), longest form first. */
export function corpusTopics(passages: readonly Passage[]): string[] {
  const hit = cache.get(passages);
  if (hit !== undefined) return hit;
  const docs = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  const lowercaseWords = new Set<string>();
  for (const p of passages) for (const m of p.text.matchAll(/(?<![\p{L}])\p{Ll}[\p{L}\p{M}]*/gu)) lowercaseWords.add(m[0]);
  for (const p of passages) {
    for (const sentence of p.sentences) {
      for (const match of sentence.text.matchAll(NAME_RUN)) {
        const name = match[0];
        // A sentence-initial single word is usually not a name.
        if (match.index === 0 && !name.includes(' ')) continue;
        // A capitalised common word (`Tổng` of `Tổng thống`) is not a name.
        if (name.length < 3 || (!name.includes(' ') && lowercaseWords.has(name.toLowerCase()))) continue;
        if (!docs.has(name)) docs.set(name, new Set());
        docs.get(name)?.add(p.docId);
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  const topics = [...docs.keys()]
    .sort((a, b) => (docs.get(b)?.size ?? 0) - (docs.get(a)?.size ?? 0) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : 1))
    .slice(0, SUGGESTION_COUNT);
  cache.set(passages, topics);
  return topics;
}
