/**
 * One quiz game as a state machine: lobby → question → reveal → question … → ended.
 * Pure: time comes from an injected clock, nothing waits, every result is plain data.
 * The manager (games.ts) decides when to open and close rounds; this class only keeps the rules.
 */
import { ERROR_CODES, UserError } from '../errors.js';
import { scoreAnswer, type ScoringSwitches } from './scoring.js';
import type { QuestionSource, QuizQuestion } from './types.js';

export const QUIZ_CHOICE_COUNT = 4;
export const QUIZ_TOP_LIST_SIZE = 5;
export const QUIZ_PODIUM_SIZE = 3;

export type GameState = 'lobby' | 'question' | 'reveal' | 'ended';
export type ChoiceIndex = 0 | 1 | 2 | 3;
/** How a game ended: played to the last question, stopped by a host, or cut short by a bot restart. */
export type EndReason = 'completed' | 'stopped' | 'interrupted';

/** Milliseconds since the epoch. */
export type Clock = () => number;

export interface GameSettings extends ScoringSwitches {
  timeLimitMs: number;
  /** Language of the game's channel messages (an adapter concern, kept so a restart can still speak it). */
  locale?: string;
}

export interface GameInit {
  id: string;
  guildId: string | null;
  channelId: string;
  hostId: string;
  settings: GameSettings;
  questions: QuizQuestion[];
  clock: Clock;
  /**
   * Players known up front (the console: one player). Without it the roster is whoever has
   * answered, and the first round always runs its full time since nobody is known yet.
   */
  roster?: string[];
}

export interface PlayerStanding {
  rank: number;
  userId: string;
  displayName: string;
  points: number;
  correct: number;
  answered: number;
  bestStreak: number;
}

export interface QuestionOpened {
  gameId: string;
  index: number;
  total: number;
  question: QuizQuestion;
  startedAt: number;
  endsAt: number;
}

export interface AnswerRecord {
  gameId: string;
  questionIndex: number;
  userId: string;
  displayName: string;
  choice: ChoiceIndex;
  correct: boolean;
  elapsedMs: number;
  points: number;
  /** The player's streak after this answer. */
  streak: number;
  at: number;
}

export type AnswerOutcome =
  | { status: 'accepted'; record: AnswerRecord; roundComplete: boolean }
  | { status: 'already_answered'; choice: ChoiceIndex }
  | { status: 'time_up' }
  | { status: 'ended' };

export interface RevealData {
  gameId: string;
  index: number;
  total: number;
  correctIndex: ChoiceIndex;
  correctChoice: string;
  /** Answers per option, in the question's original choice order. */
  counts: [number, number, number, number];
  answered: number;
  explanation: string;
  source: QuestionSource;
  top: PlayerStanding[];
  isLast: boolean;
}

export interface EndData {
  gameId: string;
  reason: EndReason;
  questionsAsked: number;
  podium: PlayerStanding[];
  totals: PlayerStanding[];
}

interface PlayerState {
  userId: string;
  displayName: string;
  points: number;
  correct: number;
  answered: number;
  streak: number;
  bestStreak: number;
  firstSeenRound: number;
}

export interface RoundAnswer {
  choice: ChoiceIndex;
  correct: boolean;
}

export class QuizGame {
  readonly id: string;
  readonly guildId: string | null;
  readonly channelId: string;
  readonly hostId: string;
  readonly settings: Readonly<GameSettings>;
  readonly questions: readonly QuizQuestion[];
  private readonly clock: Clock;
  private readonly fixedRoster: ReadonlySet<string> | null;
  private readonly players = new Map<string, PlayerState>();
  private stateValue: GameState = 'lobby';
  private index = -1;
  private startedAt = 0;
  private endsAt = 0;
  private roundAnswers = new Map<string, RoundAnswer>();
  private endData: EndData | null = null;

  constructor(init: GameInit) {
    if (init.questions.length === 0) throw new Error('A quiz game needs at least one question');
    this.id = init.id;
    this.guildId = init.guildId;
    this.channelId = init.channelId;
    this.hostId = init.hostId;
    this.settings = Object.freeze({ ...init.settings });
    this.questions = init.questions;
    this.clock = init.clock;
    this.fixedRoster = init.roster && init.roster.length > 0 ? new Set(init.roster) : null;
  }

  get state(): GameState {
    return this.stateValue;
  }

  get questionIndex(): number {
    return this.index;
  }

  get hasNextQuestion(): boolean {
    return this.stateValue !== 'ended' && this.index + 1 < this.questions.length;
  }

  /** When the current round closes (ms since epoch); 0 before the first question. */
  get roundEndsAt(): number {
    return this.endsAt;
  }

  /** Opens the next question. Allowed from the lobby or a reveal. */
  openQuestion(): QuestionOpened {
    if (this.stateValue === 'question' || this.stateValue === 'ended' || !this.hasNextQuestion) {
      throw new Error(`Cannot open a question from state ${this.stateValue} at index ${this.index}`);
    }
    this.index += 1;
    this.stateValue = 'question';
    this.startedAt = this.clock();
    this.endsAt = this.startedAt + this.settings.timeLimitMs;
    this.roundAnswers = new Map();
    return {
      gameId: this.id,
      index: this.index,
      total: this.questions.length,
      question: this.currentQuestion(),
      startedAt: this.startedAt,
      endsAt: this.endsAt,
    };
  }

  /** The first answer of a player to the open question counts; anything else says why not. */
  answer(userId: string, displayName: string, questionIndex: number, choice: ChoiceIndex): AnswerOutcome {
    if (this.stateValue === 'ended') return { status: 'ended' };
    if (this.stateValue !== 'question' || questionIndex !== this.index) return { status: 'time_up' };
    const earlier = this.roundAnswers.get(userId);
    if (earlier) return { status: 'already_answered', choice: earlier.choice };
    const at = this.clock();
    const elapsedMs = Math.max(0, at - this.startedAt);
    if (elapsedMs > this.settings.timeLimitMs) return { status: 'time_up' };

    const player = this.players.get(userId) ?? this.addPlayer(userId, displayName);
    player.displayName = displayName;
    const correct = choice === this.currentQuestion().answerIndex;
    const score = scoreAnswer({
      correct,
      elapsedMs,
      timeLimitMs: this.settings.timeLimitMs,
      streakBefore: player.streak,
      switches: this.settings,
    });
    player.points += score.points;
    player.answered += 1;
    if (correct) player.correct += 1;
    player.streak = score.streak;
    player.bestStreak = Math.max(player.bestStreak, score.streak);
    this.roundAnswers.set(userId, { choice, correct });

    const record: AnswerRecord = {
      gameId: this.id,
      questionIndex: this.index,
      userId,
      displayName,
      choice,
      correct,
      elapsedMs,
      points: score.points,
      streak: score.streak,
      at,
    };
    return { status: 'accepted', record, roundComplete: this.isRoundComplete() };
  }

  /** True once time is up, or every player of the game has answered the open question. */
  isRoundComplete(): boolean {
    if (this.stateValue !== 'question') return false;
    if (this.clock() >= this.endsAt) return true;
    return this.everyoneAnswered();
  }

  /** Closes the open question: streaks of players who did not answer are reset. */
  reveal(): RevealData {
    if (this.stateValue !== 'question') throw new Error(`Cannot reveal from state ${this.stateValue}`);
    this.stateValue = 'reveal';
    for (const player of this.players.values()) {
      if (!this.roundAnswers.has(player.userId)) player.streak = 0;
    }
    const question = this.currentQuestion();
    const counts: [number, number, number, number] = [0, 0, 0, 0];
    for (const { choice } of this.roundAnswers.values()) counts[choice] += 1;
    return {
      gameId: this.id,
      index: this.index,
      total: this.questions.length,
      correctIndex: question.answerIndex,
      correctChoice: question.choices[question.answerIndex],
      counts,
      answered: this.roundAnswers.size,
      explanation: question.explanation,
      source: question.source,
      top: this.standings().slice(0, QUIZ_TOP_LIST_SIZE),
      isLast: !this.hasNextQuestion,
    };
  }

  /** Ends the game (idempotent: a second call returns the first result). */
  end(reason: EndReason): EndData {
    if (this.endData) return this.endData;
    this.stateValue = 'ended';
    const totals = this.standings();
    this.endData = {
      gameId: this.id,
      reason,
      questionsAsked: this.index + 1,
      podium: totals.slice(0, QUIZ_PODIUM_SIZE),
      totals,
    };
    return this.endData;
  }

  /** Stops the game on request: only the host or someone who can manage the server may. */
  stop(userId: string, canManageGuild: boolean): EndData {
    if (userId !== this.hostId && !canManageGuild) {
      throw new UserError(ERROR_CODES.NOT_QUIZ_HOST, 'notQuizHost');
    }
    return this.end('stopped');
  }

  /** Every player's total, best first; ties by correct answers, then by who joined first. */
  standings(): PlayerStanding[] {
    const order = [...this.players.values()];
    const joinOrder = new Map(order.map((p, i) => [p.userId, i]));
    order.sort((a, b) => b.points - a.points || b.correct - a.correct || (joinOrder.get(a.userId) ?? 0) - (joinOrder.get(b.userId) ?? 0));
    return order.map((p, i) => ({
      rank: i + 1,
      userId: p.userId,
      displayName: p.displayName,
      points: p.points,
      correct: p.correct,
      answered: p.answered,
      bestStreak: p.bestStreak,
    }));
  }

  /** The answers given so far to the open (or just revealed) question. */
  currentAnswers(): ReadonlyMap<string, RoundAnswer> {
    return this.roundAnswers;
  }

  private currentQuestion(): QuizQuestion {
    const question = this.questions[this.index];
    if (!question) throw new Error(`No question at index ${this.index}`);
    return question;
  }

  private addPlayer(userId: string, displayName: string): PlayerState {
    const player: PlayerState = {
      userId,
      displayName,
      points: 0,
      correct: 0,
      answered: 0,
      streak: 0,
      bestStreak: 0,
      firstSeenRound: this.index,
    };
    this.players.set(userId, player);
    return player;
  }

  private everyoneAnswered(): boolean {
    if (this.fixedRoster) {
      for (const userId of this.fixedRoster) if (!this.roundAnswers.has(userId)) return false;
      return true;
    }
    let knownBefore = 0;
    for (const player of this.players.values()) {
      if (player.firstSeenRound < this.index) knownBefore += 1;
      if (!this.roundAnswers.has(player.userId)) return false;
    }
    return knownBefore > 0;
  }
}
