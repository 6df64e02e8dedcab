/**
 * `npm start [-- --corpus DIR] [--index DIR]`: with DISCORD_TOKEN, the Discord bot; without it
 * at a terminal, the local console; without it and without a terminal, a clear message and
 * exit code 2. main.ts runs it on the process; it reads its environment and streams through
 * `StartIO`, so tests run it in-process.
 */
import { parseArgs } from 'node:util';
import { Desk } from './briefing/desk.js';
import { runConsole } from './cli/console.js';
import { EXIT_BUG, EXIT_USER_ERROR, type CliIO } from './cli/io.js';
import { createCliLogger } from './cli/logger.js';
import { consoleReader } from './cli/readers.js';
import { printSafe } from './cli/terminal.js';
import { configWithFolders } from './config.js';
import { ERROR_CODES, UserError, isUserError, userErrorText } from './errors.js';
import { openIntakeServices } from './intake/services.js';
import { localeOfEnvironment, text } from './messages/index.js';

export interface StartIO extends CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** `--corpus DIR` and `--index DIR` (as the CLI takes them), `--help`; anything else is refused, never ignored. */
function readStartArguments(argv: readonly string[]): { corpus?: string; index?: string; help: boolean } {
  try {
    const { values } = parseArgs({ args: [...argv], options: { corpus: { type: 'string' }, index: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, strict: true, allowPositionals: false });
    return values;
  } catch (error) {
    throw new UserError(ERROR_CODES.BAD_OPTION, 'startBadArguments', { detail: (error as Error).message });
  }
}

async function start(argv: readonly string[], io: StartIO): Promise<number> {
  const options = readStartArguments(argv);
  if (options.help) {
    io.stdout.write(`${text(localeOfEnvironment(io.env), 'startUsage')}\n`);
    return 0;
  }
  const config = configWithFolders(options, io.env);
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
  if (io.stdin.isTTY !== true) {
    io.stderr.write(`${text(config.locale, 'noTokenNoTerminal')}\n`);
    return EXIT_USER_ERROR;
  }
  const logger = createCliLogger(config.logLevel, io.stderr);
  const desk = await Desk.open(config, { logger });
  const { articles } = await openIntakeServices(config, desk, { logger });
  await runConsole(desk, config.locale, { input: io.stdin, output: io.stdout, colour: io.stdout.isTTY === true, announceModelWarning: !logger.isLevelEnabled('warn'), articles });
  await desk.close();
  return 0;
}

/** Runs Briefbot as `npm start` does; resolves with the exit code (never, while the bot runs). Never throws. */
export async function startBriefbot(argv: readonly string[], io: StartIO): Promise<number> {
  try {
    return await start(argv, io);
  } catch (error) {
    if (isUserError(error)) {
      printSafe(io.stderr, userErrorText(consoleReader(localeOfEnvironment(io.env)), error));
      return EXIT_USER_ERROR;
    }
    printSafe(io.stderr, error instanceof Error ? error.stack ?? error.message : String(error));
    return EXIT_BUG;
  }
}
