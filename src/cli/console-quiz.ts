/**
 * A quiz for one player at the local console, with the same engine and scoring as Discord:
 * the player types A–D (or 1–4) before the time runs out; `stop` ends the game.
 */
import type { Interface as ReadlineInterface } from 'node:readline';
import { QUIZ_DEFAULT_QUESTIONS, QUIZ_SECONDS_DEFAULT } from '../briefing/limits.js';
import type { BriefingDesk } from '../briefing/types.js';
import { text, type Locale } from '../messages/index.js';
import { QuizGame, type ChoiceIndex, type EndData, type GameSettings } from '../quiz/game.js';
import type { QuestionKind } from '../quiz/types.js';

const CONSOLE_PLAYER_ID = 'console';
const CHOICE_LETTERS = ['A', 'B', 'C', 'D'] as const;
/** What ends a console quiz early, in both languages. */
const STOP_WORDS: ReadonlySet<string> = new Set(['stop', 'quit', 'q', 'dừng', 'dung', 'thoát', 'thoat']);

export interface ConsoleQuizIO {
  print(text: string): void;
  /** Resolves with the next line typed, or null when none comes within `timeoutMs` (or input ends). */
  readLine(timeoutMs: number): Promise<string | null>;
  /** Milliseconds since the epoch; defaults to Date.now. */
  now?(): number;
}

export interface ConsoleQuizOptions {
  questions?: number;
  seconds?: number;
  kinds?: QuestionKind[];
  topic?: string;
  seed?: string | number;
  speedPoints?: boolean;
  streaks?: boolean;
  playerName?: string;
  /** The language of the console's own words (the questions stay in the articles' language). */
  locale?: Locale;
}

/** Console I/O over a readline interface: each `readLine` waits for one line, or gives up at its timeout. */
export function readlineQuizIO(rl: ReadlineInterface, output: NodeJS.WritableStream): ConsoleQuizIO {
  return {
    print: (text) => {
      output.write(`${text}\n`);
    },
    readLine: (timeoutMs) =>
      new Promise<string | null>((resolve) => {
        const done = (line: string | null): void => {
          clearTimeout(timer);
          rl.off('line', onLine);
          rl.off('close', onClose);
          resolve(line);
        };
        const onLine = (line: string): void => done(line);
        const onClose = (): void => done(null);
        const timer = setTimeout(() => done(null), timeoutMs);
        rl.on('line', onLine);
        rl.on('close', onClose);
      }),
  };
}

/** Reads `A`–`D`, `a`–`d` or `1`–`4`; anything else is null. */
export function parseConsoleChoice(line: string): ChoiceIndex | null {
  const text = line.trim().toUpperCase();
  const letter = CHOICE_LETTERS.indexOf(text as (typeof CHOICE_LETTERS)[number]);
  if (letter >= 0) return letter as ChoiceIndex;
  const digit = Number(text);
  return Number.isInteger(digit) && digit >= 1 && digit <= 4 ? ((digit - 1) as ChoiceIndex) : null;
}

/** Plays one quiz; returns the end data (null when no question could be made). */
export async function runConsoleQuiz(desk: BriefingDesk, io: ConsoleQuizIO, options: ConsoleQuizOptions = {}): Promise<EndData | null> {
  const now = (): number => (io.now ? io.now() : Date.now());
  const locale = options.locale ?? 'en';
  const result = await desk.quiz({
    n: options.questions ?? QUIZ_DEFAULT_QUESTIONS,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.topic ? { topic: options.topic } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  if (result.questions.length === 0) {
    io.print(result.shortfall ? text(locale, 'consoleQuizNoneBecause', { reason: result.shortfall }) : text(locale, 'consoleQuizNone'));
    return null;
  }
  if (result.shortfall) io.print(text(locale, 'quizShortfall', { n: result.questions.length, reason: result.shortfall }));
  const settings: GameSettings = {
    timeLimitMs: (options.seconds ?? QUIZ_SECONDS_DEFAULT) * 1000,
    speedPoints: options.speedPoints ?? true,
    streaks: options.streaks ?? true,
  };
  const playerName = options.playerName ?? 'you';
  const game = new QuizGame({
    id: 'console',
    guildId: null,
    channelId: 'console',
    hostId: CONSOLE_PLAYER_ID,
    settings,
    questions: result.questions,
    clock: now,
    roster: [CONSOLE_PLAYER_ID],
  });

  while (game.hasNextQuestion) {
    const opened = game.openQuestion();
    const q = opened.question;
    io.print(`\n${text(locale, 'consoleQuizQuestion', { n: opened.index + 1, total: opened.total, seconds: Math.round(settings.timeLimitMs / 1000) })}`);
    io.print(q.prompt);
    q.choices.forEach((choice, i) => io.print(`  ${CHOICE_LETTERS[i]}) ${choice}`));
    let answered = false;
    while (!answered) {
      const remaining = opened.endsAt - now();
      const line = remaining > 0 ? await io.readLine(remaining) : null;
      if (line === null) {
        io.print(text(locale, 'consoleQuizTimeUp'));
        break;
      }
      if (STOP_WORDS.has(line.trim().toLowerCase())) return finish(io, game.stop(CONSOLE_PLAYER_ID, false), locale);
      const choice = parseConsoleChoice(line);
      if (choice === null) {
        io.print(text(locale, 'consoleQuizChoose'));
        continue;
      }
      const outcome = game.answer(CONSOLE_PLAYER_ID, playerName, opened.index, choice);
      if (outcome.status === 'accepted') {
        io.print(text(locale, 'quizAckLocked', { letter: CHOICE_LETTERS[choice], seconds: outcome.record.elapsedMs / 1000 }));
        answered = true;
      } else {
        io.print(text(locale, 'consoleQuizTimeUp'));
        break;
      }
    }
    const reveal = game.reveal();
    const mine = game.currentAnswers().get(CONSOLE_PLAYER_ID);
    const total = reveal.top.find((s) => s.userId === CONSOLE_PLAYER_ID)?.points ?? 0;
    const verdict = text(locale, mine?.correct ? 'consoleQuizCorrect' : mine ? 'consoleQuizWrong' : 'consoleQuizNoAnswer');
    io.print(`${verdict} ${text(locale, 'consoleQuizReveal', { letter: CHOICE_LETTERS[reveal.correctIndex], choice: reveal.correctChoice, score: total })}`);
    io.print(reveal.explanation);
    io.print(`${text(locale, 'source')}: ${reveal.source.title}${reveal.source.date ? ` (${reveal.source.date})` : ''} — “${reveal.source.text}”`);
  }
  return finish(io, game.end('completed'), locale);
}

function finish(io: ConsoleQuizIO, end: EndData, locale: Locale): EndData {
  const me = end.totals[0];
  io.print(`\n${text(locale, end.reason === 'stopped' ? 'quizEndStopped' : 'consoleQuizOver')}`);
  io.print(text(locale, 'consoleQuizTotal', { points: me?.points ?? 0, correct: me?.correct ?? 0, asked: end.questionsAsked, bestStreak: me?.bestStreak ?? 0 }));
  return end;
}
