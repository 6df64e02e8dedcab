/**
 * A quiz for one player at the local console, with the same engine and scoring as Discord:
 * the player types A–D (or 1–4) before the time runs out; `stop`, Ctrl-C or the end of input
 * ends the game at once with the scores so far (no answer of a question not yet asked is shown).
 */
import { QUIZ_DEFAULT_QUESTIONS, QUIZ_MAX_QUESTIONS, QUIZ_MIN_QUESTIONS, QUIZ_SECONDS_DEFAULT, QUIZ_SEED_MAX_CHARS } from '../briefing/limits.js';
import type { BriefingDesk } from '../briefing/types.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { COMMAND_WORDS } from '../messages/commands.js';
import { text, type Locale } from '../messages/index.js';
import { QuizGame, type ChoiceIndex, type EndData, type GameSettings } from '../quiz/game.js';
import { shortfallNotice } from '../quiz/kind-names.js';
import type { QuestionKind } from '../quiz/types.js';
import { consoleReader } from './readers.js';

const CONSOLE_PLAYER_ID = 'console';
const SEED_PATTERN = new RegExp(`(?:^|\\s)(?:${Object.values(COMMAND_WORDS.quizStartSeed.name).join('|')}):(\\S{1,${QUIZ_SEED_MAX_CHARS}})(?=\\s|$)`, 'u');
const CHOICE_LETTERS = ['A', 'B', 'C', 'D'] as const;
/** What ends a console quiz early, in both languages, with or without accents (the help names `stop` and `dừng`). */
const STOP_WORDS: ReadonlySet<string> = new Set(['stop', 'quit', 'q', 'dừng', 'dung', 'thoát', 'thoat']);

/** Whether a typed line ends the quiz: a stop word, in any case, however the terminal composed its accents. */
export function isStopWord(line: string): boolean {
  return STOP_WORDS.has(line.normalize('NFC').trim().toLowerCase());
}

/** What the player did while a question waited: typed a line, let the time run out, pressed Ctrl-C, or closed the input. */
export type ConsoleInput = { kind: 'line'; text: string } | { kind: 'timeout' } | { kind: 'interrupt' } | { kind: 'end' };

export interface ConsoleQuizIO {
  print(text: string): void;
  /** Resolves with what the player does next, or a timeout when nothing comes within `timeoutMs`. */
  readLine(timeoutMs: number): Promise<ConsoleInput>;
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

/**
 * `/quiz 5 NATO`, `/quiz seed:k3x9qa`: a leading number is how many questions (within the core's
 * limits), `seed:` (or the option's Vietnamese name, `ma_de:`, as a Vietnamese seed notice writes it)
 * replays a quiz, the other words are the topic.
 */
export function quizRequestOf(line: string): Pick<ConsoleQuizOptions, 'questions' | 'topic' | 'seed'> {
  const seedMatch = SEED_PATTERN.exec(line);
  const rest = seedMatch === null ? line : `${line.slice(0, seedMatch.index)} ${line.slice(seedMatch.index + seedMatch[0].length)}`;
  const seed = seedMatch?.[1];
  const match = /^(\d{1,3})(?:\s+|$)([\s\S]*)$/u.exec(rest.trim());
  const count = match ? Number(match[1]) : undefined;
  if (count !== undefined && (count < QUIZ_MIN_QUESTIONS || count > QUIZ_MAX_QUESTIONS)) {
    throw new UserError(ERROR_CODES.BAD_OPTION, 'optionRange', { option: 'questions', min: QUIZ_MIN_QUESTIONS, max: QUIZ_MAX_QUESTIONS, value: String(count) });
  }
  const topic = (match ? match[2]! : rest).trim();
  return { ...(count !== undefined ? { questions: count } : {}), ...(topic !== '' ? { topic } : {}), ...(seed !== undefined ? { seed } : {}) };
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
    const notice = shortfallNotice(locale, 0, result.shortfall);
    io.print(notice.length > 0 ? text(locale, 'consoleQuizNoneBecause', { reason: notice.join(' ') }) : text(locale, 'consoleQuizNone'));
    return null;
  }
  for (const line of shortfallNotice(locale, result.questions.length, result.shortfall)) io.print(line);
  io.print(text(consoleReader(locale), 'quizSeedReplay', { seed: result.seed }));
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
      const input: ConsoleInput = remaining > 0 ? await io.readLine(remaining) : { kind: 'timeout' };
      if (input.kind === 'timeout') {
        io.print(text(locale, 'consoleQuizTimeUp'));
        break;
      }
      if (input.kind !== 'line' || isStopWord(input.text)) return finish(io, game.stop(CONSOLE_PLAYER_ID, false), locale);
      const choice = parseConsoleChoice(input.text);
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
