/** What the corpus covers, to suggest when a question finds nothing: the names most articles mention. */
import { actorFinder } from '../corpus/names.js';
import type { Passage } from '../corpus/types.js';

export const SUGGESTION_COUNT = 6;

const cache = new WeakMap<object, string[]>();

/** The `count` names in the most articles (ties: most mentions); ranked once per passage collection. */
export function corpusTopics(collection: readonly Passage[] | ReadonlyMap<string, Passage>, count = SUGGESTION_COUNT): string[] {
  const hit = cache.get(collection);
  if (hit !== undefined) return hit.slice(0, count);
  const passages = Array.isArray(collection) ? (collection as readonly Passage[]) : [...(collection as ReadonlyMap<string, Passage>).values()];
  const sentences = passages.flatMap((p) => p.sentences.map((s) => ({ docId: p.docId, text: s.text })));
  const finder = actorFinder(sentences.map((s) => s.text));
  const docs = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const s of sentences) {
    for (const name of finder.actors(s.text)) {
      if (!docs.has(name)) docs.set(name, new Set());
      docs.get(name)?.add(s.docId);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const topics = [...docs.keys()]
    .sort((a, b) => (docs.get(b)?.size ?? 0) - (docs.get(a)?.size ?? 0) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : 1));
  cache.set(collection, topics);
  return topics.slice(0, count);
}
