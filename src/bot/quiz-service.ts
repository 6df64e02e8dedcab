/**
 * The quiz's running parts for the bot, opened once at start-up: the SQLite store, the games
 * manager, and the poster of channel messages. Opening also ends, with a message in their
 * channel, the games a previous run left unfinished.
 */
import type { REST } from 'discord.js';
import type { Clock } from '../quiz/game.js';
import { QuizGames, type QuizEvent, type Scheduler } from '../quiz/games.js';
import { QuizStore } from '../quiz/store.js';
import { postQuizEventsToChannels, restQuizSink, type QuizChannelSink } from './quiz-channel.js';

export interface QuizServices {
  games: QuizGames;
  store: QuizStore;
  clock: Clock;
  /** Multiplies every time limit: 1 in production; tests shrink time with it. */
  timeLimitScale: number;
  close(): void;
}

export interface OpenQuizServicesOptions {
  dbFile: string;
  /** The bot's REST client (`client.rest`), or any sink for the channel messages. */
  rest?: REST;
  sink?: QuizChannelSink;
  clock?: Clock;
  scheduler?: Scheduler;
  tickIntervalMs?: number;
  revealPauseMs?: number;
  timeLimitScale?: number;
  onListenerError?: (error: unknown, event: QuizEvent) => void;
}

export function openQuizServices(options: OpenQuizServicesOptions): QuizServices {
  const sink = options.sink ?? (options.rest ? restQuizSink(options.rest) : null);
  if (!sink) throw new Error('openQuizServices needs a REST client or a sink');
  const store = QuizStore.open(options.dbFile);
  const clock = options.clock ?? Date.now;
  const games = new QuizGames({
    store,
    clock,
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    ...(options.tickIntervalMs !== undefined ? { tickIntervalMs: options.tickIntervalMs } : {}),
    ...(options.revealPauseMs !== undefined ? { revealPauseMs: options.revealPauseMs } : {}),
    ...(options.onListenerError ? { onListenerError: options.onListenerError } : {}),
  });
  postQuizEventsToChannels(games, sink);
  games.recoverInterrupted();
  return {
    games,
    store,
    clock,
    timeLimitScale: options.timeLimitScale ?? 1,
    close() {
      games.shutdown();
      store.close();
    },
  };
}
