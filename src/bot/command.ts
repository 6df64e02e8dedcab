/**
 * What a slash command is to the dispatcher: its registration data and its handlers, one file
 * each under src/commands. The dispatcher passes every service a handler needs in the context.
 */
import type { ApplicationCommandOptionChoiceData, ButtonInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Logger } from 'pino';
import type { BriefingDesk } from '../briefing/types.js';
import type { Config } from '../config.js';
import type { Locale, Reader } from '../messages/index.js';
import type { FeedbackStore } from './feedback.js';
import type { Precondition } from './preconditions.js';
import type { BotSessions } from './sessions.js';
import type { QuizServices } from './quiz-service.js';
import type { IntakeServices } from '../intake/services.js';

/** How the dispatcher acknowledges before running the handler: not at all, or a (public / ephemeral) deferred reply. */
export type DeferMode = 'none' | 'public' | 'ephemeral';

export interface CommandContext {
  desk: BriefingDesk;
  quiz: QuizServices;
  /** Adding articles and following feeds. */
  intake: IntakeServices;
  config: Readonly<Config>;
  logger: Logger;
  /** The language of the user who invoked the command. */
  locale: Locale;
  /** That user as a reader of messages that name commands (`reader.locale` is `locale`). */
  reader: Reader;
  /** What the buttons of earlier answers refer to. */
  sessions: BotSessions;
  /** Helpful / Not helpful votes on answers. */
  feedback: FeedbackStore;
  /** Every command the dispatcher handles (what `/help` lists). */
  commands: readonly Command[];
}

/** The option a user is typing in, for autocomplete. */
export interface FocusedOption {
  /** The server it is typed in (null in a direct message): what belongs to a server is offered only there. */
  guildId: string | null;
  subcommand: string | null;
  name: string;
  value: string;
}

export type AutocompleteChoice = ApplicationCommandOptionChoiceData<string>;

export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Decided per interaction (e.g. `/ask private:true` defers ephemerally). */
  defer: DeferMode | ((interaction: ChatInputCommandInteraction) => DeferMode);
  /** Whether the per-user cooldown (ASK_COOLDOWN_SECONDS) applies. */
  cooldown?: boolean;
  /** Checks the dispatcher runs, after the global ones, before this command's handlers and its buttons'. */
  preconditions?: readonly Precondition[];
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  /** The choices for an option declared with autocomplete; the dispatcher trims them to Discord's limits. */
  autocomplete?(focused: FocusedOption, ctx: CommandContext): Promise<AutocompleteChoice[]>;
  /** Buttons whose custom_id starts with `<componentPrefix>:` go to `handleComponent`. */
  componentPrefix?: string;
  /** How a click is acknowledged first: a private reply to the clicker (default), or an update of the message clicked (paging). */
  componentDefer?: 'ephemeral' | 'update';
  handleComponent?(button: ButtonInteraction, ctx: CommandContext): Promise<void>;
}
