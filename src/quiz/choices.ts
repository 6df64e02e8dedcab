/** Four choices with the answer at a random place. */
import type { Random } from './random.js';
import { normaliseChoice } from './check.js';

export type Arranged = { choices: [string, string, string, string]; answerIndex: 0 | 1 | 2 | 3 };

/** The first three distractors that differ from the answer and each other; null when there are not three. */
export function arrangeChoices(answer: string, distractors: readonly string[], random: Random): Arranged | null {
  const seen = new Set([normaliseChoice(answer)]);
  const picked: string[] = [];
  for (const d of distractors) {
    const key = normaliseChoice(d);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    picked.push(d);
    if (picked.length === 3) break;
  }
  if (picked.length < 3) return null;
  const answerIndex = Math.floor(random() * 4) as 0 | 1 | 2 | 3;
  const choices = [...picked];
  choices.splice(answerIndex, 0, answer);
  return { choices: choices as [string, string, string, string], answerIndex };
}

/** The blank that stands for the answer in a fill-in prompt. */
export const BLANK = '____';
