/** Months and weekdays in English and Vietnamese, and calendar dates written for a reader. */
import type { Language } from './language.js';

export const MONTH_NAMES_EN: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** English month names and their abbreviations (lowercase, without the dot) → month number 1–12. */
export const MONTHS_EN: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** The abbreviations alone (`Sept.`, `Dec.`): a full stop after one need not end a sentence. */
export const MONTH_ABBREVIATIONS_EN: ReadonlySet<string> = new Set(
  Object.keys(MONTHS_EN).filter((k) => !MONTH_NAMES_EN.some((name) => name.toLowerCase() === k)),
);

/** An alternation of every English month word, for building patterns (match case-insensitively). */
export const MONTH_PATTERN_EN = Object.keys(MONTHS_EN).join('|');

/** Month number of an English month word (`Dec`, `december`), or undefined. */
export function monthOfEnglishWord(word: string): number | undefined {
  return MONTHS_EN[word.toLowerCase().replace(/\.$/u, '')];
}

/** Days of the week, numbered as `Date.getUTCDay()` does, in both languages (lowercase, single spaces). */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  'chủ nhật': 0, 'thứ hai': 1, 'thứ ba': 2, 'thứ tư': 3, 'thứ năm': 4, 'thứ sáu': 5, 'thứ bảy': 6,
};

/** A day and month without a year are placed at most this many days after the anchor; otherwise in the year before. */
export const FUTURE_TOLERANCE_DAYS = 120;

/**
 * The year that puts a day and month (1-based) nearest an anchor date (`YYYY-MM-DD`): the
 * anchor's year, or the year before when that would put them more than FUTURE_TOLERANCE_DAYS
 * after it (news speaks of what happened, or of what is planned soon).
 */
export function nearestYear(anchor: string, month: number, day = 1): number {
  const [y = 0, m = 1, d = 1] = anchor.split('-').map(Number);
  const after = Date.UTC(y, month - 1, day) - Date.UTC(y, m - 1, d);
  return after > FUTURE_TOLERANCE_DAYS * 86_400_000 ? y - 1 : y;
}

/**
 * A calendar value (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) as a reader of the language writes it:
 * `2/12/2025`, `tháng 12/2025`, `năm 2025`; `December 2, 2025`, `December 2025`, `2025`.
 */
export function formatCalendarDate(value: string, language: Language): string {
  const [y = '', m, d] = value.split('-');
  if (language === 'vi') {
    if (d !== undefined && m !== undefined) return `${Number(d)}/${Number(m)}/${y}`;
    if (m !== undefined) return `tháng ${Number(m)}/${y}`;
    return `năm ${y}`;
  }
  if (d !== undefined && m !== undefined) return `${MONTH_NAMES_EN[Number(m) - 1]} ${Number(d)}, ${y}`;
  if (m !== undefined) return `${MONTH_NAMES_EN[Number(m) - 1]} ${y}`;
  return y;
}

/** How precisely a date is known: `decade` and `century` hold their first year (`1990`, `1600`). */
export type CalendarPrecision = 'day' | 'month' | 'year' | 'decade' | 'century';

/** A stretch of time as the text gave it: a day, month, year (or span of years), decade or century. */
export interface CalendarPeriod {
  value: string;
  precision: CalendarPrecision;
  /** The last year of a span of years. */
  until?: string;
}

function englishOrdinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * A period as a reader writes it alone (a choice, a timeline entry): `2/12/2025`, `tháng 12/2025`,
 * `năm 1998`, `những năm 1990`, `thế kỷ 17`, `1650–1655`; `December 2, 2025`, `1998`, `the 1990s`,
 * `the 17th century`.
 */
export function formatPeriod(p: CalendarPeriod, language: Language): string {
  const y = Number(p.value.slice(0, 4));
  switch (p.precision) {
    case 'decade':
      return language === 'vi' ? `những năm ${y}` : `the ${y}s`;
    case 'century':
      return language === 'vi' ? `thế kỷ ${y / 100 + 1}` : `the ${englishOrdinal(y / 100 + 1)} century`;
    case 'year':
      if (p.until !== undefined) return `${y}–${p.until}`;
      return formatCalendarDate(p.value, language);
    default:
      return formatCalendarDate(p.value, language);
  }
}

/**
 * A period with the preposition a sentence puts before it: `vào ngày 2/12/2025`, `vào năm 1998`,
 * `từ năm 2015 đến năm 2017`; `on December 2, 2025`, `in 1998`, `in the 1990s`, `from 2015 to 2017`.
 */
export function periodPhrase(p: CalendarPeriod, language: Language): string {
  if (p.precision === 'year' && p.until !== undefined) return language === 'vi' ? `từ năm ${p.value} đến năm ${p.until}` : `from ${p.value} to ${p.until}`;
  const alone = formatPeriod(p, language);
  if (language === 'vi') return p.precision === 'day' ? `vào ngày ${alone}` : `vào ${alone}`;
  return p.precision === 'day' ? `on ${alone}` : `in ${alone}`;
}
