/**
 * Slash command names, descriptions and choices in every language the bot speaks, from the
 * words in src/messages/commands.ts: `localised(option, 'askQuestion')` sets the English name
 * and description Discord registers, and the Vietnamese it shows a Vietnamese client.
 */
import { Locale as DiscordLocale, type APIApplicationCommandOptionChoice, type LocalizationMap } from 'discord.js';
import { COMMAND_WORDS, type CommandWordKey } from '../messages/commands.js';
import type { ParamSpec, ParamsOf } from '../messages/define.js';
import { text, type Locale, type MessageArgs, type PlainMessageKey } from '../messages/index.js';

/** The Discord locale each non-default language is registered under (English is Discord's default). */
const DISCORD_LOCALES: { readonly [L in Exclude<Locale, 'en'>]: DiscordLocale } = { vi: DiscordLocale.Vietnamese };

function localizations(of: (locale: Locale) => string): LocalizationMap {
  return Object.fromEntries(Object.entries(DISCORD_LOCALES).map(([locale, discord]) => [discord, of(locale as Locale)]));
}

type DescriptionSpec<K extends CommandWordKey> = (typeof COMMAND_WORDS)[K]['description']['params'];
type ParamlessWordKey = { [K in CommandWordKey]: keyof DescriptionSpec<K> extends never ? K : never }[CommandWordKey];
type DescriptionArgs<K extends CommandWordKey> = [K] extends [ParamlessWordKey] ? [] : [params: ParamsOf<DescriptionSpec<K>>];

interface NameAndDescription<B> {
  setName(name: string): B;
  setNameLocalizations(localizedNames: LocalizationMap | null): B;
  setDescription(description: string): B;
  setDescriptionLocalizations(localizedDescriptions: LocalizationMap | null): B;
}

/** A command, subcommand or option builder named and described in every language. */
export function localised<B extends NameAndDescription<B>, K extends CommandWordKey>(builder: B, key: K, ...args: DescriptionArgs<K>): B {
  const words = COMMAND_WORDS[key];
  const describe = words.description.texts as Readonly<Record<Locale, (params: ParamsOf<ParamSpec>) => string>>;
  const params = args[0] ?? {};
  return builder
    .setName(words.name.en)
    .setNameLocalizations(localizations((locale) => words.name[locale]))
    .setDescription(describe.en(params))
    .setDescriptionLocalizations(localizations((locale) => describe[locale](params)));
}

/** The name a reader of `locale` sees of a registered command, subcommand or option. */
export function localisedName(item: { name: string; name_localizations?: LocalizationMap | null }, locale: Locale): string {
  return locale === 'en' ? item.name : (item.name_localizations?.[DISCORD_LOCALES[locale]] ?? item.name);
}

/** The description a reader of `locale` sees of a registered command, subcommand or option. */
export function localisedDescription(item: { description: string; description_localizations?: LocalizationMap | null }, locale: Locale): string {
  return locale === 'en' ? item.description : (item.description_localizations?.[DISCORD_LOCALES[locale]] ?? item.description);
}

/** A fixed choice of an option, its name in every language. */
export function localisedChoice<K extends PlainMessageKey, V extends string>(key: K, value: V, ...args: MessageArgs<K>): APIApplicationCommandOptionChoice<V> {
  return { name: text('en', key, ...args), name_localizations: localizations((locale) => text(locale, key, ...args)), value };
}
