import { describe, expect, it } from 'vitest';
import type { ArticleMeta, Passage } from '../../src/corpus/types.js';
import { answerQuestion, type RetrievalContext } from '../../src/retrieval/ask.js';
import { LexicalIndex } from '../../src/retrieval/lexical.js';
import { chanceEvidence, searchLexical } from '../../src/retrieval/lexical-search.js';
import { loadLexicon } from '../../src/retrieval/lexicon.js';
import { analyzeQuery } from '../../src/retrieval/query.js';

/** Eight one-sentence passages: `harbour` and `ferry` in four each, together once; `lighthouse` and `glassblower` only together. */
const TEXTS = [
  'The harbour ferry was late.',
  'A harbour wall was painted.',
  'The harbour opened early.',
  'Harbour fees rose.',
  'A ferry crossed the bay.',
  'The ferry sank slowly.',
  'Ferry tickets sold out.',
  'The lighthouse keeper met the glassblower.',
];

function passages(): Passage[] {
  return TEXTS.map((text, i) => ({ id: `p${i}#0`, docId: `p${i}`, text, start: 0, end: text.length, sentences: [{ index: 0, text, start: 0, end: text.length, paragraph: 0 }] }));
}

function context(): RetrievalContext {
  const ps = passages();
  const articles = new Map<string, ArticleMeta>(ps.map((p) => [p.docId, { docId: p.docId, file: `${p.docId}.txt`, title: p.docId, date: null, dateSource: null, sources: [], author: null, url: null, contentHash: p.docId }]));
  return { passages: new Map(ps.map((p) => [p.id, p])), articles, lexical: LexicalIndex.build(ps.map((p) => ({ id: p.id, text: p.text }))), topics: [] };
}

/** The evidence of the passage that holds every concept of `question`. */
function evidenceOfFullMatch(question: string): number {
  const { lexical } = context();
  const query = analyzeQuery(question, loadLexicon());
  const hits = searchLexical(lexical, query, 10);
  const full = hits.find((h) => h.coverage === 1);
  if (full === undefined) throw new Error(`no passage holds all of ${question}`);
  return chanceEvidence(lexical, query)(full.doc);
}

describe('chance evidence', () => {
  it('GIVEN words each held by half the passages and together by one THEN the passage holding both is at chance (E = 8 × ½ × ½ = 2 > 1)', () => {
    expect(evidenceOfFullMatch('harbour ferry')).toBeCloseTo(Math.log(1 / 2), 6);
  });

  it('GIVEN words held only together THEN the passage holding them is far beyond chance (E = 8 × ⅛ × ⅛, A = 1)', () => {
    expect(evidenceOfFullMatch('lighthouse glassblower')).toBeCloseTo(Math.log(8), 6);
  });

  it('GIVEN a passage holding one of two concepts THEN it holds nothing together (A = E)', () => {
    const { lexical } = context();
    const query = analyzeQuery('harbour glassblower', loadLexicon());
    expect(chanceEvidence(lexical, query)(1)).toBeCloseTo(0, 9);
  });

  it('GIVEN a question of one concept THEN there is nothing to hold together and coverage alone decides', () => {
    const { lexical } = context();
    expect(chanceEvidence(lexical, analyzeQuery('harbour', loadLexicon()))(0)).toBe(Infinity);
  });
});

describe('abstention on chance', () => {
  it('GIVEN a question whose words the corpus holds together no more than by chance THEN it abstains though one passage holds them all', async () => {
    const result = await answerQuestion('harbour ferry', {}, context());
    expect(result.abstained).toBe(true);
    expect(result.relevance).toBe(0);
  });

  it('GIVEN a question whose words go together in the corpus THEN it answers from the passage holding them', async () => {
    const result = await answerQuestion('lighthouse glassblower', {}, context());
    expect(result.abstained).toBe(false);
    expect(result.passages[0]?.docId).toBe('p7');
  });

  it('GIVEN a question of one word the corpus holds THEN it answers', async () => {
    const result = await answerQuestion('harbour', {}, context());
    expect(result.abstained).toBe(false);
  });
});
