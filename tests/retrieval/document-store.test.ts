import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkCorpus } from '../../src/corpus/chunk.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Article, Passage } from '../../src/corpus/types.js';
import { deserializeStore, serializeStore } from '../../src/retrieval/document-store.js';

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

  it('GIVEN an empty corpus THEN it round-trips to nothing', () => {
    expect(deserializeStore(serializeStore({ articles: [], passages: [] }))).toEqual({ articles: [], passages: [] });
  });
});
