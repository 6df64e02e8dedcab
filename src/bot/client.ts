/** Starts the discord.js client on the Guilds intent and wires the dispatcher; `stop()` shuts down gracefully. */
import { Client, DiscordAPIError, DiscordjsErrorCodes, Events, GatewayIntentBits, Routes } from 'discord.js';
import type { Logger } from 'pino';
import type { BriefingDesk } from '../briefing/types.js';
import type { Command } from './command.js';
import { CommandIds, registrationScopes } from './command-mentions.js';
import type { Config } from '../config.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { Dispatcher } from './dispatcher.js';
import { openQuizServices } from './quiz-service.js';
import type { Clock } from '../quiz/game.js';
import type { Scheduler as QuizScheduler } from '../quiz/games.js';
import type { FeedNews, Scheduler } from '../intake/feed-watcher.js';
import type { IntakeServices } from '../intake/services.js';
import { localeOfDiscord } from '../messages/index.js';
import { renderFeedNews } from './render/intake.js';

/** How long shutdown waits for interactions already being answered. */
export const SHUTDOWN_DRAIN_MS = 10_000;

export interface BotHandle {
  client: Client;
  stop(): Promise<void>;
}

export interface StartBotOptions {
  logger: Logger;
  /** What the bot answers (src/commands' COMMANDS in production). */
  commands: readonly Command[];
  /** Adding articles and following feeds; the bot polls the feeds and announces what they add. */
  intake: IntakeServices;
  /** When feed polls run (default: a timer every FEED_POLL_MINUTES); tests run them by hand. */
  feedScheduler?: Scheduler;
  /** The quiz's clock and round timers (default: Date.now and real timers); tests move them by hand. */
  quizTime?: { clock: Clock; scheduler: QuizScheduler };
  drainMs?: number;
}

export async function startBot(config: Readonly<Config>, desk: BriefingDesk, options: StartBotOptions): Promise<BotHandle> {
  if (config.discordToken === null) throw new UserError(ERROR_CODES.CONFIG_INVALID, 'tokenMissing');
  const { logger } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(config.discordApiUrl === null ? {} : { rest: { api: config.discordApiUrl } }) });
  client.rest.setToken(config.discordToken);
  // Opening the quiz services ends, with a message in their channel, games a previous run left unfinished.
  const quiz = openQuizServices({
    dbFile: config.quizDbFile,
    rest: client.rest,
    ...options.quizTime,
    onListenerError: (error, event) => logger.error({ err: error, event: event.type, gameId: event.game.gameId }, 'quiz message failed'),
  });
  const { intake } = options;
  const commandIds = new CommandIds();
  const dispatcher = new Dispatcher({ commands: options.commands, desk, quiz, intake, config, logger, commandIds });
  client.on(Events.InteractionCreate, dispatcher.onInteraction);
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  const ready = new Promise<string>((resolve) => client.once(Events.ClientReady, (c) => {
    logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'bot ready');
    if (config.discordGuildIds.length === 0) {
      logger.warn({ guilds: c.guilds.cache.size }, 'DISCORD_GUILD_IDS is not set: the bot answers in every server it is in, and anyone holding its invite link can add it to theirs and read the briefing');
    } else logger.info({ guilds: config.discordGuildIds }, 'serving only the servers of DISCORD_GUILD_IDS');
    resolve(c.application.id);
  }));
  try {
    await client.login(config.discordToken);
  } catch (error) {
    quiz.close();
    await client.destroy();
    throw isTokenRejected(error) ? new UserError(ERROR_CODES.CONFIG_INVALID, 'discordTokenRejected') : error;
  }
  const applicationId = await ready;
  // Until they are known (or if Discord cannot say), messages name commands without a clickable mention.
  for (const { guildId, error } of await commandIds.fetch(client.rest, applicationId, registrationScopes(config))) {
    logger.warn({ err: error, guildId }, 'could not read the registered commands: messages name them without links');
  }
  /** A feed's new articles, in its channel, in the server's language. */
  const announce = async (news: FeedNews): Promise<void> => {
    if (news.feed.channelId === null) return;
    const locale = localeOfDiscord(client.guilds.cache.get(news.feed.guildId ?? '')?.preferredLocale);
    for (const { allowedMentions, ...body } of renderFeedNews(news, locale)) {
      await client.rest.post(Routes.channelMessages(news.feed.channelId), { body: { ...body, allowed_mentions: allowedMentions } });
    }
  };
  intake.feeds.start(config.feedPollMs, announce, options.feedScheduler);
  let stopping: Promise<void> | null = null;
  return {
    client,
    stop() {
      stopping ??= (async () => {
        logger.info('shutting down');
        await dispatcher.drain(options.drainMs ?? SHUTDOWN_DRAIN_MS);
        await intake.feeds.stop();
        quiz.close();
        await desk.close();
        await client.destroy();
      })();
      return stopping;
    },
  };
}

/** Discord refused the token: 401 on the first REST call, or the gateway closing with "authentication failed". */
function isTokenRejected(error: unknown): boolean {
  return (error instanceof DiscordAPIError && error.status === 401) || (error as { code?: unknown } | null)?.code === DiscordjsErrorCodes.TokenInvalid;
}

/** SIGINT / SIGTERM stop the bot once; a second signal exits at once. */
export function stopOnSignals(handle: BotHandle, logger: Logger): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) process.exit(130);
    received = true;
    logger.info({ signal }, 'signal received');
    handle.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
