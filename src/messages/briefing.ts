/** The words of `/ask`, `/sources`, `/summary`, `/timeline`, `/help` and `/reindex`, on Discord and in the console. */
import { formatNumber, template, words } from './define.js';

export const BRIEFING_MESSAGES = {
  moreSources: words({ en: 'More sources', vi: 'Xem thêm nguồn' }),
  helpful: words({ en: 'Helpful', vi: 'Hữu ích' }),
  notHelpful: words({ en: 'Not helpful', vi: 'Không hữu ích' }),
  noMorePassages: words({ en: 'No more passages on this question.', vi: 'Không còn đoạn nào khác cho câu hỏi này.' }),
  nothing: words({ en: 'The briefing has nothing on that.', vi: 'Bản tin không có thông tin về điều này.' }),
  tryAsking: template({ suggestions: 'string' }, {
    en: (p) => `It does cover, for example: ${p.suggestions}. Try asking about one of these.`,
    vi: (p) => `Tuy vậy, bản tin có nói về một số chủ đề như: ${p.suggestions}. Bạn thử hỏi về một trong các chủ đề đó xem.`,
  }),
  feedbackThanks: words({ en: 'Thanks, your feedback was recorded.', vi: 'Cảm ơn, phản hồi của bạn đã được ghi nhận.' }),
  sessionExpired: words({ en: 'This answer has expired; please ask again.', vi: 'Câu trả lời này đã hết hạn; vui lòng hỏi lại.' }),

  previousPage: words({ en: '◀ Previous', vi: '◀ Trang trước' }),
  nextPage: words({ en: 'Next ▶', vi: 'Trang sau ▶' }),
  pageFooter: template({ page: 'number', pages: 'number' }, { en: (p) => `Page ${p.page}/${p.pages}`, vi: (p) => `Trang ${p.page}/${p.pages}` }),
  readArticle: words({ en: 'read', vi: 'đọc bài' }),
  sourcesTitle: template({ n: 'number' }, {
    en: (p) => `${formatNumber('en', p.n)} ${p.n === 1 ? 'article' : 'articles'} in the briefing`,
    vi: (p) => `${formatNumber('vi', p.n)} bài trong bản tin`,
  }),

  summaryTitle: words({ en: 'Summary', vi: 'Tóm tắt' }),
  summaryTopicTitle: template({ topic: 'string' }, { en: (p) => `Summary: ${p.topic}`, vi: (p) => `Tóm tắt: ${p.topic}` }),
  summaryNothing: template({ topic: 'string' }, {
    en: (p) => `The briefing has nothing on "${p.topic}".`,
    vi: (p) => `Bản tin không có thông tin về "${p.topic}".`,
  }),

  timelineNoEvents: words({ en: 'No dated events in that range.', vi: 'Không có sự kiện nào trong khoảng thời gian này.' }),
  timelineNoEventsOn: template({ topic: 'string' }, {
    en: (p) => `No dated events on "${p.topic}" in that range.`,
    vi: (p) => `Không có sự kiện nào về "${p.topic}" trong khoảng thời gian này.`,
  }),
  timelineTitle: template({ n: 'number' }, {
    en: (p) => `Timeline: ${formatNumber('en', p.n)} ${p.n === 1 ? 'event' : 'events'}`,
    vi: (p) => `Dòng thời gian: ${formatNumber('vi', p.n)} sự kiện`,
  }),
  timelineTopicTitle: template({ n: 'number', topic: 'string' }, {
    en: (p) => `Timeline of ${p.topic}: ${formatNumber('en', p.n)} ${p.n === 1 ? 'event' : 'events'}`,
    vi: (p) => `Dòng thời gian về ${p.topic}: ${formatNumber('vi', p.n)} sự kiện`,
  }),
  timelineFrom: template({ date: 'string' }, { en: (p) => `from ${p.date}`, vi: (p) => `từ ${p.date}` }),
  timelineTo: template({ date: 'string' }, { en: (p) => `up to ${p.date}`, vi: (p) => `đến ${p.date}` }),
  timelineDateChoice: template({ date: 'string', n: 'number' }, {
    en: (p) => `${p.date} (${p.n} ${p.n === 1 ? 'event' : 'events'})`,
    vi: (p) => `${p.date} (${p.n} sự kiện)`,
  }),
  timelineAsWritten: template({ text: 'string' }, { en: (p) => `written “${p.text}”`, vi: (p) => `nguyên văn “${p.text}”` }),
  yearInferred: words({ en: 'year inferred', vi: 'năm được suy ra' }),

  helpTitle: words({ en: 'Briefbot, the briefing desk', vi: 'Briefbot – trợ lý bản tin' }),
  helpIntro: words({
    en: 'I answer questions from a folder of news articles and cite the passages I used. I never make up an answer: when the articles say nothing, I say so.',
    vi: 'Tôi trả lời câu hỏi dựa trên một thư mục bài báo và trích dẫn các đoạn đã dùng. Tôi không bịa câu trả lời: khi các bài không nói gì, tôi sẽ nói rõ.',
  }),
  helpCommands: words({ en: 'Commands', vi: 'Các lệnh' }),
  helpModel: words({ en: 'Search mode', vi: 'Chế độ tìm kiếm' }),
  modelHybrid: template({ model: 'string' }, {
    en: (p) => `Multilingual model loaded (${p.model}): meaning-based and keyword search.`,
    vi: (p) => `Đã tải mô hình đa ngôn ngữ (${p.model}): tìm theo nghĩa và theo từ khóa.`,
  }),
  modelLexical: template({ model: 'string' }, {
    en: (p) => `Multilingual model NOT loaded: keyword search only. To add ${p.model}, run Briefbot once with ALLOW_MODEL_DOWNLOAD=1 on a machine with internet access (the model is then kept in MODELS_DIR), or copy its folder to MODELS_DIR/${p.model}/; "The embedding model" in the README has the details.`,
    vi: (p) => `CHƯA tải mô hình đa ngôn ngữ: chỉ tìm theo từ khóa. Để thêm ${p.model}, chạy Briefbot một lần với ALLOW_MODEL_DOWNLOAD=1 trên máy có internet (mô hình được giữ lại trong MODELS_DIR), hoặc chép thư mục của mô hình vào MODELS_DIR/${p.model}/; xem chi tiết ở mục "The embedding model" trong README.`,
  }),
  reindexDone: template(
    { seconds: 'number', articles: 'number', passages: 'number', added: 'number', changed: 'number', removed: 'number', unchanged: 'number', embedded: 'number', mode: 'string' },
    {
      en: (p) => `Reindex done in ${formatNumber('en', p.seconds, 1)} s: ${p.articles} articles, ${p.passages} passages (${p.added} added, ${p.changed} changed, ${p.removed} removed, ${p.unchanged} unchanged; ${p.embedded} embedded). Mode: ${p.mode}.`,
      vi: (p) => `Đã lập chỉ mục lại trong ${formatNumber('vi', p.seconds, 1)} giây: ${p.articles} bài, ${p.passages} đoạn (${p.added} mới, ${p.changed} thay đổi, ${p.removed} bị xóa, ${p.unchanged} giữ nguyên; ${p.embedded} được nhúng). Chế độ: ${p.mode}.`,
    },
  ),

  modeHybrid: words({ en: 'meaning and keywords', vi: 'theo nghĩa và từ khóa' }),
  modeLexical: words({ en: 'keywords only', vi: 'chỉ theo từ khóa' }),

  shuttingDown: words({ en: 'The bot is restarting; please try again in a minute.', vi: 'Bot đang khởi động lại; vui lòng thử lại sau một phút.' }),
  bug: template({ incident: 'string' }, {
    en: (p) => `Sorry, something went wrong on my side (incident ${p.incident}). The team has been told.`,
    vi: (p) => `Xin lỗi, đã có lỗi từ phía tôi (mã sự cố ${p.incident}). Nhóm phụ trách đã được báo.`,
  }),
} as const;
