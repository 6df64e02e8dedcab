/** What "who" and "who said" share: three other people as distractors. */
import { writtenSurname as surname, type Person } from '../people.js';
import { shuffled, type Random } from '../random.js';
import type { QuizMaterial } from './types.js';

/**
 * Other people of the same story, written like the answer (full names, or surnames when the answer
 * is one word): the same article's people first, then those of articles on the same story (a poet
 * is no distractor for a quarterback); never anyone the prompt names.
 */
export function otherPeople(m: QuizMaterial, answer: Person, answerText: string, docId: string, prompt: string, random: Random): string[] {
  const short = !answerText.includes(' ');
  const related = m.relatedArticles(docId);
  const others = m.people.people.filter((p) => p !== answer && ![...p.forms].some((f) => prompt.includes(f)) && !prompt.includes(surname(p.name)));
  const inArticle = shuffled(others.filter((p) => p.docIds.has(docId)), random);
  const inStory = shuffled(others.filter((p) => !p.docIds.has(docId) && [...p.docIds].some((d) => related.has(d))), random);
  return [...inArticle, ...inStory].map((p) => (short ? surname(p.name) : p.name));
}
