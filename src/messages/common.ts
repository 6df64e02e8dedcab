/** Words every answer uses: citations, dates, sources. */
import { formatNumber, template, words } from './define.js';

export const COMMON_MESSAGES = {
  question: words({ en: 'Question', vi: 'Câu hỏi' }),
  source: words({ en: 'Source', vi: 'Nguồn' }),
  date: words({ en: 'Date', vi: 'Ngày' }),
  undated: words({ en: 'undated', vi: 'không rõ ngày' }),
  noSource: words({ en: 'source not given', vi: 'không rõ nguồn' }),
  alsoReportedBy: words({ en: 'Also reported by', vi: 'Các nguồn khác cũng đưa tin' }),
  relevance: template({ score: 'number' }, {
    en: (p) => `relevance ${formatNumber('en', p.score, 2)}`,
    vi: (p) => `độ liên quan ${formatNumber('vi', p.score, 2)}`,
  }),
  passageRef: template({ passageId: 'string' }, {
    en: (p) => `passage ${p.passageId}`,
    vi: (p) => `đoạn ${p.passageId}`,
  }),
} as const;
