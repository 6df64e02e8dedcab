/** The local console's and the command line's own words. */
import { formatNumber, template, words } from './define.js';

export const CONSOLE_MESSAGES = {
  consoleHelp: words({
    en: 'Commands:\n  /ask <question>     a cited answer from the articles\n  /sources            the articles in the briefing\n  /summary [topic]    a short cited summary\n  /timeline           the dated events, in order\n  /quiz               a five-question briefing quiz\n  /reindex            re-read the article folder\n  /help               this list\n  /quit               leave',
    vi: 'Các lệnh:\n  /ask <câu hỏi>      câu trả lời có trích dẫn\n  /sources            các bài trong bản tin\n  /summary [chủ đề]   tóm tắt ngắn có trích dẫn\n  /timeline           các sự kiện theo thời gian\n  /quiz               câu đố năm câu về bản tin\n  /reindex            đọc lại thư mục bài báo\n  /help               danh sách này\n  /quit               thoát',
  }),
  consoleUnknownCommand: words({ en: 'Unknown command. Type /help for the list.', vi: 'Lệnh không hợp lệ. Gõ /help để xem danh sách.' }),
  cliIngested: template(
    { articles: 'number', passages: 'number', added: 'number', changed: 'number', removed: 'number', unchanged: 'number', embedded: 'number', mode: 'string', seconds: 'number' },
    {
      en: (p) => `Indexed ${p.articles} articles, ${p.passages} passages (${p.added} added, ${p.changed} changed, ${p.removed} removed, ${p.unchanged} unchanged; ${p.embedded} embedded; search: ${p.mode}) in ${formatNumber('en', p.seconds, 1)} s.`,
      vi: (p) => `Đã lập chỉ mục ${p.articles} bài, ${p.passages} đoạn (${p.added} mới, ${p.changed} thay đổi, ${p.removed} bị xóa, ${p.unchanged} giữ nguyên; ${p.embedded} được nhúng; tìm kiếm: ${p.mode}) trong ${formatNumber('vi', p.seconds, 1)} giây.`,
    },
  ),
  cliWarning: template({ warning: 'string' }, { en: (p) => `warning: ${p.warning}`, vi: (p) => `cảnh báo: ${p.warning}` }),
  cliError: template({ error: 'string' }, { en: (p) => `error: ${p.error}`, vi: (p) => `lỗi: ${p.error}` }),
  internalError: words({
    en: 'Briefbot hit an internal error; please report it with the lines below.',
    vi: 'Briefbot gặp lỗi nội bộ; vui lòng báo lỗi kèm các dòng bên dưới.',
  }),
  noTokenNoTerminal: words({
    en: 'DISCORD_TOKEN is not set and stdin is not a terminal: set DISCORD_TOKEN to run the bot, or run `npm start` in a terminal for the local console.',
    vi: 'Chưa đặt DISCORD_TOKEN và đầu vào không phải là terminal: đặt DISCORD_TOKEN để chạy bot, hoặc chạy `npm start` trong terminal để dùng bảng điều khiển cục bộ.',
  }),
} as const;
