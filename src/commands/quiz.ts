/**
 * `/quiz start|stop|leaderboard|stats`, and the A–D buttons of a running quiz.
 * The game runs in src/quiz; this file only reads options, calls the manager and renders.
 */
import {
  type Client,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { QUIZ_DEFAULT_QUESTIONS, QUIZ_MAX_QUESTIONS, QUIZ_MIN_QUESTIONS, QUIZ_SECONDS_DEFAULT, QUIZ_SECONDS_MAX, QUIZ_SECONDS_MIN, TOPIC_MAX_CHARS } from '../briefing/limits.js';
import type { BriefingDesk } from '../briefing/types.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { openQuizServices, type QuizServices } from '../bot/quiz-service.js';
import { QUIZ_BUTTON_PREFIX, parseQuizButtonId, renderAnswerAck, type QuizPayload, renderLeaderboard, renderStarting, renderStats } from '../bot/render/quiz.js';
import { localeOfDiscord, text } from '../messages/index.js';
import { LEADERBOARD_PERIODS, NO_GUILD, type LeaderboardPeriod } from '../quiz/store.js';
import { QUESTION_KINDS, type QuestionKind } from '../quiz/types.js';
import type { Command, CommandContext } from './types.js';

const ON_OFF = [
  { name: 'on', value: 'on' },
  { name: 'off', value: 'off' },
] as const;

export const quizCommandData = new SlashCommandBuilder()
  .setName('quiz')
  .setDescription('A live quiz on the briefing: buttons, a countdown, points for speed.')
  .setDescriptionLocalizations({ vi: 'Đố vui trực tiếp về bản tin: nút bấm, đếm ngược, điểm tốc độ.' })
  .addSubcommand((sub) =>
    sub
      .setName('start')
      .setDescription('Start a quiz in this channel.')
      .setDescriptionLocalizations({ vi: 'Bắt đầu trò đố vui trong kênh này.' })
      .addIntegerOption((o) => o.setName('questions').setDescription(`How many questions (${QUIZ_MIN_QUESTIONS}–${QUIZ_MAX_QUESTIONS}).`).setMinValue(QUIZ_MIN_QUESTIONS).setMaxValue(QUIZ_MAX_QUESTIONS))
      .addIntegerOption((o) => o.setName('seconds').setDescription(`Seconds per question (${QUIZ_SECONDS_MIN}–${QUIZ_SECONDS_MAX}).`).setMinValue(QUIZ_SECONDS_MIN).setMaxValue(QUIZ_SECONDS_MAX))
      .addStringOption((o) => o.setName('kinds').setDescription(`Question kinds, comma-separated: ${QUESTION_KINDS.join(', ')}.`))
      .addStringOption((o) => o.setName('topic').setDescription('Only questions about this topic.').setMaxLength(TOPIC_MAX_CHARS))
      .addStringOption((o) => o.setName('speed_points').setDescription('Faster answers score more (default on).').addChoices(...ON_OFF))
      .addStringOption((o) => o.setName('streaks').setDescription('Bonus for correct answers in a row (default on).').addChoices(...ON_OFF)),
  )
  .addSubcommand((sub) => sub.setName('stop').setDescription('Stop the quiz in this channel (host or server managers).').setDescriptionLocalizations({ vi: 'Dừng trò đố vui trong kênh này.' }))
  .addSubcommand((sub) =>
    sub
      .setName('leaderboard')
      .setDescription('The best quiz players of this server.')
      .setDescriptionLocalizations({ vi: 'Bảng xếp hạng đố vui của máy chủ.' })
      .addStringOption((o) =>
        o
          .setName('period')
          .setDescription('all, week (last 7 days) or month (last 30 days).')
          .addChoices(...LEADERBOARD_PERIODS.map((p) => ({ name: p, value: p }))),
      ),
  )
  .addSubcommand((sub) => sub.setName('stats').setDescription('Your quiz stats on this server.').setDescriptionLocalizations({ vi: 'Thống kê đố vui của bạn.' }));

/** `when, who` → kinds; an unknown kind is the user's to fix. */
export function parseQuizKinds(raw: string | null): QuestionKind[] | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const kinds = raw.split(/[\s,]+/).filter((k) => k !== '');
  const unknown = kinds.filter((k) => !(QUESTION_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new UserError(ERROR_CODES.BAD_OPTION, 'optionUnknownValues', { option: 'kinds', unknown: unknown.join(', '), known: QUESTION_KINDS.join(', ') });
  }
  return [...new Set(kinds)] as QuestionKind[];
}

/** Replies, or edits the deferred reply when the dispatcher has already deferred. */
async function respond(interaction: ChatInputCommandInteraction | ButtonInteraction, message: QuizPayload, ephemeral: boolean): Promise<void> {
  if (interaction.deferred || interaction.replied) await interaction.editReply(message);
  else await interaction.reply({ ...message, ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) });
}

function channelLocale(interaction: ChatInputCommandInteraction | ButtonInteraction): string {
  return interaction.guildLocale ?? interaction.locale;
}

export async function executeQuizCommand(interaction: ChatInputCommandInteraction, quiz: QuizServices, desk: Pick<BriefingDesk, 'quiz'>): Promise<void> {
  const locale = localeOfDiscord(interaction.locale);
  const guildId = interaction.guildId ?? NO_GUILD;
  const reply = (message: QuizPayload, ephemeral = false): Promise<void> => respond(interaction, message, ephemeral);

  switch (interaction.options.getSubcommand(true)) {
    case 'start': {
      if (quiz.games.isRunning(interaction.channelId)) {
        throw new UserError(ERROR_CODES.QUIZ_ALREADY_RUNNING, 'quizAlreadyRunning');
      }
      const count = interaction.options.getInteger('questions') ?? QUIZ_DEFAULT_QUESTIONS;
      const seconds = interaction.options.getInteger('seconds') ?? QUIZ_SECONDS_DEFAULT;
      const kinds = parseQuizKinds(interaction.options.getString('kinds'));
      const topic = interaction.options.getString('topic')?.normalize('NFC').trim() || undefined;
      const speedPoints = (interaction.options.getString('speed_points') ?? 'on') === 'on';
      const streaks = (interaction.options.getString('streaks') ?? 'on') === 'on';
      const result = await desk.quiz({ n: count, ...(kinds ? { kinds } : {}), ...(topic ? { topic } : {}) });
      if (result.questions.length === 0) {
        throw result.shortfall === undefined ? new UserError(ERROR_CODES.NOT_ENOUGH_MATERIAL, 'quizNoQuestion') : new UserError(ERROR_CODES.NOT_ENOUGH_MATERIAL, 'quizNoQuestionBecause', { reason: result.shortfall });
      }
      quiz.games.start({
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        hostId: interaction.user.id,
        settings: { timeLimitMs: Math.round(seconds * 1000 * quiz.timeLimitScale), speedPoints, streaks, locale: channelLocale(interaction) },
        questions: result.questions,
      });
      await reply(renderStarting({ questions: result.questions.length, seconds, speedPoints, streaks, shortfall: result.shortfall }, locale));
      return;
    }
    case 'stop': {
      const canManageGuild = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      quiz.games.stop(interaction.channelId, interaction.user.id, canManageGuild);
      await reply({ content: text(locale, 'quizStopped'), embeds: [], components: [], allowedMentions: { parse: [] } });
      return;
    }
    case 'leaderboard': {
      const period = (interaction.options.getString('period') ?? 'all') as LeaderboardPeriod;
      await reply(renderLeaderboard(quiz.store.leaderboard(guildId, period, quiz.clock()), period, locale));
      return;
    }
    case 'stats': {
      const stats = quiz.store.playerStats(guildId, interaction.user.id);
      await reply(renderStats(stats, interaction.user.displayName, locale), true);
      return;
    }
    default:
      throw new UserError(ERROR_CODES.BAD_OPTION, 'unknownCommand', { command: `quiz ${interaction.options.getSubcommand(false) ?? ''}`.trim() });
  }
}

/** Whether a button belongs to the quiz (so the dispatcher can route it here). */
export function isQuizButton(customId: string): boolean {
  return parseQuizButtonId(customId) !== null;
}

/** A click on A–D: recorded at once, acknowledged only to the player who clicked. */
export async function handleQuizButton(interaction: ButtonInteraction, quiz: QuizServices): Promise<void> {
  const button = parseQuizButtonId(interaction.customId);
  if (!button) return;
  const member = interaction.member;
  const displayName = (member && 'displayName' in member && typeof member.displayName === 'string' ? member.displayName : null) ?? interaction.user.displayName;
  const outcome = quiz.games.answer({ ...button, userId: interaction.user.id, displayName });
  const content = renderAnswerAck(outcome, localeOfDiscord(interaction.locale));
  await respond(interaction, { content, embeds: [], components: [], allowedMentions: { parse: [] } }, true);
}

const servicesByClient = new WeakMap<Client, QuizServices>();

/**
 * The quiz services of a running bot, opened on first use with the bot's REST client and
 * config.quizDbFile. Opening ends, with a message in their channel, games a previous run left
 * unfinished; the bot's start-up may call this to do that at once rather than on first use.
 */
export function quizServicesFor(ctx: Pick<CommandContext, 'client' | 'config' | 'logger'>): QuizServices {
  let services = servicesByClient.get(ctx.client);
  if (!services) {
    services = openQuizServices({
      dbFile: ctx.config.quizDbFile,
      rest: ctx.client.rest,
      onListenerError: (error, event) => ctx.logger.error({ err: error, event: event.type, gameId: event.game.gameId }, 'quiz message failed'),
    });
    servicesByClient.set(ctx.client, services);
  }
  return services;
}

export const quizCommand: Command = {
  data: quizCommandData.toJSON(),
  defer: (interaction) => (interaction.options.getSubcommand(false) === 'stats' ? 'ephemeral' : 'public'),
  async execute(interaction, ctx) {
    await executeQuizCommand(interaction, quizServicesFor(ctx), ctx.desk);
  },
  componentPrefix: QUIZ_BUTTON_PREFIX,
  async handleComponent(button, ctx) {
    await handleQuizButton(button, quizServicesFor(ctx));
  },
};
