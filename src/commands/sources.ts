/** `/sources`: the articles in the briefing, ten a page, with Previous / Next buttons. */
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../bot/command.js';
import { localised } from '../bot/localise.js';
import { SOURCES_COMPONENT_PREFIX, parseSourcesPageId, renderSources } from '../bot/render/briefing.js';

export const sourcesCommand: Command = {
  data: localised(new SlashCommandBuilder(), 'sources').toJSON(),
  defer: 'ephemeral',
  async execute(interaction, ctx) {
    await interaction.editReply(renderSources(ctx.desk.sources(), 0, ctx.locale));
  },
  componentPrefix: SOURCES_COMPONENT_PREFIX,
  componentDefer: 'update',
  async handleComponent(button, ctx) {
    await button.editReply(renderSources(ctx.desk.sources(), parseSourcesPageId(button.customId) ?? 0, ctx.locale));
  },
};
