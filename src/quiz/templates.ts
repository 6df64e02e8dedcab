/** The words of a question, in the corpus language. */
export type QuizLanguage = 'vi' | 'en';

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const QUIZ_TEMPLATES = {
  vi: {
    when: (what: string) => `Sự kiện sau diễn ra khi nào: "${what}"?`,
    what: (date: string) => `Điều gì đã diễn ra vào ${date}?`,
    who: (sentence: string) => `Điền vào chỗ trống: "${sentence}"`,
    howMany: (sentence: string) => `Điền số vào chỗ trống: "${sentence}"`,
    whoSaid: (quote: string) => `Ai đã nói: "${quote}"?`,
    first: 'Sự kiện nào diễn ra sớm nhất?',
    source: (title: string) => `Theo "${title}"`,
    day: (y: string, m: string, d: string) => `${Number(d)}/${Number(m)}/${y}`,
    month: (y: string, m: string) => `tháng ${Number(m)}/${y}`,
    year: (y: string) => `năm ${y}`,
  },
  en: {
    when: (what: string) => `When did this happen: "${what}"?`,
    what: (date: string) => `What happened on ${date}?`,
    who: (sentence: string) => `Fill in the blank: "${sentence}"`,
    howMany: (sentence: string) => `Fill in the number: "${sentence}"`,
    whoSaid: (quote: string) => `Who said: "${quote}"?`,
    first: 'Which of these happened first?',
    source: (title: string) => `According to "${title}"`,
    day: (y: string, m: string, d: string) => `${MONTHS_EN[Number(m) - 1]} ${Number(d)}, ${y}`,
    month: (y: string, m: string) => `${MONTHS_EN[Number(m) - 1]} ${y}`,
    year: (y: string) => y,
  },
} as const;

/** A resolved date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as the quiz writes it. */
export function formatQuizDate(lang: QuizLanguage, value: string): string {
  const [y = '', m, d] = value.split('-');
  const t = QUIZ_TEMPLATES[lang];
  if (d !== undefined && m !== undefined) return t.day(y, m, d);
  if (m !== undefined) return t.month(y, m);
  return t.year(y);
}
