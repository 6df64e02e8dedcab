import { commandPath, messageText, type Message, type MessageArgs, type MessageKey, type Reader } from './messages/index.js';

/**
 * One catalogue of error codes, so logs and tests match on a code rather than on prose.
 * A UserError is something the user can fix (bad input, missing corpus); its message
 * (src/messages) is shown to them in their language. Any other Error is a bug: logged in full,
 * and the user only sees a generic apology.
 */
export const ERROR_CODES = {
  EMPTY_QUESTION: 'EMPTY_QUESTION',
  QUESTION_TOO_LONG: 'QUESTION_TOO_LONG',
  CORPUS_MISSING: 'CORPUS_MISSING',
  CORPUS_EMPTY: 'CORPUS_EMPTY',
  ARTICLE_NOT_FOUND: 'ARTICLE_NOT_FOUND',
  ARTICLE_AMBIGUOUS: 'ARTICLE_AMBIGUOUS',
  INDEX_CORRUPT: 'INDEX_CORRUPT',
  INDEX_MODEL_MISMATCH: 'INDEX_MODEL_MISMATCH',
  INDEX_DIR_REFUSED: 'INDEX_DIR_REFUSED',
  INDEX_LOCKED: 'INDEX_LOCKED',
  NO_SPACE: 'NO_SPACE',
  BAD_DATE: 'BAD_DATE',
  BAD_OPTION: 'BAD_OPTION',
  BAD_BATCH_FILE: 'BAD_BATCH_FILE',
  NOT_ENOUGH_MATERIAL: 'NOT_ENOUGH_MATERIAL',
  MISSING_PERMISSION: 'MISSING_PERMISSION',
  COOLDOWN: 'COOLDOWN',
  QUIZ_ALREADY_RUNNING: 'QUIZ_ALREADY_RUNNING',
  QUIZ_NOT_RUNNING: 'QUIZ_NOT_RUNNING',
  QUIZ_ENDED: 'QUIZ_ENDED',
  NOT_QUIZ_HOST: 'NOT_QUIZ_HOST',
  REINDEX_RUNNING: 'REINDEX_RUNNING',
  CONFIG_INVALID: 'CONFIG_INVALID',
  OTHER_TEAM: 'OTHER_TEAM',
  FOREIGN_BUTTON: 'FOREIGN_BUTTON',
  URL_INVALID: 'URL_INVALID',
  FETCH_BLOCKED: 'FETCH_BLOCKED',
  FETCH_FAILED: 'FETCH_FAILED',
  FETCH_TIMEOUT: 'FETCH_TIMEOUT',
  FETCH_TOO_LARGE: 'FETCH_TOO_LARGE',
  FETCH_BAD_TYPE: 'FETCH_BAD_TYPE',
  ATTACHMENT_HOST: 'ATTACHMENT_HOST',
  FILE_TYPE_UNSUPPORTED: 'FILE_TYPE_UNSUPPORTED',
  FILE_NOT_TEXT: 'FILE_NOT_TEXT',
  FILE_UNREADABLE: 'FILE_UNREADABLE',
  NO_ARTICLE_TEXT: 'NO_ARTICLE_TEXT',
  PAGE_TOO_SLOW: 'PAGE_TOO_SLOW',
  ARTICLE_DUPLICATE: 'ARTICLE_DUPLICATE',
  ARTICLE_NOT_ADDED: 'ARTICLE_NOT_ADDED',
  FEED_INVALID: 'FEED_INVALID',
  FEED_DUPLICATE: 'FEED_DUPLICATE',
  FEED_NOT_FOUND: 'FEED_NOT_FOUND',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** An error the user caused and can fix: a code to match on, and a message with typed parameters to show. */
export class UserError<K extends MessageKey = MessageKey> extends Error {
  override readonly name = 'UserError';
  /** What to tell the user, in their language (`userErrorText`); `message` holds it in English for logs. */
  readonly userMessage: Message;

  constructor(
    readonly code: ErrorCode,
    key: K,
    ...args: MessageArgs<K>
  ) {
    const userMessage = { key, params: args[0] ?? {} } as Message;
    super(messageText(LOG_READER, userMessage));
    this.userMessage = userMessage;
  }
}

/** Logs are in English, naming commands as Discord's English readers find them. */
const LOG_READER: Reader = { locale: 'en', command: (ref) => commandPath(ref, 'en') };

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A UserError's words in the reader's language. */
export function userErrorText(reader: Reader, error: UserError): string {
  return messageText(reader, error.userMessage);
}
