/** What "who" and "who said" share: three other people as distractors. */
import { writtenSurname as surname, type Person } from '../people.js';
import { shuffled, type Random } from '../random.js';
import type { QuizMaterial } from './types.js';

/**
 * Other people, written like the answer (full names, or surnames when the answer is one word):
 * the same article's people first, then the rest of the briefing's; never anyone the prompt names.
 */
export function otherPeople(m: QuizMaterial, answer: Person, answerText: string, docId: string, prompt: string, random: Random): string[] {
  const short = !answerText.includes(' ');
  const others = m.people.people.filter((p) => p !== answer && ![...p.forms].some((f) => prompt.includes(f)) && !prompt.includes(surname(p.name)));
  const inArticle = shuffled(others.filter((p) => p.docIds.has(docId)), random);
  const elsewhere = shuffled(others.filter((p) => !p.docIds.has(docId)), random);
  return [...inArticle, ...elsewhere].map((p) => (short ? surname(p.name) : p.name));
}
