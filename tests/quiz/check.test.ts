import { describe, expect, it } from 'vitest';
import type { Article, Passage } from '../../src/corpus/types.js';
import { QUESTION_RULES, questionProblems, quizProblems, type CheckContext } from '../../src/quiz/check.js';
import type { QuizQuestion } from '../../src/quiz/types.js';

const SENTENCE = 'President Anna Berg said on Monday that the port of Halden will reopen after a strike of 12 days, and Minister Tom Vik agreed.';
const OTHER = 'Mr Lars Holm and Ms Kari Dahl met the unions; Dr Eva Lind chaired the talks.';
const passage: Passage = { id: 'a#0', docId: 'a', text: `${SENTENCE} ${OTHER}`, start: 0, end: 0, sentences: [] };
const article = { docId: 'a', sentences: [{ index: 0, text: SENTENCE }, { index: 1, text: OTHER }] } as unknown as Article;
const ctx: CheckContext = { lang: 'en', passages: [passage], articles: [article] };

function question(over: Partial<QuizQuestion>): QuizQuestion {
  return {
    id: 'q1',
    kind: 'who',
    prompt: 'Fill in the blank: "President ____ said on Monday that the port of Halden will reopen after a strike of 12 days, and Minister Tom Vik agreed."',
    choices: ['Anna Berg', 'Lars Holm', 'Kari Dahl', 'Eva Lind'],
    answerIndex: 0,
    explanation: 'According to "Port news": the strike ends.',
    source: { docId: 'a', title: 'Port news', date: '2025-01-01', text: passage.text, sentence: SENTENCE },
    factKey: 'actor:a#0:0:Anna Berg',
    ...over,
  };
}

const rulesBroken = (q: QuizQuestion): string[] => questionProblems(q, ctx).map((p) => p.rule);

describe('quiz-check rules', () => {
  it('GIVEN a well-made "who" question THEN no rule finds a problem', () => {
    expect(questionProblems(question({}), ctx)).toEqual([]);
  });

  it.each([
    ['four-distinct-choices', question({ choices: ['Anna Berg', 'Lars Holm', 'lars holm', 'Eva Lind'] })],
    ['corpus-language', question({ prompt: 'Điền vào chỗ trống: "President ____ said on Monday that the port of Halden will reopen."' })],
    ['answer-not-in-prompt', question({ prompt: 'Fill in the blank: "President Anna Berg said ____ on Monday that the port of Halden will reopen."' })],
    ['prompt-length', question({ prompt: `Fill in the blank: "${'President ____ said the port will reopen. '.repeat(9)}"` })],
    ['prompt-has-content', question({ kind: 'when', prompt: 'When did this happen: ""?', choices: ['May 1, 2025', 'May 2, 2025', 'May 3, 2025', 'May 4, 2025'] })],
    ['cited-source', question({ source: { ...question({}).source, sentence: 'Mr Lars Holm and Ms Kari Dahl met the unions.' } })],
    ['explanation', question({ explanation: 'line one\nline two' })],
    ['event-labels', question({ kind: 'what', prompt: 'What happened on May 1, 2025?', choices: ['the port of Halden reopened after the long strike', 'which had been captured from France', 'the unions met the port owners in Halden', 'the minister agreed to the new port rules'] })],
    ['people-only', question({ choices: ['Anna Berg', 'Lars Holm', 'Port Halden', 'Eva Lind'] })],
    ['one-spelling-per-person', question({ choices: ['Anna Berg', 'Lars Holm', 'Kari Berg', 'Eva Lind'] })],
    ['number-format', question({ kind: 'how_many', prompt: 'Fill in the number: "a strike of ____ days"', choices: ['12', '1,5', '14', '20'], factKey: 'number:12' })],
    ['number-format', question({ kind: 'how_many', prompt: 'Fill in the number: "turnout reached ____% in Halden on Monday"', choices: ['12', '60', '99', '150'], factKey: 'number:12' })],
    ['date-choices', question({ kind: 'when', prompt: 'When did this happen: "the port of Halden will reopen after a strike"?', choices: ['May 1, 2025', 'May 2025', 'May 3, 2025', 'May 4, 2025'] })],
    ['date-choices', question({ kind: 'when', prompt: 'When did this happen: "the port of Halden will reopen after a strike"?', choices: ['1/5/2025', '2/5/2025', '3/5/2025', 'tháng 5/2025'] })],
    ['not-a-conversion', question({ kind: 'how_many', prompt: 'Fill in the number: "Halden lies about 340 miles (____ km) north of Oslo."', choices: ['550', '440', '660', '770'], factKey: 'number:550', source: { ...question({}).source, sentence: 'Halden lies about 340 miles (550 km) north of Oslo.' } })],
  ])('GIVEN a question that breaks %s THEN that rule finds it', (rule, q) => {
    expect(rulesBroken(q)).toContain(rule);
  });

  it('has a failing example above for every rule', () => {
    const tested = new Set(['four-distinct-choices', 'corpus-language', 'answer-not-in-prompt', 'prompt-length', 'prompt-has-content', 'cited-source', 'explanation', 'event-labels', 'people-only', 'one-spelling-per-person', 'number-format', 'date-choices', 'not-a-conversion']);
    expect(QUESTION_RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it('GIVEN two questions from one sentence, or asking one fact, THEN the quiz rules flag the second', () => {
    const first = question({});
    const sameSentence = question({ id: 'q2', kind: 'how_many', factKey: 'number:12' });
    const sameFact = question({ id: 'q3', source: { ...first.source, sentence: OTHER } });
    const problems = quizProblems([first, sameSentence, sameFact]);
    expect(problems.get('q1')).toBeUndefined();
    expect(problems.get('q2')?.map((p) => p.rule)).toEqual(['one-sentence-per-quiz']);
    expect(problems.get('q3')?.map((p) => p.rule)).toEqual(['one-fact-per-quiz']);
  });
});
