import { describe, expect, it } from 'vitest';
import { corpusAnchor, dateExpressionSpans, findDates, type DateAnchor } from '../../src/events/dates.js';

const published: DateAnchor = { date: '2025-12-04', kind: 'publication' };
const resolve = (text: string, anchor: DateAnchor | null = published) => findDates(text, anchor).map((d) => [d.value, d.precision, d.resolution]);

describe('findDates', () => {
  it.each([
    ['ngày 2/12', '2025-12-02', 'day', 'publication'],
    ['hôm 3/12', '2025-12-03', 'day', 'publication'],
    ['họp vào 2/12 tới', '2025-12-02', 'day', 'publication'],
    ['ngày 15 tháng 8', '2025-08-15', 'day', 'publication'],
    ['15/8', '2025-08-15', 'day', 'publication'],
    ['15/8/2024', '2024-08-15', 'day', 'explicit'],
    ['tháng 6/2024', '2024-06', 'month', 'explicit'],
    ['tháng 6 năm 2024', '2024-06', 'month', 'explicit'],
    ['hồi tháng 8', '2025-08', 'month', 'publication'],
    ['đầu tháng này', '2025-12', 'month', 'publication'],
    ['giữa tháng này', '2025-12', 'month', 'publication'],
    ['cuối tháng này', '2025-12', 'month', 'publication'],
    ['tháng trước', '2025-11', 'month', 'publication'],
    ['hôm nay', '2025-12-04', 'day', 'publication'],
    ['hôm qua', '2025-12-03', 'day', 'publication'],
    ['năm 2026', '2026', 'year', 'explicit'],
    ['từ năm 2004', '2004', 'year', 'explicit'],
    ['December 2', '2025-12-02', 'day', 'publication'],
    ['2 Dec 2025', '2025-12-02', 'day', 'explicit'],
    ['last month', '2025-11', 'month', 'publication'],
    ['on Monday', '2025-12-01', 'day', 'publication'],
    ['On Thursday', '2025-12-04', 'day', 'publication'],
    ['hôm thứ Ba', '2025-12-02', 'day', 'publication'],
    ['vào Chủ nhật', '2025-11-30', 'day', 'publication'],
    ['Sept. 15', '2025-09-15', 'day', 'publication'],
    ['a rally is planned on Saturday', '2025-12-06', 'day', 'publication'],
    ['họ sẽ gặp lại vào thứ Hai', '2025-12-08', 'day', 'publication'],
    ['đoàn đã tới Hà Nội hôm thứ Hai', '2025-12-01', 'day', 'publication'],
    ['They met on Friday. They will meet again soon', '2025-11-28', 'day', 'publication'],
  ])('GIVEN "%s" in an article of 4 Dec 2025 THEN it is %s at %s precision (%s)', (text, value, precision, resolution) => {
    expect(resolve(text)).toEqual([[value, precision, resolution]]);
  });

  it.each(['28 điểm', '5 giờ', '19%', '210 tỷ euro', '4 tỉnh', 'Thế chiến thứ hai', 'chiếm khoảng 1/3 dân số', 'lần thứ năm liên tiếp', 'Monday Motors'])('does not take "%s" for a date', (text) => {
    expect(resolve(text)).toEqual([]);
  });

  it('GIVEN an article dated 2 January that says "ngày 28/12" THEN the date is in the previous year', () => {
    expect(resolve('ngày 28/12', { date: '2026-01-02', kind: 'publication' })).toEqual([['2025-12-28', 'day', 'publication']]);
  });

  it('GIVEN a month later in the year than an early publication date THEN it is last year\'s month', () => {
    expect(resolve('hồi tháng 11', { date: '2026-01-10', kind: 'publication' })).toEqual([['2025-11', 'month', 'publication']]);
  });

  it('GIVEN an undated article THEN day/month dates take the corpus year and say it is inferred', () => {
    const anchor = corpusAnchor([null, '2025-11-09', '2025-12-04']);
    expect(anchor).toEqual({ date: '2025-12-04', kind: 'inferred' });
    expect(resolve('ngày 2/12', anchor)).toEqual([['2025-12-02', 'day', 'inferred']]);
  });

  it('GIVEN an undated article THEN "hôm nay" and "tháng trước" are left unresolved rather than invented', () => {
    expect(resolve('hôm nay và tháng trước', { date: '2025-12-04', kind: 'inferred' })).toEqual([]);
    expect(resolve('ngày 2/12', null)).toEqual([]);
    expect(resolve('on Monday, hôm thứ Hai', { date: '2025-12-04', kind: 'inferred' })).toEqual([]);
  });

  it('keeps offsets of the expression in the text', () => {
    const [d] = findDates('Điện Kremlin ngày 7/11 đã bác bỏ', published, 100);
    expect(d).toMatchObject({ text: 'ngày 7/11', start: 113, end: 122, value: '2025-11-07' });
  });
});

describe('findDates: spans of time, read with their own precision or not at all', () => {
  const read = (text: string) => findDates(text, published).map((d) => [d.text, d.value, d.precision, d.until ?? null]);

  it.each([
    ['Art theft peaked in the 1990s.', [['the 1990s', '1990', 'decade', null]]],
    ['Tình hình xấu đi trong những năm 1980.', [['những năm 1980', '1980', 'decade', null]]],
    ['thập niên 1990', [['thập niên 1990', '1990', 'decade', null]]],
    ['It shut from 2015 to 2017.', [['from 2015 to 2017', '2015', 'year', '2017']]],
    ['painted between 1650 and 1655', [['between 1650 and 1655', '1650', 'year', '1655']]],
    ['the war of 1654-57', [['1654-57', '1654', 'year', '1657']]],
    ['từ năm 1914 đến năm 1945', [['từ năm 1914 đến năm 1945', '1914', 'year', '1945']]],
    ['in the 17th century', [['the 17th century', '1600', 'century', null]]],
    ['vào thế kỷ XVII', [['thế kỷ XVII', '1600', 'century', null]]],
    ['thế kỷ thứ 10', [['thế kỷ thứ 10', '0900', 'century', null]]],
    ['in the summer of 1521', [['in the summer of 1521', '1521', 'year', null]]],
    ['an audit in 2019 recommended new sensors', [['in 2019', '2019', 'year', null]]],
  ])('GIVEN "%s" THEN %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each(['settled about 9000 BP', 'in 500 BC', 'năm 500 TCN', '500 năm trước Công nguyên', 'four 17th-century paintings', 'a force of 1500 troops', 'around 1500 men'])(
    'GIVEN "%s" THEN no date (never a wrong year)',
    (text) => {
      expect(read(text)).toEqual([]);
    },
  );

  it('GIVEN a month without a year after a preposition THEN the latest such month up to a few months ahead of the publication date; the verb "may" is no month', () => {
    expect(read('They go back on display in May.')).toEqual([['in May', '2025-05', 'month', null]]);
    expect(read('It may rain.')).toEqual([]);
  });
});

describe('dateExpressionSpans', () => {
  it('GIVEN eras and ages that date nothing THEN they are no date expression; every resolvable or relative form is', () => {
    const text = 'Four 17th-century paintings, made about 500 BC, were sold yesterday and on 2 March 2025.';
    expect(dateExpressionSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['yesterday', '2 March 2025']);
  });
});
