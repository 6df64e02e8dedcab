import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VectorStore } from '../../src/retrieval/vector-store.js';
import { fakeVector, FAKE_DIMENSIONS } from './fake-embedder.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const items = Array.from({ length: 50 }, (_, i) => ({ id: `doc#${i}`, vector: fakeVector(`text ${i}`) }));

describe('VectorStore', () => {
  it('finds a stored vector as its own nearest neighbour with similarity 1', async () => {
    const store = await VectorStore.create(FAKE_DIMENSIONS, items);
    const [best] = store.search(fakeVector('text 17'), 3);
    expect(best?.id).toBe('doc#17');
    expect(best?.similarity).toBeCloseTo(1, 5);
  });

  it('returns similarities in descending order, higher is better', async () => {
    const store = await VectorStore.create(FAKE_DIMENSIONS, items);
    const hits = store.search(fakeVector('some query'), 10);
    expect(hits).toHaveLength(10);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.similarity).toBeGreaterThanOrEqual(hits[i]!.similarity);
  });

  it('caps k at the number of vectors and returns nothing from an empty store', async () => {
    expect((await VectorStore.create(FAKE_DIMENSIONS, items.slice(0, 3))).search(fakeVector('q'), 10)).toHaveLength(3);
    expect((await VectorStore.create(FAKE_DIMENSIONS, [])).search(fakeVector('q'), 10)).toEqual([]);
  });

  it('rejects a vector of the wrong dimension', async () => {
    await expect(VectorStore.create(FAKE_DIMENSIONS, [{ id: 'x', vector: [1, 0] }])).rejects.toThrow(/dimensions/);
  });

  it('gives the same results after save and load', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vs-'));
    dirs.push(dir);
    const store = await VectorStore.create(FAKE_DIMENSIONS, items);
    const file = path.join(dir, 'v.hnsw');
    store.save(file);
    const loaded = await VectorStore.load(file, FAKE_DIMENSIONS, [...store.passageIds]);
    const q = fakeVector('another query');
    expect(loaded.search(q, 5)).toEqual(store.search(q, 5));
    expect(loaded.vectorOf('doc#3')?.[0]).toBeCloseTo(items[3]!.vector[0]!, 5);
  });

  it('refuses a label map that does not match the stored graph', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vs-'));
    dirs.push(dir);
    const file = path.join(dir, 'v.hnsw');
    (await VectorStore.create(FAKE_DIMENSIONS, items)).save(file);
    await expect(VectorStore.load(file, FAKE_DIMENSIONS, ['only-one'])).rejects.toThrow(/holds/);
  });
});
