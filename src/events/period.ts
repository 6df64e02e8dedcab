/**
 * The stretch of time a resolved date covers, at its precision: a day, a whole month or year, a
 * span of years, a decade or a century. Filters and comparisons use it, so that `the 1990s` is
 * inside `--from 1995` and `2025-12` is not before `2025-12-02`.
 */
import type { CalendarPeriod } from '../text/index.js';
import type { BriefingEvent } from './types.js';

export type Period = CalendarPeriod;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const lastDayOfMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The first and the last day of a period, as `YYYY-MM-DD`. */
export function periodDays(p: Period): [string, string] {
  const [y = 0, m, d] = p.value.split('-').map(Number);
  const year = pad(y, 4);
  switch (p.precision) {
    case 'day':
      return [`${year}-${pad(m ?? 1)}-${pad(d ?? 1)}`, `${year}-${pad(m ?? 1)}-${pad(d ?? 1)}`];
    case 'month':
      return [`${year}-${pad(m ?? 1)}-01`, `${year}-${pad(m ?? 1)}-${pad(lastDayOfMonth(y, m ?? 1))}`];
    case 'year':
      return [`${year}-01-01`, `${pad(Number(p.until ?? y), 4)}-12-31`];
    case 'decade':
      return [`${year}-01-01`, `${pad(y + 9, 4)}-12-31`];
    case 'century':
      return [`${year}-01-01`, `${pad(y + 99, 4)}-12-31`];
  }
}

/** Whether two periods share a day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const [aFrom, aTo] = periodDays(a);
  const [bFrom, bTo] = periodDays(b);
  return aFrom <= bTo && bFrom <= aTo;
}

/** The period of an event. */
export function eventPeriod(e: BriefingEvent): Period {
  return { value: e.date, precision: e.precision, ...(e.until === undefined ? {} : { until: e.until }) };
}
