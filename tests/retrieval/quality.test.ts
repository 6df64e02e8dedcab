import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkCorpus } from '../../src/corpus/chunk.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { answerQuestion, type RetrievalContext } from '../../src/retrieval/ask.js';
import { evalCases, evaluateRetrieval, type EvalItem } from '../../src/retrieval/eval.js';
import { LexicalIndex } from '../../src/retrieval/lexical.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let ctx: RetrievalContext;

beforeAll(async () => {
  const { articles } = await loadCorpus(path.join(ROOT, 'corpus'));
  const passages = chunkCorpus(articles);
  ctx = { passages: new Map(passages.map((p) => [p.id, p])), articles: new Map(articles.map((a) => [a.docId, a])), lexical: LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text }))) };
});

async function evaluate(file: string) {
  const items = readFileSync(path.join(ROOT, 'tests/fixtures/eval', file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as EvalItem);
  const results = [];
  for (const item of items) results.push(await answerQuestion(item.question, { k: 10 }, ctx));
  return evaluateRetrieval(evalCases(items, results));
}

describe('retrieval quality on the demo corpus, without the model', () => {
  it('GIVEN the seed questions THEN hit@3 ≥ 0.9 and MRR@10 ≥ 0.8', async () => {
    const report = await evaluate('seed-questions.jsonl');
    expect(report.hitAt3).toBeGreaterThanOrEqual(0.9);
    expect(report.mrrAt10).toBeGreaterThanOrEqual(0.8);
  });

  it('GIVEN held-out questions never tuned on THEN hit@3 ≥ 0.85 and MRR@10 ≥ 0.75', async () => {
    const report = await evaluate('heldout-questions.jsonl');
    expect(report.n).toBeGreaterThanOrEqual(15);
    expect(report.hitAt3).toBeGreaterThanOrEqual(0.85);
    expect(report.mrrAt10).toBeGreaterThanOrEqual(0.75);
  });

  it('GIVEN "What did Ushakov say about NATO?" THEN 002\'s passage quoting him comes first', async () => {
    const result = await answerQuestion('What did Ushakov say about NATO?', {}, ctx);
    expect(result.passages[0]?.docId.startsWith('002')).toBe(true);
    expect(result.passages[0]?.text).toContain('Đây là một trong những vấn đề then chốt');
  });

  it('GIVEN the same Reuters story in 003 and 004 THEN the New START answer cites both', async () => {
    const result = await answerQuestion('When does the New START treaty expire?', {}, ctx);
    expect(result.passages[0]?.citations.map((c) => c.docId.slice(0, 3)).sort()).toEqual(['003', '004']);
  });

  it('GIVEN "frozen assets" THEN only passages about the frozen assets answer, not ones sharing a syllable (chuẩn bị, tài liệu)', async () => {
    const result = await answerQuestion('frozen assets', {}, ctx);
    expect(result.passages.length).toBeGreaterThan(0);
    for (const p of result.passages) expect(p.text, p.passageId).toMatch(/tài sản/u);
  });
});
