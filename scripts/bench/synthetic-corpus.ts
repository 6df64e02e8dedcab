/**
 * The benchmark's articles: sentences of words drawn from the demo corpus's vocabulary, written
 * as article files the product reads like any other, so corpora of any size can be made.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from '../../src/quiz/random.js';

const SENTENCES_PER_PARAGRAPH = 4;
const PARAGRAPHS_PER_ARTICLE = 6;
const WORDS_PER_SENTENCE = 18;
const WORDS_PER_QUESTION = 6;

export interface SyntheticText {
  /** A seeded source of words: the same seed gives the same articles and questions. */
  sentence(): string;
  question(): string;
  unitVector(dimensions: number): number[];
}

export async function corpusVocabulary(corpusDir: string): Promise<string[]> {
  const words = new Set<string>();
  for (const name of (await readdir(corpusDir)).sort()) {
    const text = (await readFile(path.join(corpusDir, name), 'utf8')).normalize('NFC');
    for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w.length > 0) words.add(w);
  }
  return [...words];
}

export function syntheticText(vocabulary: readonly string[], seed: number): SyntheticText {
  const random = seededRandom(seed);
  const word = (): string => vocabulary[Math.floor(random() * vocabulary.length)] ?? 'tin';
  return {
    sentence() {
      const words = Array.from({ length: WORDS_PER_SENTENCE }, word);
      const first = words[0] ?? 'Tin';
      words[0] = first.charAt(0).toUpperCase() + first.slice(1);
      return `${words.join(' ')}.`;
    },
    question() {
      return Array.from({ length: WORDS_PER_QUESTION }, word).join(' ');
    },
    unitVector(dimensions) {
      const v = Array.from({ length: dimensions }, () => random() * 2 - 1);
      const norm = Math.hypot(...v);
      return v.map((x) => x / norm);
    },
  };
}

/** Writes `articles` article files (a title and paragraphs of sentences) into `dir`. */
export async function writeSyntheticCorpus(dir: string, articles: number, text: SyntheticText): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (let a = 0; a < articles; a++) {
    const paragraphs = Array.from({ length: PARAGRAPHS_PER_ARTICLE }, () => Array.from({ length: SENTENCES_PER_PARAGRAPH }, () => text.sentence()).join(' '));
    await writeFile(path.join(dir, `${String(a).padStart(6, '0')}.txt`), `${text.sentence()}\n\n${paragraphs.join('\n\n')}\n`);
  }
  return dir;
}
