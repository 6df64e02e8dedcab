import { describe, expect, it } from 'vitest';
import { FEATURES, abstentionModel, answerConfidence, type AbstentionModel } from '../../src/retrieval/abstention.js';
import { answerQuestion } from '../../src/retrieval/ask.js';
import { LexicalIndex } from '../../src/retrieval/lexical.js';
import type { ArticleMeta, Passage } from '../../src/corpus/types.js';

const MODEL: AbstentionModel = { features: [...FEATURES], coefficients: [-6, 11, 3.5, -1.2], floor: 0.72, fitted: 'test' };

describe('abstention confidence', () => {
  it('GIVEN the shipped model THEN it is for the features the code computes, with a floor in (0, 1)', () => {
    const model = abstentionModel();
    expect(model.features).toEqual([...FEATURES]);
    expect(model.coefficients).toHaveLength(FEATURES.length + 1);
    expect(model.floor).toBeGreaterThan(0);
    expect(model.floor).toBeLessThan(1);
  });

  it('GIVEN the same coverage THEN concepts held together far beyond chance give more confidence than concepts held by chance', () => {
    const byChance = answerConfidence({ relevance: 0.5, evidence: 0.3, fewConcepts: false, passages: 100 }, MODEL);
    const together = answerConfidence({ relevance: 0.5, evidence: 12, fewConcepts: false, passages: 100 }, MODEL);
    expect(together).toBeGreaterThan(byChance);
    expect(byChance).toBeLessThan(MODEL.floor);
    expect(together).toBeGreaterThanOrEqual(MODEL.floor);
  });

  it('GIVEN a corpus holding one concept of the question THEN it takes more coverage to answer than one holding several together', () => {
    const one = answerConfidence({ relevance: 0.7, evidence: 0, fewConcepts: true, passages: 100 }, MODEL);
    const several = answerConfidence({ relevance: 0.7, evidence: 3, fewConcepts: false, passages: 100 }, MODEL);
    expect(one).toBeLessThan(several);
    expect(answerConfidence({ relevance: 1, evidence: 0, fewConcepts: true, passages: 100 }, MODEL)).toBeGreaterThan(MODEL.floor);
  });

  it('GIVEN the same evidence in nats THEN a larger corpus is less sure of it (evidence is read in units of ln N)', () => {
    const small = answerConfidence({ relevance: 0.5, evidence: 8, fewConcepts: false, passages: 100 }, MODEL);
    const large = answerConfidence({ relevance: 0.5, evidence: 8, fewConcepts: false, passages: 100_000 }, MODEL);
    expect(large).toBeLessThan(small);
  });
});

describe('abstaining with the model', () => {
  const passage = (docId: string, text: string): Passage => ({ id: `${docId}#0`, docId, text, start: 0, end: text.length, sentences: [{ index: 0, text, start: 0, end: text.length, paragraph: 0 }] });
  const passages = [
    passage('a', 'The museum reopened on Saturday after a renovation that took four years.'),
    passage('b', 'Fishing groups said the cut would cost about 2,500 jobs along the coast.'),
    passage('c', 'The council voted to close the bridge after the storm damaged it.'),
  ];
  const articles = new Map<string, ArticleMeta>(passages.map((p) => [p.docId, { docId: p.docId, file: `${p.docId}.txt`, title: p.docId, date: null, dateSource: null, sources: [], author: null, url: null, contentHash: p.docId }]));
  const ctx = { passages: new Map(passages.map((p) => [p.id, p])), articles, lexical: LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text }))), topics: [] };

  it('GIVEN a question the corpus does not speak of THEN it abstains, and its confidence is below the floor', async () => {
    const result = await answerQuestion('What is the interest rate of the central bank?', {}, ctx);
    expect(result.abstained).toBe(true);
    expect(result.confidence).toBeLessThan(abstentionModel().floor);
  });

  it('GIVEN the floor switched off THEN the same question is answered with the same confidence and signals', async () => {
    const floored = await answerQuestion('What is the interest rate of the central bank?', {}, ctx);
    const open = await answerQuestion('What is the interest rate of the central bank?', {}, { ...ctx, confidenceFloor: 0 });
    expect(open.abstained).toBe(false);
    expect(open.confidence).toBe(floored.confidence);
    expect(open.signals).toEqual(floored.signals);
  });
});
