/** Character-level normalisation shared by ingestion, questions and every analysis. */

/**
 * Invisible characters that split or glue words without showing: zero-width space and
 * non-joiner, word joiner, a byte-order mark inside text, the soft hyphen, and a zero-width
 * joiner unless it joins two pictographs (an emoji sequence). Pasted web text carries them,
 * and `ngu\u200byên` must read as `nguyên`.
 */
const ZERO_WIDTH = /[\u200B\u200C\u2060\uFEFF\u00AD]|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

export function removeZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH, '');
}

/** NFC with the invisible characters removed: the form every stored and compared text takes. */
export function normalizeText(text: string): string {
  return removeZeroWidth(text).normalize('NFC');
}

const ASCII = /^[\u0000-\u007F]*$/u;

/** Fold Vietnamese accents: `Lãnh thổ` → `Lanh tho`, `đ` → `d`. */
export function foldAccents(text: string): string {
  // ASCII text has nothing to fold (the index folds every word of every passage and question).
  if (ASCII.test(text)) return text;
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').normalize('NFC');
}

/** `s` as a regular expression matching it literally (for word lists joined into one pattern). */
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
