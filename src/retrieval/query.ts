/**
 * Question → concepts. A concept is one thing the question asks about (an entity, a
 * phrase, a number, a date), with alternative wordings in the corpus language; a passage
 * matches a concept through its best alternative. Works without any model.
 */
import { FUNCTION_WORDS, STOPWORDS, baseForms, compoundWords, detectLanguage, foldAccents, isNumeric, normaliseNumber, stemOf, syllables, type Language } from '../text/index.js';
import { FIELD, dateTerms } from './index-terms.js';
import type { Lexicon } from './lexicon.js';

export interface Concept {
  label: string;
  /** Each alternative is a list of index terms; the best-matching alternative counts. */
  alternatives: string[][];
  weight: number;
  /**
   * An English word of an English question that no dictionary translates: over text in another
   * language its absence says nothing about the text, only about the dictionary.
   */
  untranslated?: boolean;
  /** Only a passage holding one of the alternatives whole matches (a topic's phrase), not one holding part of it. */
  whole?: boolean;
}

export interface AnalyzedQuery {
  text: string;
  language: Language;
  concepts: Concept[];
}

/** Each language's own function words (STOPWORDS holds both languages'). */
const OWN_FUNCTION_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = { en: new Set(FUNCTION_WORDS.en), vi: new Set(FUNCTION_WORDS.vi) };

/** Weight of the accent-folded field relative to exact syllables. */
export const FOLDED_WEIGHT = 0.3;
/** Weight of a syllable bigram relative to a syllable. */
export const BIGRAM_WEIGHT = 1.5;
/** Weight of another form of an English word (`dies` for `died`): nearly the word, a little below its own form. */
export const STEM_WEIGHT = 0.9;
const DATE_WEIGHT = 2;

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

/**
 * The alternatives of one word as written: itself, accent-folded, and, for an English word, its
 * stem (any form of it). A word written with a hyphen, a dot or an apostrophe inside (`sê-ri`,
 * `U.S.`) is several index words, so it is matched as the phrase of them.
 */
function wordAlternatives(word: string): string[][] {
  if (syllables(word).length > 1) return [phraseTerms(word)];
  const stem = stemOf(word);
  const forms = [`${FIELD.word}${word}`, `${FIELD.folded}${foldAccents(word)}`];
  if (/^[a-z]+$/u.test(word)) forms.push(`${FIELD.stem}${stem}`, `${FIELD.word}${stem}`);
  return [...new Set(forms)].map((t) => [t]);
}

/** A phrase's entry, or that of its last word's base form (`security guarantees` → `security guarantee`). */
function lookUp(map: ReadonlyMap<string, readonly string[]>, words: readonly string[]): readonly string[] | undefined {
  const last = words[words.length - 1] ?? '';
  for (const form of baseForms(last)) {
    const found = map.get([...words.slice(0, -1), form].join(' '));
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A word that names someone or something: capitalised after the first word, or an acronym
 * anywhere (`NATO`). A name is not translated as a word (`Trump` is not `chủ bài`).
 */
function isName(word: string, position: number): boolean {
  return /^\p{Lu}\p{Lu}/u.test(word) || (position > 0 && /^\p{Lu}/u.test(word));
}

/** The question with the spans `lowerRest` blanked also blanked in the original case (when lowercasing kept the length). */
function sameBlanks(text: string, lower: string, lowerRest: string): string {
  if (text.length !== lower.length || lowerRest.length !== lower.length) return lowerRest;
  let out = '';
  for (let i = 0; i < text.length; i++) out += lowerRest[i] === ' ' && lower[i] !== ' ' ? ' ' : text[i];
  return out;
}

/**
 * A topic of several words as one concept a passage must hold whole: the phrase as written and
 * whatever the lexicon has for the whole phrase (aliases, curated words, the dictionary).
 */
function topicConcept(text: string, lexicon: Lexicon): Concept | null {
  const surfaces = compoundWords(text);
  const words = surfaces.map((w) => w.toLowerCase());
  if (words.filter((w) => !STOPWORDS.has(w)).length < 2) return null;
  const phrase = words.join(' ');
  const senses = lexicon.aliases.get(phrase) ?? lookUp(lexicon.expansions, words) ?? lookUp(lexicon.worldNames, words) ?? lookUp(lexicon.dictionary, words) ?? [];
  return { label: phrase, alternatives: [...new Set([phrase, ...senses])].map(phraseTerms), weight: 1, whole: true };
}

export function analyzeQuery(question: string, lexicon: Lexicon, options: { topic?: boolean } = {}): AnalyzedQuery {
  const text = question.normalize('NFC');
  const language = detectLanguage(text);
  const topic = options.topic === true ? topicConcept(text, lexicon) : null;
  if (topic !== null) return { text, language, concepts: [topic] };
  const concepts: Concept[] = [];
  const lower = text.toLowerCase();

  const dates = dateTerms(lower);
  for (const term of dates.terms) concepts.push({ label: term, alternatives: [[term]], weight: DATE_WEIGHT });
  const withoutDates = sameBlanks(text, lower, dates.rest);

  const surfaces = compoundWords(withoutDates).map((w) => w.replace(/['’]s$/u, '').replace(/\.$/u, ''));
  const words = surfaces.map((w) => w.toLowerCase());
  // A function word of the other language written as a name is part of one (`Doctor Who` in a
  // Vietnamese question), not a function word.
  const own = OWN_FUNCTION_WORDS[language];
  const functionWord = (i: number): boolean => own.has(words[i] ?? '') || (STOPWORDS.has(words[i] ?? '') && !isName(surfaces[i] ?? '', i));
  const leftover: Array<{ word: string; name: boolean; functionWord: boolean }> = [];
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let n = Math.min(lexicon.maxPhraseWords, words.length - i); n >= 1 && !matched; n--) {
      const span = words.slice(i, i + n);
      const phrase = span.join(' ');
      if (n === 1 && functionWord(i)) break;
      // A phrase of function words only (`how many`, `bao nhiêu`) asks; it names nothing.
      if (span.every((_w, j) => functionWord(i + j)) && (lexicon.viWords.has(phrase) || lexicon.dictionary.has(phrase) || lexicon.expansions.has(phrase))) {
        i += n;
        matched = true;
        continue;
      }
      const asWritten = n === 1 ? wordAlternatives(phrase) : [phraseTerms(phrase)];
      const named = surfaces.slice(i, i + n).some((w, j) => isName(w, i + j));
      const english = language === 'en';
      const group = lexicon.aliases.get(phrase);
      const curated = english || n > 1 ? lookUp(lexicon.expansions, span) : undefined;
      const translated = english ? lookUp(lexicon.worldNames, span) ?? (named ? undefined : lookUp(lexicon.dictionary, span)) : undefined;
      if (group !== undefined) concepts.push({ label: phrase, alternatives: group.map(phraseTerms), weight: 1 });
      else if (curated !== undefined) concepts.push({ label: phrase, alternatives: [...curated.map(phraseTerms), ...asWritten], weight: 1 });
      else if (translated !== undefined) concepts.push({ label: phrase, alternatives: [...translated.map(phraseTerms), ...asWritten], weight: 1 });
      // Vietnamese writes a word as several syllables: `tù binh` is one concept, not `tù` and `binh`.
      else if (language === 'vi' && n > 1 && lexicon.viWords.has(phrase)) concepts.push({ label: phrase, alternatives: [phraseTerms(phrase)], weight: 1 });
      else continue;
      i += n;
      matched = true;
    }
    if (matched) continue;
    leftover.push({ word: words[i] ?? '', name: isName(surfaces[i] ?? '', i), functionWord: functionWord(i) });
    i++;
  }

  const contentWords = leftover.filter(({ word, functionWord: f }) => word !== '' && !f);
  const content = contentWords.map(({ word }) => word);
  for (const { word: w, name } of contentWords) {
    if (isNumeric(w)) {
      const number = normaliseNumber(w.replace(/%$/u, ''));
      concepts.push({ label: w, alternatives: [[`${FIELD.number}${number}`]], weight: 1 });
      if (w.endsWith('%')) concepts.push({ label: '%', alternatives: [[`${FIELD.word}%`]], weight: 0.5 });
      continue;
    }
    concepts.push({ label: w, alternatives: wordAlternatives(w), weight: 1, ...(language === 'en' && !name ? { untranslated: true } : {}) });
  }
  if (language === 'vi') {
    for (let i = 0; i + 1 < content.length; i++) {
      const a = content[i] ?? '';
      const b = content[i + 1] ?? '';
      if (isNumeric(a) || isNumeric(b)) continue;
      // The index pairs syllables: `sê-ri doctor` meets at `ri doctor`.
      concepts.push({ label: `${a} ${b}`, alternatives: [[`${FIELD.bigram}${syllables(a).at(-1) ?? a}_${syllables(b)[0] ?? b}`]], weight: 0.5 });
    }
  }
  return { text, language, concepts };
}

/** Weight of a term's field in scoring. */
export function fieldWeight(term: string): number {
  if (term.startsWith(FIELD.folded)) return FOLDED_WEIGHT;
  if (term.startsWith(FIELD.bigram)) return BIGRAM_WEIGHT;
  if (term.startsWith(FIELD.stem)) return STEM_WEIGHT;
  return 1;
}
