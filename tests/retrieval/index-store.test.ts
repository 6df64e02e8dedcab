import { appendFile, cp, mkdir, mkdtemp, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { buildIndex, isIndexCurrent, openIndex } from '../../src/retrieval/index-store.js';
import { currentGeneration } from '../../src/retrieval/index-folder.js';
import { INGEST_RULES_VERSION } from '../../src/corpus/parse.js';
import { VectorStore } from '../../src/retrieval/vector-store.js';
import { loadEmbedder } from '../../src/retrieval/embedding-model.js';
import { spyEmbedder } from './fake-embedder.js';

const CORPUS = path.resolve('corpus');
const dirs: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function workspace(): Promise<{ corpusDir: string; indexDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'index-store-'));
  dirs.push(root);
  const corpusDir = path.join(root, 'corpus');
  await cp(CORPUS, corpusDir, { recursive: true });
  return { corpusDir, indexDir: path.join(root, 'index') };
}

async function firstFile(corpusDir: string): Promise<string> {
  const { readdir } = await import('node:fs/promises');
  const [name] = (await readdir(corpusDir)).sort();
  return path.join(corpusDir, name!);
}

/** A file of the current index generation. */
async function indexFile(indexDir: string, name: string): Promise<string> {
  const generation = await currentGeneration(indexDir);
  if (generation === null) throw new Error(`no index in ${indexDir}`);
  return path.join(generation, name);
}

async function expectCorrupt(promise: Promise<unknown>, file: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code: ERROR_CODES.INDEX_CORRUPT, userMessage: { key: 'indexCorrupt', params: expect.objectContaining({ file }) } });
}

describe('buildIndex / openIndex', () => {
  it('GIVEN a built index THEN reopening it gives the same passages and the same vector search results', async () => {
    const ws = await workspace();
    const { embedder } = spyEmbedder();
    const { index } = await buildIndex({ ...ws, embedder });
    const reopened = await openIndex(ws.indexDir, { modelId: embedder.modelId });
    expect(reopened).not.toBeNull();
    expect(reopened!.passages.map((p) => p.id)).toEqual(index.passages.map((p) => p.id));
    const question = 'Nga và Mỹ đàm phán về Ukraine';
    const before = await index.vectorSearch(embedder)(question, 5);
    const after = await reopened!.vectorSearch(embedder)(question, 5);
    expect(before.length).toBe(5);
    expect(after).toEqual(before);
    expect(reopened!.manifest.dimensions).toBe(embedder.dimensions);
    expect(Object.keys(reopened!.manifest.files).sort()).toEqual(['lexical.bin', 'store.bin', 'vector-ids.json', 'vectors.hnsw']);
  });

  it('GIVEN no embedder THEN the index is lexical only with a null model id', async () => {
    const ws = await workspace();
    const { index, report } = await buildIndex({ ...ws, embedder: null });
    expect(index.manifest.modelId).toBeNull();
    expect(index.vectors).toBeNull();
    expect(report.mode).toBe('lexical');
    const reopened = await openIndex(ws.indexDir, { modelId: null });
    expect(reopened!.vectors).toBeNull();
    expect(reopened!.passages.length).toBe(index.passages.length);
  });

  it('GIVEN one changed article THEN only its passages are embedded again', async () => {
    const ws = await workspace();
    const first = spyEmbedder();
    const { index: original } = await buildIndex({ ...ws, embedder: first.embedder });
    expect(first.embedded.length).toBe(original.passages.length);

    const file = await firstFile(ws.corpusDir);
    await appendFile(file, '\n\nMột đoạn mới được thêm vào cuối bài để kiểm tra việc cập nhật chỉ mục.\n');
    const second = spyEmbedder();
    const { index, report } = await buildIndex({ ...ws, embedder: second.embedder });
    const changedDoc = path.basename(file).replace(/\.[^.]+$/u, '');
    const changedPassages = index.passages.filter((p) => p.docId === changedDoc);
    expect(report.changed).toBe(1);
    expect(report.unchanged).toBe(original.articles.size - 1);
    expect(second.embedded.length).toBeLessThanOrEqual(changedPassages.length);
    expect(second.embedded.length).toBeGreaterThan(0);
    expect(report.embedded).toBe(second.embedded.length);
    const unchangedIds = new Set(index.passages.filter((p) => p.docId !== changedDoc).map((p) => p.text));
    expect(second.embedded.some((t) => unchangedIds.has(t))).toBe(false);
  });

  it('GIVEN an index read under older ingest rules THEN it is not current, and rebuilding it embeds no unchanged passage again', async () => {
    const ws = await workspace();
    const { index } = await buildIndex({ ...ws, embedder: spyEmbedder().embedder });
    expect(index.manifest.ingestRules).toBe(INGEST_RULES_VERSION);
    expect(await isIndexCurrent(index, ws.corpusDir)).toBe(true);
    const manifestPath = await indexFile(ws.indexDir, 'manifest.json');
    const older = { ...JSON.parse(await readFile(manifestPath, 'utf8')), ingestRules: INGEST_RULES_VERSION - 1 };
    await writeFile(manifestPath, JSON.stringify(older));
    const reopened = await openIndex(ws.indexDir, { modelId: index.manifest.modelId });
    expect(await isIndexCurrent(reopened!, ws.corpusDir)).toBe(false);
    const spy = spyEmbedder();
    const { index: rebuilt } = await buildIndex({ ...ws, embedder: spy.embedder });
    expect(await isIndexCurrent(rebuilt, ws.corpusDir)).toBe(true);
    expect(spy.embedded).toEqual([]);
  });

  it('GIVEN a deleted article THEN its passages are gone, and an added article is indexed', async () => {
    const ws = await workspace();
    await buildIndex({ ...ws, embedder: spyEmbedder().embedder });
    const file = await firstFile(ws.corpusDir);
    const docId = path.basename(file).replace(/\.[^.]+$/u, '');
    const text = await readFile(file, 'utf8');
    await unlink(file);
    const { index, report } = await buildIndex({ ...ws, embedder: spyEmbedder().embedder });
    expect(report.removed).toBe(1);
    expect(index.passages.some((p) => p.docId === docId)).toBe(false);
    expect(index.vectors!.passageIds.some((id) => id.startsWith(`${docId}#`))).toBe(false);

    await writeFile(path.join(ws.corpusDir, 'zz_added.txt'), text);
    const spy = spyEmbedder();
    const { index: withAdded, report: addReport } = await buildIndex({ ...ws, embedder: spy.embedder });
    expect(addReport.added).toBe(1);
    const addedPassages = withAdded.passages.filter((p) => p.docId === 'zz_added');
    expect(addedPassages.length).toBeGreaterThan(0);
    expect(spy.embedded.length).toBe(addedPassages.length);
  });

  it.each([['the demo', 'corpus'], ['English news', 'tests/fixtures/news-en/corpus'], ['Vietnamese Wikipedia (XQuAD)', 'tests/fixtures/xquad-dev/corpus']])(
    'GIVEN %s corpus, then articles added and removed THEN an update from the index in memory reads only the new files and gives the index a full rebuild gives',
    async (_what, source) => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'index-store-'));
      dirs.push(root);
      const corpusDir = path.join(root, 'corpus');
      await cp(path.resolve(source), corpusDir, { recursive: true });
      const { index: base } = await buildIndex({ corpusDir, indexDir: path.join(root, 'index'), embedder: spyEmbedder().embedder });
      const [first, second] = [...base.articles.values()];
      await unlink(path.join(corpusDir, first!.file));
      await mkdir(path.join(corpusDir, 'added'));
      await writeFile(path.join(corpusDir, 'added', 'copy-of-second.txt'), `${second!.raw}\n\nA closing sentence makes this copy an article of its own.\n`);
      await writeFile(path.join(corpusDir, 'added', 'short.md'), '---\ntitle: Harbour notes\ndate: 2026-01-05\n---\nHarbour notes\n\nThe harbour master counted 212 ships in December, a record for the winter months.\n');

      const spy = spyEmbedder();
      const { index: updated, report } = await buildIndex({ corpusDir, indexDir: path.join(root, 'index'), embedder: spy.embedder, base });
      const { index: full } = await buildIndex({ corpusDir, indexDir: path.join(root, 'full-index'), embedder: spyEmbedder().embedder });

      expect(report).toMatchObject({ added: 2, removed: 1, unchanged: base.articles.size - 1 });
      for (const article of updated.articles.values()) {
        if (!article.file.startsWith('added/')) expect(article).toBe(base.articles.get(article.docId));
      }
      const newPassages = updated.passages.filter((p) => p.docId === 'copy-of-second' || p.docId === 'short');
      expect(spy.embedded).toEqual(expect.arrayContaining(newPassages.map((p) => p.text)));
      expect(spy.embedded).toHaveLength(newPassages.length);

      expect(updated.passages).toEqual(full.passages);
      expect([...updated.articles.values()]).toEqual([...full.articles.values()]);
      expect(updated.lexical.serialize().equals(full.lexical.serialize())).toBe(true);
      expect(updated.vectors!.passageIds).toEqual(full.vectors!.passageIds);
      const { createdAt: _u, files: _uf, ...updatedManifest } = updated.manifest;
      const { createdAt: _f, files: _ff, ...fullManifest } = full.manifest;
      expect(updatedManifest).toEqual(fullManifest);
      expect(await isIndexCurrent(updated, corpusDir)).toBe(true);
    },
  );

  it('GIVEN a base index that is no longer the current generation THEN the update ignores it and reads every file', async () => {
    const ws = await workspace();
    const { index: old } = await buildIndex({ ...ws, embedder: null });
    await appendFile(await firstFile(ws.corpusDir), '\n\nAnother process added this paragraph and rebuilt the index.\n');
    const { index: current } = await buildIndex({ ...ws, embedder: null });
    await writeFile(path.join(ws.corpusDir, 'zz_new.txt'), 'A new article\n\nThe ferry to the islands will run every hour from June, the operator said.\n');
    const { index } = await buildIndex({ ...ws, embedder: null, base: old });
    for (const [docId, article] of index.articles) {
      expect(article).not.toBe(old.articles.get(docId));
      expect(article).not.toBe(current.articles.get(docId));
    }
    expect(index.passages.some((p) => p.text.includes('Another process added this paragraph'))).toBe(true);
    expect(await isIndexCurrent(index, ws.corpusDir)).toBe(true);
  });

  it('GIVEN an index of another model THEN every passage is embedded again and the report says so', async () => {
    const ws = await workspace();
    await buildIndex({ ...ws, embedder: spyEmbedder('model/a').embedder });
    const b = spyEmbedder('model/b');
    const { index, report } = await buildIndex({ ...ws, embedder: b.embedder });
    expect(b.embedded.length).toBe(index.passages.length);
    expect(index.manifest.modelId).toBe('model/b');
    expect(report.warnings.some((w) => w.includes('model/a'))).toBe(true);
    await expect(openIndex(ws.indexDir, { modelId: 'model/a' })).rejects.toMatchObject({ code: ERROR_CODES.INDEX_MODEL_MISMATCH });
  });

  it('GIVEN a truncated vector file THEN opening reports INDEX_CORRUPT naming it', async () => {
    const ws = await workspace();
    await buildIndex({ ...ws, embedder: spyEmbedder().embedder });
    await truncate(await indexFile(ws.indexDir, 'vectors.hnsw'), 100);
    await expectCorrupt(openIndex(ws.indexDir, { modelId: 'fake/model' }), 'vectors.hnsw');
  });

  it('GIVEN a corrupted document store THEN opening reports INDEX_CORRUPT naming it', async () => {
    const ws = await workspace();
    await buildIndex({ ...ws, embedder: spyEmbedder().embedder });
    const store = await indexFile(ws.indexDir, 'store.bin');
    const data = await readFile(store);
    data[10] = data[10] === 0x41 ? 0x42 : 0x41;
    await writeFile(store, data);
    await expectCorrupt(openIndex(ws.indexDir, { modelId: 'fake/model' }), 'store.bin');
  });

  it('GIVEN a missing manifest THEN opening reports INDEX_CORRUPT naming it', async () => {
    const ws = await workspace();
    await buildIndex({ ...ws, embedder: null });
    await unlink(await indexFile(ws.indexDir, 'manifest.json'));
    await expectCorrupt(openIndex(ws.indexDir, { modelId: null }), 'manifest.json');
  });

  it('GIVEN a build that crashes midway THEN the previous index is still readable and whole', async () => {
    const ws = await workspace();
    const { index: original } = await buildIndex({ ...ws, embedder: spyEmbedder().embedder });
    await appendFile(await firstFile(ws.corpusDir), '\n\nThêm một câu nữa để bản dựng mới khác bản cũ.\n');
    const crashing = spyEmbedder();
    let calls = 0;
    vi.spyOn(crashing.embedder, 'embedDocuments').mockImplementation(async () => {
      calls++;
      throw new Error('simulated crash while embedding');
    });
    await expect(buildIndex({ ...ws, embedder: crashing.embedder })).rejects.toThrow(/simulated crash/);
    expect(calls).toBe(1);
    const reopened = await openIndex(ws.indexDir, { modelId: 'fake/model' });
    expect(reopened!.manifest.corpusHash).toBe(original.manifest.corpusHash);
    expect(reopened!.passages.length).toBe(original.passages.length);
  });

  it('GIVEN a build that crashes while writing files THEN the previous index is still readable and whole', async () => {
    const ws = await workspace();
    const { index: original } = await buildIndex({ ...ws, embedder: spyEmbedder().embedder });
    await appendFile(await firstFile(ws.corpusDir), '\n\nThêm một câu nữa để bản dựng mới khác bản cũ.\n');
    vi.spyOn(VectorStore.prototype, 'save').mockImplementation(() => {
      throw new Error('simulated crash while writing');
    });
    await expect(buildIndex({ ...ws, embedder: spyEmbedder().embedder })).rejects.toThrow(/simulated crash/);
    vi.restoreAllMocks();
    const reopened = await openIndex(ws.indexDir, { modelId: 'fake/model' });
    expect(reopened!.manifest.corpusHash).toBe(original.manifest.corpusHash);
    expect(reopened!.passages.map((p) => p.id)).toEqual(original.passages.map((p) => p.id));
  });

  it('GIVEN the tiny real model THEN an index round-trips with the same vector search results', async () => {
    const ws = await workspace();
    const { embedder } = await loadEmbedder({ modelId: 'briefbot/tiny-multilingual-test', dtype: 'q8', modelsDir: path.resolve('tests/fixtures/models'), allowDownload: false });
    const { index, report } = await buildIndex({ ...ws, embedder: embedder! });
    expect(report.mode).toBe('hybrid');
    expect(report.embedded).toBe(index.passages.length);
    const reopened = await openIndex(ws.indexDir, { modelId: 'briefbot/tiny-multilingual-test' });
    const question = 'Ai tham gia cuộc gặp ở Moskva?';
    const hits = await reopened!.vectorSearch(embedder!)(question, 3);
    expect(hits).toHaveLength(3);
    expect(hits).toEqual(await index.vectorSearch(embedder!)(question, 3));
  });
});
