/**
 * The query-side data: entity aliases and the English→Vietnamese expansion, read from plain
 * files in src/retrieval/data (and optionally a user's own expansion file). Stopwords are the
 * function words of src/text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Lexicon {
  /** Lowercased phrase → the alias group it belongs to (all members, original case). */
  aliases: Map<string, readonly string[]>;
  /** Lowercased English phrase → Vietnamese alternatives. */
  expansions: Map<string, readonly string[]>;
  /** Longest phrase, in words, among aliases and expansions. */
  maxPhraseWords: number;
}

const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

function dataLines(text: string): string[] {
  return text.normalize('NFC').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

function wordCount(phrase: string): number {
  return phrase.split(/\s+/u).length;
}

/** Parse lexicon files' text; pure, so tests can build small lexicons. */
export function parseLexicon(files: { aliases: string; expansions: string[] }): Lexicon {
  const aliases = new Map<string, readonly string[]>();
  for (const line of dataLines(files.aliases)) {
    const group = line.split('|').map((s) => s.trim()).filter(Boolean);
    for (const member of group) aliases.set(member.toLowerCase(), group);
  }
  const expansions = new Map<string, readonly string[]>();
  for (const text of files.expansions) {
    for (const line of dataLines(text)) {
      const [en, vi] = line.split('\t');
      if (en === undefined || vi === undefined) continue;
      const key = en.trim().toLowerCase();
      const merged = new Set([...(expansions.get(key) ?? []), ...vi.split('|').map((s) => s.trim()).filter(Boolean)]);
      expansions.set(key, [...merged]);
    }
  }
  let maxPhraseWords = 1;
  for (const key of [...aliases.keys(), ...expansions.keys()]) maxPhraseWords = Math.max(maxPhraseWords, wordCount(key));
  return { aliases, expansions, maxPhraseWords };
}

let cached: Lexicon | undefined;
let cachedFor: string | undefined;

/** The shipped lexicon, plus the user's expansion file when given (same TSV format). */
export function loadLexicon(userExpansionFile?: string): Lexicon {
  if (cached !== undefined && cachedFor === (userExpansionFile ?? '')) return cached;
  const read = (name: string): string => readFileSync(`${DATA_DIR}${name}`, 'utf8');
  const expansions = [read('expansion.en-vi.tsv')];
  if (userExpansionFile !== undefined) expansions.push(readFileSync(userExpansionFile, 'utf8'));
  cached = parseLexicon({ aliases: read('aliases.tsv'), expansions });
  cachedFor = userExpansionFile ?? '';
  return cached;
}
