/** What `ask` returns: plain data that every adapter renders (CLI JSON, console, Discord). */
import type { AbstentionSignals } from './abstention.js';

export interface Citation {
  docId: string;
  title: string;
  /** Comma-joined sources of the article, or null. */
  source: string | null;
  date: string | null;
}

export interface AnswerPassage {
  passageId: string;
  docId: string;
  title: string;
  source: string | null;
  date: string | null;
  /** The passage's sentences, with the sentence before it and the one after it in the article (where there are). */
  text: string;
  /** Sentences of `text` (verbatim) that best answer the question, in passage order. */
  highlights: string[];
  /** Fused relevance, higher is better, in [0, 1]. */
  score: number;
  /** Every article that carries this passage (near-duplicates collapsed); the first is the passage's own. */
  citations: Citation[];
}

export interface AskResult {
  question: string;
  abstained: boolean;
  /** How well the best passage matches the question, in [0, 1] (its coverage, or the vector relevance). */
  relevance: number;
  /** How sure the abstention model is that the corpus answers the question, in [0, 1]; below its floor the answer abstains. */
  confidence: number;
  /** What that confidence was read from. */
  signals: AbstentionSignals;
  passages: AnswerPassage[];
  /** When abstaining: topics the briefing does cover, to suggest to the user. */
  suggestions: string[];
  /** Retrieval mode actually used: `hybrid` with vectors, `lexical` without the model. */
  mode: 'hybrid' | 'lexical';
}

export interface AskOptions {
  /** Passages to return (default 5). */
  k?: number;
  /** Skip this many ranked passages first (paging). */
  offset?: number;
  /**
   * The text names a topic (`/summary`, quiz and timeline topics), not a question: several words
   * are one phrase a passage must hold whole (`Black Death` is not `death`).
   */
  topic?: boolean;
}

/** What building or updating the index did (what `ingest` and `/reindex` report). */
export interface IngestReport {
  articles: number;
  passages: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  embedded: number;
  mode: 'hybrid' | 'lexical';
  warnings: string[];
  millis: number;
}
