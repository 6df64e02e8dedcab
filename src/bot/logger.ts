/** The bot's JSON logger; the Discord token never reaches a log line. */
import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';

export const REDACTED_PATHS = ['token', 'discordToken', 'config.discordToken', '*.token', 'headers.authorization', '*.headers.authorization'];

export function createBotLogger(level: Config['logLevel'], destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}
