/** What the event kinds (when, what, which came first) share: periods near an event's, at its precision. */
import { periodDays, type Period } from '../../events/period.js';
import { shuffled, type Random } from '../random.js';
import { QUIZ_TUNING } from '../tuning.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** One step of a period's own size: a day, a month, a year, ten years, a hundred years. */
function shifted(p: Period, k: number): Period {
  const [y = 0, m, d] = p.value.split('-').map(Number);
  switch (p.precision) {
    case 'day': {
      const t = new Date(Date.UTC(y, (m ?? 1) - 1, (d ?? 1) + k));
      return { value: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`, precision: 'day' };
    }
    case 'month': {
      const t = new Date(Date.UTC(y, (m ?? 1) - 1 + k, 1));
      return { value: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`, precision: 'month' };
    }
    case 'year':
      return p.until === undefined ? { value: String(y + k), precision: 'year' } : { value: String(y + k), precision: 'year', until: String(Number(p.until) + k) };
    case 'decade':
      return { value: String(y + 10 * k), precision: 'decade' };
    case 'century':
      return { value: pad(y + 100 * k, 4), precision: 'century' };
  }
}

/**
 * Periods near `p` at its precision: plausible, different, never the answer, never before year 1,
 * and a decade or century never after the latest year the briefing speaks of (`thế kỷ 22`).
 */
export function nearbyPeriods(p: Period, random: Random, latestYear: number): Period[] {
  const wide = p.precision === 'decade' || p.precision === 'century';
  const steps = wide ? QUIZ_TUNING.wideDateDistractorSteps : QUIZ_TUNING.dateDistractorOffsets;
  return shuffled(steps, random)
    .map((k) => shifted(p, k))
    .filter((x) => Number(x.value.slice(0, 4)) > 0 && (!wide || Number(x.value.slice(0, 4)) <= Math.max(latestYear, Number(p.value.slice(0, 4)))));
}

/** Whether a period starts after the briefing's latest article: it is still ahead of the reader. */
export function isAhead(p: Period, latestDate: string | null): boolean {
  return latestDate !== null && periodDays(p)[0] > latestDate;
}
