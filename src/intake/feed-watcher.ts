/**
 * Following feeds: subscribing checks the feed and takes in its latest entries; polling (every
 * FEED_POLL_MINUTES, on an injectable scheduler) asks with the last answer's validators, adds
 * each new entry's article (its page through Readability, else the entry's own text) and returns
 * what it added (the bot announces it). The articles of one poll, over all feeds, are taken in by
 * one index update, each refused or added on its own. What was handled is saved once they are;
 * an entry added but not yet saved as handled (a crash in between) is found in the briefing at
 * the next poll, by its link or its text, so a restart neither adds nor announces anything twice.
 */
import type { Logger } from 'pino';
import { ERROR_CODES, isUserError, type UserError } from '../errors.js';
import type { AddedArticle, ArticleIntake, PreparedArticle } from './article-intake.js';
import { FEED_TYPES, readFeed, type FeedEntry, type ParsedFeed } from './feed.js';
import { feedId, type FeedRecord, type FeedStore } from './feed-store.js';
import type { SafeFetcher } from './fetch.js';
import { decodeMarkup } from './markup.js';
import { pageReader, type PageReader } from './page-reader.js';

/** Entries taken in when a feed is added: WordPress, the most common feed source, lists 10 by default, and older ones are the past of the story. */
export const FEED_FIRST_POLL_MAX_ENTRIES = 10;
/** Polls an entry whose page cannot be fetched is tried at before it is given up. */
export const FEED_ENTRY_MAX_ATTEMPTS = 3;

/** Runs a task every `ms`; returns what stops it. Tests run the task by hand and await it. */
export interface Scheduler {
  every(ms: number, task: () => Promise<void>): () => void;
}

export const timerScheduler: Scheduler = {
  every(ms, task) {
    const timer = setInterval(() => void task(), ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface FeedNews {
  feed: FeedRecord;
  added: AddedArticle[];
}

/** An entry's article as read, or why it could not be read. */
type ReadEntry = { entry: FeedEntry; article: PreparedArticle | null } | { entry: FeedEntry; error: UserError };
/** What became of an entry's add. */
type Outcome = { added: AddedArticle | null } | { error: unknown };

export interface FeedWatcherDeps {
  store: FeedStore;
  intake: ArticleIntake;
  fetcher: SafeFetcher;
  /** Reads an entry's own HTML off the event loop; the process's worker by default. */
  pages?: PageReader;
  logger?: Logger;
  now?: () => Date;
}

export interface SubscribeRequest {
  url: string;
  guildId: string | null;
  channelId: string | null;
  addedBy: string;
}

/** Failures worth trying again at the next poll: the site may be back, or the machine less busy, by then. */
function isTransient(error: unknown): boolean {
  return isUserError(error) && (error.code === ERROR_CODES.FETCH_TIMEOUT || error.code === ERROR_CODES.FETCH_FAILED || error.code === ERROR_CODES.PAGE_TOO_SLOW);
}

export class FeedWatcher {
  private polling: Promise<FeedNews[]> | null = null;
  /** A scheduled poll and its announcements. */
  private cycle: Promise<void> | null = null;
  private stopTimer: (() => void) | null = null;

  constructor(private readonly deps: FeedWatcherDeps) {}

  list(guildId: string | null): FeedRecord[] {
    return this.deps.store.list(guildId);
  }

  /** Checks that `url` is a feed, stores it and takes in its latest entries (without announcing them). */
  async subscribe(request: SubscribeRequest): Promise<{ feed: FeedRecord; added: AddedArticle[] }> {
    const fetched = await this.deps.fetcher.fetch({ url: request.url, accept: FEED_TYPES });
    if (fetched.status !== 'ok') throw new Error(`an unconditional fetch of ${request.url} answered ${fetched.status}`);
    const parsed = readFeed(decodeMarkup(fetched.body, fetched.charset), fetched.url);
    const feed: FeedRecord = {
      id: feedId(request.guildId, request.url),
      url: request.url,
      title: parsed.title,
      guildId: request.guildId,
      channelId: request.channelId,
      addedBy: request.addedBy,
      addedAt: this.now(),
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      seen: [],
      failures: {},
      lastPolledAt: null,
      lastError: null,
    };
    await this.deps.store.add(feed);
    const latest = parsed.entries.slice(0, FEED_FIRST_POLL_MAX_ENTRIES);
    feed.seen = parsed.entries.slice(FEED_FIRST_POLL_MAX_ENTRIES).map((e) => e.key);
    const added = await this.takeIn(feed, latest);
    return { feed, added };
  }

  async unsubscribe(guildId: string | null, ref: string): Promise<FeedRecord> {
    const feed = this.deps.store.find(guildId, ref);
    await this.deps.store.remove(feed.id);
    return feed;
  }

  /** Polls every feed once, one after another; a poll asked for while one runs joins it. */
  pollAll(): Promise<FeedNews[]> {
    this.polling ??= this.pollEach().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  /** Polls every `intervalMs`, telling `onNews` of each feed a poll added articles from (the bot announces them). */
  start(intervalMs: number, onNews: (news: FeedNews) => Promise<void>, scheduler: Scheduler = timerScheduler): void {
    this.stopTimer ??= scheduler.every(intervalMs, () => {
      this.cycle ??= this.pollAndTell(onNews).finally(() => {
        this.cycle = null;
      });
      return this.cycle;
    });
  }

  private async pollAndTell(onNews: (news: FeedNews) => Promise<void>): Promise<void> {
    try {
      for (const news of await this.pollAll()) await onNews(news).catch((error: unknown) => this.deps.logger?.error({ err: error, feed: news.feed.url }, 'feed announcement failed'));
    } catch (error) {
      this.deps.logger?.error({ err: error }, 'feed poll failed');
    }
  }

  /** Stops polling and waits for a poll (and its announcements) in progress. */
  async stop(): Promise<void> {
    this.stopTimer?.();
    this.stopTimer = null;
    await this.cycle;
    await this.polling?.catch(() => undefined);
  }

  /** Polls the feeds one after another, then adds every new entry's article in one index update. */
  private async pollEach(): Promise<FeedNews[]> {
    const read: Array<{ feed: FeedRecord; entries: ReadEntry[] }> = [];
    for (const feed of this.deps.store.list()) {
      const entries = await this.newEntries(feed);
      if (entries.length > 0) read.push({ feed, entries: await this.readEntries(feed, entries) });
    }
    const adding = read.map(({ feed, entries }) => ({ feed, adds: this.startAdds(entries) }));
    const news: FeedNews[] = [];
    for (const { feed, adds } of adding) {
      const added = await this.record(feed, adds);
      if (added.length > 0) news.push({ feed, added });
    }
    return news;
  }

  /** The entries of a feed not handled yet; none when it has not changed or cannot be read (said in the log and the feed's record). */
  private async newEntries(feed: FeedRecord): Promise<FeedEntry[]> {
    let parsed: ParsedFeed;
    try {
      // An entry waiting to be tried again is in the feed as it was: asked conditionally, the feed would answer 304 until it changes.
      const retrying = Object.keys(feed.failures).length > 0;
      const fetched = await this.deps.fetcher.fetch({ url: feed.url, accept: FEED_TYPES, etag: retrying ? null : feed.etag, lastModified: retrying ? null : feed.lastModified });
      feed.lastPolledAt = this.now();
      if (fetched.status === 'not-modified') {
        feed.lastError = null;
        await this.deps.store.save(feed);
        return [];
      }
      parsed = readFeed(decodeMarkup(fetched.body, fetched.charset), fetched.url);
      feed.etag = fetched.etag;
      feed.lastModified = fetched.lastModified;
      feed.title = parsed.title ?? feed.title;
      feed.lastError = null;
    } catch (error) {
      if (!isUserError(error)) throw error;
      this.deps.logger?.warn({ feed: feed.url, code: error.code }, error.message);
      feed.lastPolledAt = this.now();
      feed.lastError = error.message;
      await this.deps.store.save(feed);
      return [];
    }
    const seen = new Set(feed.seen);
    const fresh = parsed.entries.filter((e) => !seen.has(e.key));
    // A feed whose entries were all handled still has its validators and title saved.
    if (fresh.length === 0) await this.deps.store.save(feed);
    return fresh;
  }

  /** Adds the articles of `entries` in one index update and records what was handled. */
  private async takeIn(feed: FeedRecord, entries: FeedEntry[]): Promise<AddedArticle[]> {
    return this.record(feed, this.startAdds(await this.readEntries(feed, entries)));
  }

  /** Each entry's article, read oldest first (its page fetched and reduced), or why it cannot be added. */
  private async readEntries(feed: FeedRecord, entries: FeedEntry[]): Promise<ReadEntry[]> {
    const read: ReadEntry[] = [];
    for (const entry of [...entries].reverse()) {
      try {
        read.push({ entry, article: await this.readEntry(feed, entry) });
      } catch (error) {
        if (!isUserError(error)) throw error;
        read.push({ entry, error });
      }
    }
    return read;
  }

  /**
   * Asks for every article read to be added, all in the same turn of the event loop, so that the
   * intake takes them in with one index update. The outcomes never reject.
   */
  private startAdds(entries: ReadEntry[]): Array<{ entry: FeedEntry; outcome: Promise<Outcome> }> {
    return entries.map((read) => {
      if ('error' in read) return { entry: read.entry, outcome: Promise.resolve({ error: read.error }) };
      if (read.article === null) return { entry: read.entry, outcome: Promise.resolve({ added: null }) };
      return { entry: read.entry, outcome: this.deps.intake.add(read.article).then((added): Outcome => ({ added }), (error: unknown): Outcome => ({ error })) };
    });
  }

  /** Waits for the adds, then records which entries were handled (a page that failed for now is tried at later polls) and saves the feed. */
  private async record(feed: FeedRecord, adds: Array<{ entry: FeedEntry; outcome: Promise<Outcome> }>): Promise<AddedArticle[]> {
    const added: AddedArticle[] = [];
    for (const { entry, outcome } of adds) {
      const result = await outcome;
      let handled = true;
      if ('added' in result) {
        if (result.added !== null) added.push(result.added);
        delete feed.failures[entry.key];
      } else {
        const { error } = result;
        if (!isUserError(error)) throw error;
        if (error.code !== ERROR_CODES.ARTICLE_DUPLICATE) this.deps.logger?.warn({ feed: feed.url, entry: entry.url ?? entry.key, code: error.code }, error.message);
        if (isTransient(error)) {
          const attempts = (feed.failures[entry.key] ?? 0) + 1;
          feed.failures[entry.key] = attempts;
          handled = attempts >= FEED_ENTRY_MAX_ATTEMPTS;
          if (handled) delete feed.failures[entry.key];
        }
      }
      if (handled) feed.seen = [entry.key, ...feed.seen.filter((k) => k !== entry.key)];
    }
    await this.deps.store.save(feed);
    return added;
  }

  /** The entry's page, reduced to its article; the entry's own text when the page gives none. Null: already in the briefing, or nothing to add. */
  private async readEntry(feed: FeedRecord, entry: FeedEntry): Promise<PreparedArticle | null> {
    const addedBy = `feed:${feed.url}`;
    const defaults = { date: entry.date, byline: entry.author, source: feed.title };
    const ownText = async (): Promise<PreparedArticle | null> =>
      entry.html === null || entry.title === null ? null : this.deps.intake.prepareDraft({ title: entry.title, paragraphs: await (this.deps.pages ?? pageReader).paragraphs(entry.html, entry.url ?? feed.url), url: entry.url, ...defaults }, addedBy);
    if (entry.url === null) return ownText();
    if (this.deps.intake.findByUrl(entry.url) !== null) return null;
    try {
      return await this.deps.intake.prepareUrl(entry.url, addedBy, defaults);
    } catch (pageError) {
      if (!isUserError(pageError) || pageError.code === ERROR_CODES.ARTICLE_DUPLICATE) throw pageError;
      // The page's failure is the one that counts (a timeout is tried again at the next poll).
      let fallback: PreparedArticle | null = null;
      try {
        fallback = await ownText();
      } catch {
        throw pageError;
      }
      if (fallback === null) throw pageError;
      return fallback;
    }
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}
