/**
 * Logs of the command-line tools go to stderr as short readable lines (`warn: …`), so
 * stdout stays clean JSON or text and a person at a terminal can read them.
 */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';
import { terminalSafe } from './terminal.js';

const LEVEL_NAMES: Readonly<Record<number, string>> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

function readableLine(json: string): string {
  try {
    const { level, msg } = JSON.parse(json) as { level: number; msg?: string };
    return `${LEVEL_NAMES[level] ?? 'log'}: ${terminalSafe(msg ?? '')}\n`;
  } catch {
    return terminalSafe(json);
  }
}

export function createCliLogger(level: Config['logLevel'], destination: NodeJS.WritableStream = process.stderr): Logger {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      destination.write(readableLine(chunk.toString('utf8')));
      done();
    },
  });
  return pino({ level, base: undefined, timestamp: false }, stream);
}
