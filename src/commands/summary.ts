/** `/summary [topic] [article] [sentences:3–7]`: a short summary, every sentence cited; topics and articles autocomplete. */
import { SlashCommandBuilder } from 'discord.js';
import { articleCandidates, matchCandidates, topicCandidates } from '../bot/autocomplete.js';
import type { Command } from '../bot/command.js';
import { localised } from '../bot/localise.js';
import { integerOption, textOption } from '../bot/options.js';
import { renderSummary } from '../bot/render/briefing.js';
import { articleLinks } from '../bot/render/links.js';
import { ARTICLE_REF_MAX_CHARS, SUMMARY_MAX_SENTENCES, SUMMARY_MIN_SENTENCES, TOPIC_MAX_CHARS } from '../briefing/limits.js';

export const summaryCommand: Command = {
  data: localised(new SlashCommandBuilder(), 'summary')
    .addStringOption((o) => localised(o, 'summaryTopic').setMaxLength(TOPIC_MAX_CHARS).setAutocomplete(true))
    .addStringOption((o) => localised(o, 'summaryArticle').setMaxLength(ARTICLE_REF_MAX_CHARS).setAutocomplete(true))
    .addIntegerOption((o) =>
      localised(o, 'summarySentences', { min: SUMMARY_MIN_SENTENCES, max: SUMMARY_MAX_SENTENCES }).setMinValue(SUMMARY_MIN_SENTENCES).setMaxValue(SUMMARY_MAX_SENTENCES),
    )
    .toJSON(),
  defer: 'public',
  async execute(interaction, ctx) {
    const topic = textOption(interaction, 'topic', TOPIC_MAX_CHARS) ?? undefined;
    const article = textOption(interaction, 'article', ARTICLE_REF_MAX_CHARS) ?? undefined;
    const sentences = integerOption(interaction, 'sentences', SUMMARY_MIN_SENTENCES, SUMMARY_MAX_SENTENCES) ?? undefined;
    const result = await ctx.desk.summary({ ...(topic ? { topic } : {}), ...(article ? { article } : {}), ...(sentences ? { sentences } : {}) });
    await interaction.editReply(renderSummary(result, ctx.locale, articleLinks(ctx.desk.sources())));
  },
  async autocomplete(focused, ctx) {
    if (focused.name === 'article') return matchCandidates(articleCandidates(ctx.desk), focused.value);
    if (focused.name === 'topic') return matchCandidates(topicCandidates(ctx.desk), focused.value);
    return [];
  },
};
