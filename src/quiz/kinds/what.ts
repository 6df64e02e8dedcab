/** "What happened in P?": four events, one of them in P and none of the others at any time P covers. */
import { eventPeriod, periodsOverlap } from '../../events/period.js';
import { text } from '../../messages/index.js';
import { periodPhrase } from '../../text/index.js';
import { arrangeChoices } from '../choices.js';
import { shuffled } from '../random.js';
import { isAhead } from './event-choices.js';
import type { KindBuilder } from './types.js';

export const whatQuestions: KindBuilder = (m) =>
  m.events.flatMap((e) => {
    const cite = e.citations[0];
    if (cite === undefined) return [];
    const factKey = `event:${e.id}`;
    return [{
      kind: 'what' as const,
      factKey,
      build: (r) => {
        const source = m.sourceOf(cite.passageId, cite.sentence);
        const period = eventPeriod(e);
        const others = shuffled(m.allEvents.filter((o) => !periodsOverlap(eventPeriod(o), period)), r).map((o) => o.label);
        const arranged = arrangeChoices(e.label, others, r);
        if (source === null || arranged === null) return null;
        const prompt = text(m.lang, isAhead(period, m.latestDate) ? 'questionWhatAhead' : 'questionWhat', { when: periodPhrase(period, m.lang) });
        return { kind: 'what', prompt, ...arranged, explanation: text(m.lang, 'questionAccordingTo', { title: cite.title, says: `${e.label}.` }), source, factKey };
      },
    }];
  });
