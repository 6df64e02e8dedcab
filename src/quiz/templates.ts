import type { Language } from '../text/index.js';

/** The words of a question, in the corpus language. */
export type QuizLanguage = Language;

export const QUIZ_TEMPLATES = {
  vi: {
    when: (what: string) => `Sự kiện sau diễn ra khi nào: "${what}"?`,
    what: (when: string) => `Điều gì đã diễn ra ${when}?`,
    whatAhead: (when: string) => `Điều gì sẽ diễn ra ${when}?`,
    whenAhead: (what: string) => `Sự kiện sau sẽ diễn ra khi nào: "${what}"?`,
    who: (sentence: string) => `Điền vào chỗ trống: "${sentence}"`,
    howMany: (sentence: string) => `Điền số vào chỗ trống: "${sentence}"`,
    whoSaid: (quote: string) => `Ai đã nói: "${quote}"?`,
    first: 'Sự kiện nào diễn ra sớm nhất?',
    source: (title: string) => `Theo "${title}"`,
  },
  en: {
    when: (what: string) => `When did this happen: "${what}"?`,
    what: (when: string) => `What happened ${when}?`,
    whatAhead: (when: string) => `What is due to happen ${when}?`,
    whenAhead: (what: string) => `When is this due to happen: "${what}"?`,
    who: (sentence: string) => `Fill in the blank: "${sentence}"`,
    howMany: (sentence: string) => `Fill in the number: "${sentence}"`,
    whoSaid: (quote: string) => `Who said: "${quote}"?`,
    first: 'Which of these happened first?',
    source: (title: string) => `According to "${title}"`,
  },
} as const;
