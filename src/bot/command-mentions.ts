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
import { COMMAND_WORDS } from '../messages/commands.js';
import { COMMAND_REFS, commandPath, type Locale, type Reader } from '../messages/index.js';

/** Where the commands are registered: one server's when a dev guild is set, else the application's (global). */
export function registeredCommandsRoute(applicationId: string, guildId: string | null): `/${string}` {
  return guildId === null ? Routes.applicationCommands(applicationId) : Routes.applicationGuildCommands(applicationId, guildId);
}

/** The ids Discord gave the registered commands, by their (English) name. */
export class CommandIds {
  private readonly ids = new Map<string, string>();

  learn(commands: Iterable<Pick<APIApplicationCommand, 'name' | 'id'>>): void {
    for (const { name, id } of commands) this.ids.set(name, id);
  }

  /** Asks Discord for the registered commands (`npm run deploy:commands` put them there). */
  async fetch(rest: REST, applicationId: string, guildId: string | null): Promise<void> {
    this.learn((await rest.get(registeredCommandsRoute(applicationId, guildId))) as APIApplicationCommand[]);
  }

  of(name: string): string | undefined {
    return this.ids.get(name);
  }
}

/** A Discord user reading in `locale`: the catalogue's words, and its commands named as above. */
export function discordReader(locale: Locale, ids: CommandIds): Reader {
  return {
    locale,
    command(ref) {
      const [top] = COMMAND_REFS[ref];
      const id = locale === 'en' ? ids.of(COMMAND_WORDS[top].name.en) : undefined;
      // `</name subcommand:id>`: Discord's mention of a chat command, its path as registered.
      return id === undefined ? commandPath(ref, locale) : `<${commandPath(ref, 'en')}:${id}>`;
    },
  };
}
