import { describe, expect, it } from 'vitest';
import { boundedBefore, convertedBeside, derivableFromOthers, numberDistractors, numbersIn } from '../../src/quiz/numbers.js';
import { seededRandom } from '../../src/quiz/random.js';
import { readNumber, writeNumber } from '../../src/text/index.js';
import { dateExpressionSpans } from '../../src/events/dates.js';

describe('numbers as a language writes them', () => {
  it.each([
    ['158.349', 'vi', 158349, 0],
    ['43,3', 'vi', 43.3, 1],
    ['158,349', 'en', 158349, 0],
    ['2.5', 'en', 2.5, 1],
    ['1.4', 'en', 1.4, 1],
    ['19', 'vi', 19, 0],
  ] as const)('GIVEN %s in %s THEN it reads %d with %d decimals and writes back the same', (raw, lang, value, decimals) => {
    const form = readNumber(raw, lang);
    expect(form).toMatchObject({ value, decimals });
    expect(writeNumber(form!.value, form!)).toBe(raw);
  });

  it('GIVEN an English number read as Vietnamese THEN it is not a Vietnamese number', () => {
    expect(readNumber('2.5', 'vi')).toBeNull();
    expect(writeNumber(250000, readNumber('250,000', 'en')!)).toBe('250,000');
  });
});

describe('numbers a question can ask', () => {
  const found = (text: string, lang: 'vi' | 'en' = 'en') => numbersIn(text, lang, dateExpressionSpans(text)).map((n) => n.text);

  it('GIVEN counts, percentages and scaled sums THEN each is found with its percent sign or scale word', () => {
    expect(found('Thieves took paintings worth 38 million euros from 14 rooms; 19% of staff were off.')).toEqual(['38 million', '14', '19%']);
    expect(found('Kế hoạch 28 điểm nhắm tới 210 tỷ euro tài sản.', 'vi')).toEqual(['28', '210 tỷ']);
  });

  it('GIVEN years, dates, times, ordinals and numbers of names THEN none is a count', () => {
    expect(found('In 1998 the museum opened; on March 3 at 2:40 a.m. the 17th-century works left, as Apollo 11 had.')).toEqual([]);
    expect(found('Ngày 2/12 và tháng 8, lần thứ 3, năm 2024.', 'vi')).toEqual([]);
    expect(found('The men, aged 34 and 41, were held.')).toEqual([]);
  });

  it('GIVEN an answer THEN distractors keep its form, its roundness and, for a percentage, stay within 0–100', () => {
    const random = seededRandom(1);
    const pct = readNumber('75,8', 'vi')!;
    for (let i = 0; i < 20; i++) {
      for (const x of numberDistractors(pct, true, random)) {
        expect(x).toBeLessThanOrEqual(100);
        expect(writeNumber(x, pct)).toMatch(/^\d+,\d$/u);
      }
    }
    const reward = readNumber('250,000', 'en')!;
    for (const x of numberDistractors(reward, false, random)) expect(writeNumber(x, reward)).toMatch(/^\d{2,3},000$/u);
    const small = numberDistractors(readNumber('4', 'vi')!, false, random);
    expect(small.length).toBeGreaterThanOrEqual(3);
    expect(small.every((x) => Number.isInteger(x) && x > 0 && x !== 4)).toBe(true);
  });
});

describe('a share beside its count, however the corpus writes it', () => {
  it('GIVEN a Vietnamese sentence whose first share is written with a point (12.843 (8.1%) … 1.388 (0,9%)) THEN its figures follow from one another', () => {
    const sentence = 'Có 12.843 (8.1%) hộ gia đình là cặp đôi khác giới chưa kết hôn và 1.388 (0,9%) hộ gia đình là các cặp đồng giới.';
    expect(derivableFromOthers(numbersIn(sentence, 'vi', dateExpressionSpans(sentence)), sentence)).toBe(true);
  });
});

describe('number choices that point to the answer', () => {
  it('GIVEN a small count (11) THEN how many of the three offered lie below it varies: its neighbours are not all above it (12, 13, 14)', () => {
    const random = seededRandom(3);
    const eleven = readNumber('11', 'en')!;
    const below = new Set(Array.from({ length: 40 }, () => numberDistractors(eleven, false, random).slice(0, 3).filter((x) => x < 11).length));
    expect(below.size).toBeGreaterThanOrEqual(3);
  });


  it('GIVEN an answer THEN its half and its double are never both offered (the answer would be the middle of a chain)', () => {
    for (const answer of ['16.000', '760', '2,5', '50.000']) {
      const form = readNumber(answer, 'vi')!;
      for (let seed = 0; seed < 40; seed += 1) {
        const drawn = numberDistractors(form, false, seededRandom(`chain-${seed}`));
        expect(drawn.includes(form.value / 2) && drawn.includes(form.value * 2), `${answer}: ${drawn.join(' / ')}`).toBe(false);
      }
    }
  });
});

describe('a number the sentence gives away as a conversion', () => {
  const JACKSONVILLE = 'Jacksonville is about 25 miles (40 km) south of the Georgia state line and about 340 miles (550 km) north of Miami.';
  const DEFORESTATION = 'The mean annual deforestation rate from 2000 to 2005 (22,392 km2 or 8,646 sq mi per year) was 18% higher.';
  it.each([
    [JACKSONVILLE, '550', true],
    [JACKSONVILLE, '340', true],
    ['Tropical Storm Beryl hit Jacksonville, packing winds up to 70 miles per hour (113 km/h).', '70', true],
    ['The affected region compared to 734,000 square miles (1,900,000 km2) in 2005.', '1,900,000', true],
    [DEFORESTATION, '22,392', true],
    [DEFORESTATION, '8,646', true],
    ['The forest lost rose from 415,000 to 587,000 square kilometres (160,000 to 227,000 sq mi) in ten years.', '227,000', true],
    ['Chiều dài của Bức tường Hadrian là 73 dặm (117 km), trải dài suốt chiều rộng của nước Anh.', '117', true],
    ['Mắt bão đi qua St. Augustine với những cơn gió 110 dặm/giờ (177 km/giờ).', '177', true],
    ['There were 12,843 (8.1%) unmarried opposite-sex partnerships.', '8.1', false],
    ['Có 111.529 gia đình (70,4% tổng số hộ); quy mô gia đình trung bình là 3,62.', '70,4', false],
    ['There were 12,843 (8.1%) unmarried opposite-sex partnerships.', '12,843', false],
    ['Kony Ealy had 5 sacks in just 9 starts.', '9', false],
    ['Officers were studying footage from 14 security cameras (two of them broken).', '14', false],
  ])('GIVEN "%s" THEN %s is given away: %s', (sentence, number, givenAway) => {
    const start = sentence.indexOf(number);
    expect(convertedBeside(sentence, start, start + number.length)).toBe(givenAway);
  });
});

describe('numbers whose blank has more than one true answer, or follows from the sentence', () => {
  it.each([
    ['Cuộc thảo luận kéo dài hơn 5 giờ.', '5', true],
    ['Trong cuộc gặp gần 5 giờ tại Điện Kremlin.', '5', true],
    ['The fire destroyed more than 300 homes.', '300', true],
    ['At least 12 people were hurt.', '12', true],
    ['Any integer greater than 1 is a product of primes.', '1', true],
    ['Forests accumulated 0.62 ± 0.37 tons of carbon per hectare.', '0.37', true],
    ['Đề xuất ban đầu gồm 28 điểm.', '28', false],
    ['The thieves took 14 paintings.', '14', false],
  ])('GIVEN "%s" THEN a blank on %s is bounded: %s', (sentence, number, bounded) => {
    expect(boundedBefore(sentence, sentence.indexOf(number))).toBe(bounded);
  });

  it.each([
    ['The rate was 22,392 km2 per year, 18% higher than the 19,018 km2 of the previous decade.', true],
    ['There were 12,843 households, of which 1,388 (10.8%) had children.', true],
    ['The new bridge is 3 times longer than the old 400 metres span.', true],
    ['The thieves took 14 paintings and 3 sculptures.', false],
    ['Quân đội Nga kiểm soát khoảng 19% lãnh thổ Ukraine.', false],
    ['There were 12,843 (8.1%) unmarried couples and 1,388 (0.9%) same-sex couples.', true],
    ['About 43% of 158,000 residents voted.', true],
    ['Seventy percent of formerly forested land, and 91% of land deforested since 1970, is used for pasture.', false],
    ['Turnout was 64% in the north and 58% in the south.', false],
    ['The disease was present in the country 25 times between 1350 and 1490, in 40 towns.', false],
  ])('GIVEN "%s" THEN its numbers follow from one another: %s', (sentence, derivable) => {
    expect(derivableFromOthers(numbersIn(sentence, 'en', dateExpressionSpans(sentence)), sentence)).toBe(derivable);
  });
});
