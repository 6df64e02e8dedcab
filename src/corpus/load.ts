/**
 * Reading a corpus folder: every .txt / .md file, decoded strictly, parsed into articles.
 * A bad file costs only itself: a folder or file that cannot be read, a file that vanishes or
 * changes while it is read, one over the size cap, or one the parser chokes on is skipped with
 * a warning naming it, and the rest is read.
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ERROR_CODES, UserError } from '../errors.js';
import { DEFAULT_MAX_ARTICLE_BYTES } from './limits.js';
import { inferDatelineYears, parseArticle } from './parse.js';
import type { Article, IngestWarning, LoadedCorpus } from './types.js';

export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md'];
/** How often a file that changes while it is read is read again before it is skipped. */
const READ_ATTEMPTS = 2;

export interface CorpusFile {
  /** Relative path, `/`-separated. */
  file: string;
  absolute: string;
}

export interface CorpusOptions {
  /** Files over this size are skipped with a warning. Default DEFAULT_MAX_ARTICLE_BYTES. */
  maxArticleBytes?: number;
}

/** What an earlier read of the folder gave: its articles and every file's fingerprint. */
export interface KnownCorpus {
  articles: ReadonlyMap<string, Article>;
  sourceFiles: Readonly<Record<string, string>>;
}

function relative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Article files under `dir`, sorted by relative path, and a warning for each subfolder that
 * cannot be read. Throws CORPUS_MISSING when `dir` is not a folder or cannot be read.
 */
export async function listCorpusFiles(dir: string): Promise<{ files: CorpusFile[]; warnings: IngestWarning[] }> {
  const info = await stat(dir).catch(() => null);
  if (info === null || !info.isDirectory()) {
    throw new UserError(ERROR_CODES.CORPUS_MISSING, 'corpusMissing', { dir });
  }
  const files: CorpusFile[] = [];
  const warnings: IngestWarning[] = [];
  const pending = [dir];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (folder === dir) throw new UserError(ERROR_CODES.CORPUS_MISSING, 'corpusUnreadable', { dir, detail: errorCode(error) });
      const name = `${relative(dir, folder)}/`;
      warnings.push({ file: name, code: 'UNREADABLE', message: `${name}: folder skipped, it cannot be read (${errorCode(error)})` });
      continue;
    }
    for (const e of entries) {
      const absolute = path.join(folder, e.name);
      if (e.isDirectory()) pending.push(absolute);
      else if (e.isFile() && ARTICLE_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) files.push({ absolute, file: relative(dir, absolute) });
    }
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, warnings };
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Up to `limit` bytes of an open file. */
async function readUpTo(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
    if (chunk.length === 0) break;
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The bytes of one corpus file, or why it was skipped. Opened without blocking (a file swapped
 * for a pipe meanwhile does not hang the ingest), read at most to the cap, and read again when
 * its size, time or identity changed under the read.
 */
export async function readCorpusFile(f: CorpusFile, maxBytes: number = DEFAULT_MAX_ARTICLE_BYTES): Promise<{ bytes: Buffer } | { warning: IngestWarning }> {
  const skip = (code: IngestWarning['code'], why: string) => ({ warning: { file: f.file, code, message: `${f.file}: skipped, ${why}` } });
  for (let attempt = 1; ; attempt++) {
    let handle: FileHandle;
    try {
      handle = await open(f.absolute, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return skip('VANISHED', 'it was removed or renamed during the ingest');
      return skip('UNREADABLE', `it cannot be read (${errorCode(error)})`);
    }
    try {
      const before = await handle.stat();
      if (!before.isFile()) return skip('VANISHED', 'it is no longer a regular file');
      if (before.size > maxBytes) return skip('TOO_LARGE', `it is ${humanSize(before.size)}, over the ${humanSize(maxBytes)} cap (MAX_ARTICLE_MB)`);
      const bytes = await readUpTo(handle, maxBytes + 1);
      if (bytes.length > maxBytes) return skip('TOO_LARGE', `it grew over the ${humanSize(maxBytes)} cap (MAX_ARTICLE_MB) while it was read`);
      const after = await stat(f.absolute).catch(() => null);
      const unchanged = after !== null && after.ino === before.ino && after.size === before.size && after.mtimeMs === before.mtimeMs && bytes.length === before.size;
      if (unchanged) return { bytes };
      if (attempt >= READ_ATTEMPTS) {
        return after === null ? skip('VANISHED', 'it was removed or renamed during the ingest') : skip('CHANGED', 'it kept changing while it was read; the next ingest reads it again');
      }
    } catch (error) {
      return skip('UNREADABLE', `it cannot be read (${errorCode(error)})`);
    } finally {
      await handle.close();
    }
  }
}

/** What a corpus file's entry in the index manifest says: the hash of its bytes, or why it was not read. */
function fingerprint(read: { bytes: Buffer } | { warning: IngestWarning }): string {
  return 'bytes' in read ? hashBytes(read.bytes) : `skipped:${read.warning.code}`;
}

/** Every corpus file → its fingerprint (cheap: no parsing): what tells whether an index is stale. */
export async function corpusFingerprints(dir: string, options: CorpusOptions = {}): Promise<Record<string, string>> {
  const fingerprints: Record<string, string> = {};
  for (const f of (await listCorpusFiles(dir)).files) fingerprints[f.file] = fingerprint(await readCorpusFile(f, options.maxArticleBytes));
  return fingerprints;
}

/** Decode a file strictly, or say why it is not an article. */
export function decodeArticleBytes(file: string, bytes: Uint8Array): { text: string } | { warning: IngestWarning } {
  if (bytes.includes(0)) return { warning: { file, code: 'BINARY', message: `${file}: skipped, it is a binary file` } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { warning: { file, code: 'NOT_UTF8', message: `${file}: skipped, it is not UTF-8 text` } };
  }
  if (text.trim() === '') return { warning: { file, code: 'EMPTY', message: `${file}: skipped, it is empty` } };
  return { text };
}

function docIdsFor(files: readonly CorpusFile[]): string[] {
  const stem = (f: CorpusFile): string => path.basename(f.file, path.extname(f.file));
  const counts = new Map<string, number>();
  for (const f of files) counts.set(stem(f), (counts.get(stem(f)) ?? 0) + 1);
  return files.map((f) => ((counts.get(stem(f)) ?? 0) > 1 ? f.file.slice(0, -path.extname(f.file).length) : stem(f)));
}

/**
 * The articles of the folder `dir`. With `known`, a file it read as an article under the same
 * docId is taken from it without being read again (the caller vouches that the file is unchanged:
 * it changed only other files); new files, and files it skipped, are read.
 */
export async function loadCorpus(dir: string, options: CorpusOptions & { known?: KnownCorpus } = {}): Promise<LoadedCorpus> {
  const { files, warnings } = await listCorpusFiles(dir);
  const ids = docIdsFor(files);
  const articles: Article[] = [];
  const sourceFiles: Record<string, string> = {};
  const knownByFile = new Map([...(options.known?.articles.values() ?? [])].map((a) => [a.file, a]));
  for (const [i, f] of files.entries()) {
    const known = knownByFile.get(f.file);
    if (known !== undefined && known.docId === ids[i] && options.known?.sourceFiles[f.file] === known.contentHash) {
      sourceFiles[f.file] = known.contentHash;
      articles.push(known);
      continue;
    }
    const read = await readCorpusFile(f, options.maxArticleBytes);
    sourceFiles[f.file] = fingerprint(read);
    if ('warning' in read) {
      warnings.push(read.warning);
      continue;
    }
    const decoded = decodeArticleBytes(f.file, read.bytes);
    if ('warning' in decoded) {
      warnings.push(decoded.warning);
      continue;
    }
    let article: Article;
    try {
      article = parseArticle({ docId: ids[i] ?? f.file, file: f.file, text: decoded.text, contentHash: hashBytes(read.bytes) }, warnings);
    } catch (error) {
      warnings.push({ file: f.file, code: 'UNPARSABLE', message: `${f.file}: skipped, it could not be read as an article (${(error as Error).message})` });
      continue;
    }
    if (article.sentences.length === 0) {
      warnings.push({ file: f.file, code: 'EMPTY', message: `${f.file}: skipped, it has no body text` });
      continue;
    }
    articles.push(article);
  }
  if (articles.length === 0) {
    const why = warnings.length === 0 ? 'it has no .txt or .md files' : warnings.map((w) => w.message).join('; ');
    throw new UserError(ERROR_CODES.CORPUS_EMPTY, 'corpusEmpty', { dir, detail: why });
  }
  return { articles: inferDatelineYears(articles), warnings, sourceFiles };
}
