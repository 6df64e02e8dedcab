/**
 * The terminal's readers: the local console (`npm start` without a token) and the command line
 * (`npm run cli`). A message pointing to a command names it as typed there; a command only
 * Discord has keeps its Discord name, in the reader's language.
 */
import { commandPath, type CommandRef, type Locale, type Reader } from '../messages/index.js';

/** The console's own commands that src/cli/console-commands.ts answers. */
export const CONSOLE_SESSION_COMMAND_NAMES: Readonly<Partial<Record<CommandRef, string>>> = { ask: '/ask', summary: '/summary', sources: '/sources', articleAdd: '/add' };

/** Every console command a message may name: the quiz, which takes over the input, is run by src/cli/console.ts. */
export const CONSOLE_COMMAND_NAMES: Readonly<Partial<Record<CommandRef, string>>> = { ...CONSOLE_SESSION_COMMAND_NAMES, quizStart: '/quiz' };

/** The command line's own commands (src/cli/args.ts reads each). */
export const CLI_COMMAND_NAMES: Readonly<Partial<Record<CommandRef, string>>> = { ask: 'npm run cli -- ask', summary: 'npm run cli -- summary', sources: 'npm run cli -- sources' };

function terminalReader(locale: Locale, names: Readonly<Partial<Record<CommandRef, string>>>): Reader {
  return { locale, command: (ref) => names[ref] ?? commandPath(ref, locale) };
}

export function consoleReader(locale: Locale): Reader {
  return terminalReader(locale, CONSOLE_COMMAND_NAMES);
}

export function cliReader(locale: Locale): Reader {
  return terminalReader(locale, CLI_COMMAND_NAMES);
}
