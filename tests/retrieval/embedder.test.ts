import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMBED_BATCH_SIZE, meanPoolNormalized } from '../../src/retrieval/embedder.js';
import { defaultPrefixes, loadEmbedder } from '../../src/retrieval/embedding-model.js';
import { mulberry32 } from '../../src/quiz/random.js';
import { fakeVector, spyEmbedder } from './fake-embedder.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
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

  it('GIVEN passages of mixed lengths THEN each batch holds passages of similar length and the vectors come back in input order', async () => {
    const { embedder, embedded } = spyEmbedder();
    const random = mulberry32(7);
    const texts = Array.from({ length: EMBED_BATCH_SIZE * 3 }, (_, i) => `câu ${i} ${'rất dài '.repeat(Math.floor(random() * 40))}`);
    const vectors = await embedder.embedDocuments(texts);
    expect(vectors).toEqual(texts.map(fakeVector));
    expect([...embedded].sort()).toEqual([...texts].sort());
    const lengths = embedded.map((t) => t.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });
});

describe('mean pooling', () => {
  it('GIVEN token vectors and a mask with padding THEN the pooled unit vectors equal transformers.js mean pooling + normalize, bit for bit', async () => {
    const { Tensor, mean_pooling } = await import('@huggingface/transformers');
    const random = mulberry32(11);
    const [batch, tokens, width] = [3, 7, 24];
    const hidden = Float32Array.from({ length: batch * tokens * width }, () => random() * 4 - 2);
    const lengths = [7, 3, 1];
    const mask = BigInt64Array.from({ length: batch * tokens }, (_, i) => (i % tokens < (lengths[Math.floor(i / tokens)] ?? 0) ? 1n : 0n));
    const expected = mean_pooling(new Tensor('float32', hidden, [batch, tokens, width]), new Tensor('int64', mask, [batch, tokens])).normalize(2, -1).tolist() as number[][];
    expect(meanPoolNormalized(hidden, [batch, tokens, width], mask)).toEqual(expected);
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

  it('GIVEN passages of mixed lengths THEN the vectors are the ones the transformers.js pipeline gives each passage alone', async () => {
    const { env, pipeline } = await import('@huggingface/transformers');
    const embedder = (await loadEmbedder({ modelId: TINY_MODEL_ID, dtype: 'q8', modelsDir: FIXTURE_MODELS_DIR, allowDownload: false })).embedder!;
    // The embedder runs the model on a thread of its own: this process's transformers.js is set up here.
    env.localModelPath = `${FIXTURE_MODELS_DIR}/`;
    env.allowRemoteModels = false;
    const extractor = await pipeline('feature-extraction', TINY_MODEL_ID, { dtype: 'q8' });
    const texts = ['Nga', 'Điện Kremlin bác bỏ tin đồn về cuộc gặp', 'Mỹ và Ukraine', 'hội đàm tại Moskva kéo dài năm giờ, không có thỏa hiệp nào được đưa ra'];
    const alone = await Promise.all(texts.map(async (t) => ((await extractor([t], { pooling: 'mean', normalize: true })).tolist() as number[][])[0]));
    expect(await embedder.embedDocuments(texts)).toEqual(alone);
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
