/**
 * Sentence splitting for Vietnamese (and English) news text. Pure: a paragraph and the
 * offset of its first character in the article go in; sentences with exact offsets come out.
 * Never splits inside quotes, numbers (5.700, 2/12, 3,5), domains (Baothanhhoa.vn),
 * after known abbreviations or after a single-letter initial.
 */

import { MONTH_ABBREVIATIONS_EN } from '../text/index.js';

/** Abbreviations after which a full stop does not end a sentence (compared lowercased, without the dot). */
export const NON_TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'tp', 'ths', 'ts', 'pgs', 'gs', 'bs', 'ks', 'ls', 'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof',
  'vs', 'etc', 'e.g', 'i.e', 'u.s', 'u.k', 'no', 'v.v', 'inc', 'ltd', 'co', 'corp', 'gen', 'col', 'lt', 'sgt',
]);

const OPENING_QUOTES = '“"‘«';
const CLOSING_QUOTES = '”"’»';
const TERMINALS = '.!?…';

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

function isUpperStart(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return /[\p{Lu}\p{N}]/u.test(ch) || OPENING_QUOTES.includes(ch) || ch === '(' || ch === '[';
}

/** The word (letters and inner dots) that ends right before position `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, dot);
}

function isFalseStop(text: string, i: number): boolean {
  const ch = text[i];
  if (ch !== '.') return false;
  const prev = text[i - 1] ?? '';
  const next = text[i + 1] ?? '';
  // 5.700, Baothanhhoa.vn, U.S.: no space after the dot.
  if (next !== '' && !/\s/.test(next) && !CLOSING_QUOTES.includes(next) && next !== ')') return true;
  const word = wordBefore(text, i);
  if (NON_TERMINAL_ABBREVIATIONS.has(word.toLowerCase())) return true;
  // No sentence ends at `Sept.` when a day follows (`Sept. 15`).
  if (MONTH_ABBREVIATIONS_EN.has(word.toLowerCase()) && /^\s+\d/u.test(text.slice(i + 1))) return true;
  // An initial such as "J. Kushner".
  if (word.length === 1 && /\p{Lu}/u.test(prev)) return true;
  return false;
}

/** Split one paragraph into sentences; `base` is the paragraph's offset in the article. */
export function splitSentences(paragraph: string, base = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let quoteDepth = 0;
  let start = 0;
  const push = (end: number): void => {
    const raw = paragraph.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') spans.push({ text, start: base + start + lead, end: base + start + lead + text.length });
    start = end;
  };
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i] ?? '';
    if (ch === '"') {
      quoteDepth = quoteDepth > 0 ? quoteDepth - 1 : quoteDepth + 1;
      continue;
    }
    if (OPENING_QUOTES.includes(ch)) quoteDepth++;
    else if (CLOSING_QUOTES.includes(ch)) quoteDepth = Math.max(0, quoteDepth - 1);
    if (!TERMINALS.includes(ch) || quoteDepth > 0 || isFalseStop(paragraph, i)) continue;
    // Absorb further terminals and closing quotes/brackets that belong to this sentence.
    let end = i + 1;
    while (end < paragraph.length && (TERMINALS.includes(paragraph[end] ?? '') || CLOSING_QUOTES.includes(paragraph[end] ?? '') || paragraph[end] === ')')) end++;
    let next = end;
    while (next < paragraph.length && /\s/.test(paragraph[next] ?? '')) next++;
    if (next === end && next < paragraph.length) continue;
    if (next < paragraph.length && !isUpperStart(paragraph[next])) continue;
    push(end);
    i = end - 1;
  }
  push(paragraph.length);
  return spans;
}
