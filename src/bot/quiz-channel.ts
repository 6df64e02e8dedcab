/**
 * Turns quiz events into channel messages, sent by the bot through the REST API (a game
 * outlives the interaction that started it, and its 15-minute token). One question message per
 * round, its countdown edited in place; buttons disabled when the round ends; then the reveal,
 * and at the end the podium.
 */
import { Routes, type REST } from 'discord.js';
import type { QuestionOpened } from '../quiz/game.js';
import type { QuizEvent, QuizGames } from '../quiz/games.js';
import { renderDisabledButtons, renderEnd, renderQuestion, renderReveal, type QuizPayload } from './render/quiz.js';
import { localeOfDiscord } from '../messages/index.js';

/** Where quiz messages go: Discord's REST API in production, a recorder in tests. */
export interface QuizChannelSink {
  send(channelId: string, message: QuizPayload): Promise<string>;
  edit(channelId: string, messageId: string, message: Partial<QuizPayload>): Promise<void>;
}

function apiBody(message: Partial<QuizPayload>): Record<string, unknown> {
  const { allowedMentions, ...rest } = message;
  return { ...rest, allowed_mentions: allowedMentions ?? { parse: [] } };
}

export function restQuizSink(rest: REST): QuizChannelSink {
  return {
    async send(channelId, message) {
      const created = (await rest.post(Routes.channelMessages(channelId), { body: apiBody(message) })) as { id: string };
      return created.id;
    },
    async edit(channelId, messageId, message) {
      await rest.patch(Routes.channelMessage(channelId, messageId), { body: apiBody(message) });
    },
  };
}

interface OpenRound {
  opened: QuestionOpened;
  messageId: string | null;
}

/** Posts every game's messages; returns the function that unsubscribes it. */
export function postQuizEventsToChannels(games: QuizGames, sink: QuizChannelSink): () => void {
  const rounds = new Map<string, OpenRound>();

  async function onEvent(event: QuizEvent): Promise<void> {
    const locale = localeOfDiscord(event.game.settings.locale);
    const { gameId, channelId } = event.game;
    switch (event.type) {
      case 'question': {
        const round: OpenRound = { opened: event.opened, messageId: null };
        rounds.set(gameId, round);
        const view = { opened: event.opened, remainingMs: event.opened.endsAt - event.opened.startedAt, answered: 0 };
        round.messageId = await sink.send(channelId, renderQuestion(view, locale));
        games.attachQuestionMessage(gameId, event.opened.index, round.messageId);
        return;
      }
      case 'tick': {
        const round = rounds.get(gameId);
        if (!round?.messageId || round.opened.index !== event.index) return;
        await sink.edit(channelId, round.messageId, renderQuestion({ opened: round.opened, remainingMs: event.remainingMs, answered: event.answered }, locale));
        return;
      }
      case 'reveal': {
        const round = rounds.get(gameId);
        if (round?.messageId && round.opened.index === event.reveal.index) {
          const closed = { opened: round.opened, remainingMs: 0, answered: event.reveal.answered, closed: { correctIndex: event.reveal.correctIndex } };
          await sink.edit(channelId, round.messageId, renderQuestion(closed, locale));
        }
        await sink.send(channelId, renderReveal(event.reveal, locale));
        return;
      }
      case 'ended': {
        const round = rounds.get(gameId);
        rounds.delete(gameId);
        const openMessageId = round?.opened.index === event.openQuestionIndex ? round.messageId : event.openQuestionMessageId;
        if (event.openQuestionIndex !== null && openMessageId) {
          await sink.edit(channelId, openMessageId, { components: renderDisabledButtons(gameId, event.openQuestionIndex) });
        }
        await sink.send(channelId, renderEnd(event.end, locale));
        return;
      }
    }
  }

  return games.subscribe(onEvent);
}
