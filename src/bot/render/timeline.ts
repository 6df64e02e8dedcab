/**
 * `/timeline` as Discord pages: each dated event with its date resolved (in the reader's
 * language) and as the article wrote it, what happened, and the articles that tell it, linked.
 * Pure: plain data in, API payloads out.
 */
import type { APIEmbedField } from 'discord.js';
import type { TimelineQuery } from '../../briefing/types.js';
import type { BriefingEvent, TimelineResult } from '../../events/types.js';
import { text, type Locale } from '../../messages/index.js';
import { eventPeriod } from '../../events/period.js';
import { formatCalendarDate, formatPeriod } from '../../text/index.js';
import type { BotMessage } from './ask.js';
import {
  DISCORD_EMBED_DESCRIPTION_MAX_CHARS,
  DISCORD_EMBED_FIELD_MAX_CHARS,
  DISCORD_EMBED_FIELD_NAME_MAX_CHARS,
  DISCORD_EMBED_TITLE_MAX_CHARS,
  DISCORD_EMBEDS_TOTAL_MAX_CHARS,
  NO_MENTIONS,
  joinWhole,
  safeFit,
} from './limits.js';
import { linkedTitle, type ArticleLinks } from './links.js';
import { pageOf, pagerRows } from './paging.js';

export const TIMELINE_COMPONENT_PREFIX = 'timeline';
/** Events per page: eight fill about one screen, and leave each about 700 of the embed's 6000 characters. */
export const TIMELINE_EVENTS_PER_PAGE = 8;
/** Room kept for the title, the range line and the footer when sharing the embed's characters among events. */
const TIMELINE_FRAME_CHARS = 600;
const COLOR_TIMELINE = 0x5865f2;
const CITES_LEAD = '— ';
const CITES_SEPARATOR = ' · ';

export function timelinePageId(sessionId: string, page: number): string {
  return `${TIMELINE_COMPONENT_PREFIX}:${sessionId}:${page}`;
}

/** `timeline:<session>:<page>` → its parts, or null for any other custom id. */
export function parseTimelinePageId(customId: string): { sessionId: string; page: number } | null {
  const match = /^timeline:([\w-]{1,32}):(-?\d{1,6})$/u.exec(customId);
  return match ? { sessionId: match[1]!, page: Number(match[2]) } : null;
}

/** The event's date as a reader of `locale` writes it, and as the article wrote it when that differs. */
function dateLine(event: BriefingEvent, locale: Locale): string {
  const resolved = formatPeriod(eventPeriod(event), locale);
  const written = event.dateText.trim() === '' || event.dateText === resolved ? '' : ` · ${text(locale, 'timelineAsWritten', { text: event.dateText })}`;
  const inferred = event.resolution === 'inferred' ? ` (${text(locale, 'yearInferred')})` : '';
  return `${resolved}${inferred}${written}`;
}

/** What happened (at most half the room), then the articles that tell it, sharing the rest. */
function eventField(event: BriefingEvent, locale: Locale, links: ArticleLinks, valueMaxChars: number): APIEmbedField {
  const label = safeFit(event.label, Math.floor(valueMaxChars / 2));
  const room = valueMaxChars - label.length - CITES_LEAD.length - 1;
  const dated = event.citations.map((c) => ({ c, date: ` (${c.date ?? text(locale, 'undated')})` }));
  const cites = dated.map(({ c, date }) => `${linkedTitle(c.title, c.docId, links, Math.floor(room / dated.length) - date.length - CITES_SEPARATOR.length)}${date}`);
  return {
    name: safeFit(dateLine(event, locale), DISCORD_EMBED_FIELD_NAME_MAX_CHARS),
    value: `${label}\n${CITES_LEAD}${joinWhole(cites, room, CITES_SEPARATOR)}`,
  };
}

export interface TimelineView {
  timeline: TimelineResult;
  query: TimelineQuery;
  page: number;
  /** The session the page buttons refer to. */
  sessionId: string;
  links: ArticleLinks;
}

export function renderTimeline(view: TimelineView, locale: Locale): BotMessage {
  const { events } = view.timeline;
  const topic = view.query.topic?.trim() || undefined;
  if (events.length === 0) {
    const none = topic === undefined ? text(locale, 'timelineNoEvents') : text(locale, 'timelineNoEventsOn', { topic });
    return { embeds: [{ description: safeFit(none, DISCORD_EMBED_DESCRIPTION_MAX_CHARS), color: COLOR_TIMELINE }], components: [], allowedMentions: NO_MENTIONS };
  }
  const shown = pageOf(events, view.page, TIMELINE_EVENTS_PER_PAGE);
  const valueMaxChars = Math.min(DISCORD_EMBED_FIELD_MAX_CHARS, Math.floor((DISCORD_EMBEDS_TOTAL_MAX_CHARS - TIMELINE_FRAME_CHARS) / shown.items.length) - DISCORD_EMBED_FIELD_NAME_MAX_CHARS / 4);
  const title = topic === undefined ? text(locale, 'timelineTitle', { n: events.length }) : text(locale, 'timelineTopicTitle', { n: events.length, topic });
  const range = [
    ...(view.query.from ? [text(locale, 'timelineFrom', { date: formatCalendarDate(view.query.from, locale) })] : []),
    ...(view.query.to ? [text(locale, 'timelineTo', { date: formatCalendarDate(view.query.to, locale) })] : []),
  ].join(' ');
  return {
    embeds: [
      {
        title: safeFit(title, DISCORD_EMBED_TITLE_MAX_CHARS),
        ...(range === '' ? {} : { description: range }),
        color: COLOR_TIMELINE,
        fields: shown.items.map((e) => eventField(e, locale, view.links, valueMaxChars)),
        ...(shown.pages > 1 ? { footer: { text: text(locale, 'pageFooter', { page: shown.page + 1, pages: shown.pages }) } } : {}),
      },
    ],
    components: pagerRows(shown, (page) => timelinePageId(view.sessionId, page), locale),
    allowedMentions: NO_MENTIONS,
  };
}
