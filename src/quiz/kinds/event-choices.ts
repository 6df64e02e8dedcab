/** What the event kinds (when, what, which came first) share: the event told without its date, and nearby dates. */
import type { BriefingEvent } from '../../events/types.js';
import { shuffled, type Random } from '../random.js';
import { QUIZ_TUNING } from '../tuning.js';

/** The event's label without the date expression it was found by. */
export function eventWhat(e: BriefingEvent): string {
  return e.label.replace(e.dateText, '').replace(/\s{2,}/gu, ' ').replace(/\s+([,.)])/gu, '$1').trim();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Dates near `value` at its precision: plausible, different, never the answer. */
export function nearbyDates(value: string, random: Random): string[] {
  const [y = 0, m, d] = value.split('-').map(Number);
  return shuffled(QUIZ_TUNING.dateDistractorOffsets, random).map((k) => {
    if (d !== undefined && m !== undefined) {
      const t = new Date(Date.UTC(y, m - 1, d + k));
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
    }
    if (m !== undefined) {
      const t = new Date(Date.UTC(y, m - 1 + k, 1));
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
    }
    return String(y + k);
  });
}
