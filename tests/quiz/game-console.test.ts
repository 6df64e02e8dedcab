import readline from 'node:readline';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { BriefingDesk } from '../../src/briefing/types.js';
import { parseConsoleChoice, readlineQuizIO, runConsoleQuiz, type ConsoleQuizIO } from '../../src/cli/console-quiz.js';
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

/** Scripted input: each entry is [delay in ms before the line, line or null for silence]. */
function scriptedIO(script: Array<[number, string | null]>): ConsoleQuizIO & { lines: string[] } {
  let now = 1_000_000;
  const lines: string[] = [];
  return {
    lines,
    print: (text) => lines.push(text),
    now: () => now,
    readLine: async (timeoutMs) => {
      const next = script.shift();
      if (!next || next[1] === null || next[0] > timeoutMs) {
        now += timeoutMs;
        return null;
      }
      now += next[0];
      return next[1];
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

  it('over readline: a typed line is read, silence times out, a closed input ends the wait', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const rl = readline.createInterface({ input, terminal: false });
    const io = readlineQuizIO(rl, output);
    const typed = io.readLine(5_000);
    input.write('b\n');
    expect(await typed).toBe('b');
    const started = Date.now();
    expect(await io.readLine(50)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    const waiting = io.readLine(5_000);
    rl.close();
    expect(await waiting).toBeNull();
    io.print('hello');
    expect(String(output.read())).toBe('hello\n');
  });
});
