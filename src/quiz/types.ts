/** Quiz questions generated from the briefing: plain data, the same for CLI, console and Discord. */

export const QUESTION_KINDS = ['when', 'what', 'who', 'how_many', 'who_said', 'which_first'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface QuestionSource {
  docId: string;
  title: string;
  date: string | null;
  /** The passage that answers the question, verbatim. */
  text: string;
  /** The sentence of that passage the question is built from, verbatim. */
  sentence: string;
}

export interface QuizQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  /** Exactly four, all different. */
  choices: [string, string, string, string];
  answerIndex: 0 | 1 | 2 | 3;
  /** One line shown at the reveal. */
  explanation: string;
  source: QuestionSource;
  /** Identifies the fact asked, so no two questions of a quiz ask the same one. */
  factKey: string;
  /**
   * Other sentences of the briefing that tell what this question shows (the same event as another article
   * or sentence reports it): a question built on one of them would be answered by this one.
   */
  retold?: string[];
}

export interface QuizRequest {
  n?: number;
  /** Replays a quiz; without one, each quiz draws a fresh seed (returned in the result). */
  seed?: string | number;
  kinds?: QuestionKind[];
  /** Restrict to events/passages about a topic (through retrieval). */
  topic?: string;
  /**
   * What the channel's recent games showed (their source sentences, event choices and retellings, `shownTexts`):
   * the quiz asks nothing that shows them again, and is short when that leaves fewer questions; only when it
   * leaves none does it start over. An input like the seed: the same seed and the same texts give the same quiz.
   */
  avoid?: readonly string[];
}

/** What the briefing was too thin for. */
export interface QuizShortfall {
  /** The questions asked for (more than the quiz has, or as many). */
  asked: number;
  /** Kinds asked for that the briefing has no material for: no question of them could be made. */
  kinds: QuestionKind[];
  /** Fewer questions because the channel's recent games showed the rest of what the briefing holds (more articles make more). */
  usedUp?: boolean;
  /** The channel's recent games showed everything the briefing holds: this game asks from all of it again. */
  startedOver?: boolean;
}

export interface QuizResult {
  /** The seed this quiz was made with: the same seed (and briefing) gives the same quiz. */
  seed: string;
  questions: QuizQuestion[];
  /** Set when the material is thin: fewer questions than asked, or a kind asked for with nothing to ask it from. */
  shortfall?: QuizShortfall;
}
