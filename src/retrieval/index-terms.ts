/**
 * Text → index terms (the words themselves come from src/text). Vietnamese syllables keep
 * their diacritics; an accent-folded copy goes in a separate, lower-weighted field. Numbers
 * and dates are normalised so that `5.700` = `5,700` and `2/12` = `ngày 2 tháng 12` = `December 2`,
 * in passages and questions alike.
 *
 * Terms carry a field prefix: `w:` exact syllable, `b:` syllable bigram, `f:` folded
 * syllable, `s:` English stem (only where it differs from the word), `n:` number, `d:`
 * day-month date, `m:` year-month.
 */

import { MONTH_PATTERN_EN, foldAccents, isNumeric, monthOfEnglishWord, stemOf, syllables } from '../text/index.js';

export const FIELD = { word: 'w:', bigram: 'b:', folded: 'f:', stem: 's:', number: 'n:', date: 'd:', month: 'm:' } as const;

const DATE_DMY = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/gu;
const DATE_MY = /\b(\d{1,2})\/(\d{4})\b/gu;
const DATE_DM = /\b(\d{1,2})\/(\d{1,2})\b/gu;
const VI_DAY_MONTH_YEAR = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2}),?\s+năm\s+(\d{4})/gu;
const VI_DAY_MONTH = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})/gu;
const VI_MONTH_YEAR = /tháng\s+(\d{1,2})\s+năm\s+(\d{4})/gu;
const EN_MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_PATTERN_EN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gu');
const EN_MONTH_YEAR = new RegExp(`\\b(${MONTH_PATTERN_EN})\\.?\\s+(\\d{4})\\b`, 'gu');
const EN_MONTH_DAY = new RegExp(`\\b(${MONTH_PATTERN_EN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'gu');
const EN_DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN_EN})\\.?,?\\s+(\\d{4})\\b`, 'gu');
const EN_DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN_EN})\\b`, 'gu');

function validDayMonth(d: number, m: number): boolean {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

const dayTerm = (d: number, m: number): string => `${FIELD.date}${d}-${m}`;
const monthTerm = (y: string, m: number): string => `${FIELD.month}${y}-${m}`;
const month = (word: string | undefined): number => monthOfEnglishWord(word ?? '') ?? 0;

/**
 * Date terms of a lowercased NFC text, in English and Vietnamese (`December 2` = `2/12` =
 * `ngày 2 tháng 12` = `d:2-12`; `March 2026` = `tháng 3 năm 2026` = `m:2026-3`), and the text with
 * each date blanked by as many spaces (so offsets still line up with the text it came from).
 */
export function dateTerms(text: string): { terms: string[]; rest: string } {
  const terms: string[] = [];
  let rest = text;
  const take = (re: RegExp, make: (m: RegExpExecArray) => string[] | null): void => {
    rest = rest.replace(re, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const made = make(match);
      if (made === null) return match[0] ?? '';
      terms.push(...made);
      return ' '.repeat((match[0] ?? '').length);
    });
  };
  take(EN_MONTH_DAY_YEAR, (m) => (validDayMonth(Number(m[2]), month(m[1])) ? [dayTerm(Number(m[2]), month(m[1])), monthTerm(m[3] ?? '', month(m[1]))] : null));
  take(EN_DAY_MONTH_YEAR, (m) => (validDayMonth(Number(m[1]), month(m[2])) ? [dayTerm(Number(m[1]), month(m[2])), monthTerm(m[3] ?? '', month(m[2]))] : null));
  take(EN_MONTH_YEAR, (m) => [monthTerm(m[2] ?? '', month(m[1]))]);
  take(EN_MONTH_DAY, (m) => (validDayMonth(Number(m[2]), month(m[1])) ? [dayTerm(Number(m[2]), month(m[1]))] : null));
  take(EN_DAY_MONTH, (m) => (validDayMonth(Number(m[1]), month(m[2])) ? [dayTerm(Number(m[1]), month(m[2]))] : null));
  take(DATE_DMY, (m) => (validDayMonth(Number(m[1]), Number(m[2])) ? [dayTerm(Number(m[1]), Number(m[2])), monthTerm(m[3] ?? '', Number(m[2]))] : null));
  take(DATE_MY, (m) => (Number(m[1]) >= 1 && Number(m[1]) <= 12 ? [monthTerm(m[2] ?? '', Number(m[1]))] : null));
  take(DATE_DM, (m) => (validDayMonth(Number(m[1]), Number(m[2])) ? [dayTerm(Number(m[1]), Number(m[2]))] : null));
  take(VI_DAY_MONTH_YEAR, (m) => (validDayMonth(Number(m[1]), Number(m[2])) ? [dayTerm(Number(m[1]), Number(m[2])), monthTerm(m[3] ?? '', Number(m[2]))] : null));
  take(VI_DAY_MONTH, (m) => (validDayMonth(Number(m[1]), Number(m[2])) ? [dayTerm(Number(m[1]), Number(m[2]))] : null));
  take(VI_MONTH_YEAR, (m) => [monthTerm(m[2] ?? '', Number(m[1]))]);
  return { terms, rest };
}

/** All index terms of a passage or query text, with repetitions (term frequency counts). */
export function indexTerms(text: string): string[] {
  const lower = text.normalize('NFC').toLowerCase();
  const { terms } = dateTerms(lower);
  const words = syllables(lower);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (isNumeric(w)) {
      terms.push(`${FIELD.number}${w}`);
    } else {
      terms.push(`${FIELD.word}${w}`);
      const folded = foldAccents(w);
      terms.push(`${FIELD.folded}${folded}`);
      const stem = stemOf(w);
      if (stem !== w) terms.push(`${FIELD.stem}${stem}`);
    }
    const next = words[i + 1];
    if (next !== undefined) terms.push(`${FIELD.bigram}${w}_${next}`);
  }
  return terms;
}
