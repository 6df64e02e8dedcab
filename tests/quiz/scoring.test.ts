import { describe, expect, it } from 'vitest';
import {
  MAX_CORRECT_POINTS,
  MIN_CORRECT_POINTS,
  STREAK_BONUS_CAP_POINTS,
  scoreAnswer,
  speedPoints,
  streakBonus,
} from '../../src/quiz/scoring.js';

const LIMIT_MS = 20_000;
const ON = { speedPoints: true, streaks: true };

describe('speed points', () => {
  it('GIVEN an answer within half a second THEN it scores the full 1000', () => {
    expect(speedPoints(0, LIMIT_MS)).toBe(1000);
    expect(speedPoints(500, LIMIT_MS)).toBe(MAX_CORRECT_POINTS);
  });

  it('GIVEN an answer at the time limit THEN it scores 500', () => {
    expect(speedPoints(LIMIT_MS, LIMIT_MS)).toBe(MIN_CORRECT_POINTS);
  });

  it('GIVEN an answer halfway between 0.5 s and the limit THEN it scores 750 (linear)', () => {
    expect(speedPoints(500 + (LIMIT_MS - 500) / 2, LIMIT_MS)).toBe(750);
    expect(speedPoints(500 + (LIMIT_MS - 500) / 4, LIMIT_MS)).toBe(875);
  });

  it('never leaves the 500–1000 band and falls monotonically', () => {
    let previous = Infinity;
    for (let ms = 0; ms <= LIMIT_MS + 5_000; ms += 250) {
      const points = speedPoints(ms, LIMIT_MS);
      expect(points).toBeGreaterThanOrEqual(500);
      expect(points).toBeLessThanOrEqual(1000);
      expect(points).toBeLessThanOrEqual(previous);
      previous = points;
    }
  });
});

describe('streak bonus: min(100 × (streak − 1), 500)', () => {
  it('gives nothing for the first correct answer, 100 for the second in a row, capped at 500', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(streakBonus)).toEqual([0, 100, 200, 300, 400, 500, 500, 500]);
    expect(streakBonus(50)).toBe(STREAK_BONUS_CAP_POINTS);
  });

  it('GIVEN a wrong answer THEN it scores nothing and resets the streak', () => {
    expect(scoreAnswer({ correct: false, elapsedMs: 100, timeLimitMs: LIMIT_MS, streakBefore: 4, switches: ON })).toEqual({ points: 0, base: 0, bonus: 0, streak: 0 });
  });

  it('GIVEN a third correct answer in a row at 0.2 s THEN 1000 + 200', () => {
    expect(scoreAnswer({ correct: true, elapsedMs: 200, timeLimitMs: LIMIT_MS, streakBefore: 2, switches: ON })).toEqual({ points: 1200, base: 1000, bonus: 200, streak: 3 });
  });
});

describe('switches', () => {
  it('GIVEN speed points off THEN a slow correct answer scores a flat 1000', () => {
    const score = scoreAnswer({ correct: true, elapsedMs: LIMIT_MS, timeLimitMs: LIMIT_MS, streakBefore: 0, switches: { speedPoints: false, streaks: true } });
    expect(score.points).toBe(1000);
  });

  it('GIVEN streaks off THEN a long streak earns no bonus but is still counted', () => {
    const score = scoreAnswer({ correct: true, elapsedMs: 0, timeLimitMs: LIMIT_MS, streakBefore: 9, switches: { speedPoints: true, streaks: false } });
    expect(score).toEqual({ points: 1000, base: 1000, bonus: 0, streak: 10 });
  });
});
