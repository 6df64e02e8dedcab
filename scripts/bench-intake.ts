/**
 * How long adding articles takes on a large corpus, and how long the bot's event loop stalls
 * meanwhile. A lexical desk over synthetic articles (scripts/bench/synthetic-corpus.ts) of about
 * `--passages` passages; a web server on 127.0.0.1 serves a feed of `--entries` entries, each with
 * a page. Timed: one article added by link; a feed subscribed, which takes in its first entries;
 * the same number of links added at once (as several people might). For each: wall time until the
 * articles are answerable, index updates run, and the longest event-loop stall.
 *
 *   npx tsx scripts/bench-intake.ts [--passages 10000] [--entries 10]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Desk } from '../src/briefing/desk.js';
import { parseConfig } from '../src/config.js';
import { ArticleIntake, type IntakeDesk } from '../src/intake/article-intake.js';
import { FeedStore } from '../src/intake/feed-store.js';
import { FeedWatcher } from '../src/intake/feed-watcher.js';
import { SafeFetcher } from '../src/intake/fetch.js';
import { corpusVocabulary, syntheticText, writeSyntheticCorpus } from './bench/synthetic-corpus.js';

const SEED = 7;
/** Synthetic articles come to about this many passages each (6 paragraphs of 4 sentences). */
const PASSAGES_PER_ARTICLE = 6;

const { values: flags } = parseArgs({ options: { passages: { type: 'string', default: '10000' }, entries: { type: 'string', default: '10' } } });
const targetPassages = Number(flags.passages);
const entryCount = Number(flags.entries);

const root = await mkdtemp(path.join(os.tmpdir(), 'briefbot-bench-intake-'));
const text = syntheticText(await corpusVocabulary(path.resolve('corpus')), SEED);
const pageOf = (title: string): string => {
  const paragraphs = Array.from({ length: 6 }, () => `<p>${Array.from({ length: 4 }, () => text.sentence()).join(' ')}</p>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title><meta property="og:site_name" content="Bench Daily"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>${paragraphs}</article><footer>Bench Daily</footer></body></html>`;
};
const pages = new Map<string, string>();
const server = http.createServer((req, res) => {
  const body = pages.get(req.url ?? '');
  res.writeHead(body === undefined ? 404 : 200, { 'content-type': req.url === '/feed.xml' ? 'application/rss+xml; charset=utf-8' : 'text/html; charset=utf-8' });
  res.end(body ?? 'not found');
});

try {
  await writeSyntheticCorpus(path.join(root, 'corpus'), Math.round(targetPassages / PASSAGES_PER_ARTICLE), text);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const link = (name: string): string => {
    pages.set(`/${name}`, pageOf(`${name} ${text.sentence()}`));
    return `${base}/${name}`;
  };
  const feedItems = Array.from({ length: entryCount }, (_, i) => link(`feed-entry-${i}`));
  pages.set('/feed.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Daily</title>${feedItems.map((url, i) => `<item><title>Entry ${i}</title><link>${url}</link><guid>${url}</guid></item>`).join('')}</channel></rss>`);
  const singleLink = link('single');
  const manyLinks = Array.from({ length: entryCount }, (_, i) => link(`link-${i}`));

  const config = parseConfig({ CORPUS_DIR: path.join(root, 'corpus'), DATA_DIR: path.join(root, 'data'), MODELS_DIR: path.join(root, 'models'), LOG_LEVEL: 'silent' });
  let t = performance.now();
  const desk = await Desk.open(config);
  console.log(`corpus: ${desk.index.articles.size} articles, ${desk.index.passages.length} passages; first ingest ${((performance.now() - t) / 1000).toFixed(1)} s; load average ${os.loadavg()[0]?.toFixed(1)}`);

  let updates = 0;
  const counted: IntakeDesk = {
    get index() {
      return desk.index;
    },
    update(change) {
      updates++;
      return desk.update(change);
    },
  };
  const fetcher = new SafeFetcher({ allowPrivateHosts: true, timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes });
  const intake = new ArticleIntake({ desk: counted, fetcher, corpusDir: config.corpusDir, addedDir: config.addedDir, removedDir: config.removedArticlesDir, maxArticleBytes: config.maxArticleBytes });
  const { store } = await FeedStore.open(config.feedsFile);
  const watcher = new FeedWatcher({ store, intake, fetcher });

  const rows: string[] = [];
  const measure = async (what: string, work: () => Promise<number>): Promise<void> => {
    updates = 0;
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    t = performance.now();
    const added = await work();
    const seconds = (performance.now() - t) / 1000;
    stalls.disable();
    rows.push(`| ${what} | ${added} | ${seconds.toFixed(2)} s | ${updates} | ${(stalls.max / 1e9).toFixed(2)} s |`);
  };
  await measure('one link', async () => ((await intake.addUrl(singleLink, 'bench')) ? 1 : 0));
  await measure(`a feed's first ${entryCount} entries`, async () => (await watcher.subscribe({ url: `${base}/feed.xml`, guildId: null, channelId: null, addedBy: 'bench' })).added.length);
  await measure(`${entryCount} links at once`, async () => (await Promise.all(manyLinks.map((url) => intake.addUrl(url, 'bench')))).length);

  console.log('| added | articles | until answerable | index updates | longest event-loop stall |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
  console.log(`load average at the end: ${os.loadavg()[0]?.toFixed(1)}`);
  await desk.close();
} finally {
  server.close();
  await rm(root, { recursive: true, force: true });
}
