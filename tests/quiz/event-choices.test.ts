import { describe, expect, it } from 'vitest';
import type { BriefingEvent } from '../../src/events/types.js';
import { choiceLabel, choosable, nearbyPeriods, unnamedSubject, withinArticleYears, type LabelReading } from '../../src/quiz/kinds/event-choices.js';
import { periodsOverlap } from '../../src/events/period.js';
import { seededRandom } from '../../src/quiz/random.js';
import { leansOnPrevious } from '../../src/quiz/kinds/sentence-window.js';

const event = (label: string, sentence = `${label}.`): BriefingEvent => ({ label, sentence, citations: [{ docId: 'a' }] }) as unknown as BriefingEvent;
/** A corpus whose article `a` is about a museum, whose common words are every lower-case word of the labels below. */
const reading: LabelReading = { commonWord: (w) => w === w.toLowerCase(), topicWords: () => new Set(['the', 'museum', 'theft']) };

describe('which events a quiz may offer as a choice', () => {
  it.each([
    ['Oxygen was discovered independently by Carl Wilhelm Scheele', false, true],
    ['Tổng thống Trump đã tạm hoãn hội nghị thượng đỉnh tại Budapest', false, true],
    ['Các bộ trưởng ngoại giao NATO sẽ họp tại Brussels', false, false],
    ['NATO foreign ministers will meet in Brussels', false, false],
    ['NATO foreign ministers will meet in Brussels', true, true],
    ['Điện Kremlin đã bác bỏ kế hoạch', true, false],
    ['A Spanish force attacked his settlement', false, false],
    ['Ba trong số những công trình nổi tiếng nhất của ông đã được xuất bản', false, false],
    ['Ông Lavrov gặp các đặc phái viên của ông Trump', false, true],
    ['Ngụ ý là Bergen op Zoom không bị lây nhiễm trực tiếp từ Anh', false, false],
    ['Implying Bergen op Zoom was not directly infected from England', false, false],
    ['“We owe it to the people of Lindmark to find out,” Mayor Brandt said', false, false],
    ['The resignation of Rajendra K. Pachauri', false, false],
    ['The arrival of Scottish engineers transformed Newcastle', false, true],
  ])('GIVEN "%s" in a question about what is ahead: %s THEN it is a choice: %s', (label, ahead, expected) => {
    expect(choosable(event(label), ahead, reading)).toBe(expected);
  });

  it('GIVEN a cited sentence that points back ("Thông tin này … ngày 3/12") and a label from its neighbour THEN no choice: the sentence does not prove it', () => {
    expect(choosable(event('Moscow mô tả cuộc trao đổi là mang tính xây dựng', 'Thông tin này được Điện Kremlin đưa ra ngày 3/12.'), false, reading)).toBe(false);
    expect(choosable(event('Điện Kremlin đưa ra thông tin', 'Thông tin này được Điện Kremlin đưa ra ngày 3/12.'), false, reading)).toBe(true);
  });

  it('GIVEN a sentence that lists several years THEN its event is no choice: it has no one date', () => {
    expect(choosable(event('Bệnh dịch hạch đã tàn phá London', 'Bệnh dịch hạch đã tàn phá London vào năm 1563, 1593, 1603 và 1665.'), false, reading)).toBe(false);
    // A date, then `again` and more dates: the happening has several.
    expect(choosable(event("Over 10% of Amsterdam's population died", "Over 10% of Amsterdam's population died in 1623–25, and again in 1635–36, 1655, and 1664."), false, reading)).toBe(false);
    expect(choosable(event("Over 10% of Amsterdam's population died", "Over 10% of Amsterdam's population died in 1623–25."), false, reading)).toBe(true);
    expect(choosable(event('The region lost 734,000 square miles', 'The region lost 734,000 square miles in 2005.'), false, reading)).toBe(true);
  });

  it.each([
    ['The recovery of three paintings showed how much police cooperation had improved', false],
    ['A painting taken in one country was often lost for decades', false],
    ['Surveys of plague pits in France and England indicate the first variant entered Europe', false],
    ['The Verholt Museum of Art reopened after the theft', false],
    ['Pháo đài đã được xây dựng lại trên bờ sông', false],
    ['Police recovered three of the four paintings stolen from the Verholt Museum', true],
    ["Police released images of the men who carried out Monday's raid on the Verholt Museum", false],
  ])('GIVEN "%s" (a view, a lasting state or a happening told again) THEN it is a choice: %s', (label, expected) => {
    expect(choosable(event(label), false, reading)).toBe(expected);
  });

  it.each([
    ['Các “thỏa thuận” mà ông Putin và Tổng thống Donald Trump đạt được tại hội nghị thượng đỉnh ở Anchorage', false],
    ['Những người mà ông Lavrov gặp tại Moscow đã rời khỏi Nga', true],
    ['Nova Scotia, bị chiếm giữ từ tay Pháp', false],
    ['Nova Scotia, captured from France', false],
    ['Their conversion was announced by Wernher von Braun at a briefing', false],
    ['The museum completed its move to the harbour front', true],
    ['Ông Putin đã nêu rõ các điều kiện cốt lõi', false],
    ['Ông Putin đã nêu rõ các điều kiện cốt lõi để chấm dứt chiến sự tại Ukraine', true],
    ['Tổng thống Putin đã trao đổi về các biện pháp chấm dứt chiến sự tại Ukraine', true],
  ])('GIVEN "%s" (a thing named, an apposition, a vague plural object) THEN it is a choice: %s', (label, expected) => {
    expect(choosable(event(label), false, reading)).toBe(expected);
  });

  it('GIVEN a label whose subject is a bare common noun THEN it is a choice only when its article is about that noun', () => {
    expect(choosable(event('The drought was focused on the southwestern part of the basin'), false, reading)).toBe(false);
    expect(choosable(event('The museum was closed for three weeks after the raid'), false, reading)).toBe(true);
    expect(choosable(event('Mạng lưới đã ký hợp đồng với đài truyền hình'), false, reading)).toBe(false);
    // Naming nothing past its first word, a label is read only against what its article is about.
    expect(choosable(event('Hạn hán tập trung ở phía tây nam của lưu vực'), false, reading)).toBe(false);
    expect(choosable(event('Museum staff found the frames empty in the morning'), false, reading)).toBe(true);
    expect(choosable(event('An audit recommended new sensors on the skylights'), false, reading)).toBe(true);
  });

  it('GIVEN a fill-in sentence whose subject is a bare noun its article is not about, or "this" after a fronted phrase THEN it leans on what came before', () => {
    expect(unnamedSubject('The neighborhood lies southwest of the 99 freeway, west of the 41 freeway.', ['a'], reading, true)).toBe(true);
    expect(unnamedSubject('The museum lies on the harbour front beside the Maritime Museum.', ['a'], reading, true)).toBe(false);
    expect(unnamedSubject('Khi được hỏi về kế hoạch, ông Lavrov nói rằng không có cơ sở pháp lý nào.', ['a'], reading, true)).toBe(false);
    expect(leansOnPrevious('Among other things, this has also resulted in 30 different Examination Boards.')).toBe(true);
    expect(leansOnPrevious('Among other things, the board set 30 different examinations.')).toBe(false);
    expect(leansOnPrevious('Their conversion was announced by Wernher von Braun at a briefing on 7 June 1962.')).toBe(true);
  });

  it('GIVEN a span of years THEN no date choice shares a year with it (1350–1352 beside 1348–1350)', () => {
    const span = { value: '1348', precision: 'year', until: '1350' } as const;
    const near = nearbyPeriods(span, seededRandom('s'), 2014);
    expect(near.length).toBeGreaterThanOrEqual(3);
    expect(near.filter((p) => periodsOverlap(p, span))).toEqual([]);
  });
});

describe('the years a date choice may take', () => {
  const dated = (date: string, precision: BriefingEvent['precision'], docId: string): BriefingEvent => ({ date, precision, citations: [{ docId }] }) as unknown as BriefingEvent;
  // An article on a programme that began in 1963, told to 2016; another on an older subject.
  const m = { allEvents: [dated('1963', 'year', 'show'), dated('1970', 'decade', 'show'), dated('2016', 'year', 'show'), dated('1920', 'decade', 'old')], articles: [] };

  it('GIVEN a decade before its article\'s first date THEN no choice; GIVEN one within its years THEN a choice', () => {
    expect(withinArticleYears({ value: '1940', precision: 'decade' }, 'show', m)).toBe(false);
    expect(withinArticleYears({ value: '1950', precision: 'decade' }, 'show', m)).toBe(false);
    expect(withinArticleYears({ value: '1960', precision: 'decade' }, 'show', m)).toBe(true);
    expect(withinArticleYears({ value: '1990', precision: 'decade' }, 'show', m)).toBe(true);
    expect(withinArticleYears({ value: '2020', precision: 'decade' }, 'show', m)).toBe(false);
    expect(withinArticleYears({ value: '1940', precision: 'decade' }, 'old', m)).toBe(false);
    expect(withinArticleYears({ value: '1920', precision: 'decade' }, 'old', m)).toBe(true);
  });

  it('GIVEN a year outside its article\'s years THEN no choice; a day THEN always (a story\'s weeks)', () => {
    expect(withinArticleYears({ value: '1962', precision: 'year' }, 'show', m)).toBe(false);
    expect(withinArticleYears({ value: '1964', precision: 'year' }, 'show', m)).toBe(true);
    expect(withinArticleYears({ value: '1950-03-02', precision: 'day' }, 'show', m)).toBe(true);
  });
});

describe('an event label as a choice', () => {
  const m = { ...reading, lang: 'en' as const };
  const labelled = (label: string): BriefingEvent => ({ label, citations: [{ docId: 'a' }] }) as unknown as BriefingEvent;

  it('GIVEN a news lead sentence longer than a phone\'s two lines THEN its longest opening that reads alone, cut before a comma or conjunction', () => {
    const lead = 'Thieves broke into the Verholt Museum of Art in Lindmark overnight and escaped with four 17th-century paintings worth an estimated 38 million euros';
    const short = choiceLabel(labelled(lead), m);
    expect(short).toBe('Thieves broke into the Verholt Museum of Art in Lindmark overnight');
    expect(short.length).toBeLessThanOrEqual(90);
  });

  it('GIVEN a short label, one whose only cuts are before a preposition, or one whose opening would end on something unnamed THEN it stays whole', () => {
    expect(choiceLabel(labelled('The Verholt Museum of Art reopened'), m)).toBe('The Verholt Museum of Art reopened');
    const metro = 'The company Marconi designed and constructed the mobile radio system to the underground Metro system of the Tyne and Wear region';
    expect(choiceLabel(labelled(metro), m)).toBe(metro);
    const unbroken = 'Representatives of the seventeen northern provinces ratified the long-negotiated Confederation Charter unanimously yesterday evening';
    expect(choiceLabel(labelled(unbroken), m)).toBe(unbroken);
  });
});
