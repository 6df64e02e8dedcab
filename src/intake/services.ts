/**
 * The intake's services, opened once from the configuration and passed to whoever adds articles
 * (Discord commands, the console): the safe fetcher, the article intake and the feed watcher.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { ArticleIntake, type IntakeDesk } from './article-intake.js';
import { FeedStore } from './feed-store.js';
import { FeedWatcher } from './feed-watcher.js';
import { SafeFetcher, type FetchDeps } from './fetch.js';

/** Discord serves attachments from these hosts. */
export const DISCORD_ATTACHMENT_HOSTS: readonly string[] = ['cdn.discordapp.com', 'media.discordapp.net'];

export interface IntakeServices {
  fetcher: SafeFetcher;
  articles: ArticleIntake;
  feeds: FeedWatcher;
  /** Whether a file may be taken from this host: Discord's CDN, or the host of DISCORD_API_URL (a proxy, or the tests' fake Discord). */
  attachmentHostAllowed(hostname: string): boolean;
}

export async function openIntakeServices(config: Readonly<Config>, desk: IntakeDesk, options: { logger?: Logger; fetch?: FetchDeps } = {}): Promise<IntakeServices> {
  const fetcher = new SafeFetcher({ allowPrivateHosts: config.fetchAllowPrivateHosts, timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes }, options.fetch);
  const articles = new ArticleIntake({ desk, fetcher, corpusDir: config.corpusDir, addedDir: config.addedDir, removedDir: config.removedArticlesDir, maxArticleBytes: config.maxArticleBytes });
  const { store, setAside } = await FeedStore.open(config.feedsFile);
  if (setAside !== null) options.logger?.warn({ file: config.feedsFile, setAside }, 'the feed list was damaged; it was set aside and the bot starts with no feeds');
  const feeds = new FeedWatcher({ store, intake: articles, fetcher, logger: options.logger });
  const hosts = new Set(DISCORD_ATTACHMENT_HOSTS);
  if (config.discordApiUrl !== null) hosts.add(new URL(config.discordApiUrl).hostname);
  return { fetcher, articles, feeds, attachmentHostAllowed: (hostname) => hosts.has(hostname.toLowerCase()) };
}
