/**
 * The local console: with no Discord token at a terminal, the same commands are typed as
 * `/ask …`, `/sources`, `/summary …`, `/timeline`, `/quiz`, `/help`, `/reindex`, `/quit` and answered as plain text.
 */
import readline from 'node:readline';
import type { BriefingDesk } from '../briefing/types.js';
import { ASK_PASSAGES_DEFAULT } from '../briefing/limits.js';
import { isUserError, userErrorText } from '../errors.js';
import { text, type Locale } from '../messages/index.js';
import { runConsoleQuiz } from './console-quiz.js';
import { emphasis, renderAskText, renderSourcesText, renderSummaryText, renderTimelineText } from './render-text.js';

export type ConsoleDesk = BriefingDesk;

const CONSOLE_PROMPT = 'briefbot> ';

function modelStatus(desk: ConsoleDesk, locale: Locale): string {
  const status = desk.status();
  return status.mode === 'hybrid' ? text(locale, 'modelHybrid', { model: status.modelId }) : text(locale, 'modelLexical', { warning: status.modelWarning ?? '' }).trim();
}

/** One typed line to its answer. A bare line (no leading slash) is a question. */
export async function runConsoleCommand(line: string, desk: ConsoleDesk, locale: Locale, bold: (text: string) => string = emphasis(false)): Promise<string> {
  const trimmed = line.normalize('NFC').trim();
  const match = /^\/(\w+)\s*([\s\S]*)$/.exec(trimmed);
  const [name, rest] = match ? [match[1]!.toLowerCase(), match[2]!.trim()] : ['ask', trimmed];
  try {
    switch (name) {
      case 'ask':
        return renderAskText(await desk.ask(rest, { k: ASK_PASSAGES_DEFAULT }), locale, bold);
      case 'sources':
        return renderSourcesText(desk.sources(), locale);
      case 'summary':
        return renderSummaryText(await desk.summary(rest === '' ? {} : { topic: rest }), locale);
      case 'timeline':
        return renderTimelineText(await desk.timeline({}), locale);
      case 'help':
        return `${text(locale, 'consoleHelp')}\n\n${modelStatus(desk, locale)}`;
      case 'reindex': {
        const r = await desk.reindex();
        return text(locale, 'reindexDone', { seconds: r.millis / 1000, articles: r.articles, passages: r.passages, added: r.added, changed: r.changed, removed: r.removed, unchanged: r.unchanged, embedded: r.embedded, mode: text(locale, r.mode === 'hybrid' ? 'modeHybrid' : 'modeLexical') });
      }
      default:
        return text(locale, 'consoleUnknownCommand');
    }
  } catch (error) {
    if (isUserError(error)) return userErrorText(locale, error);
    throw error;
  }
}

/** The read–answer loop until `/quit` or end of input. */
export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  colour: boolean;
  /** False when the desk's logger already printed the model warning (it is shown once). */
  announceModelWarning?: boolean;
}

/** Lines typed, one at a time, to whichever part of the console is reading: the prompt or a quiz. */
function lineReader(rl: readline.Interface): (timeoutMs?: number) => Promise<string | null> {
  const queued: string[] = [];
  let waiting: ((line: string | null) => void) | null = null;
  let closed = false;
  rl.on('line', (line) => {
    if (waiting === null) queued.push(line);
    else waiting(line);
  });
  rl.on('close', () => {
    closed = true;
    waiting?.(null);
  });
  return (timeoutMs) =>
    new Promise((resolve) => {
      const next = queued.shift();
      if (next !== undefined || closed) return resolve(next ?? null);
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(null), timeoutMs);
      const finish = (line: string | null): void => {
        clearTimeout(timer);
        waiting = null;
        resolve(line);
      };
      waiting = finish;
    });
}

export async function runConsole(desk: ConsoleDesk, locale: Locale, io: ConsoleIo): Promise<void> {
  const write = (text: string): void => void io.output.write(`${text}\n`);
  const status = desk.status();
  if (status.modelWarning !== null && io.announceModelWarning !== false) write(`⚠ ${status.modelWarning}`);
  write(text(locale, 'consoleHelp'));
  const rl = readline.createInterface({ input: io.input, output: io.output, terminal: io.colour });
  const nextLine = lineReader(rl);
  rl.setPrompt(CONSOLE_PROMPT);
  for (;;) {
    rl.prompt();
    const line = await nextLine();
    if (line === null || /^\/(quit|exit)\b/iu.test(line.trim())) break;
    if (/^\/quiz\b/iu.test(line.trim())) {
      try {
        await runConsoleQuiz(desk, { print: write, readLine: (ms) => nextLine(ms) }, { locale });
      } catch (error) {
        if (!isUserError(error)) throw error;
        write(userErrorText(locale, error));
      }
      continue;
    }
    if (line.trim() !== '') write(await runConsoleCommand(line, desk, locale, emphasis(io.colour)));
  }
  rl.close();
}
