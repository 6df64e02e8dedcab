/**
 * An RSS or Atom feed → its entries, with @rowanmanning/feed-parser (RSS 0.9x–2.0, RDF and
 * Atom, tested against real-world feeds). Pure: text in, plain data out; anything that is not a
 * feed is refused with FEED_INVALID.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { ERROR_CODES, UserError } from '../errors.js';
import { isoDay } from './markup.js';

/**
 * Content types feeds are served as. `text/plain` too: some servers send feeds that way; the
 * parser still refuses what is not a feed.
 */
export const FEED_TYPES: readonly string[] = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'text/plain'];

export interface FeedEntry {
  /** What tells this entry from the others across polls: its id (guid), else its link, else its title and date. */
  key: string;
  title: string | null;
  /** Absolute link to the entry's page, or null. */
  url: string | null;
  /** `YYYY-MM-DD`, the day as the feed wrote it, in its own offset. */
  date: string | null;
  author: string | null;
  /** The entry's own HTML (full content, else its summary), or null. */
  html: string | null;
}

export interface ParsedFeed {
  title: string | null;
  /** In the feed's order (usually newest first). */
  entries: FeedEntry[];
}

/**
 * The elements the parser reads an entry's publication time from, in its order (RSS `pubDate`,
 * `dc:date`; Atom `published`, `issued`, `modified`, `updated`). Their text is read here again
 * because the parser gives an instant, which has lost the offset the feed wrote (an entry at
 * 00:30 +07:00 is the previous day in UTC).
 */
const DATE_ELEMENTS = ['pubdate', 'date', 'published', 'issued', 'modified', 'updated'];

function statedDay(item: ReturnType<typeof parseFeed>['items'][number]): string | null {
  for (const name of DATE_ELEMENTS) {
    const day = isoDay(item.element.findElementWithName(name)?.textContent);
    if (day !== null) return day;
  }
  return null;
}

function absolute(link: string | null, base: string): string | null {
  if (link === null || link.trim() === '') return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function readFeed(xml: string, feedUrl: string): ParsedFeed {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    throw new UserError(ERROR_CODES.FEED_INVALID, 'feedInvalid', { url: feedUrl, detail: (error as Error).message });
  }
  const entries: FeedEntry[] = [];
  for (const item of feed.items) {
    const url = absolute(item.url, feedUrl);
    const title = item.title?.trim() || null;
    const date = statedDay(item);
    const key = item.id?.trim() || url || (title === null ? null : `${title} ${date ?? ''}`.trim());
    if (key === null) continue;
    entries.push({ key, title, url, date, author: item.authors[0]?.name?.trim() || null, html: item.content ?? item.description ?? null });
  }
  return { title: feed.title?.trim() || null, entries };
}
