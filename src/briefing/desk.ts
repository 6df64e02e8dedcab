/**
 * The briefing desk: the one object adapters talk to. It owns the loaded index and the
 * embedder, and swaps in a rebuilt index only once it is complete, so answers keep coming
 * from the old index while a reindex runs.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { ArticleMeta } from '../corpus/types.js';
import { ERROR_CODES, UserError, isUserError } from '../errors.js';
import { extractEvents } from '../events/extract.js';
import { buildTimeline } from '../events/timeline.js';
import type { BriefingEvent, TimelineRequest, TimelineResult } from '../events/types.js';
import { generateQuiz } from '../quiz/generate.js';
import type { QuizRequest, QuizResult } from '../quiz/types.js';
import { answerQuestion } from '../retrieval/ask.js';
import { loadEmbedder, type LoadedEmbedder } from '../retrieval/embedder.js';
import { tidyIndexFolder } from '../retrieval/index-folder.js';
import { buildIndex, isIndexCurrent, openIndex, type BuildOptions, type IngestProgress, type StoredIndex } from '../retrieval/index-store.js';
import type { AskOptions, AskResult } from '../retrieval/types.js';
import { summarize } from './summary.js';
import type { BriefingDesk, DeskStatus, IngestReport, SummaryRequest, SummaryResult } from './types.js';

/** Passages retrieved to scope a quiz to a topic. */
const QUIZ_TOPIC_PASSAGES = 10;

export interface OpenDeskOptions {
  logger?: Logger;
  onProgress?: (progress: IngestProgress) => void;
  /** Rebuild the index even when an up-to-date one exists (the CLI's `ingest`). */
  rebuild?: boolean;
  /** How long an update at opening waits for another writer before answering from the index as it was (default LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

/** Where an index build reads and writes, and what it tells the log on the way. */
function writeOptions(config: Readonly<Config>, logger: Logger | undefined): Pick<BuildOptions, 'corpusDir' | 'indexDir' | 'maxArticleBytes' | 'onStep' | 'onWait'> {
  return {
    corpusDir: config.corpusDir,
    maxArticleBytes: config.maxArticleBytes,
    indexDir: config.indexDir,
    onStep: (step, detail) => logger?.debug({ step, detail, dir: config.indexDir }, 'index write'),
    onWait: () => logger?.info({ dir: config.indexDir }, 'another Briefbot process is updating the index; waiting for it'),
  };
}

/** The desk's answering core; summaries, timeline and quiz build on the same index. */
export class Desk implements BriefingDesk {
  private reindexing: Promise<IngestReport> | null = null;
  /** Events of each loaded index, extracted on first use. */
  private readonly eventsByIndex = new WeakMap<StoredIndex, BriefingEvent[]>();

  private constructor(
    private readonly config: Readonly<Config>,
    private readonly model: LoadedEmbedder,
    private current: StoredIndex,
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
    if (model.warning !== null) logger?.warn({ model: config.embeddingModel }, model.warning);
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
    } else await tidyIndexFolder(config.indexDir);
    return new Desk(config, model, index, report, logger, options.onProgress);
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

  timeline(request: TimelineRequest = {}): TimelineResult {
    return buildTimeline(this.events(), request);
  }

  /** A quiz from the briefing's events and passages; a topic restricts it to what retrieval finds on it. */
  async quiz(request: QuizRequest = {}): Promise<QuizResult> {
    const index = this.current;
    let passageFilter: ((passageId: string) => boolean) | undefined;
    const topic = request.topic?.trim();
    if (topic !== undefined && topic !== '') {
      const found = await this.ask(topic, { k: QUIZ_TOPIC_PASSAGES }, index);
      if (found.abstained) {
        throw new UserError(ERROR_CODES.NOT_ENOUGH_MATERIAL, 'quizTopicNothing', { topic });
      }
      const ids = new Set(found.passages.map((p) => p.passageId));
      passageFilter = (id) => ids.has(id);
    }
    return generateQuiz({ events: this.events(index), articles: [...index.articles.values()], passages: index.passages, passageFilter }, request);
  }

  summary(request: SummaryRequest): Promise<SummaryResult> {
    const index = this.current;
    return summarize(request, {
      articles: [...index.articles.values()],
      passages: [...index.passages],
      events: this.events(index),
      retrieve: (topic, k) => this.ask(topic, { k }, index),
    });
  }

  sources(): ArticleMeta[] {
    return [...this.current.articles.values()].map(({ raw: _raw, sentences: _sentences, captions: _captions, ...meta }) => meta);
  }

  status(): DeskStatus {
    return {
      mode: this.model.embedder === null ? 'lexical' : 'hybrid',
      modelId: this.config.embeddingModel,
      modelWarning: this.model.warning,
      articles: this.current.articles.size,
      passages: this.current.passages.length,
      reindexing: this.reindexing !== null,
    };
  }

  async reindex(): Promise<IngestReport> {
    if (this.reindexing !== null) throw new UserError(ERROR_CODES.REINDEX_RUNNING, 'reindexRunning');
    this.reindexing = buildIndex({ ...writeOptions(this.config, this.logger), embedder: this.model.embedder, onProgress: this.onProgress })
      .then(({ index, report }) => {
        this.current = index;
        return report;
      });
    try {
      return await this.reindexing;
    } finally {
      this.reindexing = null;
    }
  }

  async close(): Promise<void> {
    await this.reindexing?.catch(() => undefined);
  }
}
