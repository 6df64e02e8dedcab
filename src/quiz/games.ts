/**
 * The quiz games of a bot: at most one per channel, any number of channels at once.
 * Drives each game's rounds with an injected scheduler and clock, records every accepted
 * answer in the store the moment it is accepted, and reports what happens as plain events
 * that an adapter (Discord) turns into messages. Events of one game are delivered in order.
 */
import { randomBytes } from 'node:crypto';
import { ERROR_CODES, UserError } from '../errors.js';
import {
  QUIZ_PODIUM_SIZE,
  QuizGame,
  type AnswerOutcome,
  type ChoiceIndex,
  type Clock,
  type EndData,
  type GameSettings,
  type QuestionOpened,
  type RevealData,
} from './game.js';
import { NO_GUILD, type QuizStore } from './store.js';
import type { QuizQuestion } from './types.js';

/**
 * A channel's last games whose questions the next one avoids asking again while the briefing has others:
 * a team's session of a few games sees new sentences; a small corpus has used its material by then anyway.
 */
export const QUIZ_RECENT_GAMES = 5;

/** How often the countdown message is edited while a question is open. */
export const QUIZ_COUNTDOWN_TICK_MS = 5_000;
/** How long the reveal stays up before the next question opens. */
export const QUIZ_REVEAL_PAUSE_MS = 5_000;
const GAME_ID_BYTES = 6;

export interface Scheduler {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export const timerScheduler: Scheduler = {
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface GameInfo {
  gameId: string;
  guildId: string | null;
  channelId: string;
  hostId: string;
  settings: GameSettings;
}

export type QuizEvent =
  | { type: 'question'; game: GameInfo; opened: QuestionOpened }
  | { type: 'tick'; game: GameInfo; index: number; remainingMs: number; endsAt: number; answered: number }
  | { type: 'reveal'; game: GameInfo; reveal: RevealData }
  /**
   * `openQuestionIndex`: the question still open when the game ended (its buttons need disabling),
   * or null; `openQuestionMessageId`: its message, when known from the store (after a restart).
   */
  | { type: 'ended'; game: GameInfo; end: EndData; openQuestionIndex: number | null; openQuestionMessageId: string | null };

export type QuizListener = (event: QuizEvent) => Promise<void> | void;

export interface StartGameInput {
  guildId: string | null;
  channelId: string;
  hostId: string;
  settings: GameSettings;
  questions: QuizQuestion[];
  roster?: string[];
}

export interface AnswerInput {
  gameId: string;
  questionIndex: number;
  userId: string;
  displayName: string;
  choice: ChoiceIndex;
}

export interface QuizGamesOptions {
  store: QuizStore;
  clock?: Clock;
  scheduler?: Scheduler;
  tickIntervalMs?: number;
  revealPauseMs?: number;
  newGameId?: () => string;
  /** Called when a listener throws: delivery of later events goes on. */
  onListenerError?: (error: unknown, event: QuizEvent) => void;
}

interface RunningGame {
  game: QuizGame;
  info: GameInfo;
  timers: Set<unknown>;
  delivery: Promise<void>;
}

export class QuizGames {
  private readonly store: QuizStore;
  private readonly clock: Clock;
  private readonly scheduler: Scheduler;
  private readonly tickIntervalMs: number;
  private readonly revealPauseMs: number;
  private readonly newGameId: () => string;
  private readonly onListenerError: (error: unknown, event: QuizEvent) => void;
  private readonly byChannel = new Map<string, RunningGame>();
  private readonly byId = new Map<string, RunningGame>();
  private readonly listeners = new Set<QuizListener>();
  private readonly pending = new Set<Promise<void>>();

  constructor(options: QuizGamesOptions) {
    this.store = options.store;
    this.clock = options.clock ?? Date.now;
    this.scheduler = options.scheduler ?? timerScheduler;
    this.tickIntervalMs = options.tickIntervalMs ?? QUIZ_COUNTDOWN_TICK_MS;
    this.revealPauseMs = options.revealPauseMs ?? QUIZ_REVEAL_PAUSE_MS;
    this.newGameId = options.newGameId ?? (() => randomBytes(GAME_ID_BYTES).toString('base64url'));
    this.onListenerError = options.onListenerError ?? (() => undefined);
  }

  subscribe(listener: QuizListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isRunning(channelId: string): boolean {
    return this.byChannel.has(channelId);
  }

  /** Where a running game plays (its server and channel), or null when it is not running. */
  info(gameId: string): GameInfo | null {
    return this.byId.get(gameId)?.info ?? null;
  }

  /** The game running in a channel, if any. */
  gameIn(channelId: string): QuizGame | null {
    return this.byChannel.get(channelId)?.game ?? null;
  }

  /** Starts a game in a channel; its first question opens on the next scheduler turn. */
  start(input: StartGameInput): GameInfo {
    if (this.byChannel.has(input.channelId)) {
      throw new UserError(ERROR_CODES.QUIZ_ALREADY_RUNNING, 'quizAlreadyRunning');
    }
    if (input.questions.length === 0) {
      throw new UserError(ERROR_CODES.NOT_ENOUGH_MATERIAL, 'quizNoQuestion');
    }
    const gameId = this.newGameId();
    const game = new QuizGame({
      id: gameId,
      guildId: input.guildId,
      channelId: input.channelId,
      hostId: input.hostId,
      settings: input.settings,
      questions: input.questions,
      clock: this.clock,
      ...(input.roster ? { roster: input.roster } : {}),
    });
    const info: GameInfo = { gameId, guildId: input.guildId, channelId: input.channelId, hostId: input.hostId, settings: { ...input.settings } };
    this.store.createGame({ id: gameId, guildId: input.guildId ?? NO_GUILD, channelId: input.channelId, hostId: input.hostId, settings: info.settings, startedAt: this.clock() });
    const running: RunningGame = { game, info, timers: new Set(), delivery: Promise.resolve() };
    this.byChannel.set(input.channelId, running);
    this.byId.set(gameId, running);
    this.schedule(running, 0, () => this.openNext(running));
    return info;
  }

  /**
   * Records a button click. Safe under any number of simultaneous clicks: the check and the
   * write happen in one synchronous step, and the store's UNIQUE constraint backs it up.
   */
  answer(input: AnswerInput): AnswerOutcome {
    const running = this.byId.get(input.gameId);
    if (!running) return { status: 'ended' };
    const outcome = running.game.answer(input.userId, input.displayName, input.questionIndex, input.choice);
    if (outcome.status !== 'accepted') return outcome;
    this.store.recordAnswer(outcome.record);
    if (outcome.roundComplete) this.closeRound(running);
    return outcome;
  }

  /** Stops the game in a channel on request of `userId` (host, or anyone who can manage the server). */
  stop(channelId: string, userId: string, canManageGuild: boolean): EndData {
    const running = this.byChannel.get(channelId);
    if (!running) throw new UserError(ERROR_CODES.QUIZ_NOT_RUNNING, 'quizNotRunning');
    const openQuestionIndex = running.game.state === 'question' ? running.game.questionIndex : null;
    const end = running.game.stop(userId, canManageGuild);
    this.finish(running, end, openQuestionIndex);
    return end;
  }

  /**
   * Ends, with their scores saved, the games a previous run of the bot left running (found in
   * the store). Emits an `ended` event (reason `interrupted`) for each, so the channel is told.
   */
  recoverInterrupted(): EndData[] {
    const ended: EndData[] = [];
    for (const stored of this.store.runningGames()) {
      if (this.byId.has(stored.id)) continue;
      const totals = this.store.gameTotals(stored.id);
      const asked = this.store.questionsAsked(stored.id);
      const end: EndData = { gameId: stored.id, reason: 'interrupted', questionsAsked: asked.length, podium: totals.slice(0, QUIZ_PODIUM_SIZE), totals };
      if (!this.store.finishGame(stored.id, 'interrupted', this.clock(), totals)) continue;
      const lastAsked = asked.at(-1);
      const info: GameInfo = {
        gameId: stored.id,
        guildId: stored.guildId === NO_GUILD ? null : stored.guildId,
        channelId: stored.channelId,
        hostId: stored.hostId,
        settings: stored.settings,
      };
      this.emitDetached({ type: 'ended', game: info, end, openQuestionIndex: lastAsked ? lastAsked.index : null, openQuestionMessageId: lastAsked?.messageId ?? null });
      ended.push(end);
    }
    return ended;
  }

  /** Remembers which chat message shows a question, so its buttons can be disabled even after a restart. */
  attachQuestionMessage(gameId: string, questionIndex: number, messageId: string): void {
    this.store.setQuestionMessage(gameId, questionIndex, messageId);
  }

  /** Resolves once every event emitted so far has been delivered. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Cancels every timer without ending games: they stay `running` in the store for the next start to recover. */
  shutdown(): void {
    for (const running of this.byId.values()) this.clearTimers(running);
    this.byId.clear();
    this.byChannel.clear();
  }

  private openNext(running: RunningGame): void {
    if (running.game.state === 'ended') return;
    if (!running.game.hasNextQuestion) {
      this.finish(running, running.game.end('completed'), null);
      return;
    }
    const opened = running.game.openQuestion();
    this.store.recordQuestion(running.info.gameId, { index: opened.index, question: opened.question, startedAt: opened.startedAt, endsAt: opened.endsAt });
    this.emit(running, { type: 'question', game: running.info, opened });
    this.scheduleTick(running, opened.index);
    this.schedule(running, Math.max(0, opened.endsAt - this.clock()), () => this.closeRound(running));
  }

  private scheduleTick(running: RunningGame, index: number): void {
    const remaining = running.game.roundEndsAt - this.clock();
    if (remaining <= this.tickIntervalMs) return;
    this.schedule(running, this.tickIntervalMs, () => {
      if (running.game.state !== 'question' || running.game.questionIndex !== index) return;
      const endsAt = running.game.roundEndsAt;
      this.emit(running, {
        type: 'tick',
        game: running.info,
        index,
        remainingMs: Math.max(0, endsAt - this.clock()),
        endsAt,
        answered: running.game.currentAnswers().size,
      });
      this.scheduleTick(running, index);
    });
  }

  private closeRound(running: RunningGame): void {
    if (running.game.state !== 'question') return;
    this.clearTimers(running);
    const reveal = running.game.reveal();
    this.emit(running, { type: 'reveal', game: running.info, reveal });
    if (reveal.isLast) this.finish(running, running.game.end('completed'), null);
    else this.schedule(running, this.revealPauseMs, () => this.openNext(running));
  }

  private finish(running: RunningGame, end: EndData, openQuestionIndex: number | null): void {
    this.clearTimers(running);
    this.byChannel.delete(running.info.channelId);
    this.byId.delete(running.info.gameId);
    this.store.finishGame(running.info.gameId, end.reason, this.clock(), end.totals);
    this.emit(running, { type: 'ended', game: running.info, end, openQuestionIndex, openQuestionMessageId: null });
  }

  private schedule(running: RunningGame, delayMs: number, callback: () => void): void {
    const handle = this.scheduler.set(() => {
      running.timers.delete(handle);
      callback();
    }, delayMs);
    running.timers.add(handle);
  }

  private clearTimers(running: RunningGame): void {
    for (const handle of running.timers) this.scheduler.clear(handle);
    running.timers.clear();
  }

  private emit(running: RunningGame, event: QuizEvent): void {
    running.delivery = running.delivery.then(() => this.deliver(event));
    this.track(running.delivery);
  }

  private emitDetached(event: QuizEvent): void {
    this.track(this.deliver(event));
  }

  private track(promise: Promise<void>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  private async deliver(event: QuizEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }
}
