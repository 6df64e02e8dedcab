/**
 * Checks that run before any handler, declared once: the dispatcher applies the global ones to
 * every command, button and autocomplete, and each command's own (`Command.preconditions`) to
 * its slash command and its buttons. A failed check throws a UserError, which the dispatcher
 * answers privately (an autocomplete gets no choices); no handler has run, nothing is recorded.
 */
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { ERROR_CODES, UserError } from '../errors.js';
import type { CommandContext } from './command.js';

export type GuardedInteraction = ChatInputCommandInteraction | ButtonInteraction | AutocompleteInteraction;

/** Throws a UserError when the interaction may not go on. */
export type Precondition = (interaction: GuardedInteraction, ctx: CommandContext) => void;

/**
 * The briefing stays with its team: with DISCORD_GUILD_IDS (or DISCORD_GUILD_ID) set, nothing runs
 * in another server or in a direct message, where anyone holding the invite link could read it.
 */
export const servedGuildsOnly: Precondition = (interaction, ctx) => {
  const served = ctx.config.discordGuildIds;
  if (served.length === 0) return;
  if (interaction.guildId === null || !served.includes(interaction.guildId)) throw new UserError(ERROR_CODES.OTHER_TEAM, 'otherTeam');
};

/** What every interaction passes first. */
export const GLOBAL_PRECONDITIONS: readonly Precondition[] = [servedGuildsOnly];
