/** `/sources`: the articles in the briefing. */
import { SlashCommandBuilder } from 'discord.js';
import { renderSources } from '../bot/render/briefing.js';
import type { Command } from './types.js';

export const sourcesCommand: Command = {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setNameLocalizations({ vi: 'nguon' })
    .setDescription('List the articles in the briefing.')
    .setDescriptionLocalizations({ vi: 'Liệt kê các bài trong bản tin.' })
    .toJSON(),
  defer: 'ephemeral',
  async execute(interaction, ctx) {
    await interaction.editReply(renderSources(ctx.desk.sources(), ctx.locale));
  },
};
