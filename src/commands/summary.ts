/** `/summary [topic] [article] [sentences:3–7]`: a short summary, every sentence cited. */
import { SlashCommandBuilder } from 'discord.js';
import { renderSummary } from '../bot/render/briefing.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { ARTICLE_REF_MAX_CHARS, SUMMARY_MAX_SENTENCES, SUMMARY_MIN_SENTENCES, TOPIC_MAX_CHARS } from '../briefing/limits.js';
import type { Command } from './types.js';


export const summaryCommand: Command = {
  data: new SlashCommandBuilder()
    .setName('summary')
    .setNameLocalizations({ vi: 'tom_tat' })
    .setDescription('A short cited summary of the briefing, a topic or one article.')
    .setDescriptionLocalizations({ vi: 'Tóm tắt ngắn có trích dẫn: toàn bản tin, một chủ đề hoặc một bài.' })
    .addStringOption((o) =>
      o.setName('topic').setNameLocalizations({ vi: 'chu_de' }).setDescription('Only about this topic.').setDescriptionLocalizations({ vi: 'Chỉ về chủ đề này.' }).setMaxLength(TOPIC_MAX_CHARS),
    )
    .addStringOption((o) =>
      o.setName('article').setNameLocalizations({ vi: 'bai' }).setDescription('One article, by id or id prefix (see /sources).').setDescriptionLocalizations({ vi: 'Một bài, theo mã hoặc phần đầu mã (xem /sources).' }).setMaxLength(ARTICLE_REF_MAX_CHARS),
    )
    .addIntegerOption((o) =>
      o
        .setName('sentences')
        .setNameLocalizations({ vi: 'so_cau' })
        .setDescription(`How many sentences (${SUMMARY_MIN_SENTENCES}–${SUMMARY_MAX_SENTENCES}).`)
        .setDescriptionLocalizations({ vi: `Số câu (${SUMMARY_MIN_SENTENCES}–${SUMMARY_MAX_SENTENCES}).` })
        .setMinValue(SUMMARY_MIN_SENTENCES)
        .setMaxValue(SUMMARY_MAX_SENTENCES),
    )
    .toJSON(),
  defer: 'public',
  async execute(interaction, ctx) {
    const topic = interaction.options.getString('topic')?.normalize('NFC').trim() || undefined;
    const article = interaction.options.getString('article')?.trim() || undefined;
    const sentences = interaction.options.getInteger('sentences') ?? undefined;
    if ((topic?.length ?? 0) > TOPIC_MAX_CHARS) throw new UserError(ERROR_CODES.BAD_OPTION, 'optionTooLong', { option: 'topic', max: TOPIC_MAX_CHARS });
    if ((article?.length ?? 0) > ARTICLE_REF_MAX_CHARS) throw new UserError(ERROR_CODES.BAD_OPTION, 'optionTooLong', { option: 'article', max: ARTICLE_REF_MAX_CHARS });
    if (sentences !== undefined && (sentences < SUMMARY_MIN_SENTENCES || sentences > SUMMARY_MAX_SENTENCES)) {
      throw new UserError(ERROR_CODES.BAD_OPTION, 'optionRange', { option: 'sentences', min: SUMMARY_MIN_SENTENCES, max: SUMMARY_MAX_SENTENCES, value: String(sentences) });
    }
    const result = await ctx.desk.summary({ ...(topic ? { topic } : {}), ...(article ? { article } : {}), ...(sentences ? { sentences } : {}) });
    await interaction.editReply(renderSummary(result, ctx.locale));
  },
};
