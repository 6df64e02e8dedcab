/**
 * An added article as a corpus file: YAML front matter (`title`, `source`, `url`, `date`,
 * `author`, `added_by`, `added_at`), the title on the first line, then the body. Also the two
 * keys that tell a second copy of an article: its URL and its text. Pure.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { foldAccents, syllables } from '../text/index.js';

export interface ArticleFileMeta {
  title: string;
  source: string | null;
  url: string | null;
  /** `YYYY-MM-DD` */
  date: string | null;
  author: string | null;
  /** Who added it: `discord:<user id> (<name>)`, `feed:<feed url>`, `console`. */
  addedBy: string;
  /** ISO timestamp. */
  addedAt: string;
}

/** A file name stays readable in `/sources` and as a docId: its title part is cut to this many characters. */
const SLUG_MAX_CHARS = 60;
/** Hex digits of the body's hash in the name: two different articles with the same title and day still get two files. */
const NAME_HASH_CHARS = 8;
/** Query parameters that only track where a click came from: the same article with other values is the same article. */
const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid)$/iu;

/** The file's text: front matter, then `body` (which starts with the title line). */
export function articleFileText(meta: ArticleFileMeta, body: string): string {
  const front: Record<string, string> = { title: meta.title };
  if (meta.source !== null) front['source'] = meta.source;
  if (meta.url !== null) front['url'] = meta.url;
  if (meta.date !== null) front['date'] = meta.date;
  if (meta.author !== null) front['author'] = meta.author;
  front['added_by'] = meta.addedBy;
  front['added_at'] = meta.addedAt;
  return `---\n${stringify(front, { lineWidth: 0 })}---\n${body.trim()}\n`;
}

/** `2025-11-20-port-velsa-opens-its-first-desalination-plant-1a2b3c4d.txt`: day, title in ASCII, hash of the body. */
export function articleFileName(meta: Pick<ArticleFileMeta, 'title' | 'date' | 'addedAt'>, body: string, extension: '.txt' | '.md'): string {
  const day = meta.date ?? meta.addedAt.slice(0, 10);
  const slug = foldAccents(meta.title).toLowerCase().replace(/[^a-z0-9]+/gu, '-').slice(0, SLUG_MAX_CHARS).replace(/^-+|-+$/gu, '') || 'article';
  const hash = createHash('sha256').update(body).digest('hex').slice(0, NAME_HASH_CHARS);
  return `${day}-${slug}-${hash}${extension}`;
}

/** The body as a text key: lower-cased words and numbers only, so spacing, punctuation and line breaks do not make a copy look new. */
export function textKey(sentences: readonly string[]): string {
  return createHash('sha256').update(syllables(sentences.join(' ')).join(' ')).digest('hex');
}

/** A URL as an article key: no fragment, no tracking parameters, no default port, host in lower case. */
export function urlKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim();
  }
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING_PARAMETER.test(name)) parsed.searchParams.delete(name);
  parsed.search = parsed.searchParams.toString() === '' ? '' : `?${parsed.searchParams.toString()}`;
  return parsed.href;
}
