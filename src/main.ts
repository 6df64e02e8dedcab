/**
 * `npm start [-- --corpus DIR] [--index DIR]`: with DISCORD_TOKEN, the Discord bot; without it
 * at a terminal, the local console; without it and without a terminal, a clear message and
 * exit code 2.
 */
import { parseArgs } from 'node:util';
import { Desk } from './briefing/desk.js';
import { runConsole } from './cli/console.js';
import { createCliLogger } from './cli/logger.js';
import { configWithFolders, environmentLocale } from './config.js';
import { ERROR_CODES, UserError, isUserError, userErrorText } from './errors.js';
import { printSafe } from './cli/terminal.js';
import { openIntakeServices } from './intake/services.js';
import { text } from './messages/index.js';

const EXIT_BUG = 1;
const EXIT_USER_ERROR = 2;

/** `--corpus DIR` and `--index DIR` (as the CLI takes them), `--help`; anything else is refused, never ignored. */
function readStartArguments(argv: readonly string[]): { corpus?: string; index?: string; help: boolean } {
  try {
    const { values } = parseArgs({ args: [...argv], options: { corpus: { type: 'string' }, index: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, strict: true, allowPositionals: false });
    return values;
  } catch (error) {
    throw new UserError(ERROR_CODES.BAD_OPTION, 'startBadArguments', { detail: (error as Error).message });
  }
}

async function main(): Promise<number> {
  const start = readStartArguments(process.argv.slice(2));
  if (start.help) {
    process.stdout.write(`${text(environmentLocale(), 'startUsage')}\n`);
    return 0;
  }
  const config = configWithFolders(start);
  if (config.discordToken !== null) {
    // discord.js and the commands load only in bot mode: the console never needs them.
    const [{ startBot, stopOnSignals }, { COMMANDS }, { createBotLogger }] = await Promise.all([import('./bot/client.js'), import('./commands/index.js'), import('./bot/logger.js')]);
    const logger = createBotLogger(config.logLevel);
    const desk = await Desk.open(config, { logger });
    const intake = await openIntakeServices(config, desk, { logger });
    const bot = await startBot(config, desk, { logger, commands: COMMANDS, intake });
    stopOnSignals(bot, logger);
    return new Promise<number>(() => undefined);
  }
  if (process.stdin.isTTY !== true) {
    process.stderr.write(`${text(config.locale, 'noTokenNoTerminal')}\n`);
    return EXIT_USER_ERROR;
  }
  const logger = createCliLogger(config.logLevel);
  const desk = await Desk.open(config, { logger });
  const { articles } = await openIntakeServices(config, desk, { logger });
  await runConsole(desk, config.locale, { input: process.stdin, output: process.stdout, colour: process.stdout.isTTY === true, announceModelWarning: !logger.isLevelEnabled('warn'), articles });
  await desk.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isUserError(error)) {
      printSafe(process.stderr, userErrorText(environmentLocale(), error));
      process.exit(EXIT_USER_ERROR);
    }
    printSafe(process.stderr, error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(EXIT_BUG);
  },
);
