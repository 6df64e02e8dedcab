/**
 * Numbers as news writes them in either language: `5.700` (Vietnamese) and `5,700` (English)
 * are both five thousand seven hundred; `3,5` (Vietnamese) and `3.5` (English) are both three
 * and a half. A separator followed by groups of exactly three digits is read as thousands.
 * Where the language is known, `readNumber` keeps how the number was written, so that
 * `writeNumber` can write another value the same way.
 */
import type { Language } from './language.js';

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

/** How a number is written: its value, its decimals, and the separators its language uses. */
export interface NumberForm {
  value: number;
  decimals: number;
  /** The thousands separator the text uses, or '' when it writes none. */
  group: string;
  decimal: string;
}

const SEPARATORS: Readonly<Record<Language, { group: string; decimal: string }>> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** A number as a text in `language` writes it (`158.349` and `43,3` in Vietnamese, `158,349` and `2.5` in English), or null. */
export function readNumber(raw: string, language: Language): NumberForm | null {
  const { group, decimal } = SEPARATORS[language];
  const grouped = new RegExp(`^\\d{1,3}(?:[${group}]\\d{3})+(?:[${decimal}]\\d+)?$`, 'u');
  const plain = new RegExp(`^\\d+(?:[${decimal}]\\d+)?$`, 'u');
  const usesGroup = grouped.test(raw);
  if (!usesGroup && !plain.test(raw)) return null;
  const [whole = '', fraction = ''] = raw.split(decimal);
  return { value: Number(`${whole.split(group).join('')}.${fraction || '0'}`), decimals: fraction.length, group: usesGroup ? group : '', decimal };
}

/** `value` written as `form` was: the same decimals and separators. */
export function writeNumber(value: number, form: NumberForm): string {
  const [whole = '0', fraction] = value.toFixed(form.decimals).split('.');
  const grouped = form.group === '' ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/gu, form.group);
  return fraction === undefined ? grouped : `${grouped}${form.decimal}${fraction}`;
}
