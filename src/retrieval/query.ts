/**
 * Question → concepts. A concept is one thing the question asks about (an entity, a
 * phrase, a number, a date), with alternative wordings in the corpus language; a passage
 * matches a concept through its best alternative. Works without any model.
 */
import { MONTH_PATTERN_EN, STOPWORDS, compoundWords, detectLanguage, foldAccents, isNumeric, monthOfEnglishWord, normaliseNumber, syllables, type Language } from '../text/index.js';
import { FIELD, dateTerms } from './index-terms.js';
import type { Lexicon } from './lexicon.js';

export interface Concept {
  label: string;
  /** Each alternative is a list of index terms; the best-matching alternative counts. */
  alternatives: string[][];
  weight: number;
}

export interface AnalyzedQuery {
  text: string;
  language: Language;
  concepts: Concept[];
}

/** Weight of the accent-folded field relative to exact syllables. */
export const FOLDED_WEIGHT = 0.3;
/** Weight of a syllable bigram relative to a syllable. */
export const BIGRAM_WEIGHT = 1.5;
const DATE_WEIGHT = 2;

const EN_MONTH_DAY = new RegExp(`\\b(${MONTH_PATTERN_EN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'giu');
const EN_DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN_EN})\\b`, 'giu');
const EN_MONTH_YEAR = new RegExp(`\\b(${MONTH_PATTERN_EN})\\.?\\s+(\\d{4})\\b`, 'giu');

/** Terms of a phrase in the corpus language: syllables, folded syllables and bigrams. */
export function phraseTerms(phrase: string): string[] {
  const words = syllables(phrase);
  const terms: string[] = [];
  words.forEach((w, i) => {
    if (isNumeric(w)) terms.push(`${FIELD.number}${w}`);
    else terms.push(`${FIELD.word}${w}`);
    const next = words[i + 1];
    if (next !== undefined) terms.push(`${FIELD.bigram}${w}_${next}`);
  });
  return terms;
}

function englishDates(text: string): { terms: string[]; rest: string } {
  const terms: string[] = [];
  let rest = text;
  rest = rest.replace(EN_MONTH_YEAR, (_m, month: string, year: string) => {
    terms.push(`${FIELD.month}${year}-${monthOfEnglishWord(month) ?? 0}`);
    return ' ';
  });
  rest = rest.replace(EN_MONTH_DAY, (m, month: string, day: string) => {
    const d = Number(day);
    if (d < 1 || d > 31) return m;
    terms.push(`${FIELD.date}${d}-${monthOfEnglishWord(month) ?? 0}`);
    return ' ';
  });
  rest = rest.replace(EN_DAY_MONTH, (m, day: string, month: string) => {
    const d = Number(day);
    if (d < 1 || d > 31) return m;
    terms.push(`${FIELD.date}${d}-${monthOfEnglishWord(month) ?? 0}`);
    return ' ';
  });
  return { terms, rest };
}

export function analyzeQuery(question: string, lexicon: Lexicon): AnalyzedQuery {
  const text = question.normalize('NFC');
  const language = detectLanguage(text);
  const concepts: Concept[] = [];
  const lower = text.toLowerCase();

  const dates = englishDates(lower);
  const viDates = dateTerms(dates.rest);
  for (const term of [...dates.terms, ...viDates]) concepts.push({ label: term, alternatives: [[term]], weight: DATE_WEIGHT });
  const withoutDates = dates.rest.replace(/\d{1,2}\/\d{1,4}(?:\/\d{4})?/gu, ' ');

  const words = compoundWords(withoutDates).map((w) => w.replace(/['’]s$/u, '').replace(/\.$/u, ''));
  const leftover: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let n = Math.min(lexicon.maxPhraseWords, words.length - i); n >= 1 && !matched; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const group = lexicon.aliases.get(phrase);
      const expansion = language === 'en' || n > 1 ? lexicon.expansions.get(phrase) : undefined;
      if (group !== undefined) {
        concepts.push({ label: phrase, alternatives: group.map(phraseTerms), weight: 1 });
      } else if (expansion !== undefined && !(n === 1 && STOPWORDS.has(phrase))) {
        concepts.push({ label: phrase, alternatives: [...expansion, ...(n === 1 ? [phrase] : [])].map(phraseTerms), weight: 1 });
      } else continue;
      i += n;
      matched = true;
    }
    if (matched) continue;
    leftover.push(words[i] ?? '');
    i++;
  }

  const content = leftover.filter((w) => w !== '' && !STOPWORDS.has(w));
  for (const w of content) {
    if (isNumeric(w)) {
      const number = normaliseNumber(w.replace(/%$/u, ''));
      concepts.push({ label: w, alternatives: [[`${FIELD.number}${number}`]], weight: 1 });
      if (w.endsWith('%')) concepts.push({ label: '%', alternatives: [[`${FIELD.word}%`]], weight: 0.5 });
      continue;
    }
    concepts.push({ label: w, alternatives: [[`${FIELD.word}${w}`], [`${FIELD.folded}${foldAccents(w)}`]], weight: 1 });
  }
  if (language === 'vi') {
    for (let i = 0; i + 1 < content.length; i++) {
      const a = content[i] ?? '';
      const b = content[i + 1] ?? '';
      if (isNumeric(a) || isNumeric(b)) continue;
      concepts.push({ label: `${a} ${b}`, alternatives: [[`${FIELD.bigram}${a}_${b}`]], weight: 0.5 });
    }
  }
  return { text, language, concepts };
}

/** Weight of a term's field in scoring. */
export function fieldWeight(term: string): number {
  if (term.startsWith(FIELD.folded)) return FOLDED_WEIGHT;
  if (term.startsWith(FIELD.bigram)) return BIGRAM_WEIGHT;
  return 1;
}
