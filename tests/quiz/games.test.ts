import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, UserError } from '../../src/errors.js';
import { QuizGames, type QuizEvent } from '../../src/quiz/games.js';
import { QuizStore } from '../../src/quiz/store.js';
import { FakeTime, makeQuestions } from './game-fixtures.js';

const SETTINGS = { timeLimitMs: 20_000, speedPoints: true, streaks: true };
const TICK_MS = 5_000;
const PAUSE_MS = 3_000;

let time: FakeTime;
let store: QuizStore;
let games: QuizGames;
let events: QuizEvent[];
let ids: number;

beforeEach(() => {
  time = new FakeTime();
  store = QuizStore.open(':memory:');
  ids = 0;
  games = new QuizGames({ store, clock: time.clock, scheduler: time, tickIntervalMs: TICK_MS, revealPauseMs: PAUSE_MS, newGameId: () => `game${++ids}` });
  events = [];
  games.subscribe((e) => {
    events.push(e);
  });
});
afterEach(() => store.close());

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof UserError ? error.code : 'not a UserError';
  }
  return undefined;
}

function summary(): string[] {
  return events.map((e) => {
    switch (e.type) {
      case 'question':
        return `${e.game.channelId} question ${e.opened.index}`;
      case 'tick':
        return `${e.game.channelId} tick ${e.index} ${e.remainingMs}`;
      case 'reveal':
        return `${e.game.channelId} reveal ${e.reveal.index}`;
      case 'ended':
        return `${e.game.channelId} ended ${e.end.reason}`;
    }
  });
}

describe('QuizGames', () => {
  it('runs a game to the end: question, countdown ticks, reveal, pause, next question, podium', async () => {
    games.start({ guildId: 'g', channelId: 'c1', hostId: 'h', settings: SETTINGS, questions: makeQuestions(2) });
    time.advance(0);
    time.advance(SETTINGS.timeLimitMs);
    time.advance(PAUSE_MS);
    time.advance(SETTINGS.timeLimitMs);
    await games.settled();
    expect(summary()).toEqual([
      'c1 question 0', 'c1 tick 0 15000', 'c1 tick 0 10000', 'c1 tick 0 5000', 'c1 reveal 0',
      'c1 question 1', 'c1 tick 1 15000', 'c1 tick 1 10000', 'c1 tick 1 5000', 'c1 reveal 1',
      'c1 ended completed',
    ]);
    expect(games.isRunning('c1')).toBe(false);
    expect(store.game('game1')?.state).toBe('completed');
    expect(time.pendingTimers).toBe(0);
  });

  it('GIVEN a game in a channel THEN a second start there is QUIZ_ALREADY_RUNNING, while another channel runs its own', async () => {
    games.start({ guildId: 'g', channelId: 'c1', hostId: 'h', settings: SETTINGS, questions: makeQuestions(1) });
    expect(errorCode(() => games.start({ guildId: 'g', channelId: 'c1', hostId: 'x', settings: SETTINGS, questions: makeQuestions(1) }))).toBe(ERROR_CODES.QUIZ_ALREADY_RUNNING);
    games.start({ guildId: 'g', channelId: 'c2', hostId: 'h2', settings: SETTINGS, questions: makeQuestions(1) });
    time.advance(0);
    const q1 = games.gameIn('c1')!.questions[0]!;
    const q2 = games.gameIn('c2')!.questions[0]!;
    games.answer({ gameId: 'game1', questionIndex: 0, userId: 'ann', displayName: 'Ann', choice: q1.answerIndex });
    games.answer({ gameId: 'game2', questionIndex: 0, userId: 'bob', displayName: 'Bob', choice: q2.answerIndex });
    expect(games.answer({ gameId: 'game2', questionIndex: 0, userId: 'ann', displayName: 'Ann', choice: q2.answerIndex }).status).toBe('accepted');
    time.advance(SETTINGS.timeLimitMs);
    await games.settled();
    const ends = events.filter((e) => e.type === 'ended');
    expect(ends.map((e) => [e.game.channelId, e.end.totals.map((t) => t.userId)])).toEqual([
      ['c1', ['ann']],
      ['c2', ['bob', 'ann']],
    ]);
  });

  it('GIVEN every player has answered THEN the round closes early and the next opens after the pause', async () => {
    games.start({ guildId: 'g', channelId: 'c1', hostId: 'h', settings: SETTINGS, questions: makeQuestions(3) });
    time.advance(0);
    for (const u of ['a', 'b']) games.answer({ gameId: 'game1', questionIndex: 0, userId: u, displayName: u, choice: 0 });
    time.advance(SETTINGS.timeLimitMs + PAUSE_MS);
    await games.settled();
    events.length = 0;
    time.advance(1_000);
    games.answer({ gameId: 'game1', questionIndex: 1, userId: 'a', displayName: 'a', choice: 0 });
    await games.settled();
    expect(summary()).toEqual([]);
    games.answer({ gameId: 'game1', questionIndex: 1, userId: 'b', displayName: 'b', choice: 0 });
    await games.settled();
    expect(summary()).toEqual(['c1 reveal 1']);
    time.advance(PAUSE_MS);
    await games.settled();
    expect(summary()).toEqual(['c1 reveal 1', 'c1 question 2']);
  });

  it('GIVEN 50 clicks in the same second THEN each is counted exactly once, duplicates refused, all in SQLite', async () => {
    games.start({ guildId: 'g', channelId: 'c1', hostId: 'h', settings: SETTINGS, questions: makeQuestions(1) });
    time.advance(0);
    const users = Array.from({ length: 50 }, (_, i) => `user${i}`);
    const outcomes = await Promise.all(
      [...users, ...users].map(async (userId, i) => games.answer({ gameId: 'game1', questionIndex: 0, userId, displayName: userId, choice: (i % 4) as 0 | 1 | 2 | 3 })),
    );
    expect(outcomes.filter((o) => o.status === 'accepted')).toHaveLength(50);
    expect(outcomes.filter((o) => o.status === 'already_answered')).toHaveLength(50);
    time.advance(SETTINGS.timeLimitMs);
    await games.settled();
    const reveal = events.find((e) => e.type === 'reveal');
    expect(reveal?.type === 'reveal' && reveal.reveal.counts.reduce((a, b) => a + b, 0)).toBe(50);
    expect(store.gameTotals('game1').reduce((n, t) => n + t.answered, 0)).toBe(50);
  });

  it('GIVEN a non-host without Manage Server THEN stop is NOT_QUIZ_HOST; the host can stop and later clicks answer ended', async () => {
    games.start({ guildId: 'g', channelId: 'c1', hostId: 'host', settings: SETTINGS, questions: makeQuestions(3) });
    time.advance(0);
    games.answer({ gameId: 'game1', questionIndex: 0, userId: 'a', displayName: 'a', choice: 1 });
    expect(errorCode(() => games.stop('c1', 'a', false))).toBe(ERROR_CODES.NOT_QUIZ_HOST);
    expect(games.isRunning('c1')).toBe(true);
    const end = games.stop('c1', 'host', false);
    await games.settled();
    expect(end.reason).toBe('stopped');
    const last = events.at(-1);
    expect(last?.type === 'ended' && last.openQuestionIndex).toBe(0);
    expect(games.answer({ gameId: 'game1', questionIndex: 0, userId: 'b', displayName: 'b', choice: 1 })).toEqual({ status: 'ended' });
    expect(store.game('game1')?.state).toBe('stopped');
    expect(store.playerStats('g', 'a')?.games).toBe(1);
    expect(time.pendingTimers).toBe(0);
    expect(errorCode(() => games.stop('c1', 'host', false))).toBe(ERROR_CODES.QUIZ_NOT_RUNNING);
  });

  it('GIVEN a manager of the server THEN they can stop someone else’s game', () => {
    games.start({ guildId: 'g', channelId: 'c1', hostId: 'host', settings: SETTINGS, questions: makeQuestions(3) });
    time.advance(0);
    expect(games.stop('c1', 'mod', true).reason).toBe('stopped');
  });

  it('GIVEN a listener that throws THEN later events are still delivered in order', async () => {
    const errors: unknown[] = [];
    const fragile = new QuizGames({ store, clock: time.clock, scheduler: time, tickIntervalMs: TICK_MS, revealPauseMs: PAUSE_MS, newGameId: () => 'fragile', onListenerError: (e) => errors.push(e) });
    const seen: string[] = [];
    fragile.subscribe((e) => {
      seen.push(e.type);
      if (e.type === 'question') throw new Error('discord is down');
    });
    fragile.start({ guildId: 'g', channelId: 'c9', hostId: 'h', settings: { ...SETTINGS, timeLimitMs: 4_000 }, questions: makeQuestions(1) });
    time.advance(0);
    time.advance(4_000);
    await fragile.settled();
    expect(seen).toEqual(['question', 'reveal', 'ended']);
    expect(errors).toHaveLength(1);
  });
});
