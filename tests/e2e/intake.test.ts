/**
 * Adding articles and following feeds through the real discord.js client against the fake
 * Discord: pages and a feed on a local server (127.0.0.1), an attachment served by the fake,
 * Manage Server enforced, and the address rule when it is not lifted.
 */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { startBot, type BotHandle } from '../../src/bot/client.js';
import { COMMANDS } from '../../src/commands/index.js';
import type { Config } from '../../src/config.js';
import type { Scheduler } from '../../src/intake/feed-watcher.js';
import { openIntakeServices } from '../../src/intake/services.js';
import { LocalWeb } from '../intake/local-web.js';
import { FAKE_CHANNEL_ID, FakeDiscord, PERMISSIONS_MANAGE_GUILD, PERMISSIONS_NONE, e2eConfig, type CommandOption, type RecordedCall } from './fake-discord.js';

const STRING = 3;
const SUB_COMMAND = 1;
const CHANNEL = 7;
const ATTACHMENT = 11;
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/intake');
const logger = pino({ level: 'silent' });

interface MessageBody {
  content?: string;
  embeds?: Array<{ title?: string; url?: string; description?: string; footer?: { text: string }; fields?: Array<{ name: string; value: string }> }>;
}

const LIGHTHOUSE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Lighthouse keeper retires after 41 years</title>
<meta property="og:site_name" content="Harbour Daily"><meta property="article:published_time" content="2026-02-05T07:00:00Z"></head>
<body><nav><a href="/">Front page</a> <a href="/subscribe">Subscribe for 1 euro a week</a></nav><article><h1>Lighthouse keeper retires after 41 years</h1>
<p>Agnes Moravec, the last keeper of the Cape Velsa lighthouse, retired on Thursday after 41 years, handing the light over to an automatic system.</p>
<p>She climbed the tower's 212 steps twice a day, she said, and never once missed the lamp at dusk, not even in the storm of 1999.</p></article>
<aside class="related"><a href="/other">Council approves new parking rules</a></aside></body></html>`;

const FERRY = `Ferry line to Marenza resumes in March

The ferry line between Port Velsa and Marenza will resume on March 2 after a three-year pause, the operator Bluewake said on Wednesday.

Two sailings a day will leave at 7:15 and 16:40, and the crossing will take two hours and ten minutes. A single adult ticket will cost 34 euros.
`;

let fake: FakeDiscord;
let web: LocalWeb;
let work: string;
let config: Readonly<Config>;
let desk: Desk;
let bot: BotHandle;
let polls: Array<() => Promise<void>> = [];
/** Entries the feed lists right now. */
let feedItems: Array<{ slug: string; title: string }> = [];

const manager = { permissions: PERMISSIONS_MANAGE_GUILD, userId: '300000000000000201' };
const member = { permissions: PERMISSIONS_NONE, userId: '300000000000000202' };

function rss(): string {
  const items = feedItems.map((i) => `<item><title>${i.title}</title><link>${web.url(`/news/${i.slug}`)}</link><guid>${i.slug}</guid></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Daily</title>${items}</channel></rss>`;
}

async function reply(interaction: { id: string; token: string }): Promise<MessageBody> {
  const call = await fake.waitFor(() => fake.callsFor(interaction).find((c) => c.method === 'PATCH' && c.path.endsWith('/messages/@original') && c.status === 200));
  return call.body as MessageBody;
}

const allText = (body: MessageBody): string => JSON.stringify([body.content, body.embeds]);
const sub = (name: string, options: CommandOption[] = []): CommandOption[] => [{ name, type: SUB_COMMAND, options }];
const channelPosts = (): RecordedCall[] => fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${FAKE_CHANNEL_ID}/messages`);

async function ask(question: string): Promise<MessageBody> {
  return reply(fake.command('ask', [{ name: 'question', type: STRING, value: question }], { userId: String(300_000_000_000_000_300n + BigInt(Math.floor(Math.random() * 1e6))) }));
}

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  web = new LocalWeb();
  await web.start();
  web.set('/cities/port-velsa-desalination', { body: await readFile(path.join(FIXTURES, 'news-page.en.html')) });
  web.set('/news/lighthouse', { body: LIGHTHOUSE });
  web.set('/feed.xml', () => ({ headers: { 'content-type': 'application/rss+xml' }, body: rss() }));
  work = await mkdtemp(path.join(os.tmpdir(), 'briefbot-e2e-intake-'));
  const corpusDir = path.join(work, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  config = e2eConfig(fake, work, { CORPUS_DIR: corpusDir, ASK_COOLDOWN_SECONDS: '0', FETCH_ALLOW_PRIVATE_HOSTS: '1' });
  desk = await Desk.open(config, { logger });
  const scheduler: Scheduler = {
    every(_ms, task) {
      polls.push(task);
      return () => {
        polls = [];
      };
    },
  };
  bot = await startBot(config, desk, { logger, commands: COMMANDS, intake: await openIntakeServices(config, desk), feedScheduler: scheduler, drainMs: 2_000 });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await web?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('adding articles from Discord', () => {
  it('GIVEN /article add url: on the local page THEN /ask about a fact only it holds cites it with its title, source and date, and no passage carries its navigation or related links', async () => {
    const added = await reply(fake.command('article', sub('add', [{ name: 'url', type: STRING, value: web.url('/cities/port-velsa-desalination') }]), manager));
    expect(allText(added)).toContain('Port Velsa opens its first desalination plant');

    const answer = await ask('How many cubic metres of drinking water will the Port Velsa plant produce a day?');
    const top = answer.embeds![0]!;
    expect(top.title).toBe('1. Port Velsa opens its first desalination plant');
    expect(top.url).toBe(web.url('/cities/port-velsa-desalination'));
    expect(top.description).toContain('42,000 cubic metres');
    expect(top.fields).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'The Coastal Ledger' }), expect.objectContaining({ value: '2025-11-20' })]));

    const docId = top.footer!.text.split(' · ')[0]!;
    const passages = desk.index.passages.filter((p) => p.docId === docId).map((p) => p.text).join('\n');
    expect(passages).toContain('42,000 cubic metres');
    for (const furniture of ['Subscribe to our newsletter', 'Drought hits northern farms', 'Reservoir levels fall', 'Most read', 'Zephyr', 'Home World Business']) expect(passages).not.toContain(furniture);
  });

  it('GIVEN /article add file: with a .txt attachment served by Discord THEN it is added and /ask cites it; /article list shows who added it', async () => {
    const file = fake.attachment('ferry.txt', Buffer.from(FERRY));
    const added = await reply(fake.command('article', sub('add', [{ name: 'file', type: ATTACHMENT, value: file.id }]), manager, { attachments: { [file.id]: file } }));
    expect(allText(added)).toContain('Ferry line to Marenza resumes in March');
    const answer = await ask('How much is a single adult ferry ticket to Marenza?');
    expect(answer.embeds![0]!.title).toBe('1. Ferry line to Marenza resumes in March');
    const list = await reply(fake.command('article', sub('list'), manager));
    expect(allText(list)).toContain('Ferry line to Marenza resumes in March');
    expect(allText(list)).toContain(`user${manager.userId.slice(-4)}`);
  });

  it('GIVEN a binary attachment THEN the reply is private, says why, and nothing is added', async () => {
    const before = desk.index.articles.size;
    const file = fake.attachment('scan.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), 'application/octet-stream');
    const interaction = fake.command('article', sub('add', [{ name: 'file', type: ATTACHMENT, value: file.id }]), manager, { attachments: { [file.id]: file } });
    const body = await reply(interaction);
    expect(allText(body)).toContain('is not UTF-8 text');
    expect((fake.callsFor(interaction)[0]?.body as { data?: { flags?: number } }).data?.flags).toBe(64);
    expect(desk.index.articles.size).toBe(before);
  });

  it('GIVEN a member without Manage Server THEN they cannot add, remove or subscribe, and nothing is fetched', async () => {
    const before = desk.index.articles.size;
    const requests = web.requests.length;
    for (const options of [
      sub('add', [{ name: 'url', type: STRING, value: web.url('/news/lighthouse') }]),
      sub('remove', [{ name: 'article', type: STRING, value: '2025-11-20' }]),
    ]) {
      expect(allText(await reply(fake.command('article', options, member)))).toContain('Manage Server');
    }
    for (const options of [sub('add', [{ name: 'url', type: STRING, value: web.url('/feed.xml') }]), sub('remove', [{ name: 'feed', type: STRING, value: web.url('/feed.xml') }])]) {
      expect(allText(await reply(fake.command('feed', options, member)))).toContain('Manage Server');
    }
    expect(desk.index.articles.size).toBe(before);
    expect(web.requests.length).toBe(requests);
    expect(allText(await reply(fake.command('feed', sub('list'), manager)))).toContain('follows no feed');
  });

  it('GIVEN a Vietnamese manager and no feed followed THEN /feed list and /feed remove name the commands as their Vietnamese picker shows them', async () => {
    const vi = { ...manager, locale: 'vi' };
    const list = allText(await reply(fake.command('feed', sub('list'), vi)));
    expect(list).toContain('Máy chủ này chưa theo dõi nguồn tin nào: /nguon_tin them nhận địa chỉ RSS hoặc Atom.');
    const remove = allText(await reply(fake.command('feed', sub('remove', [{ name: 'feed', type: STRING, value: 'none' }]), vi)));
    expect(remove).toContain('dùng /nguon_tin danh_sach để xem danh sách.');
    expect(list + remove).not.toMatch(/\/feed|\/article/u);
  });

  it('GIVEN /feed add with a channel and an entry published between two polls THEN the entry is answerable after the next poll and announced once in the channel', async () => {
    feedItems = [];
    const subscribed = await reply(fake.command('feed', sub('add', [{ name: 'url', type: STRING, value: web.url('/feed.xml') }, { name: 'channel', type: CHANNEL, value: FAKE_CHANNEL_ID }]), manager, { channels: { [FAKE_CHANNEL_ID]: { id: FAKE_CHANNEL_ID, type: 0, name: 'briefing', permissions: '0' } } }));
    expect(allText(subscribed)).toContain('Following “Harbour Daily”');
    expect(polls).toHaveLength(1);
    const postsBefore = channelPosts().length;

    feedItems = [{ slug: 'lighthouse', title: 'Lighthouse keeper retires after 41 years' }];
    await polls[0]!();
    expect(channelPosts()).toHaveLength(postsBefore + 1);
    const post = channelPosts()[postsBefore]!;
    const announced = (post.body as MessageBody).embeds![0]!;
    expect(announced).toMatchObject({ title: 'Lighthouse keeper retires after 41 years', url: web.url('/news/lighthouse') });
    expect(announced.description).toMatch(/^Agnes Moravec, the last keeper of the Cape Velsa lighthouse/);
    expect(announced.footer!.text).toContain('Harbour Daily · 2026-02-05');

    const answer = await ask('How many steps does the Cape Velsa lighthouse have?');
    expect(answer.embeds![0]!.title).toBe('1. Lighthouse keeper retires after 41 years');

    await polls[0]!();
    expect(web.requestsTo('/feed.xml')).toHaveLength(3);
    expect(channelPosts()).toHaveLength(postsBefore + 1);
    expect(allText(await reply(fake.command('feed', sub('list'), manager)))).toContain('Harbour Daily');
  });
});

describe('the address rule from Discord', () => {
  it('GIVEN FETCH_ALLOW_PRIVATE_HOSTS unset THEN /article add url: on the local server is refused and the server sees no request', async () => {
    const strictWork = await mkdtemp(path.join(os.tmpdir(), 'briefbot-e2e-strict-'));
    const corpusDir = path.join(strictWork, 'corpus');
    await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
    const strict = e2eConfig(fake, strictWork, { CORPUS_DIR: corpusDir });
    await bot.stop();
    const strictDesk = await Desk.open(strict, { logger });
    bot = await startBot(strict, strictDesk, { logger, commands: COMMANDS, intake: await openIntakeServices(strict, strictDesk), drainMs: 2_000 });
    try {
      const requests = web.requests.length;
      const body = await reply(fake.command('article', sub('add', [{ name: 'url', type: STRING, value: web.url('/news/lighthouse') }]), manager));
      expect(allText(body)).toContain('internal address (127.0.0.1, loopback)');
      expect(web.requests.length).toBe(requests);
      expect(await readdir(strict.addedDir).catch(() => [])).toEqual([]);
    } finally {
      await rm(strictWork, { recursive: true, force: true });
    }
  });
});
