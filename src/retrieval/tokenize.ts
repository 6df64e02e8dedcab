/**
 * Text → index terms. Vietnamese syllables keep their diacritics; an accent-folded copy
 * goes in a separate, lower-weighted field. Numbers and dates are normalised so that
 * `5.700` = `5,700` and `2/12` = `ngày 2 tháng 12` = `December 2`.
 *
 * Terms carry a field prefix: `w:` exact syllable, `b:` syllable bigram, `f:` folded
 * syllable, `n:` number, `d:` day-month date, `m:` year-month.
 */

export const FIELD = { word: 'w:', bigram: 'b:', folded: 'f:', number: 'n:', date: 'd:', month: 'm:' } as const;

/** Fold Vietnamese accents: `Lãnh thổ` → `lanh tho`, `đ` → `d`. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').normalize('NFC');
}

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

/** `5.700` / `5,700` → `5700`; `3,5` → `3.5`; `19` → `19`. */
export function normaliseNumber(raw: string): string {
  if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/u.test(raw)) return raw.replace(/[.,]/gu, '');
  return raw.replace(',', '.');
}

/** Syllables of a text: lowercased NFC letters/digit runs, numbers normalised, `%` kept. */
export function syllables(text: string): string[] {
  const lower = text.normalize('NFC').toLowerCase();
  const out: string[] = [];
  for (const match of lower.matchAll(/\d+(?:[.,]\d+)*|[\p{L}\p{M}]+|%/gu)) {
    const token = match[0];
    out.push(/^\d/u.test(token) ? normaliseNumber(token) : token);
  }
  return out;
}

/** All index terms of a passage or query text, with repetitions (term frequency counts). */
export function indexTerms(text: string): string[] {
  const lower = text.normalize('NFC').toLowerCase();
  const terms = dateTerms(lower);
  const words = syllables(lower);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (/^\d/u.test(w)) {
      terms.push(`${FIELD.number}${w}`);
    } else {
      terms.push(`${FIELD.word}${w}`);
      const folded = foldAccents(w);
      terms.push(`${FIELD.folded}${folded}`);
    }
    const next = words[i + 1];
    if (next !== undefined) terms.push(`${FIELD.bigram}${w}_${next}`);
  }
  return terms;
}
