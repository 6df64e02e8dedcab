/** Summaries, and the desk: the one object every adapter talks to. */
import type { ArticleMeta } from '../corpus/types.js';
import type { AskOptions, AskResult, Citation, IngestReport } from '../retrieval/types.js';
import type { TimelineRequest, TimelineResult } from '../events/types.js';
import type { QuizRequest, QuizResult } from '../quiz/types.js';

/** What an ingest did: counted by the index builder (src/retrieval), reported by the desk. */
export type { IngestReport };

export interface SummaryRequest {
  topic?: string;
  /** docId or unique prefix. */
  article?: string;
  /** 3 to 7, default 5. */
  sentences?: number;
}

/** The timeline between two dates (inclusive, any precision), optionally about one topic. */
export interface TimelineQuery extends TimelineRequest {
  topic?: string;
}

export interface SummarySentence {
  /** Verbatim from every cited article (trimmed only at sentence or clause boundaries). */
  text: string;
  citations: Array<Pick<Citation, 'docId' | 'title' | 'date'> & { source: string | null }>;
}

export interface SummaryResult {
  topic: string | null;
  scope: 'briefing' | 'topic' | 'article';
  sentences: SummarySentence[];
}


export interface DeskStatus {
  mode: 'hybrid' | 'lexical';
  modelId: string;
  /** Why the model is not in use, when it is not. */
  modelWarning: string | null;
  articles: number;
  passages: number;
  reindexing: boolean;
}

/** The briefing desk. Adapters (CLI, console, Discord) only ever call this. */
export interface BriefingDesk {
  ask(question: string, options?: AskOptions): Promise<AskResult>;
  summary(request: SummaryRequest): Promise<SummaryResult>;
  timeline(query: TimelineQuery): Promise<TimelineResult>;
  /** Names the briefing covers, most articles first (what autocomplete offers as topics). */
  topics(): string[];
  quiz(request: QuizRequest): Promise<QuizResult>;
  sources(): ArticleMeta[];
  status(): DeskStatus;
  /** Re-ingest the corpus; until it finishes, every call is served from the previous index. */
  reindex(): Promise<IngestReport>;
  close(): Promise<void>;
}
