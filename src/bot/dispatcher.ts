/**
 * The one place interactions are handled: route to the command, defer within Discord's
 * 3-second window before any slow work, apply the /ask cooldown, answer autocomplete within
 * Discord's limits, log with context, and turn errors into replies (a UserError's localised
 * words; for anything else an incident id).
 */
import { randomUUID } from 'node:crypto';
import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { BriefingDesk } from '../briefing/types.js';
import type { Config } from '../config.js';
import { fitChoices } from './autocomplete.js';
import type { Command, CommandContext } from './command.js';
import { discordReader, type CommandIds } from './command-mentions.js';
import { ERROR_CODES, UserError, isUserError } from '../errors.js';
import { localeOfDiscord, text, type Reader } from '../messages/index.js';
import { FeedbackStore } from './feedback.js';
import { createSessions } from './sessions.js';
import { Cooldowns } from './cooldown.js';
import type { QuizServices } from './quiz-service.js';
import type { IntakeServices } from '../intake/services.js';
import { renderNotice } from './render/ask.js';
import { safeMessageText } from './render/limits.js';
import { GLOBAL_PRECONDITIONS, type GuardedInteraction, type Precondition } from './preconditions.js';

/**
 * Interaction callbacks share one REST queue and go out one at a time, and the work behind a
 * command (ranking passages) holds the event loop: acknowledgements in flight go first, and
 * slow work waits for them, at most this long.
 */
export const ACK_PRIORITY_MAX_WAIT_MS = 2_000;

/** Runs `checks` in order: the first that fails throws its UserError. */
function checkPreconditions(interaction: GuardedInteraction, ctx: CommandContext, checks: readonly Precondition[]): void {
  for (const check of checks) check(interaction, ctx);
}

/** For autocomplete, which cannot be answered with an error: whether every check passes. */
function passesPreconditions(interaction: GuardedInteraction, ctx: CommandContext, command: Command): boolean {
  try {
    checkPreconditions(interaction, ctx, [...GLOBAL_PRECONDITIONS, ...(command.preconditions ?? [])]);
    return true;
  } catch (error) {
    if (isUserError(error)) return false;
    throw error;
  }
}

export interface DispatcherDeps {
  commands: readonly Command[];
  desk: BriefingDesk;
  quiz: QuizServices;
  intake: IntakeServices;
  config: Readonly<Config>;
  logger: Logger;
  /** What messages need to name the commands as clickable mentions. */
  commandIds: CommandIds;
}

export class Dispatcher {
  private readonly byName: Map<string, Command>;
  private readonly cooldowns: Cooldowns;
  private readonly sessions = createSessions();
  private readonly feedback: FeedbackStore;
  private readonly running = new Set<Promise<void>>();
  private accepting = true;
  private acksInFlight = 0;
  private ackWaiters: Array<() => void> = [];

  constructor(private readonly deps: DispatcherDeps) {
    this.byName = new Map(deps.commands.map((c) => [c.data.name, c]));
    this.cooldowns = new Cooldowns(deps.config.askCooldownSeconds * 1000);
    this.feedback = new FeedbackStore(deps.config.feedbackFile);
  }

  /** The `interactionCreate` listener. */
  readonly onInteraction = (interaction: Interaction): void => {
    const task = this.handle(interaction).finally(() => this.running.delete(task));
    this.running.add(task);
  };

  /** Stop taking interactions (each new one gets a "restarting" note) and wait up to `timeoutMs` for running ones. */
  async drain(timeoutMs: number): Promise<void> {
    this.accepting = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
  }

  private async handle(interaction: Interaction): Promise<void> {
    const locale = localeOfDiscord(interaction.locale);
    const reader = discordReader(locale, this.deps.commandIds, interaction.guildId);
    const ctx: CommandContext = { desk: this.deps.desk, quiz: this.deps.quiz, intake: this.deps.intake, config: this.deps.config, logger: this.deps.logger, locale, reader, sessions: this.sessions, feedback: this.feedback, commands: this.deps.commands };
    if (interaction.isAutocomplete()) {
      await this.runAutocomplete(interaction, ctx);
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    const context = { userId: interaction.user.id, guildId: interaction.guildId, locale: interaction.locale };
    if (!this.accepting) {
      await interaction.reply({ ...renderNotice(text(locale, 'shuttingDown')), flags: MessageFlags.Ephemeral }).catch(() => undefined);
      return;
    }
    try {
      checkPreconditions(interaction, ctx, GLOBAL_PRECONDITIONS);
      if (interaction.isChatInputCommand()) {
        this.deps.logger.info({ command: interaction.commandName, ...context }, 'command');
        await this.runCommand(interaction, ctx);
      } else {
        this.deps.logger.info({ component: interaction.customId, ...context }, 'button');
        await this.runButton(interaction, ctx);
      }
    } catch (error) {
      await this.replyWithError(interaction, error, reader, context);
    }
  }

  private async runCommand(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
    const command = this.byName.get(interaction.commandName);
    if (command === undefined) throw new UserError(ERROR_CODES.BAD_OPTION, 'unknownCommand', { command: interaction.commandName });
    checkPreconditions(interaction, ctx, command.preconditions ?? []);
    if (command.cooldown === true) {
      const leftMs = this.cooldowns.take(interaction.user.id);
      if (leftMs > 0) throw new UserError(ERROR_CODES.COOLDOWN, 'cooldown', { seconds: Math.ceil(leftMs / 1000) });
    }
    const defer = typeof command.defer === 'function' ? command.defer(interaction) : command.defer;
    if (defer !== 'none') await this.acknowledge(() => interaction.deferReply(defer === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {}));
    await this.acksSent();
    await command.execute(interaction, ctx);
  }

  private async runButton(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
    const prefix = interaction.customId.split(':', 1)[0];
    const command = this.deps.commands.find((c) => c.componentPrefix === prefix && c.handleComponent !== undefined);
    if (command?.handleComponent === undefined) throw new UserError(ERROR_CODES.BAD_OPTION, 'unknownCommand', { command: prefix ?? '' });
    checkPreconditions(interaction, ctx, command.preconditions ?? []);
    await this.acknowledge(() => (command.componentDefer === 'update' ? interaction.deferUpdate() : interaction.deferReply({ flags: MessageFlags.Ephemeral })));
    await this.acksSent();
    await command.handleComponent(interaction, ctx);
  }

  /** Choices for the option being typed; never an error reply (Discord shows none), at worst no choices. */
  private async runAutocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
    const command = this.byName.get(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    let choices: ReturnType<typeof fitChoices> = [];
    if (this.accepting && command?.autocomplete !== undefined && passesPreconditions(interaction, ctx, command)) {
      try {
        const found = await command.autocomplete({ guildId: interaction.guildId, subcommand: interaction.options.getSubcommand(false), name: focused.name, value: String(focused.value) }, ctx);
        choices = fitChoices(found);
      } catch (error) {
        this.deps.logger.error({ err: error, command: interaction.commandName, option: focused.name }, 'autocomplete failed');
      }
    }
    await this.acknowledge(() => interaction.respond(choices)).catch((error: unknown) => this.deps.logger.warn({ err: error, command: interaction.commandName }, 'could not answer autocomplete'));
  }

  private async acknowledge(send: () => Promise<unknown>): Promise<void> {
    this.acksInFlight++;
    try {
      await send();
    } finally {
      this.acksInFlight--;
      if (this.acksInFlight === 0) for (const wake of this.ackWaiters.splice(0)) wake();
    }
  }

  /** Resolves once no acknowledgement is in flight (or after ACK_PRIORITY_MAX_WAIT_MS). */
  private acksSent(): Promise<void> {
    if (this.acksInFlight === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ACK_PRIORITY_MAX_WAIT_MS);
      this.ackWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async replyWithError(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    error: unknown,
    reader: Reader,
    context: Record<string, unknown>,
  ): Promise<void> {
    let words: string;
    if (isUserError(error)) {
      this.deps.logger.info({ code: error.code, ...context }, 'user error');
      words = safeMessageText(reader, error.userMessage);
    } else {
      const incident = randomUUID().slice(0, 8);
      this.deps.logger.error({ err: error, incident, ...context }, 'interaction failed');
      words = text(reader, 'bug', { incident });
    }
    const message = renderNotice(words);
    try {
      if ((interaction.deferred || interaction.replied) && interaction.ephemeral === true) {
        await interaction.editReply(message);
      } else if (interaction.isButton() && interaction.deferred) {
        // A click acknowledged as an update of its message: the message stays, the clicker gets a private note.
        await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
      } else if (interaction.deferred || interaction.replied) {
        // An error is the user's business: the public "thinking…" gives way to a private note.
        await interaction.deleteReply();
        await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
      } else await this.acknowledge(() => interaction.reply({ ...message, flags: MessageFlags.Ephemeral }));
    } catch (replyError) {
      this.deps.logger.warn({ err: replyError, ...context }, 'could not send the error reply');
    }
  }
}
