/**
 * How a message is declared: its parameters with their types, and its text in every language
 * the bot speaks. A language missing from a message, a parameter a text uses without declaring
 * it, or a caller passing the wrong parameters is a compile error; `tests/messages` checks the
 * rest (every text shows every declared parameter).
 */
import type { CommandRef } from './commands.js';

export const LOCALES = ['en', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

/** What a parameter holds; a number is formatted by the text itself (decimals differ by language). */
export type ParamKind = 'string' | 'number';
export type ParamSpec = Readonly<Record<string, ParamKind>>;
export type ParamsOf<S extends ParamSpec> = { readonly [P in keyof S]: S[P] extends 'number' ? number : string };

/**
 * How a text writes a command it points its reader to. The words around it are the catalogue's;
 * the command is the surface's: on Discord the name the reader's client shows (or a clickable
 * mention), in the console `/sources`, on the command line `npm run cli -- sources`.
 */
export type CommandNamer = (ref: CommandRef) => string;

/** Who a text is written for: their language, and how the surface they read it on names commands. */
export interface Reader {
  readonly locale: Locale;
  readonly command: CommandNamer;
}

export type Text<S extends ParamSpec> = (params: ParamsOf<S>, command: CommandNamer) => string;

export interface MessageDef<S extends ParamSpec, C extends boolean = boolean> {
  readonly params: S;
  /** Whether its texts name commands: then it can only be put into words for a `Reader`, never for a bare language. */
  readonly namesCommands: C;
  readonly texts: { readonly [L in Locale]: Text<S> };
}

type NoParams = Record<never, ParamKind>;

/** A message without parameters. */
export function words(texts: { readonly [L in Locale]: string }): MessageDef<NoParams, false> {
  return { params: {}, namesCommands: false, texts: { en: () => texts.en, vi: () => texts.vi } };
}

/** A message with typed parameters; each language's text is a function of them. */
export function template<const S extends ParamSpec>(params: S, texts: { readonly [L in Locale]: (params: ParamsOf<S>) => string }): MessageDef<S, false> {
  return { params, namesCommands: false, texts };
}

/**
 * A message that points its reader to commands: each text names them through `command('sources')`
 * and never writes a command name itself, so that every surface shows its own.
 */
export function withCommands<const S extends ParamSpec>(params: S, texts: { readonly [L in Locale]: Text<S> }): MessageDef<S, true> {
  return { params, namesCommands: true, texts };
}

const NUMBER_LOCALES: Readonly<Record<Locale, string>> = { en: 'en-GB', vi: 'vi-VN' };

/** A number as the language writes it (`2.5` / `2,5`, `12,000` / `12.000`), with a fixed count of decimals. */
export function formatNumber(locale: Locale, value: number, decimals = 0): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}
