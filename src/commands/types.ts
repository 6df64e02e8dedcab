/** The shape of a slash command: its registration data and its handler, in one file each. */
import type { ButtonInteraction, ChatInputCommandInteraction, Client, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Logger } from 'pino';
import type { Desk } from '../briefing/desk.js';
import type { AskSessions } from '../bot/ask-sessions.js';
import type { Locale } from '../messages/index.js';
import type { Config } from '../config.js';

/** How the dispatcher acknowledges before running the handler: not at all, or a (public / ephemeral) deferred reply. */
export type DeferMode = 'none' | 'public' | 'ephemeral';

export interface CommandContext {
  desk: Desk;
  config: Readonly<Config>;
  logger: Logger;
  /** The language of the user who invoked the command. */
  locale: Locale;
  client: Client;
  askSessions: AskSessions;
  /** Every command the dispatcher handles (what `/help` lists). */
  commands: readonly Command[];
}

export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Decided per interaction (e.g. `/ask private:true` defers ephemerally). */
  defer: DeferMode | ((interaction: ChatInputCommandInteraction) => DeferMode);
  /** Whether the per-user cooldown (ASK_COOLDOWN_SECONDS) applies. */
  cooldown?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  /** Buttons whose custom_id starts with `<componentPrefix>:` go to `handleComponent`, after an ephemeral defer. */
  componentPrefix?: string;
  handleComponent?(button: ButtonInteraction, ctx: CommandContext): Promise<void>;
}
