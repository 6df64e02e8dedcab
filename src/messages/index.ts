/**
 * Every word the bot, the console and the command line say, in English and Vietnamese, from one
 * catalogue with typed parameters: `text('vi', 'sourcesTitle', { n: 5 })`. Adding a message: put
 * it in the part it belongs to (or a new part listed below), with a text for every language.
 */
import { BRIEFING_MESSAGES } from './briefing.js';
import { COMMON_MESSAGES } from './common.js';
import { CONSOLE_MESSAGES } from './console.js';
import type { CommandNamer, Locale, ParamSpec, ParamsOf, Reader } from './define.js';
import { ERROR_MESSAGES } from './errors.js';
import { INTAKE_MESSAGES } from './intake.js';
import { QUESTION_MESSAGES } from './questions.js';
import { QUIZ_MESSAGES } from './quiz.js';
import { SAFETY_MESSAGES } from './safety.js';

export { LOCALES, formatNumber, type CommandNamer, type Locale, type Reader } from './define.js';
export { COMMAND_REFS, commandPath, type CommandRef } from './commands.js';
export { localeOfDiscord, localeOfEnvironment } from './locale.js';

/** The parts of the catalogue; a key must be unique across them (a test checks it). */
export const MESSAGE_PARTS = [COMMON_MESSAGES, BRIEFING_MESSAGES, QUIZ_MESSAGES, QUESTION_MESSAGES, CONSOLE_MESSAGES, ERROR_MESSAGES, INTAKE_MESSAGES, SAFETY_MESSAGES] as const;

export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...BRIEFING_MESSAGES,
  ...QUIZ_MESSAGES,
  ...QUESTION_MESSAGES,
  ...CONSOLE_MESSAGES,
  ...ERROR_MESSAGES,
  ...INTAKE_MESSAGES,
  ...SAFETY_MESSAGES,
} as const;

export type MessageKey = keyof typeof MESSAGES;
type SpecOf<K extends MessageKey> = (typeof MESSAGES)[K]['params'];
export type MessageParams<K extends MessageKey> = ParamsOf<SpecOf<K>>;
type ParamlessKey = { [K in MessageKey]: keyof SpecOf<K> extends never ? K : never }[MessageKey];
/** No argument for a message without parameters, else exactly its parameters (also when `K` is a union of keys). */
export type MessageArgs<K extends MessageKey> = [K] extends [ParamlessKey] ? [] : [params: MessageParams<K>];

/** A message with its parameters, to be put into words later (in whichever language the reader has). */
export type Message = { [K in MessageKey]: { key: K; params: MessageParams<K> } }[MessageKey];

type NamesCommands<K extends MessageKey> = (typeof MESSAGES)[K]['namesCommands'];
/** The messages a bare language is enough for: those that name no command. */
export type PlainMessageKey = { [K in MessageKey]: NamesCommands<K> extends false ? K : never }[MessageKey];

/** A text without command names is never asked to name one (the types see to it). */
const NO_COMMANDS: CommandNamer = (ref) => {
  throw new Error(`a message written for a bare language named the command ${ref}`);
};

function write(reader: Locale | Reader, key: MessageKey, params: ParamsOf<ParamSpec>): string {
  const texts = MESSAGES[key].texts as Readonly<Record<Locale, (params: ParamsOf<ParamSpec>, command: CommandNamer) => string>>;
  const { locale, command } = typeof reader === 'string' ? { locale: reader, command: NO_COMMANDS } : reader;
  return texts[locale](params, command).normalize('NFC');
}

/**
 * The message `key` for `reader`, its parameters filled in. A bare language is enough unless the
 * message names a command, which only a `Reader` (language and surface) can say.
 */
export function text<K extends PlainMessageKey>(reader: Locale | Reader, key: K, ...args: MessageArgs<K>): string;
export function text<K extends MessageKey>(reader: Reader, key: K, ...args: MessageArgs<K>): string;
export function text<K extends MessageKey>(reader: Locale | Reader, key: K, ...args: MessageArgs<K>): string {
  return write(reader, key, args[0] ?? {});
}

/** A message held as data (a UserError's) for `reader`. */
export function messageText(reader: Reader, message: Message): string {
  return write(reader, message.key, message.params);
}
