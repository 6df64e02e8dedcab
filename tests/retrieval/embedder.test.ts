import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPrefixes, EMBED_BATCH_SIZE, loadEmbedder } from '../../src/retrieval/embedder.js';
import { spyEmbedder } from './fake-embedder.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('loadEmbedder', () => {
  it('GIVEN a missing model THEN it returns one warning naming the model and how to provide it, without throwing, fast', async () => {
    const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'models-'));
    dirs.push(modelsDir);
    const started = Date.now();
    const loaded = await loadEmbedder({ modelId: 'nobody/missing-e5-model', dtype: 'q8', modelsDir, allowDownload: false });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(loaded.embedder).toBeNull();
    expect(loaded.dimensions).toBeNull();
    expect(loaded.warning).toContain('nobody/missing-e5-model');
    expect(loaded.warning).toContain('ALLOW_MODEL_DOWNLOAD=1');
    expect(loaded.warning).toContain(path.join(modelsDir, 'nobody/missing-e5-model'));
  });
});

describe('prefixes and batching', () => {
  it('uses query/passage prefixes for e5 models only', () => {
    expect(defaultPrefixes('Xenova/multilingual-e5-small')).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(defaultPrefixes('Xenova/all-MiniLM-L6-v2')).toEqual({ query: '', passage: '' });
  });

  it('embeds documents in batches and reports progress up to the total', async () => {
    const { embedder, embedded } = spyEmbedder();
    const texts = Array.from({ length: EMBED_BATCH_SIZE * 2 + 3 }, (_, i) => `đoạn văn số ${i}`);
    const progress: Array<[number, number]> = [];
    const vectors = await embedder.embedDocuments(texts, (done, total) => progress.push([done, total]));
    expect(vectors).toHaveLength(texts.length);
    expect(embedded).toEqual(texts);
    expect(progress).toEqual([[EMBED_BATCH_SIZE, texts.length], [EMBED_BATCH_SIZE * 2, texts.length], [texts.length, texts.length]]);
  });
});

const FIXTURE_MODELS_DIR = path.resolve('tests/fixtures/models');
const TINY_MODEL_ID = 'briefbot/tiny-multilingual-test';

describe('the tiny shipped model through transformers.js', () => {
  it('loads offline and gives deterministic unit vectors of the probed dimension', async () => {
    const loaded = await loadEmbedder({ modelId: TINY_MODEL_ID, dtype: 'q8', modelsDir: FIXTURE_MODELS_DIR, allowDownload: false });
    expect(loaded.warning).toBeNull();
    expect(loaded.dimensions).toBe(32);
    const embedder = loaded.embedder!;
    const a = await embedder.embedQuery('Nga và Mỹ đàm phán về Ukraine');
    expect(a).toHaveLength(32);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(await embedder.embedQuery('Nga và Mỹ đàm phán về Ukraine')).toEqual(a);
    expect(await embedder.embedQuery('Điện Kremlin bác bỏ')).not.toEqual(a);
    const docs = await embedder.embedDocuments(['một', 'hai', 'ba']);
    expect(docs.map((v) => v.length)).toEqual([32, 32, 32]);
  });

  it('GIVEN an e5 model id THEN queries and passages get their prefixes', async () => {
    const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'models-'));
    dirs.push(modelsDir);
    await cp(path.join(FIXTURE_MODELS_DIR, TINY_MODEL_ID), path.join(modelsDir, 'test/tiny-e5'), { recursive: true });
    const e5 = (await loadEmbedder({ modelId: 'test/tiny-e5', dtype: 'q8', modelsDir, allowDownload: false })).embedder!;
    const plain = (await loadEmbedder({ modelId: TINY_MODEL_ID, dtype: 'q8', modelsDir: FIXTURE_MODELS_DIR, allowDownload: false })).embedder!;
    const text = 'hội đàm tại Moskva';
    expect(await e5.embedQuery(text)).toEqual(await plain.embedQuery(`query: ${text}`));
    expect(await e5.embedDocuments([text])).toEqual(await plain.embedDocuments([`passage: ${text}`]));
    expect(await e5.embedQuery(text)).not.toEqual(await plain.embedQuery(text));
  });
});
