/**
 * Every word the bot, the console and the command line say, in English and Vietnamese, from one
 * catalogue with typed parameters: `text('vi', 'sourcesTitle', { n: 5 })`. Adding a message: put
 * it in the part it belongs to (or a new part listed below), with a text for every language.
 */
import { BRIEFING_MESSAGES } from './briefing.js';
import { COMMON_MESSAGES } from './common.js';
import { CONSOLE_MESSAGES } from './console.js';
import type { Locale, ParamSpec, ParamsOf } from './define.js';
import { ERROR_MESSAGES } from './errors.js';
import { INTAKE_MESSAGES } from './intake.js';
import { QUIZ_MESSAGES } from './quiz.js';
import { SAFETY_MESSAGES } from './safety.js';

export { LOCALES, formatNumber, type Locale } from './define.js';
export { localeOfDiscord, localeOfEnvironment } from './locale.js';

/** The parts of the catalogue; a key must be unique across them (a test checks it). */
export const MESSAGE_PARTS = [COMMON_MESSAGES, BRIEFING_MESSAGES, QUIZ_MESSAGES, CONSOLE_MESSAGES, ERROR_MESSAGES, INTAKE_MESSAGES, SAFETY_MESSAGES] as const;

export const MESSAGES = {
  ...COMMON_MESSAGES,
  ...BRIEFING_MESSAGES,
  ...QUIZ_MESSAGES,
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

/** The message `key` in `locale`, its parameters filled in. */
export function text<K extends MessageKey>(locale: Locale, key: K, ...args: MessageArgs<K>): string {
  const texts = MESSAGES[key].texts as Readonly<Record<Locale, (params: ParamsOf<ParamSpec>) => string>>;
  return texts[locale](args[0] ?? {}).normalize('NFC');
}

/** A message held as data (a UserError's) in `locale`. */
export function messageText(locale: Locale, message: Message): string {
  const texts = MESSAGES[message.key].texts as Readonly<Record<Locale, (params: ParamsOf<ParamSpec>) => string>>;
  return texts[locale](message.params).normalize('NFC');
}
