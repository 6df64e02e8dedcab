/** "When did this happen?": an event's label, four periods at its precision. */
import { eventPeriod } from '../../events/period.js';
import { formatPeriod } from '../../text/index.js';
import { arrangeChoices } from '../choices.js';
import { isAhead, nearbyPeriods } from './event-choices.js';
import type { KindBuilder } from './types.js';

export const whenQuestions: KindBuilder = (m) =>
  m.events.flatMap((e) => {
    const cite = e.citations[0];
    if (cite === undefined) return [];
    const factKey = `event:${e.id}`;
    return [{
      kind: 'when' as const,
      factKey,
      build: (r) => {
        const source = m.sourceOf(cite.passageId, cite.sentence);
        const period = eventPeriod(e);
        const answer = formatPeriod(period, m.lang);
        const arranged = arrangeChoices(answer, nearbyPeriods(period, r).map((p) => formatPeriod(p, m.lang)), r);
        if (source === null || arranged === null) return null;
        return { kind: 'when', prompt: (isAhead(period, m.latestDate) ? m.text.whenAhead : m.text.when)(e.label), ...arranged, explanation: `${m.text.source(cite.title)}: "${e.dateText}" → ${answer}.`, source, factKey };
      },
    }];
  });
