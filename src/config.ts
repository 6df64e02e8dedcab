/**
 * Configuration, parsed once from the environment with zod. Nothing else reads process.env.
 * Empty strings count as unset; every problem is listed at once.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_ARTICLE_BYTES } from './corpus/limits.js';
import { ERROR_CODES, UserError } from './errors.js';
import { localeOfEnvironment, type Locale } from './messages/index.js';

export const DEFAULT_MODEL_ID = 'Xenova/multilingual-e5-small';

const BYTES_PER_MB = 1024 * 1024;

const emptyAsUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalString = z.preprocess(emptyAsUndefined, z.string().trim().optional());
const SNOWFLAKE = /^\d{17,20}$/;
const SNOWFLAKE_RULE = 'must be a Discord snowflake (17 to 20 digits)';
const snowflake = z.preprocess(emptyAsUndefined, z.string().regex(SNOWFLAKE, SNOWFLAKE_RULE).optional());
/** A list of snowflakes separated by commas or spaces. */
const snowflakes = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/[\s,]+/u).filter((id) => id !== '') : value),
  z.array(z.string().regex(SNOWFLAKE, `each id ${SNOWFLAKE_RULE}`)).default([]),
);
const booleanFlag = (fallback: boolean) =>
  z.preprocess(emptyAsUndefined, z.enum(['1', '0', 'true', 'false', 'yes', 'no']).optional())
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes'].includes(v)));

const schema = z.object({
  CORPUS_DIR: z.preprocess(emptyAsUndefined, z.string().default('corpus')),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('data')),
  INDEX_DIR: optionalString,
  MAX_ARTICLE_MB: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(1024).default(DEFAULT_MAX_ARTICLE_BYTES / BYTES_PER_MB)),
  MODELS_DIR: optionalString,
  EMBEDDING_MODEL: z.preprocess(emptyAsUndefined, z.string().default(DEFAULT_MODEL_ID)),
  EMBEDDING_DTYPE: z.preprocess(emptyAsUndefined, z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4']).default('q8')),
  ALLOW_MODEL_DOWNLOAD: booleanFlag(false),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_GUILD_IDS: snowflakes,
  DISCORD_API_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  ASK_COOLDOWN_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(0).max(3600).default(5)),
  FETCH_ALLOW_PRIVATE_HOSTS: booleanFlag(false),
  FETCH_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(300).default(15)),
  FETCH_MAX_MEGABYTES: z.preprocess(emptyAsUndefined, z.coerce.number().min(0.1).max(100).default(2)),
  FEED_POLL_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(24 * 60).default(30)),
  LC_ALL: optionalString,
  LC_MESSAGES: optionalString,
  LANG: optionalString,
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

export interface Config {
  corpusDir: string;
  dataDir: string;
  indexDir: string;
  /** Corpus files larger than this are skipped with a warning. */
  maxArticleBytes: number;
  modelsDir: string;
  embeddingModel: string;
  embeddingDtype: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
  allowModelDownload: boolean;
  discordToken: string | null;
  discordApplicationId: string | null;
  /** The servers the bot serves and registers its commands in (DISCORD_GUILD_IDS and DISCORD_GUILD_ID); empty: every server it is in, commands global. */
  discordGuildIds: readonly string[];
  discordApiUrl: string | null;
  askCooldownSeconds: number;
  /** Lifts the rule that fetches only reach public addresses (tests, private deployments). */
  fetchAllowPrivateHosts: boolean;
  /** One deadline for a whole fetch, redirects included. */
  fetchTimeoutMs: number;
  /** The largest page, feed or file fetched, after decompression. */
  fetchMaxBytes: number;
  /** Where articles added from Discord or the console are written: inside the corpus, so a restart, /reindex and the CLI see them. */
  addedDir: string;
  /** Where removed added articles are moved (kept, not deleted). */
  removedArticlesDir: string;
  /** The feeds followed, with what each poll has taken in. */
  feedsFile: string;
  feedPollMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The CLI/console user's language for the bot's own words, from LC_ALL / LC_MESSAGES / LANG. */
  locale: Locale;
  /** Where `/ask` feedback (helpful / not helpful) is appended, JSON lines. */
  feedbackFile: string;
  /** SQLite file for quiz games and scores. */
  quizDbFile: string;
}

/** `dir` with symbolic links resolved as far as it exists (the rest may not exist yet). */
function resolveExisting(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    const parent = path.dirname(dir);
    return parent === dir ? dir : path.join(resolveExisting(parent), path.basename(dir));
  }
}

function isSameOrInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The index folder is replaced whole by each build, so it may not be the data folder (quiz
 * scores, feedback), the corpus, or a folder holding either.
 */
function checkIndexPlacement(indexDir: string, folders: ReadonlyArray<{ dir: string; what: 'DATA_DIR' | 'CORPUS_DIR' }>): void {
  const index = resolveExisting(indexDir);
  for (const { dir, what } of folders) {
    if (!isSameOrInside(resolveExisting(dir), index)) continue;
    throw new UserError(ERROR_CODES.INDEX_DIR_REFUSED, resolveExisting(dir) === index ? 'indexIsOtherFolder' : 'indexHoldsOtherFolder', { dir: indexDir, other: dir, what });
  }
}

export function parseConfig(env: Readonly<Record<string, string | undefined>>): Readonly<Config> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new UserError(ERROR_CODES.CONFIG_INVALID, 'configInvalid', { detail: problems.join('\n  ') });
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const corpusDir = path.resolve(e.CORPUS_DIR);
  const indexDir = path.resolve(e.INDEX_DIR ?? path.join(dataDir, 'index'));
  checkIndexPlacement(indexDir, [{ dir: dataDir, what: 'DATA_DIR' }, { dir: corpusDir, what: 'CORPUS_DIR' }]);
  return Object.freeze({
    corpusDir,
    dataDir,
    indexDir,
    maxArticleBytes: Math.round(e.MAX_ARTICLE_MB * BYTES_PER_MB),
    modelsDir: path.resolve(e.MODELS_DIR ?? 'models'),
    embeddingModel: e.EMBEDDING_MODEL,
    embeddingDtype: e.EMBEDDING_DTYPE,
    allowModelDownload: e.ALLOW_MODEL_DOWNLOAD,
    discordToken: e.DISCORD_TOKEN ?? null,
    discordApplicationId: e.DISCORD_APPLICATION_ID ?? null,
    discordGuildIds: Object.freeze([...new Set([...e.DISCORD_GUILD_IDS, ...(e.DISCORD_GUILD_ID === undefined ? [] : [e.DISCORD_GUILD_ID])])]),
    discordApiUrl: e.DISCORD_API_URL ?? null,
    askCooldownSeconds: e.ASK_COOLDOWN_SECONDS,
    fetchAllowPrivateHosts: e.FETCH_ALLOW_PRIVATE_HOSTS,
    fetchTimeoutMs: e.FETCH_TIMEOUT_SECONDS * 1000,
    fetchMaxBytes: Math.round(e.FETCH_MAX_MEGABYTES * BYTES_PER_MB),
    addedDir: path.join(corpusDir, 'added'),
    removedArticlesDir: path.join(dataDir, 'removed-articles'),
    feedsFile: path.join(dataDir, 'feeds.json'),
    feedPollMs: e.FEED_POLL_MINUTES * 60_000,
    logLevel: e.LOG_LEVEL,
    locale: localeOfEnvironment(e),
    feedbackFile: path.join(dataDir, 'feedback.jsonl'),
    quizDbFile: path.join(dataDir, 'quiz.sqlite'),
  });
}

/** The configuration with the corpus and index folders given on the command line (`--corpus`, `--index`) in place of CORPUS_DIR and INDEX_DIR. */
export function configWithFolders(folders: { corpus?: string | undefined; index?: string | undefined }, env: Readonly<Record<string, string | undefined>> = process.env): Readonly<Config> {
  return parseConfig({
    ...env,
    ...(folders.corpus === undefined ? {} : { CORPUS_DIR: folders.corpus }),
    ...(folders.index === undefined ? {} : { INDEX_DIR: folders.index }),
  });
}

/** The user's language even when the rest of the configuration is invalid (to say so in their language). */
export function environmentLocale(): Locale {
  return localeOfEnvironment(process.env);
}

let cached: Readonly<Config> | undefined;

/** The process configuration, parsed on first use. */
export function loadConfig(): Readonly<Config> {
  cached ??= parseConfig(process.env);
  return cached;
}
