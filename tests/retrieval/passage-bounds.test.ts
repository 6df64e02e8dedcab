/**
 * The lexical search's per-passage bounds are reused from one query to the next: each concept
 * counts once in a passage however many of its terms the passage has, and a cleared buffer reads
 * as new, whatever the earlier queries touched.
 */
import { describe, expect, it } from 'vitest';
import { PassageBounds } from '../../src/retrieval/lexical.js';

const figures = (bounds: PassageBounds, doc: number): number[] | null => (bounds.has(doc) ? [bounds.most(doc), bounds.covered(doc), bounds.concepts(doc)] : null);

describe('PassageBounds', () => {
  it('GIVEN two concepts touching passages through several terms THEN each passage sums the first bounds each concept gave it, and the bits of the concepts', () => {
    const bounds = new PassageBounds(5);
    bounds.clear();
    bounds.nextConcept();
    bounds.add(3, 4, 1, 1);
    bounds.add(1, 4, 1, 1);
    bounds.add(3, 2, 0.5, 1);
    bounds.nextConcept();
    bounds.add(3, 1.5, 0.25, 2);
    bounds.add(4, 1, 0.25, 2);
    expect([0, 1, 2, 3, 4].map((d) => figures(bounds, d))).toEqual([null, [4, 1, 1], null, [5.5, 1.25, 3], [1, 0.25, 2]]);
  });

  it('GIVEN a buffer cleared after a query THEN nothing of that query is read: no passage touched, the first concept of the next adds afresh', () => {
    const bounds = new PassageBounds(4);
    for (let query = 0; query < 3; query++) {
      bounds.clear();
      expect([0, 1, 2, 3].map((d) => bounds.has(d))).toEqual([false, false, false, false]);
      bounds.nextConcept();
      bounds.add(2, query, 1, 1);
      bounds.add(2, 100, 100, 1);
      expect(figures(bounds, 2)).toEqual([query, 1, 1]);
      expect(bounds.has(0)).toBe(false);
    }
  });
});
