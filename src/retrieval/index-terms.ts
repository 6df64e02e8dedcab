/**
 * Text → index terms (the words themselves come from src/text). Vietnamese syllables keep
 * their diacritics; an accent-folded copy goes in a separate, lower-weighted field. Numbers
 * and dates are normalised so that `5.700` = `5,700` and `2/12` = `ngày 2 tháng 12` = `December 2`.
 *
 * Terms carry a field prefix: `w:` exact syllable, `b:` syllable bigram, `f:` folded
 * syllable, `s:` English stem (only where it differs from the word), `n:` number, `d:`
 * day-month date, `m:` year-month.
 */

import { foldAccents, isNumeric, stemOf, syllables } from '../text/index.js';

export const FIELD = { word: 'w:', bigram: 'b:', folded: 'f:', stem: 's:', number: 'n:', date: 'd:', month: 'm:' } as const;

const DATE_DMY = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/gu;
const DATE_MY = /\b(\d{1,2})\/(\d{4})\b/gu;
const DATE_DM = /\b(\d{1,2})\/(\d{1,2})\b/gu;
const VI_DAY_MONTH = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})/gu;
const VI_MONTH_YEAR = /tháng\s+(\d{1,2})\s+năm\s+(\d{4})/gu;

function validDayMonth(d: number, m: number): boolean {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/** Date terms found in (lowercased NFC) text. */
export function dateTerms(text: string): string[] {
  const terms: string[] = [];
  let rest = text;
  const take = (re: RegExp, make: (m: RegExpExecArray) => string[] | null): void => {
    rest = rest.replace(re, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const made = make(match);
      if (made === null) return match[0] ?? '';
      terms.push(...made);
      return ' ';
    });
  };
  take(DATE_DMY, (m) => (validDayMonth(Number(m[1]), Number(m[2])) ? [`${FIELD.date}${Number(m[1])}-${Number(m[2])}`, `${FIELD.month}${m[3]}-${Number(m[2])}`] : null));
  take(DATE_MY, (m) => (Number(m[1]) >= 1 && Number(m[1]) <= 12 ? [`${FIELD.month}${m[2]}-${Number(m[1])}`] : null));
  take(DATE_DM, (m) => (validDayMonth(Number(m[1]), Number(m[2])) ? [`${FIELD.date}${Number(m[1])}-${Number(m[2])}`] : null));
  take(VI_DAY_MONTH, (m) => (validDayMonth(Number(m[1]), Number(m[2])) ? [`${FIELD.date}${Number(m[1])}-${Number(m[2])}`] : null));
  take(VI_MONTH_YEAR, (m) => [`${FIELD.month}${m[2]}-${Number(m[1])}`]);
  return terms;
}

/** All index terms of a passage or query text, with repetitions (term frequency counts). */
export function indexTerms(text: string): string[] {
  const lower = text.normalize('NFC').toLowerCase();
  const terms = dateTerms(lower);
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
