/** "What happened on D?": four events, one of them on D. */
import { arrangeChoices } from '../choices.js';
import { shuffled } from '../random.js';
import { formatCalendarDate } from '../../text/index.js';
import { eventWhat } from './event-choices.js';
import type { KindBuilder } from './types.js';

export const whatQuestions: KindBuilder = (m) =>
  m.events.flatMap((e) => {
    const cite = e.citations[0];
    if (cite === undefined) return [];
    const factKey = `event:${e.date}:${e.label}`;
    return [{
      kind: 'what' as const,
      factKey,
      build: (r) => {
        const source = m.sourceOf(cite.passageId, cite.sentence);
        const others = shuffled(m.allEvents.filter((o) => o.date !== e.date && !o.date.startsWith(e.date) && !e.date.startsWith(o.date)), r).map(eventWhat);
        const arranged = arrangeChoices(eventWhat(e), others, r);
        if (source === null || arranged === null) return null;
        return { kind: 'what', prompt: m.text.what(formatCalendarDate(e.date, m.lang)), ...arranged, explanation: `${m.text.source(cite.title)}: ${e.label}.`, source, factKey };
      },
    }];
  });
