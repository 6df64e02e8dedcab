/** `/reindex`: re-read the corpus (server managers only; answers keep flowing from the old index meanwhile). */
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { renderReindex } from '../bot/render/briefing.js';
import { ERROR_CODES, UserError } from '../errors.js';
import type { Command } from './types.js';

export const reindexCommand: Command = {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setNameLocalizations({ vi: 'lap_chi_muc' })
    .setDescription('Re-read the article folder and rebuild the index (Manage Server).')
    .setDescriptionLocalizations({ vi: 'Đọc lại thư mục bài báo và lập lại chỉ mục (Quản lý máy chủ).' })
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
