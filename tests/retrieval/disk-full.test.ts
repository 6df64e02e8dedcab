import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { INDEX_FOLDER_MANIFEST, currentGeneration } from '../../src/retrieval/index-folder.js';
import { buildIndex, openIndex } from '../../src/retrieval/index-store.js';

/** With `full` set, every write into a path under it fails as on a full disk (where a tmpfs cannot be mounted). */
const injected = vi.hoisted(() => ({ full: null as string | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open = (async (file: Parameters<typeof real.open>[0], flags?: string | number, ...rest: unknown[]) => {
    const handle = await (real.open as (...args: unknown[]) => ReturnType<typeof real.open>)(file, flags, ...rest);
    if (injected.full === null || !String(file).startsWith(injected.full) || flags === 'r') return handle;
    return Object.assign(Object.create(handle) as typeof handle, {
      writeFile: async () => {
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${String(file)}'`), { code: 'ENOSPC' });
      },
      close: () => handle.close(),
    });
  }) as typeof real.open;
  return { ...real, open, default: { ...real, open } };
});

const CORPUS = path.resolve('corpus');
/** Room for one demo index (about 125 KB with its folders) but not for a second one beside it. */
const TMPFS_SIZE = '160k';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  injected.full = null;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A folder on a small tmpfs when this process may mount one (root), else a plain folder with writes failing by injection once `fill()` is called. */
async function smallDisk(): Promise<{ dir: string; fill: () => void; kind: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'disk-full-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', dir], { stdio: 'ignore' });
    cleanups.push(async () => {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    });
    return { dir, fill: () => undefined, kind: 'tmpfs' };
  } catch {
    return { dir, fill: () => { injected.full = dir; }, kind: 'injected' };
  }
}

describe('a full disk', () => {
  it('GIVEN the disk fills up during a rebuild THEN one NO_SPACE line, its partial output is removed, and the previous index still opens', async () => {
    const disk = await smallDisk();
    const corpusDir = await mkdtemp(path.join(os.tmpdir(), 'disk-full-corpus-'));
    cleanups.push(() => rm(corpusDir, { recursive: true, force: true }));
    await cp(CORPUS, corpusDir, { recursive: true });
    const indexDir = path.join(disk.dir, 'index');
    const { index: first } = await buildIndex({ corpusDir, indexDir, embedder: null });
    const generation = await currentGeneration(indexDir);

    const [file] = (await readdir(corpusDir)).sort();
    await appendFile(path.join(corpusDir, file!), '\n\nMột đoạn mới để bản dựng thứ hai khác bản đầu.\n');
    disk.fill();
    const failure = buildIndex({ corpusDir, indexDir, embedder: null });
    await expect(failure, disk.kind).rejects.toMatchObject({ code: ERROR_CODES.NO_SPACE, message: expect.stringContaining(indexDir) });
    expect((await failure.catch((e: Error) => e.message)) as string).not.toContain('\n');
    injected.full = null;

    expect(await readdir(indexDir)).toEqual([INDEX_FOLDER_MANIFEST, path.basename(generation!)].sort());
    const reopened = await openIndex(indexDir, { modelId: null });
    expect(reopened?.manifest.corpusHash).toBe(first.manifest.corpusHash);
  });
});
