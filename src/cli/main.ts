/**
 * The JSON/plain-text command line: `npm run cli -- <command> …`. A thin adapter over the
 * desk; the plain-text forms reuse the console's renderers.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { environmentLocale, loadConfig, parseConfig } from '../config.js';
import { ERROR_CODES, UserError, isUserError, userErrorText } from '../errors.js';
import { text } from '../messages/index.js';
import { Desk } from '../briefing/desk.js';
import type { IngestProgress } from '../retrieval/index-store.js';
import { evaluateRetrieval } from '../retrieval/eval.js';
import { loadCorpus } from '../corpus/load.js';
import { chunkCorpus } from '../corpus/chunk.js';
import { extractEvents } from '../events/extract.js';
import { summarize } from '../briefing/summary.js';
import { factCoverage, parseFactSets, type FactCoverage } from '../briefing/summary-eval.js';
import { runQuizCheck } from '../quiz/quiz-check.js';
import type { SummaryResult } from '../briefing/types.js';
import type { AskResult } from '../retrieval/types.js';
import { CLI_USAGE, parseCliArgs, type CliRequest } from './args.js';
import { createCliLogger } from './logger.js';
import { emphasis, renderAskText, renderEvalText, renderQuizCheckText, renderQuizText, renderSourcesText, renderSummaryEvalText, renderSummaryText, renderTimelineText } from './render-text.js';

/** Exit codes: 0 ok, 1 a bug, 2 a user error (bad input), 3 an evaluation below its floor. */
const EXIT_BUG = 1;
const EXIT_USER_ERROR = 2;
const EXIT_BELOW_FLOOR = 3;

interface BatchItem {
  question: string;
  expect_any?: string[];
}

async function readBatch(file: string): Promise<BatchItem[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'batchUnreadable', { file });
  }
  const items: BatchItem[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'batchLineNotJson', { file, line: i + 1 });
    }
    const item = parsed as Partial<BatchItem>;
    if (typeof item.question !== 'string') {
      throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'batchLineNoQuestion', { file, line: i + 1 });
    }
    items.push({ question: item.question, expect_any: Array.isArray(item.expect_any) ? item.expect_any.map(String) : [] });
  });
  return items;
}

/** One answer per question, in input order; a bad question becomes an error entry, not a crash. */
async function answerAll(desk: Desk, items: BatchItem[], k: number): Promise<Array<AskResult | { question: string; error: { code: string; message: string } }>> {
  const answers = [];
  for (const item of items) {
    try {
      answers.push(await desk.ask(item.question, { k }));
    } catch (error) {
      if (!isUserError(error)) throw error;
      answers.push({ question: item.question, error: { code: error.code, message: error.message } });
    }
  }
  return answers;
}

function progressPrinter(): ((p: IngestProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const BAR_WIDTH = 30;
  return ({ phase, done, total }) => {
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * BAR_WIDTH);
    process.stderr.write(`\r${phase.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`);
    if (done >= total) process.stderr.write('\n');
  };
}

interface SummaryEvalRow extends FactCoverage {
  corpus: string;
  summary: SummaryResult;
}

/** Whole-briefing summaries of each labelled corpus, straight from its files (no index), against their facts. */
async function summaryEval(file: string, sentences: number | undefined): Promise<SummaryEvalRow[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new UserError(ERROR_CODES.BAD_BATCH_FILE, 'batchUnreadable', { file });
  }
  const rows: SummaryEvalRow[] = [];
  for (const [dir, facts] of Object.entries(parseFactSets(json, file))) {
    const { articles } = await loadCorpus(resolve(dirname(file), dir));
    const passages = chunkCorpus(articles);
    const summary = await summarize({ sentences }, { articles, passages, events: extractEvents(articles, passages) });
    rows.push({ corpus: dir, ...factCoverage(summary, facts), summary });
  }
  return rows;
}

async function run(request: CliRequest): Promise<number> {
  if (request.command === 'help') {
    console.log(CLI_USAGE);
    return 0;
  }
  if (request.command === 'summary-eval') {
    const rows = await summaryEval(request.file, request.sentences);
    const facts = rows.reduce((n, r) => n + r.facts, 0);
    const covered = rows.reduce((n, r) => n + r.covered, 0);
    const coverage = facts === 0 ? 0 : covered / facts;
    console.log(request.json ? JSON.stringify({ file: request.file, facts, covered, coverage, corpora: rows }, null, 2) : renderSummaryEvalText(rows, covered, facts));
    if (request.minCoverage !== undefined && coverage < request.minCoverage) {
      console.error(`Summary coverage below its floor: ${coverage.toFixed(3)} (min ${request.minCoverage}).`);
      return EXIT_BELOW_FLOOR;
    }
    return 0;
  }
  if (request.command === 'quiz-check') {
    const base = loadConfig();
    const { articles } = await loadCorpus(request.corpus ?? base.corpusDir, { maxArticleBytes: base.maxArticleBytes });
    const passages = chunkCorpus(articles);
    const report = runQuizCheck({ articles, passages, events: extractEvents(articles, passages) }, { n: request.n, seeds: request.seeds });
    console.log(request.json ? JSON.stringify({ corpus: request.corpus ?? base.corpusDir, n: request.n, ...report }, null, 2) : renderQuizCheckText(report));
    if (request.minPass !== undefined && report.share < request.minPass) {
      console.error(`Quiz check below its floor: ${report.share.toFixed(3)} of questions pass every rule (min ${request.minPass}).`);
      return EXIT_BELOW_FLOOR;
    }
    return 0;
  }
  const base = loadConfig();
  const config = parseConfig({
    ...process.env,
    ...(request.corpus === undefined ? {} : { CORPUS_DIR: request.corpus }),
    ...(request.index === undefined ? {} : { INDEX_DIR: request.index }),
    DATA_DIR: base.dataDir,
  });
  const logger = createCliLogger(config.logLevel);
  const desk = await Desk.open(config, { logger, onProgress: progressPrinter(), rebuild: request.command === 'ingest' });
  const bold = emphasis(process.stdout.isTTY && !request.json);
  const locale = config.locale;
  const print = (json: unknown, text: () => string): void => {
    console.log(request.json ? JSON.stringify(json, null, 2) : text());
  };
  try {
    switch (request.command) {
      case 'ingest': {
        const report = desk.openingReport;
        if (report === null) throw new Error('ingest finished without a report');
        if (request.json) console.log(JSON.stringify(report));
        else {
          const { articles, passages, added, changed, removed, unchanged, embedded } = report;
          const mode = text(locale, report.mode === 'hybrid' ? 'modeHybrid' : 'modeLexical');
          console.log(text(locale, 'cliIngested', { articles, passages, added, changed, removed, unchanged, embedded, mode, seconds: report.millis / 1000 }));
          for (const warning of report.warnings) console.log(text(locale, 'cliWarning', { warning }));
        }
        return 0;
      }
      case 'ask': {
        if (request.batch !== undefined) {
          const answers = await answerAll(desk, await readBatch(request.batch), request.k);
          for (const answer of answers) console.log(request.json ? JSON.stringify(answer) : 'error' in answer ? `${answer.question}\n  ${answer.error.message}` : renderAskText(answer, locale, bold));
          return 0;
        }
        const answer = await desk.ask(request.question ?? '', { k: request.k });
        print(answer, () => renderAskText(answer, locale, bold));
        return 0;
      }
      case 'eval': {
        const items = await readBatch(request.file);
        const answers = await answerAll(desk, items, request.k);
        const results = answers.map((a) => ('error' in a ? { question: a.question, abstained: true, passages: [], suggestions: [], mode: desk.status().mode } : a));
        const report = evaluateRetrieval(items.map((i) => ({ question: i.question, expect_any: i.expect_any ?? [] })), results);
        print({ ...report, mode: desk.status().mode, file: request.file }, () => renderEvalText(report, desk.status().mode));
        const below = (request.minHitAt3 !== undefined && report.hitAt3 < request.minHitAt3) || (request.minMrr !== undefined && report.mrrAt10 < request.minMrr);
        if (below) {
          console.error(`Retrieval below its floor: hit@3 ${report.hitAt3.toFixed(3)} (min ${request.minHitAt3 ?? '-'}), MRR@10 ${report.mrrAt10.toFixed(3)} (min ${request.minMrr ?? '-'}).`);
          return EXIT_BELOW_FLOOR;
        }
        return 0;
      }
      case 'quiz': {
        const quiz = await desk.quiz({ n: request.n, seed: request.seed, kinds: request.kinds, topic: request.topic });
        print(quiz, () => renderQuizText(quiz, locale));
        return 0;
      }
      case 'timeline': {
        const timeline = desk.timeline({ from: request.from, to: request.to });
        print(timeline, () => renderTimelineText(timeline, locale));
        return 0;
      }
      case 'summary': {
        const summary = await desk.summary({ topic: request.topic, article: request.article, sentences: request.sentences });
        print(summary, () => renderSummaryText(summary, locale));
        return 0;
      }
      case 'sources': {
        const sources = desk.sources();
        print({ articles: sources }, () => renderSourcesText(sources, locale));
        return 0;
      }
    }
  } finally {
    await desk.close();
  }
}

async function main(): Promise<void> {
  try {
    process.exitCode = await run(parseCliArgs(process.argv.slice(2)));
  } catch (error) {
    const locale = environmentLocale();
    if (isUserError(error)) {
      console.error(text(locale, 'cliError', { error: userErrorText(locale, error) }));
      process.exitCode = EXIT_USER_ERROR;
      return;
    }
    console.error(text(locale, 'internalError'));
    console.error(error);
    process.exitCode = EXIT_BUG;
  }
}

await main();
