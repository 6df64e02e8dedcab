/** Which of the bot's languages a user reads: from their Discord locale, or from the console's environment. */
import type { Locale } from './define.js';

function fromTag(tag: string | null | undefined): Locale {
  return tag?.trim().toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** Discord locales (`vi`, `en-US`, `fr`, …) to a language the bot speaks; English for any other. */
export function localeOfDiscord(discordLocale: string | null | undefined): Locale {
  return fromTag(discordLocale);
}

/**
 * The console's language, from the first set of LC_ALL, LC_MESSAGES and LANG (POSIX's order for
 * messages): `vi_VN.UTF-8` is Vietnamese; anything else, or nothing, English.
 */
export function localeOfEnvironment(env: { LC_ALL?: string | undefined; LC_MESSAGES?: string | undefined; LANG?: string | undefined }): Locale {
  return fromTag(env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}
