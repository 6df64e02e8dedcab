/**
 * `/quiz start|stop|leaderboard|stats`, and the A–D buttons of a running quiz.
 * The game runs in src/quiz; this file only reads options, calls the manager and renders.
 */
import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { matchCandidates, topicCandidates } from '../bot/autocomplete.js';
import type { AutocompleteChoice, Command, CommandContext, FocusedOption } from '../bot/command.js';
import type { Precondition } from '../bot/preconditions.js';
import { localised, localisedChoice } from '../bot/localise.js';
import { choiceOption, integerOption, textOption } from '../bot/options.js';
import type { QuizServices } from '../bot/quiz-service.js';
import { QUIZ_BUTTON_PREFIX, parseQuizButtonId, renderAnswerAck, renderLeaderboard, renderStarting, renderStats, type QuizPayload } from '../bot/render/quiz.js';
import { QUIZ_DEFAULT_QUESTIONS, QUIZ_MAX_QUESTIONS, QUIZ_MIN_QUESTIONS, QUIZ_SECONDS_DEFAULT, QUIZ_SECONDS_MAX, QUIZ_SECONDS_MIN, QUIZ_SEED_MAX_CHARS, TOPIC_MAX_CHARS } from '../briefing/limits.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { localeOfDiscord, text, type Locale } from '../messages/index.js';
import { kindName, kindWords, parseKindsOption, readKinds, shortfallNotice } from '../quiz/kind-names.js';
import { QUIZ_RECENT_GAMES } from '../quiz/games.js';
import { LEADERBOARD_PERIODS, NO_GUILD } from '../quiz/store.js';
import { QUESTION_KINDS, type QuestionKind } from '../quiz/types.js';

const PERIOD_WORDS = { all: 'quizPeriodAll', week: 'quizPeriodWeek', month: 'quizPeriodMonth' } as const;

export const quizCommandData = localised(new SlashCommandBuilder(), 'quiz')
  .addSubcommand((sub) =>
    localised(sub, 'quizStart')
      .addIntegerOption((o) => localised(o, 'quizStartQuestions', { min: QUIZ_MIN_QUESTIONS, max: QUIZ_MAX_QUESTIONS, default: QUIZ_DEFAULT_QUESTIONS }).setMinValue(QUIZ_MIN_QUESTIONS).setMaxValue(QUIZ_MAX_QUESTIONS))
      .addIntegerOption((o) => localised(o, 'quizStartSeconds', { min: QUIZ_SECONDS_MIN, max: QUIZ_SECONDS_MAX, default: QUIZ_SECONDS_DEFAULT }).setMinValue(QUIZ_SECONDS_MIN).setMaxValue(QUIZ_SECONDS_MAX))
      .addStringOption((o) => localised(o, 'quizStartKinds').setAutocomplete(true))
      .addStringOption((o) => localised(o, 'quizStartTopic').setMaxLength(TOPIC_MAX_CHARS).setAutocomplete(true))
      .addStringOption((o) => localised(o, 'quizStartSeed').setMaxLength(QUIZ_SEED_MAX_CHARS))
      .addBooleanOption((o) => localised(o, 'quizStartSpeedPoints'))
      .addBooleanOption((o) => localised(o, 'quizStartStreaks')),
  )
  .addSubcommand((sub) => localised(sub, 'quizStop'))
  .addSubcommand((sub) =>
    localised(sub, 'quizLeaderboard').addStringOption((o) =>
      localised(o, 'quizLeaderboardPeriod').addChoices(...LEADERBOARD_PERIODS.map((p) => localisedChoice(PERIOD_WORDS[p], p))),
    ),
  )
  .addSubcommand((sub) => localised(sub, 'quizStats'));

/**
 * What to suggest for `kinds` while it is typed: the kinds already written (before the last
 * comma) followed by each other kind the last word could be, as names in the reader's
 * language; the value sent is the list of ids.
 */
export function suggestQuizKinds(typed: string, locale: Locale): AutocompleteChoice[] {
  const parts = typed.split(/[,;]/u);
  const last = parts.pop() ?? '';
  const chosen = readKinds(parts.join(',')).kinds;
  const named = (kinds: readonly QuestionKind[]): AutocompleteChoice => ({ name: kinds.map((k) => kindName(locale, k)).join(', '), value: kinds.join(',') });
  const others = QUESTION_KINDS.filter((k) => !chosen.includes(k)).map((kind) => ({ name: kindName(locale, kind), value: kind, keywords: kindWords(kind) }));
  const next = matchCandidates(others, last).flatMap((m) => QUESTION_KINDS.filter((k) => k === m.value).map((kind) => named([...chosen, kind])));
  return chosen.length > 0 && last.trim() === '' ? [named(chosen), ...next] : next;
}

/** Replies, or edits the deferred reply when the dispatcher has already deferred. */
async function respond(interaction: ChatInputCommandInteraction | ButtonInteraction, message: QuizPayload, ephemeral: boolean): Promise<void> {
  if (interaction.deferred || interaction.replied) await interaction.editReply(message);
  else await interaction.reply({ ...message, ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) });
}

function channelLocale(interaction: ChatInputCommandInteraction | ButtonInteraction): string {
  return interaction.guildLocale ?? interaction.locale;
}

/** What `/quiz` needs from the bot: the running games and scores, the desk that makes questions, the user's language. */
export type QuizCommandContext = Pick<CommandContext, 'quiz' | 'desk' | 'locale' | 'reader' | 'logger'>;

export async function executeQuizCommand(interaction: ChatInputCommandInteraction, ctx: QuizCommandContext): Promise<void> {
  const { quiz, desk, locale, logger } = ctx;
  const guildId = interaction.guildId ?? NO_GUILD;
  const reply = (message: QuizPayload, ephemeral = false): Promise<void> => respond(interaction, message, ephemeral);

  switch (interaction.options.getSubcommand(true)) {
    case 'start': {
      if (quiz.games.isRunning(interaction.channelId)) {
        throw new UserError(ERROR_CODES.QUIZ_ALREADY_RUNNING, 'quizAlreadyRunning');
      }
      const count = integerOption(interaction, 'questions', QUIZ_MIN_QUESTIONS, QUIZ_MAX_QUESTIONS) ?? QUIZ_DEFAULT_QUESTIONS;
      const seconds = integerOption(interaction, 'seconds', QUIZ_SECONDS_MIN, QUIZ_SECONDS_MAX) ?? QUIZ_SECONDS_DEFAULT;
      const kinds = parseKindsOption('kinds', interaction.options.getString('kinds'));
      const topic = textOption(interaction, 'topic', TOPIC_MAX_CHARS) ?? undefined;
      const speedPoints = interaction.options.getBoolean('speed_points') ?? true;
      const streaks = interaction.options.getBoolean('streaks') ?? true;
      const seed = textOption(interaction, 'seed', QUIZ_SEED_MAX_CHARS) ?? undefined;
      // The sentences this channel's recent games asked about wait until the rest is used (logged, so that a game can be replayed).
      const recent = quiz.store.recentlyShown(interaction.channelId, QUIZ_RECENT_GAMES);
      const result = await desk.quiz({ n: count, ...(kinds ? { kinds } : {}), ...(topic ? { topic } : {}), ...(seed ? { seed } : {}), avoid: recent.shown });
      if (result.questions.length === 0) {
        const notice = shortfallNotice(locale, 0, result.shortfall);
        throw notice.length === 0 ? new UserError(ERROR_CODES.NOT_ENOUGH_MATERIAL, 'quizNoQuestion') : new UserError(ERROR_CODES.NOT_ENOUGH_MATERIAL, 'quizNoQuestionBecause', { reason: notice.join(' ') });
      }
      quiz.games.start({
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        hostId: interaction.user.id,
        settings: { timeLimitMs: Math.round(seconds * 1000 * quiz.timeLimitScale), speedPoints, streaks, locale: channelLocale(interaction) },
        questions: result.questions,
      });
      logger.info({ channelId: interaction.channelId, seed: result.seed, questions: result.questions.length, avoidedFrom: recent.gameIds }, 'quiz started');
      await reply(renderStarting({ questions: result.questions.length, seconds, speedPoints, streaks, seed: result.seed, notices: shortfallNotice(locale, result.questions.length, result.shortfall) }, ctx.reader));
      return;
    }
    case 'stop': {
      const canManageGuild = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      quiz.games.stop(interaction.channelId, interaction.user.id, canManageGuild);
      await reply({ content: text(locale, 'quizStopped'), embeds: [], components: [], allowedMentions: { parse: [] } });
      return;
    }
    case 'leaderboard': {
      const period = choiceOption(interaction, 'period', LEADERBOARD_PERIODS) ?? 'all';
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

/** A click on A–D: recorded at once, acknowledged only to the player who clicked. */
export async function handleQuizButton(interaction: ButtonInteraction, quiz: QuizServices): Promise<void> {
  const button = parseQuizButtonId(interaction.customId);
  if (!button) throw new UserError(ERROR_CODES.FOREIGN_BUTTON, 'buttonUnknown');
  const member = interaction.member;
  const displayName = (member && 'displayName' in member && typeof member.displayName === 'string' ? member.displayName : null) ?? interaction.user.displayName;
  const outcome = quiz.games.answer({ ...button, userId: interaction.user.id, displayName });
  const content = renderAnswerAck(outcome, localeOfDiscord(interaction.locale));
  await respond(interaction, { content, embeds: [], components: [], allowedMentions: { parse: [] } }, true);
}

/** Topics the briefing covers, and kinds of question, as the user types them. */
async function autocomplete(focused: FocusedOption, ctx: Pick<CommandContext, 'desk' | 'locale'>): Promise<AutocompleteChoice[]> {
  if (focused.name === 'kinds') return suggestQuizKinds(focused.value, ctx.locale);
  if (focused.name === 'topic') return matchCandidates(topicCandidates(ctx.desk), focused.value);
  return [];
}

/**
 * A click counts only on a button the bot made, from the server and channel of its game: a
 * button of a game elsewhere (a copied message, a crafted id) changes no score.
 */
export const quizClickInItsChannel: Precondition = (interaction, ctx) => {
  if (!interaction.isButton()) return;
  const button = parseQuizButtonId(interaction.customId);
  if (button === null) throw new UserError(ERROR_CODES.FOREIGN_BUTTON, 'buttonUnknown');
  const game = ctx.quiz.games.info(button.gameId);
  if (game !== null && (game.channelId !== interaction.channelId || game.guildId !== interaction.guildId)) {
    throw new UserError(ERROR_CODES.FOREIGN_BUTTON, 'quizOtherChannel');
  }
};

export const quizCommand: Command = {
  data: quizCommandData.toJSON(),
  defer: (interaction) => (interaction.options.getSubcommand(false) === 'stats' ? 'ephemeral' : 'public'),
  preconditions: [quizClickInItsChannel],
  execute: executeQuizCommand,
  autocomplete,
  componentPrefix: QUIZ_BUTTON_PREFIX,
  async handleComponent(button, ctx) {
    await handleQuizButton(button, ctx.quiz);
  },
};
