import { describe, expect, it } from 'vitest';
import type { Article, Passage } from '../../src/corpus/types.js';
import { buildPeopleIndex, sameAffiliation } from '../../src/quiz/people.js';
import { findQuotations } from '../../src/quiz/quotations.js';
import { sentenceWindow } from '../../src/quiz/kinds/sentence-window.js';

function article(docId: string, paragraphs: string[][]): Article {
  const sentences = paragraphs.flatMap((p, paragraph) => p.map((text) => ({ text, paragraph })));
  return { docId, title: docId, date: null, sentences: sentences.map((s, index) => ({ ...s, index, start: 0, end: 0 })) } as unknown as Article;
}
function passagesOf(articles: Article[]): Passage[] {
  return articles.map((a) => ({ id: `${a.docId}#0`, docId: a.docId, text: a.sentences.map((s) => s.text).join(' '), start: 0, end: 0, sentences: a.sentences }));
}

const vi = article('vi', [
  ['Trợ lý Tổng thống Nga Yuri Ushakov cho biết cuộc gặp diễn ra tốt đẹp.', 'Ngoại trưởng Nga cũng nhấn mạnh Moskva sẽ không nhượng bộ.'],
  ['Yury Ushakov nói thêm rằng hai bên sẽ gặp lại.', '"Giờ đây những hiểu lầm đã được giải quyết hoàn toàn", ông Lavrov nói.', 'Theo ông, Nga muốn hòa bình lâu dài.'],
  ['"Chúng tôi đã chuyển cho các cộng sự Mỹ những đề xuất bổ sung", ông nói thêm.', 'Ông Lavrov gặp Tổng thống Nga Vladimir Putin tại Điện Kremlin.'],
]);
const en = article('en', [
  ['Museum director Ingrid Solberg said the staff were shocked.', '"These paintings belong to everyone in this city," she said.'],
  ['"We believe these two men played a central role," said Johan de Wit, a spokesman for the prosecutors.', '"The paintings themselves have not yet been found."'],
  ['Chief Superintendent Marcus Hale and Mayor Elise Brandt met on Monday.', '"We will keep looking until it is found," he said.'],
  ['"A collection worth hundreds of millions," Lindmark police said.'],
]);

describe('the people a briefing names', () => {
  it('GIVEN names introduced by titles, forms of address and appositions THEN each is a person, once, in its most frequent full spelling', () => {
    const names = buildPeopleIndex([vi, en]).people.map((p) => p.name).sort();
    expect(names).toEqual(['Elise Brandt', 'Ingrid Solberg', 'Johan de Wit', 'Lavrov', 'Marcus Hale', 'Vladimir Putin', 'Yuri Ushakov']);
  });

  it('GIVEN two spellings of one person and a short form THEN they are one person', () => {
    const index = buildPeopleIndex([vi]);
    const ushakov = index.people.find((p) => p.name === 'Yuri Ushakov');
    expect([...(ushakov?.forms ?? [])].sort()).toEqual(['Yuri Ushakov', 'Yury Ushakov']);
    expect(index.mentions('Ushakov nói.', 'vi').map((m) => m.person.name)).toEqual(['Yuri Ushakov']);
  });

  it('GIVEN an office beside a name, before it or after it, even behind ông THEN the mention gives the role away; a bare ông or surname does not', () => {
    const index = buildPeopleIndex([vi, en]);
    const roles = (sentence: string, docId: string) => index.mentions(sentence, docId).map((m) => [m.text, m.roleGiven]);
    expect(roles('Ông Lavrov gặp Tổng thống Nga Vladimir Putin tại Điện Kremlin.', 'vi')).toEqual([['Lavrov', false], ['Vladimir Putin', true]]);
    expect(roles('“Hòa bình là điều quan trọng”, ông Lavrov, người giữ chức ngoại trưởng từ năm 2004, nói.', 'vi')).toEqual([['Lavrov', true]]);
    expect(roles('Ông Lavrov - người giữ chức ngoại trưởng Nga từ năm 2004 nói.', 'vi')).toEqual([['Lavrov', true]]);
    expect(roles('Museum director Ingrid Solberg met Marcus Hale on Monday.', 'en')).toEqual([['Ingrid Solberg', true], ['Marcus Hale', false]]);
  });

  it('GIVEN a country after an office title (Ngoại trưởng Nga) THEN the country is not a person', () => {
    expect(buildPeopleIndex([vi]).people.some((p) => p.name === 'Nga')).toBe(false);
  });
});

describe('the country or body a person is of', () => {
  it('GIVEN a country between an office and the name, or just before the office THEN it is the person\'s; a person\'s name beside an office is not', () => {
    const world = article('w', [
      ['Russian President Vladimir Putin met U.S. envoy Steve Witkoff in Moscow on Tuesday.', 'Ukraine said nothing, and Russian officials kept silent.'],
      ['Defence lawyer Maarten Visser said his client denied the charge.', 'The first guards will start on April 7, Mayor Elise Brandt said.'],
      ['Ngoại trưởng Nga Sergey Lavrov gặp đặc phái viên của Tổng thống Trump Jared Kushner.', 'Nga và Mỹ đều im lặng.', 'Ông Trump không nói gì.'],
    ]);
    const people = buildPeopleIndex([world]).people;
    const of = new Map(people.map((p) => [p.name, p.affiliation]));
    expect(of.get('Vladimir Putin')).toBe('russian');
    expect(of.get('Steve Witkoff')).toBe('u.s');
    expect(of.get('Sergey Lavrov')).toBe('nga');
    expect(people.map((p) => p.affiliation)).not.toContain('trump');
    // A common word opening the sentence, or a month before a comma, is no country.
    expect(of.get('Maarten Visser')).toBeNull();
    expect(of.get('Elise Brandt')).toBeNull();
  });

  it('GIVEN a person of no given country joined by "và" to one of a country THEN they share the side; GIVEN "trợ lý Tổng thống" THEN the office is the aide\'s, not the president\'s', () => {
    const talks = article('t', [
      ['Đặc phái viên Mỹ Steve Witkoff đến Moscow.', 'Ông Putin tiếp ông Witkoff và ông Jared Kushner tại Điện Kremlin.'],
      ['Trợ lý Tổng thống Nga Yuri Ushakov cho biết cuộc gặp diễn ra tốt đẹp.', 'Mỹ và Nga chưa bình luận.'],
    ]);
    const people = new Map(buildPeopleIndex([talks]).people.map((p) => [p.name, p]));
    expect(people.get('Jared Kushner')?.affiliation).toBe('mỹ');
    expect([...(people.get('Yuri Ushakov')?.offices ?? [])]).toEqual(['trợ lý']);
  });

  it('GIVEN a country and its adjective THEN they are one side; two countries that share their first letters are not', () => {
    expect(sameAffiliation('russia', 'russian')).toBe(true);
    expect(sameAffiliation('ukraine', 'ukrainian')).toBe(true);
    expect(sameAffiliation('austria', 'australian')).toBe(false);
    expect(sameAffiliation('nga', 'mỹ')).toBe(false);
  });
});

describe('who said a quotation', () => {
  const quotations = (a: Article) => findQuotations([a], passagesOf([a]), buildPeopleIndex([a]), a.docId === 'vi' ? 'vi' : 'en');
  const said = (a: Article) => quotations(a).map((q) => [q.speaker.name, q.quote.slice(0, 20)]);

  it('GIVEN a quotation that opens on what the speaker said before it (Điều đó là …, That is why …) THEN it is no quotation to ask about', () => {
    const a = article('vi', [['Ngoại trưởng Nga Sergey Lavrov gặp báo chí tại Moscow.', '"Điều đó là cần thiết để thảo luận vấn đề Ukraine và thúc đẩy chương trình nghị sự song phương", ông Lavrov nói.', '"Giờ đây những hiểu lầm và truyền đạt sai lệch đã được giải quyết hoàn toàn", ông Lavrov nói.']]);
    expect(quotations(a).map((q) => q.quote.slice(0, 10))).toEqual(['Giờ đây nh']);
  });

  it('GIVEN "she said" or a quotation continuing the one before THEN its sentence does not name the speaker; "said NAME" does', () => {
    expect(quotations(en).map((q) => [q.quote.slice(0, 20), q.named])).toEqual([
      ['These paintings belo', false],
      ['We believe these two', true],
      ['The paintings themse', false],
    ]);
  });

  it('GIVEN a quotation of too few words to tell who would say it, or a phrase lifted from a sentence THEN it is left out', () => {
    const short = article('vi', [['"Tôi không biết, theo tôi thì không", ông Lavrov nói với các phóng viên.', 'Ngoại trưởng Nga Sergey Lavrov gặp ông Putin.']]);
    expect(said(short)).toEqual([]);
    const phrase = article('vi', [['Ông Lavrov nói cuộc gặp "mang tính xây dựng, hữu ích và có ý nghĩa thực chất" với phía Mỹ.', 'Ngoại trưởng Nga Sergey Lavrov gặp ông Putin.']]);
    expect(said(phrase)).toEqual([]);
  });

  it('GIVEN a named speaker, a pronoun for the one person named last, and "said NAME" THEN each quotation has its speaker', () => {
    expect(said(vi)).toEqual([['Lavrov', 'Giờ đây những hiểu l'], ['Lavrov', 'Chúng tôi đã chuyển ']]);
    expect(said(en)).toEqual([
      ['Ingrid Solberg', 'These paintings belo'],
      ['Johan de Wit', 'We believe these two'],
      ['Johan de Wit', 'The paintings themse'],
    ]);
  });

  it('GIVEN a pronoun after a sentence naming two people, or a speaker that is not a person THEN the quotation is left out', () => {
    const quotes = said(en).map(([, q]) => q ?? '');
    expect(quotes.some((q) => q.startsWith('We will keep'))).toBe(false);
    expect(quotes.some((q) => q.startsWith('A collection'))).toBe(false);
  });
});

describe('a long sentence cut to fit a prompt', () => {
  it('GIVEN a sentence longer than the room THEN whole clauses around the blank are kept, with … where it goes on', () => {
    const sentence = 'First clause that is rather long indeed, second clause holds the ____ we need, third clause is also long enough to matter, fourth clause ends it.';
    const at = sentence.indexOf('____');
    const cut = sentenceWindow(sentence, at, at + 4, 80) ?? '';
    expect(cut).toContain('second clause holds the ____ we need');
    expect(cut.length).toBeLessThanOrEqual(82);
    expect(cut.startsWith('…') || cut.endsWith('…')).toBe(true);
    expect(sentenceWindow('Short ____ one.', 6, 10, 80)).toBe('Short ____ one.');
  });

  it('GIVEN a sentence whose part that fits opens on a relative clause ("…who led the team") THEN no window: its subject was cut off', () => {
    const sentence = "Carolina's secondary featured Pro Bowl safety Kurt Coleman, who led the team with a career high seven interceptions, while also racking up ____ tackles and more that runs on and on.";
    const at = sentence.indexOf('____');
    expect(sentenceWindow(sentence, at, at + 4, 110)).toBeNull();
    expect(sentenceWindow(sentence, at, at + 4, 400)).toBe(sentence);
  });
});
