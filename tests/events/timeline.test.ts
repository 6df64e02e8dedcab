import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { chunkCorpus } from '../../src/corpus/chunk.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { extractEvents } from '../../src/events/extract.js';
import { buildTimeline } from '../../src/events/timeline.js';
import type { BriefingEvent } from '../../src/events/types.js';

let events: BriefingEvent[];
const ids = (e: BriefingEvent) => e.citations.map((c) => c.docId.slice(0, 3)).sort();

beforeAll(async () => {
  const { articles } = await loadCorpus(path.resolve(import.meta.dirname, '../../corpus'));
  events = extractEvents(articles, chunkCorpus(articles));
});

describe('the demo corpus timeline', () => {
  it.each([
    ["Putin's conditions of June 2024", '2024-06', 'month', /điều kiện cốt lõi/u],
    ['the Alaska summit of 15 August 2025 at Anchorage', '2025-08-15', 'day', /Anchorage/u],
    ['the 7 November 2025 Kremlin denial about Lavrov', '2025-11-07', 'day', /bác bỏ các tin đồn/u],
    ['the NATO foreign ministers meeting in Brussels on 3 December', '2025-12-03', 'day', /Brussels/u],
    ["Ushakov's statement of 3 December", '2025-12-03', 'day', /Ushakov/u],
    ["New START's expiry in February 2026", '2026-02', 'month', /New START/u],
  ])('holds %s', (_name, date, precision, sentence) => {
    expect(events.some((e) => e.date === date && e.precision === precision && sentence.test(e.sentence))).toBe(true);
  });

  it('GIVEN three articles reporting the 2 December Kremlin meeting THEN it is one event citing 000, 001 and 002', () => {
    const meeting = events.find((e) => e.date === '2025-12-02' && /Kremlin/u.test(e.sentence) && e.actors.some((a) => a.includes('Witkoff')));
    expect(meeting).toBeDefined();
    expect(ids(meeting!)).toEqual(['000', '001', '002']);
  });

  it('holds nothing from 003\'s related-news block nor any photo caption', () => {
    const text = events.map((e) => `${e.sentence} ${e.citations.map((c) => c.sentence).join(' ')}`).join(' ');
    for (const outside of ['Greenland', 'Nhật Bản', 'Venezuela', 'Ảnh:', '23/1']) expect(text).not.toContain(outside);
    expect(events.every((e) => e.date.localeCompare('2027') < 0 && e.date.localeCompare('2004') >= 0)).toBe(true);
  });

  it('marks the year of an undated article\'s dates as inferred', () => {
    const fromUndated = events.filter((e) => e.citations[0]?.docId.startsWith('000') && e.precision === 'day');
    expect(fromUndated.length).toBeGreaterThan(0);
    expect(fromUndated.every((e) => e.resolution === 'inferred')).toBe(true);
  });

  it('filters by --from / --to at any precision and stays chronological', () => {
    const december = buildTimeline(events, { from: '2025-12', to: '2025-12' }).events;
    expect(december.length).toBeGreaterThan(0);
    expect(december.every((e) => e.date.startsWith('2025-12'))).toBe(true);
    const all = buildTimeline(events).events.map((e) => e.date);
    expect(all).toEqual([...all].sort());
    expect(buildTimeline(events, { to: '2024' }).events.every((e) => e.date <= '2024-12-31')).toBe(true);
  });

  it('rejects a malformed bound with BAD_DATE', () => {
    expect(() => buildTimeline(events, { from: '12/2025' })).toThrow(expect.objectContaining({ code: 'BAD_DATE' }));
  });
});
