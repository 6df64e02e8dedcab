/** `/article` and `/feed` replies, and the announcement of a feed's new articles, as Discord payloads. Pure. */
import type { APIEmbed } from 'discord.js';
import type { ArticleMeta } from '../../corpus/types.js';
import type { AddedArticle, AddedArticleEntry } from '../../intake/article-intake.js';
import type { FeedRecord } from '../../intake/feed-store.js';
import type { FeedNews } from '../../intake/feed-watcher.js';
import { text, type Locale, type Reader } from '../../messages/index.js';
import type { BotMessage } from './ask.js';
import { articleLinks, linkedTitle } from './links.js';
import {
  DISCORD_EMBED_DESCRIPTION_MAX_CHARS,
  DISCORD_EMBED_FIELD_MAX_CHARS,
  DISCORD_EMBED_FIELD_NAME_MAX_CHARS,
  DISCORD_EMBED_FIELDS_MAX,
  DISCORD_EMBED_TITLE_MAX_CHARS,
  DISCORD_EMBEDS_PER_MESSAGE_MAX,
  NO_MENTIONS,
  safeFit,
  safeText,
  truncateText,
} from './limits.js';

const COLOR_ADDED = 0x57f287;
const COLOR_INFO = 0x5865f2;
/** An announcement's gist is one line: the lead sentence, cut at a word. */
export const GIST_MAX_CHARS = 200;

function message(embeds: APIEmbed[]): BotMessage {
  return { embeds, components: [], allowedMentions: NO_MENTIONS };
}

function about(article: Pick<ArticleMeta, 'sources' | 'date'>, locale: Locale): string {
  return `${article.sources.join(', ') || text(locale, 'noSource')} · ${article.date ?? text(locale, 'undated')}`;
}

/** Who added an article, from its `added_by`: a Discord user's name, the console, or a feed's host. */
export function addedByLabel(addedBy: string | null, locale: Locale): string {
  if (addedBy === null || addedBy === 'console') return text(locale, 'addedByConsole');
  const feed = /^feed:(.+)$/u.exec(addedBy);
  if (feed?.[1] !== undefined) {
    let host = feed[1];
    try {
      host = new URL(feed[1]).hostname;
    } catch {
      // the address as written
    }
    return text(locale, 'addedByFeed', { feed: host });
  }
  return /^discord:\d+ \((.+)\)$/u.exec(addedBy)?.[1] ?? addedBy;
}

export function renderArticleAdded(added: AddedArticle, articles: number, reader: Reader): BotMessage {
  const { article } = added;
  // Each part made safe and cut on its own: the command names around them stay as the reader's surface wrote them.
  const title = safeFit(article.title, DISCORD_EMBED_TITLE_MAX_CHARS);
  const words = text(reader, 'articleAdded', { title, docId: safeText(article.docId), about: safeFit(about(article, reader.locale), DISCORD_EMBED_FIELD_MAX_CHARS), articles });
  return message([{ description: words, color: COLOR_ADDED }]);
}

export function renderArticleRemoved(article: ArticleMeta, articles: number, locale: Locale): BotMessage {
  return message([{ description: safeFit(text(locale, 'articleRemoved', { title: article.title, docId: article.docId, articles }), DISCORD_EMBED_DESCRIPTION_MAX_CHARS), color: COLOR_INFO }]);
}

/** The added articles, newest first (the first 25, Discord's field limit). */
export function renderAddedList(entries: readonly AddedArticleEntry[], reader: Reader): BotMessage {
  const { locale } = reader;
  if (entries.length === 0) return message([{ description: text(reader, 'addedListEmpty'), color: COLOR_INFO }]);
  const links = articleLinks(entries);
  return message([
    {
      title: truncateText(text(locale, 'addedListTitle', { n: entries.length }), DISCORD_EMBED_TITLE_MAX_CHARS),
      color: COLOR_INFO,
      fields: entries.slice(0, DISCORD_EMBED_FIELDS_MAX).map((e) => {
        const by = text(locale, 'addedBy', { who: addedByLabel(e.addedBy, locale), when: e.addedAt?.slice(0, 10) ?? '' });
        const value = `${linkedTitle(e.docId, e.docId, links, DISCORD_EMBED_FIELD_MAX_CHARS / 2)} · ${safeText(about(e, locale))} · ${safeText(by)}`;
        return { name: safeFit(e.title, DISCORD_EMBED_FIELD_NAME_MAX_CHARS), value: value.slice(0, DISCORD_EMBED_FIELD_MAX_CHARS) };
      }),
    },
  ]);
}

export function renderFeedSubscribed(feed: FeedRecord, added: number, pollMinutes: number, locale: Locale): BotMessage {
  const subscribed = safeFit(text(locale, 'feedSubscribed', { title: feed.title ?? feed.url, id: feed.id, added, minutes: pollMinutes }), DISCORD_EMBED_DESCRIPTION_MAX_CHARS - 100);
  // A channel id from Discord itself, written as a channel mention (which pings no one).
  const channel = feed.channelId === null ? '' : `\n${text(locale, 'feedAnnouncedIn', { channel: feed.channelId })}`;
  return message([{ description: subscribed + channel, color: COLOR_ADDED }]);
}

export function renderFeedRemoved(feed: FeedRecord, locale: Locale): BotMessage {
  return message([{ description: safeFit(text(locale, 'feedRemoved', { title: feed.title ?? feed.url }), DISCORD_EMBED_DESCRIPTION_MAX_CHARS), color: COLOR_INFO }]);
}

export function renderFeedList(feeds: readonly FeedRecord[], reader: Reader): BotMessage {
  const { locale } = reader;
  if (feeds.length === 0) return message([{ description: text(reader, 'feedListEmpty'), color: COLOR_INFO }]);
  return message([
    {
      title: truncateText(text(locale, 'feedListTitle', { n: feeds.length }), DISCORD_EMBED_TITLE_MAX_CHARS),
      color: COLOR_INFO,
      fields: feeds.slice(0, DISCORD_EMBED_FIELDS_MAX).map((f) => ({
        name: safeFit(f.title ?? f.url, DISCORD_EMBED_FIELD_NAME_MAX_CHARS),
        value: text(locale, 'feedDetails', {
          id: f.id,
          url: safeFit(f.url, DISCORD_EMBED_FIELD_MAX_CHARS / 2),
          channel: f.channelId ?? '',
          polled: f.lastPolledAt === null ? text(locale, 'feedNeverPolled') : `${f.lastPolledAt.slice(0, 16).replace('T', ' ')} UTC`,
        }),
      })),
    },
  ]);
}

/** A feed's new articles, for its channel: each one's title (linked), source and date, and its lead sentence as the gist. */
export function renderFeedNews(news: FeedNews, locale: Locale): BotMessage[] {
  const links = articleLinks(news.added.map((a) => a.article));
  const embeds = news.added.map(
    (a): APIEmbed => ({
      title: safeFit(a.article.title, DISCORD_EMBED_TITLE_MAX_CHARS),
      ...(links.has(a.article.docId) ? { url: links.get(a.article.docId) } : {}),
      description: safeFit(truncateText(a.lead, GIST_MAX_CHARS), DISCORD_EMBED_DESCRIPTION_MAX_CHARS),
      footer: { text: safeFit(`${about(a.article, locale)} · ${text(locale, 'feedNews', { feed: news.feed.title ?? news.feed.url })}`, DISCORD_EMBED_TITLE_MAX_CHARS) },
      color: COLOR_ADDED,
    }),
  );
  const messages: BotMessage[] = [];
  for (let i = 0; i < embeds.length; i += DISCORD_EMBEDS_PER_MESSAGE_MAX) messages.push(message(embeds.slice(i, i + DISCORD_EMBEDS_PER_MESSAGE_MAX)));
  return messages;
}
