/** `/reindex`: re-read the corpus (server managers only; answers keep flowing from the old index meanwhile). */
import { SlashCommandBuilder } from 'discord.js';
import { localised } from '../bot/localise.js';
import { MANAGE_SERVER, requireManageServer } from '../bot/permissions.js';
import { renderReindex } from '../bot/render/briefing.js';
import type { Command } from '../bot/command.js';

export const reindexCommand: Command = {
  data: localised(new SlashCommandBuilder(), 'reindex')
    .setDefaultMemberPermissions(MANAGE_SERVER)
    .toJSON(),
  defer: 'ephemeral',
  async execute(interaction, ctx) {
    requireManageServer(interaction);
    await interaction.editReply(renderReindex(await ctx.desk.reindex(), ctx.locale));
  },
};
