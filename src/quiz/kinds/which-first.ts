/** "Which of these happened first?": four past events of one story whose periods do not overlap, so that the order is certain. */
import { eventPeriod, periodDays, periodsOverlap } from '../../events/period.js';
import type { BriefingEvent } from '../../events/types.js';
import { text } from '../../messages/index.js';
import { formatPeriod } from '../../text/index.js';
import { arrangeChoices } from '../choices.js';
import { shuffled } from '../random.js';
import { QUIZ_TUNING } from '../tuning.js';
import { choiceLabel, choosable, eventsBeside, isAhead } from './event-choices.js';
import type { KindBuilder } from './types.js';

const start = (e: BriefingEvent): string => periodDays(eventPeriod(e))[0];
const DAY_MS = 24 * 3600 * 1000;

/**
 * Words by which a label tells its own place in an order (`later`, `finally`, `sau đó`, `cuối cùng`,
 * `the first variant`; a happening told again is no choice at all): with one among the choices, the order is read, not known.
 */
const ORDER_WORDS = /(?<![\p{L}\p{M}])(?:first|earliest|originally|later|again|finally|eventually|subsequently|thereafter|afterwards|last|late|then|đầu tiên|sớm nhất|ban đầu|sau đó|sau này|cuối cùng|muộn|lần cuối|tiếp theo)(?![\p{L}\p{M}])/iu;

/** Whether two events lie far enough apart that their order is not the order of one chain of happenings. */
const apart = (a: BriefingEvent, b: BriefingEvent): boolean =>
  !periodsOverlap(eventPeriod(a), eventPeriod(b)) && Math.abs(Date.parse(start(a)) - Date.parse(start(b))) >= QUIZ_TUNING.whichFirstMinGapDays * DAY_MS;

export const whichFirstQuestions: KindBuilder = (m) => {
  if (m.events.length < 4) return [];
  return Array.from({ length: QUIZ_TUNING.whichFirstDraws }, () => ({
    kind: 'which_first' as const,
    factKey: 'order',
    build: (r) => {
      const seed = shuffled(m.events.filter((e) => choosable(e, false, m) && !ORDER_WORDS.test(e.label) && !isAhead(eventPeriod(e), m.latestDate)), r)[0];
      if (seed === undefined) return null;
      const picked: BriefingEvent[] = [seed];
      const near = eventsBeside(m, seed, false, (o) => m.events.includes(o) && !ORDER_WORDS.test(o.label) && !isAhead(eventPeriod(o), m.latestDate) && start(o) > periodDays(eventPeriod(seed))[1], true);
      for (const e of shuffled(near.slice(0, QUIZ_TUNING.nearEventChoices * 2), r)) {
        if (!picked.every((x) => apart(x, e))) continue;
        picked.push(e);
        if (picked.length === 4) break;
      }
      if (picked.length < 4) return null;
      const inOrder = [...picked].sort((a, b) => start(a).localeCompare(start(b)));
      const first = inOrder[0];
      const cite = first?.citations[0];
      const source = cite === undefined ? null : m.sourceOf(cite.passageId, cite.sentence);
      if (first === undefined || source === null) return null;
      const arranged = arrangeChoices(choiceLabel(first, m), picked.filter((e) => e !== first).map((e) => choiceLabel(e, m)), r);
      if (arranged === null) return null;
      const dates = inOrder.map((e) => `${formatPeriod(eventPeriod(e), m.lang)}: ${choiceLabel(e, m)}`).join(' | ');
      return { kind: 'which_first', prompt: text(m.lang, 'questionWhichFirst'), ...arranged, explanation: dates, source, factKey: `order:${first.id}` };
    },
  }));
};
