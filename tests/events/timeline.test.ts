import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { chunkCorpus } from '../../src/corpus/chunk.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { extractEvents } from '../../src/events/extract.js';
import { buildTimeline } from '../../src/events/timeline.js';
import type { BriefingEvent } from '../../src/events/types.js';
import type { Article } from '../../src/corpus/types.js';
import { dateExpressionSpans } from '../../src/events/dates.js';
import { labelProblem } from '../../src/events/label.js';

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
  ])('holds %s, once', (_name, date, precision, sentence) => {
    const reported = (e: BriefingEvent) => [e.sentence, ...e.citations.map((c) => c.sentence)].some((s) => sentence.test(s));
    expect(events.filter((e) => e.date === date && e.precision === precision && reported(e))).toHaveLength(1);
  });

  it('GIVEN the 2 December meeting reported five ways in three articles THEN it is one entry', () => {
    expect(events.filter((e) => e.date === '2025-12-02')).toHaveLength(1);
  });

  it('GIVEN the Kremlin\'s, Ushakov\'s and Peskov\'s statements of 3 December and the NATO meeting that day THEN two entries: the statements (citing 001 and 002) and the meeting', () => {
    const third = events.filter((e) => e.date === '2025-12-03');
    expect(third).toHaveLength(2);
    const nato = third.find((e) => /NATO/u.test(e.label));
    const statements = third.find((e) => e !== nato);
    expect(nato?.label).toMatch(/Brussels/u);
    expect(statements === undefined ? [] : ids(statements)).toEqual(['001', '002']);
  });

  it('GIVEN every event THEN its label reads alone: no fragment, no other date in it', () => {
    for (const e of events) {
      expect(labelProblem(e.label, 'vi'), e.label).toBeNull();
      expect(dateExpressionSpans(e.label), e.label).toEqual([]);
    }
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

describe('the timeline of an English news story (quiz-news-en)', () => {
  let news: BriefingEvent[];
  beforeAll(async () => {
    const { articles } = await loadCorpus(path.resolve(import.meta.dirname, '../fixtures/quiz-news-en'));
    news = extractEvents(articles, chunkCorpus(articles));
  });

  it.each([
    ['the collection bought in the 1920s', '1920', 'decade', /Arne Verholt bought/u],
    ['the museum opening in 1998', '1998', 'year', /^The Verholt Museum opened/u],
    ['the Oslo theft of 2004 (not "the largest since 2004")', '2004', 'year', /^Two paintings were taken from a gallery in Oslo/u],
    ['the alarm upgrade of 2011', '2011', 'year', /alarm system was last upgraded/u],
    ['the closure from 2015 to 2017', '2015', 'year', /^The museum shut while its roof was rebuilt/u],
    ['the audit of 2019', '2019', 'year', /^An audit recommended new sensors/u],
    ['the break-in of the night of March 2 (not the Monday the police told of it)', '2025-03-02', 'day', /paintings worth 38 million euros were cut from their frames/u],
    ['the police images of Wednesday 5 March', '2025-03-05', 'day', /^Lindmark police released security camera images/u],
    ['the arrests in Rotterdam on Wednesday 12 March', '2025-03-12', 'day', /^Dutch police arrested two men in Rotterdam/u],
    ['the reward of Thursday 6 March', '2025-03-06', 'day', /reward of up to 250,000 euros/u],
    ['the recovery of three paintings on Thursday 20 March', '2025-03-20', 'day', /^Police recovered three of the four paintings/u],
    ['the reopening on 2 April', '2025-04-02', 'day', /^The Verholt Museum of Art reopened/u],
    ['the paintings back on display in May', '2025-05', 'month', /back on display/u],
    ['the trial from 16 June', '2025-06-16', 'day', /^The trial of the two men arrested in Rotterdam/u],
  ])('holds %s, labelled so that it reads alone', (_name, date, precision, label) => {
    const event = news.find((e) => e.date === date && e.precision === precision && label.test(e.label));
    expect(event, news.map((e) => `${e.date} ${e.label}`).join('\n')).toBeDefined();
    expect(labelProblem(event?.label ?? '', 'en')).toBeNull();
  });

  it('GIVEN the theft told as "overnight, police said on Monday" and as "on the night of March 2" THEN one event, of March 2: the police\'s Monday dates their saying', () => {
    const theft = news.filter((e) => /broke into|cut from their frames/iu.test(e.label));
    expect(theft.map((e) => e.date)).toEqual(['2025-03-02']);
    expect(news.filter((e) => e.date === '2025-03-03')).toEqual([]);
  });

  it('GIVEN the closure from 2015 to 2017 THEN the span keeps both years', () => {
    expect(news.find((e) => e.date === '2015')?.until).toBe('2017');
  });
});

describe('one happening told at two precisions', () => {
  it('GIVEN an arrest "earlier this month" and "on Wednesday" in one article THEN one event, dated to the day', () => {
    const sentences = [
      'Dutch police have arrested two men in Rotterdam over the theft of four paintings earlier this month, prosecutors said on Thursday.',
      'The two men, aged 34 and 41, were detained on Wednesday in a flat near the port after a joint investigation.',
    ].map((text, index) => ({ text, index, paragraph: index, start: 0, end: 0 }));
    const article = { docId: 'arrest', title: 'Two arrested', date: '2025-03-13', sentences } as unknown as Article;
    const passages = [{ id: 'arrest#0', docId: 'arrest', text: sentences.map((s) => s.text).join(' '), start: 0, end: 0, sentences }];
    const arrests = extractEvents([article], passages).filter((e) => /arrested|detained/u.test(e.label));
    expect(arrests.map((e) => [e.date, e.precision])).toEqual([['2025-03-12', 'day']]);
    expect(arrests[0]?.citations.map((c) => c.sentence)).toEqual([sentences[1]?.text]);
  });

  it('GIVEN one article dating a premiere and a channel launch to the same year THEN two events, each citing its own sentence', () => {
    const texts = [
      'The opulent drama Dynasty premiered on the network as a midseason series in 1981.',
      'In 1981, ABC launched the Alpha Repertory Television Service, a cable channel offering arts programming.',
    ];
    const article = { docId: 'abc', title: 'ABC', date: null, sentences: texts.map((text, index) => ({ text, index, paragraph: index, start: 0, end: 0 })) } as unknown as Article;
    const events = extractEvents([article], [{ id: 'abc#0', docId: 'abc', text: '', start: 0, end: 0, sentences: article.sentences }]);
    expect(events.filter((e) => e.date === '1981').map((e) => e.sentence).sort()).toEqual([...texts].sort());
  });

  it('GIVEN two articles that each say "this month" of a different day\'s happening THEN two events, each on its own day', () => {
    const article = (docId: string, date: string, texts: string[]): Article =>
      ({ docId, title: docId, date, sentences: texts.map((text, index) => ({ text, index, paragraph: index, start: 0, end: 0 })) }) as unknown as Article;
    const arrests = article('arrests', '2025-03-13', [
      'Police have arrested two men in connection with the theft of four paintings from the Verholt Museum this month, prosecutors said.',
      'The two men, aged 34 and 41, were detained on Wednesday in a flat near the port after a joint investigation.',
    ]);
    const recovery = article('recovery', '2025-03-21', [
      'Police have recovered three of the four paintings from the Verholt Museum this month, finding them in a storage unit.',
      'Belgian officers searched the storage unit on Thursday after a tip from Dutch investigators.',
    ]);
    const passages = [arrests, recovery].map((a) => ({ id: `${a.docId}#0`, docId: a.docId, text: '', start: 0, end: 0, sentences: a.sentences }));
    const events = extractEvents([arrests, recovery], passages);
    expect(events.map((e) => [e.date, e.citations.map((c) => c.docId)])).toEqual([
      ['2025-03-12', ['arrests']],
      ['2025-03-20', ['recovery']],
    ]);
  });
});
