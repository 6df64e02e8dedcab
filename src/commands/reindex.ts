/** `/reindex`: re-read the corpus (server managers only; answers keep flowing from the old index meanwhile). */
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { localised } from '../bot/localise.js';
import { renderReindex } from '../bot/render/briefing.js';
import { ERROR_CODES, UserError } from '../errors.js';
import type { Command } from '../bot/command.js';

export const reindexCommand: Command = {
  data: localised(new SlashCommandBuilder(), 'reindex')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .toJSON(),
  defer: 'ephemeral',
  async execute(interaction, ctx) {
    if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) !== true) {
      throw new UserError(ERROR_CODES.MISSING_PERMISSION, 'missingManageServer');
    }
    await interaction.editReply(renderReindex(await ctx.desk.reindex(), ctx.locale));
  },
};
