import { describe, expect, it } from 'vitest';
import { datedClause, pastOfPerfect } from '../../src/events/clauses.js';
import { dateExpressionSpans } from '../../src/events/dates.js';
import { labelProblem } from '../../src/events/label.js';

const PEOPLE = ['Donald Trump', 'Vladimir Putin', 'Arne Verholt'];

/** The label of the date written `dateText` in `sentence`. */
function labelOf(sentence: string, dateText: string, language: 'vi' | 'en', previous?: string): string | null {
  const start = sentence.indexOf(dateText);
  const end = start + dateText.length;
  const personIn = (text: string) => {
    const named = PEOPLE.filter((p) => text.includes(p));
    return named.length === 1 ? (named[0] ?? null) : null;
  };
  return datedClause(sentence, start, end, { language, previous, dates: dateExpressionSpans(sentence), personIn })?.label ?? null;
}

describe('the clause a date is the date of', () => {
  it.each([
    ['a subordinate clause, its demonstrative resolved', 'Washington đang xem xét đề xuất về các giới hạn của Hiệp ước Cắt giảm Vũ khí Chiến lược Mới (New START) sau khi hiệp ước này hết hạn vào tháng 2/2026.', 'vào tháng 2/2026', 'vi', 'Hiệp ước New START hết hạn'],
    ['a fronted adverbial with its main clause', 'Trong cuộc gặp gần 5 giờ tại Điện Kremlin ngày 2/12, Tổng thống Putin đã trao đổi về các biện pháp chấm dứt chiến sự.', 'ngày 2/12', 'vi', 'Trong cuộc gặp gần 5 giờ tại Điện Kremlin, Tổng thống Putin đã trao đổi về các biện pháp chấm dứt chiến sự'],
    ['what a speaker said, after the speech verb', 'Trợ lý Yury Ushakov ngày 3/12 cho biết, Nga đang tiến hành đàm phán chỉ với Mỹ.', 'ngày 3/12', 'vi', 'Trợ lý Yury Ushakov cho biết, Nga đang tiến hành đàm phán chỉ với Mỹ'],
    ['a claim completed by its complement', 'Điện Kremlin ngày 7/11 đã bác bỏ các tin đồn cho rằng ông Lavrov bị mất lòng tin, do Bộ Ngoại giao gửi thông điệp.', 'ngày 7/11', 'vi', 'Điện Kremlin đã bác bỏ các tin đồn cho rằng ông Lavrov bị mất lòng tin'],
    ['a pronoun for the one person named before it', 'Nỗ lực của Tổng thống Mỹ Donald Trump vẫn chưa thành công, và tháng trước ông đã tạm hoãn hội nghị thượng đỉnh tại Budapest.', 'tháng trước', 'vi', 'Donald Trump đã tạm hoãn hội nghị thượng đỉnh tại Budapest'],
    ['the noun a mà clause describes', 'Ông Lavrov cho biết, các thỏa thuận mà ông Putin và ông Trump đạt được tại hội nghị ngày 15/8 ở Anchorage, bang Alaska, vẫn còn hiệu lực.', 'ngày 15/8', 'vi', 'Các thỏa thuận mà ông Putin và ông Trump đạt được tại hội nghị ở Anchorage'],
    ['the person a who clause is about', 'Its core is the collection of shipowner Arne Verholt, who bought most of his paintings in the 1920s.', 'the 1920s', 'en', 'Arne Verholt bought most of his paintings'],
    ['only its own part of a coordination whose rest has its own date', 'Its core is the collection of Arne Verholt, who bought his paintings in the 1920s and left them to the city when he died in 1961.', 'the 1920s', 'en', 'Arne Verholt bought his paintings'],
    ['the happening a since clause names', 'The theft is the largest from a Nordic museum since 2004, when two paintings were taken from a gallery in Oslo.', 'since 2004', 'en', 'Two paintings were taken from a gallery in Oslo'],
    ['what a pronoun attribution introduces', 'In the 1970s, she said, a painting taken in one country was often lost for decades.', 'the 1970s', 'en', 'A painting taken in one country was often lost for decades'],
    ['a subject after an apposition', 'The museum\'s insurer, Nordhavn Mutual, said on Thursday that it would pay a reward of up to 250,000 euros.', 'on Thursday', 'en', 'The museum\'s insurer, Nordhavn Mutual, said that it would pay a reward of up to 250,000 euros'],
    ['it for the thing the sentence before named', 'It shut from 2015 to 2017 while its roof was rebuilt.', 'from 2015 to 2017', 'en', 'The museum shut while its roof was rebuilt'],
    ['a name that holds a word that opens clauses', 'In the 1970s, Trevor Martin played the Doctor in the stage play Doctor Who and the Daleks.', 'the 1970s', 'en', 'Trevor Martin played the Doctor in the stage play Doctor Who and the Daleks'],
    ['a dependent clause that runs into the main clause without a comma', 'When Sky Digital was launched in 1998 the new service used the Astra 2A satellite.', 'in 1998', 'en', 'Sky Digital was launched'],
    ['a season left before the main clause once its year is the date (vi)', 'Vào mùa hè năm 1516, Luther đã mở rộng mục tiêu của mình từ sự mộ đạo cá nhân.', 'năm 1516', 'vi', 'Luther đã mở rộng mục tiêu của mình từ sự mộ đạo cá nhân'],
    ['a season left before the main clause once its year is the date (en)', 'In the summer of 1516, Luther widened his aims from personal piety to the church.', '1516', 'en', 'Luther widened his aims from personal piety to the church'],
    ['a dependent clause that opens with its date', 'The 2010 drought had three epicenters, whereas in 2005 the drought was focused on the southwestern part.', 'in 2005', 'en', 'The drought was focused on the southwestern part'],
  ])('GIVEN %s THEN the label says what happened', (_case, sentence, dateText, language, label) => {
    const previous = language === 'en' ? 'It is not the first time the museum has been closed.' : undefined;
    expect(labelOf(sentence, dateText, language as 'vi' | 'en', previous)).toBe(label);
  });

  it.each([
    ['an apposition (a state since a year)', 'Ông Lavrov - người giữ chức ngoại trưởng Nga từ năm 2004 nói với hãng tin RIA Novosti rằng họ sẽ gặp lại.', 'từ năm 2004', 'vi'],
    ['a year that names an occasion', 'Các chủ đề chính bao gồm chuẩn bị cho Hội nghị thượng đỉnh Ankara năm 2026.', 'năm 2026', 'vi'],
    ['a clause that holds another date', 'Ông Lavrov hôm nay cho biết cuộc gặp đầu tháng này đã xác nhận các thỏa thuận tại hội nghị ở Alaska hồi tháng 8.', 'hồi tháng 8', 'vi'],
    ['a since with no happening', 'He has led the ministry since 2004 with a firm hand.', 'since 2004', 'en'],
    ['a participle describing a noun (vi)', 'Chợ Grainger đã thay thế Chợ Butcher được xây dựng trước đó vào năm 1808.', 'vào năm 1808', 'vi'],
    ['a participle describing a noun (en)', 'The Grainger Market replaced an earlier market originally built in 1808 called the Butcher Market.', 'in 1808', 'en'],
    ['an it whose thing is named earlier in the same sentence', 'Several series debuted on the network including Dynasty, an opulent drama that became a hit when it premiered as a midseason series in 1981.', 'in 1981', 'en'],
    ['a lifespan in brackets after a name', 'Much of the debate was pioneered by such theorists as J. A. Hobson (1858–1940) and Joseph Schumpeter.', '1858–1940', 'en'],
    ['the year of a work cited as name et al. year (en)', 'The estimate was later backed by the ice-core reconstructions of Okafor et al. 2004, using satellite data.', '2004', 'en'],
    ['the year of a work cited as name and colleagues year (en)', 'The warming trend was confirmed by the borehole records of Lindqvist and colleagues 2011, among others.', '2011', 'en'],
    ['the year of a work cited as name và cộng sự năm (vi)', 'Kết luận về băng tan được hỗ trợ bởi các phép đo lõi băng của Okafor và cộng sự năm 2004, sử dụng dữ liệu vệ tinh.', 'năm 2004', 'vi'],
    ['the year of a work cited as name và đồng nghiệp năm (vi)', 'Xu hướng ấm lên được xác nhận bởi các số liệu lỗ khoan của Lindqvist và đồng nghiệp năm 2011, cùng nhiều nhóm khác.', 'năm 2011', 'vi'],
    ['a date hedged as a bound after it (en)', 'Restorers say the village chapel ceiling was painted with gold leaf and lapis in 1652 or earlier.', 'in 1652', 'en'],
    ['a date hedged as a bound after it (vi)', 'Theo kho lưu trữ, nhà nguyện được vẽ lần đầu vào năm 1652 hay sớm hơn, bởi một xưởng vô danh.', 'vào năm 1652', 'vi'],
    ['a deadline at the latest (en)', 'The council will publish the audit by hand in March 2027 at the latest, officials said.', 'in March 2027', 'en'],
    ['a deadline chậm nhất (vi)', 'Hội đồng sẽ công bố báo cáo kiểm toán vào tháng 3/2027 chậm nhất, các quan chức cho biết.', 'vào tháng 3/2027', 'vi'],
    ['the year of a work by a named author (vi)', 'Bản báo cáo nổi bật với một biểu đồ dựa trên một công trình năm 1999 của Nguyễn Văn An, được gọi là biểu đồ vòng cây.', 'năm 1999', 'vi'],
  ])('GIVEN %s THEN no label', (_case, sentence, dateText, language) => {
    expect(labelOf(sentence, dateText, language as 'vi' | 'en')).toBeNull();
  });

  it('GIVEN a date only in a short attribution at the end (police said on Monday) THEN it dates the saying: what was said is told, but of no date', () => {
    const sentence = 'Thieves broke into the museum overnight and escaped with four 17th-century paintings, police said on Monday.';
    const start = sentence.indexOf('on Monday');
    const clause = datedClause(sentence, start, start + 'on Monday'.length, { language: 'en', dates: dateExpressionSpans(sentence), personIn: () => null });
    expect(clause?.label).toBe('Thieves broke into the museum overnight and escaped with four 17th-century paintings');
    expect(clause?.onlyReported).toBe(true);
    // A date in the clause of what happened still dates it.
    const dated = 'Thieves broke into the museum on Sunday night, police said.';
    const at = dated.indexOf('on Sunday');
    expect(datedClause(dated, at, at + 'on Sunday'.length, { language: 'en', dates: dateExpressionSpans(dated), personIn: () => null })?.onlyReported).toBeUndefined();
  });

  it('GIVEN a dated happening in the present perfect THEN the label tells it in the past; a modal perfect and a quotation keep their words', () => {
    expect(labelOf('Dutch police have arrested two men in Rotterdam earlier this month.', 'earlier this month', 'en')).toBe('Dutch police arrested two men in Rotterdam');
    expect(labelOf('Divers have recovered the bronze statue from the harbour on Friday.', 'on Friday', 'en')).toBe('Divers recovered the bronze statue from the harbour');
    expect(pastOfPerfect('The museum has been closed and the guards have been dismissed')).toBe('The museum was closed and the guards were dismissed');
    expect(pastOfPerfect('Officers have found the van and have taken it away')).toBe('Officers found the van and took it away');
    expect(pastOfPerfect('The court will have ruled by then')).toBe('The court will have ruled by then');
    expect(pastOfPerfect('Hale said "we have searched everywhere"')).toBe('Hale said "we have searched everywhere"');
  });

  it('GIVEN a sentence whose subject points back (Thông tin này …) THEN the label is what the sentence before said', () => {
    const previous = 'Tuy vậy, Moscow mô tả cuộc trao đổi là “mang tính xây dựng”.';
    expect(labelOf('Thông tin này được Điện Kremlin đưa ra ngày 3/12.', 'ngày 3/12', 'vi', previous)).toBe('Moscow mô tả cuộc trao đổi là “mang tính xây dựng”');
  });
});

describe('the label bar', () => {
  it.each([
    ['Người giữ chức ngoại trưởng Nga nói với hãng tin nhà nước RIA Novosti rằng', 'vi'],
    ['(Bloomberg)', 'en'],
    ['On', 'en'],
    ['and Bert Bolin', 'en'],
    ['which had been captured from France', 'en'],
    ['Published at a time of rising demand for German publications', 'en'],
    ['Ông cho biết cuộc gặp diễn ra mang tính xây dựng và hữu ích', 'vi'],
    ['Washington đang xem xét đề xuất của ông Putin về việc duy trì các giới hạn…', 'vi'],
    ['Cuối cùng đến Anh vào mùa xuân', 'vi'],
    ['Even with this increase, the maximum it showed for the Medieval Warm Period did not reach temperatures recorded in central England', 'en'],
    ['17, bệnh dịch hạch đã xuất hiện ở Paris khoảng 30% thời gian', 'vi'],
    ['Thường được biết đến bằng tiếng Anh với tựa tiêu đề Flung to the Heedless Winds', 'vi'],
    ['Sau phán quyết trong vụ kiện mang tính bước ngoặt của Brown đối với Hội đồng Giáo dục Topeka', 'vi'],
    ['Về phương diện nào đó còn cực đoan hơn cả đợt hạn hán', 'vi'],
  ])('GIVEN the fragment "%s" THEN it is not a label', (label, language) => {
    expect(labelProblem(label, language as 'vi' | 'en')).not.toBeNull();
  });

  it('GIVEN a clause with its subject THEN it is a label', () => {
    expect(labelProblem('The Verholt Museum opened in a converted grain warehouse', 'en')).toBeNull();
    expect(labelProblem('Ông Putin đã nêu rõ các điều kiện cốt lõi', 'vi')).toBeNull();
  });
});
