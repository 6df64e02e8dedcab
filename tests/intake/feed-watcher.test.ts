/**
 * Following a feed served by a local server on 127.0.0.1: the first entries taken in, an entry
 * published between two polls added and announced once, conditional requests, a restart.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../src/briefing/desk.js';
import type { Config } from '../../src/config.js';
import { ERROR_CODES, UserError } from '../../src/errors.js';
import { ArticleIntake } from '../../src/intake/article-intake.js';
import { FeedStore } from '../../src/intake/feed-store.js';
import { FeedWatcher, type FeedNews, type Scheduler } from '../../src/intake/feed-watcher.js';
import { SafeFetcher } from '../../src/intake/fetch.js';
import { articleFromHtml, paragraphsFromHtml } from '../../src/intake/page-article.js';
import { PAGE_READ_TIMEOUT_MS, type PageReader } from '../../src/intake/page-reader.js';
import { LocalWeb } from './local-web.js';
import { Workspaces, countingDesk, refusal } from './workspace.js';

interface Story {
  slug: string;
  title: string;
  date: string;
  paragraphs: string[];
}

const STORIES: Story[] = [
  {
    slug: 'tram-line',
    title: 'Orrin gets its first tram line',
    date: '2026-02-02',
    paragraphs: [
      'The first tram line in the southern district of Orrin opened on Monday, linking the ferry terminal with the university campus in 14 minutes.',
      'The line has nine stops and cost 64 million euros. Trams will run every six minutes at peak hours, the transport authority said.',
    ],
  },
  {
    slug: 'fish-market',
    title: 'Old fish market to become a food hall',
    date: '2026-02-03',
    paragraphs: [
      'The old fish market on the north quay will reopen as a food hall with 38 stalls next summer, the city council decided on Tuesday.',
      'Local fishing families will keep six stalls at a reduced rent, and the building\'s 1911 iron roof will be restored rather than replaced.',
    ],
  },
  {
    slug: 'lighthouse',
    title: 'Lighthouse keeper retires after 41 years',
    date: '2026-02-05',
    paragraphs: [
      'Agnes Moravec, the last keeper of the Cape Velsa lighthouse, retired on Thursday after 41 years, handing the light over to an automatic system.',
      'She climbed the tower\'s 212 steps twice a day, she said, and never once missed the lamp at dusk, not even in the storm of 1999.',
    ],
  },
];

function page(story: Story): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${story.title} | Harbour Daily</title>
<meta property="og:site_name" content="Harbour Daily"><meta property="article:published_time" content="${story.date}T07:00:00Z"></head>
<body><nav><a href="/">Front page</a> <a href="/city">City</a> <a href="/subscribe">Subscribe for 1 euro a week</a></nav>
<article><h1>${story.title}</h1>${story.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
<aside class="related"><h3>Related</h3><a href="/other">Council approves new parking rules</a></aside><footer>Harbour Daily, all rights reserved</footer></body></html>`;
}

function rss(stories: Story[]): string {
  const items = [...stories].reverse().map((s) => `<item><title>${s.title}</title><link>${web.url(`/news/${s.slug}`)}</link><guid isPermaLink="false">harbour-${s.slug}</guid><pubDate>${new Date(`${s.date}T07:00:00Z`).toUTCString()}</pubDate><description>${s.paragraphs[0]}</description></item>`);
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Daily</title><link>${web.url('/')}</link>${items.join('')}</channel></rss>`;
}

let web: LocalWeb;
/** What the feed lists right now; the feed's ETag changes with it. */
let published: Story[] = [];
const workspaces = new Workspaces();

beforeAll(async () => {
  web = new LocalWeb();
  await web.start();
  for (const story of STORIES) web.set(`/news/${story.slug}`, { body: page(story) });
  web.set('/feed.xml', (req) => {
    const etag = `"${published.map((s) => s.slug).join('+')}"`;
    if (req.headers['if-none-match'] === etag) return { status: 304 };
    return { headers: { 'content-type': 'application/rss+xml; charset=utf-8', etag }, body: rss(published) };
  });
  web.set('/not-a-feed.xml', { headers: { 'content-type': 'application/xml' }, body: '<html><body><p>Hello</p></body></html>' });
  web.set('/page.html', { body: page(STORIES[0]!) });
  web.set('/thoi-su/cau-tau', { body: `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Khánh thành cầu cảng mới ở Vĩnh Hải</title></head>
<body><nav><a href="/">Trang chủ</a></nav><article><h1>Khánh thành cầu cảng mới ở Vĩnh Hải</h1>
<p>Cầu cảng số 3 của cảng Vĩnh Hải được khánh thành rạng sáng nay, cho phép tàu trọng tải 50.000 tấn cập bến thay vì 30.000 tấn như trước.</p>
<p>Công trình dài 420 mét, xây dựng trong 26 tháng với tổng vốn 1.150 tỷ đồng, theo ban quản lý cảng.</p></article></body></html>` });
  web.set('/vi-feed.xml', { headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Báo Vĩnh Hải</title>
<item><title>Khánh thành cầu cảng mới ở Vĩnh Hải</title><link>${web.url('/thoi-su/cau-tau')}</link><guid>vh-cau-tau</guid><pubDate>Fri, 05 Dec 2025 00:30:00 +0700</pubDate></item></channel></rss>` });
});

afterAll(async () => {
  await web.stop();
});

afterEach(async () => {
  await workspaces.cleanUp();
  web.requests.length = 0;
});

interface Setup {
  config: Readonly<Config>;
  desk: Desk;
  /** The desk as the intake sees it, counting index updates. */
  counted: ReturnType<typeof countingDesk>;
  store: FeedStore;
  watcher: FeedWatcher;
}

async function open(config: Readonly<Config>, pages?: PageReader): Promise<Setup> {
  const desk = await workspaces.desk(config);
  const counted = countingDesk(desk);
  const fetcher = new SafeFetcher({ allowPrivateHosts: true, timeoutMs: 5_000, maxBytes: config.fetchMaxBytes });
  const intake = new ArticleIntake({ desk: counted, fetcher, corpusDir: config.corpusDir, addedDir: config.addedDir, removedDir: config.removedArticlesDir, maxArticleBytes: config.maxArticleBytes, pages });
  const { store } = await FeedStore.open(config.feedsFile);
  const watcher = new FeedWatcher({ store, intake, fetcher, pages });
  return { config, desk, counted, store, watcher };
}

async function setUp(pages?: PageReader): Promise<Setup> {
  return open(await workspaces.config(), pages);
}

/** Reads pages in-process, except that reading `slowUrl` is refused as too slow `times` times. */
function slowAt(slowUrl: string, times: number): PageReader & { reads: string[] } {
  const reads: string[] = [];
  let refusals = times;
  return {
    reads,
    async article(html, pageUrl, where) {
      reads.push(where);
      if (pageUrl === slowUrl && refusals-- > 0) throw new UserError(ERROR_CODES.PAGE_TOO_SLOW, 'pageTooSlow', { where, seconds: PAGE_READ_TIMEOUT_MS / 1000 });
      return articleFromHtml(html, pageUrl);
    },
    async paragraphs(html) {
      return paragraphsFromHtml(html);
    },
  };
}

describe('following a feed', () => {
  it('GIVEN a feed that gains an entry between two polls THEN it is answerable after the next poll, announced once, and not added twice after a restart', async () => {
    published = STORIES.slice(0, 2);
    const first = await setUp();
    const { feed, added } = await first.watcher.subscribe({ url: web.url('/feed.xml'), guildId: '100000000000000001', channelId: '100000000000000003', addedBy: 'discord:300000000000000001 (mira)' });
    expect(feed.title).toBe('Harbour Daily');
    expect(added.map((a) => a.article.title)).toEqual(['Orrin gets its first tram line', 'Old fish market to become a food hall']);

    expect(await first.watcher.pollAll()).toEqual([]);
    expect(web.requestsTo('/feed.xml').at(-1)?.headers['if-none-match']).toBe('"tram-line+fish-market"');

    published = STORIES;
    const question = 'How many steps does the Cape Velsa lighthouse tower have?';
    expect((await first.desk.ask(question)).passages.some((p) => p.text.includes('212 steps'))).toBe(false);
    const news = await first.watcher.pollAll();
    expect(news).toHaveLength(1);
    expect(news[0]!.added.map((a) => a.article.title)).toEqual(['Lighthouse keeper retires after 41 years']);
    expect(news[0]!.added[0]!.lead).toMatch(/^Agnes Moravec, the last keeper/);
    const answer = await first.desk.ask(question);
    expect(answer.passages[0]).toMatchObject({ title: 'Lighthouse keeper retires after 41 years', source: 'Harbour Daily', date: '2026-02-05' });
    expect(answer.passages[0]!.text).toContain('212 steps');

    expect(await first.watcher.pollAll()).toEqual([]);
    await first.watcher.stop();

    const restarted = await open(first.config);
    expect(await restarted.watcher.pollAll()).toEqual([]);
    expect([...restarted.desk.index.articles.values()].filter((a) => a.file.startsWith('added/'))).toHaveLength(3);
    expect(web.requestsTo('/news/lighthouse')).toHaveLength(1);
  });

  it('GIVEN a feed\'s first entries, one of them without article text and one a copy THEN one index update takes the others in, and the bad ones are handled on their own', async () => {
    const [tram, market, lighthouse] = STORIES;
    const item = (guid: string, title: string, link: string, description = ''): string => `<item><title>${title}</title><link>${web.url(link)}</link><guid>${guid}</guid>${description === '' ? '' : `<description>${description}</description>`}</item>`;
    web.set('/mixed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Daily</title>
${item('m4', 'Lighthouse again', `/news/${lighthouse!.slug}?utm_source=rss`)}${item('m3', 'Sign in', '/login-wall')}${item('m2', market!.title, `/news/${market!.slug}`)}${item('m1', tram!.title, `/news/${tram!.slug}`)}${item('m0', lighthouse!.title, `/news/${lighthouse!.slug}`)}</channel></rss>` });
    web.set('/login-wall', { body: '<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav><form><p>Sign in to read on.</p></form></body></html>' });
    const { counted, watcher, desk } = await setUp();
    const { feed, added } = await watcher.subscribe({ url: web.url('/mixed.xml'), guildId: null, channelId: null, addedBy: 'console' });
    expect(counted.updates).toBe(1);
    expect(added.map((a) => a.article.title)).toEqual([lighthouse!.title, tram!.title, market!.title]);
    expect(new Set(watcher.list(null)[0]!.seen)).toEqual(new Set(['m0', 'm1', 'm2', 'm3', 'm4']));
    expect(feed.failures).toEqual({});
    expect([...desk.index.articles.values()].filter((a) => a.file.startsWith('added/'))).toHaveLength(3);
  });

  it('GIVEN two feeds with news at one poll THEN one index update takes in the entries of both', async () => {
    published = STORIES.slice(0, 1);
    const { counted, watcher } = await setUp();
    await watcher.subscribe({ url: web.url('/feed.xml'), guildId: '1', channelId: null, addedBy: 'console' });
    await watcher.subscribe({ url: web.url('/feed.xml'), guildId: '2', channelId: null, addedBy: 'console' });
    published = STORIES;
    counted.updates = 0;
    const news = await watcher.pollAll();
    expect(counted.updates).toBe(1);
    // The same entries reach both servers' feeds: the first takes them in, the second finds them in the briefing.
    expect(news.map((n) => [n.feed.guildId, n.added.map((a) => a.article.title)])).toEqual([['1', [STORIES[1]!.title, STORIES[2]!.title]]]);
  });

  it('GIVEN a crash after a poll\'s articles were added but before the feed was saved THEN after a restart nothing is added or announced twice', async () => {
    published = STORIES.slice(0, 1);
    const first = await setUp();
    await first.watcher.subscribe({ url: web.url('/feed.xml'), guildId: null, channelId: null, addedBy: 'console' });
    published = STORIES;
    first.store.save = async () => {
      throw new Error('simulated crash before the feed list is written');
    };
    await expect(first.watcher.pollAll()).rejects.toThrow(/simulated crash/);
    expect([...first.desk.index.articles.values()].filter((a) => a.file.startsWith('added/'))).toHaveLength(3);

    const restarted = await open(first.config);
    expect(restarted.watcher.list(null)[0]!.seen).toEqual(['harbour-tram-line']);
    expect(await restarted.watcher.pollAll()).toEqual([]);
    expect([...restarted.desk.index.articles.values()].filter((a) => a.file.startsWith('added/'))).toHaveLength(3);
    expect(restarted.watcher.list(null)[0]!.seen).toHaveLength(3);
  });

  it('GIVEN an entry whose page is gone but whose feed text is an article THEN the feed text is added', async () => {
    const gone: Story = { slug: 'gone-story', title: 'Harbour cranes get solar roofs', date: '2026-02-06', paragraphs: ['The four container cranes on the east quay now carry solar panels on their machine houses, producing about 310 megawatt hours a year, the port said on Friday. The panels cover a fifth of the cranes\' own use.'] };
    published = [gone];
    const { desk, watcher } = await setUp();
    const { added } = await watcher.subscribe({ url: web.url('/feed.xml'), guildId: null, channelId: null, addedBy: 'console' });
    expect(added.map((a) => a.article.title)).toEqual(['Harbour cranes get solar roofs']);
    expect((await desk.ask('How much power do the solar panels on the cranes produce a year?')).passages[0]?.text).toContain('310 megawatt hours');
  });

  it('GIVEN an entry whose page is too slow to read THEN it is tried again at the next polls though the feed has not changed, and added once it reads', async () => {
    published = STORIES.slice(0, 2);
    const slowUrl = web.url('/news/fish-market');
    const pages = slowAt(slowUrl, 2);
    const { desk, watcher } = await setUp(pages);
    const { feed, added } = await watcher.subscribe({ url: web.url('/feed.xml'), guildId: null, channelId: null, addedBy: 'console' });
    expect(added.map((a) => a.article.title)).toEqual(['Orrin gets its first tram line']);
    expect(feed.failures).toEqual({ 'harbour-fish-market': 1 });
    expect(await watcher.pollAll()).toEqual([]);
    expect(watcher.list(null)[0]!.failures).toEqual({ 'harbour-fish-market': 2 });
    const [news] = await watcher.pollAll();
    expect(news?.added.map((a) => a.article.title)).toEqual(['Old fish market to become a food hall']);
    expect(watcher.list(null)[0]!.failures).toEqual({});
    expect(await watcher.pollAll()).toEqual([]);
    expect(pages.reads.filter((where) => where === slowUrl)).toHaveLength(3);
    expect(web.requestsTo('/feed.xml').at(-1)?.headers['if-none-match']).toBe('"tram-line+fish-market"');
    expect((await desk.ask('How many stalls will the food hall on the north quay have?')).passages[0]?.text).toContain('38 stalls');
  });

  it('GIVEN a page without a date from a feed entry published at 00:30 +07:00 THEN the article is dated the day the feed wrote', async () => {
    const { watcher } = await setUp();
    const { added } = await watcher.subscribe({ url: web.url('/vi-feed.xml'), guildId: null, channelId: null, addedBy: 'console' });
    expect(added.map((a) => [a.article.title, a.article.date])).toEqual([['Khánh thành cầu cảng mới ở Vĩnh Hải', '2025-12-05']]);
  });

  it('GIVEN an address that is not a feed THEN nothing is subscribed', async () => {
    const { config, watcher } = await setUp();
    expect((await refusal(watcher.subscribe({ url: web.url('/not-a-feed.xml'), guildId: null, channelId: null, addedBy: 'console' }))).code).toBe(ERROR_CODES.FEED_INVALID);
    expect((await refusal(watcher.subscribe({ url: web.url('/page.html'), guildId: null, channelId: null, addedBy: 'console' }))).code).toBe(ERROR_CODES.FETCH_BAD_TYPE);
    expect((await refusal(watcher.subscribe({ url: web.url('/missing.xml'), guildId: null, channelId: null, addedBy: 'console' }))).code).toBe(ERROR_CODES.FETCH_FAILED);
    expect(watcher.list(null)).toEqual([]);
    await expect(readFile(config.feedsFile, 'utf8')).rejects.toThrow();
  });

  it('GIVEN the same feed twice in one server THEN the second is refused; removing it stops it', async () => {
    published = STORIES.slice(0, 1);
    const { watcher } = await setUp();
    const { feed } = await watcher.subscribe({ url: web.url('/feed.xml'), guildId: '1', channelId: null, addedBy: 'console' });
    expect((await refusal(watcher.subscribe({ url: web.url('/feed.xml'), guildId: '1', channelId: null, addedBy: 'console' }))).code).toBe(ERROR_CODES.FEED_DUPLICATE);
    expect(watcher.list('2')).toEqual([]);
    expect((await watcher.unsubscribe('1', feed.id.slice(0, 4))).url).toBe(web.url('/feed.xml'));
    expect(watcher.list('1')).toEqual([]);
    expect((await refusal(watcher.unsubscribe('1', feed.id))).code).toBe(ERROR_CODES.FEED_NOT_FOUND);
  });

  it('GIVEN a scheduler THEN polling runs at the configured interval, each feed with news is told once, and it stops', async () => {
    published = STORIES.slice(0, 1);
    const { config, watcher } = await setUp();
    await watcher.subscribe({ url: web.url('/feed.xml'), guildId: '1', channelId: '3', addedBy: 'console' });
    const tasks: Array<{ ms: number; task: () => Promise<void>; cancelled: boolean }> = [];
    const scheduler: Scheduler = {
      every(ms, task) {
        const entry = { ms, task, cancelled: false };
        tasks.push(entry);
        return () => {
          entry.cancelled = true;
        };
      },
    };
    const told: FeedNews[] = [];
    watcher.start(config.feedPollMs, async (news) => void told.push(news), scheduler);
    expect(tasks.map((t) => t.ms)).toEqual([30 * 60_000]);
    published = STORIES.slice(0, 2);
    await tasks[0]!.task();
    await watcher.stop();
    expect(told.map((n) => n.added.map((a) => a.article.title))).toEqual([['Old fish market to become a food hall']]);
    expect(tasks[0]!.cancelled).toBe(true);
  });
});
