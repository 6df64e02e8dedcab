import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../src/retrieval/lexical.js';
import { searchLexical } from '../../src/retrieval/lexical-search.js';
import { parseLexicon } from '../../src/retrieval/lexicon.js';
import { analyzeQuery } from '../../src/retrieval/query.js';

/** `widget` is said `máy` (in three passages, most of them about other machines) or `thiết bị` (in one). */
const TEXTS = ['Cái máy này cũ.', 'Máy bay cất cánh.', 'Máy tính hỏng.', 'Thiết bị mới được lắp đặt.', 'Trời mưa to.', 'Giá gạo tăng.'];

function coverageOf(question: string): Map<string, number> {
  const index = LexicalIndex.build(TEXTS.map((text, i) => ({ id: `p${i}`, text })));
  const lexicon = parseLexicon({ aliases: '', expansions: ['widget\tmáy|thiết bị\n'] });
  return new Map(searchLexical(index, analyzeQuery(question, lexicon), 10).map((h) => [h.id, h.coverage]));
}

describe('how surely a wording says its concept', () => {
  it('GIVEN a concept held only through its common wording THEN the passage covers it less than one holding its rare wording', () => {
    const coverage = coverageOf('widget');
    expect(coverage.get('p3')).toBeCloseTo(1, 9);
    expect(coverage.get('p0')).toBeGreaterThan(0);
    expect(coverage.get('p0')).toBeLessThan(0.7);
  });
});
