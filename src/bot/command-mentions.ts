/**
 * The commands the bot's messages point to, as each Discord reader sees them. Every name comes
 * from the command words the commands are registered with (src/messages/commands.ts). An English
 * reader gets a clickable mention (`</feed list:id>`) once Discord's id for the command is known.
 * A reader of another language gets the name their own client shows (`/nguon_tin danh_sach`):
 * Discord draws a mention exactly as it is written and opens the command only from its default,
 * English name, so a mention would either show them the English name or not open at all
 * (discord/discord-api-docs issues 5518, 5462 and 7309).
 */
import { Routes, type APIApplicationCommand, type REST } from 'discord.js';
import type { Config } from '../config.js';
import { COMMAND_WORDS } from '../messages/commands.js';
import { COMMAND_REFS, commandPath, type Locale, type Reader } from '../messages/index.js';

/**
 * Where the commands are registered: in each server of DISCORD_GUILD_IDS (and DISCORD_GUILD_ID) when
 * any is set, since the bot answers only there and Discord shows a server's commands at once (a
 * global change takes up to an hour to reach every client); else once, globally (`null`).
 */
export function registrationScopes(config: Pick<Config, 'discordGuildIds'>): ReadonlyArray<string | null> {
  return config.discordGuildIds.length === 0 ? [null] : config.discordGuildIds;
}

/** The route of the commands registered in one server, or the application's global ones (`null`). */
export function registeredCommandsRoute(applicationId: string, guildId: string | null): `/${string}` {
  return guildId === null ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId);
}

/** The ids Discord gave the registered commands, by server (a command registered in each has an id in each) and name. */
export class CommandIds {
  private readonly ids = new Map<string, string>();

  learn(commands: Iterable<Pick<APIApplicationCommand, 'name' | 'id'>>, guildId: string | null = null): void {
    for (const { name, id } of commands) this.ids.set(`${guildId ?? ''}/${name}`, id);
  }

  /** Asks Discord for the commands registered where `npm run deploy:commands` put them; a scope Discord cannot answer for is passed over. */
  async fetch(rest: REST, applicationId: string, scopes: ReadonlyArray<string | null>): Promise<Array<{ guildId: string | null; error: unknown }>> {
    const failures: Array<{ guildId: string | null; error: unknown }> = [];
    for (const guildId of scopes) {
      try {
        this.learn((await rest.get(registeredCommandsRoute(applicationId, guildId))) as APIApplicationCommand[], guildId);
      } catch (error) {
        failures.push({ guildId, error });
      }
    }
    return failures;
  }

  /** The id of the command `name` as a user in `guildId` sees it: that server's own, else the global one. */
  of(name: string, guildId: string | null = null): string | undefined {
    return (guildId === null ? undefined : this.ids.get(`${guildId}/${name}`)) ?? this.ids.get(`/${name}`);
  }
}

/** A Discord user reading in `locale` in server `guildId`: the catalogue's words, and its commands named as above. */
export function discordReader(locale: Locale, ids: CommandIds, guildId: string | null = null): Reader {
  return {
    locale,
    command(ref) {
      const [top] = COMMAND_REFS[ref];
      const id = locale === 'en' ? ids.of(COMMAND_WORDS[top].name.en, guildId) : undefined;
      // `</name subcommand:id>`: Discord's mention of a chat command, its path as registered.
      return id === undefined ? commandPath(ref, locale) : `<${commandPath(ref, 'en')}:${id}>`;
    },
  };
}
