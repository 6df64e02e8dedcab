/** The rules every quiz question keeps; the generator only emits questions with no problem. */
import type { Passage } from '../corpus/types.js';
import { QUESTION_KINDS, type QuizQuestion } from './types.js';

export function normaliseChoice(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\s.,;:!?"“”'‘’«»()]+/gu, ' ').trim();
}

/** Problems of a question (empty when valid), checked against the passages it may cite. */
export function validateQuestion(q: QuizQuestion, passages: readonly Passage[]): string[] {
  const problems: string[] = [];
  if (!QUESTION_KINDS.includes(q.kind)) problems.push(`unknown kind ${q.kind}`);
  if (q.choices.length !== 4) problems.push('not four choices');
  const normalised = q.choices.map(normaliseChoice);
  if (new Set(normalised).size !== q.choices.length || normalised.some((c) => c === '')) problems.push('choices are not all different and non-empty');
  const answer = q.choices[q.answerIndex];
  if (answer === undefined) problems.push('answerIndex out of range');
  else if (normaliseChoice(q.prompt).includes(normaliseChoice(answer))) problems.push('the prompt contains its answer');
  if (answer !== undefined && (q.kind === 'who' || q.kind === 'how_many' || q.kind === 'who_said') && !normaliseChoice(q.source.text).includes(normaliseChoice(answer))) {
    problems.push('the source passage does not contain the answer');
  }
  if (q.explanation.trim() === '' || q.explanation.includes('\n')) problems.push('explanation is not one line');
  if (!passages.some((p) => p.text === q.source.text && p.docId === q.source.docId)) problems.push('source is not a passage of the briefing');
  if (q.factKey.trim() === '') problems.push('no factKey');
  return problems;
}
