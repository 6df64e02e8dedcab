/**
 * The words of the quiz's questions and reveals. Unlike the rest of the catalogue they follow the
 * corpus language, not the reader's: a question quotes the articles, and its own words match them.
 */
import { template, words } from './define.js';

/**
 * A title or sentence in double quotes, its own double quotes made single (`"'Uncle Sam' wants you" …`):
 * one that opens with a quotation would otherwise print as `""Uncle Sam" …`.
 */
const quoted = (text: string): string => `"${text.replace(/[“”"]/gu, (q) => (q === '“' ? '‘' : q === '”' ? '’' : "'"))}"`;

export const QUESTION_MESSAGES = {
  questionWhen: template({ event: 'string' }, {
    en: (p) => `When did this happen: ${quoted(p.event)}?`,
    vi: (p) => `Sự kiện sau diễn ra khi nào: ${quoted(p.event)}?`,
  }),
  questionWhenAhead: template({ event: 'string' }, {
    en: (p) => `When is this due to happen: ${quoted(p.event)}?`,
    vi: (p) => `Sự kiện sau sẽ diễn ra khi nào: ${quoted(p.event)}?`,
  }),
  questionWhat: template({ when: 'string' }, { en: (p) => `What happened ${p.when}?`, vi: (p) => `Điều gì đã diễn ra ${p.when}?` }),
  questionWhatAhead: template({ when: 'string' }, { en: (p) => `What is due to happen ${p.when}?`, vi: (p) => `Điều gì sẽ diễn ra ${p.when}?` }),
  questionWho: template({ sentence: 'string' }, { en: (p) => `Fill in the blank: ${quoted(p.sentence)}`, vi: (p) => `Điền vào chỗ trống: ${quoted(p.sentence)}` }),
  questionHowMany: template({ sentence: 'string' }, { en: (p) => `Fill in the number: ${quoted(p.sentence)}`, vi: (p) => `Điền số vào chỗ trống: ${quoted(p.sentence)}` }),
  questionWhoSaid: template({ quote: 'string' }, { en: (p) => `Who said: ${quoted(p.quote)}?`, vi: (p) => `Ai đã nói: ${quoted(p.quote)}?` }),
  questionWhichFirst: words({ en: 'Which of these happened first?', vi: 'Sự kiện nào diễn ra sớm nhất?' }),
  /** `date` is the article's publication date as the language writes it, or empty when it has none. */
  questionAccordingTo: template({ title: 'string', date: 'string', says: 'string' }, {
    en: (p) => `According to ${quoted(p.title)}${p.date === '' ? '' : ` (${p.date})`}: ${p.says}`,
    vi: (p) => `Theo ${quoted(p.title)}${p.date === '' ? '' : ` (${p.date})`}: ${p.says}`,
  }),
} as const;
