/**
 * Commands that change what the bot reads (reindex, articles, feeds) are for server managers.
 * Discord hides them from other members by default (setDefaultMemberPermissions), but a server
 * can override that and an interaction can be forged, so each handler checks again here.
 */
import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { ERROR_CODES, UserError } from '../errors.js';

export const MANAGE_SERVER = PermissionFlagsBits.ManageGuild;

/** Throws MISSING_PERMISSION unless the member who ran the command has Manage Server in this server. */
export function requireManageServer(interaction: Pick<ChatInputCommandInteraction, 'memberPermissions'>): void {
  if (interaction.memberPermissions?.has(MANAGE_SERVER) !== true) throw new UserError(ERROR_CODES.MISSING_PERMISSION, 'missingManageServer');
}
