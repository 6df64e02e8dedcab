/** One builder per question kind; the compiler checks that every kind has one. */
import type { QuestionKind } from '../types.js';
import { howManyQuestions } from './how-many.js';
import type { KindBuilder } from './types.js';
import { whatQuestions } from './what.js';
import { whenQuestions } from './when.js';
import { whichFirstQuestions } from './which-first.js';
import { whoQuestions } from './who.js';
import { whoSaidQuestions } from './who-said.js';

export const KIND_BUILDERS: Readonly<Record<QuestionKind, KindBuilder>> = {
  when: whenQuestions,
  what: whatQuestions,
  who: whoQuestions,
  how_many: howManyQuestions,
  who_said: whoSaidQuestions,
  which_first: whichFirstQuestions,
};
