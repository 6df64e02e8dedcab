/**
 * Date expressions in Vietnamese and English, resolved against an anchor: the article's
 * publication date, or (for an undated article) a date inferred from the corpus. Never
 * invents a day or a year the text does not support: relative days need a real
 * publication date; a missing year comes from the anchor and says so.
 */
import { MONTH_NAMES_EN, MONTH_PATTERN_EN, WEEKDAYS, monthOfEnglishWord, nearestYear } from '../text/index.js';
import type { DatePrecision, DateResolution, ResolvedDate } from './types.js';

export interface DateAnchor {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `publication`: the article's own date; `inferred`: taken from the corpus. */
  kind: 'publication' | 'inferred';
}

export { FUTURE_TOLERANCE_DAYS } from '../text/index.js';

interface Rule {
  pattern: RegExp;
  resolve(m: RegExpExecArray, anchor: DateAnchor | null): { value: string; precision: DatePrecision; resolution: DateResolution; until?: string } | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function anchorParts(anchor: DateAnchor): { y: number; m: number; d: number } {
  const [y, m, d] = anchor.date.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

function fromAnchor(anchor: DateAnchor): DateResolution {
  return anchor.kind === 'publication' ? 'publication' : 'inferred';
}

/** The year that puts day/month (or month) nearest the anchor, not far in its future. */
function yearFor(anchor: DateAnchor, m: number, d = 1): number {
  return nearestYear(anchor.date, m, d);
}

function shiftDays(anchor: DateAnchor, days: number): string {
  const a = anchorParts(anchor);
  const t = new Date(Date.UTC(a.y, a.m - 1, a.d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function shiftMonths(anchor: DateAnchor, months: number): string {
  const a = anchorParts(anchor);
  const t = new Date(Date.UTC(a.y, a.m - 1 + months, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
}

function dayMonth(d: number, m: number, anchor: DateAnchor | null): ReturnType<Rule['resolve']> {
  if (anchor === null) return null;
  const y = yearFor(anchor, m, d);
  return validDay(y, m, d) ? { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', resolution: fromAnchor(anchor) } : null;
}

function fullDay(d: number, m: number, y: number): ReturnType<Rule['resolve']> {
  return validDay(y, m, d) ? { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', resolution: 'explicit' } : null;
}

function monthOnly(m: number, anchor: DateAnchor | null): ReturnType<Rule['resolve']> {
  if (anchor === null || m < 1 || m > 12) return null;
  return { value: `${yearFor(anchor, m)}-${pad(m)}`, precision: 'month', resolution: fromAnchor(anchor) };
}

function monthYear(m: number, y: number): ReturnType<Rule['resolve']> {
  return m >= 1 && m <= 12 ? { value: `${y}-${pad(m)}`, precision: 'month', resolution: 'explicit' } : null;
}

/** Relative to the publication day: only a real publication date supports them. */
function relativeDay(anchor: DateAnchor | null, days: number): ReturnType<Rule['resolve']> {
  return anchor?.kind === 'publication' ? { value: shiftDays(anchor, days), precision: 'day', resolution: 'publication' } : null;
}

/** Words before a weekday that put it ahead of the publication day (`will meet on Friday`, `sẽ họp vào thứ Sáu`). */
const FUTURE_CUE = /\b(?:will|'ll|shall|is|are)\s+(?:\w+\s+){0,2}(?:planned|scheduled|expected|due|set)\b|\b(?:will|'ll|plans?\s+to|planning\s+to|scheduled|next)\b|(?<![\p{L}\p{M}])(?:sẽ|dự kiến)(?![\p{L}\p{M}])/iu;

/**
 * `on Monday`, `hôm thứ Ba`: the latest such day on or before the publication day (news
 * speaks of the week just gone), or the next one when the clause before it speaks of the future.
 */
function weekday(m: RegExpExecArray, anchor: DateAnchor | null): ReturnType<Rule['resolve']> {
  const day = WEEKDAYS[(m[1] ?? '').toLowerCase().replace(/\s+/gu, ' ')];
  if (anchor?.kind !== 'publication' || day === undefined) return null;
  const a = anchorParts(anchor);
  const today = new Date(Date.UTC(a.y, a.m - 1, a.d)).getUTCDay();
  const clause = m.input.slice(Math.max(0, m.index - 80), m.index).split(/[.!?;]/u).pop() ?? '';
  const shift = FUTURE_CUE.test(clause) ? (day - today + 7) % 7 : -((today - day + 7) % 7);
  return { value: shiftDays(anchor, shift), precision: 'day', resolution: 'publication' };
}

function relativeMonth(anchor: DateAnchor | null, months: number): ReturnType<Rule['resolve']> {
  return anchor?.kind === 'publication' ? { value: shiftMonths(anchor, months), precision: 'month', resolution: 'publication' } : null;
}

function relativeYear(anchor: DateAnchor | null, years: number): ReturnType<Rule['resolve']> {
  return anchor?.kind === 'publication' ? { value: String(anchorParts(anchor).y + years), precision: 'year', resolution: 'publication' } : null;
}

const N = (s: string | undefined): number => Number(s);

/** Years a date rule reads as years: four digits, not a count (`1.500 quân`) or a code. */
const YEAR_MIN = 1000;
const YEAR_MAX = 2099;
const year = (y: number): string | null => (y >= YEAR_MIN && y <= YEAR_MAX ? String(y) : null);

function explicitYear(y: number): ReturnType<Rule['resolve']> {
  const value = year(y);
  return value === null ? null : { value, precision: 'year', resolution: 'explicit' };
}

/** `1654-57`, `from 2015 to 2017`: both ends, the second completed from the first when shortened. */
function yearSpan(from: string | undefined, to: string | undefined): ReturnType<Rule['resolve']> {
  const first = N(from);
  const short = to ?? '';
  const last = short.length < 4 ? N(`${String(first).slice(0, 4 - short.length)}${short}`) : N(short);
  const [a, b] = [year(first), year(last)];
  return a === null || b === null || last <= first ? null : { value: a, precision: 'year', resolution: 'explicit', until: b };
}

function decade(y: number): ReturnType<Rule['resolve']> {
  return y % 10 === 0 && year(y) !== null ? { value: String(y), precision: 'decade', resolution: 'explicit' } : null;
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50 };

/** `17`, `17th`, `XVII` → 17. */
function centuryNumber(raw: string): number {
  if (/^\d/u.test(raw)) return N(raw.replace(/\D+$/u, ''));
  let total = 0;
  for (let i = 0; i < raw.length; i++) {
    const v = ROMAN[raw[i] ?? ''] ?? 0;
    const next = ROMAN[raw[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function century(raw: string | undefined): ReturnType<Rule['resolve']> {
  const c = centuryNumber(raw ?? '');
  return c >= 1 && c <= 21 ? { value: String((c - 1) * 100).padStart(4, '0'), precision: 'century', resolution: 'explicit' } : null;
}

/** Before Christ, before present, years ago: not a year of our era, and not placed on the timeline. */
const skip = (): ReturnType<Rule['resolve']> => null;

/** Words before a bare year that make it one (`in`, `of`, `until`…); `in` alone also before a verb (`an audit in 2019 recommended`). */
const YEAR_PREPOSITIONS = 'since|by|of|during|until|till|after|before|around|circa|from|early|late|mid|vào|từ|đến|trước|sau|cuối|đầu|giữa';

/** Longest forms first: a match hides the shorter forms inside it. */
const RULES: readonly Rule[] = [
  // Eras and ages that are not years of ours: matched so that no other rule reads them as AD.
  { pattern: /\b\d[\d.,]*\s*(?:BC|BCE|BP|B\.C\.|TCN)\b|\b\d[\d.,]*\s+(?:năm\s+)?trước\s+Công\s+nguyên|\b\d[\d.,]*\s+(?:years|năm)\s+(?:ago|trước)\b/gu, resolve: skip },
  // An age of an object (`17th-century paintings`), not a time something happened.
  { pattern: /\b\d{1,2}(?:st|nd|rd|th)-century\b/giu, resolve: skip },
  { pattern: /\b(?:from|between)\s+(?:the\s+years?\s+)?(\d{4})\s+(?:to|and|until|till)\s+(\d{4})\b/giu, resolve: (m) => yearSpan(m[1], m[2]) },
  { pattern: /(?<![\p{L}\p{M}])từ\s+(?:năm\s+)?(\d{4})\s+(?:đến|tới)\s+(?:năm\s+)?(\d{4})\b/giu, resolve: (m) => yearSpan(m[1], m[2]) },
  { pattern: /(?<![\d/.,])\b(\d{4})\s?[-–]\s?(\d{2}|\d{4})\b(?![\d/.,]\d)/gu, resolve: (m) => yearSpan(m[1], m[2]) },
  { pattern: /\b(?:the\s+)?(?:(?:early|mid|late)[-\s])?(\d{3}0)s\b/giu, resolve: (m) => decade(N(m[1])) },
  { pattern: /(?<![\p{L}\p{M}])(?:(?:đầu|giữa|cuối)\s+)?(?:những\s+năm|thập\s+(?:niên|kỷ))\s+(\d{3}0)\b/giu, resolve: (m) => decade(N(m[1])) },
  { pattern: /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century(?:\s+(?:AD|CE))?\b/giu, resolve: (m) => century(m[1]) },
  { pattern: /(?<![\p{L}\p{M}])thế\s+kỷ\s+(?:thứ\s+)?(\d{1,2}|[IVXL]+)(?![\p{L}\p{M}\d])/gu, resolve: (m) => century(m[1]) },
  { pattern: /(?:(?:ngày|hôm)\s+)?\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/giu, resolve: (m) => fullDay(N(m[1]), N(m[2]), N(m[3])) },
  { pattern: /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu, resolve: (m) => fullDay(N(m[1]), N(m[2]), N(m[3])) },
  { pattern: /(?:(?:hồi|vào|trong|từ|đến|cuối|đầu|giữa)\s+)?tháng\s+(\d{1,2})(?:\/|\s+năm\s+)(\d{4})/giu, resolve: (m) => monthYear(N(m[1]), N(m[2])) },
  { pattern: /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\b/giu, resolve: (m, a) => dayMonth(N(m[1]), N(m[2]), a) },
  // A bare d/m after a word of quantity is a fraction (`khoảng 1/3`), not a date.
  { pattern: /(?:(?:ngày|hôm)\s+)?(?<!(?:khoảng|gần|hơn|chừng|chiếm|tới|about|nearly|over|almost)\s)\b(\d{1,2})\/(\d{1,2})\b(?!\/)/giu, resolve: (m, a) => dayMonth(N(m[1]), N(m[2]), a) },
  { pattern: new RegExp(`\\b(${MONTH_PATTERN_EN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'giu'), resolve: (m) => fullDay(N(m[2]), monthOfEnglishWord(m[1] ?? '') ?? 0, N(m[3])) },
  { pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN_EN})\\.?,?\\s+(\\d{4})\\b`, 'giu'), resolve: (m) => fullDay(N(m[1]), monthOfEnglishWord(m[2] ?? '') ?? 0, N(m[3])) },
  { pattern: new RegExp(`\\b(${MONTH_PATTERN_EN})\\.?\\s+(\\d{4})\\b`, 'giu'), resolve: (m) => monthYear(monthOfEnglishWord(m[1] ?? '') ?? 0, N(m[2])) },
  { pattern: new RegExp(`\\b(${MONTH_PATTERN_EN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|percent))`, 'giu'), resolve: (m, a) => dayMonth(N(m[2]), monthOfEnglishWord(m[1] ?? '') ?? 0, a) },
  { pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN_EN})\\b`, 'giu'), resolve: (m, a) => dayMonth(N(m[1]), monthOfEnglishWord(m[2] ?? '') ?? 0, a) },
  { pattern: /\b[Oo]n\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b(?:\s+(?:morning|afternoon|evening|night))?/gu, resolve: (m, a) => weekday(m, a) },
  // A month without a year after a preposition (`in May`, `by early June`); `May` capitalised, not the verb.
  { pattern: new RegExp(`\\b(?:in|by|until|since|from|early|late|mid-)\\s+(?:(?:early|late|mid-)\\s*)?(${MONTH_NAMES_EN.join('|')})\\b(?!\\s+\\d)`, 'gu'), resolve: (m, a) => monthOnly(monthOfEnglishWord(m[1] ?? '') ?? 0, a) },
  // Case matters: `thứ Năm` is Thursday, `thứ năm` is "fifth".
  { pattern: /(?:[Hh]ôm|[Vv]ào|[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối)\s+(thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy)|[Cc]hủ\s+nhật)(?![\p{L}\p{M}])/gu, resolve: (m, a) => weekday(m, a) },
  { pattern: /(?:(?:đầu|giữa|cuối)\s+)?tháng\s+này/giu, resolve: (_m, a) => relativeMonth(a, 0) },
  { pattern: /tháng\s+trước/giu, resolve: (_m, a) => relativeMonth(a, -1) },
  { pattern: /tháng\s+(?:tới|sau)/giu, resolve: (_m, a) => relativeMonth(a, 1) },
  { pattern: /(?:(?:hồi|vào|trong|từ|đến|cuối|đầu|giữa)\s+)?tháng\s+(\d{1,2})\b/giu, resolve: (m, a) => monthOnly(N(m[1]), a) },
  { pattern: /\b(?:last month)\b/giu, resolve: (_m, a) => relativeMonth(a, -1) },
  { pattern: /\b(?:this month)\b/giu, resolve: (_m, a) => relativeMonth(a, 0) },
  { pattern: /hôm\s+nay|\btoday\b/giu, resolve: (_m, a) => relativeDay(a, 0) },
  { pattern: /hôm\s+qua|\byesterday\b/giu, resolve: (_m, a) => relativeDay(a, -1) },
  { pattern: /năm\s+ngoái|\blast year\b/giu, resolve: (_m, a) => relativeYear(a, -1) },
  { pattern: /(?:(?:từ|vào|trong|đến)\s+)?năm\s+(\d{4})\b(?![.,]\d)/giu, resolve: (m) => explicitYear(N(m[1])) },
  { pattern: /\b(?:in|in\s+the\s+(?:spring|summer|autumn|fall|winter)\s+of)\s+(\d{4})\b(?![.,]\d)/giu, resolve: (m) => explicitYear(N(m[1])) },
  { pattern: new RegExp(`(?<![\\p{L}\\p{M}])(?:${YEAR_PREPOSITIONS})\\s+(\\d{4})\\b(?![.,]\\d)(?!\\s+\\p{Ll}+(?!\\p{L})(?<!\\b(?:and|or|to|the|a|in|on|at|by|for|with|as|when|và|đến|tới|khi|thì)))`, 'giu'), resolve: (m) => explicitYear(N(m[1])) },
];

/**
 * Offsets of every date expression in `text`, resolvable or not (`hôm qua` without a publication date
 * too), in reading order; not the eras and ages that date nothing (`500 BC`, `17th-century`).
 */
export function dateExpressionSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const taken: Array<[number, number]> = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const span: [number, number] = [m.index, m.index + m[0].length];
      if (taken.some(([s, e]) => span[0] < e && span[1] > s)) continue;
      taken.push(span);
      if (rule.resolve !== skip) spans.push(span);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Every date expression in `text` (offsets relative to `base`), in reading order. */
export function findDates(text: string, anchor: DateAnchor | null, base = 0): ResolvedDate[] {
  const taken: Array<[number, number]> = [];
  const found: ResolvedDate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const resolved = rule.resolve(m as RegExpExecArray, anchor);
      taken.push([start, end]);
      if (resolved === null) continue;
      found.push({ ...resolved, text: m[0], start: base + start, end: base + end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The anchor for undated articles: the latest publication date in the corpus. */
export function corpusAnchor(dates: ReadonlyArray<string | null>): DateAnchor | null {
  const known = dates.filter((d): d is string => d !== null).sort();
  const latest = known[known.length - 1];
  return latest === undefined ? null : { date: latest, kind: 'inferred' };
}
