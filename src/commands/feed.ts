/**
 * `/feed add url:<feed> [channel]`, `/feed remove feed:<autocomplete>`, `/feed list`: the RSS and
 * Atom feeds a server follows (Manage Server, checked again at run time). Each feed belongs to the
 * server it was added in; its new articles join the one briefing and are announced in its channel.
 */
import { ChannelType, SlashCommandBuilder } from 'discord.js';
import { matchCandidates } from '../bot/autocomplete.js';
import type { Command } from '../bot/command.js';
import { localised } from '../bot/localise.js';
import { textOption } from '../bot/options.js';
import { MANAGE_SERVER, requireManageServer } from '../bot/permissions.js';
import { renderFeedList, renderFeedRemoved, renderFeedSubscribed } from '../bot/render/intake.js';
import { URL_MAX_CHARS } from '../intake/fetch.js';
import { discordAdder } from './article.js';

export const feedCommand: Command = {
  data: localised(new SlashCommandBuilder(), 'feed')
    .setDefaultMemberPermissions(MANAGE_SERVER)
    .setDMPermission(false)
    .addSubcommand((sub) =>
      localised(sub, 'feedAdd')
        .addStringOption((o) => localised(o, 'feedAddUrl').setRequired(true).setMaxLength(URL_MAX_CHARS))
        .addChannelOption((o) => localised(o, 'feedAddChannel').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)),
    )
    .addSubcommand((sub) => localised(sub, 'feedRemove').addStringOption((o) => localised(o, 'feedRemoveFeed').setRequired(true).setMaxLength(URL_MAX_CHARS).setAutocomplete(true)))
    .addSubcommand((sub) => localised(sub, 'feedList'))
    .toJSON(),
  defer: 'ephemeral',
  async execute(interaction, ctx) {
    requireManageServer(interaction);
    const guildId = interaction.guildId;
    const feeds = ctx.intake.feeds;
    const subcommand = interaction.options.getSubcommand(true);
    if (subcommand === 'add') {
      const url = textOption(interaction, 'url', URL_MAX_CHARS) ?? '';
      const channelId = interaction.options.getChannel('channel')?.id ?? null;
      const { feed, added } = await feeds.subscribe({ url, guildId, channelId, addedBy: discordAdder(interaction) });
      await interaction.editReply(renderFeedSubscribed(feed, added.length, ctx.config.feedPollMs / 60_000, ctx.locale));
    } else if (subcommand === 'remove') {
      await interaction.editReply(renderFeedRemoved(await feeds.unsubscribe(guildId, textOption(interaction, 'feed', URL_MAX_CHARS) ?? ''), ctx.locale));
    } else {
      await interaction.editReply(renderFeedList(feeds.list(guildId), ctx.reader));
    }
  },
  async autocomplete(focused, ctx) {
    if (focused.subcommand !== 'remove' || focused.name !== 'feed') return [];
    const feeds = ctx.intake.feeds.list(focused.guildId).map((f) => ({ name: f.title ?? f.url, value: f.id, keywords: [f.url, f.id] }));
    return matchCandidates(feeds, focused.value);
  },
};
