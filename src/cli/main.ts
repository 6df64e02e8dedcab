/**
 * The JSON/plain-text command line: `npm run cli -- <command> …`, the `briefbot` bin (bin.ts runs
 * it on the process). A thin adapter over the desk; the plain-text forms reuse the console's
 * renderers. It reads its environment and writes through `CliIO`, so tests run it in-process.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { configWithFolders, parseConfig } from '../config.js';
import { ERROR_CODES, UserError, isUserError, userErrorText } from '../errors.js';
import { localeOfEnvironment, text } from '../messages/index.js';
import { Desk } from '../briefing/desk.js';
import type { IngestProgress } from '../retrieval/index-store.js';
import { loadCorpus } from '../corpus/load.js';
import { chunkCorpus } from '../corpus/chunk.js';
import { extractEvents } from '../events/extract.js';
import { summarize } from '../briefing/summary.js';
import { factCoverage, parseFactSets, type FactCoverage } from '../briefing/summary-eval.js';
import { runQuizCheck } from '../quiz/quiz-check.js';
import type { SummaryResult } from '../briefing/types.js';
import { CLI_USAGE, parseCliArgs, type CliRequest } from './args.js';
import { floorFailures, runEvaluation } from './eval.js';
import { EXIT_BELOW_FLOOR, EXIT_BUG, EXIT_THIN_MATERIAL, EXIT_USER_ERROR, type CliIO } from './io.js';
import { createCliLogger } from './logger.js';
import { cliReader } from './readers.js';
import { printSafe } from './terminal.js';
import { answerAll, readQuestionFile } from './questions.js';
import { emphasis, renderAskText, renderEvalText, renderQuizCheckText, renderQuizText, renderSourcesText, renderSummaryEvalText, renderSummaryText, renderTimelineText } from './render-text.js';


function progressPrinter(stderr: CliIO['stderr']): ((p: IngestProgress) => void) | undefined {
  if (stderr.isTTY !== true) return undefined;
  const BAR_WIDTH = 30;
  return ({ phase, done, total }) => {
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * BAR_WIDTH);
    stderr.write(`\r${phase.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`);
    if (done >= total) stderr.write('\n');
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

async function run(request: CliRequest, io: CliIO): Promise<number> {
  const { stdout, stderr } = io;
  if (request.command === 'help') {
    printSafe(stdout, CLI_USAGE);
    return 0;
  }
  if (request.command === 'summary-eval') {
    const rows = await summaryEval(request.file, request.sentences);
    const facts = rows.reduce((n, r) => n + r.facts, 0);
    const covered = rows.reduce((n, r) => n + r.covered, 0);
    const coverage = facts === 0 ? 0 : covered / facts;
    printSafe(stdout, request.json ? JSON.stringify({ file: request.file, facts, covered, coverage, corpora: rows }, null, 2) : renderSummaryEvalText(rows, covered, facts));
    if (request.minCoverage !== undefined && coverage < request.minCoverage) {
      printSafe(stderr, `Summary coverage below its floor: ${coverage.toFixed(3)} (min ${request.minCoverage}).`);
      return EXIT_BELOW_FLOOR;
    }
    return 0;
  }
  if (request.command === 'quiz-check') {
    const base = parseConfig(io.env);
    const { articles } = await loadCorpus(request.corpus ?? base.corpusDir, { maxArticleBytes: base.maxArticleBytes });
    const passages = chunkCorpus(articles);
    const report = runQuizCheck({ articles, passages, events: extractEvents(articles, passages) }, { n: request.n, seeds: request.seeds });
    printSafe(stdout, request.json ? JSON.stringify({ corpus: request.corpus ?? base.corpusDir, n: request.n, ...report }, null, 2) : renderQuizCheckText(report));
    if (request.minPass !== undefined && report.share < request.minPass) {
      printSafe(stderr, `Quiz check below its floor: ${report.share.toFixed(3)} of questions pass every rule (min ${request.minPass}).`);
      return EXIT_BELOW_FLOOR;
    }
    return 0;
  }
  const config = configWithFolders({ corpus: request.corpus, index: request.index }, io.env);
  const logger = createCliLogger(config.logLevel, stderr);
  if (request.command === 'eval') {
    const { report, mode } = await runEvaluation(request, config, (c) => Desk.open(c, { logger, onProgress: progressPrinter(stderr) }));
    printSafe(stdout, request.json ? JSON.stringify({ ...report, mode, file: request.file }, null, 2) : renderEvalText(report, mode));
    const failures = floorFailures(report, request);
    if (failures.length > 0) {
      printSafe(stderr, `Retrieval below its floor: ${failures.join('; ')}.`);
      return EXIT_BELOW_FLOOR;
    }
    return 0;
  }
  const desk = await Desk.open(config, { logger, onProgress: progressPrinter(stderr), rebuild: request.command === 'ingest' });
  const bold = emphasis(stdout.isTTY === true && !request.json);
  const locale = config.locale;
  const print = (json: unknown, text: () => string): void => {
    printSafe(stdout, request.json ? JSON.stringify(json, null, 2) : text());
  };
  try {
    switch (request.command) {
      case 'ingest': {
        const report = desk.openingReport;
        if (report === null) throw new Error('ingest finished without a report');
        if (request.json) printSafe(stdout, JSON.stringify(report));
        else {
          const { articles, passages, added, changed, removed, unchanged, embedded } = report;
          const mode = text(locale, report.mode === 'hybrid' ? 'modeHybrid' : 'modeLexical');
          printSafe(stdout, text(locale, 'cliIngested', { articles, passages, added, changed, removed, unchanged, embedded, mode, seconds: report.millis / 1000 }));
          for (const warning of report.warnings) printSafe(stdout, text(locale, 'cliWarning', { warning }));
        }
        return 0;
      }
      case 'ask': {
        if (request.batch !== undefined) {
          const answers = await answerAll(desk, await readQuestionFile(request.batch), request.k);
          for (const answer of answers) printSafe(stdout, request.json ? JSON.stringify(answer) : 'error' in answer ? `${answer.question}\n  ${answer.error.message}` : renderAskText(answer, locale, bold));
          return 0;
        }
        const answer = await desk.ask(request.question ?? '', { k: request.k });
        print(answer, () => renderAskText(answer, locale, bold));
        return 0;
      }
      case 'quiz': {
        const quiz = await desk.quiz({ n: request.n, seed: request.seed, kinds: request.kinds, topic: request.topic });
        print(quiz, () => renderQuizText(quiz, locale));
        return quiz.shortfall === undefined ? 0 : EXIT_THIN_MATERIAL;
      }
      case 'timeline': {
        const timeline = await desk.timeline({ from: request.from, to: request.to, topic: request.topic });
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

/** Runs one command line; returns its exit code. Never throws: errors are printed to `io.stderr`. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await run(parseCliArgs(argv), io);
  } catch (error) {
    const locale = localeOfEnvironment(io.env);
    if (isUserError(error)) {
      printSafe(io.stderr, text(locale, 'cliError', { error: userErrorText(cliReader(locale), error) }));
      return EXIT_USER_ERROR;
    }
    printSafe(io.stderr, text(locale, 'internalError'));
    printSafe(io.stderr, error instanceof Error ? error.stack ?? error.message : String(error));
    return EXIT_BUG;
  }
}
