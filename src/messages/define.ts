/**
 * How a message is declared: its parameters with their types, and its text in every language
 * the bot speaks. A language missing from a message, a parameter a text uses without declaring
 * it, or a caller passing the wrong parameters is a compile error; `tests/messages` checks the
 * rest (every text shows every declared parameter).
 */

export const LOCALES = ['en', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

/** What a parameter holds; a number is formatted by the text itself (decimals differ by language). */
export type ParamKind = 'string' | 'number';
export type ParamSpec = Readonly<Record<string, ParamKind>>;
export type ParamsOf<S extends ParamSpec> = { readonly [P in keyof S]: S[P] extends 'number' ? number : string };

export interface MessageDef<S extends ParamSpec> {
  readonly params: S;
  readonly texts: { readonly [L in Locale]: (params: ParamsOf<S>) => string };
}

type NoParams = Record<never, ParamKind>;

/** A message without parameters. */
export function words(texts: { readonly [L in Locale]: string }): MessageDef<NoParams> {
  return { params: {}, texts: { en: () => texts.en, vi: () => texts.vi } };
}

/** A message with typed parameters; each language's text is a function of them. */
export function template<const S extends ParamSpec>(params: S, texts: { readonly [L in Locale]: (params: ParamsOf<S>) => string }): MessageDef<S> {
  return { params, texts };
}

const NUMBER_LOCALES: Readonly<Record<Locale, string>> = { en: 'en-GB', vi: 'vi-VN' };

/** A number as the language writes it (`2.5` / `2,5`, `12,000` / `12.000`), with a fixed count of decimals. */
export function formatNumber(locale: Locale, value: number, decimals = 0): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}
