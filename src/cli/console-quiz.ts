/**
 * A quiz for one player at the local console, with the same engine and scoring as Discord:
 * the player types A–D (or 1–4) before the time runs out; `stop` ends the game.
 */
import type { Interface as ReadlineInterface } from 'node:readline';
import type { BriefingDesk } from '../briefing/types.js';
import { QuizGame, type ChoiceIndex, type EndData, type GameSettings } from '../quiz/game.js';
import type { QuestionKind } from '../quiz/types.js';

export const CONSOLE_QUIZ_DEFAULT_QUESTIONS = 5;
export const CONSOLE_QUIZ_DEFAULT_SECONDS = 30;
const CONSOLE_PLAYER_ID = 'console';
const CHOICE_LETTERS = ['A', 'B', 'C', 'D'] as const;
const STOP_WORDS: ReadonlySet<string> = new Set(['stop', 'quit', 'q']);

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

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** Plays one quiz; returns the end data (null when no question could be made). */
export async function runConsoleQuiz(desk: BriefingDesk, io: ConsoleQuizIO, options: ConsoleQuizOptions = {}): Promise<EndData | null> {
  const now = (): number => (io.now ? io.now() : Date.now());
  const result = await desk.quiz({
    n: options.questions ?? CONSOLE_QUIZ_DEFAULT_QUESTIONS,
    ...(options.kinds ? { kinds: options.kinds } : {}),
    ...(options.topic ? { topic: options.topic } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  if (result.questions.length === 0) {
    io.print(`No quiz question could be made${result.shortfall ? `: ${result.shortfall}` : '.'}`);
    return null;
  }
  if (result.shortfall) io.print(`Only ${result.questions.length} questions: ${result.shortfall}`);
  const settings: GameSettings = {
    timeLimitMs: (options.seconds ?? CONSOLE_QUIZ_DEFAULT_SECONDS) * 1000,
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
    io.print(`\nQuestion ${opened.index + 1}/${opened.total} — ${seconds(settings.timeLimitMs)} s`);
    io.print(q.prompt);
    q.choices.forEach((choice, i) => io.print(`  ${CHOICE_LETTERS[i]}) ${choice}`));
    let answered = false;
    while (!answered) {
      const remaining = opened.endsAt - now();
      const line = remaining > 0 ? await io.readLine(remaining) : null;
      if (line === null) {
        io.print('Time is up.');
        break;
      }
      if (STOP_WORDS.has(line.trim().toLowerCase())) return finish(io, game.stop(CONSOLE_PLAYER_ID, false));
      const choice = parseConsoleChoice(line);
      if (choice === null) {
        io.print('Type A, B, C or D (or "stop").');
        continue;
      }
      const outcome = game.answer(CONSOLE_PLAYER_ID, playerName, opened.index, choice);
      if (outcome.status === 'accepted') {
        io.print(`Locked in ${CHOICE_LETTERS[choice]} at ${seconds(outcome.record.elapsedMs)} s.`);
        answered = true;
      } else {
        io.print('Time is up.');
        break;
      }
    }
    const reveal = game.reveal();
    const mine = game.currentAnswers().get(CONSOLE_PLAYER_ID);
    const total = reveal.top.find((s) => s.userId === CONSOLE_PLAYER_ID)?.points ?? 0;
    const verdict = mine?.correct ? 'Correct!' : mine ? 'Wrong.' : 'No answer.';
    io.print(`${verdict} The answer is ${CHOICE_LETTERS[reveal.correctIndex]}) ${reveal.correctChoice}. Score: ${total}`);
    io.print(reveal.explanation);
    io.print(`Source: ${reveal.source.title}${reveal.source.date ? ` (${reveal.source.date})` : ''} — “${reveal.source.text}”`);
  }
  return finish(io, game.end('completed'));
}

function finish(io: ConsoleQuizIO, end: EndData): EndData {
  const me = end.totals[0];
  io.print(end.reason === 'stopped' ? '\nQuiz stopped.' : '\nQuiz over.');
  io.print(me ? `Total: ${me.points} points, ${me.correct}/${end.questionsAsked} correct, best streak ${me.bestStreak}.` : 'Total: 0 points.');
  return end;
}
