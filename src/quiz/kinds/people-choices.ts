/** What "who" and "who said" share: three other people as distractors. */
import { words } from '../../text/index.js';
import { affiliationKey, sameAffiliation, writtenSurname as surname, type Person } from '../people.js';
import { shuffled, type Random } from '../random.js';
import type { QuizMaterial } from './types.js';

/**
 * Other people of the same story, written like the answer (full names, or surnames when the answer
 * is one word), never anyone the prompt names. The prompt rules some out: no one of a country it
 * sets against the answer's (`hy vọng phía Mỹ sẽ tuân thủ` said by a Russian: no American is
 * offered), and when it names an office the answer holds (`Ngoại trưởng Marco Rubio và tôi`), only
 * holders of that office. Of those left, the answer's compatriots first, then people of no side
 * (no known country, or a body only they have), then, for an answer of no side, the rest; within each, the same article's people before those of its story (a poet
 * is no distractor for a quarterback).
 */
export function otherPeople(m: QuizMaterial, answer: Person, answerText: string, docId: string, prompt: string, random: Random): string[] {
  // One format per question: a surname answer (`Lavrov`, `de Wit`) gets surnames, a full name full names.
  const short = !answerText.includes(' ') || (answerText === surname(answer.name) && answerText !== answer.name);
  const related = m.relatedArticles(docId);
  const known = new Set(m.people.people.flatMap((p) => (p.affiliation === null ? [] : [p.affiliation])));
  const named = new Set(words(prompt).map(affiliationKey).flatMap((w) => [...known].filter((k) => sameAffiliation(k, w))));
  const own = answer.affiliation;
  // A side is a country the corpus gives the answer and someone else. For an answer of no side (of no
  // known country, or of a body only they have, `Kremlin`), a prompt naming one country alone (`phía Mỹ`)
  // sets it against the speaker; one naming two (`giữa Nga - Mỹ`) sets neither.
  const side = own !== null && m.people.people.some((p) => p !== answer && p.affiliation !== null && sameAffiliation(p.affiliation, own));
  const against = side ? [...named].filter((k) => !sameAffiliation(k, own ?? '')) : named.size === 1 ? [...named] : [];
  const lower = prompt.toLowerCase();
  const offices = [...answer.offices].filter((o) => new RegExp(`(?<![\\p{L}\\p{M}])${o}(?![\\p{L}\\p{M}])`, 'u').test(lower));
  const others = m.people.people.filter(
    (p) =>
      p !== answer &&
      ![...p.forms].some((f) => prompt.includes(f)) &&
      !prompt.includes(surname(p.name)) &&
      // Against a named side, only people known to be of another are safe: one of no known country may be of it.
      !(against.length > 0 && (p.affiliation === null || against.some((k) => sameAffiliation(k, p.affiliation ?? '')))) &&
      offices.every((o) => p.offices.has(o)),
  );
  const sided = (p: Person): boolean => p.affiliation !== null && m.people.people.some((o) => o !== p && o.affiliation !== null && sameAffiliation(o.affiliation, p.affiliation ?? ''));
  // Of no side: no known country, or a body only they have (`Kremlin`): believable beside either side.
  const tier = (p: Person): number => (own !== null && p.affiliation !== null && sameAffiliation(p.affiliation, own) ? 0 : !sided(p) ? 1 : 2);
  // Someone of the other side in an answer's slot (`Trump` for a Kremlin aide's words) is ruled out by the
  // story itself: an answer of a side has its compatriots and people of no side as distractors, or no question.
  // An answer of no known side, among people of two sides or more (a Kremlin spokesman among Russians and
  // Americans), has people of no side only: one of either side would be the wrong one for half of them.
  const sidesAround = others.filter(sided).map((p) => p.affiliation ?? '').filter((a, i, all) => all.findIndex((b) => sameAffiliation(a, b)) === i);
  const tiers = side ? [0, 1] : sidesAround.length >= 2 ? [1] : [0, 1, 2];
  return tiers.flatMap((t) => {
    const mine = others.filter((p) => tier(p) === t);
    const inArticle = shuffled(mine.filter((p) => p.docIds.has(docId)), random);
    const inStory = shuffled(mine.filter((p) => !p.docIds.has(docId) && [...p.docIds].some((d) => related.has(d))), random);
    return [...inArticle, ...inStory].map((p) => (short ? surname(p.name) : p.name));
  });
}
