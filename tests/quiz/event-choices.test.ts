import { describe, expect, it } from 'vitest';
import type { BriefingEvent } from '../../src/events/types.js';
import { choosable } from '../../src/quiz/kinds/event-choices.js';

const event = (label: string, sentence = `${label}.`): BriefingEvent => ({ label, sentence }) as unknown as BriefingEvent;

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
  ])('GIVEN "%s" in a question about what is ahead: %s THEN it is a choice: %s', (label, ahead, expected) => {
    expect(choosable(event(label), ahead)).toBe(expected);
  });

  it('GIVEN a cited sentence that points back ("Thông tin này … ngày 3/12") and a label from its neighbour THEN no choice: the sentence does not prove it', () => {
    expect(choosable(event('Moscow mô tả cuộc trao đổi là mang tính xây dựng', 'Thông tin này được Điện Kremlin đưa ra ngày 3/12.'), false)).toBe(false);
    expect(choosable(event('Điện Kremlin đưa ra thông tin', 'Thông tin này được Điện Kremlin đưa ra ngày 3/12.'), false)).toBe(true);
  });

  it('GIVEN a sentence that lists several years THEN its event is no choice: it has no one date', () => {
    expect(choosable(event('Bệnh dịch hạch đã tàn phá London', 'Bệnh dịch hạch đã tàn phá London vào năm 1563, 1593, 1603 và 1665.'), false)).toBe(false);
    expect(choosable(event('The region lost 734,000 square miles', 'The region lost 734,000 square miles in 2005.'), false)).toBe(true);
  });
});
