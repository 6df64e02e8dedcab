/** "Which of these happened first?": four events at different dates (month or day precision). */
import type { BriefingEvent } from '../../events/types.js';
import { arrangeChoices } from '../choices.js';
import { shuffled } from '../random.js';
import { formatCalendarDate } from '../../text/index.js';
import { eventWhat } from './event-choices.js';
import type { KindBuilder } from './types.js';

export const whichFirstQuestions: KindBuilder = (m) => {
  const comparable = m.events.filter((e) => e.precision !== 'year');
  if (comparable.length < 4) return [];
  return [{
    kind: 'which_first',
    factKey: 'order',
    build: (r) => {
      const picked: BriefingEvent[] = [];
      for (const e of shuffled(comparable, r)) {
        if (picked.some((x) => x.date.startsWith(e.date) || e.date.startsWith(x.date))) continue;
        picked.push(e);
        if (picked.length === 4) break;
      }
      if (picked.length < 4) return null;
      const inOrder = [...picked].sort((a, b) => a.date.localeCompare(b.date));
      const first = inOrder[0];
      const cite = first?.citations[0];
      const source = cite === undefined ? null : m.sourceOf(cite.passageId, cite.sentence);
      if (first === undefined || source === null) return null;
      const arranged = arrangeChoices(eventWhat(first), picked.filter((e) => e !== first).map(eventWhat), r);
      if (arranged === null) return null;
      const dates = inOrder.map((e) => `${formatCalendarDate(e.date, m.lang)}: ${eventWhat(e)}`).join(' | ');
      return { kind: 'which_first', prompt: m.text.first, ...arranged, explanation: dates, source, factKey: `order:${first.id}` };
    },
  }];
};
