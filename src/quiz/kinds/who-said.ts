/** "Who said …?": a quotation whose speaker is certain and named in its sentence, and four people. */
import { text } from '../../messages/index.js';
import { arrangeChoices } from '../choices.js';
import { otherPeople } from './people-choices.js';
import type { KindBuilder } from './types.js';

export const whoSaidQuestions: KindBuilder = (m) =>
  // Only quotations whose own sentence names the speaker: after `she said` two people of the passage fit.
  m.quotations.filter((q) => q.named).map((q) => {
    const factKey = `said:${q.speaker.name}:${q.quote.slice(0, 60)}`;
    return {
      kind: 'who_said' as const,
      factKey,
      build: (r) => {
        const prompt = text(m.lang, 'questionWhoSaid', { quote: q.quote });
        const arranged = arrangeChoices(q.speaker.name, otherPeople(m, q.speaker, q.speaker.name, q.docId, prompt, r), r);
        const source = m.sourceOf(q.passageId, q.sentence);
        if (source === null || arranged === null) return null;
        return { kind: 'who_said', prompt, ...arranged, explanation: text(m.lang, 'questionAccordingTo', { ...m.citedAs(source.docId), says: `${q.sentence} (${q.speaker.name})` }), source, factKey };
      },
    };
  });
