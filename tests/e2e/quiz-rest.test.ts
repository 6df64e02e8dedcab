/**
 * The quiz end to end through the real discord.js client: interactions are fed to the client
 * as the gateway would deliver them, and every REST call it makes (channel messages, edits,
 * interaction replies) lands on a recorder listening on 127.0.0.1.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Events, type Interaction } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingDesk } from '../../src/briefing/types.js';
import { CommandIds, discordReader } from '../../src/bot/command-mentions.js';
import { openQuizServices, type QuizServices } from '../../src/bot/quiz-service.js';
import { executeQuizCommand, handleQuizButton } from '../../src/commands/quiz.js';
import { QuizStore } from '../../src/quiz/store.js';
import type { QuizQuestion } from '../../src/quiz/types.js';
import { FakeTime, makeQuestions } from '../quiz/game-fixtures.js';
import { discordMessage } from './fake-discord.js';

const GUILD = '100000000000000001';
const APP = '100000000000000002';
const ACK_DEADLINE_MS = 3_000;
/** 10 s questions become 800 ms ones, for the tests that run on the real clock. */
const TIME_SCALE = 0.08;
/** The reveal's pause before the next question, on whichever clock the test's bot runs. */
const REVEAL_PAUSE_MS = 150;

interface Recorded {
  method: string;
  path: string;
  body: Record<string, unknown>;
  at: number;
  /** The id of the message a POST created. */
  createdId?: string;
}

class RestRecorder {
  readonly calls: Recorded[] = [];
  private server = http.createServer((req, res) => this.onRequest(req, res));
  private nextId = 900_000_000_000_000_000n;
  private waiters: Array<() => void> = [];

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  find(predicate: (call: Recorded) => boolean): Recorded[] {
    return this.calls.filter(predicate);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const started = Date.now();
    while (!predicate()) {
      if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for Discord calls');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const call: Recorded = { method: req.method ?? '', path: (req.url ?? '').replace(/^\/api\/v\d+/, ''), body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, at: Date.now() };
      this.calls.push(call);
      const channel = /^\/channels\/(\d+)\/messages(?:\/(\d+))?/.exec(call.path);
      if (!call.path.startsWith('/interactions/')) res.setHeader('content-type', 'application/json');
      if (channel && call.method === 'POST') {
        const id = String(this.nextId++);
        call.createdId = id;
        res.end(JSON.stringify(discordMessage(id, channel[1]!, call.body, APP)));
      } else if (channel && call.method === 'PATCH') {
        res.end(JSON.stringify(discordMessage(channel[2]!, channel[1]!, call.body, APP)));
      } else if (call.path.startsWith('/interactions/')) {
        res.statusCode = 204;
        res.end();
      } else {
        res.end('{}');
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
  }


}

let snowflake = 200_000_000_000_000_000n;
const nextSnowflake = (): string => String(snowflake++);

function user(n: number): { id: string; username: string; discriminator: string; global_name: string; avatar: null } {
  return { id: String(300_000_000_000_000_000n + BigInt(n)), username: `player${n}`, discriminator: '0', global_name: `Player ${n}`, avatar: null };
}

function base(type: number, channelId: string, who: ReturnType<typeof user>, permissions = '0'): Record<string, unknown> {
  return {
    id: nextSnowflake(),
    application_id: APP,
    type,
    token: `token-${snowflake}`,
    version: 1,
    guild_id: GUILD,
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: GUILD, name: 'quiz' },
    member: { user: who, roles: [], permissions, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, nick: null, avatar: null },
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
  };
}

class Bot {
  readonly client: Client;
  readonly quiz: QuizServices;
  /** One entry per interaction handled: the error it threw (what the dispatcher would turn into a reply), or null. */
  readonly handled: Array<Promise<unknown>> = [];

  /** With `time`, the games' clock and timers are the test's: a round ends when the test moves time on, however slow the machine. */
  constructor(apiUrl: string, dbFile: string, desk: BriefingDesk, time?: FakeTime) {
    this.client = new Client({ intents: [], rest: { api: apiUrl } });
    this.client.rest.setToken('fake-token');
    const timing = time === undefined ? { timeLimitScale: TIME_SCALE } : { clock: time.clock, scheduler: time };
    this.quiz = openQuizServices({ dbFile, rest: this.client.rest, tickIntervalMs: 250, revealPauseMs: REVEAL_PAUSE_MS, ...timing });
    this.client.on(Events.InteractionCreate, (interaction: Interaction) => {
      const work = interaction.isChatInputCommand()
        ? executeQuizCommand(interaction, { quiz: this.quiz, desk, locale: 'en', reader: discordReader('en', new CommandIds()), logger: pino({ level: 'silent' }) })
        : interaction.isButton()
          ? handleQuizButton(interaction, this.quiz)
          : Promise.resolve();
      this.handled.push(work.then(() => null, (error: unknown) => error));
    });
  }

  /** Delivers a raw interaction the way the gateway's INTERACTION_CREATE does. */
  deliver(raw: Record<string, unknown>): void {
    (this.client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions.InteractionCreate.handle(raw);
  }

  slash(channelId: string, who: ReturnType<typeof user>, sub: string, options: Array<{ name: string; type: number; value: unknown }> = [], permissions = '0'): string {
    const raw: Record<string, unknown> = { ...base(2, channelId, who, permissions), data: { id: nextSnowflake(), name: 'quiz', type: 1, options: [{ type: 1, name: sub, options }] } };
    this.deliver(raw);
    return raw.id as string;
  }

  click(channelId: string, who: ReturnType<typeof user>, customId: string, messageId: string): string {
    const raw: Record<string, unknown> = {
      ...base(3, channelId, who),
      message: { id: messageId, channel_id: channelId, author: { id: APP, username: 'briefbot', discriminator: '0', bot: true, avatar: null }, content: '', timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], components: [], pinned: false, type: 0, flags: 0 },
      data: { custom_id: customId, component_type: 2 },
    };
    this.deliver(raw);
    return raw.id as string;
  }

  async stop(): Promise<void> {
    await Promise.all(this.handled);
    this.quiz.close();
    await this.client.destroy();
  }
}

function deskOf(questions: QuizQuestion[]): BriefingDesk {
  const unused = (): never => {
    throw new Error('unused');
  };
  return { ask: unused, summary: unused, timeline: unused, topics: unused, sources: unused, status: unused, reindex: unused, close: async () => undefined, quiz: async (r) => ({ seed: String(r.seed ?? 'fixed'), questions: questions.slice(0, r.n) }) };
}

type Embed = { title?: string; description?: string; fields?: Array<{ name: string; value: string }> };
const embedOf = (call: Recorded): Embed => ((call.body.embeds as Embed[] | undefined) ?? [])[0] ?? {};
const buttonIds = (call: Recorded): string[] =>
  ((call.body.components as Array<{ components: Array<{ custom_id: string }> }> | undefined) ?? []).flatMap((r) => r.components.map((c) => c.custom_id));

let recorder: RestRecorder;
let apiUrl: string;
let dir: string;

beforeAll(async () => {
  recorder = new RestRecorder();
  apiUrl = await recorder.listen();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-e2e-'));
});
afterAll(async () => {
  await recorder.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function replyTo(interactionId: string): Recorded | undefined {
  return recorder.calls.find((c) => c.path.startsWith(`/interactions/${interactionId}/`));
}
const replyContent = (id: string): string => ((replyTo(id)?.body.data as { content?: string } | undefined)?.content ?? '');
const replyFlags = (id: string): number => ((replyTo(id)?.body.data as { flags?: number } | undefined)?.flags ?? 0);

describe('quiz through the discord.js client', () => {
  it('plays three questions with three players: posts, countdown edits, acks, reveals, podium, and SQLite agrees', async () => {
    const channel = '400000000000000001';
    const questions = makeQuestions(3);
    const time = new FakeTime();
    const bot = new Bot(apiUrl, path.join(dir, 'game.sqlite'), deskOf(questions), time);
    const [ann, bob, cy] = [user(1), user(2), user(3)];
    const start = bot.slash(channel, ann, 'start', [{ name: 'questions', type: 4, value: 3 }, { name: 'seconds', type: 4, value: 10 }]);
    await recorder.waitFor(() => replyTo(start) !== undefined);
    expect(replyContent(start)).toContain('Starting a quiz of 3 questions, 10 s each');

    const posts = (): Recorded[] => recorder.find((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`);
    const questionPosts = (): Recorded[] => posts().filter((c) => buttonIds(c).length === 4);
    const choiceOf = (q: QuizQuestion, correct: boolean): number => (correct ? q.answerIndex : (q.answerIndex + 1) % 4);
    const plan: Array<Array<[ReturnType<typeof user>, boolean]>> = [
      [[ann, true], [bob, true], [cy, false]],
      [[ann, true], [bob, false], [cy, true]],
      [[ann, true], [bob, true], [cy, true]],
    ];
    const reveals = (): Recorded[] => posts().filter((c) => (embedOf(c).title ?? '').includes('the answer is'));
    const ackIds: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      // The first question opens on the scheduler's next turn, each later one after the reveal's pause.
      if (i > 0) await recorder.waitFor(() => reveals().length === i);
      time.advance(i === 0 ? 0 : REVEAL_PAUSE_MS);
      await recorder.waitFor(() => questionPosts().length === i + 1);
      const post = questionPosts()[i]!;
      expect(embedOf(post).title).toBe(`Question ${i + 1}/3`);
      expect(embedOf(post).description).toContain(questions[i]!.prompt);
      expect(buttonIds(post).map((id) => id.split(':').slice(2).join(':'))).toEqual([0, 1, 2, 3].map((c) => `${i}:${c}`));
      const postedId = buttonIds(post)[0]!.split(':')[1]!;
      const roundAcks = plan[i]!.map(([who, correct]) => bot.click(channel, who, `quiz:${postedId}:${i}:${choiceOf(questions[i]!, correct)}`, '1'));
      ackIds.push(...roundAcks);
      const again = bot.click(channel, ann, `quiz:${postedId}:${i}:0`, '1');
      await recorder.waitFor(() => [...roundAcks, again].every((id) => replyTo(id) !== undefined));
      // Round one runs its full time (nobody is known yet); later rounds close once all three
      // have answered, and the last one ends the game.
      const expectedAgain = [`You already answered ${'ABCD'[choiceOf(questions[0]!, true)]}.`, 'Time is up for this question.', 'This quiz has ended.'];
      expect(replyContent(again)).toBe(expectedAgain[i]);
      if (i === 0) time.advance(10_000);
    }
    await recorder.waitFor(() => posts().some((c) => embedOf(c).title === 'Quiz over!'));
    await bot.quiz.games.settled();

    for (const id of ackIds) {
      expect(replyContent(id)).toMatch(/^Locked in [ABCD] at \d+\.\d s\.$/);
      expect(replyFlags(id) & 64).toBe(64);
    }
    const gameId = buttonIds(questionPosts()[0]!)[0]!.split(':')[1]!;
    const edits = recorder.find((c) => c.method === 'PATCH');
    expect(edits.some((c) => /\d+ s left/.test(embedOf(c).description ?? ''))).toBe(true);
    const closing = edits.filter((c) => (embedOf(c).description ?? '').includes('Time is up'));
    expect(closing).toHaveLength(3);
    for (const c of closing) expect((c.body.components as Array<{ components: Array<{ disabled: boolean }> }>)[0]!.components.every((b) => b.disabled)).toBe(true);
    const questionMessageIds = new Set(edits.map((c) => c.path));
    expect(questionMessageIds.size).toBe(3);

    expect(reveals()).toHaveLength(3);
    reveals().forEach((r, i) => {
      const counts = embedOf(r).fields![0]!.value.split('\n').map((l) => Number(l.split(' ').at(-1)));
      const expected = [0, 0, 0, 0];
      for (const [, correct] of plan[i]!) expected[choiceOf(questions[i]!, correct)]! += 1;
      expect(counts).toEqual(expected);
      expect(embedOf(r).description).toBe(questions[i]!.explanation);
      expect(embedOf(r).fields![1]!.value).toContain(questions[i]!.source.title);
    });
    const end = posts().find((c) => embedOf(c).title === 'Quiz over!')!;
    const totalsShown = embedOf(end).fields![1]!.value.split('\n').map((l) => {
      const m = /^\d+\. (.+) — (\d+) pts/.exec(l)!;
      return [m[1], Number(m[2])];
    });
    expect(embedOf(end).fields![0]!.value.split('\n')[0]).toContain('🥇 Player 1');
    const stored = bot.quiz.store.gameTotals(gameId).map((t) => [t.displayName, t.points]);
    expect(totalsShown).toEqual(stored);
    expect(bot.quiz.store.leaderboard(GUILD, 'all', Date.now()).map((r) => [r.displayName, r.points])).toEqual(stored);
    for (const call of recorder.calls.filter((c) => c.path.startsWith('/channels/'))) expect(call.body.allowed_mentions).toEqual({ parse: [] });

    const board = bot.slash(channel, bob, 'leaderboard', [{ name: 'period', type: 3, value: 'week' }]);
    await recorder.waitFor(() => replyTo(board) !== undefined);
    const boardEmbed = ((replyTo(board)!.body.data as { embeds: Embed[] }).embeds)[0]!;
    expect(boardEmbed.description!.split('\n')[0]).toContain(`1. ${stored[0]![0]} — ${stored[0]![1]} pts`);
    const stats = bot.slash(channel, ann, 'stats');
    await recorder.waitFor(() => replyTo(stats) !== undefined);
    expect(replyFlags(stats) & 64).toBe(64);
    const annTotal = stored.find(([name]) => name === 'Player 1')![1];
    expect(((replyTo(stats)!.body.data as { embeds: Embed[] }).embeds)[0]!.description).toContain(`Points: ${annTotal}\nRank: 1\nGames: 1\nCorrect: 3/3`);
    await bot.stop();
  });

  it('GIVEN speed_points and streaks false (booleans) THEN the start says so in the host language and the game keeps them', async () => {
    const channel = '400000000000000004';
    const bot = new Bot(apiUrl, path.join(dir, 'switches.sqlite'), deskOf(makeQuestions(2)));
    const host = user(200);
    const start = bot.slash(channel, host, 'start', [{ name: 'questions', type: 4, value: 2 }, { name: 'speed_points', type: 5, value: false }, { name: 'streaks', type: 5, value: false }]);
    await recorder.waitFor(() => replyTo(start) !== undefined && bot.quiz.games.gameIn(channel)?.state === 'question');
    expect(replyContent(start)).toContain('Speed points: off · Streak bonus: off');
    expect(bot.quiz.games.gameIn(channel)?.settings).toMatchObject({ speedPoints: false, streaks: false });
    const stop = bot.slash(channel, host, 'stop');
    await recorder.waitFor(() => replyTo(stop) !== undefined);
    await bot.quiz.games.settled();
    await bot.stop();
  });

  it('GIVEN 50 players clicking in the same second THEN every answer counts once and each is acknowledged within 3 s', async () => {
    const channel = '400000000000000002';
    const file = path.join(dir, 'crowd.sqlite');
    const questions = makeQuestions(1);
    const bot = new Bot(apiUrl, file, deskOf(questions));
    const host = user(100);
    const start = bot.slash(channel, host, 'start', [{ name: 'questions', type: 4, value: 1 }, { name: 'seconds', type: 4, value: 60 }]);
    await recorder.waitFor(() => replyTo(start) !== undefined && bot.quiz.games.gameIn(channel)?.state === 'question');
    const gameId = bot.quiz.games.gameIn(channel)!.id;
    const players = Array.from({ length: 50 }, (_, i) => user(1000 + i));
    const sentAt = new Map<string, number>();
    for (const [i, p] of players.entries()) {
      const id = bot.click(channel, p, `quiz:${gameId}:0:${i % 4}`, '1');
      sentAt.set(id, Date.now());
    }
    const dupes = players.slice(0, 10).map((p) => bot.click(channel, p, `quiz:${gameId}:0:3`, '1'));
    await recorder.waitFor(() => [...sentAt.keys(), ...dupes].every((id) => replyTo(id) !== undefined));
    const latencies = [...sentAt].map(([id, at]) => replyTo(id)!.at - at);
    const maxAckMs = Math.max(...latencies);
    console.log(`50-player burst: max ack ${maxAckMs} ms, median ${latencies.sort((a, b) => a - b)[25]} ms`);
    expect(maxAckMs).toBeLessThan(ACK_DEADLINE_MS);
    for (const id of sentAt.keys()) expect(replyContent(id)).toMatch(/^Locked in [ABCD]/);
    for (const id of dupes) expect(replyContent(id)).toMatch(/^You already answered [ABCD]\.$/);
    expect(bot.quiz.store.gameTotals(gameId).reduce((n, t) => n + t.answered, 0)).toBe(50);
    const stop = bot.slash(channel, host, 'stop');
    await recorder.waitFor(() => replyTo(stop) !== undefined);
    await bot.quiz.games.settled();
    const reopened = QuizStore.open(file);
    expect(reopened.game(gameId)?.state).toBe('stopped');
    expect(reopened.leaderboard(GUILD, 'all', Date.now(), 100)).toHaveLength(50);
    reopened.close();
    await bot.stop();
  });

  it('GIVEN a restart mid-game THEN the channel gets a clean end, scores are kept, and old buttons answer that the quiz has ended', async () => {
    const channel = '400000000000000003';
    const file = path.join(dir, 'restart.sqlite');
    const questions = makeQuestions(5);
    const first = new Bot(apiUrl, file, deskOf(questions));
    const [ann, bob, mallory] = [user(1), user(2), user(66)];
    const start = first.slash(channel, ann, 'start', [{ name: 'questions', type: 4, value: 5 }, { name: 'seconds', type: 4, value: 120 }]);
    await recorder.waitFor(() => replyTo(start) !== undefined && first.quiz.games.gameIn(channel)?.state === 'question');
    const gameId = first.quiz.games.gameIn(channel)!.id;
    const a1 = first.click(channel, ann, `quiz:${gameId}:0:${questions[0]!.answerIndex}`, '1');
    const b1 = first.click(channel, bob, `quiz:${gameId}:0:${(questions[0]!.answerIndex + 2) % 4}`, '1');
    const denied = first.slash(channel, mallory, 'stop');
    await recorder.waitFor(() => [a1, b1].every((id) => replyTo(id) !== undefined));
    await Promise.allSettled(first.handled);
    expect(replyTo(denied)).toBeUndefined();
    expect(await first.handled.at(-1)).toMatchObject({ code: 'NOT_QUIZ_HOST' });
    const shown = first.quiz.games.gameIn(channel)!.standings().map((s) => [s.userId, s.points]);
    await first.stop();

    const questionPost = recorder.find((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages` && buttonIds(c).length === 4);
    expect(questionPost).toHaveLength(1);
    const editsBefore = recorder.calls.length;

    const second = new Bot(apiUrl, file, deskOf(questions));
    await second.quiz.games.settled();
    const disabling = recorder.calls.slice(editsBefore).filter((c) => c.method === 'PATCH' && c.path.startsWith(`/channels/${channel}/messages/`));
    expect(disabling.map((c) => c.path)).toEqual([`/channels/${channel}/messages/${questionPost[0]!.createdId}`]);
    expect((disabling[0]!.body.components as Array<{ components: Array<{ disabled: boolean; custom_id: string }> }>)[0]!.components.map((b) => [b.custom_id, b.disabled])).toEqual(
      [0, 1, 2, 3].map((c) => [`quiz:${gameId}:0:${c}`, true]),
    );
    const endPost = recorder.find((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages` && (embedOf(c).title ?? '').includes('interrupted'));
    expect(endPost).toHaveLength(1);
    expect(embedOf(endPost[0]!).fields![0]!.value).toContain('Player 1');
    expect(second.quiz.store.leaderboard(GUILD, 'all', Date.now(), 100).filter((r) => shown.some(([u]) => u === r.userId)).map((r) => [r.userId, r.points])).toEqual(shown);
    const old = second.click(channel, bob, `quiz:${gameId}:0:1`, '1');
    await recorder.waitFor(() => replyTo(old) !== undefined);
    expect(replyContent(old)).toBe('This quiz has ended.');
    expect(replyFlags(old) & 64).toBe(64);
    await second.stop();
  });
});
