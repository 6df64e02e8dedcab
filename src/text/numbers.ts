/**
 * Numbers as news writes them in either language: `5.700` (Vietnamese) and `5,700` (English)
 * are both five thousand seven hundred; `3,5` (Vietnamese) and `3.5` (English) are both three
 * and a half. A separator followed by groups of exactly three digits is read as thousands.
 */

const GROUPED_THOUSANDS = /^\d{1,3}([.,])\d{3}(\1\d{3})*$/u;

/** The number's canonical text: `5.700` / `5,700` → `5700`; `3,5` → `3.5`; `19` → `19`. */
export function normaliseNumber(raw: string): string {
  if (GROUPED_THOUSANDS.test(raw)) return raw.replace(/[.,]/gu, '');
  return raw.replace(',', '.');
}

/** The value of a number as written (NaN when `raw` is not one). */
export function parseNumber(raw: string): number {
  return Number(normaliseNumber(raw));
}

/** The decimal separator `raw` uses, or null for a whole number (grouped thousands included). */
export function decimalSeparator(raw: string): '.' | ',' | null {
  if (GROUPED_THOUSANDS.test(raw)) return null;
  if (raw.includes(',')) return ',';
  return raw.includes('.') ? '.' : null;
}

/** A value written with the given decimal separator, without thousands grouping. */
export function formatNumber(value: number, separator: '.' | ',' | null): string {
  return separator === ',' ? String(value).replace('.', ',') : String(value);
}
