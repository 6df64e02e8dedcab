import { chunkCorpus } from '../src/corpus/chunk.js';
import { loadCorpus } from '../src/corpus/load.js';
import { answerQuestion } from '../src/retrieval/ask.js';
import { LexicalIndex } from '../src/retrieval/lexical.js';
const { articles } = await loadCorpus('corpus');
const passages = chunkCorpus([...articles]);
const ctx = { passages: new Map(passages.map((p) => [p.id, p])), articles: new Map(articles.map((a) => [a.docId, a])), lexical: LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text }))), topics: [], confidenceFloor: 0 };
for (const q of process.argv.slice(2)) { const r = await answerQuestion(q, { k: 3 }, ctx); console.log(r.confidence, JSON.stringify(r.signals), q, r.passages[0]?.passageId); }
