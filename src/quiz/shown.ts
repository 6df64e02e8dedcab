/**
 * What a question shows a player by its reveal that another question could be answered from: the sentence
 * it is built on, and the event labels it offers as choices (`which came first` prints every choice's date at
 * its reveal; a `what happened` choice is one of the events a later question may ask about), and the other
 * sentences that tell the same (`retold`). A quiz, and a channel's next games, show each of these once.
 */
import type { QuizQuestion } from './types.js';

/** Kinds whose four choices are event labels. */
const EVENT_CHOICE_KINDS: ReadonlySet<QuizQuestion['kind']> = new Set(['what', 'which_first']);

export function shownTexts(q: Pick<QuizQuestion, 'kind' | 'choices' | 'source' | 'retold'>): string[] {
  return [q.source.sentence, ...(EVENT_CHOICE_KINDS.has(q.kind) ? q.choices : []), ...(q.retold ?? [])];
}
