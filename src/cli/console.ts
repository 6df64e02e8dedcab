/**
 * The local console: with no Discord token at a terminal, the same commands are typed as
 * `/ask …`, `more`, `/sources`, `/summary …`, `/timeline …`, `/quiz …`, `/help`, `/reindex`,
 * `/add <path or url>`, `/quit` and answered as plain text (src/cli/console-commands.ts), in the console's language.
 * Ctrl-C ends a running quiz with its scores, or else leaves; Ctrl-D leaves.
 */
import readline from 'node:readline';
import type { BriefingDesk } from '../briefing/types.js';
import { isUserError, userErrorText } from '../errors.js';
import type { ArticleIntake } from '../intake/article-intake.js';
import { text, type Locale } from '../messages/index.js';
import { ConsoleSession, splitCommand } from './console-commands.js';
import { quizRequestOf, runConsoleQuiz, type ConsoleInput } from './console-quiz.js';
import { consoleReader } from './readers.js';
import { emphasis } from './render-text.js';
import { printSafe } from './terminal.js';

const CONSOLE_PROMPT = 'briefbot> ';
const QUIT_COMMANDS: ReadonlySet<string> = new Set(['quit', 'exit', 'thoat', 'thoát']);

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  colour: boolean;
  /** False when the desk's logger already printed the model warning (it is shown once). */
  announceModelWarning?: boolean;
  /** What `/add` adds articles with. */
  articles?: ArticleIntake;
}

/**
 * What is typed, one line at a time, to whichever part of the console is reading (the prompt
 * or a quiz): a line, nothing before the timeout, Ctrl-C, or the end of input.
 */
export function consoleInput(rl: readline.Interface): (timeoutMs?: number) => Promise<ConsoleInput> {
  const queued: ConsoleInput[] = [];
  let waiting: ((input: ConsoleInput) => void) | null = null;
  let ended = false;
  const deliver = (input: ConsoleInput): void => {
    if (waiting === null) queued.push(input);
    else waiting(input);
  };
  rl.on('line', (line) => deliver({ kind: 'line', text: line }));
  rl.on('SIGINT', () => deliver({ kind: 'interrupt' }));
  rl.on('close', () => {
    ended = true;
    waiting?.({ kind: 'end' });
  });
  return (timeoutMs) =>
    new Promise((resolve) => {
      const next = queued.shift();
      if (next !== undefined) return resolve(next);
      if (ended) return resolve({ kind: 'end' });
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
      const finish = (input: ConsoleInput): void => {
        clearTimeout(timer);
        waiting = null;
        resolve(input);
      };
      waiting = finish;
    });
}

/** The read–answer loop until `/quit`, Ctrl-C at the prompt or the end of input. */
export async function runConsole(desk: BriefingDesk, locale: Locale, io: ConsoleIo): Promise<void> {
  const write = (words: string): void => printSafe(io.output, words);
  const status = desk.status();
  if (status.modelWarning !== null && io.announceModelWarning !== false) write(`⚠ ${status.modelWarning}`);
  write(text(locale, 'consoleHelp'));
  const terminal = (io.input as { isTTY?: boolean }).isTTY === true;
  const rl = readline.createInterface({ input: io.input, output: io.output, terminal });
  const next = consoleInput(rl);
  const session = new ConsoleSession(desk, locale, emphasis(io.colour), io.articles ?? null);
  rl.setPrompt(CONSOLE_PROMPT);
  for (;;) {
    rl.prompt();
    const input = await next();
    if (input.kind !== 'line') break;
    const { name, rest } = splitCommand(input.text);
    if (QUIT_COMMANDS.has(name)) break;
    if (input.text.trim() === '') continue;
    if (name === 'quiz') {
      try {
        await runConsoleQuiz(desk, { print: write, readLine: next }, { ...quizRequestOf(rest), locale });
      } catch (error) {
        if (!isUserError(error)) throw error;
        write(userErrorText(consoleReader(locale), error));
      }
      continue;
    }
    write(await session.run(input.text));
  }
  rl.close();
}
