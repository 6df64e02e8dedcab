/** Parsing of `npm run cli -- <command> …` arguments into a typed request: no I/O here. */
import { parseArgs } from 'node:util';
import { ERROR_CODES, UserError } from '../errors.js';
import { parseKindsOption } from '../quiz/kind-names.js';
import type { QuestionKind } from '../quiz/types.js';
import { ASK_PASSAGES_DEFAULT, ASK_PASSAGES_MAX, ASK_PASSAGES_MIN, QUIZ_DEFAULT_QUESTIONS, QUIZ_MAX_QUESTIONS, QUIZ_MIN_QUESTIONS, SUMMARY_MAX_SENTENCES, SUMMARY_MIN_SENTENCES } from '../briefing/limits.js';

/** `eval` ranks ten passages per question by default: MRR@10 needs them. */
const EVAL_DEFAULT_K = 10;
/** quiz-check's quizzes per run: 20 seeds of 10 questions take a few seconds on the demo; more is for a patient run. */
export const QUIZ_CHECK_DEFAULT_SEEDS = 20;
export const QUIZ_CHECK_MAX_SEEDS = 1000;

interface Common {
  corpus?: string;
  index?: string;
  json: boolean;
}

export type CliRequest =
  | ({ command: 'help' } & Common)
  | ({ command: 'ingest' } & Common)
  | ({ command: 'ask'; question?: string; batch?: string; k: number } & Common)
  | ({ command: 'eval'; file: string; k: number; unanswerable: boolean; splitHalf: boolean; minHitAt3?: number; minHitAt5?: number; minMrr?: number; minAbstained?: number } & Common)
  | ({ command: 'summary'; topic?: string; article?: string; sentences?: number } & Common)
  | ({ command: 'summary-eval'; file: string; sentences?: number; minCoverage?: number } & Common)
  | ({ command: 'timeline'; from?: string; to?: string; topic?: string } & Common)
  | ({ command: 'quiz'; n: number; seed?: string; kinds?: QuestionKind[]; topic?: string } & Common)
  | ({ command: 'quiz-check'; n: number; seeds: number; minPass?: number } & Common)
  | ({ command: 'sources' } & Common);

const OPTIONS = {
  corpus: { type: 'string' },
  index: { type: 'string' },
  json: { type: 'boolean', default: false },
  k: { type: 'string' },
  batch: { type: 'string' },
  article: { type: 'string' },
  from: { type: 'string' },
  n: { type: 'string' },
  seed: { type: 'string' },
  kinds: { type: 'string' },
  topic: { type: 'string' },
  to: { type: 'string' },
  sentences: { type: 'string' },
  'min-hit-at-3': { type: 'string' },
  'min-hit-at-5': { type: 'string' },
  'min-abstained': { type: 'string' },
  unanswerable: { type: 'boolean', default: false },
  'split-half': { type: 'boolean', default: false },
  'min-mrr': { type: 'string' },
  'min-coverage': { type: 'string' },
  seeds: { type: 'string' },
  'min-pass': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function integerOption(name: string, raw: string | undefined, min: number, max: number, fallback: number): number;
function integerOption(name: string, raw: string | undefined, min: number, max: number): number | undefined;
function integerOption(name: string, raw: string | undefined, min: number, max: number, fallback?: number): number | undefined {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError(ERROR_CODES.BAD_OPTION, 'optionRange', { option: `--${name}`, min, max, value: raw });
  }
  return value;
}

function fractionOption(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new UserError(ERROR_CODES.BAD_OPTION, 'optionFraction', { option: `--${name}`, value: raw });
  }
  return value;
}

export function parseCliArgs(argv: readonly string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(ERROR_CODES.BAD_OPTION, 'badArguments', { detail: (error as Error).message });
  }
  const { values: v, positionals } = parsed;
  const [command, ...rest] = positionals;
  const common: Common = { corpus: v.corpus, index: v.index, json: v.json };
  const text = rest.join(' ').trim();
  if (v.help || command === undefined || command === 'help') return { command: 'help', ...common };
  switch (command) {
    case 'ingest':
    case 'sources':
      return { command, ...common };
    case 'ask':
      if (v.batch === undefined && text === '') {
        throw new UserError(ERROR_CODES.EMPTY_QUESTION, 'optionMissing', { option: 'question', usage: 'npm run cli -- ask "What did Ushakov say about NATO?"' });
      }
      return { command, ...common, question: v.batch === undefined ? rest.join(' ') : undefined, batch: v.batch, k: integerOption('k', v.k, ASK_PASSAGES_MIN, ASK_PASSAGES_MAX, ASK_PASSAGES_DEFAULT) };
    case 'eval':
      if (text === '') throw new UserError(ERROR_CODES.BAD_OPTION, 'optionMissing', { option: 'FILE.jsonl', usage: 'npm run cli -- eval FILE.jsonl' });
      if (v.unanswerable && v['split-half']) throw new UserError(ERROR_CODES.BAD_OPTION, 'evalSplitWithUnanswerable');
      return {
        command, ...common, file: text, k: integerOption('k', v.k, ASK_PASSAGES_MIN, ASK_PASSAGES_MAX, EVAL_DEFAULT_K), unanswerable: v.unanswerable, splitHalf: v['split-half'],
        minHitAt3: fractionOption('min-hit-at-3', v['min-hit-at-3']), minHitAt5: fractionOption('min-hit-at-5', v['min-hit-at-5']),
        minMrr: fractionOption('min-mrr', v['min-mrr']), minAbstained: fractionOption('min-abstained', v['min-abstained']),
      };
    case 'quiz':
      return { command, ...common, n: integerOption('n', v.n, QUIZ_MIN_QUESTIONS, QUIZ_MAX_QUESTIONS, QUIZ_DEFAULT_QUESTIONS), seed: v.seed, kinds: parseKindsOption('--kinds', v.kinds), topic: v.topic };
    case 'quiz-check':
      return {
        command, ...common, n: integerOption('n', v.n, QUIZ_MIN_QUESTIONS, QUIZ_MAX_QUESTIONS, QUIZ_DEFAULT_QUESTIONS),
        seeds: integerOption('seeds', v.seeds, 1, QUIZ_CHECK_MAX_SEEDS, QUIZ_CHECK_DEFAULT_SEEDS), minPass: fractionOption('min-pass', v['min-pass']),
      };
    case 'timeline':
      return { command, ...common, from: v.from, to: v.to, topic: v.topic ?? (text === '' ? undefined : text) };
    case 'summary':
      return { command, ...common, topic: text === '' ? undefined : text, article: v.article, sentences: integerOption('sentences', v.sentences, SUMMARY_MIN_SENTENCES, SUMMARY_MAX_SENTENCES) };
    case 'summary-eval':
      if (text === '') throw new UserError(ERROR_CODES.BAD_OPTION, 'optionMissing', { option: 'FILE.json', usage: 'npm run cli -- summary-eval FILE.json' });
      return { command, ...common, file: text, sentences: integerOption('sentences', v.sentences, SUMMARY_MIN_SENTENCES, SUMMARY_MAX_SENTENCES), minCoverage: fractionOption('min-coverage', v['min-coverage']) };
    default:
      throw new UserError(ERROR_CODES.BAD_OPTION, 'cliUnknownCommand', { command });
  }
}

export const CLI_USAGE = `Briefbot command line

  npm run cli -- ingest [--corpus DIR] [--index DIR]
  npm run cli -- ask "question" [--k N] [--json]
  npm run cli -- ask --batch FILE.jsonl --json
  npm run cli -- eval FILE.jsonl [--k N] [--json] [--unanswerable | --split-half]
                 [--min-hit-at-3 X] [--min-hit-at-5 X] [--min-mrr X] [--min-abstained X]
  npm run cli -- summary [topic] [--article ID] [--sentences 3-7] [--json]
  npm run cli -- summary-eval FACTS.json [--sentences 3-7] [--json] [--min-coverage X]
  npm run cli -- timeline [topic] [--from DATE] [--to DATE] [--json]
  npm run cli -- quiz [--n N] [--seed S] [--kinds when,what,who,how_many,who_said,which_first] [--topic T] [--json]
  npm run cli -- quiz-check [--corpus DIR] [--n N] [--seeds K] [--json] [--min-pass X]
  npm run cli -- sources [--json]

--corpus and --index default to CORPUS_DIR and INDEX_DIR, then to corpus/ and data/index.
DATE is YYYY, YYYY-MM or YYYY-MM-DD.`;
