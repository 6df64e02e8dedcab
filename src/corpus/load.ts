/** Reading a corpus folder: every .txt / .md file, decoded strictly, parsed into articles. */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ERROR_CODES, UserError } from '../errors.js';
import { parseArticle } from './parse.js';
import type { Article, IngestWarning, LoadedCorpus } from './types.js';

export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md'];

export interface CorpusFile {
  /** Relative path, `/`-separated. */
  file: string;
  absolute: string;
}

/** Article files under `dir`, sorted by relative path. Throws CORPUS_MISSING when `dir` is not a folder. */
export async function listCorpusFiles(dir: string): Promise<CorpusFile[]> {
  const info = await stat(dir).catch(() => null);
  if (info === null || !info.isDirectory()) {
    throw new UserError(ERROR_CODES.CORPUS_MISSING, `The corpus folder ${dir} does not exist. Set CORPUS_DIR or pass --corpus DIR.`, { dir });
  }
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && ARTICLE_EXTENSIONS.includes(path.extname(e.name).toLowerCase()))
    .map((e) => {
      const absolute = path.join(e.parentPath, e.name);
      return { absolute, file: path.relative(dir, absolute).split(path.sep).join('/') };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
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

export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  const files = await listCorpusFiles(dir);
  const ids = docIdsFor(files);
  const articles: Article[] = [];
  const warnings: IngestWarning[] = [];
  for (const [i, f] of files.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(f.absolute);
    } catch (error) {
      warnings.push({ file: f.file, code: 'UNREADABLE', message: `${f.file}: skipped, cannot be read (${(error as Error).message})` });
      continue;
    }
    const decoded = decodeArticleBytes(f.file, bytes);
    if ('warning' in decoded) {
      warnings.push(decoded.warning);
      continue;
    }
    const article = parseArticle({ docId: ids[i] ?? f.file, file: f.file, text: decoded.text, contentHash: hashBytes(bytes) }, warnings);
    if (article.sentences.length === 0) {
      warnings.push({ file: f.file, code: 'EMPTY', message: `${f.file}: skipped, it has no body text` });
      continue;
    }
    articles.push(article);
  }
  if (articles.length === 0) {
    const why = warnings.length === 0 ? 'it has no .txt or .md files' : warnings.map((w) => w.message).join('; ');
    throw new UserError(ERROR_CODES.CORPUS_EMPTY, `The corpus folder ${dir} has no usable article: ${why}.`, { dir });
  }
  return { articles, warnings };
}
