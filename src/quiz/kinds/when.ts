/** "When did this happen?": an event's label, four periods at its precision within its article's years, all past or all still ahead like the answer. */
import { eventPeriod } from '../../events/period.js';
import { text } from '../../messages/index.js';
import { formatPeriod } from '../../text/index.js';
import { arrangeChoices } from '../choices.js';
import { choosable, isAhead, nearbyPeriods, withinArticleYears } from './event-choices.js';
import type { KindBuilder } from './types.js';

export const whenQuestions: KindBuilder = (m) =>
  m.events.flatMap((e) => {
    const cite = e.citations[0];
    if (cite === undefined) return [];
    const ahead = isAhead(eventPeriod(e), m.latestDate);
    if (!choosable(e, ahead, m)) return [];
    const factKey = `event:${e.id}`;
    return [{
      kind: 'when' as const,
      factKey,
      build: (r) => {
        const source = m.sourceOf(cite.passageId, cite.sentence);
        const period = eventPeriod(e);
        const answer = formatPeriod(period, m.lang);
        const arranged = arrangeChoices(answer, nearbyPeriods(period, r, m.latestYear).filter((p) => isAhead(p, m.latestDate) === ahead && withinArticleYears(p, cite.docId, m)).map((p) => formatPeriod(p, m.lang)), r);
        if (source === null || arranged === null) return null;
        const prompt = text(m.lang, ahead ? 'questionWhenAhead' : 'questionWhen', { event: e.label });
        const explanation = text(m.lang, 'questionAccordingTo', { ...m.citedAs(cite.docId), says: `"${e.dateText}" → ${answer}.` });
        return { kind: 'when', prompt, ...arranged, explanation, source, factKey };
      },
    }];
  });
