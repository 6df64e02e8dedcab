/** What every question kind's builder reads and returns. */
import type { Article, Passage } from '../../corpus/types.js';
import type { BriefingEvent } from '../../events/types.js';
import type { PeopleIndex } from '../people.js';
import type { Quotation } from '../quotations.js';
import type { Random } from '../random.js';
import type { Language } from '../../text/index.js';
import type { LabelReading } from './event-choices.js';
import type { QuestionKind, QuestionSource, QuizQuestion } from '../types.js';

/** The briefing as the builders see it, computed once per quiz. */
export interface QuizMaterial extends LabelReading {
  /** The corpus language: the questions' own words are in it. */
  lang: Language;
  /** Every event of the briefing (distractors may come from any). */
  allEvents: readonly BriefingEvent[];
  /** Events whose first citation the quiz may ask about. */
  events: readonly BriefingEvent[];
  articles: readonly Article[];
  /** Passages the quiz may ask about. */
  passages: readonly Passage[];
  people: PeopleIndex;
  /** Quotations whose speaker is certain, in passages the quiz may ask about. */
  quotations: readonly Quotation[];
  /** The latest publication date of the briefing (`YYYY-MM-DD`): events after it are still ahead, and asked about as such. */
  latestDate: string | null;
  /** The latest year the briefing's events or articles speak of: no decade or century offered lies beyond it. */
  latestYear: number;
  /** Articles on the same story as `docId` (itself included): they name many of the same people and places. */
  relatedArticles(docId: string): ReadonlySet<string>;
  /**
   * An article as a reveal names it: its title, whole or cut at a word with `…` where the file's title
   * is its opening cut mid-word (`… (intercep`), and its date as the corpus language writes it (empty when none).
   */
  citedAs(docId: string): { title: string; date: string };
  /** The cited passage and the sentence of it a question is built from. */
  sourceOf(passageId: string, sentence: string): QuestionSource | null;
}

/** One question a kind could ask; `build` draws its distractors and may still find it cannot. */
export interface Candidate {
  kind: QuestionKind;
  factKey: string;
  build(random: Random): Omit<QuizQuestion, 'id'> | null;
}

export type KindBuilder = (material: QuizMaterial) => Candidate[];
