import { describe, expect, it } from 'vitest';
import type { BriefingDesk } from '../../src/briefing/types.js';
import { isStopWord, parseConsoleChoice, quizRequestOf, runConsoleQuiz, type ConsoleInput, type ConsoleQuizIO } from '../../src/cli/console-quiz.js';
import type { QuizQuestion, QuizRequest } from '../../src/quiz/types.js';
import { makeQuestions } from './game-fixtures.js';

function deskWith(questions: QuizQuestion[], seen: QuizRequest[] = []): BriefingDesk {
  const unused = (): never => {
    throw new Error('not used by the console quiz');
  };
  return {
    ask: unused,
    summary: unused,
    timeline: unused,
    topics: unused,
    sources: unused,
    status: unused,
    reindex: unused,
    close: async () => undefined,
    quiz: async (request) => {
      seen.push(request);
      return { seed: String(request.seed ?? 'fixed'), questions: questions.slice(0, request.n ?? questions.length) };
    },
  };
}

/** Scripted input: each entry is [delay in ms before it, a typed line, or null for silence, or Ctrl-C / the end of input]. */
function scriptedIO(script: Array<[number, string | null | ConsoleInput]>): ConsoleQuizIO & { lines: string[] } {
  let now = 1_000_000;
  const lines: string[] = [];
  return {
    lines,
    print: (text) => lines.push(text),
    now: () => now,
    readLine: async (timeoutMs): Promise<ConsoleInput> => {
      const next = script.shift();
      if (!next || next[1] === null || next[0] > timeoutMs) {
        now += timeoutMs;
        return { kind: 'timeout' };
      }
      now += next[0];
      return typeof next[1] === 'string' ? { kind: 'line', text: next[1] } : next[1];
    },
  };
}

const LETTERS = ['A', 'B', 'C', 'D'];

describe('console quiz', () => {
  it('parses A–D, a–d and 1–4 and nothing else', () => {
    expect(['A', 'b', ' c ', 'D', '1', '4', 'E', '5', '', 'AB'].map(parseConsoleChoice)).toEqual([0, 1, 2, 3, 0, 3, null, null, null, null]);
  });

  it('plays a game with the same scoring: fast correct, wrong, silence, with a streak bonus', async () => {
    const questions = makeQuestions(4);
    const seen: QuizRequest[] = [];
    const right = (i: number): string => LETTERS[questions[i]!.answerIndex]!;
    const wrong = (i: number): string => LETTERS[(questions[i]!.answerIndex + 1) % 4]!;
    const io = scriptedIO([[200, right(0)], [300, 'maybe'], [100, right(1)], [5_000, wrong(2)], [0, null]]);
    const end = await runConsoleQuiz(deskWith(questions, seen), io, { questions: 4, seconds: 10, topic: 'talks' });
    expect(seen).toEqual([{ n: 4, topic: 'talks' }]);
    expect(end?.reason).toBe('completed');
    expect(end?.totals[0]).toMatchObject({ points: 1000 + 1100, correct: 2, answered: 3, bestStreak: 2 });
    const text = io.lines.join('\n');
    expect(text).toContain(`Locked in ${right(0)} at 0.2 s.`);
    expect(text).toContain('Type A, B, C or D');
    expect(text).toContain('Time is up.');
    expect(text).toContain(questions[3]!.explanation);
    expect(text).toContain('Total: 2100 points, 2/4 correct, best streak 2.');
  });

  it('GIVEN the player types stop THEN the quiz ends as stopped', async () => {
    const io = scriptedIO([[100, 'stop']]);
    const end = await runConsoleQuiz(deskWith(makeQuestions(3)), io);
    expect(end?.reason).toBe('stopped');
    expect(end?.questionsAsked).toBe(1);
  });

  it('GIVEN the desk makes no question THEN it says so and returns null', async () => {
    const io = scriptedIO([]);
    expect(await runConsoleQuiz(deskWith([]), io)).toBeNull();
    expect(io.lines[0]).toMatch(/No quiz question/);
  });

  it('GIVEN Ctrl-C during a question THEN the game ends at once as stopped, with the scores so far, and no later answer is shown', async () => {
    const questions = makeQuestions(3);
    const io = scriptedIO([[100, LETTERS[questions[0]!.answerIndex]!], [100, { kind: 'interrupt' }]]);
    const end = await runConsoleQuiz(deskWith(questions), io, { seconds: 10 });
    expect(end?.reason).toBe('stopped');
    expect(end?.questionsAsked).toBe(2);
    const text = io.lines.join('\n');
    expect(text).toContain('Quiz stopped.');
    expect(text).toContain('Total: 1000 points, 1/2 correct, best streak 1.');
    expect(text).not.toContain(questions[1]!.explanation);
    expect(text).not.toContain(questions[2]!.prompt);
  });

  it('GIVEN "dừng" typed however the terminal composes it, "dung" without accents, or "STOP" THEN each ends the quiz; a word that is not one goes on', () => {
    for (const word of ['stop', 'STOP', ' dừng ', 'dừng'.normalize('NFD'), 'DỪNG', 'dung']) expect(isStopWord(word), word).toBe(true);
    for (const word of ['đúng', 'dùng', 'A', 'stopp']) expect(isStopWord(word), word).toBe(false);
  });

  it('GIVEN a Vietnamese console THEN the quiz speaks Vietnamese, and "dừng" stops it', async () => {
    const io = scriptedIO([[100, 'x'], [100, 'dừng']]);
    const end = await runConsoleQuiz(deskWith(makeQuestions(2)), io, { locale: 'vi', seconds: 10 });
    expect(end?.reason).toBe('stopped');
    const text = io.lines.join('\n');
    expect(text).toContain('Câu 1/2 — 10 giây');
    expect(text).toContain('Gõ A, B, C hoặc D (hoặc "stop"/"dừng" để dừng).');
    expect(text).toContain('Trò đố vui đã dừng.');
    expect(text).toContain('Tổng: 0 điểm, đúng 0/1');
  });

  it('GIVEN "/quiz 3 NATO" THEN three questions on NATO are asked for; out of range THEN a BAD_OPTION', () => {
    expect(quizRequestOf('3 NATO talks')).toEqual({ questions: 3, topic: 'NATO talks' });
    expect(quizRequestOf('3')).toEqual({ questions: 3 });
    expect(quizRequestOf('Lavrov')).toEqual({ topic: 'Lavrov' });
    expect(quizRequestOf('')).toEqual({});
    expect(quizRequestOf('5 seed:k3x9qa NATO')).toEqual({ questions: 5, topic: 'NATO', seed: 'k3x9qa' });
    expect(quizRequestOf('seed:abc')).toEqual({ seed: 'abc' });
    expect(quizRequestOf('ma_de:abc')).toEqual({ seed: 'abc' });
    expect(() => quizRequestOf('99')).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }));
  });
});
