import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { floorFailures, runEvaluation } from '../../src/cli/eval.js';
import { parseConfig, type Config } from '../../src/config.js';
import type { EvalReport } from '../../src/retrieval/eval.js';

const NEWS_VI = path.resolve(import.meta.dirname, '../fixtures/news-vi');
let work: string;
let config: Readonly<Config>;
const open = (c: Readonly<Config>): Promise<Desk> => Desk.open(c);

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'briefbot-eval-test-'));
  config = parseConfig({ CORPUS_DIR: path.join(NEWS_VI, 'corpus'), INDEX_DIR: path.join(work, 'index'), DATA_DIR: path.join(work, 'data'), MODELS_DIR: path.join(work, 'models') });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('eval --split-half', () => {
  it('GIVEN a corpus split in halves THEN each question is asked of both, answerable by the half holding its article only', async () => {
    const { report } = await runEvaluation({ file: path.join(NEWS_VI, 'vi.jsonl'), k: 10, unanswerable: false, splitHalf: true }, config, open);
    expect(report).toMatchObject({ n: 38, answerable: 19, unanswerable: 19 });
    expect(report.abstained).toBeGreaterThan(0.5);
    const cableQuestion = report.perQuestion.filter((q) => q.question === 'Vì sao cầu sông Hàn phải sửa chữa?');
    expect(cableQuestion.map((q) => q.answerable).sort()).toEqual([false, true]);
  });

  it('GIVEN a question with an answer but no "docs" THEN it says which, as a bad question file', async () => {
    const file = path.join(work, 'nodocs.jsonl');
    await writeFile(file, `${JSON.stringify({ question: 'Giá lúa bao nhiêu?', expect_any: ['5.800'] })}\n`);
    await expect(runEvaluation({ file, k: 5, unanswerable: false, splitHalf: true }, config, open)).rejects.toMatchObject({ code: 'BAD_BATCH_FILE', message: expect.stringContaining('Giá lúa bao nhiêu?') });
  });
});

describe('eval --unanswerable', () => {
  it('GIVEN questions about other articles THEN every one counts as unanswerable and abstentions are counted', async () => {
    const { report } = await runEvaluation({ file: path.resolve(NEWS_VI, '../eval/offtopic-questions.jsonl'), k: 5, unanswerable: true, splitHalf: false }, config, open);
    expect(report).toMatchObject({ n: 40, answerable: 0, unanswerable: 40, hitAt5: null });
    expect(report.abstained).toBeGreaterThan(0.5);
  });
});

describe('evaluation floors', () => {
  const report: EvalReport = { n: 2, answerable: 2, hitAt1: 0.5, hitAt3: 0.5, hitAt5: 1, mrrAt10: 0.75, answered: 1, unanswerable: 0, abstained: null, perQuestion: [] };

  it('GIVEN figures above their floors THEN nothing fails', () => {
    expect(floorFailures(report, { minHitAt3: 0.5, minHitAt5: 0.9, minMrr: 0.7 })).toEqual([]);
  });

  it('GIVEN a figure below its floor, or a floor on a measure with no questions THEN each is named', () => {
    expect(floorFailures(report, { minHitAt3: 0.6, minAbstained: 0.9 })).toEqual(['hit@3 0.500 (min 0.6)', 'abstained has no questions to measure (min 0.9)']);
  });
});
