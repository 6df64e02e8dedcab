/** The bot's own words (not the articles') in English and Vietnamese, chosen by the interaction's locale. */
import { ERROR_CODES, type ErrorCode, type UserError } from '../errors.js';

export type BotLocale = 'en' | 'vi';

const EN = {
  question: 'Question',
  source: 'Source',
  date: 'Date',
  undated: 'undated',
  noSource: 'not given',
  alsoReportedBy: 'Also reported by',
  relevance: 'relevance {score} · passage {passageId}',
  moreSources: 'More sources',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  noMorePassages: 'No more passages on this question.',
  nothing: 'The briefing has nothing on that.',
  tryAsking: 'It does cover, for example: {suggestions}. Try asking about one of these.',
  feedbackThanks: 'Thanks, your feedback was recorded.',
  sessionExpired: 'This answer has expired; please ask again.',
  sourcesTitle: '{n} articles in the briefing',
  sourcesMore: 'and {n} more (the list shows the first 25)',
  helpTitle: 'Briefbot, the briefing desk',
  helpIntro: 'I answer questions from a folder of news articles and cite the passages I used. I never make up an answer: when the articles say nothing, I say so.',
  helpCommands: 'Commands',
  helpAsk: '`/ask question:` a cited answer from the articles (`sources:` 1–10, `private:` only you see it)',
  helpSources: '`/sources` the articles in the briefing',
  helpSummary: '`/summary` a short cited summary of the briefing, a topic or one article',
  helpReindex: '`/reindex` re-read the articles (needs Manage Server)',
  helpHelp: '`/help` this message',
  helpModel: 'Search mode',
  modelHybrid: 'Multilingual model loaded ({model}): meaning-based and keyword search.',
  modelLexical: 'Multilingual model NOT loaded: keyword search only. {warning}',
  reindexDone: 'Reindex done in {seconds} s: {articles} articles, {passages} passages ({added} added, {changed} changed, {removed} removed, {unchanged} unchanged; {embedded} embedded). Mode: {mode}.',
  summaryTitle: 'Summary',
  summaryNothing: 'The briefing has nothing on "{topic}".',
  shuttingDown: 'The bot is restarting; please try again in a minute.',
  unknownCommand: 'I do not know that command.',
  bug: 'Sorry, something went wrong on my side (incident {incident}). The team has been told.',
  [ERROR_CODES.EMPTY_QUESTION]: 'Please type a question.',
  [ERROR_CODES.QUESTION_TOO_LONG]: 'That question is too long (at most {max} characters).',
  [ERROR_CODES.CORPUS_MISSING]: 'The article folder is missing.',
  [ERROR_CODES.CORPUS_EMPTY]: 'The article folder is empty.',
  [ERROR_CODES.ARTICLE_NOT_FOUND]: 'No article matches that id.',
  [ERROR_CODES.ARTICLE_AMBIGUOUS]: 'Several articles match that id; give more of it.',
  [ERROR_CODES.INDEX_CORRUPT]: 'The index is damaged; ask an admin to run /reindex.',
  [ERROR_CODES.INDEX_MODEL_MISMATCH]: 'The index was built with another model; ask an admin to run /reindex.',
  [ERROR_CODES.INDEX_DIR_REFUSED]: 'The index folder is not one the bot may write to; ask an admin to check INDEX_DIR.',
  [ERROR_CODES.INDEX_LOCKED]: 'Another process is updating the index; answers keep coming from the current one. Try again once it has finished.',
  [ERROR_CODES.NO_SPACE]: 'No space left on the disk for the index; the current index is kept.',
  [ERROR_CODES.BAD_DATE]: 'I could not read that date.',
  [ERROR_CODES.BAD_OPTION]: 'The option `{name}` is not valid: {reason}',
  [ERROR_CODES.BAD_BATCH_FILE]: 'That question file cannot be read.',
  [ERROR_CODES.NOT_ENOUGH_MATERIAL]: 'There is not enough material for that.',
  [ERROR_CODES.MISSING_PERMISSION]: 'You need the {permission} permission for this.',
  [ERROR_CODES.COOLDOWN]: 'Please wait {seconds} s before asking again.',
  [ERROR_CODES.QUIZ_ALREADY_RUNNING]: 'A quiz is already running in this channel.',
  [ERROR_CODES.QUIZ_NOT_RUNNING]: 'No quiz is running in this channel.',
  [ERROR_CODES.QUIZ_ENDED]: 'This quiz has ended.',
  [ERROR_CODES.NOT_QUIZ_HOST]: 'Only the host or a server manager can do that.',
  [ERROR_CODES.REINDEX_RUNNING]: 'A reindex is already running; answers keep coming from the current index.',
  [ERROR_CODES.CONFIG_INVALID]: 'The bot is misconfigured.',
} as const;

export type BotMessageKey = keyof typeof EN;

const VI: Record<BotMessageKey, string> = {
  question: 'Câu hỏi',
  source: 'Nguồn',
  date: 'Ngày',
  undated: 'không rõ ngày',
  noSource: 'không rõ',
  alsoReportedBy: 'Cũng được đưa tin bởi',
  relevance: 'độ liên quan {score} · đoạn {passageId}',
  moreSources: 'Thêm nguồn',
  helpful: 'Hữu ích',
  notHelpful: 'Không hữu ích',
  noMorePassages: 'Không còn đoạn nào khác cho câu hỏi này.',
  nothing: 'Bản tin không có thông tin về điều này.',
  tryAsking: 'Bản tin có đề cập, chẳng hạn: {suggestions}. Hãy thử hỏi về một trong các chủ đề này.',
  feedbackThanks: 'Cảm ơn, phản hồi của bạn đã được ghi nhận.',
  sessionExpired: 'Câu trả lời này đã hết hạn; vui lòng hỏi lại.',
  sourcesTitle: '{n} bài trong bản tin',
  sourcesMore: 'và {n} bài khác (danh sách chỉ hiện 25 bài đầu)',
  helpTitle: 'Briefbot, bàn tin tóm tắt',
  helpIntro: 'Tôi trả lời câu hỏi dựa trên một thư mục bài báo và trích dẫn các đoạn đã dùng. Tôi không bịa câu trả lời: khi các bài không nói gì, tôi sẽ nói rõ.',
  helpCommands: 'Các lệnh',
  helpAsk: '`/ask question:` câu trả lời có trích dẫn (`sources:` 1–10, `private:` chỉ bạn thấy)',
  helpSources: '`/sources` các bài trong bản tin',
  helpSummary: '`/summary` tóm tắt ngắn có trích dẫn: toàn bản tin, một chủ đề hoặc một bài',
  helpReindex: '`/reindex` đọc lại các bài (cần quyền Quản lý máy chủ)',
  helpHelp: '`/help` thông báo này',
  helpModel: 'Chế độ tìm kiếm',
  modelHybrid: 'Đã tải mô hình đa ngôn ngữ ({model}): tìm theo nghĩa và theo từ khóa.',
  modelLexical: 'CHƯA tải mô hình đa ngôn ngữ: chỉ tìm theo từ khóa. {warning}',
  reindexDone: 'Đã lập chỉ mục lại trong {seconds} giây: {articles} bài, {passages} đoạn ({added} mới, {changed} thay đổi, {removed} bị xóa, {unchanged} giữ nguyên; {embedded} được nhúng). Chế độ: {mode}.',
  summaryTitle: 'Tóm tắt',
  summaryNothing: 'Bản tin không có thông tin về "{topic}".',
  shuttingDown: 'Bot đang khởi động lại; vui lòng thử lại sau một phút.',
  unknownCommand: 'Tôi không biết lệnh này.',
  bug: 'Xin lỗi, đã có lỗi từ phía tôi (mã sự cố {incident}). Nhóm phụ trách đã được báo.',
  [ERROR_CODES.EMPTY_QUESTION]: 'Vui lòng nhập câu hỏi.',
  [ERROR_CODES.QUESTION_TOO_LONG]: 'Câu hỏi quá dài (tối đa {max} ký tự).',
  [ERROR_CODES.CORPUS_MISSING]: 'Không tìm thấy thư mục bài báo.',
  [ERROR_CODES.CORPUS_EMPTY]: 'Thư mục bài báo trống.',
  [ERROR_CODES.ARTICLE_NOT_FOUND]: 'Không có bài nào khớp với mã này.',
  [ERROR_CODES.ARTICLE_AMBIGUOUS]: 'Nhiều bài khớp với mã này; hãy ghi rõ hơn.',
  [ERROR_CODES.INDEX_CORRUPT]: 'Chỉ mục bị hỏng; hãy nhờ quản trị viên chạy /reindex.',
  [ERROR_CODES.INDEX_MODEL_MISMATCH]: 'Chỉ mục được lập bằng mô hình khác; hãy nhờ quản trị viên chạy /reindex.',
  [ERROR_CODES.INDEX_DIR_REFUSED]: 'Bot không được phép ghi vào thư mục chỉ mục này; hãy nhờ quản trị viên kiểm tra INDEX_DIR.',
  [ERROR_CODES.INDEX_LOCKED]: 'Một tiến trình khác đang cập nhật chỉ mục; câu trả lời vẫn lấy từ chỉ mục hiện tại. Hãy thử lại khi nó xong.',
  [ERROR_CODES.NO_SPACE]: 'Ổ đĩa đã hết chỗ cho chỉ mục; chỉ mục hiện tại được giữ nguyên.',
  [ERROR_CODES.BAD_DATE]: 'Tôi không đọc được ngày này.',
  [ERROR_CODES.BAD_OPTION]: 'Tùy chọn `{name}` không hợp lệ: {reason}',
  [ERROR_CODES.BAD_BATCH_FILE]: 'Không đọc được tệp câu hỏi.',
  [ERROR_CODES.NOT_ENOUGH_MATERIAL]: 'Không đủ tư liệu cho yêu cầu này.',
  [ERROR_CODES.MISSING_PERMISSION]: 'Bạn cần quyền {permission} để làm việc này.',
  [ERROR_CODES.COOLDOWN]: 'Vui lòng đợi {seconds} giây trước khi hỏi tiếp.',
  [ERROR_CODES.QUIZ_ALREADY_RUNNING]: 'Kênh này đang có một trò đố vui.',
  [ERROR_CODES.QUIZ_NOT_RUNNING]: 'Kênh này không có trò đố vui nào.',
  [ERROR_CODES.QUIZ_ENDED]: 'Trò đố vui này đã kết thúc.',
  [ERROR_CODES.NOT_QUIZ_HOST]: 'Chỉ người tổ chức hoặc quản lý máy chủ mới làm được việc này.',
  [ERROR_CODES.REINDEX_RUNNING]: 'Đang lập chỉ mục lại; câu trả lời vẫn lấy từ chỉ mục hiện tại.',
  [ERROR_CODES.CONFIG_INVALID]: 'Bot bị cấu hình sai.',
};

const MESSAGES: Record<BotLocale, Record<BotMessageKey, string>> = { en: EN, vi: VI };

/** Discord locales (`vi`, `en-US`, …) to the languages the bot speaks; English by default. */
export function botLocale(discordLocale: string | null | undefined): BotLocale {
  return discordLocale?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** `{name}` placeholders filled from `params`; a placeholder without a value stays as it is. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function botText(locale: BotLocale, key: BotMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(MESSAGES[locale][key], params);
}

/** The localised text of a UserError; codes without their own words fall back to the error's message. */
export function userErrorText(locale: BotLocale, error: UserError): string {
  const code: ErrorCode = error.code;
  const text = botText(locale, code, { reason: error.message, ...error.params });
  return /\{\w+\}/.test(text) ? error.message : text;
}
