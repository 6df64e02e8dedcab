/**
 * Hostile text, forged clicks and other servers, through the real discord.js client against the
 * fake Discord: what another team's server, a crafted button or a markdown-laden article can do.
 */
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { startBot, type BotHandle } from '../../src/bot/client.js';
import { COMMANDS } from '../../src/commands/index.js';
import { openIntakeServices } from '../../src/intake/services.js';
import type { Config } from '../../src/config.js';
import { QuizStore } from '../../src/quiz/store.js';
import { FAKE_CHANNEL_ID, FakeDiscord, e2eConfig, snowflake, type RecordedCall } from './fake-discord.js';

const SUBCOMMAND = 1;
const STRING = 3;
const INTEGER = 4;
const EPHEMERAL = 64;
const OTHER_GUILD = '100000000000000777';
const OTHER_CHANNEL = '100000000000000778';
const MASKED_LINK = '[click here](http://evil.example/login)';
/** A masked link is live when an unescaped `[label](…)` is left. */
const LIVE_MASKED_LINK = /(?<!\\)\[[^\]]*(?<!\\)\]\(/u;

interface Body {
  content?: string;
  embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }>;
  components?: Array<{ components: Array<{ custom_id: string; label?: string }> }>;
  flags?: number;
}

let fake: FakeDiscord;
let work: string;
let config: Readonly<Config>;
let bot: BotHandle;
let userSeq = 0;
const newUser = (): string => String(300_000_000_000_000_500n + BigInt(userSeq++));
const logger = pino({ level: 'silent' });

/** What the bot answered an interaction: its callback reply, or the last edit of its deferred reply. */
function answerTo(interaction: { id: string; token: string }): Body | undefined {
  let found: Body | undefined;
  for (const c of fake.callsFor(interaction)) {
    const body = c.body as (Body & { type?: number; data?: Body }) | null;
    if (body === null) continue;
    if (c.path.startsWith('/interactions/')) {
      if (body.data?.content !== undefined || body.data?.embeds !== undefined) found = body.data;
    } else if (c.method === 'PATCH' || c.method === 'POST') found = body;
  }
  return found;
}
const waitAnswer = (interaction: { id: string; token: string }): Promise<Body> => fake.waitFor(() => answerTo(interaction));
/** The interaction was answered with a private reply, at once, with nothing deferred or posted before it. */
function onlyPrivateReply(interaction: { id: string; token: string }): boolean {
  const calls = fake.callsFor(interaction);
  const body = calls[0]?.body as { type?: number; data?: Body } | undefined;
  return calls.length === 1 && body?.type === 4 && ((body.data?.flags ?? 0) & EPHEMERAL) !== 0;
}
const channelPosts = (channelId: string): RecordedCall[] => fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);
const buttonIds = (c: RecordedCall): string[] => ((c.body as Body | null)?.components ?? []).flatMap((row) => row.components.map((b) => b.custom_id));

const HOSTILE_ARTICLE = `Cảng Hải Phòng mở cửa trở lại ${MASKED_LINK}

# TIN KHẨN: bấm ${MASKED_LINK} để nhận thưởng

Cảng Hải Phòng đã mở cửa trở lại hôm thứ Hai sau cơn bão, theo ||thông báo mật|| của \`ban quản lý\` cảng.
> Các tàu đã xếp hàng chờ suốt hai ngày ngoài khơi.
-# Chi tiết tại ${MASKED_LINK}.
`;

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  work = await mkdtemp(path.join(os.tmpdir(), 'briefbot-hostile-'));
  const corpusDir = path.join(work, 'corpus');
  await cp(path.resolve(import.meta.dirname, '../../corpus'), corpusDir, { recursive: true });
  await writeFile(path.join(corpusDir, 'zz_hostile.txt'), HOSTILE_ARTICLE);
  config = e2eConfig(fake, work, { CORPUS_DIR: corpusDir, ASK_COOLDOWN_SECONDS: '0' });
  const desk = await Desk.open(config, { logger });
  bot = await startBot(config, desk, { logger, commands: COMMANDS, intake: await openIntakeServices(config, desk), drainMs: 2_000 });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('the briefing stays with its team', () => {
  it('GIVEN /ask from a server outside DISCORD_GUILD_IDS THEN a private refusal at once, and no briefing content', async () => {
    const ask = fake.command('ask', [{ name: 'question', type: STRING, value: 'What did Ushakov say about NATO?' }], { userId: newUser(), guildId: OTHER_GUILD, channelId: OTHER_CHANNEL });
    const answer = await waitAnswer(ask);
    expect(answer.content).toContain('belongs to another team');
    expect(answer.embeds ?? []).toEqual([]);
    expect(onlyPrivateReply(ask)).toBe(true);
    expect(JSON.stringify(fake.callsFor(ask))).not.toMatch(/Ushakov|NATO|Ушаков/u);
  });

  it('GIVEN every other command, a direct message and a button from elsewhere THEN each gets the same private refusal', async () => {
    const elsewhere = { userId: newUser(), guildId: OTHER_GUILD, channelId: OTHER_CHANNEL };
    const interactions = [
      fake.command('sources', [], elsewhere),
      fake.command('summary', [], elsewhere),
      fake.command('timeline', [], elsewhere),
      fake.command('help', [], elsewhere),
      fake.command('quiz', [{ name: 'leaderboard', type: SUBCOMMAND, options: [] }], elsewhere),
      fake.command('ask', [{ name: 'question', type: STRING, value: 'NATO' }], { userId: newUser(), guildId: null, channelId: OTHER_CHANNEL }),
      fake.button('ask:yes:AAAAAAAA', elsewhere),
    ];
    for (const interaction of interactions) {
      expect((await waitAnswer(interaction)).content).toContain('belongs to another team');
      expect(onlyPrivateReply(interaction)).toBe(true);
    }
  });

  it('GIVEN /quiz start from another server THEN no game starts, nothing is posted there and no score is kept', async () => {
    const start = fake.command('quiz', [{ name: 'start', type: SUBCOMMAND, options: [{ name: 'questions', type: INTEGER, value: 1 }] }], { userId: newUser(), guildId: OTHER_GUILD, channelId: OTHER_CHANNEL });
    expect((await waitAnswer(start)).content).toContain('belongs to another team');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(channelPosts(OTHER_CHANNEL)).toEqual([]);
    const store = QuizStore.open(config.quizDbFile);
    try {
      expect(store.leaderboard(OTHER_GUILD, 'all', Date.now())).toEqual([]);
      expect(store.runningGames().filter((g) => g.guildId === OTHER_GUILD)).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('GIVEN autocomplete typed in another server THEN it gets no choices, not the briefing titles', async () => {
    const typing = fake.autocomplete('summary', [{ name: 'article', type: STRING, value: '', focused: true }], { userId: newUser(), guildId: OTHER_GUILD, channelId: OTHER_CHANNEL });
    const answer = await fake.waitFor(() => fake.callsFor(typing).find((c) => c.path.startsWith('/interactions/')));
    expect(answer.body).toMatchObject({ type: 8, data: { choices: [] } });
  });
});

describe('hostile text is text', () => {
  it('GIVEN a question with a masked link THEN the bot shows it escaped, not as a link', async () => {
    const ask = fake.command('ask', [{ name: 'question', type: STRING, value: `Ushakov NATO ${MASKED_LINK}` }], { userId: newUser() });
    const answer = await waitAnswer(ask);
    expect(answer.content).toContain('\\[click here\\](http://evil.example/login)');
    expect(JSON.stringify(answer)).not.toMatch(LIVE_MASKED_LINK);
  });

  it('GIVEN an article with masked links, a heading, a spoiler, code and a quote THEN /ask and /sources show them as written', async () => {
    const ask = await waitAnswer(fake.command('ask', [{ name: 'question', type: STRING, value: 'Cảng Hải Phòng mở cửa trở lại sau cơn bão' }], { userId: newUser() }));
    const sources = await waitAnswer(fake.command('sources', [], { userId: newUser() }));
    const shown = [...(ask.embeds ?? []), ...(sources.embeds ?? [])].flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]);
    expect(shown.join('\n')).toContain('Cảng Hải Phòng');
    for (const text of shown) {
      expect(text).not.toMatch(LIVE_MASKED_LINK);
      expect(text).not.toMatch(/(?<!\\)\|\|thông báo/u);
      expect(text).not.toMatch(/^#/mu);
    }
  });
});

describe('forged quiz clicks change nothing', () => {
  it('GIVEN a quiz in the team channel THEN a click on its button from another channel is refused privately and not counted; a malformed quiz button gets a clear private reply', async () => {
    const host = newUser();
    const start = fake.command('quiz', [{ name: 'start', type: SUBCOMMAND, options: [{ name: 'questions', type: INTEGER, value: 1 }, { name: 'seconds', type: INTEGER, value: 120 }] }], { userId: host });
    await waitAnswer(start);
    const post = await fake.waitFor(() => channelPosts(FAKE_CHANNEL_ID).find((c) => buttonIds(c).length === 4));
    const [firstButton] = buttonIds(post);
    const gameId = firstButton!.split(':')[1]!;

    const foreign = fake.button(firstButton!, { userId: newUser(), channelId: OTHER_CHANNEL });
    expect((await waitAnswer(foreign)).content).toBe('This button belongs to a quiz in another channel; your click was not counted.');
    expect(onlyPrivateReply(foreign)).toBe(true);
    const fromOtherServer = fake.button(firstButton!, { userId: newUser(), guildId: OTHER_GUILD, channelId: FAKE_CHANNEL_ID });
    expect((await waitAnswer(fromOtherServer)).content).toContain('belongs to another team');

    for (const forged of ['quiz:', `quiz:${gameId}:0:9`, `quiz:${gameId}:zero:1`, 'quiz:../../x:0:1']) {
      const click = fake.button(forged, { userId: newUser() });
      expect((await waitAnswer(click)).content, forged).toBe('This button is not one the bot made; nothing was recorded.');
      expect(onlyPrivateReply(click)).toBe(true);
    }

    const store = QuizStore.open(config.quizDbFile);
    try {
      expect(store.gameTotals(gameId)).toEqual([]);
      const own = fake.button(firstButton!, { userId: host });
      expect((await waitAnswer(own)).content).toMatch(/^Locked in [A-D]/u);
      await fake.waitFor(() => store.gameTotals(gameId).length === 1);
    } finally {
      store.close();
    }
    await waitAnswer(fake.command('quiz', [{ name: 'stop', type: SUBCOMMAND, options: [] }], { userId: host }));
  });

  it('GIVEN /quiz start with options outside their ranges sent past Discord THEN a private reply says which option and why', async () => {
    const start = fake.command('quiz', [{ name: 'start', type: SUBCOMMAND, options: [{ name: 'seconds', type: INTEGER, value: -10 }] }], { userId: newUser(), channelId: String(snowflake()) });
    const answer = await waitAnswer(start);
    expect(answer.content).toMatch(/seconds.*must be a whole number from \d+ to \d+ \(got "-10"\)/u);
  });
});

describe('feedback: one vote per user per answer, kept private', () => {
  it('GIVEN one user clicking Helpful five times and then Not helpful THEN one vote is kept, the last, in a file only the bot can read', async () => {
    const user = newUser();
    const other = newUser();
    const answer = await waitAnswer(fake.command('ask', [{ name: 'question', type: STRING, value: 'What did Ushakov say about NATO?' }], { userId: user }));
    const buttons = answer.components![0]!.components;
    const helpful = buttons.find((b) => b.label === 'Helpful')!.custom_id;
    const notHelpful = buttons.find((b) => b.label === 'Not helpful')!.custom_id;
    for (let i = 0; i < 5; i++) await waitAnswer(fake.button(helpful, { userId: user }));
    await waitAnswer(fake.button(notHelpful, { userId: user }));
    await waitAnswer(fake.button(helpful, { userId: other }));
    const votes = (await readFile(config.feedbackFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { userId: string; helpful: boolean; answerId: string });
    expect(votes.filter((v) => v.userId === user)).toEqual([expect.objectContaining({ helpful: false })]);
    expect(votes.filter((v) => v.userId === other)).toEqual([expect.objectContaining({ helpful: true })]);
    expect((await stat(config.feedbackFile)).mode & 0o777).toBe(0o600);
  });
});
