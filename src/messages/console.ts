/** The local console's and the command line's own words. */
import { formatNumber, template, words } from './define.js';

export const CONSOLE_MESSAGES = {
  consoleHelp: words({
    en: [
      'Commands:',
      '  /ask <question>                 a cited answer from the articles (a line without / is a question too)',
      '  more                            the next passages of the last answer',
      '  /summary [topic | article id]   a short cited summary: of the briefing, a topic, or one article (ids: /sources)',
      '  /timeline [from] [to] [topic]   the dated events in order; dates as YYYY, YYYY-MM or YYYY-MM-DD',
      '  /quiz [questions] [seed:S] [topic] a quiz: type A–D; "stop" or Ctrl-C ends it with the scores',
      '  /sources                        the articles in the briefing, with their ids',
      '  /reindex                        re-read the article folder',
      '  /add <path or url>              add an article: a .txt, .md or .html file, or a web page',
      '  /help                           this list',
      '  /quit                           leave (Ctrl-C or Ctrl-D too)',
    ].join('\n'),
    vi: [
      'Các lệnh:',
      '  /ask <câu hỏi>                  câu trả lời có trích dẫn từ các bài (dòng không có / cũng được coi là câu hỏi)',
      '  more (hoặc thêm)                các đoạn tiếp theo của câu trả lời vừa rồi',
      '  /summary [chủ đề | mã bài]      tóm tắt ngắn có trích dẫn: toàn bản tin, một chủ đề hoặc một bài (xem mã: /sources)',
      '  /timeline [từ] [đến] [chủ đề]   các sự kiện có ngày tháng, theo thứ tự; ngày dạng YYYY, YYYY-MM hoặc YYYY-MM-DD',
      '  /quiz [số câu] [seed:S] [chủ đề] đố vui: gõ A–D; "stop" (hoặc "dừng") hay Ctrl-C để kết thúc và xem điểm',
      '  /sources                        các bài trong bản tin, kèm mã',
      '  /reindex                        đọc lại thư mục bài báo',
      '  /add <tệp hoặc url>             thêm bài: tệp .txt, .md, .html hoặc một trang web',
      '  /help                           danh sách này',
      '  /quit                           thoát (hoặc Ctrl-C, Ctrl-D)',
    ].join('\n'),
  }),
  consoleNothingMore: words({ en: 'Ask a question first; "more" then shows its next passages.', vi: 'Hãy đặt câu hỏi trước; "more" (hoặc "thêm") sẽ hiện các đoạn tiếp theo.' }),
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
  startUsage: words({
    en: 'npm start [-- --corpus DIR] [--index DIR]\n  With DISCORD_TOKEN set: the Discord bot. Without it, at a terminal: the local console.\n  --corpus DIR   the article folder (default: CORPUS_DIR, then corpus/)\n  --index DIR    the index folder (default: INDEX_DIR, then data/index)',
    vi: 'npm start [-- --corpus DIR] [--index DIR]\n  Có DISCORD_TOKEN: chạy bot Discord. Không có DISCORD_TOKEN và chạy trong terminal: mở console dòng lệnh cục bộ.\n  --corpus DIR   thư mục bài báo (mặc định: CORPUS_DIR, nếu không có thì corpus/)\n  --index DIR    thư mục chỉ mục (mặc định: INDEX_DIR, nếu không có thì data/index)',
  }),
  internalError: words({
    en: 'Briefbot hit an internal error; please report it with the lines below.',
    vi: 'Briefbot gặp lỗi nội bộ; vui lòng báo lỗi kèm các dòng bên dưới.',
  }),
  noTokenNoTerminal: words({
    en: 'DISCORD_TOKEN is not set and stdin is not a terminal: set DISCORD_TOKEN to run the bot, or run `npm start` in a terminal for the local console.',
    vi: 'Chưa đặt DISCORD_TOKEN và đầu vào chuẩn (stdin) không phải là terminal: đặt DISCORD_TOKEN để chạy bot, hoặc chạy `npm start` trong terminal để dùng console dòng lệnh cục bộ.',
  }),
} as const;
