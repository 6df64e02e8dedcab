/**
 * English word forms. The index and the question both carry Porter2 stems (`died`, `dies`,
 * `dying` → `die`), so a question finds a passage in any form of its words; a dictionary is
 * looked up with the base forms a word may come from (`museums` → `museum`, `studied` → `study`).
 * Vietnamese does not inflect: words with Vietnamese letters are left as they are.
 */
import { stem } from 'porter2';

/** Lowercase Latin letters only: a word Porter2 can read (it works on lowercase text). */
const ENGLISH_WORD = /^[a-z]+$/u;

/** The Porter2 stem of a lowercase English word; any other word as it is. */
export function stemOf(word: string): string {
  return ENGLISH_WORD.test(word) ? stem(word) : word;
}

/**
 * The forms a lowercase English word may be an inflection of, the word itself first: plural
 * and third person (`-s`, `-es`, `-ies`), past (`-ed`, `-ied`, a doubled consonant), `-ing`. Some
 * are not words (`bu` from `bus`); a lookup keeps the first that a dictionary holds.
 */
export function baseForms(word: string): string[] {
  const forms = [word];
  const add = (form: string): void => {
    if (form.length >= 2 && !forms.includes(form)) forms.push(form);
  };
  if (!ENGLISH_WORD.test(word) || word.length < 4) return forms;
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  if (/(?:s|x|z|ch|sh)es$/u.test(word)) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  if (word.endsWith('ied')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('ed')) {
    add(word.slice(0, -2));
    add(word.slice(0, -1));
    if (/([b-df-hj-np-tv-z])\1ed$/u.test(word)) add(word.slice(0, -3));
  }
  if (word.endsWith('ing')) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
    if (/([b-df-hj-np-tv-z])\1ing$/u.test(word)) add(word.slice(0, -4));
  }
  return forms;
}
