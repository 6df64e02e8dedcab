import { describe, expect, it } from 'vitest';
import type { LabelReading } from '../../src/quiz/kinds/event-choices.js';
import { labelLeansBack, sentenceLeansBack } from '../../src/quiz/kinds/referents.js';

// An article on Huguenots and one on a museum theft: what their titles and openings name.
const reading: LabelReading = {
  commonWord: (w) => w === w.toLowerCase(),
  topicWords: (docId) => new Set(docId === 'museum' ? ['museum', 'theft', 'paintings'] : ['huguenots', 'french', 'protestants']),
};
const blankAt = (sentence: string, part: string): { start: number; end: number } => ({ start: sentence.indexOf(part), end: sentence.indexOf(part) + part.length });

describe('sentences and labels that lean on the text before them', () => {
  it('GIVEN a definite noun phrase that nothing in the sentence says which, in the clause of the blank THEN the sentence leans back; in another clause THEN it does not', () => {
    const s = 'Of the original 390 settlers in the isolated settlement, many had died; others moved to different areas.';
    expect(sentenceLeansBack(s, ['huguenot'], reading, blankAt(s, '390'))).toBe(true);
    const t = 'In 1705 the assembly gave 148 Huguenots land, and many later left the isolated settlement.';
    expect(sentenceLeansBack(t, ['huguenot'], reading, blankAt(t, '1705'))).toBe(false);
  });

  it('GIVEN a definite noun phrase that says which (of …, a name after it, its article\'s subject) THEN the sentence stands alone', () => {
    const s = 'The first 400 settlers of the Manakin colony arrived in 1700.';
    expect(sentenceLeansBack(s, ['huguenot'], reading, blankAt(s, '400'))).toBe(false);
    const t = 'Thieves took the four stolen paintings from the Verholt Museum worth 38 million euros.';
    expect(sentenceLeansBack(t, ['museum'], reading, blankAt(t, '38'))).toBe(false);
  });

  it('GIVEN a speaker\'s pronoun, a span from a start not given, a bare plural subject or a demonstrative THEN the sentence leans back', () => {
    expect(sentenceLeansBack('He said officers were studying footage from 14 security cameras.', ['museum'], reading)).toBe(true);
    expect(sentenceLeansBack('Người đóng góp âm nhạc thường xuyên nhất trong 15 năm đầu tiên là Dudley Simpson.', ['huguenot'], reading)).toBe(true);
    expect(sentenceLeansBack('Các thỏa thuận bao gồm phí phát sóng cố định hàng năm là 30 triệu Bảng.', ['huguenot'], reading)).toBe(true);
    expect(sentenceLeansBack('Các mô hình số nguyên tố và đa tạp 3 chiều là các ví dụ khác của dạng này.', ['huguenot'], reading)).toBe(true);
  });

  it('GIVEN a name, a relative clause, a time or the sentence\'s own antecedent THEN the sentence stands alone', () => {
    expect(sentenceLeansBack('Hale said officers were studying footage from 14 security cameras.', ['museum'], reading)).toBe(false);
    expect(sentenceLeansBack('Những người mà ông Lavrov gặp tại Moscow đã rời khỏi Nga.', ['huguenot'], reading)).toBe(false);
    expect(sentenceLeansBack('Cuộc gặp đầu tháng này đã xác nhận những hiểu biết chung.', ['huguenot'], reading)).toBe(false);
    expect(sentenceLeansBack('Nga sẽ đáp trả nếu điều đó xảy ra, ông Lavrov nói.', ['huguenot'], reading)).toBe(false);
  });

  it('GIVEN a label ending on an object nothing names THEN it leans back; ending on an adverbial THEN it does not', () => {
    expect(labelLeansBack('Trevor Martin played the role in Doctor Who and the Daleks', ['huguenot'], reading)).toBe(false);
    expect(labelLeansBack('Trevor Martin played the role', ['huguenot'], reading)).toBe(true);
    expect(labelLeansBack('René Goulaine de Laudonnière established the first European settlement', ['huguenot'], reading)).toBe(true);
    expect(labelLeansBack('Laudonnière established the first European settlement in Florida', ['huguenot'], reading)).toBe(false);
    expect(labelLeansBack('The museum was closed for three weeks after the raid', ['museum'], reading)).toBe(false);
  });
});
