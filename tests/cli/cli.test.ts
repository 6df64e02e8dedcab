/**
 * The command line's behaviour, run in-process through runCli with captured streams (the built
 * program itself is started in bin.test.ts).
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { currentGeneration } from '../../src/retrieval/index-folder.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

let work: string;
let corpus: string;
let index: string;

interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

function captured(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function cli(...args: string[]): Promise<CliOutput> {
  const env = { ...process.env, DATA_DIR: path.join(work, 'data'), MODELS_DIR: path.join(work, 'models'), CORPUS_DIR: corpus, INDEX_DIR: index, LANG: 'en_US.UTF-8' };
  const stdout = captured();
  const stderr = captured();
  const code = await runCli(args, { env, stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'briefbot-cli-'));
  corpus = path.join(work, 'corpus');
  index = path.join(work, 'index');
  await mkdir(corpus);
  for (const f of await readdir(path.join(ROOT, 'corpus'))) await copyFile(path.join(ROOT, 'corpus', f), path.join(corpus, f));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run cli -- ask', () => {
  it('GIVEN no index THEN ask builds one and cites 002 quoting Ushakov on NATO, in the JSON contract', async () => {
    const out = await cli('ask', 'What did Ushakov say about NATO?', '--json');
    expect(out.code).toBe(0);
    const answer = JSON.parse(out.stdout) as Record<string, unknown> & { passages: Array<Record<string, unknown>> };
    expect(Object.keys(answer)).toEqual(expect.arrayContaining(['question', 'abstained', 'passages']));
    expect(answer.abstained).toBe(false);
    const top = answer.passages[0]!;
    for (const key of ['docId', 'title', 'source', 'date', 'text', 'highlights', 'score']) expect(top).toHaveProperty(key);
    expect(String(top.docId).startsWith('002')).toBe(true);
    expect(String(top.text)).toContain('Đây là một trong những vấn đề then chốt');
    expect((top.highlights as string[]).some((h) => h.includes('then chốt'))).toBe(true);
    expect(out.stderr).toContain('Xenova/multilingual-e5-small');
  });

  it('honours --k', async () => {
    const out = await cli('ask', 'Lavrov', '--k', '2', '--json');
    expect((JSON.parse(out.stdout) as { passages: unknown[] }).passages).toHaveLength(2);
  });

  it('prints readable text with the citation when --json is not given', async () => {
    const out = await cli('ask', 'What did Ushakov say about NATO?');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/\[1\] .+ 2025-12-04 \[002_/u);
    expect(out.stdout).toContain('»');
  });

  it('abstains with suggestions on a question the briefing does not cover', async () => {
    const out = await cli('ask', 'What is the best recipe for banana bread?', '--json');
    const answer = JSON.parse(out.stdout) as { abstained: boolean; passages: unknown[]; suggestions: string[] };
    expect(answer.abstained).toBe(true);
    expect(answer.passages).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it.each([
    ['an empty question', ['ask', '   '], /empty|missing/iu],
    ['a 10,000-character question', ['ask', 'NATO '.repeat(2000)], /at most 1000/u],
    ['an unknown command', ['frobnicate'], /Unknown command/u],
    ['a bad --k', ['ask', 'NATO', '--k', 'many'], /`--k` must be/u],
  ])('rejects %s with a clear message and exit code 2', async (_name, args, message) => {
    const out = await cli(...args);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/at .+\.ts:\d+/u);
  });

  it('strips control characters from a question and still answers', async () => {
    const out = await cli('ask', 'What did\u0007 Ushakov say\u0001 about NATO?', '--json');
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { question: string }).question).toBe('What did Ushakov say about NATO?');
  });
});

describe('npm run cli -- ask --batch', () => {
  it('prints one JSON answer per line, in input order', async () => {
    const file = path.join(work, 'batch.jsonl');
    const questions = ['How many points were in the original US peace plan?', 'Who is Russia negotiating with to end the conflict?', 'What did Dmitry Kuleba warn about?'];
    await writeFile(file, questions.map((q) => JSON.stringify({ question: q, expect_any: [] })).join('\n'));
    const out = await cli('ask', '--batch', file, '--json');
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { question: string });
    expect(lines.map((l) => l.question)).toEqual(questions);
  });

  it('rejects a batch file with a broken line, naming the line', async () => {
    const file = path.join(work, 'broken.jsonl');
    await writeFile(file, '{"question": "NATO"}\n{not json\n');
    const out = await cli('ask', '--batch', file, '--json');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('broken.jsonl:2');
  });
});

describe('npm run cli -- eval', () => {
  it('reports hit@3 ≥ 0.9 and MRR@10 ≥ 0.8 on the seed questions without the model', async () => {
    const out = await cli('eval', path.join(ROOT, 'tests/fixtures/eval/seed-questions.jsonl'), '--json');
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as { n: number; hitAt3: number; mrrAt10: number; mode: string };
    expect(report.n).toBe(15);
    expect(report.mode).toBe('lexical');
    expect(report.hitAt3).toBeGreaterThanOrEqual(0.9);
    expect(report.mrrAt10).toBeGreaterThanOrEqual(0.8);
  });

  it('exits 3 when the figures fall below the floor given', async () => {
    const out = await cli('eval', path.join(ROOT, 'tests/fixtures/eval/seed-questions.jsonl'), '--min-hit-at-3', '1.01');
    expect(out.code).toBe(2);
    const strict = await cli('eval', path.join(ROOT, 'tests/fixtures/eval/seed-questions.jsonl'), '--min-mrr', '0.999');
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain('below its floor');
  });
});

describe('npm run cli -- summary-eval', () => {
  const FACT_SETS = ['summary-demo', 'summary-heldout', 'summary-final', 'summary-blind2'].map((d) => path.join(ROOT, 'tests/fixtures', d, 'facts.json'));

  it('GIVEN the labelled corpora (demo and six written blind to the summariser) THEN whole-briefing summaries state at least 34 of their 43 facts', async () => {
    let covered = 0;
    let facts = 0;
    for (const file of FACT_SETS) {
      const out = await cli('summary-eval', file, '--json');
      expect(out.code).toBe(0);
      const report = JSON.parse(out.stdout) as { facts: number; covered: number; corpora: Array<{ corpus: string; summary: { sentences: unknown[] } }> };
      for (const c of report.corpora) expect(c.summary.sentences).toHaveLength(7);
      covered += report.covered;
      facts += report.facts;
    }
    expect(facts).toBe(43);
    expect(covered).toBeGreaterThanOrEqual(34);
  });

  it('exits 3 below --min-coverage and 2 on a file that is not a fact set', async () => {
    const unstated = path.join(work, 'unstated-facts.json');
    await writeFile(unstated, JSON.stringify({ [path.relative(work, path.join(ROOT, 'corpus'))]: [
      { fact: 'The 28-point US plan', any: ['28 điểm'] },
      { fact: 'A fact no article states', any: ['Atlantis'] },
    ] }));
    const strict = await cli('summary-eval', unstated, '--min-coverage', '1');
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain('below its floor');
    expect(strict.stdout).toMatch(/missing +A fact no article states/u);
    expect((await cli('summary-eval', unstated, '--min-coverage', '0.5')).code).toBe(0);
    const bad = path.join(work, 'bad-facts.json');
    await writeFile(bad, JSON.stringify({ corpus: [{ fact: 'x', any: ['('] }] }));
    const out = await cli('summary-eval', bad);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('not a valid regular expression');
  });
});

describe('npm run cli -- ingest', () => {
  it('prints a one-line summary when not on a terminal, and re-ingests incrementally', async () => {
    const first = await cli('ingest');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Indexed 5 articles, \d+ passages/mu);
    await writeFile(path.join(corpus, '005_new.txt'), 'A new article about Moscow\n\nThe talks in Moscow went on for a long time. Nobody agreed on anything.\n');
    const second = JSON.parse((await cli('ingest', '--json')).stdout) as { added: number; unchanged: number; articles: number };
    expect(second).toMatchObject({ added: 1, unchanged: 5, articles: 6 });
    await rm(path.join(corpus, '005_new.txt'));
    const third = JSON.parse((await cli('ingest', '--json')).stdout) as { removed: number; articles: number };
    expect(third).toMatchObject({ removed: 1, articles: 5 });
  });

  it('skips a binary and a non-UTF-8 file with warnings naming them', async () => {
    await writeFile(path.join(corpus, 'zz_binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    await writeFile(path.join(corpus, 'zz_latin1.txt'), Buffer.from('Titre\n\nCaf\xe9 cr\xe8me.', 'latin1'));
    const out = await cli('ingest');
    await rm(path.join(corpus, 'zz_binary.txt'));
    await rm(path.join(corpus, 'zz_latin1.txt'));
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('zz_binary.txt');
    expect(out.stdout).toContain('zz_latin1.txt');
    expect(out.stdout).toMatch(/Indexed 5 articles/u);
  });

  it('detects a truncated index file and rebuilds it from the corpus', async () => {
    await cli('ingest');
    await truncate(path.join((await currentGeneration(index))!, 'lexical.bin'), 10);
    const out = await cli('ask', 'What did Ushakov say about NATO?', '--json');
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/damaged \(lexical\.bin/u);
    expect((JSON.parse(out.stdout) as { passages: Array<{ docId: string }> }).passages[0]?.docId.startsWith('002')).toBe(true);
  });

  it('says clearly when the corpus folder is missing or empty', async () => {
    const missing = await cli('ingest', '--corpus', path.join(work, 'nowhere'), '--index', path.join(work, 'i2'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere does not exist/u);
    const emptyDir = path.join(work, 'empty');
    await mkdir(emptyDir);
    const empty = await cli('ingest', '--corpus', emptyDir, '--index', path.join(work, 'i3'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no usable article/u);
  });
});

describe('npm run cli -- quiz', () => {
  interface QuizJson {
    seed: string;
    questions: Array<{ kind: string; prompt: string }>;
    shortfall?: { asked: number; kinds: string[] };
  }
  const quiz = async (...args: string[]): Promise<QuizJson> => JSON.parse((await cli('quiz', '--json', ...args)).stdout) as QuizJson;

  it('GIVEN two quizzes without a seed THEN they differ; GIVEN the seed one of them drew THEN that quiz again, "who said" included', async () => {
    const first = await quiz();
    const second = await quiz();
    expect(second.seed).not.toBe(first.seed);
    expect(second.questions).not.toEqual(first.questions);
    expect(await quiz('--seed', first.seed)).toEqual(first);
    expect(first.questions.map((q) => q.kind)).toContain('who_said');
  });

  it('GIVEN a briefing too thin for a quiz THEN it says so plainly and exits 4', async () => {
    const thin = path.join(work, 'thin');
    await mkdir(thin);
    await writeFile(path.join(thin, 'one.txt'), 'Harbour council meets\n\nThe harbour council met on Tuesday to discuss the new ferry timetable. Members agreed to meet again.\n');
    const out = await cli('quiz', '--corpus', thin, '--index', path.join(work, 'thin-index'));
    expect(out.code).toBe(4);
    expect(out.stdout).toMatch(/^The material is thin: 0 of the 10 questions asked could be made\./u);
    expect(out.stdout).toMatch(/nothing to ask these kinds of question from: when, what happened, who, how many, who said, which came first/u);
  });
});
