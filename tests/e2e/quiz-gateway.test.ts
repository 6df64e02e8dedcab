/**
 * The quiz through the whole bot: startBot's real discord.js client logs in to the fake
 * gateway, /quiz and the answer buttons arrive as INTERACTION_CREATE and go through the
 * dispatcher, the questions come from the demo corpus, and every message lands on the fake's
 * REST. The quiz's clock and timers are the test's (FakeTime): a 10 s round ends when the test
 * moves time 10 s on, not after 10 real seconds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { openIntakeServices } from '../../src/intake/services.js';
import { COMMANDS } from '../../src/commands/index.js';
import { startBot, type BotHandle } from '../../src/bot/client.js';
import { safeText } from '../../src/bot/render/limits.js';
import type { Config } from '../../src/config.js';
import { QuizStore } from '../../src/quiz/store.js';
import { FakeTime } from '../quiz/game-fixtures.js';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID, FakeDiscord, e2eConfig, type RecordedCall } from './fake-discord.js';

const SUBCOMMAND = 1;
const STRING = 3;
const INTEGER = 4;
const EPHEMERAL = 64;
const ROUND_TIMEOUT_MS = 20_000;
const ROUND_SECONDS = 10;
const REVEAL_PAUSE_MS = 5_000;

interface Embed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
}
interface Body {
  content?: string;
  embeds?: Embed[];
  components?: Array<{ components: Array<{ custom_id: string; disabled?: boolean }> }>;
  allowed_mentions?: { parse: string[] };
  flags?: number;
}

let fake: FakeDiscord;
let work: string;
let config: Readonly<Config>;
const logger = pino({ level: 'silent' });

async function startBriefbot(time?: FakeTime): Promise<BotHandle> {
  const desk = await Desk.open(config, { logger });
  return startBot(config, desk, { logger, commands: COMMANDS, intake: await openIntakeServices(config, desk), drainMs: 2_000, ...(time === undefined ? {} : { quizTime: { clock: time.clock, scheduler: time } }) });
}

const bodyOf = (c: RecordedCall): Body => (c.body ?? {}) as Body;
const embedOf = (c: RecordedCall): Embed => bodyOf(c).embeds?.[0] ?? {};
const buttonIds = (c: RecordedCall): string[] => (bodyOf(c).components ?? []).flatMap((row) => row.components.map((b) => b.custom_id));
const channelPosts = (): RecordedCall[] => fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${FAKE_CHANNEL_ID}/messages`);
const questionPosts = (): RecordedCall[] => channelPosts().filter((c) => buttonIds(c).length === 4);
const channelEdits = (): RecordedCall[] => fake.calls.filter((c) => c.method === 'PATCH' && c.path.startsWith(`/channels/${FAKE_CHANNEL_ID}/messages/`));

/** What the bot answered an interaction: its callback reply or the edit of its deferred reply. */
function answerTo(interaction: { id: string; token: string }): Body | undefined {
  for (const c of fake.callsFor(interaction)) {
    const body = c.body as (Body & { type?: number; data?: Body }) | null;
    if (body === null) continue;
    if (c.path.startsWith('/interactions/')) {
      if (body.data?.content !== undefined || body.data?.embeds !== undefined) return body.data;
    } else if (c.method === 'PATCH') return body;
  }
  return undefined;
}
const waitAnswer = (interaction: { id: string; token: string }): Promise<Body> => fake.waitFor(() => answerTo(interaction), ROUND_TIMEOUT_MS);
const isEphemeral = (interaction: { id: string; token: string }): boolean =>
  fake.callsFor(interaction).some((c) => c.path.startsWith('/interactions/') && ((c.body as { data?: Body } | null)?.data?.flags ?? 0) & EPHEMERAL);

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  work = await mkdtemp(path.join(os.tmpdir(), 'briefbot-quiz-gateway-'));
  config = e2eConfig(fake, work);
});

afterAll(async () => {
  await fake?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('the quiz through the fake gateway', () => {
  it('plays three questions from the corpus with three players: every message, every ack, and the scores SQLite keeps', async () => {
    const time = new FakeTime();
    time.now = Date.now();
    const bot = await startBriefbot(time);
    const [ann, bob, cy] = ['300000000000000011', '300000000000000012', '300000000000000013'];
    const start = fake.command('quiz', [{ name: 'start', type: SUBCOMMAND, options: [{ name: 'questions', type: INTEGER, value: 3 }, { name: 'seconds', type: INTEGER, value: ROUND_SECONDS }] }], { userId: ann });
    expect((await waitAnswer(start)).content).toContain('Starting a quiz of 3 questions, 10 s each');
    time.advance(0);

    // Who answers right in each round: the answer is read from the game's own record once asked.
    const plan: Array<Array<[string, boolean]>> = [
      [[ann, true], [bob, true], [cy, false]],
      [[ann, true], [bob, false], [cy, true]],
      [[ann, true], [bob, true], [cy, true]],
    ];
    const reader = await fake.waitFor(() => questionPosts().length > 0 && QuizStore.open(config.quizDbFile), ROUND_TIMEOUT_MS);
    const gameId = buttonIds(questionPosts()[0]!)[0]!.split(':')[1]!;
    const chosen: number[][] = [];
    const acks: Array<{ id: string; token: string }> = [];
    for (let i = 0; i < 3; i++) {
      await fake.waitFor(() => questionPosts().length === i + 1, ROUND_TIMEOUT_MS);
      const post = questionPosts()[i]!;
      expect(embedOf(post).title).toBe(`Question ${i + 1}/3`);
      expect(buttonIds(post)).toEqual([0, 1, 2, 3].map((c) => `quiz:${gameId}:${i}:${c}`));
      const asked = await fake.waitFor(() => reader.questionsAsked(gameId)[i]);
      expect(embedOf(post).description).toContain(safeText(asked.question.prompt));
      const answer = asked.question.answerIndex;
      chosen.push(plan[i]!.map(([, right]) => (right ? answer : (answer + 1) % 4)));
      const clicks = plan[i]!.map(([who], p) => fake.button(`quiz:${gameId}:${i}:${chosen[i]![p]}`, { userId: who }));
      acks.push(...clicks);
      await Promise.all(clicks.map((click) => waitAnswer(click)));
      const revealed = (): boolean => channelPosts().filter((c) => (embedOf(c).title ?? '').includes('the answer is')).length === i + 1;
      if (i === 0) {
        // Round one runs its full time (nobody is known to be playing yet): a second click is refused.
        const again = fake.button(`quiz:${gameId}:0:0`, { userId: ann });
        expect((await waitAnswer(again)).content).toBe(`You already answered ${'ABCD'[chosen[0]![0]!]}.`);
        expect(isEphemeral(again)).toBe(true);
        expect(revealed()).toBe(false);
        time.advance(ROUND_SECONDS * 1000);
      }
      // Later rounds close as soon as the three players known from round one have answered.
      await fake.waitFor(revealed, ROUND_TIMEOUT_MS);
      time.advance(REVEAL_PAUSE_MS);
    }
    const end = await fake.waitFor(() => channelPosts().find((c) => embedOf(c).title === 'Quiz over!'), ROUND_TIMEOUT_MS);

    for (const ack of acks) {
      expect((await waitAnswer(ack)).content).toMatch(/^Locked in [ABCD] at \d+\.\d s\.$/u);
      expect(isEphemeral(ack)).toBe(true);
    }
    const reveals = channelPosts().filter((c) => (embedOf(c).title ?? '').includes('the answer is'));
    reveals.forEach((reveal, i) => {
      const counts = embedOf(reveal).fields![0]!.value.split('\n').map((line) => Number(line.split(' ').at(-1)));
      const expected = [0, 0, 0, 0];
      for (const c of chosen[i]!) expected[c]! += 1;
      expect(counts).toEqual(expected);
      const asked = reader.questionsAsked(gameId)[i]!.question;
      expect(embedOf(reveal).title).toContain(`the answer is ${'ABCD'[asked.answerIndex]})`);
      expect(embedOf(reveal).description).toBe(asked.explanation);
      expect(embedOf(reveal).fields![1]!.value).toContain(asked.source.title.slice(0, 40));
    });
    // The countdown is one message per question, edited in place and closed with its buttons disabled.
    const questionIds = questionPosts().map((p) => p.messageId);
    const closed = channelEdits().filter((c) => (embedOf(c).description ?? '').includes('Time is up'));
    expect(closed.map((c) => c.messageId).sort()).toEqual([...questionIds].sort());
    for (const c of closed) expect(bodyOf(c).components![0]!.components.every((b) => b.disabled === true)).toBe(true);

    const totalsShown = embedOf(end).fields![1]!.value.split('\n').map((line) => {
      const m = /^\d+\. (.+) — (\d+) pts/u.exec(line)!;
      return [m[1], Number(m[2])];
    });
    const stored = reader.gameTotals(gameId);
    expect(totalsShown).toEqual(stored.map((t) => [t.displayName, t.points]));
    expect(stored.find((t) => t.userId === ann)).toMatchObject({ correct: 3, answered: 3 });
    expect(stored.find((t) => t.userId === bob)).toMatchObject({ correct: 2, answered: 3 });
    expect(stored.find((t) => t.userId === cy)).toMatchObject({ correct: 2, answered: 3 });
    for (const t of stored) expect(t.points).toBeGreaterThanOrEqual(t.correct * 500);
    expect(reader.leaderboard(FAKE_GUILD_ID, 'all', Date.now()).map((r) => [r.userId, r.points])).toEqual(stored.map((t) => [t.userId, t.points]));
    for (const c of [...channelPosts(), ...channelEdits()]) expect(bodyOf(c).allowed_mentions).toEqual({ parse: [] });

    const board = fake.command('quiz', [{ name: 'leaderboard', type: SUBCOMMAND, options: [{ name: 'period', type: STRING, value: 'all' }] }], { userId: bob });
    expect((await waitAnswer(board)).embeds![0]!.description!.split('\n')[0]).toContain(`1. ${stored[0]!.displayName} — ${stored[0]!.points} pts`);
    reader.close();
    await bot.stop();
  });

  it('GIVEN the bot restarts mid-game THEN the channel gets a clean end, the recorded answers keep their points, and old buttons say the quiz has ended', { timeout: 60_000 }, async () => {
    const first = await startBriefbot();
    const [host, player] = ['300000000000000021', '300000000000000022'];
    const postsBefore = questionPosts().length;
    const start = fake.command('quiz', [{ name: 'start', type: SUBCOMMAND, options: [{ name: 'questions', type: INTEGER, value: 5 }, { name: 'seconds', type: INTEGER, value: 120 }] }], { userId: host });
    await waitAnswer(start);
    const post = await fake.waitFor(() => questionPosts()[postsBefore], ROUND_TIMEOUT_MS);
    const [, gameId] = buttonIds(post)[0]!.split(':');
    const reader = QuizStore.open(config.quizDbFile);
    const answer = (await fake.waitFor(() => reader.questionsAsked(gameId!)[0])).question.answerIndex;
    const right = fake.button(`quiz:${gameId}:0:${answer}`, { userId: host });
    const wrong = fake.button(`quiz:${gameId}:0:${(answer + 1) % 4}`, { userId: player });
    await Promise.all([waitAnswer(right), waitAnswer(wrong)]);
    await first.stop();

    const second = await startBriefbot();
    const interrupted = await fake.waitFor(() => channelPosts().find((c) => (embedOf(c).title ?? '').includes('interrupted')), ROUND_TIMEOUT_MS);
    expect(embedOf(interrupted).fields![0]!.value).toContain('user0021');
    const disabled = await fake.waitFor(() => channelEdits().find((c) => c.messageId === post.messageId && bodyOf(c).components?.[0]?.components.every((b) => b.disabled === true)));
    expect(buttonIds(disabled)).toEqual(buttonIds(post));
    expect(reader.game(gameId!)?.state).not.toBe('running');
    const totals = reader.gameTotals(gameId!);
    expect(totals.find((t) => t.userId === host)).toMatchObject({ correct: 1, answered: 1 });
    expect(totals.find((t) => t.userId === host)!.points).toBeGreaterThanOrEqual(500);
    expect(totals.find((t) => t.userId === player)).toMatchObject({ correct: 0, points: 0 });

    const old = fake.button(`quiz:${gameId}:0:1`, { userId: player });
    expect((await waitAnswer(old)).content).toBe('This quiz has ended.');
    expect(isEphemeral(old)).toBe(true);
    reader.close();
    await second.stop();
  });
});
