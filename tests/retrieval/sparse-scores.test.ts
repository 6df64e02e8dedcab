/**
 * The lexical search's score buffers are reused from one query to the next: a cleared buffer
 * reads as new, whatever the earlier queries touched.
 */
import { describe, expect, it } from 'vitest';
import { SparseScores } from '../../src/retrieval/lexical.js';

describe('SparseScores', () => {
  it('GIVEN scores added and maxed THEN each document keeps its sum or its largest value, listed once', () => {
    const scores = new SparseScores(5);
    scores.add(3, 1.5);
    scores.add(1, 2);
    scores.add(3, 0.25);
    scores.max(4, -1);
    scores.max(4, -3);
    scores.max(1, 5);
    expect([...scores.touched.subarray(0, scores.count)]).toEqual([3, 1, 4]);
    expect([0, 1, 2, 3, 4].map((d) => scores.get(d))).toEqual([0, 5, 0, 1.75, -1]);
  });

  it('GIVEN a buffer cleared after a query THEN nothing of that query is read: no document touched, every score 0, max starts afresh', () => {
    const scores = new SparseScores(4);
    for (let query = 0; query < 3; query++) {
      scores.clear();
      expect(scores.count).toBe(0);
      expect([0, 1, 2, 3].map((d) => scores.get(d))).toEqual([0, 0, 0, 0]);
      scores.max(2, -7);
      scores.add(0, query);
      expect(scores.get(2)).toBe(-7);
      expect(scores.get(0)).toBe(query);
      expect(scores.count).toBe(2);
    }
  });
});
