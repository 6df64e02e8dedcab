/** "Fill in the blank": a person's name blanked out of a sentence, three other people as distractors. */
import { text } from '../../messages/index.js';
import { BLANK, arrangeChoices } from '../choices.js';
import { PROMPT_MAX_CHARS } from '../check.js';
import type { Person } from '../people.js';
import { sentenceLeansBack } from './referents.js';
import { otherPeople } from './people-choices.js';
import { fillInProblem, sentenceWindow } from './sentence-window.js';
import type { Candidate, KindBuilder } from './types.js';

/** A conjunction and a name on the other side of a blank (`giữa ông ____ và ông Trump`, `Witkoff and ____`). */
const PAIRED_AFTER = /^\s+(?:và|and|cùng|với|&)\s+(?:(?:ông|bà|Mr\.?|Mrs\.?|Ms\.?)\s+)?\p{Lu}/u;
const PAIRED_BEFORE = /\p{Lu}[\p{L}\p{M}]*\s+(?:và|and|cùng|với|&)\s+(?:(?:ông|bà|Mr\.?|Mrs\.?|Ms\.?)\s+)?$/u;

/**
 * Whether a name stands beside another in a pair (`cuộc gặp giữa ông Putin và ông Trump`, `đặc phái viên Witkoff
 * và Kushner`): the partner gives the blank away to anyone who follows the story, and the pair's other side rules
 * out half the distractors.
 */
export function pairedWithName(sentence: string, at: { start: number; end: number }): boolean {
  return PAIRED_AFTER.test(sentence.slice(at.end)) || PAIRED_BEFORE.test(sentence.slice(Math.max(0, at.start - 40), at.start).replace(/(?:ông|bà)\s+$/u, ''));
}

export const whoQuestions: KindBuilder = (m) => {
  const out: Candidate[] = [];
  for (const p of m.passages) {
    for (const s of p.sentences) {
      if (fillInProblem(s.text, p.docId, m) !== null) continue;
      const mentions = m.people.mentions(s.text, p.docId);
      for (const person of new Set<Person>(mentions.map((x) => x.person))) {
        const own = mentions.filter((x) => x.person === person);
        // The office beside the blank (`Ngoại trưởng Nga ____`, `Foreign Minister ____`) fits one
        // choice only, as distractors are the story's other people, whatever their office.
        if (own.some((x) => x.roleGiven) || own.some((x) => sentenceLeansBack(s.text, [p.docId], m, x) || pairedWithName(s.text, x))) continue;
        const answer = own.map((x) => x.text).sort((a, b) => b.length - a.length)[0] ?? person.name;
        const factKey = `who:${person.name}:${p.docId}:${s.index}`;
        out.push({
          kind: 'who',
          factKey,
          build: (r) => {
            let blanked = s.text;
            for (const x of [...own].reverse()) blanked = `${blanked.slice(0, x.start)}${BLANK}${blanked.slice(x.end)}`;
            const first = blanked.indexOf(BLANK);
            const room = PROMPT_MAX_CHARS - text(m.lang, 'questionWho', { sentence: '' }).length;
            const window = sentenceWindow(blanked, first, first + BLANK.length, room);
            if (window === null) return null;
            const prompt = text(m.lang, 'questionWho', { sentence: window });
            const arranged = arrangeChoices(answer, otherPeople(m, person, answer, p.docId, prompt, r), r);
            const source = m.sourceOf(p.id, s.text);
            if (source === null || arranged === null) return null;
            return { kind: 'who', prompt, ...arranged, explanation: text(m.lang, 'questionAccordingTo', { ...m.citedAs(source.docId), says: s.text }), source, factKey };
          },
        });
      }
    }
  }
  return out;
};
