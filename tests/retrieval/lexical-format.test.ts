/**
 * The lexical index file stores where each term starts (format 3); an index written before
 * (format 2, the terms only) still opens, gives the same search figures, and is written back in
 * format 3 byte for byte as a fresh build.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../src/corpus/chunk.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { LexicalIndex } from '../../src/retrieval/lexical.js';

/** The format-2 file of the index a format-3 file holds: the same bytes without the term starts. */
function withoutStarts(v3: Buffer): Buffer {
  const headerLength = v3.readUInt32LE(5);
  const termLength = v3.readUInt32LE(9);
  const { nTerms } = JSON.parse(v3.toString('utf8', 13, 13 + headerLength)) as { nTerms: number };
  let at = 13 + headerLength + termLength;
  at += (4 - (at % 4)) % 4;
  return Buffer.concat([Buffer.from('BBLX2', 'latin1'), v3.subarray(5, at), v3.subarray(at + 4 * (nTerms + 1))]);
}

describe('the lexical index file', () => {
  it('GIVEN an index written without term starts (format 2) THEN it opens with the same document frequencies and writes back as format 3', async () => {
    const { articles } = await loadCorpus(path.resolve('tests/fixtures/xquad-dev/corpus'));
    const passages = articles.flatMap((a) => chunkArticle(a));
    const built = LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text })));
    const v3 = built.serialize();
    expect(v3.toString('latin1', 0, 5)).toBe('BBLX3');
    const old = LexicalIndex.deserialize(withoutStarts(v3));
    const fresh = LexicalIndex.deserialize(v3);
    for (const term of ['w:the', 'w:việt', 'f:viet', 'b:việt_nam', 'n:1945', 'w:zzzz', 's:die']) {
      expect(old.documentFrequency(term)).toBe(built.documentFrequency(term));
      expect(fresh.documentFrequency(term)).toBe(built.documentFrequency(term));
    }
    expect(old.serialize().equals(v3)).toBe(true);
    expect(fresh.serialize().equals(v3)).toBe(true);
  });

  it('GIVEN term starts that do not fit the terms THEN the file is refused as corrupt', () => {
    const v3 = LexicalIndex.build([{ id: 'a#0', text: 'one two three' }]).serialize();
    const headerLength = v3.readUInt32LE(5);
    const termLength = v3.readUInt32LE(9);
    let at = 13 + headerLength + termLength;
    at += (4 - (at % 4)) % 4;
    const broken = Buffer.from(v3);
    broken.writeInt32LE(2, at + 4);
    expect(() => LexicalIndex.deserialize(broken)).toThrow(/corrupt/u);
  });
});
