/**
 * `npm start`: with DISCORD_TOKEN, the Discord bot; without it at a terminal, the local
 * console; without it and without a terminal, a clear message and exit code 2.
 */
import { Desk } from './briefing/desk.js';
import { startBot, stopOnSignals } from './bot/client.js';
import { COMMANDS } from './commands/index.js';
import { createBotLogger } from './bot/logger.js';
import { runConsole } from './cli/console.js';
import { createCliLogger } from './cli/logger.js';
import { environmentLocale, loadConfig } from './config.js';
import { isUserError, userErrorText } from './errors.js';
import { text } from './messages/index.js';

const EXIT_BUG = 1;
const EXIT_USER_ERROR = 2;

async function main(): Promise<number> {
  const config = loadConfig();
  if (config.discordToken !== null) {
    const logger = createBotLogger(config.logLevel);
    const desk = await Desk.open(config, { logger });
    const bot = await startBot(config, desk, { logger, commands: COMMANDS });
    stopOnSignals(bot, logger);
    return new Promise<number>(() => undefined);
  }
  if (process.stdin.isTTY !== true) {
    process.stderr.write(`${text(config.locale, 'noTokenNoTerminal')}\n`);
    return EXIT_USER_ERROR;
  }
  const logger = createCliLogger(config.logLevel);
  const desk = await Desk.open(config, { logger });
  await runConsole(desk, config.locale, { input: process.stdin, output: process.stdout, colour: process.stdout.isTTY === true, announceModelWarning: !logger.isLevelEnabled('warn') });
  await desk.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isUserError(error)) {
      process.stderr.write(`${userErrorText(environmentLocale(), error)}\n`);
      process.exit(EXIT_USER_ERROR);
    }
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(EXIT_BUG);
  },
);
