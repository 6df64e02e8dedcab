/**
 * Words of a text. Vietnamese writes one syllable per space-separated word, so a "word" here
 * is a syllable in Vietnamese and a word in English; numbers stay whole (`5.700`, `3,5`).
 */
import { normaliseNumber } from './numbers.js';

/** A run of letters (with their marks), or a number with its inner separators. */
const WORD = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+/gu;
/** The same, with the percent sign as a token of its own (`12%` is a number and a unit). */
const WORD_OR_PERCENT = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+|%/gu;

/** Words in reading order, case and number separators kept (NFC). */
export function words(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/**
 * Words with their inner dots, apostrophes and hyphens kept whole (`U.S.`, `Ki-ép`, `Kyiv's`),
 * numbers with a trailing `%`: the units a phrase dictionary is looked up with.
 */
export function compoundWords(text: string): string[] {
  return text.normalize('NFC').match(/\d+(?:[.,]\d+)*%?|[\p{L}\p{M}]+(?:[.'’-][\p{L}\p{M}]+)*\.?/gu) ?? [];
}

/** True for a token that is a number (`19`, `5.700`, `3,5`). */
export function isNumeric(token: string): boolean {
  return /^\d/u.test(token);
}

/** Lowercased words with numbers normalised (`5.700` → `5700`) and `%` kept: the units of the index. */
export function syllables(text: string): string[] {
  const tokens = text.normalize('NFC').toLowerCase().match(WORD_OR_PERCENT) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (isNumeric(token)) tokens[i] = normaliseNumber(token);
  }
  return tokens;
}

/** Runs of `n` consecutive tokens joined by a space; a text shorter than `n` gives none. */
export function ngrams(tokens: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) {
    let gram = tokens[i] as string;
    for (let j = 1; j < n; j++) gram += ` ${tokens[i + j] as string}`;
    out.push(gram);
  }
  return out;
}
