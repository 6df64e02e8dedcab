/** "Fill in the blank": a person's full name blanked out of a sentence, three other people as distractors. */
import { BLANK, arrangeChoices } from '../choices.js';
import { shuffled } from '../random.js';
import { normaliseChoice } from '../check.js';
import type { Candidate, KindBuilder } from './types.js';

export const whoQuestions: KindBuilder = (m) => {
  const out: Candidate[] = [];
  for (const p of m.passages) {
    for (const s of p.sentences) {
      for (const actor of m.finder.actors(s.text)) {
        if (!m.persons.has(actor)) continue;
        const words = actor.split(' ');
        if (words.length < 2) continue;
        const last = words[words.length - 1] ?? actor;
        const factKey = `actor:${p.id}:${s.index}:${actor}`;
        out.push({
          kind: 'who',
          factKey,
          build: (r) => {
            const prompt = m.text.who(s.text.split(actor).join(BLANK).split(last).join(BLANK));
            const similar = m.people.filter((x) => x.split(' ').length === words.length && !x.endsWith(last) && !normaliseChoice(prompt).includes(normaliseChoice(x)));
            const arranged = arrangeChoices(actor, shuffled(similar, r), r);
            const source = m.sourceOf(p.id, s.text);
            if (source === null || arranged === null) return null;
            return { kind: 'who', prompt, ...arranged, explanation: `${m.text.source(source.title)}: ${s.text}`, source, factKey };
          },
        });
      }
    }
  }
  return out;
};
