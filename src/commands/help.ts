/** `/help`: what the bot does, its commands, and whether the multilingual model is loaded. */
import { SlashCommandBuilder } from 'discord.js';
import { renderHelp } from '../bot/render/briefing.js';
import type { Command } from './types.js';

export const helpCommand: Command = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setNameLocalizations({ vi: 'tro_giup' })
    .setDescription('What this bot does and how to use it.')
    .setDescriptionLocalizations({ vi: 'Bot này làm gì và cách dùng.' })
    .toJSON(),
  defer: 'ephemeral',
  async execute(interaction, ctx) {
    await interaction.editReply(renderHelp(ctx.desk.status(), ctx.locale, ctx.commands.map((c) => c.data)));
  },
};
