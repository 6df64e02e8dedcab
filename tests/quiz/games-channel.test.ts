import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postQuizEventsToChannels, type QuizChannelSink } from '../../src/bot/quiz-channel.js';
import { parseQuizButtonId, quizButtonId, renderAnswerAck, type QuizPayload } from '../../src/bot/render/quiz.js';
import { QuizGames } from '../../src/quiz/games.js';
import { QuizStore } from '../../src/quiz/store.js';
import { FakeTime, makeQuestions } from './game-fixtures.js';

interface Sent {
  op: 'send' | 'edit';
  channelId: string;
  messageId: string;
  message: Partial<QuizPayload>;
}

class RecordingSink implements QuizChannelSink {
  readonly log: Sent[] = [];
  private next = 1;
  async send(channelId: string, message: QuizPayload): Promise<string> {
    const messageId = `m${this.next++}`;
    this.log.push({ op: 'send', channelId, messageId, message });
    return messageId;
  }
  async edit(channelId: string, messageId: string, message: Partial<QuizPayload>): Promise<void> {
    this.log.push({ op: 'edit', channelId, messageId, message });
  }
}

const SETTINGS = { timeLimitMs: 12_000, speedPoints: true, streaks: true };
let time: FakeTime;
let store: QuizStore;
let games: QuizGames;
let sink: RecordingSink;

beforeEach(() => {
  time = new FakeTime();
  store = QuizStore.open(':memory:');
  games = new QuizGames({ store, clock: time.clock, scheduler: time, tickIntervalMs: 5_000, revealPauseMs: 2_000, newGameId: () => 'G1' });
  sink = new RecordingSink();
  postQuizEventsToChannels(games, sink);
});
afterEach(() => store.close());

function buttonsOf(message: Partial<QuizPayload>): Array<{ custom_id: string; disabled: boolean; label: string; style: number }> {
  return (message.components ?? []).flatMap((row) => row.components as unknown as Array<{ custom_id: string; disabled: boolean; label: string; style: number }>);
}

describe('quiz messages in a channel', () => {
  it('custom ids round-trip and anything else is not a quiz button', () => {
    const id = quizButtonId({ gameId: 'G1-x_', questionIndex: 12, choice: 3 });
    expect(id).toBe('quiz:G1-x_:12:3');
    expect(parseQuizButtonId(id)).toEqual({ gameId: 'G1-x_', questionIndex: 12, choice: 3 });
    expect(parseQuizButtonId('quiz:G1:1:4')).toBeNull();
    expect(parseQuizButtonId('ask:feedback:1')).toBeNull();
  });

  it('posts one question message, edits its countdown in place, disables the buttons, then reveals and ends with a podium', async () => {
    games.start({ guildId: 'g', channelId: 'c1', hostId: 'h', settings: { ...SETTINGS, locale: 'en-US' }, questions: makeQuestions(1) });
    time.advance(0);
    const q = games.gameIn('c1')!.questions[0]!;
    time.advance(3_200);
    const ack = games.answer({ gameId: 'G1', questionIndex: 0, userId: 'u1', displayName: '@everyone *Ann*', choice: q.answerIndex });
    expect(renderAnswerAck(ack, 'en')).toBe(`Locked in ${'ABCD'[q.answerIndex]} at 3.2 s.`);
    expect(renderAnswerAck(games.answer({ gameId: 'G1', questionIndex: 0, userId: 'u1', displayName: 'Ann', choice: 0 }), 'vi')).toBe(`Bạn đã trả lời ${'ABCD'[q.answerIndex]} rồi.`);
    time.advance(SETTINGS.timeLimitMs);
    await games.settled();
    expect(renderAnswerAck(games.answer({ gameId: 'G1', questionIndex: 0, userId: 'u2', displayName: 'Bob', choice: 0 }), 'en')).toBe('This quiz has ended.');

    expect(sink.log.map((s) => `${s.op} ${s.messageId}`)).toEqual(['send m1', 'edit m1', 'edit m1', 'edit m1', 'send m2', 'send m3']);
    const [question, tick1, , tick2, reveal, end] = sink.log.map((s) => s.message);
    expect(question!.embeds![0]!.description).toContain(q.prompt);
    expect(question!.embeds![0]!.description).toContain('12 s left · 0 answered');
    expect(buttonsOf(question!).map((b) => [b.label, b.custom_id, b.disabled])).toEqual([
      ['A', 'quiz:G1:0:0', false], ['B', 'quiz:G1:0:1', false], ['C', 'quiz:G1:0:2', false], ['D', 'quiz:G1:0:3', false],
    ]);
    expect(tick1!.embeds![0]!.description).toContain('7 s left · 1 answered');
    expect(tick2!.embeds![0]!.description).toContain('Time is up · 1 answered');
    expect(buttonsOf(tick2!).every((b) => b.disabled)).toBe(true);
    const fields = reveal!.embeds![0]!.fields!;
    expect(reveal!.embeds![0]!.title).toContain(q.choices[q.answerIndex]);
    expect(reveal!.embeds![0]!.description).toBe(q.explanation);
    expect(fields[0]!.value.split('\n').map((line) => Number(line.split(' ').at(-1)))).toEqual([0, 1, 2, 3].map((i) => (i === q.answerIndex ? 1 : 0)));
    expect(fields[1]!.value).toContain(q.source.text);
    expect(fields[2]!.value).toContain('@\u200beveryone \\*Ann\\*');
    expect(end!.embeds![0]!.title).toBe('Quiz over!');
    expect(end!.embeds![0]!.fields![0]!.value).toContain('🥇');
    for (const s of sink.log) expect(s.message.allowedMentions ?? { parse: [] }).toEqual({ parse: [] });
  });

  it('GIVEN a Vietnamese channel THEN the messages are in Vietnamese', async () => {
    games.start({ guildId: 'g', channelId: 'c1', hostId: 'h', settings: { ...SETTINGS, locale: 'vi' }, questions: makeQuestions(1) });
    time.advance(0);
    games.stop('c1', 'h', false);
    await games.settled();
    expect(sink.log[0]!.message.embeds![0]!.title).toBe('Câu 1/1');
    expect(buttonsOf(sink.log[1]!.message).every((b) => b.disabled)).toBe(true);
    expect(sink.log[2]!.message.embeds![0]!.title).toBe('Trò đố vui đã dừng.');
  });
});
