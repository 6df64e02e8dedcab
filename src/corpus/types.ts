/**
 * The data that ingestion produces and every later stage reads.
 * All offsets are UTF-16 code-unit offsets into `Article.raw` (the NFC-normalised file
 * text, front matter included), so `article.raw.slice(s.start, s.end) === s.text` holds
 * for every sentence, caption and passage: a citation can always be traced back.
 */

export interface ArticleMeta {
  /** File name without extension, e.g. `002_f4125744e7e531c3`. Commands accept any unique prefix (`002`). */
  docId: string;
  /** Path relative to the corpus folder. */
  file: string;
  title: string;
  /** ISO date `YYYY-MM-DD` of publication, or null when the article does not give one. */
  date: string | null;
  /** Where `date` came from; `dateline-inferred`: a wire dateline's day, its year taken from the corpus. */
  dateSource: 'front-matter' | 'dateline' | 'dateline-inferred' | null;
  /** A wire dateline's day without its year, kept for the corpus to date (inferDatelineYears). */
  datelineDay?: { month: number; day: number };
  /** Wire agencies / outlets named by the article (`Reuters`, `RT`, `Baothanhhoa.vn`), in order, deduplicated. */
  sources: string[];
  author: string | null;
  url: string | null;
  /** sha256 of the raw file bytes: what incremental re-ingest compares. */
  contentHash: string;
}

export interface Sentence {
  /** Position of the sentence within its article (0-based, body sentences only). */
  index: number;
  text: string;
  start: number;
  end: number;
  /** Index of the body paragraph it belongs to. */
  paragraph: number;
}

export interface Caption {
  text: string;
  start: number;
  end: number;
}

export interface Article extends ArticleMeta {
  /** NFC-normalised file text. Offsets everywhere point into this. */
  raw: string;
  /** Body sentences in reading order: no title, captions, bylines, source lines or page furniture. */
  sentences: Sentence[];
  /** Photo captions, kept apart from the body. */
  captions: Caption[];
}

export interface Passage {
  /** Stable id: `${docId}#${ordinal}` where ordinal counts passages within the article; stable while the article is unchanged. */
  id: string;
  docId: string;
  /** Sentences joined by a single space (paragraph breaks become a space too). */
  text: string;
  /** Span in `Article.raw` from the first sentence's start to the last sentence's end. */
  start: number;
  end: number;
  /** The sentences of the passage (offsets into the article, as everywhere). */
  sentences: Sentence[];
}

export interface IngestWarning {
  file: string;
  code: 'NOT_UTF8' | 'BINARY' | 'EMPTY' | 'UNREADABLE' | 'FRONT_MATTER' | 'TOO_LARGE' | 'VANISHED' | 'CHANGED' | 'UNPARSABLE';
  message: string;
}

export interface LoadedCorpus {
  articles: Article[];
  warnings: IngestWarning[];
  /** Every corpus file (articles and skipped files) → the fingerprint of what was read (corpusFingerprints'). */
  sourceFiles: Record<string, string>;
}
