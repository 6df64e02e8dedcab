/**
 * `/article add url:<link> | file:<attachment>`, `/article remove article:<autocomplete>`,
 * `/article list`: the briefing's articles from Discord (Manage Server, checked again at run time).
 * Replies are private: they concern the one who asked.
 */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { matchCandidates } from '../bot/autocomplete.js';
import type { Command, CommandContext } from '../bot/command.js';
import { localised } from '../bot/localise.js';
import { textOption } from '../bot/options.js';
import { MANAGE_SERVER, requireManageServer } from '../bot/permissions.js';
import { renderAddedList, renderArticleAdded, renderArticleRemoved } from '../bot/render/intake.js';
import { ARTICLE_REF_MAX_CHARS } from '../briefing/limits.js';
import { ERROR_CODES, UserError } from '../errors.js';
import type { AddedArticle } from '../intake/article-intake.js';
import { URL_MAX_CHARS } from '../intake/fetch.js';

/** `added_by` of what a Discord member adds: their id, and their name as it was then (for /article list). */
export function discordAdder(interaction: Pick<ChatInputCommandInteraction, 'user'>): string {
  return `discord:${interaction.user.id} (${interaction.user.username})`;
}

async function add(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<AddedArticle> {
  const url = textOption(interaction, 'url', URL_MAX_CHARS);
  const file = interaction.options.getAttachment('file');
  const { articles, fetcher, attachmentHostAllowed } = ctx.intake;
  if (url !== null && file === null) return articles.addUrl(url, discordAdder(interaction));
  if (url !== null || file === null) throw new UserError(ERROR_CODES.BAD_OPTION, 'articleAddOneOf');
  const attachment = file;
  if (attachment.size > fetcher.rules.maxBytes) {
    throw new UserError(ERROR_CODES.FETCH_TOO_LARGE, 'fetchTooLarge', { url: attachment.name, megabytes: fetcher.rules.maxBytes / 2 ** 20 });
  }
  const fetched = await fetcher.fetch({ url: attachment.url, accept: null, hostAllowed: attachmentHostAllowed });
  if (fetched.status !== 'ok') throw new Error(`an unconditional fetch of ${attachment.url} answered ${fetched.status}`);
  return articles.addFile(attachment.name, fetched.body, discordAdder(interaction));
}

export const articleCommand: Command = {
  data: localised(new SlashCommandBuilder(), 'article')
    .setDefaultMemberPermissions(MANAGE_SERVER)
    .addSubcommand((sub) =>
      localised(sub, 'articleAdd')
        .addStringOption((o) => localised(o, 'articleAddUrl').setMaxLength(URL_MAX_CHARS))
        .addAttachmentOption((o) => localised(o, 'articleAddFile')),
    )
    .addSubcommand((sub) => localised(sub, 'articleRemove').addStringOption((o) => localised(o, 'articleRemoveArticle').setRequired(true).setMaxLength(ARTICLE_REF_MAX_CHARS).setAutocomplete(true)))
    .addSubcommand((sub) => localised(sub, 'articleList'))
    .toJSON(),
  defer: 'ephemeral',
  async execute(interaction, ctx) {
    requireManageServer(interaction);
    const subcommand = interaction.options.getSubcommand(true);
    if (subcommand === 'add') {
      const added = await add(interaction, ctx);
      await interaction.editReply(renderArticleAdded(added, ctx.desk.status().articles, ctx.reader));
    } else if (subcommand === 'remove') {
      const removed = await ctx.intake.articles.remove(textOption(interaction, 'article', ARTICLE_REF_MAX_CHARS) ?? '');
      await interaction.editReply(renderArticleRemoved(removed, ctx.desk.status().articles, ctx.locale));
    } else {
      await interaction.editReply(renderAddedList(ctx.intake.articles.list(), ctx.reader));
    }
  },
  async autocomplete(focused, ctx) {
    if (focused.subcommand !== 'remove' || focused.name !== 'article') return [];
    const added = ctx.intake.articles.list().map((a) => ({ name: a.date === null ? a.title : `${a.title} (${a.date})`, value: a.docId, keywords: [a.docId, ...a.sources] }));
    return matchCandidates(added, focused.value);
  },
};
