/**
 * The lexical search prunes: it scores only the passages whose upper bound can still reach the
 * k-th best score. Pruning must never change the answer: for any k, the hits are the first k of
 * the ranking of every passage the question touches (asked with k as large as the corpus, the
 * search never fills its k and so scores them all).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkCorpus } from '../../src/corpus/chunk.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { seededRandom } from '../../src/quiz/random.js';
import { LexicalIndex } from '../../src/retrieval/lexical.js';
import { searchLexical } from '../../src/retrieval/lexical-search.js';
import { loadLexicon } from '../../src/retrieval/lexicon.js';
import { analyzeQuery } from '../../src/retrieval/query.js';

const KS = [1, 5, 50];

function questionsOf(file: string): string[] {
  return readFileSync(path.resolve(file), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => (JSON.parse(line) as { question: string }).question);
}

async function indexOf(corpusDir: string): Promise<LexicalIndex> {
  const passages = chunkCorpus((await loadCorpus(path.resolve(corpusDir))).articles);
  return LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text })));
}

/** Passages and questions drawn from a small vocabulary: every question touches most passages, as common words do in a large corpus. */
function commonWords(): { index: LexicalIndex; questions: string[] } {
  const random = seededRandom('lexical-pruning');
  const vocabulary = 'ông bà nói rằng Nga Mỹ Kiev NATO hòa bình đàm phán lệnh ngừng bắn tài sản đóng băng tuần này tháng năm the talks said peace minister frozen assets week ceasefire sanctions'.split(' ');
  const words = (n: number): string => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)] as string).join(' ');
  const docs = Array.from({ length: 3000 }, (_x, d) => ({ id: `p${d}`, text: `${words(5 + Math.floor(random() * 60))}.` }));
  return { index: LexicalIndex.build(docs), questions: Array.from({ length: 150 }, () => words(2 + Math.floor(random() * 6))) };
}

function expectUnpruned(index: LexicalIndex, questions: readonly string[], options: { topic?: boolean } = {}): void {
  const lexicon = loadLexicon();
  let compared = 0;
  for (const question of questions) {
    const query = analyzeQuery(question, lexicon, options);
    const all = searchLexical(index, query, index.size);
    for (const k of KS) {
      expect(searchLexical(index, query, k), `${question} (k ${k})`).toEqual(all.slice(0, k));
      compared++;
    }
  }
  expect(compared).toBe(questions.length * KS.length);
}

describe('lexical search pruning', () => {
  it('GIVEN the XQuAD Vietnamese articles and their questions in Vietnamese and English THEN every k best is that of scoring every passage', async () => {
    const index = await indexOf('tests/fixtures/xquad-dev/corpus');
    expectUnpruned(index, [...questionsOf('tests/fixtures/xquad-dev/vi.jsonl'), ...questionsOf('tests/fixtures/xquad-dev/en.jsonl')]);
  });

  it('GIVEN the XQuAD English articles and their English questions THEN every k best is that of scoring every passage', async () => {
    const index = await indexOf('tests/fixtures/xquad-dev/corpus-en');
    expectUnpruned(index, questionsOf('tests/fixtures/xquad-dev/en-en.jsonl'));
  });

  it('GIVEN the demo articles, their questions and off-topic ones, asked as questions and as topics THEN every k best is that of scoring every passage', async () => {
    const index = await indexOf('corpus');
    const questions = [...questionsOf('tests/fixtures/eval/seed-questions.jsonl'), ...questionsOf('tests/fixtures/eval/heldout-questions.jsonl'), ...questionsOf('tests/fixtures/eval/offtopic-questions.jsonl')];
    expectUnpruned(index, questions);
    expectUnpruned(index, questions, { topic: true });
  });

  it('GIVEN a corpus of common words, where a question touches most passages THEN every k best is that of scoring every passage', () => {
    const { index, questions } = commonWords();
    expectUnpruned(index, questions);
  });
});
