/** `/help`: what the bot does, its commands, and whether the multilingual model is loaded. */
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../bot/command.js';
import { localised } from '../bot/localise.js';
import { renderHelp } from '../bot/render/briefing.js';

export const helpCommand: Command = {
  data: localised(new SlashCommandBuilder(), 'help').toJSON(),
  defer: 'ephemeral',
  async execute(interaction, ctx) {
    await interaction.editReply(renderHelp(ctx.desk.status(), ctx.locale, ctx.commands.map((c) => c.data)));
  },
};
