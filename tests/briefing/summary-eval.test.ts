import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { factCoverage, parseFactSets } from '../../src/briefing/summary-eval.js';
import type { SummaryResult } from '../../src/briefing/types.js';

const summary: SummaryResult = {
  topic: null,
  scope: 'briefing',
  sentences: [
    { text: 'Some 4,200 dock workers walked off the job on Monday.', citations: [] },
    { text: 'The union wants a 12% rise.', citations: [] },
  ],
};

describe('factCoverage', () => {
  it('GIVEN facts stated in some sentences THEN each is mapped to the first sentence that states it, the rest to null', () => {
    const report = factCoverage(summary, [
      { fact: 'strike', any: ['4[,.]?200 (?:dock )?workers'] },
      { fact: 'demand', any: ['twelve per cent', '(?<![\\d.])12 ?%'] },
      { fact: 'deal', any: ['8% over two years'] },
    ]);
    expect(report).toEqual({
      facts: 3,
      covered: 2,
      perFact: [
        { fact: 'strike', sentence: 1 },
        { fact: 'demand', sentence: 2 },
        { fact: 'deal', sentence: null },
      ],
    });
  });

  it('GIVEN a pattern in another case or Unicode form THEN it still matches (iu flags, NFC text)', () => {
    const vi: SummaryResult = { topic: null, scope: 'briefing', sentences: [{ text: 'Hai bên chưa đạt THỎA HIỆP.'.normalize('NFD'), citations: [] }] };
    expect(factCoverage(vi, [{ fact: 'no compromise', any: ['thỏa hiệp'] }]).covered).toBe(1);
  });
});

describe('parseFactSets', () => {
  it('GIVEN a corpus folder mapped to facts THEN it returns them', () => {
    expect(parseFactSets({ corpus: [{ fact: 'a', any: ['x'], where: ['001.txt'] }] }, 'f.json')).toEqual({ corpus: [{ fact: 'a', any: ['x'] }] });
  });

  it('GIVEN a wrong shape or a broken pattern THEN a UserError names the file', () => {
    for (const bad of [[], { corpus: [] }, { corpus: [{ fact: 'a', any: [] }] }, { corpus: [{ fact: 'a', any: ['('] }] }]) {
      expect(() => parseFactSets(bad, 'f.json')).toThrow(expect.objectContaining({ code: ERROR_CODES.BAD_BATCH_FILE, message: expect.stringContaining('f.json') }));
    }
  });
});
