/** "When did this happen?": an event told without its date, four dates at its precision. */
import { arrangeChoices } from '../choices.js';
import { formatCalendarDate } from '../../text/index.js';
import { eventWhat, nearbyDates } from './event-choices.js';
import type { KindBuilder } from './types.js';

export const whenQuestions: KindBuilder = (m) =>
  m.events.flatMap((e) => {
    const cite = e.citations[0];
    if (cite === undefined) return [];
    const factKey = `event:${e.date}:${e.label}`;
    return [{
      kind: 'when' as const,
      factKey,
      build: (r) => {
        const source = m.sourceOf(cite.passageId, cite.sentence);
        const answer = formatCalendarDate(e.date, m.lang);
        const arranged = arrangeChoices(answer, nearbyDates(e.date, r).map((d) => formatCalendarDate(d, m.lang)), r);
        if (source === null || arranged === null) return null;
        return { kind: 'when', prompt: m.text.when(eventWhat(e)), ...arranged, explanation: `${m.text.source(cite.title)}: "${e.dateText}" → ${answer}.`, source, factKey };
      },
    }];
  });
