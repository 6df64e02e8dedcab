import { describe, expect, it } from 'vitest';
import { ERROR_CODES, UserError } from '../../src/errors.js';
import { QuizGame, type GameSettings } from '../../src/quiz/game.js';
import { FakeTime, makeQuestions } from './game-fixtures.js';

const SETTINGS: GameSettings = { timeLimitMs: 10_000, speedPoints: true, streaks: true };

function newGame(time: FakeTime, count = 3, settings: GameSettings = SETTINGS, roster?: string[]): QuizGame {
  return new QuizGame({ id: 'g1', guildId: 'guild', channelId: 'chan', hostId: 'host', settings, questions: makeQuestions(count), clock: time.clock, ...(roster ? { roster } : {}) });
}

describe('QuizGame', () => {
  it('starts in the lobby and moves lobby → question → reveal → ended', () => {
    const time = new FakeTime();
    const game = newGame(time, 1);
    expect(game.state).toBe('lobby');
    const opened = game.openQuestion();
    expect(game.state).toBe('question');
    expect(opened).toMatchObject({ index: 0, total: 1, startedAt: time.now, endsAt: time.now + 10_000 });
    time.advance(10_000);
    expect(game.isRoundComplete()).toBe(true);
    const reveal = game.reveal();
    expect(game.state).toBe('reveal');
    expect(reveal.isLast).toBe(true);
    game.end('completed');
    expect(game.state).toBe('ended');
  });

  it('GIVEN a correct answer at 0.3 s THEN 1000 points; a wrong one 0; counts per option in original order', () => {
    const time = new FakeTime();
    const game = newGame(time);
    const q = game.openQuestion().question;
    time.advance(300);
    const right = game.answer('u1', 'Ann', 0, q.answerIndex);
    const wrongChoice = ((q.answerIndex + 1) % 4) as 0 | 1 | 2 | 3;
    const wrong = game.answer('u2', 'Bob', 0, wrongChoice);
    const alsoWrong = game.answer('u3', 'Cy', 0, wrongChoice);
    expect(right).toMatchObject({ status: 'accepted', record: { points: 1000, correct: true, elapsedMs: 300 } });
    expect(wrong).toMatchObject({ status: 'accepted', record: { points: 0, correct: false } });
    expect(alsoWrong.status).toBe('accepted');
    time.advance(10_000);
    const reveal = game.reveal();
    const expected = [0, 0, 0, 0];
    expected[q.answerIndex] = 1;
    expected[wrongChoice] = 2;
    expect(reveal.counts).toEqual(expected);
    expect(reveal.correctIndex).toBe(q.answerIndex);
    expect(reveal.correctChoice).toBe(q.choices[q.answerIndex]);
    expect(reveal.explanation).toBe(q.explanation);
    expect(reveal.source).toEqual(q.source);
    expect(reveal.top.map((s) => s.userId)).toEqual(['u1', 'u2', 'u3']);
  });

  it('GIVEN a second click by the same player THEN already_answered with the first choice, which is the one that counts', () => {
    const time = new FakeTime();
    const game = newGame(time);
    game.openQuestion();
    expect(game.answer('u1', 'Ann', 0, 2).status).toBe('accepted');
    expect(game.answer('u1', 'Ann', 0, 3)).toEqual({ status: 'already_answered', choice: 2 });
    time.advance(10_000);
    expect(game.reveal().counts).toEqual([0, 0, 1, 0]);
  });

  it('GIVEN a click after the time limit or on an older question THEN time_up', () => {
    const time = new FakeTime();
    const game = newGame(time);
    game.openQuestion();
    time.advance(10_001);
    expect(game.answer('u1', 'Ann', 0, 1)).toEqual({ status: 'time_up' });
    game.reveal();
    expect(game.answer('u1', 'Ann', 0, 1)).toEqual({ status: 'time_up' });
    game.openQuestion();
    expect(game.answer('u1', 'Ann', 0, 1)).toEqual({ status: 'time_up' });
    expect(game.answer('u1', 'Ann', 1, 1).status).toBe('accepted');
  });

  it('GIVEN a stopped game THEN clicks answer ended', () => {
    const time = new FakeTime();
    const game = newGame(time);
    game.openQuestion();
    game.stop('host', false);
    expect(game.answer('u1', 'Ann', 0, 1)).toEqual({ status: 'ended' });
  });

  it('GIVEN every known player has answered THEN the round completes early; the first round waits for its time', () => {
    const time = new FakeTime();
    const game = newGame(time);
    const q1 = game.openQuestion().question;
    game.answer('u1', 'Ann', 0, q1.answerIndex);
    const second = game.answer('u2', 'Bob', 0, q1.answerIndex);
    expect(second).toMatchObject({ status: 'accepted', roundComplete: false });
    expect(game.isRoundComplete()).toBe(false);
    time.advance(10_000);
    expect(game.isRoundComplete()).toBe(true);
    game.reveal();
    game.openQuestion();
    expect(game.answer('u1', 'Ann', 1, 0)).toMatchObject({ status: 'accepted', roundComplete: false });
    expect(game.answer('u2', 'Bob', 1, 0)).toMatchObject({ status: 'accepted', roundComplete: true });
  });

  it('GIVEN a newcomer answers in round two THEN the round still waits for the other known players', () => {
    const time = new FakeTime();
    const game = newGame(time);
    game.openQuestion();
    game.answer('u1', 'Ann', 0, 0);
    time.advance(10_000);
    game.reveal();
    game.openQuestion();
    expect(game.answer('u9', 'New', 1, 0)).toMatchObject({ roundComplete: false });
    expect(game.answer('u1', 'Ann', 1, 0)).toMatchObject({ roundComplete: true });
  });

  it('GIVEN a fixed roster of one THEN the first round completes as soon as that player answers', () => {
    const time = new FakeTime();
    const game = newGame(time, 2, SETTINGS, ['solo']);
    game.openQuestion();
    expect(game.answer('solo', 'Me', 0, 0)).toMatchObject({ roundComplete: true });
  });

  it('adds streak bonuses for consecutive correct answers and resets them after a missed question', () => {
    const time = new FakeTime();
    const game = newGame(time, 4);
    const points: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const q = game.openQuestion().question;
      if (i !== 2) {
        const outcome = game.answer('u1', 'Ann', i, q.answerIndex);
        if (outcome.status === 'accepted') points.push(outcome.record.points);
      }
      time.advance(10_000);
      game.reveal();
    }
    expect(points).toEqual([1000, 1100, 1000]);
    const end = game.end('completed');
    expect(end.totals[0]).toMatchObject({ userId: 'u1', points: 3100, correct: 3, answered: 3, bestStreak: 2 });
  });

  it('GIVEN speed points and streaks off THEN every correct answer is a flat 1000', () => {
    const time = new FakeTime();
    const game = newGame(time, 3, { timeLimitMs: 10_000, speedPoints: false, streaks: false });
    for (let i = 0; i < 3; i += 1) {
      const q = game.openQuestion().question;
      time.advance(9_000);
      expect(game.answer('u1', 'Ann', i, q.answerIndex)).toMatchObject({ record: { points: 1000 } });
      time.advance(1_000);
      game.reveal();
    }
  });

  it('ends with a podium of the top three and every player total', () => {
    const time = new FakeTime();
    const game = newGame(time, 1);
    const q = game.openQuestion().question;
    const wrong = ((q.answerIndex + 1) % 4) as 0 | 1 | 2 | 3;
    time.advance(400);
    game.answer('fast', 'Fast', 0, q.answerIndex);
    time.advance(5_000);
    game.answer('slow', 'Slow', 0, q.answerIndex);
    game.answer('w1', 'W1', 0, wrong);
    game.answer('w2', 'W2', 0, wrong);
    time.advance(10_000);
    game.reveal();
    const end = game.end('completed');
    expect(end.podium.map((p) => p.userId)).toEqual(['fast', 'slow', 'w1']);
    expect(end.totals.map((p) => [p.rank, p.userId])).toEqual([[1, 'fast'], [2, 'slow'], [3, 'w1'], [4, 'w2']]);
    expect(end.totals[1]!.points).toBeLessThan(1000);
    expect(end.totals[1]!.points).toBeGreaterThan(500);
    expect(end.questionsAsked).toBe(1);
  });

  it('GIVEN the host stops THEN the game ends as stopped', () => {
    const time = new FakeTime();
    const game = newGame(time);
    game.openQuestion();
    expect(game.stop('host', false).reason).toBe('stopped');
    expect(game.state).toBe('ended');
  });

  it('GIVEN a server manager who is not the host stops THEN the game ends', () => {
    const game = newGame(new FakeTime());
    game.openQuestion();
    expect(game.stop('admin', true).reason).toBe('stopped');
  });

  it('GIVEN someone else tries to stop THEN UserError NOT_QUIZ_HOST and the game goes on', () => {
    const game = newGame(new FakeTime());
    game.openQuestion();
    let caught: unknown;
    try {
      game.stop('random', false);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe(ERROR_CODES.NOT_QUIZ_HOST);
    expect(game.state).toBe('question');
  });
});
