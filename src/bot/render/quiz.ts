/**
 * Quiz messages for Discord, as plain API payloads: the question with its four buttons and
 * one countdown line (the same message is edited in place), the ephemeral acknowledgements,
 * the reveal, the podium, the leaderboard and a player's stats. No I/O here.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord.js';
import type { AnswerOutcome, ChoiceIndex, EndData, PlayerStanding, QuestionOpened, RevealData } from '../../quiz/game.js';
import type { LeaderboardPeriod, LeaderboardRow, PlayerStats } from '../../quiz/store.js';
import {
  DISCORD_CONTENT_MAX_CHARS,
  DISCORD_EMBED_DESCRIPTION_MAX_CHARS,
  DISCORD_EMBED_FIELD_MAX_CHARS,
  DISCORD_EMBED_TITLE_MAX_CHARS,
  safeText,
  truncateText,
} from './limits.js';
import { text, type Locale, type Reader } from '../../messages/index.js';

export const QUIZ_BUTTON_PREFIX = 'quiz';
export const QUIZ_CHOICE_LETTERS = ['A', 'B', 'C', 'D'] as const;
export const QUIZ_TOTALS_SHOWN_MAX = 25;
const BAR_WIDTH_CHARS = 12;
const COLOR_QUESTION = 0x5865f2;
const COLOR_CLOSED = 0x99aab5;
const COLOR_REVEAL = 0x57f287;
const COLOR_END = 0xfee75c;

export interface QuizPayload {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
  allowedMentions: { parse: [] };
}

export interface QuizButton {
  gameId: string;
  questionIndex: number;
  choice: ChoiceIndex;
}

export function quizButtonId(button: QuizButton): string {
  return `${QUIZ_BUTTON_PREFIX}:${button.gameId}:${button.questionIndex}:${button.choice}`;
}

/** `quiz:<gameId>:<questionIndex>:<choice>` → its parts, or null for any other custom id. */
export function parseQuizButtonId(customId: string): QuizButton | null {
  const match = /^quiz:([A-Za-z0-9_-]+):(\d+):([0-3])$/.exec(customId);
  if (!match) return null;
  return { gameId: match[1]!, questionIndex: Number(match[2]), choice: Number(match[3]) as ChoiceIndex };
}

function payload(embed: EmbedBuilder, components: QuizPayload['components'] = []): QuizPayload {
  return { embeds: [embed.toJSON()], components, allowedMentions: { parse: [] } };
}

function buttons(gameId: string, questionIndex: number, disabled: boolean, correctIndex?: ChoiceIndex): QuizPayload['components'] {
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    QUIZ_CHOICE_LETTERS.map((letter, i) =>
      new ButtonBuilder()
        .setCustomId(quizButtonId({ gameId, questionIndex, choice: i as ChoiceIndex }))
        .setLabel(letter)
        .setStyle(correctIndex === undefined ? ButtonStyle.Primary : i === correctIndex ? ButtonStyle.Success : ButtonStyle.Secondary)
        .setDisabled(disabled),
    ),
  );
  return [row.toJSON()];
}

export interface QuestionView {
  opened: QuestionOpened;
  remainingMs: number;
  answered: number;
  /** Set once the round is over: buttons disabled, and the right one shown green when known. */
  closed?: { correctIndex: ChoiceIndex | null };
}

/** The question message; re-rendered with a new countdown line for each in-place edit. */
export function renderQuestion(view: QuestionView, locale: Locale): QuizPayload {
  const { opened } = view;
  const q = opened.question;
  const choices = q.choices.map((choice, i) => `**${QUIZ_CHOICE_LETTERS[i]}**  ${safeText(choice)}`).join('\n');
  const countdown = view.closed
    ? text(locale, 'quizCountdownClosed', { answered: view.answered })
    : `${text(locale, 'quizCountdown', { seconds: Math.ceil(view.remainingMs / 1000), answered: view.answered })} · <t:${Math.ceil(opened.endsAt / 1000)}:R>`;
  const embed = new EmbedBuilder()
    .setColor(view.closed ? COLOR_CLOSED : COLOR_QUESTION)
    .setTitle(truncateText(text(locale, 'quizQuestionTitle', { n: opened.index + 1, total: opened.total }), DISCORD_EMBED_TITLE_MAX_CHARS))
    .setDescription(truncateText(`${safeText(q.prompt)}\n\n${choices}\n\n${countdown}`, DISCORD_EMBED_DESCRIPTION_MAX_CHARS));
  return payload(embed, buttons(opened.gameId, opened.index, view.closed !== undefined, view.closed?.correctIndex ?? undefined));
}

/** Only the buttons of a question, all disabled: for rounds whose question text is no longer at hand. */
export function renderDisabledButtons(gameId: string, questionIndex: number): QuizPayload['components'] {
  return buttons(gameId, questionIndex, true);
}

/** The ephemeral reply to a click. */
export function renderAnswerAck(outcome: AnswerOutcome, locale: Locale): string {
  switch (outcome.status) {
    case 'accepted':
      return text(locale, 'quizAckLocked', { letter: QUIZ_CHOICE_LETTERS[outcome.record.choice], seconds: outcome.record.elapsedMs / 1000 });
    case 'already_answered':
      return text(locale, 'quizAckAlready', { letter: QUIZ_CHOICE_LETTERS[outcome.choice] });
    case 'time_up':
      return text(locale, 'quizTimeUp');
    case 'ended':
      return text(locale, 'quizEnded');
  }
}

function bar(count: number, total: number): string {
  const filled = total === 0 ? 0 : Math.round((count / total) * BAR_WIDTH_CHARS);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH_CHARS - filled)}`;
}

function standingLines(standings: readonly PlayerStanding[], locale: Locale, asked: number | null): string {
  return standings
    .map((s) =>
      asked === null
        ? text(locale, 'quizTopLine', { rank: s.rank, name: safeText(s.displayName), points: s.points })
        : text(locale, 'quizPlayerLine', { rank: s.rank, name: safeText(s.displayName), points: s.points, correct: s.correct, asked }),
    )
    .join('\n');
}

export function renderReveal(reveal: RevealData, locale: Locale): QuizPayload {
  const counts = reveal.counts
    .map((count, i) => `${i === reveal.correctIndex ? '✅' : '▫️'} **${QUIZ_CHOICE_LETTERS[i]}** ${bar(count, reveal.answered)} ${count}`)
    .join('\n');
  const source = `**${safeText(reveal.source.title)}**${reveal.source.date ? ` (${safeText(reveal.source.date)})` : ''}\n> ${safeText(reveal.source.text.replace(/\n+/g, ' '))}`;
  const embed = new EmbedBuilder()
    .setColor(COLOR_REVEAL)
    .setTitle(
      truncateText(
        text(locale, 'quizRevealTitle', { n: reveal.index + 1, total: reveal.total, letter: QUIZ_CHOICE_LETTERS[reveal.correctIndex], choice: safeText(reveal.correctChoice) }),
        DISCORD_EMBED_TITLE_MAX_CHARS,
      ),
    )
    .setDescription(truncateText(safeText(reveal.explanation), DISCORD_EMBED_DESCRIPTION_MAX_CHARS))
    .addFields(
      { name: text(locale, 'quizRevealCounts'), value: truncateText(counts, DISCORD_EMBED_FIELD_MAX_CHARS) },
      { name: text(locale, 'source'), value: truncateText(source, DISCORD_EMBED_FIELD_MAX_CHARS) },
      {
        name: text(locale, 'quizRevealTop', { n: reveal.top.length }),
        value: truncateText(reveal.top.length > 0 ? standingLines(reveal.top, locale, null) : text(locale, 'quizRevealNobody'), DISCORD_EMBED_FIELD_MAX_CHARS),
      },
    );
  return payload(embed);
}

const MEDALS = ['🥇', '🥈', '🥉'] as const;

export function renderEnd(end: EndData, locale: Locale): QuizPayload {
  const title = text(locale, end.reason === 'completed' ? 'quizEndCompleted' : end.reason === 'stopped' ? 'quizEndStopped' : 'quizEndInterrupted');
  const embed = new EmbedBuilder().setColor(COLOR_END).setTitle(truncateText(title, DISCORD_EMBED_TITLE_MAX_CHARS));
  if (end.totals.length === 0) return payload(embed.setDescription(text(locale, 'quizEndNobody')));
  const podium = end.podium.map((s, i) => `${MEDALS[i] ?? ''} ${safeText(s.displayName)} — ${s.points}`).join('\n');
  embed.addFields(
    { name: text(locale, 'quizEndPodium'), value: truncateText(podium, DISCORD_EMBED_FIELD_MAX_CHARS) },
    {
      name: text(locale, 'quizEndTotals'),
      value: truncateText(standingLines(end.totals.slice(0, QUIZ_TOTALS_SHOWN_MAX), locale, end.questionsAsked), DISCORD_EMBED_FIELD_MAX_CHARS),
    },
  );
  return payload(embed);
}

export function renderStarting(
  start: { questions: number; seconds: number; speedPoints: boolean; streaks: boolean; seed: string; notices: readonly string[] },
  reader: Reader,
): QuizPayload {
  const { locale } = reader;
  const lines = [
    text(locale, 'quizStarting', { n: start.questions, seconds: start.seconds }),
    text(locale, 'quizSettingsLine', { speed: text(locale, start.speedPoints ? 'on' : 'off'), streaks: text(locale, start.streaks ? 'on' : 'off') }),
  ];
  lines.push(...start.notices, text(reader, 'quizSeedReplay', { seed: safeText(start.seed) }));
  return { content: truncateText(lines.join('\n'), DISCORD_CONTENT_MAX_CHARS), embeds: [], components: [], allowedMentions: { parse: [] } };
}

const PERIOD_KEYS = { all: 'quizPeriodAll', week: 'quizPeriodWeek', month: 'quizPeriodMonth' } as const;

export function renderLeaderboard(rows: readonly LeaderboardRow[], period: LeaderboardPeriod, locale: Locale): QuizPayload {
  const lines = rows.map((r) =>
    text(locale, 'quizLeaderboardLine', { rank: r.rank, name: safeText(r.displayName), points: r.points, correct: r.correct, answered: r.answered }),
  );
  const embed = new EmbedBuilder()
    .setColor(COLOR_END)
    .setTitle(text(locale, 'quizLeaderboardTitle', { period: text(locale, PERIOD_KEYS[period]) }))
    .setDescription(truncateText(lines.length > 0 ? lines.join('\n') : text(locale, 'quizLeaderboardEmpty'), DISCORD_EMBED_DESCRIPTION_MAX_CHARS));
  return payload(embed);
}

export function renderStats(stats: PlayerStats | null, name: string, locale: Locale): QuizPayload {
  const embed = new EmbedBuilder().setColor(COLOR_QUESTION).setTitle(truncateText(text(locale, 'quizStatsTitle', { name: safeText(name) }), DISCORD_EMBED_TITLE_MAX_CHARS));
  if (!stats) return payload(embed.setDescription(text(locale, 'quizStatsNone')));
  return payload(
    embed.setDescription(
      text(locale, 'quizStatsBody', {
        points: stats.points,
        rank: stats.rank === null ? '—' : String(stats.rank),
        games: stats.games,
        correct: stats.correct,
        answered: stats.answered,
        bestStreak: stats.bestStreak,
      }),
    ),
  );
}
