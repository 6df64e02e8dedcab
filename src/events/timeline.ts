/** The timeline: events in date order, filtered by an inclusive from/to at any precision. */
import { ERROR_CODES, UserError } from '../errors.js';
import { eventPeriod, periodDays, type Period } from './period.js';
import type { BriefingEvent, TimelineRequest, TimelineResult } from './types.js';

const PARTIAL_DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/u;

function checkBound(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (!PARTIAL_DATE.test(v)) throw new UserError(ERROR_CODES.BAD_DATE, 'badDateBound', { option: name, value: v });
  return v;
}

/** An event is inside [from, to] when its own period (a whole month, year, decade… at lower precision) overlaps it. */
export function buildTimeline(events: readonly BriefingEvent[], request: TimelineRequest = {}): TimelineResult {
  const from = checkBound('from', request.from);
  const to = checkBound('to', request.to);
  if (from !== undefined && to !== undefined && from.localeCompare(to) > 0 && !to.startsWith(from)) {
    throw new UserError(ERROR_CODES.BAD_DATE, 'dateRangeReversed', { from, to });
  }
  const bound = (value: string): Period => ({ value, precision: value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day' });
  const first = from === undefined ? undefined : periodDays(bound(from))[0];
  const last = to === undefined ? undefined : periodDays(bound(to))[1];
  const inside = events.filter((e) => {
    const [start, end] = periodDays(eventPeriod(e));
    return (last === undefined || start <= last) && (first === undefined || end >= first);
  });
  return { events: [...inside].sort((a, b) => a.date.localeCompare(b.date)) };
}
