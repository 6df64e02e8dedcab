/**
 * Text bound for a terminal, made safe: article text, titles, file names and questions may carry
 * escape sequences (colours, cursor moves, a new window title, OSC 8 hyperlinks) and control
 * characters (a carriage return that overwrites a line, a bell). Every line the CLI and the console
 * print goes through `terminalSafe`, which removes them all but line feeds, tabs and the bold the
 * renderers themselves add.
 */
import { stripVTControlCharacters } from 'node:util';

/** The only escape sequences Briefbot writes itself: bold on and off (`emphasis` in render-text.ts). */
export const BOLD_ON = '\u001b[1m';
export const BOLD_OFF = '\u001b[22m';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

function stripControls(text: string): string {
  return stripVTControlCharacters(text).replace(CONTROL_CHARS, '');
}

/** `text` without escape sequences or control characters, except line feeds, tabs and Briefbot's own bold. */
export function terminalSafe(text: string): string {
  return text
    .split(BOLD_ON)
    .map((on) => on.split(BOLD_OFF).map(stripControls).join(BOLD_OFF))
    .join(BOLD_ON);
}

/** Writes `text` made safe, and a line feed, to `stream`. */
export function printSafe(stream: NodeJS.WritableStream, text: string): void {
  stream.write(`${terminalSafe(text)}\n`);
}
