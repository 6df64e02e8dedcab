import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerRecord } from '../../src/quiz/game.js';
import { QuizGames } from '../../src/quiz/games.js';
import { QUIZ_MONTH_MS, QUIZ_WEEK_MS, QuizStore } from '../../src/quiz/store.js';
import { FakeTime, makeQuestion, makeQuestions } from './game-fixtures.js';

const SETTINGS = { timeLimitMs: 10_000, speedPoints: true, streaks: true };
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quiz-store-'));
  file = path.join(dir, 'nested', 'folder', 'quiz.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function answer(partial: Partial<AnswerRecord> & Pick<AnswerRecord, 'gameId' | 'questionIndex' | 'userId'>): AnswerRecord {
  return { displayName: partial.userId, choice: 1, correct: true, elapsedMs: 1000, points: 900, streak: 1, at: 1_000, ...partial };
}

describe('QuizStore', () => {
  it('GIVEN no file THEN it creates the folder, the schema (user_version 2) and uses WAL', () => {
    const store = QuizStore.open(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(store.schemaVersion).toBe(2);
    expect(store.journalMode).toBe('wal');
    store.close();
    const reopened = QuizStore.open(file);
    expect(reopened.schemaVersion).toBe(2);
    reopened.close();
  });

  it('GIVEN games in two channels THEN a channel\'s recently shown texts are those its last games showed only, newest game first', () => {
    const store = QuizStore.open(file);
    for (const [id, channelId, startedAt, n] of [['old', 'c', 1, 1], ['mid', 'c', 2, 2], ['new', 'c', 3, 3], ['other', 'd', 4, 4]] as const) {
      store.createGame({ id, guildId: 'guild', channelId, hostId: 'h', settings: SETTINGS, startedAt });
      store.recordQuestion(id, { index: 0, question: makeQuestion(n), startedAt, endsAt: startedAt + 1 });
    }
    expect(store.recentlyShown('c', 2)).toEqual({ gameIds: ['new', 'mid'], shown: [
      // A "what happened" question shows its sentence and its four event choices.
      'Passage 3: bravo 3 happened.', 'alpha 3', 'bravo 3', 'charlie 3', 'delta 3',
      'Passage 2: bravo 2 happened.', 'alpha 2', 'bravo 2', 'charlie 2', 'delta 2',
    ] });
    expect(store.recentlyShown('e', 2)).toEqual({ gameIds: [], shown: [] });
    store.close();
  });

  it('enforces one answer per player per question (UNIQUE game, question, user)', () => {
    const store = QuizStore.open(file);
    store.createGame({ id: 'g', guildId: 'guild', channelId: 'c', hostId: 'h', settings: SETTINGS, startedAt: 0 });
    expect(store.recordAnswer(answer({ gameId: 'g', questionIndex: 0, userId: 'u' }))).toBe(true);
    expect(store.recordAnswer(answer({ gameId: 'g', questionIndex: 0, userId: 'u', choice: 3 }))).toBe(false);
    store.close();
    const db = new Database(file);
    expect(() =>
      db.prepare(`INSERT INTO answers (game_id, question_idx, user_id, display_name, choice, correct, elapsed_ms, points, streak, at) VALUES ('g', 0, 'u', 'u', 2, 0, 1, 0, 0, 1)`).run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('round-trips games, questions and answers, and totals rebuilt from answers match', () => {
    const store = QuizStore.open(file);
    store.createGame({ id: 'g', guildId: 'guild', channelId: 'c', hostId: 'h', settings: SETTINGS, startedAt: 5 });
    store.recordQuestion('g', { index: 0, question: makeQuestion(1), startedAt: 10, endsAt: 20 });
    store.recordQuestion('g', { index: 1, question: makeQuestion(2), startedAt: 30, endsAt: 40 });
    store.recordQuestion('g', { index: 2, question: makeQuestion(3), startedAt: 50, endsAt: 60 });
    store.recordAnswer(answer({ gameId: 'g', questionIndex: 0, userId: 'a', points: 1000 }));
    store.recordAnswer(answer({ gameId: 'g', questionIndex: 1, userId: 'a', points: 1100 }));
    store.recordAnswer(answer({ gameId: 'g', questionIndex: 2, userId: 'a', points: 1200 }));
    store.recordAnswer(answer({ gameId: 'g', questionIndex: 0, userId: 'b', points: 800 }));
    store.recordAnswer(answer({ gameId: 'g', questionIndex: 2, userId: 'b', points: 700 }));
    store.close();
    const again = QuizStore.open(file);
    expect(again.game('g')).toMatchObject({ guildId: 'guild', channelId: 'c', hostId: 'h', settings: SETTINGS, state: 'running', startedAt: 5, endedAt: null });
    expect(again.questionsAsked('g').map((q) => q.question.id)).toEqual(['q1', 'q2', 'q3']);
    expect(again.gameTotals('g')).toEqual([
      { rank: 1, userId: 'a', displayName: 'a', points: 3300, correct: 3, answered: 3, bestStreak: 3 },
      { rank: 2, userId: 'b', displayName: 'b', points: 1500, correct: 2, answered: 2, bestStreak: 1 },
    ]);
    again.close();
  });

  it('adds a finished game to the cumulative scores exactly once', () => {
    const store = QuizStore.open(file);
    store.createGame({ id: 'g', guildId: 'guild', channelId: 'c', hostId: 'h', settings: SETTINGS, startedAt: 0 });
    store.recordAnswer(answer({ gameId: 'g', questionIndex: 0, userId: 'a', points: 1000 }));
    const totals = store.gameTotals('g');
    expect(store.finishGame('g', 'completed', 100, totals)).toBe(true);
    expect(store.finishGame('g', 'completed', 100, totals)).toBe(false);
    expect(store.playerStats('guild', 'a')).toMatchObject({ points: 1000, correct: 1, answered: 1, games: 1, bestStreak: 1, rank: 1 });
    expect(store.playerStats('other-guild', 'a')).toBeNull();
    store.close();
  });

  it('ranks the leaderboard per server and per period (all, week, month)', () => {
    const DAY = 24 * 60 * 60 * 1000;
    const now = 100 * DAY;
    const store = QuizStore.open(file);
    for (const [id, guild] of [['old', 'guild'], ['new', 'guild'], ['elsewhere', 'other']] as const) {
      store.createGame({ id, guildId: guild, channelId: id, hostId: 'h', settings: SETTINGS, startedAt: 0 });
    }
    store.recordAnswer(answer({ gameId: 'old', questionIndex: 0, userId: 'veteran', points: 5000, at: now - 20 * DAY }));
    store.recordAnswer(answer({ gameId: 'old', questionIndex: 1, userId: 'ancient', points: 9000, at: now - 60 * DAY }));
    store.recordAnswer(answer({ gameId: 'new', questionIndex: 0, userId: 'rookie', points: 1000, at: now - DAY }));
    store.recordAnswer(answer({ gameId: 'elsewhere', questionIndex: 0, userId: 'stranger', points: 99_999, at: now - DAY }));
    for (const id of ['old', 'new', 'elsewhere']) store.finishGame(id, 'completed', now, store.gameTotals(id));
    expect(store.leaderboard('guild', 'all', now).map((r) => r.userId)).toEqual(['ancient', 'veteran', 'rookie']);
    expect(store.leaderboard('guild', 'month', now).map((r) => [r.userId, r.points])).toEqual([['veteran', 5000], ['rookie', 1000]]);
    expect(store.leaderboard('guild', 'week', now).map((r) => r.userId)).toEqual(['rookie']);
    expect(QUIZ_WEEK_MS).toBe(7 * DAY);
    expect(QUIZ_MONTH_MS).toBe(30 * DAY);
    store.close();
  });

  it('GIVEN a restart mid-game THEN no recorded answer is lost: the game ends cleanly with its scores and old buttons answer ended', async () => {
    const time = new FakeTime();
    const first = QuizStore.open(file);
    const games = new QuizGames({ store: first, clock: time.clock, scheduler: time, newGameId: () => 'g1' });
    games.start({ guildId: 'guild', channelId: 'chan', hostId: 'host', settings: SETTINGS, questions: makeQuestions(3) });
    time.advance(0);
    const q0 = games.gameIn('chan')!.questions[0]!;
    time.advance(1_000);
    for (const user of ['a', 'b', 'c']) games.answer({ gameId: 'g1', questionIndex: 0, userId: user, displayName: user.toUpperCase(), choice: user === 'c' ? ((q0.answerIndex + 1) % 4) as 0 : q0.answerIndex });
    time.advance(10_000);
    time.advance(5_000);
    const q1 = games.gameIn('chan')!.questions[1]!;
    games.answer({ gameId: 'g1', questionIndex: 1, userId: 'a', displayName: 'A', choice: q1.answerIndex });
    const shownBeforeCrash = games.gameIn('chan')!.standings().map((s) => [s.userId, s.points]);
    games.shutdown();
    first.close();

    const second = QuizStore.open(file);
    const restarted = new QuizGames({ store: second, clock: time.clock, scheduler: time });
    const events: string[] = [];
    restarted.subscribe((e) => {
      events.push(`${e.type}:${e.game.channelId}:${e.type === 'ended' ? e.end.reason : ''}`);
    });
    const ended = restarted.recoverInterrupted();
    await restarted.settled();
    expect(events).toEqual(['ended:chan:interrupted']);
    expect(ended).toHaveLength(1);
    expect(ended[0]!.totals.map((s) => [s.userId, s.points])).toEqual(shownBeforeCrash);
    expect(second.game('g1')?.state).toBe('interrupted');
    expect(second.leaderboard('guild', 'all', time.now).map((r) => [r.userId, r.points])).toEqual(shownBeforeCrash);
    expect(restarted.answer({ gameId: 'g1', questionIndex: 1, userId: 'b', displayName: 'B', choice: 0 })).toEqual({ status: 'ended' });
    expect(restarted.recoverInterrupted()).toEqual([]);
    expect(restarted.isRunning('chan')).toBe(false);
    second.close();
  });
});
