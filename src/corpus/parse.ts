/**
 * One article file's text → an Article: title, date, sources, author, captions and body
 * sentences with offsets into the normalised raw text. Pure.
 */
import { parse as parseYaml } from 'yaml';
import type { Article, Caption, IngestWarning, Sentence } from './types.js';
import {
  BYLINE_PATTERN, CAPTION_LABEL_PATTERN, CAPTION_PATTERN, DATELINE_PATTERN, FURNITURE_LINES, OUTLET_PREFIX_PATTERN,
  RELATED_BLOCK_MARKERS, RELATED_LINK_PATTERN, SOURCE_LINE_PATTERN, THEO_PATTERN, WIRE_DATELINE_PATTERN, matchesLine,
} from './furniture.js';
import { markdownToText } from './markdown.js';
import { splitSentences } from './sentences.js';
import { monthOfEnglishWord, nearestYear, normalizeText } from '../text/index.js';
import { dropEditorialTags, repairMojibake } from './repair.js';

/** A derived title is cut to this many characters at a clause boundary. */
export const DERIVED_TITLE_MAX_CHARS = 110;
/**
 * The version of the rules that read an article (furniture, prefixes, front matter, sentences) and
 * turn its text into index terms.
 * Bump it when a change reads the same file differently: an index built under other rules is then
 * read again from the corpus on the next start, reusing the vectors of passages whose text is unchanged.
 */
export const INGEST_RULES_VERSION = 7;
/**
 * Front matter longer than this is ignored, with a warning, and the body still read: real front
 * matter (title, source, date, url, author, a few tags) is a few hundred characters, and parsing
 * a pathological one (a 200,000-item list) takes seconds and overflows the stack.
 */
const FRONT_MATTER_MAX_CHARS = 64 * 1024;
/** An author line has at most this many words. */
const AUTHOR_MAX_WORDS = 5;
/** Author lines are only looked for among the last lines of the body… */
const AUTHOR_TAIL_LINES = 4;
/** …and `By Name` bylines among the first ones (after the title). */
const BYLINE_HEAD_LINES = 3;

export interface ArticleInput {
  docId: string;
  file: string;
  text: string;
  contentHash: string;
}

interface Line {
  text: string;
  start: number;
  end: number;
}

interface FrontMatter {
  title?: string;
  sources?: string[];
  url?: string;
  date?: string;
  author?: string;
}

/**
 * Normalise a file's text: `\n` line endings, NFC, no BOM or other invisible characters, UTF-8 read as
 * Windows-1252 put back and Wikipedia's maintenance tags dropped (`repair.ts`).
 */
export function normaliseText(text: string): string {
  return dropEditorialTags(normalizeText(repairMojibake(text.replace(/\r\n?/gu, '\n'))));
}

/** The text an article is read from: normalised, and for a `.md` file its Markdown body as plain text (front matter kept). */
export function articleText(file: string, text: string): string {
  const normalised = normaliseText(text);
  if (!/\.md$/iu.test(file)) return normalised;
  const { bodyStart } = splitFrontMatter(normalised);
  return `${normalised.slice(0, bodyStart)}${markdownToText(normalised.slice(bodyStart))}`;
}

/** A wire dateline's date: a whole one, or a day and month the corpus supplies the year of. */
type WireDate = { date: string } | { month: number; day: number };

const pad2 = (n: number): string => String(n).padStart(2, '0');

function wireDate(m: RegExpExecArray): WireDate | null {
  const month = m[1] !== undefined ? monthOfEnglishWord(m[1]) : Number(m[5]);
  const day = Number(m[2] ?? m[4]);
  const year = m[3] ?? m[6];
  if (month === undefined || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (year === undefined) return { month, day };
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  return Number.isNaN(Date.parse(date)) ? null : { date };
}

function splitLines(raw: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= raw.length) {
    let end = raw.indexOf('\n', start);
    if (end === -1) end = raw.length;
    const text = raw.slice(start, end);
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (trimmed !== '') lines.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    start = end + 1;
  }
  return lines;
}

function metaFrom(d: Record<string, unknown>): FrontMatter {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : undefined);
  const source = d['source'] ?? d['sources'];
  const sources = Array.isArray(source) ? source.map(String) : str(source)?.split(/\s*,\s*/u);
  const date = str(d['date']);
  return {
    title: str(d['title']), url: str(d['url']), author: str(d['author']), sources,
    date: date !== undefined && /^\d{4}-\d{2}-\d{2}/u.test(date) ? date.slice(0, 10) : undefined,
  };
}

/** `key: value` lines, split at the first colon, quotes removed: for hand-written front matter YAML rejects (`title: A: B`). */
function lineByLine(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_]+)\s*:\s*(.*)$/u.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1].toLowerCase()] = m[2].replace(/^(["'])(.*)\1$/u, '$2');
  }
  return out;
}

const FRONT_MATTER_KEYS = ['title', 'source', 'sources', 'date', 'url', 'author'];

/** A normalised text's YAML front matter (null when it has none), and where the body after it starts. */
export function splitFrontMatter(raw: string): { frontMatter: string | null; bodyStart: number } {
  const match = /^---\n([\s\S]*?)\n---\n?/u.exec(raw);
  return match === null ? { frontMatter: null, bodyStart: 0 } : { frontMatter: match[1] ?? '', bodyStart: match[0].length };
}

function readFrontMatter(raw: string, warnings: IngestWarning[], file: string): { meta: FrontMatter; bodyStart: number } {
  const { frontMatter: text, bodyStart } = splitFrontMatter(raw);
  if (text === null) return { meta: {}, bodyStart };
  if (text.length > FRONT_MATTER_MAX_CHARS) {
    warnings.push({ file, code: 'FRONT_MATTER', message: `${file}: front matter ignored (over ${FRONT_MATTER_MAX_CHARS / 1024} KB)` });
    return { meta: {}, bodyStart };
  }
  try {
    const data: unknown = parseYaml(text);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('front matter is not a mapping');
    return { meta: metaFrom(data as Record<string, unknown>), bodyStart };
  } catch (error) {
    const reason = ((error as Error).message.split('\n')[0] ?? '').replace(/:$/u, '');
    const lines = lineByLine(text);
    if (FRONT_MATTER_KEYS.some((k) => k in lines)) {
      warnings.push({ file, code: 'FRONT_MATTER', message: `${file}: front matter is not valid YAML (${reason}); read line by line` });
      return { meta: metaFrom(lines), bodyStart };
    }
    warnings.push({ file, code: 'FRONT_MATTER', message: `${file}: front matter ignored (${reason})` });
    return { meta: {}, bodyStart };
  }
}

function isAuthorLine(line: string): boolean {
  const name = line.replace(THEO_PATTERN, '').trim();
  if (name === '' || /[.!?:;,"“”]/u.test(name)) return false;
  const words = name.split(/\s+/u);
  return words.length >= 2 && words.length <= AUTHOR_MAX_WORDS && words.every((w) => /^\p{Lu}/u.test(w));
}

function deriveTitle(lead: string): string {
  if (lead.length <= DERIVED_TITLE_MAX_CHARS) return lead.replace(/[.。]$/u, '');
  const cut = lead.slice(0, DERIVED_TITLE_MAX_CHARS);
  const clause = Math.max(cut.lastIndexOf(','), cut.lastIndexOf(';'), cut.lastIndexOf(' - '));
  const end = clause > DERIVED_TITLE_MAX_CHARS / 2 ? clause : cut.lastIndexOf(' ');
  return `${cut.slice(0, end).trim()}…`;
}

function addSources(into: string[], names: string): void {
  for (const name of names.split(/\s*[,;]\s*|\s+(?:và|and)\s+/u)) {
    const clean = name.trim().replace(/\.$/u, '');
    if (clean !== '' && !into.includes(clean)) into.push(clean);
  }
}

/** Lines of the body: after the title, up to (not including) a related-news block. */
function bodyLines(lines: Line[]): Line[] {
  const cut = lines.findIndex((l) => matchesLine(l.text, RELATED_BLOCK_MARKERS));
  return cut === -1 ? lines : lines.slice(0, cut);
}

/** The text without an outlet prefix, and where it starts. */
function stripOutletPrefix(line: Line, sources: string[]): Line {
  const m = OUTLET_PREFIX_PATTERN.exec(line.text);
  if (m === null) return line;
  addSources(sources, m[1] ?? '');
  return { text: line.text.slice(m[0].length), start: line.start + m[0].length, end: line.end };
}

/** The article's date and where it came from: front matter, then a first-line dateline, then a wire dateline. */
function articleDate(front: string | undefined, firstLine: string | null, wire: WireDate | null): Pick<Article, 'date' | 'dateSource' | 'datelineDay'> {
  if (front !== undefined) return { date: front, dateSource: 'front-matter' };
  if (firstLine !== null) return { date: firstLine, dateSource: 'dateline' };
  if (wire === null) return { date: null, dateSource: null };
  return 'date' in wire ? { date: wire.date, dateSource: 'dateline' } : { date: null, dateSource: null, datelineDay: wire };
}

/**
 * Articles whose wire dateline gives a day without its year (`NAIROBI, Feb 12 (…) - `) dated in
 * the year that puts that day nearest the corpus's latest date (a little after it at most),
 * marked `dateline-inferred`. Articles with a date, or without such a dateline, are unchanged.
 */
export function inferDatelineYears(articles: readonly Article[]): Article[] {
  const latest = articles.map((a) => a.date).filter((d): d is string => d !== null).sort().pop();
  if (latest === undefined) return [...articles];
  return articles.map((a) => {
    if (a.date !== null || a.datelineDay === undefined) return a;
    const { month, day } = a.datelineDay;
    return { ...a, date: `${nearestYear(latest, month, day)}-${pad2(month)}-${pad2(day)}`, dateSource: 'dateline-inferred' };
  });
}

export function parseArticle(input: ArticleInput, warnings: IngestWarning[] = []): Article {
  const raw = articleText(input.file, input.text);
  const { meta, bodyStart } = readFrontMatter(raw, warnings, input.file);
  const lines = splitLines(raw, bodyStart);
  const captions: Caption[] = [];
  const sources: string[] = [];
  let date: string | null = null;
  let author: string | null = null;
  let title: string | null = null;
  let wire: WireDate | null = null;
  let rest = lines;

  const first = lines[0];
  const dateline = first === undefined ? null : DATELINE_PATTERN.exec(raw.slice(first.start, first.end));
  if (first !== undefined && dateline !== null) {
    date = dateline[1] ?? null;
    const caption = (dateline[2] ?? '').trim();
    if (caption !== '') captions.push({ text: caption, start: first.end - caption.length, end: first.end });
    rest = lines.slice(1);
  } else if (meta.title !== undefined) {
    // Front matter names the title. The first line is the page's own headline when more text
    // follows it and it does not end like a sentence; otherwise it is body: front matter never
    // costs a paragraph.
    title = meta.title;
    const headline = first !== undefined && lines.length > 1 && !/[.!?…"”»)]$/u.test(first.text) && !BYLINE_PATTERN.test(first.text);
    if (headline) rest = lines.slice(1);
  } else if (first !== undefined) {
    title = first.text;
    rest = lines.slice(1);
  }

  const body: Line[] = [];
  const seen = new Set<string>();
  const lineKey = (text: string): string => text.replace(OUTLET_PREFIX_PATTERN, '').trim();
  const candidates = bodyLines(rest);
  const tailStart = candidates.length - AUTHOR_TAIL_LINES;
  for (const [position, original] of candidates.entries()) {
    const text = original.text;
    if (title !== null && text === title) continue;
    if (matchesLine(text, FURNITURE_LINES)) continue;
    const sourceLine = SOURCE_LINE_PATTERN.exec(text);
    if (sourceLine !== null && text.length < 80) {
      addSources(sources, sourceLine[1] ?? '');
      continue;
    }
    const byline = position < BYLINE_HEAD_LINES ? BYLINE_PATTERN.exec(text) : null;
    if (byline !== null) {
      author ??= byline[1] ?? null;
      continue;
    }
    if (position >= tailStart && isAuthorLine(text)) {
      const theo = THEO_PATTERN.exec(text);
      if (theo !== null) addSources(sources, theo[1] ?? '');
      author ??= text.replace(THEO_PATTERN, '').trim();
      continue;
    }
    const theoOnly = /^\((?:theo|according to)\s+([^)]+)\)\.?$/iu.exec(text);
    if (theoOnly !== null) {
      addSources(sources, theoOnly[1] ?? '');
      continue;
    }
    if (RELATED_LINK_PATTERN.test(text)) continue;
    if (CAPTION_LABEL_PATTERN.test(text) || CAPTION_PATTERN.test(text)) {
      captions.push({ text, start: original.start, end: original.end });
      continue;
    }
    const dated = WIRE_DATELINE_PATTERN.exec(text);
    if (dated !== null) {
      addSources(sources, dated[7] ?? '');
      wire ??= wireDate(dated);
    }
    const line = dated === null ? stripOutletPrefix(original, sources) : { text: text.slice(dated[0].length), start: original.start + dated[0].length, end: original.end };
    const key = lineKey(line.text);
    if (seen.has(key)) continue;
    seen.add(key);
    body.push(line);
  }

  const sentences: Sentence[] = [];
  body.forEach((line, paragraph) => {
    for (const span of splitSentences(raw.slice(line.start, line.end), line.start)) {
      sentences.push({ index: sentences.length, text: span.text, start: span.start, end: span.end, paragraph });
    }
  });

  if (meta.sources !== undefined) sources.splice(0, sources.length, ...meta.sources);
  const lead = sentences[0]?.text ?? '';
  return {
    docId: input.docId,
    file: input.file,
    title: meta.title ?? title ?? (lead === '' ? input.docId : deriveTitle(lead)),
    ...articleDate(meta.date, date, wire),
    sources,
    author: meta.author ?? author,
    url: meta.url ?? null,
    contentHash: input.contentHash,
    raw,
    sentences,
    captions,
  };
}
