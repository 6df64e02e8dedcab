/**
 * `npm run deploy:commands`: registers the slash commands (the same list the dispatcher handles)
 * in each server the bot serves (DISCORD_GUILD_IDS and DISCORD_GUILD_ID), or globally when none is set.
 */
import { pathToFileURL } from 'node:url';
import { DiscordAPIError, REST } from 'discord.js';
import type { Logger } from 'pino';
import { COMMANDS } from './index.js';
import { environmentLocale, loadConfig, type Config } from '../config.js';
import { ERROR_CODES, UserError, isUserError, userErrorText } from '../errors.js';
import { createBotLogger } from '../bot/logger.js';
import { registeredCommandsRoute, registrationScopes } from '../bot/command-mentions.js';
import { cliReader } from '../cli/readers.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  /** The servers the commands were registered in (none when global). */
  guildIds: string[];
  names: string[];
}

export async function deployCommands(config: Readonly<Config>, logger: Logger): Promise<DeployResult> {
  const { discordToken: token, discordApplicationId: app } = config;
  if (token === null || app === null) throw new UserError(ERROR_CODES.CONFIG_INVALID, 'deployNeedsIds');
  const rest = new REST(config.discordApiUrl === null ? {} : { api: config.discordApiUrl }).setToken(token);
  const body = COMMANDS.map((c) => c.data);
  const names = body.map((c) => c.name);
  const refused: Array<{ guildId: string; error: DiscordAPIError }> = [];
  for (const guildId of registrationScopes(config)) {
    try {
      await rest.put(registeredCommandsRoute(app, guildId), { body });
    } catch (error) {
      // A server that refuses (the bot is not in it, or was invited without the applications.commands
      // scope) does not keep the others from getting the commands; it is reported at the end.
      if (!(error instanceof DiscordAPIError) || guildId === null) throw error;
      refused.push({ guildId, error });
      continue;
    }
    logger.info({ scope: guildId === null ? 'global' : 'guild', guildId, names }, 'commands deployed');
  }
  if (refused.length > 0) {
    const detail = refused.map(({ guildId, error }) => `${guildId}: ${error.status} ${error.message}`).join('; ');
    throw new UserError(ERROR_CODES.CONFIG_INVALID, 'deployGuildsRefused', { guilds: refused.map((r) => r.guildId).join(', '), detail });
  }
  return { scope: config.discordGuildIds.length === 0 ? 'global' : 'guild', guildIds: [...config.discordGuildIds], names };
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
