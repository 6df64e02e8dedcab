/**
 * The query-side data: entity aliases, the curated English→Vietnamese expansion, and a general
 * English→Vietnamese dictionary (Wiktionary, plus country and language names from
 * `Intl.DisplayNames`), read from plain files in src/retrieval/data (and optionally a user's own
 * expansion file). Stopwords are the function words of src/text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Lexicon {
  /** Lowercased phrase → the alias group it belongs to (all members, original case). */
  aliases: Map<string, readonly string[]>;
  /** Lowercased English phrase → Vietnamese alternatives, curated: it wins over `dictionary`. */
  expansions: Map<string, readonly string[]>;
  /** Lowercased English word or phrase → its Vietnamese senses (Wiktionary): for words, not names. */
  dictionary: Map<string, readonly string[]>;
  /** Lowercased English country or language name → its Vietnamese names. */
  worldNames: Map<string, readonly string[]>;
  /** Vietnamese words of two or more syllables (lowercase), from every Vietnamese side above: how a question's syllables group into words. */
  viWords: Set<string>;
  /** Longest phrase, in words, among all of them. */
  maxPhraseWords: number;
}

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));
/** Dictionary headwords longer than this are sayings, not what a question names. */
const DICTIONARY_MAX_HEADWORD_WORDS = 4;
/** Translations longer than this are explanations (`cái để bảo vệ`), not words a text uses. */
const DICTIONARY_MAX_SENSE_SYLLABLES = 4;

/** Vietnamese words are mostly of two syllables, some of three; longer senses are phrases. */
const VI_WORD_MAX_SYLLABLES = 3;

function dataLines(text: string): string[] {
  return text.normalize('NFC').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

function wordCount(phrase: string): number {
  return phrase.split(/\s+/u).length;
}

/** `english<TAB>a|b` lines into a map, alternatives of repeated headwords merged. */
function pairs(texts: readonly string[], keep: (en: string, vi: string) => boolean = () => true): Map<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const text of texts) {
    for (const line of dataLines(text)) {
      const [en, vi] = line.split('\t');
      if (en === undefined || vi === undefined) continue;
      const key = en.trim().toLowerCase();
      const senses = vi.split('|').map((s) => s.trim()).filter((s) => s !== '' && keep(key, s));
      if (senses.length === 0) continue;
      map.set(key, [...new Set([...(map.get(key) ?? []), ...senses])]);
    }
  }
  return map;
}

/** A dictionary pair worth a lookup: a word or short phrase, translated by a few words (no `…`, no notes). */
function usefulPair(en: string, vi: string): boolean {
  return /^[a-z][a-z' -]*$/u.test(en) && wordCount(en) <= DICTIONARY_MAX_HEADWORD_WORDS
    && !/[.…()/]/u.test(vi) && wordCount(vi) <= DICTIONARY_MAX_SENSE_SYLLABLES;
}

/**
 * Country and language names in English → Vietnamese, from the ICU data built into Node: `France`
 * → `Pháp`, `French` → `tiếng Pháp` and `Pháp` (the language's name also names its people).
 */
export function worldNameEntries(): Map<string, readonly string[]> {
  const names = new Map<string, string[]>();
  const add = (en: string | undefined, vi: string | undefined): void => {
    if (en === undefined || vi === undefined) return;
    const key = en.toLowerCase();
    names.set(key, [...new Set([...(names.get(key) ?? []), vi])]);
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const type of ['region', 'language'] as const) {
    const en = new Intl.DisplayNames(['en'], { type, fallback: 'none' });
    const vi = new Intl.DisplayNames(['vi'], { type, fallback: 'none' });
    for (const a of letters) {
      for (const b of letters) {
        const code = type === 'region' ? `${a}${b}`.toUpperCase() : `${a}${b}`;
        const viName = vi.of(code);
        add(en.of(code), viName);
        if (type === 'language' && viName !== undefined) add(en.of(code), viName.replace(/^tiếng\s+/iu, ''));
      }
    }
  }
  return names;
}

/** Parse lexicon files' text; pure, so tests can build small lexicons. */
export function parseLexicon(files: { aliases: string; expansions: string[]; dictionary?: string; worldNames?: Map<string, readonly string[]> }): Lexicon {
  const aliases = new Map<string, readonly string[]>();
  for (const line of dataLines(files.aliases)) {
    const group = line.split('|').map((s) => s.trim()).filter(Boolean);
    for (const member of group) aliases.set(member.toLowerCase(), group);
  }
  const expansions = pairs(files.expansions);
  const dictionary = pairs(files.dictionary === undefined ? [] : [files.dictionary], usefulPair);
  const worldNames = files.worldNames ?? new Map<string, readonly string[]>();
  let maxPhraseWords = 1;
  for (const map of [aliases, expansions, dictionary, worldNames]) for (const key of map.keys()) maxPhraseWords = Math.max(maxPhraseWords, wordCount(key));
  const viWords = new Set<string>();
  for (const map of [expansions, dictionary, worldNames]) {
    for (const senses of map.values()) for (const sense of senses) if (wordCount(sense) >= 2 && wordCount(sense) <= VI_WORD_MAX_SYLLABLES) viWords.add(sense.toLowerCase());
  }
  return { aliases, expansions, dictionary, worldNames, viWords, maxPhraseWords };
}

let cached: Lexicon | undefined;
let cachedFor: string | undefined;

/** The shipped lexicon, plus the user's expansion file when given (same TSV format). */
export function loadLexicon(userExpansionFile?: string): Lexicon {
  if (cached !== undefined && cachedFor === (userExpansionFile ?? '')) return cached;
  const read = (name: string): string => readFileSync(`${DATA_DIR}${name}`, 'utf8');
  const expansions = [read('expansion.en-vi.tsv')];
  if (userExpansionFile !== undefined) expansions.push(readFileSync(userExpansionFile, 'utf8'));
  cached = parseLexicon({ aliases: read('aliases.tsv'), expansions, dictionary: read('en-vi.wiktionary.tsv'), worldNames: worldNameEntries() });
  cachedFor = userExpansionFile ?? '';
  return cached;
}
