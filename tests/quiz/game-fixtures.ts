/** Quiz fixtures shared by the quiz tests: hand-written questions, a controllable clock and scheduler. */
import type { Scheduler } from '../../src/quiz/games.js';
import type { QuizQuestion } from '../../src/quiz/types.js';

export function makeQuestion(n: number, answerIndex: 0 | 1 | 2 | 3 = 1): QuizQuestion {
  return {
    id: `q${n}`,
    kind: 'what',
    prompt: `Question number ${n}?`,
    choices: [`alpha ${n}`, `bravo ${n}`, `charlie ${n}`, `delta ${n}`],
    answerIndex,
    explanation: `Because the passage of question ${n} says so.`,
    source: { docId: `doc${n}`, title: `Article ${n}`, date: '2025-12-01', text: `Passage ${n}: bravo ${n} happened.`, sentence: `Passage ${n}: bravo ${n} happened.` },
    factKey: `fact-${n}`,
  };
}

export function makeQuestions(count: number): QuizQuestion[] {
  return Array.from({ length: count }, (_, i) => makeQuestion(i + 1, ((i + 1) % 4) as 0 | 1 | 2 | 3));
}

/** A clock and a scheduler that only move when told to. */
export class FakeTime implements Scheduler {
  now = 1_700_000_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  readonly clock = (): number => this.now;

  set(callback: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + delayMs, callback });
    return id;
  }

  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= target && (!due || entry[1].at < due[1].at || (entry[1].at === due[1].at && entry[0] < due[0]))) due = entry;
      }
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = Math.max(this.now, due[1].at);
      due[1].callback();
    }
    this.now = target;
  }
}
