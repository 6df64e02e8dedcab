/**
 * Quiz scoring: plain numbers in, plain numbers out.
 *
 * A correct answer earns speed points: the full 1000 within the first half second, then
 * falling linearly to 500 at the time limit. A streak bonus rewards consecutive correct
 * answers with the rule `bonus = min(100 × (streak − 1), 500)`: the first correct answer of a
 * streak earns no bonus, the second in a row +100, the third +200, capped at +500 from the
 * sixth on. A wrong answer or no answer resets the streak and scores nothing.
 */

export const MAX_CORRECT_POINTS = 1000;
export const MIN_CORRECT_POINTS = 500;
export const FULL_POINTS_WINDOW_MS = 500;
export const STREAK_BONUS_STEP_POINTS = 100;
export const STREAK_BONUS_CAP_POINTS = 500;

export interface ScoringSwitches {
  /** Off: every correct answer scores a flat MAX_CORRECT_POINTS, however slow. */
  speedPoints: boolean;
  /** Off: no streak bonus. */
  streaks: boolean;
}

/** Points for a correct answer given `elapsedMs` after the question opened, before any bonus. */
export function speedPoints(elapsedMs: number, timeLimitMs: number): number {
  const window = timeLimitMs - FULL_POINTS_WINDOW_MS;
  if (elapsedMs <= FULL_POINTS_WINDOW_MS || window <= 0) return MAX_CORRECT_POINTS;
  const late = Math.min(1, (elapsedMs - FULL_POINTS_WINDOW_MS) / window);
  return Math.round(MAX_CORRECT_POINTS - (MAX_CORRECT_POINTS - MIN_CORRECT_POINTS) * late);
}

/** The bonus for a correct answer that makes the player's streak `streak` long (1 = first in a row). */
export function streakBonus(streak: number): number {
  if (streak <= 1) return 0;
  return Math.min(STREAK_BONUS_STEP_POINTS * (streak - 1), STREAK_BONUS_CAP_POINTS);
}

export interface AnswerScoreInput {
  correct: boolean;
  elapsedMs: number;
  timeLimitMs: number;
  /** Consecutive correct answers the player had before this one. */
  streakBefore: number;
  switches: ScoringSwitches;
}

export interface AnswerScore {
  /** Total awarded: base + bonus. */
  points: number;
  base: number;
  bonus: number;
  /** The player's streak after this answer. */
  streak: number;
}

export function scoreAnswer(input: AnswerScoreInput): AnswerScore {
  if (!input.correct) return { points: 0, base: 0, bonus: 0, streak: 0 };
  const streak = input.streakBefore + 1;
  const base = input.switches.speedPoints ? speedPoints(input.elapsedMs, input.timeLimitMs) : MAX_CORRECT_POINTS;
  const bonus = input.switches.streaks ? streakBonus(streak) : 0;
  return { points: base + bonus, base, bonus, streak };
}
