import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkCorpus } from '../../src/corpus/chunk.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Passage } from '../../src/corpus/types.js';
import { deserializeStore, openStore, serializeStore } from '../../src/retrieval/document-store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let articles: Article[];
let passages: Passage[];

beforeAll(async () => {
  articles = (await loadCorpus(path.join(ROOT, 'corpus'))).articles;
  passages = chunkCorpus(articles);
});

describe('document store', () => {
  it('GIVEN the demo corpus THEN articles, sentences, captions and passages come back equal', () => {
    const back = deserializeStore(serializeStore({ articles, passages }));
    expect(back.articles).toEqual(articles);
    expect(back.passages).toEqual(passages);
  });

  it('holds each article text once: smaller than the JSON of the same data', () => {
    const bytes = serializeStore({ articles, passages }).length;
    expect(bytes).toBeLessThan(Buffer.byteLength(JSON.stringify({ articles, passages })) / 2);
  });

  it('GIVEN a passage that is not a run of its article sentences THEN serialising refuses it', () => {
    const first = passages[0]!;
    const reworded = { ...first, text: `${first.text} (edited)` };
    expect(() => serializeStore({ articles, passages: [reworded, ...passages.slice(1)] })).toThrow(/not a run/u);
  });

  it('GIVEN a truncated or altered buffer THEN it reports corruption instead of wrong text', () => {
    const bytes = serializeStore({ articles, passages });
    expect(() => deserializeStore(bytes.subarray(0, bytes.length - 4))).toThrow(/corrupt/u);
    const broken = Buffer.from(bytes);
    broken.write('XXXXX', 0, 'latin1');
    expect(() => deserializeStore(broken)).toThrow(/corrupt/u);
  });

  it('GIVEN a stored corpus opened THEN an article or a passage asked for by id is the one stored, the same object whichever way it is reached, and a wrong id finds nothing', () => {
    const store = openStore(serializeStore({ articles, passages }));
    expect(store.passageMap.size).toBe(passages.length);
    expect(store.articles.size).toBe(articles.length);
    expect(store.sources).toEqual(articles.map(({ raw: _raw, sentences: _sentences, captions: _captions, ...meta }) => meta));
    const last = passages[passages.length - 1]!;
    const asked = store.passageMap.get(last.id);
    expect(asked).toEqual(last);
    expect(store.articles.get(last.docId)).toEqual(articles.find((a) => a.docId === last.docId));
    expect(store.passages.find((p) => p.id === last.id)).toBe(asked);
    expect([...store.passageMap.values()]).toEqual(passages);
    expect([...store.articles.keys()]).toEqual(articles.map((a) => a.docId));
    expect(store.articles.get(last.docId)?.sentences).toContain(asked?.sentences[0]);
    for (const wrong of [`${last.docId}#`, `${last.docId}#01`, `${last.docId}#${passages.length}`, `${last.docId}#-1`, 'no-such-article#0', last.docId]) {
      expect(store.passageMap.get(wrong)).toBeUndefined();
      expect(store.passageMap.has(wrong)).toBe(false);
    }
    expect(store.articles.get('no-such-article')).toBeUndefined();
  });

  it('GIVEN the store read into shared memory at an odd offset (as a large index is, for its checksum thread) THEN it opens to the same articles and passages', () => {
    const bytes = serializeStore({ articles, passages });
    const shared = Buffer.from(new SharedArrayBuffer(bytes.length + 1)).subarray(1);
    bytes.copy(shared);
    const store = openStore(shared);
    expect([...store.articles.values()]).toEqual(articles);
    expect(store.passages).toEqual(passages);
  });

  it('GIVEN a record pointing past its article THEN opening the store reports corruption before anything is built', () => {
    const bytes = Buffer.from(serializeStore({ articles, passages }));
    // The last record is the last passage's sentence count.
    bytes.writeInt32LE(10_000, bytes.length - 4);
    expect(() => openStore(bytes)).toThrow(/corrupt: passage \d+ of .* is out of range/u);
    const sentences = articles.reduce((n, a) => n + a.sentences.length, 0);
    const captions = articles.reduce((n, a) => n + a.captions.length, 0);
    const firstSentenceEnd = bytes.length - 4 * (3 * sentences + 2 * captions + 2 * passages.length) + 4;
    const intact = Buffer.from(serializeStore({ articles, passages }));
    intact.writeInt32LE(1 << 30, firstSentenceEnd);
    expect(() => openStore(intact)).toThrow(/corrupt: offsets out of range/u);
  });

  it('GIVEN an empty corpus THEN it round-trips to nothing', () => {
    expect(deserializeStore(serializeStore({ articles: [], passages: [] }))).toEqual({ articles: [], passages: [] });
  });
});
