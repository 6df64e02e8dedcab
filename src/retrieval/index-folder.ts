/**
 * The index folder is Briefbot's own. A marker manifest (briefbot-index.json) proves Briefbot
 * made it and names the current generation: a subfolder holding one complete index. A build
 * writes a new generation beside the current one and swaps it in by renaming a new marker
 * manifest over the old one, a single atomic step, so a kill at any instant leaves the old index
 * or the new one, whole. One writer at a time (index-lock.ts). A folder Briefbot did not make is
 * refused, and in its own folder it deletes only what it made: generations and temporary
 * manifests, never another file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ERROR_CODES, UserError } from '../errors.js';
import { LOCK_NAME, acquireIndexLock, type LockOptions } from './index-lock.js';

export const INDEX_FOLDER_MANIFEST = 'briefbot-index.json';
const OWNER_MARK = 'briefbot-index';
const FOLDER_LAYOUT = 1;
const GENERATION_PATTERN = /^gen-[0-9a-z]+-[0-9]+-[0-9a-f]+$/u;
const MANIFEST_TEMP_PATTERN = new RegExp(`^${INDEX_FOLDER_MANIFEST.replace('.', '\\.')}\\.tmp-[0-9]+-[0-9a-f]+$`, 'u');
/** The flat layout of index format 2 and before: a manifest.json beside the files it lists. */
const LEGACY_MANIFEST = 'manifest.json';
const LEGACY_MAX_FORMAT = 2;
/** How many names a refusal quotes from a folder it will not touch. */
const REFUSAL_SAMPLE_NAMES = 3;

interface FolderManifest {
  owner: typeof OWNER_MARK;
  layout: number;
  /** Name of the generation subfolder that holds the current index; null before the first build. */
  current: string | null;
  updatedAt: string;
}

export type IndexFolderState =
  | { kind: 'absent' }
  | { kind: 'owned'; current: string | null }
  /** A folder an older Briefbot wrote (flat layout): read as no index, claimed and cleared by the next build. */
  | { kind: 'legacy'; files: string[] };

/** The steps of a write, in order: a fault test can stop a writer at any of them, a debug log can trace them. */
export type IndexWriteStep = 'locked' | 'generation-created' | 'file-written' | 'generation-complete' | 'manifest-written' | 'committed' | 'cleaned';

function refuse(dir: string, why: string): never {
  throw new UserError(ERROR_CODES.INDEX_DIR_REFUSED, 'indexFolderRefused', { dir, detail: why, manifest: INDEX_FOLDER_MANIFEST });
}

function isFolderManifest(value: unknown): value is FolderManifest {
  const m = value as Partial<FolderManifest> | null;
  return typeof m === 'object' && m !== null && m.owner === OWNER_MARK && typeof m.layout === 'number'
    && (m.current === null || (typeof m.current === 'string' && GENERATION_PATTERN.test(m.current)));
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The files of a flat index an older Briefbot wrote, when `names` are exactly those; else null. */
async function legacyFiles(dir: string, names: readonly string[]): Promise<string[] | null> {
  if (!names.includes(LEGACY_MANIFEST)) return null;
  const manifest = (await readJson(path.join(dir, LEGACY_MANIFEST))) as { formatVersion?: unknown; files?: unknown } | undefined;
  if (typeof manifest?.formatVersion !== 'number' || manifest.formatVersion > LEGACY_MAX_FORMAT) return null;
  if (typeof manifest.files !== 'object' || manifest.files === null) return null;
  const listed = new Set([LEGACY_MANIFEST, ...Object.keys(manifest.files)]);
  return names.every((n) => listed.has(n)) ? [...names] : null;
}

/** What `dir` holds. Throws INDEX_DIR_REFUSED when it is not a folder Briefbot may write its index into. */
export async function inspectIndexFolder(dir: string): Promise<IndexFolderState> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' };
    if (code === 'ENOTDIR') refuse(dir, 'it is a file, not a folder');
    return refuse(dir, `it cannot be read (${code ?? (error as Error).message})`);
  }
  if (names.includes(INDEX_FOLDER_MANIFEST)) {
    const manifest = await readJson(path.join(dir, INDEX_FOLDER_MANIFEST));
    if (!isFolderManifest(manifest)) refuse(dir, `its ${INDEX_FOLDER_MANIFEST} was not written by Briefbot`);
    return { kind: 'owned', current: manifest.current };
  }
  // A temporary manifest is a writer claiming this folder right now (it holds the lock), or one killed while claiming it.
  const others = names.filter((n) => n !== LOCK_NAME && !MANIFEST_TEMP_PATTERN.test(n));
  if (others.length === 0) return { kind: 'absent' };
  const legacy = await legacyFiles(dir, others);
  if (legacy !== null) return { kind: 'legacy', files: legacy };
  const sample = others.sort().slice(0, REFUSAL_SAMPLE_NAMES).join(', ');
  return refuse(dir, `it already holds files Briefbot did not make (${sample}${others.length > REFUSAL_SAMPLE_NAMES ? ', …' : ''})`);
}

/** The absolute path of the current generation, or null when there is no index yet. */
export async function currentGeneration(dir: string): Promise<string | null> {
  const state = await inspectIndexFolder(dir);
  return state.kind === 'owned' && state.current !== null ? path.join(dir, state.current) : null;
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `data` to `file` and flushes it to the disk. */
export async function writeDurably(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(file, 'w', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface IndexWriter {
  readonly dir: string;
  /** The current generation's folder (the index being replaced), or null. */
  readonly current: string | null;
  /** A new, empty generation folder to write the next index into. */
  newGeneration(): Promise<string>;
  /** Makes `generation` the current index in one atomic rename, then deletes the generations it replaced. */
  commit(generation: string): Promise<void>;
  /** Reports a step to the writer's observer (fault tests, debug logs). */
  step(step: IndexWriteStep, detail?: string): void;
}

export interface WriterOptions extends LockOptions {
  onStep?: (step: IndexWriteStep, detail?: string) => void;
}

/** What a writer that stopped midway left: generations other than the current one, temporary manifests, a legacy index once a current one exists. */
async function leftovers(dir: string): Promise<string[]> {
  const state = await inspectIndexFolder(dir);
  if (state.kind !== 'owned') return [];
  const names = await readdir(dir);
  const found = names.filter((n) => (GENERATION_PATTERN.test(n) && n !== state.current) || MANIFEST_TEMP_PATTERN.test(n));
  if (state.current === null) return found;
  const rest = names.filter((n) => n !== LOCK_NAME && n !== INDEX_FOLDER_MANIFEST && n !== state.current && !found.includes(n));
  return [...found, ...((await legacyFiles(dir, rest)) ?? [])];
}

/** Deletes the leftovers of `dir`. The caller holds the lock. */
async function removeLeftovers(dir: string): Promise<void> {
  for (const name of await leftovers(dir)) await rm(path.join(dir, name), { recursive: true, force: true });
}

async function writeFolderManifest(dir: string, current: string | null): Promise<void> {
  const manifest: FolderManifest = { owner: OWNER_MARK, layout: FOLDER_LAYOUT, current, updatedAt: new Date().toISOString() };
  const temp = path.join(dir, `${INDEX_FOLDER_MANIFEST}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeDurably(temp, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(temp, path.join(dir, INDEX_FOLDER_MANIFEST));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** A full disk, or a folder the process may not write, said in one line the user can act on; any other error as it is. */
function asUserError(dir: string, error: unknown): unknown {
  const { code, path: at } = (error ?? {}) as NodeJS.ErrnoException;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new UserError(ERROR_CODES.NO_SPACE, 'noSpaceForIndex', { dir });
  }
  const inIndexPath = typeof at === 'string' && (at.startsWith(dir) || dir.startsWith(at));
  if ((code === 'EACCES' || code === 'EPERM' || code === 'EROFS') && inIndexPath) {
    return new UserError(ERROR_CODES.INDEX_DIR_REFUSED, 'indexUnwritable', { dir, detail: `${code} on ${at}` });
  }
  return error;
}

/**
 * Runs `write` as the one writer of the index folder `dir`: refuses a folder Briefbot did not
 * make, claims a new or empty one, waits for (or refuses, after `waitMs`) another writer, and
 * clears what an interrupted writer left before and after. A generation `write` made but did
 * not commit is deleted, whatever happened; a full disk becomes one NO_SPACE error.
 */
export async function withIndexWriter<T>(dir: string, write: (writer: IndexWriter) => Promise<T>, options: WriterOptions = {}): Promise<T> {
  try {
    return await writeLocked(dir, write, options);
  } catch (error) {
    throw asUserError(dir, error);
  }
}

async function writeLocked<T>(dir: string, write: (writer: IndexWriter) => Promise<T>, options: WriterOptions): Promise<T> {
  await inspectIndexFolder(dir);
  await mkdir(dir, { recursive: true });
  const lock = await acquireIndexLock(dir, options);
  const made: string[] = [];
  let committed: string | null = null;
  try {
    const state = await inspectIndexFolder(dir);
    if (state.kind !== 'owned') await writeFolderManifest(dir, null);
    await removeLeftovers(dir);
    const current = state.kind === 'owned' && state.current !== null ? path.join(dir, state.current) : null;
    const writer: IndexWriter = {
      dir,
      current,
      async newGeneration() {
        const generation = path.join(dir, `gen-${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`);
        made.push(generation);
        await mkdir(generation);
        writer.step('generation-created', path.basename(generation));
        return generation;
      },
      async commit(generation) {
        if (!made.includes(generation)) throw new Error(`commit of a generation this writer did not make: ${generation}`);
        await syncFolder(generation);
        writer.step('generation-complete', path.basename(generation));
        lock.assertHeld();
        await writeFolderManifest(dir, path.basename(generation));
        committed = generation;
        writer.step('committed', path.basename(generation));
        await removeLeftovers(dir);
        writer.step('cleaned');
      },
      step(step, detail) {
        options.onStep?.(step, detail);
      },
    };
    writer.step('locked');
    return await write(writer);
  } finally {
    try {
      for (const generation of made) if (generation !== committed) await rm(generation, { recursive: true, force: true });
    } finally {
      await lock.release();
    }
  }
}

/**
 * At start: deletes what an interrupted writer left. When there is something to clear, or a lock,
 * it waits for the lock like a writer (a killed writer's lock is taken over once stale, and
 * released clean); when a live writer keeps it, clearing is left to that writer. A folder that is
 * not Briefbot's is left alone here (opening it refuses it).
 */
export async function tidyIndexFolder(dir: string, options: LockOptions = {}): Promise<void> {
  const state = await inspectIndexFolder(dir).catch(() => null);
  if (state?.kind !== 'owned') return;
  const locked = (await readdir(dir)).includes(LOCK_NAME);
  if (!locked && (await leftovers(dir)).length === 0) return;
  let lock;
  try {
    lock = await acquireIndexLock(dir, options);
  } catch {
    return;
  }
  try {
    await removeLeftovers(dir);
  } finally {
    await lock.release();
  }
}
