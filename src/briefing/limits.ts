/**
 * What the desk accepts, declared once for every adapter: Discord's option limits, the console's
 * and the command line's checks all come from here.
 */
export { MAX_K as ASK_PASSAGES_MAX, QUESTION_MAX_CHARS } from '../retrieval/ask.js';
export { QUIZ_DEFAULT_QUESTIONS, QUIZ_MAX_QUESTIONS } from '../quiz/generate.js';
export { SUMMARY_MAX_SENTENCES, SUMMARY_MIN_SENTENCES } from './summary.js';

export const ASK_PASSAGES_MIN = 1;
/** Passages an answer shows first (the next come on request): three keep a Discord answer within about one screen. */
export const ASK_PASSAGES_DEFAULT = 3;
/** A topic is a few words to retrieve on; longer text is a question for /ask. */
export const TOPIC_MAX_CHARS = 200;
/** An article is named by its id (about 20 characters) or a prefix of it; Discord caps choice values at 100. */
export const ARTICLE_REF_MAX_CHARS = 100;
/** A timeline bound is YYYY, YYYY-MM or YYYY-MM-DD: ten characters. */
export const DATE_BOUND_MAX_CHARS = 10;
export const QUIZ_MIN_QUESTIONS = 1;
/** Seconds per quiz question: ten is about the least to read a question and four choices; two minutes keeps a game moving. */
export const QUIZ_SECONDS_MIN = 10;
export const QUIZ_SECONDS_MAX = 120;
export const QUIZ_SECONDS_DEFAULT = 20;
/** A seed typed back to replay a quiz: drawn seeds are six characters; a word of one's own fits in thirty-two. */
export const QUIZ_SEED_MAX_CHARS = 32;
