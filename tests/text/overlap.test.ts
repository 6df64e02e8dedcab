/**
 * Counting shared members through OverlapCounter gives what comparing the sets pair by pair
 * gives: the near-duplicate collapse and MMR of an answer rely on it to rank as before.
 */
import { describe, expect, it } from 'vitest';
import { OverlapCounter, containment, containmentOf, jaccard, jaccardOf } from '../../src/text/index.js';
import { seededRandom } from '../../src/quiz/random.js';

function randomSets(seed: number, count: number): Array<Set<string>> {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => new Set(Array.from({ length: Math.floor(random() * 12) }, () => `w${Math.floor(random() * 20)}`)));
}

describe('OverlapCounter', () => {
  it('GIVEN sets added one by one, some empty THEN the counts of each new set are its intersections with every earlier set', () => {
    for (const seed of [1, 2, 3]) {
      const sets = randomSets(seed, 30);
      const counter = new OverlapCounter();
      sets.forEach((set, n) => {
        const shared = counter.shared(set);
        expect(shared).toHaveLength(n);
        shared.forEach((count, i) => {
          const earlier = sets[i] as Set<string>;
          expect(count).toBe([...set].filter((x) => earlier.has(x)).length);
          expect(containmentOf(count, earlier.size, set.size)).toBe(containment(earlier, set));
          expect(jaccardOf(count, earlier.size, set.size)).toBe(jaccard(earlier, set));
        });
        counter.add(set);
      });
    }
  });
});
