/**
 * Building the lexical index from an earlier one: documents kept take their postings from it,
 * and the result is the index a build from every text gives, byte for byte.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../src/corpus/chunk.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { LexicalIndex } from '../../src/retrieval/lexical.js';

async function passagesOf(dir: string): Promise<Array<{ id: string; text: string }>> {
  const { articles } = await loadCorpus(path.resolve(dir));
  return articles.flatMap((a) => chunkArticle(a)).map((p) => ({ id: p.id, text: p.text }));
}

const same = (a: LexicalIndex, b: LexicalIndex): boolean => a.serialize().equals(b.serialize());

describe('LexicalIndex.build with an earlier index', () => {
  it.each([['the demo corpus', 'corpus'], ['Vietnamese Wikipedia (XQuAD)', 'tests/fixtures/xquad-dev/corpus'], ['English Wikipedia (XQuAD)', 'tests/fixtures/xquad-dev/corpus-en']])(
    'GIVEN %s with documents removed, added and changed THEN the result is the full build',
    async (_what, dir) => {
      const docs = await passagesOf(dir);
      const before = LexicalIndex.build(docs);
      const changedId = docs[3]!.id;
      const after = [
        { id: 'aaa#0', text: 'A new first passage: the harbour counted 212 ships in December, a winter record.' },
        ...docs.filter((_, i) => i % 7 !== 1).map((d) => (d.id === changedId ? { id: d.id, text: `${d.text} Thêm một câu mới về cảng biển.` } : d)),
        { id: 'zzz#0', text: 'A new last passage about the ferry to Marenza, twice a day from March.' },
      ];
      const reused = LexicalIndex.build(after, { from: before, unchanged: (id) => id !== changedId });
      expect(same(reused, LexicalIndex.build(after))).toBe(true);
      expect(reused.documentFrequency('n:212')).toBe(LexicalIndex.build(after).documentFrequency('n:212'));
    },
  );

  it('GIVEN a document vouched unchanged whose text did change THEN its old postings are kept (the caller\'s word is taken)', () => {
    const before = LexicalIndex.build([{ id: 'a', text: 'harbour ferry' }]);
    const after = LexicalIndex.build([{ id: 'a', text: 'lighthouse keeper' }], { from: before, unchanged: () => true });
    expect(after.documentFrequency('w:harbour')).toBe(1);
    expect(after.documentFrequency('w:lighthouse')).toBe(0);
  });

  it('GIVEN kept documents in another order THEN the index is built from the texts and still matches the full build', () => {
    const docs = [{ id: 'a', text: 'harbour ferry' }, { id: 'b', text: 'ferry lighthouse' }, { id: 'c', text: 'lighthouse keeper' }];
    const before = LexicalIndex.build(docs);
    const reordered = [docs[2]!, docs[0]!, docs[1]!];
    expect(same(LexicalIndex.build(reordered, { from: before, unchanged: () => true }), LexicalIndex.build(reordered))).toBe(true);
  });
});
