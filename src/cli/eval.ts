/**
 * `eval`: ask every question of a file and score the answers. With `--split-half` the corpus's
 * articles are dealt into two halves (alternately, in docId order); each half is indexed on its
 * own and asked every question, so that a question about an article of the other half is one
 * the index cannot answer: abstention is measured on questions close to the corpus's subjects,
 * not only on off-topic ones.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Desk } from '../briefing/desk.js';
import type { Config } from '../config.js';
import { loadCorpus } from '../corpus/load.js';
import type { Article } from '../corpus/types.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { evalCases, evaluateRetrieval, type EvalCase, type EvalItem, type EvalReport } from '../retrieval/eval.js';
import type { AskResult } from '../retrieval/types.js';
import { answerAll, readQuestionFile } from './questions.js';

export interface EvalOptions {
  file: string;
  k: number;
  /** Every question is about articles the corpus does not hold. */
  unanswerable: boolean;
  splitHalf: boolean;
}

export interface EvalRun {
  report: EvalReport;
  mode: AskResult['mode'];
}

type OpenDesk = (config: Readonly<Config>) => Promise<Desk>;

async function ask(desk: Desk, items: readonly EvalItem[], k: number): Promise<AskResult[]> {
  const mode = desk.status().mode;
  return (await answerAll(desk, items, k)).map((a) => ('error' in a ? { question: a.question, abstained: true, relevance: 0, confidence: 0, signals: { relevance: 0, evidence: 0, fewConcepts: false, passages: 0 }, passages: [], suggestions: [], mode } : a));
}

/** The docIds an item names (each a docId or a unique prefix of one, as commands accept). */
function namedDocs(item: EvalItem, articles: readonly Article[], file: string): Set<string> {
  const docs = new Set<string>();
  for (const ref of item.docs ?? []) {
    const matches = articles.filter((a) => a.docId === ref || a.docId.startsWith(ref));
    const exact = matches.find((a) => a.docId === ref);
    const one = exact ?? (matches.length === 1 ? matches[0] : undefined);
    if (one === undefined) throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'evalUnknownDoc', { file, question: item.question, article: ref });
    docs.add(one.docId);
  }
  return docs;
}

async function splitHalfCases(options: EvalOptions, items: readonly EvalItem[], config: Readonly<Config>, open: OpenDesk): Promise<EvalRun> {
  const { articles } = await loadCorpus(config.corpusDir, { maxArticleBytes: config.maxArticleBytes });
  const named = items.map((item) => namedDocs(item, articles, options.file));
  const unplaced = items.find((item, i) => item.expect_any.length > 0 && named[i]?.size === 0);
  if (unplaced !== undefined) {
    throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'evalQuestionWithoutDocs', { file: options.file, question: unplaced.question });
  }
  const ordered = [...articles].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
  const root = await mkdtemp(path.join(os.tmpdir(), 'briefbot-eval-'));
  const cases: EvalCase[] = [];
  let mode: AskResult['mode'] = 'lexical';
  try {
    for (const half of [0, 1]) {
      const members = ordered.filter((_a, i) => i % 2 === half);
      const corpusDir = path.join(root, `half-${half}`, 'corpus');
      for (const a of members) await cp(path.join(config.corpusDir, a.file), path.join(corpusDir, a.file));
      const desk = await open({ ...config, corpusDir, indexDir: path.join(root, `half-${half}`, 'index') });
      try {
        mode = desk.status().mode;
        const results = await ask(desk, items, options.k);
        const indexed = new Set(members.map((a) => a.docId));
        items.forEach((item, i) => {
          const result = results[i];
          const answerable = item.expect_any.length > 0 && [...(named[i] ?? [])].some((d) => indexed.has(d));
          if (result !== undefined) cases.push({ item, answerable, result });
        });
      } finally {
        await desk.close();
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return { report: evaluateRetrieval(cases), mode };
}

export async function runEvaluation(options: EvalOptions, config: Readonly<Config>, open: OpenDesk): Promise<EvalRun> {
  const items = await readQuestionFile(options.file);
  if (options.splitHalf) return splitHalfCases(options, items, config, open);
  const desk = await open(config);
  try {
    const results = await ask(desk, items, options.k);
    return { report: evaluateRetrieval(evalCases(items, results, options.unanswerable)), mode: desk.status().mode };
  } finally {
    await desk.close();
  }
}

/** The floors an evaluation asks for (each a share in [0, 1]). */
export interface EvalFloors {
  minHitAt3?: number;
  minHitAt5?: number;
  minMrr?: number;
  minAbstained?: number;
}

/** Each floor the report falls below, said plainly; a floor on a measure with no questions fails too. */
export function floorFailures(report: EvalReport, floors: EvalFloors): string[] {
  const checks: Array<[string, number | null, number | undefined]> = [
    ['hit@3', report.hitAt3, floors.minHitAt3],
    ['hit@5', report.hitAt5, floors.minHitAt5],
    ['MRR@10', report.mrrAt10, floors.minMrr],
    ['abstained', report.abstained, floors.minAbstained],
  ];
  return checks.flatMap(([name, value, min]) => {
    if (min === undefined) return [];
    if (value === null) return [`${name} has no questions to measure (min ${min})`];
    return value < min ? [`${name} ${value.toFixed(3)} (min ${min})`] : [];
  });
}
