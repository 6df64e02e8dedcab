/** Dated expressions, resolved dates and events: the data behind the timeline and the quiz. */

import type { CalendarPrecision } from '../text/index.js';

/** `decade`: `YYYY` is its first year (`1990` for the 1990s); `century`: `YYYY` is its first hundred (`1600` for the 17th century). */
export type DatePrecision = CalendarPrecision;

/**
 * How a date was resolved:
 * - `explicit`: the text gives every part at the stated precision (`15/8/2025`, `tháng 6/2024`, `năm 2026`);
 * - `publication`: a missing year (or a relative expression) taken from the article's publication date;
 * - `inferred`: the article has no publication date, so the year (or anchor) was inferred from its other dated
 *   mentions or from the rest of the corpus.
 */
export type DateResolution = 'explicit' | 'publication' | 'inferred';

export interface ResolvedDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, matching `precision`. */
  value: string;
  precision: DatePrecision;
  /** For a span of years (`from 2015 to 2017`, `1654-57`): its last year; `value` is the first. */
  until?: string;
  resolution: DateResolution;
  /** The expression as the article gave it, e.g. `hôm 3/12`. */
  text: string;
  /** Offsets of `text` in `Article.raw`. */
  start: number;
  end: number;
}

export interface EventCitation {
  docId: string;
  title: string;
  date: string | null;
  passageId: string;
  /** The sentence as this article wrote it. */
  sentence: string;
}

export interface BriefingEvent {
  id: string;
  date: string;
  precision: DatePrecision;
  /** The last year of a span of years (`date` is the first). */
  until?: string;
  resolution: DateResolution;
  /** The date as the (first) article gave it. */
  dateText: string;
  /** Short label, e.g. `Putin gặp Witkoff và Kushner tại Điện Kremlin`. */
  label: string;
  /** The sentence (or clause) of the first citation. */
  sentence: string;
  citations: EventCitation[];
  /** People and organisations the event names. */
  actors: string[];
}

export interface TimelineRequest {
  /** Inclusive bounds, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

export interface TimelineResult {
  events: BriefingEvent[];
}
