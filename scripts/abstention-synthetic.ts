/**
 * Abstention on a large corpus of nonsense: random questions of six words over synthetic passages
 * of three random sentences, words drawn from the demo corpus's vocabulary (the bench's text,
 * scripts/bench/synthetic-corpus.ts). No question is answerable; the share abstained shows how the
 * abstention model carries to a corpus far larger than those it was fitted on (README).
 *
 *   npx tsx scripts/abstention-synthetic.ts [--passages 100000] [--questions 100]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Passage } from '../src/corpus/types.js';
import { answerQuestion } from '../src/retrieval/ask.js';
import { LexicalIndex } from '../src/retrieval/lexical.js';
import { loadLexicon } from '../src/retrieval/lexicon.js';
import { corpusVocabulary, syntheticText } from './bench/synthetic-corpus.js';

const { values } = parseArgs({ options: { passages: { type: 'string' }, questions: { type: 'string' } } });
const n = Number(values.passages ?? 100_000);
const text = syntheticText(await corpusVocabulary(path.resolve(import.meta.dirname, '../corpus')), 7);
const passages: Passage[] = Array.from({ length: n }, (_v, i) => {
  let at = 0;
  const sentences = [text.sentence(), text.sentence(), text.sentence()].map((t, index) => {
    const start = at;
    at += t.length + 1;
    return { index, text: t, start, end: start + t.length, paragraph: 0 };
  });
  return { id: `d${i}#0`, docId: `d${i}`, text: sentences.map((s) => s.text).join(' '), start: 0, end: at - 1, sentences };
});
const questions = Array.from({ length: Number(values.questions ?? 100) }, () => text.question());
const ctx = {
  passages: new Map(passages.map((p) => [p.id, p])),
  articles: new Map(passages.map((p) => [p.docId, { docId: p.docId, file: `${p.docId}.txt`, title: p.docId, date: null, dateSource: null, sources: [], author: null, url: null, contentHash: p.docId }])),
  lexical: LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text }))),
  lexicon: loadLexicon(),
  topics: [],
};
let abstained = 0;
for (const q of questions) if ((await answerQuestion(q, { k: 5 }, ctx)).abstained) abstained++;
console.log(`${n} synthetic passages, ${questions.length} random questions: abstained on ${(abstained / questions.length).toFixed(2)}`);
