/** "What happened in P?": four events of one story and tense, one of them in P and none of the others at any time P covers. */
import { eventPeriod, periodsOverlap } from '../../events/period.js';
import { text } from '../../messages/index.js';
import { periodPhrase } from '../../text/index.js';
import { arrangeChoices } from '../choices.js';
import { shuffled } from '../random.js';
import { QUIZ_TUNING } from '../tuning.js';
import { choiceLabel, choosable, eventsBeside, isAhead } from './event-choices.js';
import type { KindBuilder } from './types.js';

export const whatQuestions: KindBuilder = (m) =>
  m.events.flatMap((e) => {
    const cite = e.citations[0];
    if (cite === undefined) return [];
    const ahead = isAhead(eventPeriod(e), m.latestDate);
    // A span of years (`ruled from 1321 to 1323`) is told as one, unlike the single happenings beside it.
    if (e.until !== undefined || !choosable(e, ahead, m)) return [];
    const factKey = `event:${e.id}`;
    return [{
      kind: 'what' as const,
      factKey,
      build: (r) => {
        const source = m.sourceOf(cite.passageId, cite.sentence);
        const period = eventPeriod(e);
        // For a decade or a century, a trend or an era, only others of its precision: a single year's happening beside it stands out by its kind.
        const wide = period.precision === 'decade' || period.precision === 'century';
        const near = eventsBeside(m, e, ahead, (o) => !periodsOverlap(eventPeriod(o), period) && (!wide || o.precision === period.precision), false);
        const others = shuffled(near.slice(0, QUIZ_TUNING.nearEventChoices), r).map((o) => choiceLabel(o, m));
        const arranged = arrangeChoices(choiceLabel(e, m), others, r);
        if (source === null || arranged === null) return null;
        const prompt = text(m.lang, ahead ? 'questionWhatAhead' : 'questionWhat', { when: periodPhrase(period, m.lang) });
        return { kind: 'what', prompt, ...arranged, explanation: text(m.lang, 'questionAccordingTo', { ...m.citedAs(cite.docId), says: `${e.label}.` }), source, factKey };
      },
    }];
  });
