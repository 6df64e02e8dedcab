import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { ERROR_CODES } from '../../src/errors.js';
import { INDEX_FOLDER_MANIFEST, currentGeneration, tidyIndexFolder, withIndexWriter } from '../../src/retrieval/index-folder.js';
import { LOCK_NAME, acquireIndexLock } from '../../src/retrieval/index-lock.js';
import { buildIndex, openIndex } from '../../src/retrieval/index-store.js';

const CORPUS = path.resolve('corpus');
const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function workspace(): Promise<{ root: string; corpusDir: string; indexDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'index-folder-'));
  roots.push(root);
  const corpusDir = path.join(root, 'corpus');
  await cp(CORPUS, corpusDir, { recursive: true });
  return { root, corpusDir, indexDir: path.join(root, 'index') };
}

/** Every file and folder under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

const refused = (dir: string) => ({ code: ERROR_CODES.INDEX_DIR_REFUSED, message: expect.stringContaining(dir) });

describe('the index folder is the index own', () => {
  it('GIVEN --index pointing at a project folder THEN the build refuses, naming the folder, and every file in it is still there', async () => {
    const ws = await workspace();
    const project = path.join(ws.root, 'project');
    await mkdir(path.join(project, '.git'), { recursive: true });
    await writeFile(path.join(project, '.env'), 'DISCORD_TOKEN=secret\n');
    await writeFile(path.join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const before = await tree(project);
    await expect(buildIndex({ corpusDir: ws.corpusDir, indexDir: project, embedder: null })).rejects.toMatchObject(refused(project));
    expect(await tree(project)).toEqual(before);
    expect(await readFile(path.join(project, '.env'), 'utf8')).toBe('DISCORD_TOKEN=secret\n');
    await expect(openIndex(project, { modelId: null })).rejects.toMatchObject(refused(project));
  });

  it('GIVEN the corpus itself as the index folder THEN the build refuses and no article is touched', async () => {
    const ws = await workspace();
    const before = await tree(ws.corpusDir);
    await expect(buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.corpusDir, embedder: null })).rejects.toMatchObject(refused(ws.corpusDir));
    expect(await tree(ws.corpusDir)).toEqual(before);
  });

  it('GIVEN a file as the index folder THEN it is refused as a file', async () => {
    const ws = await workspace();
    const file = path.join(ws.root, 'notes.txt');
    await writeFile(file, 'keep me');
    await expect(buildIndex({ corpusDir: ws.corpusDir, indexDir: file, embedder: null })).rejects.toMatchObject({ code: ERROR_CODES.INDEX_DIR_REFUSED, message: expect.stringContaining('is a file') });
    expect(await readFile(file, 'utf8')).toBe('keep me');
  });

  it('GIVEN a folder whose marker manifest was not written by Briefbot THEN it is refused', async () => {
    const ws = await workspace();
    await mkdir(ws.indexDir);
    await writeFile(path.join(ws.indexDir, INDEX_FOLDER_MANIFEST), '{"owner":"someone-else"}');
    await expect(buildIndex({ ...ws, embedder: null })).rejects.toMatchObject(refused(ws.indexDir));
  });

  it('GIVEN an existing empty folder THEN it is claimed: the marker manifest names the current generation, which holds the index', async () => {
    const ws = await workspace();
    await mkdir(ws.indexDir);
    const { index } = await buildIndex({ ...ws, embedder: null });
    const marker = JSON.parse(await readFile(path.join(ws.indexDir, INDEX_FOLDER_MANIFEST), 'utf8')) as { owner: string; current: string };
    expect(marker.owner).toBe('briefbot-index');
    expect(await currentGeneration(ws.indexDir)).toBe(path.join(ws.indexDir, marker.current));
    expect(await readdir(ws.indexDir)).toEqual([INDEX_FOLDER_MANIFEST, marker.current].sort());
    expect((await openIndex(ws.indexDir, { modelId: null }))?.passages.length).toBe(index.passages.length);
  });

  it('GIVEN a new folder holding only the temporary manifest of a writer killed while claiming it THEN the build claims it and the temporary manifest is gone', async () => {
    const ws = await workspace();
    await mkdir(ws.indexDir);
    await writeFile(path.join(ws.indexDir, `${INDEX_FOLDER_MANIFEST}.tmp-1-0badc0de`), '{');
    const { index } = await buildIndex({ ...ws, embedder: null });
    const marker = JSON.parse(await readFile(path.join(ws.indexDir, INDEX_FOLDER_MANIFEST), 'utf8')) as { current: string };
    expect(await readdir(ws.indexDir)).toEqual([INDEX_FOLDER_MANIFEST, marker.current].sort());
    expect((await openIndex(ws.indexDir, { modelId: null }))?.passages.length).toBe(index.passages.length);
  });

  it('GIVEN three builds in a row THEN only the current generation is left, with no lock', async () => {
    const ws = await workspace();
    for (let i = 0; i < 3; i++) await buildIndex({ ...ws, embedder: null });
    const generation = await currentGeneration(ws.indexDir);
    expect(await readdir(ws.indexDir)).toEqual([INDEX_FOLDER_MANIFEST, path.basename(generation!)].sort());
  });

  it('GIVEN a flat index an older Briefbot wrote THEN it reads as no index, and the next build replaces it and removes its files', async () => {
    const ws = await workspace();
    await mkdir(ws.indexDir);
    const legacy = { formatVersion: 2, files: { 'store.bin': {}, 'lexical.bin': {} } };
    await writeFile(path.join(ws.indexDir, 'manifest.json'), JSON.stringify(legacy));
    await writeFile(path.join(ws.indexDir, 'store.bin'), 'old');
    await writeFile(path.join(ws.indexDir, 'lexical.bin'), 'old');
    expect(await openIndex(ws.indexDir, { modelId: null })).toBeNull();
    await buildIndex({ ...ws, embedder: null });
    const generation = await currentGeneration(ws.indexDir);
    expect(await readdir(ws.indexDir)).toEqual([INDEX_FOLDER_MANIFEST, path.basename(generation!)].sort());
  });

  it('GIVEN a flat old index with a file it does not list THEN the folder is refused', async () => {
    const ws = await workspace();
    await mkdir(ws.indexDir);
    await writeFile(path.join(ws.indexDir, 'manifest.json'), JSON.stringify({ formatVersion: 2, files: { 'store.bin': {} } }));
    await writeFile(path.join(ws.indexDir, 'thesis.docx'), 'precious');
    await expect(buildIndex({ ...ws, embedder: null })).rejects.toMatchObject(refused(ws.indexDir));
  });

  it('GIVEN what a killed writer leaves (a half-written generation, a temporary manifest) THEN the next start clears it and keeps anything else', async () => {
    const ws = await workspace();
    await buildIndex({ ...ws, embedder: null });
    const current = await currentGeneration(ws.indexDir);
    const orphan = path.join(ws.indexDir, `gen-zzz-${process.pid}-0badc0de`);
    await mkdir(orphan);
    await writeFile(path.join(orphan, 'store.bin'), 'half');
    await writeFile(path.join(ws.indexDir, `${INDEX_FOLDER_MANIFEST}.tmp-1-0badc0de`), '{');
    await writeFile(path.join(ws.indexDir, 'README.txt'), 'an operator note');
    await tidyIndexFolder(ws.indexDir);
    expect(await readdir(ws.indexDir)).toEqual([INDEX_FOLDER_MANIFEST, path.basename(current!), 'README.txt'].sort());
    expect(await currentGeneration(ws.indexDir)).toBe(current);
  });

  it('GIVEN leftovers and the lock of a killed writer THEN the next start takes the stale lock over, clears both, and keeps the index', async () => {
    const ws = await workspace();
    await buildIndex({ ...ws, embedder: null });
    const current = await currentGeneration(ws.indexDir);
    await mkdir(path.join(ws.indexDir, `gen-zzz-${process.pid}-0badc0de`));
    await mkdir(path.join(ws.indexDir, LOCK_NAME));
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(path.join(ws.indexDir, LOCK_NAME), minuteAgo, minuteAgo);
    await tidyIndexFolder(ws.indexDir, { waitMs: 0 });
    expect(await readdir(ws.indexDir)).toEqual([INDEX_FOLDER_MANIFEST, path.basename(current!)].sort());
  });

  it('GIVEN a live writer holding the lock THEN a start leaves its work alone', async () => {
    const ws = await workspace();
    await buildIndex({ ...ws, embedder: null });
    const lock = await acquireIndexLock(ws.indexDir);
    try {
      const inProgress = path.join(ws.indexDir, `gen-zzz-${process.pid}-0badc0de`);
      await mkdir(inProgress);
      await tidyIndexFolder(ws.indexDir, { waitMs: 0 });
      expect(await readdir(ws.indexDir)).toContain(path.basename(inProgress));
    } finally {
      await lock.release();
    }
  });
});

describe('configuration: where the index may live', () => {
  const env = (root: string, extra: Record<string, string>) => ({ DATA_DIR: path.join(root, 'data'), CORPUS_DIR: path.join(root, 'corpus'), ...extra });

  it('GIVEN the defaults THEN the index lives in DATA_DIR/index', async () => {
    const { root } = await workspace();
    expect(parseConfig(env(root, {})).indexDir).toBe(path.join(root, 'data', 'index'));
  });

  it.each([
    ['equal to DATA_DIR', (root: string) => path.join(root, 'data'), 'data folder'],
    ['above DATA_DIR', (root: string) => root, 'data folder'],
    ['equal to the corpus', (root: string) => path.join(root, 'corpus'), 'corpus'],
  ])('GIVEN INDEX_DIR %s THEN the configuration is refused, naming the folder', async (_case, indexOf, what) => {
    const { root } = await workspace();
    const indexDir = indexOf(root);
    expect(() => parseConfig(env(root, { INDEX_DIR: indexDir }))).toThrow(expect.objectContaining({ code: ERROR_CODES.INDEX_DIR_REFUSED, message: expect.stringMatching(new RegExp(`${path.resolve(indexDir)}.*${what}`, 'u')) }));
  });

  it('GIVEN INDEX_DIR above the corpus THEN it is refused', async () => {
    const { root } = await workspace();
    expect(() => parseConfig(env(root, { CORPUS_DIR: path.join(root, 'articles', 'vi'), INDEX_DIR: path.join(root, 'articles') }))).toThrow(expect.objectContaining({ code: ERROR_CODES.INDEX_DIR_REFUSED, message: expect.stringContaining('holds the corpus') }));
  });

  it('GIVEN INDEX_DIR a symbolic link to the data folder THEN it is refused too', async () => {
    const { root } = await workspace();
    await mkdir(path.join(root, 'data'));
    await symlink(path.join(root, 'data'), path.join(root, 'alias'));
    expect(() => parseConfig(env(root, { INDEX_DIR: path.join(root, 'alias') }))).toThrow(expect.objectContaining({ code: ERROR_CODES.INDEX_DIR_REFUSED }));
  });
});

describe('one writer at a time', () => {
  it('GIVEN two builds at once THEN both finish one after the other and the index opens whole', async () => {
    const ws = await workspace();
    const [a, b] = await Promise.all([buildIndex({ ...ws, embedder: null }), buildIndex({ ...ws, embedder: null })]);
    expect(a.report.articles).toBe(b.report.articles);
    const generation = await currentGeneration(ws.indexDir);
    expect([a.index.dir, b.index.dir]).toContain(generation);
    expect(await readdir(ws.indexDir)).toEqual([INDEX_FOLDER_MANIFEST, path.basename(generation!)].sort());
    expect((await openIndex(ws.indexDir, { modelId: null }))?.passages.length).toBe(a.index.passages.length);
  });

  it('GIVEN a writer holding the lock THEN a second one that will not wait is refused with INDEX_LOCKED naming the folder', async () => {
    const ws = await workspace();
    await mkdir(ws.indexDir);
    const lock = await acquireIndexLock(ws.indexDir);
    try {
      await expect(withIndexWriter(ws.indexDir, async () => 'written', { waitMs: 0 })).rejects.toMatchObject({ code: ERROR_CODES.INDEX_LOCKED, message: expect.stringContaining(ws.indexDir) });
    } finally {
      await lock.release();
    }
    expect(await withIndexWriter(ws.indexDir, async () => 'written', { waitMs: 0 })).toBe('written');
  });

  it('GIVEN a writer holding the lock THEN a second one waits for it, says so once, and then writes', async () => {
    const ws = await workspace();
    await mkdir(ws.indexDir);
    const lock = await acquireIndexLock(ws.indexDir);
    const order: string[] = [];
    let waits = 0;
    const second = withIndexWriter(ws.indexDir, async () => order.push('second'), { onWait: () => waits++ });
    await new Promise((resolve) => setTimeout(resolve, 600));
    order.push('first released');
    await lock.release();
    await second;
    expect(order).toEqual(['first released', 'second']);
    expect(waits).toBe(1);
  });

  it('GIVEN the lock of a writer that died (not refreshed for a minute) THEN the next build takes it over at once', async () => {
    const ws = await workspace();
    await mkdir(path.join(ws.indexDir, LOCK_NAME), { recursive: true });
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(path.join(ws.indexDir, LOCK_NAME), minuteAgo, minuteAgo);
    const started = Date.now();
    await withIndexWriter(ws.indexDir, async () => undefined, { waitMs: 0 });
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(stat(path.join(ws.indexDir, LOCK_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('GIVEN a write that fails midway THEN its generation is deleted, the lock released, and the previous index kept', async () => {
    const ws = await workspace();
    await buildIndex({ ...ws, embedder: null });
    const before = await readdir(ws.indexDir);
    await expect(withIndexWriter(ws.indexDir, async (writer) => {
      const generation = await writer.newGeneration();
      await writeFile(path.join(generation, 'store.bin'), 'half');
      throw new Error('simulated failure');
    })).rejects.toThrow('simulated failure');
    expect(await readdir(ws.indexDir)).toEqual(before);
  });
});
