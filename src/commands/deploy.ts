/**
 * `npm run deploy:commands`: registers the slash commands (the same list the dispatcher
 * handles) for the dev guild when DISCORD_GUILD_ID is set, globally otherwise.
 */
import { pathToFileURL } from 'node:url';
import { REST } from 'discord.js';
import type { Logger } from 'pino';
import { COMMANDS } from './index.js';
import { environmentLocale, loadConfig, type Config } from '../config.js';
import { ERROR_CODES, UserError, isUserError, userErrorText } from '../errors.js';
import { createBotLogger } from '../bot/logger.js';
import { registeredCommandsRoute } from '../bot/command-mentions.js';
import { cliReader } from '../cli/readers.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

export async function deployCommands(config: Readonly<Config>, logger: Logger): Promise<DeployResult> {
  const { discordToken: token, discordApplicationId: app, discordGuildId: guild } = config;
  if (token === null || app === null) throw new UserError(ERROR_CODES.CONFIG_INVALID, 'deployNeedsIds');
  const rest = new REST(config.discordApiUrl === null ? {} : { api: config.discordApiUrl }).setToken(token);
  const body = COMMANDS.map((c) => c.data);
  await rest.put(registeredCommandsRoute(app, guild), { body });
  const result: DeployResult = { scope: guild === null ? 'global' : 'guild', names: body.map((c) => c.name) };
  logger.info({ ...result, guildId: guild }, 'commands deployed');
  return result;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let logger: Logger | undefined;
  try {
    const config = loadConfig();
    logger = createBotLogger(config.logLevel);
    await deployCommands(config, logger);
  } catch (error) {
    if (isUserError(error)) {
      process.stderr.write(`${userErrorText(cliReader(environmentLocale()), error)}\n`);
      process.exit(2);
    }
    (logger ?? console).error(error);
    process.exit(1);
  }
}
