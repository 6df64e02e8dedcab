import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceModelWarning, loadEmbedder } from '../../src/retrieval/embedding-model.js';

const imports = vi.hoisted(() => ({ embedder: 0 }));
vi.mock('../../src/retrieval/embedder.js', () => {
  imports.embedder++;
  return { createEmbedder: async () => ({ dimensions: 8 }) };
});

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function modelsDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'models-'));
  dirs.push(dir);
  return dir;
}

describe('loadEmbedder', () => {
  it('GIVEN no folder for the model and no download allowed THEN one short line names the model and where it was looked for, and transformers.js is never imported', async () => {
    const dir = await modelsDir();
    const loaded = await loadEmbedder({ modelId: 'nobody/missing-e5-model', dtype: 'q8', modelsDir: dir, allowDownload: false });
    expect(loaded.embedder).toBeNull();
    expect(loaded.dimensions).toBeNull();
    expect(loaded.reason).toBe(`not found in ${dir}`);
    expect(loaded.warning).toContain('nobody/missing-e5-model');
    expect(loaded.warning).toContain('"The embedding model"');
    expect(loaded.warning?.split('\n')).toHaveLength(1);
    expect(imports.embedder).toBe(0);
  });

  it('GIVEN a folder for the model THEN the transformers.js embedder is loaded', async () => {
    const dir = await modelsDir();
    await mkdir(path.join(dir, 'some/model'), { recursive: true });
    const loaded = await loadEmbedder({ modelId: 'some/model', dtype: 'q8', modelsDir: dir, allowDownload: false });
    expect(loaded.warning).toBeNull();
    expect(loaded.dimensions).toBe(8);
    expect(imports.embedder).toBe(1);
  });

  it('GIVEN the same missing model met twice in a process THEN its warning is handed out once', async () => {
    const dir = await modelsDir();
    const options = { modelId: 'nobody/twice', dtype: 'q8', modelsDir: dir, allowDownload: false } as const;
    const logged: string[] = [];
    const log = (w: string): number => logged.push(w);
    expect(announceModelWarning(await loadEmbedder(options), log)).toBe(true);
    expect(announceModelWarning(await loadEmbedder({ ...options }), log)).toBe(false);
    expect(logged).toHaveLength(1);
  });
});
