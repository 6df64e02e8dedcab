/**
 * The briefing desk: the one object adapters talk to. It owns the loaded index and the
 * embedder, and swaps in a rebuilt index only once it is complete, so answers keep coming
 * from the old index while a reindex runs.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Article, ArticleMeta } from '../corpus/types.js';
import { ERROR_CODES, UserError, isUserError } from '../errors.js';
import { extractEvents } from '../events/extract.js';
import { buildTimeline } from '../events/timeline.js';
import type { BriefingEvent, TimelineResult } from '../events/types.js';
import { generateQuiz } from '../quiz/generate.js';
import type { QuizRequest, QuizResult } from '../quiz/types.js';
import { MAX_K, answerQuestion } from '../retrieval/ask.js';
import { corpusTopics } from '../retrieval/suggest.js';
import { announceModelWarning, loadEmbedder, type LoadedEmbedder } from '../retrieval/embedding-model.js';
import { tidyIndexFolder, withIndexWriter } from '../retrieval/index-folder.js';
import { buildIndex, isIndexCurrent, openIndex, type BuildOptions, type IngestProgress, type StoredIndex } from '../retrieval/index-store.js';
import type { AskOptions, AskResult } from '../retrieval/types.js';
import { summarize } from './summary.js';
import type { BriefingDesk, DeskStatus, IngestReport, SummaryRequest, SummaryResult, TimelineQuery } from './types.js';

/** Passages retrieved to scope a quiz or a timeline to a topic: the most an answer ranks (MAX_K). */
const TOPIC_PASSAGES = MAX_K;
/** Names offered as topics (autocomplete filters them as the user types): enough to reach names a few articles share. */
const TOPICS_LISTED_MAX = 200;

export interface OpenDeskOptions {
  logger?: Logger;
  onProgress?: (progress: IngestProgress) => void;
  /** Rebuild the index even when an up-to-date one exists (the CLI's `ingest`). */
  rebuild?: boolean;
  /**
   * How long opening waits for another writer (default LOCK_WAIT_MS): to update the index (then it
   * answers from the index as it was), or to clear what a killed writer left (then it leaves that).
   */
  lockWaitMs?: number;
}

/** Where an index build reads and writes, and what it tells the log on the way. */
function writeOptions(config: Readonly<Config>, logger: Logger | undefined): Pick<BuildOptions, 'corpusDir' | 'indexDir' | 'maxArticleBytes' | 'onStep' | 'onWait'> {
  return {
    corpusDir: config.corpusDir,
    maxArticleBytes: config.maxArticleBytes,
    indexDir: config.indexDir,
    onStep: (step, detail) => logger?.debug({ step, detail, dir: config.indexDir }, `index write: ${step}${detail === undefined ? '' : ` ${detail}`}`),
    onWait: () => logger?.info({ dir: config.indexDir }, 'another Briefbot process is updating the index; waiting for it'),
  };
}

/** The desk's answering core; summaries, timeline and quiz build on the same index. */
export class Desk implements BriefingDesk {
  /** The last index write asked for (reindex or corpus change); each waits for the one before. */
  private writing: Promise<unknown> = Promise.resolve();
  private pendingWrites = 0;
  private reindexing = false;
  /** Events of each loaded index, extracted on first use. */
  private readonly eventsByIndex = new WeakMap<StoredIndex, BriefingEvent[]>();
  /** The articles of each loaded index as one array: the quiz works out its view of a briefing once per array. */
  private readonly articlesByIndex = new WeakMap<StoredIndex, Article[]>();

  private constructor(
    private readonly config: Readonly<Config>,
    private readonly model: LoadedEmbedder,
    private current: StoredIndex,
    /** Whether the current index was read from the corpus as it is now (not kept outdated because another writer held the lock). */
    private currentIsFresh: boolean,
    /** The report of the ingest this desk ran on opening, if it ran one. */
    readonly openingReport: IngestReport | null,
    private readonly logger: Logger | undefined,
    private readonly onProgress?: (progress: IngestProgress) => void,
  ) {}

  static async open(config: Readonly<Config>, options: OpenDeskOptions = {}): Promise<Desk> {
    const { logger } = options;
    const model = await loadEmbedder({
      modelId: config.embeddingModel,
      dtype: config.embeddingDtype,
      modelsDir: config.modelsDir,
      allowDownload: config.allowModelDownload,
    });
    if (logger !== undefined) announceModelWarning(model, (warning) => logger.warn({ model: config.embeddingModel }, warning));
    let index: StoredIndex | null = null;
    let outdated: StoredIndex | null = null;
    if (options.rebuild !== true) {
      try {
        index = await openIndex(config.indexDir, { modelId: model.embedder === null ? null : model.modelId });
        if (index !== null && !(await isIndexCurrent(index, config.corpusDir, config))) {
          logger?.info({ corpus: config.corpusDir }, 'the corpus or the rules that read it changed since the last ingest; updating the index');
          outdated = index;
          index = null;
        }
      } catch (error) {
        if (!isUserError(error) || error.code === ERROR_CODES.CORPUS_MISSING || error.code === ERROR_CODES.INDEX_DIR_REFUSED) throw error;
        logger?.warn({ code: error.code }, error.message);
      }
    }
    let report: IngestReport | null = null;
    if (index === null) {
      try {
        const built = await buildIndex({ ...writeOptions(config, logger), embedder: model.embedder, onProgress: options.onProgress, waitMs: options.lockWaitMs });
        index = built.index;
        report = built.report;
        for (const warning of report.warnings) logger?.warn(warning);
      } catch (error) {
        // Another writer at work, or a full disk: the index as it was still answers.
        if (outdated === null || !isUserError(error) || (error.code !== ERROR_CODES.INDEX_LOCKED && error.code !== ERROR_CODES.NO_SPACE)) throw error;
        logger?.warn({ code: error.code }, `${error.message} Answering from the index as it was before the corpus changed.`);
        index = outdated;
      }
    } else await tidyIndexFolder(config.indexDir, { waitMs: options.lockWaitMs, onWait: writeOptions(config, logger).onWait });
    return new Desk(config, model, index, index !== outdated, report, logger, options.onProgress);
  }

  /** The index answers are served from right now. */
  get index(): StoredIndex {
    return this.current;
  }

  ask(question: string, options: AskOptions = {}, index: StoredIndex = this.current): Promise<AskResult> {
    const embedder = this.model.embedder;
    return answerQuestion(question, options, {
      passages: index.passageMap,
      articles: index.articles,
      lexical: index.lexical,
      topics: index.manifest.topics,
      vectorSearch: embedder === null || index.vectors === null ? undefined : index.vectorSearch(embedder),
    });
  }

  /** The dated events of an index (the current one by default). */
  events(index: StoredIndex = this.current): BriefingEvent[] {
    let events = this.eventsByIndex.get(index);
    if (events === undefined) {
      events = extractEvents([...index.articles.values()], index.passages);
      this.eventsByIndex.set(index, events);
    }
    return events;
  }

  /** The passages retrieval finds on a topic (none when it finds nothing), or null when no topic is given. */
  private async topicPassages(topic: string | undefined, index: StoredIndex): Promise<ReadonlySet<string> | null> {
    const wanted = topic?.trim();
    if (wanted === undefined || wanted === '') return null;
    const found = await this.ask(wanted, { k: TOPIC_PASSAGES, topic: true }, index);
    return new Set(found.abstained ? [] : found.passages.map((p) => p.passageId));
  }

  /** Dated events in order; a topic keeps those told in a passage retrieval finds on it. */
  async timeline(query: TimelineQuery = {}): Promise<TimelineResult> {
    const index = this.current;
    const { topic, ...range } = query;
    const timeline = buildTimeline(this.events(index), range);
    const passages = await this.topicPassages(topic, index);
    return passages === null ? timeline : { events: timeline.events.filter((e) => e.citations.some((c) => passages.has(c.passageId))) };
  }

  /** Names the briefing mentions in the most articles first: topics to offer. */
  topics(): string[] {
    return corpusTopics(this.current.passages, TOPICS_LISTED_MAX);
  }

  /** A quiz from the briefing's events and passages; a topic restricts it to what retrieval finds on it. */
  async quiz(request: QuizRequest = {}): Promise<QuizResult> {
    const index = this.current;
    const passages = await this.topicPassages(request.topic, index);
    if (passages !== null && passages.size === 0) throw new UserError(ERROR_CODES.NOT_ENOUGH_MATERIAL, 'quizTopicNothing', { topic: request.topic?.trim() ?? '' });
    const passageFilter = passages === null ? undefined : (id: string): boolean => passages.has(id);
    let articles = this.articlesByIndex.get(index);
    if (articles === undefined) {
      articles = [...index.articles.values()];
      this.articlesByIndex.set(index, articles);
    }
    return generateQuiz({ events: this.events(index), articles, passages: index.passages, passageFilter }, request);
  }

  summary(request: SummaryRequest): Promise<SummaryResult> {
    const index = this.current;
    return summarize(request, {
      articles: [...index.articles.values()],
      passages: [...index.passages],
      events: this.events(index),
      retrieve: (topic, k) => this.ask(topic, { k, topic: true }, index),
    });
  }

  sources(): ArticleMeta[] {
    return [...this.current.sources];
  }

  status(): DeskStatus {
    return {
      mode: this.model.embedder === null ? 'lexical' : 'hybrid',
      modelId: this.config.embeddingModel,
      modelWarning: this.model.warning,
      articles: this.current.articles.size,
      passages: this.current.passageMap.size,
      reindexing: this.pendingWrites > 0,
    };
  }

  /** Re-reads the whole corpus folder (`/reindex`); a second one while one runs is refused. */
  async reindex(): Promise<IngestReport> {
    if (this.reindexing) throw new UserError(ERROR_CODES.REINDEX_RUNNING, 'reindexRunning');
    this.reindexing = true;
    try {
      return (await this.write(async () => undefined, 'full')).report;
    } finally {
      this.reindexing = false;
    }
  }

  /**
   * Changes the corpus (articles added or removed) and brings the index up to date, under one
   * writer lock: `change` runs with the lock held, so no other ingest reads the corpus half
   * changed, then an incremental build is swapped in whole: only the files the current index
   * does not hold are read, and only their passages are indexed and embedded. Answers keep coming
   * from the current index until then. If `change` throws, nothing is built. Changes run one at a
   * time, in the order asked, and after a running reindex.
   */
  update<T>(change: (index: StoredIndex) => Promise<T>): Promise<{ result: T; report: IngestReport }> {
    return this.write(change, 'incremental');
  }

  /** `full` re-reads every corpus file; `incremental` takes the files the current index holds from it, when it is fresh. */
  private write<T>(change: (index: StoredIndex) => Promise<T>, read: 'full' | 'incremental'): Promise<{ result: T; report: IngestReport }> {
    this.pendingWrites++;
    const options = writeOptions(this.config, this.logger);
    const run = this.writing
      .catch(() => undefined)
      .then(() =>
        withIndexWriter(options.indexDir, async (writer) => {
          const result = await change(this.current);
          const base = read === 'incremental' && this.currentIsFresh ? this.current : undefined;
          const { index, report } = await buildIndex({ ...options, embedder: this.model.embedder, onProgress: this.onProgress, writer, base });
          this.current = index;
          this.currentIsFresh = true;
          return { result, report };
        }, { onStep: options.onStep, onWait: options.onWait }),
      )
      .finally(() => {
        this.pendingWrites--;
      });
    this.writing = run;
    return run;
  }

  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
  }
}
