/**
 * What Discord shows of each slash command, subcommand and option, in every language: a name
 * (lowercase letters, digits, `-` and `_`, at most 32; Vietnamese without accents, so that it
 * can be typed on any keyboard) and a description (at most 100 characters). Registered with
 * the commands; a test checks every one against Discord's rules.
 */
import { template, words, type Locale, type MessageDef, type ParamSpec } from './define.js';

export interface CommandWords<S extends ParamSpec> {
  readonly name: { readonly [L in Locale]: string };
  readonly description: MessageDef<S>;
}

function named<S extends ParamSpec>(name: { readonly [L in Locale]: string }, description: MessageDef<S>): CommandWords<S> {
  return { name, description };
}

const range = { min: 'number', max: 'number' } as const;

export const COMMAND_WORDS = {
  ask: named({ en: 'ask', vi: 'hoi' }, words({ en: 'Ask the briefing a question; the answer cites its articles.', vi: 'Đặt câu hỏi cho bản tin; câu trả lời có trích dẫn bài báo.' })),
  askQuestion: named({ en: 'question', vi: 'cau_hoi' }, words({ en: 'Your question, in English or Vietnamese.', vi: 'Câu hỏi của bạn, tiếng Việt hoặc tiếng Anh.' })),
  askSources: named({ en: 'sources', vi: 'so_doan' }, template(range, {
    en: (p) => `How many passages to show (${p.min}–${p.max}).`,
    vi: (p) => `Số đoạn hiển thị (${p.min}–${p.max}).`,
  })),
  askPrivate: named({ en: 'private', vi: 'rieng_tu' }, words({ en: 'Only you see the answer.', vi: 'Chỉ mình bạn thấy câu trả lời.' })),

  sources: named({ en: 'sources', vi: 'nguon' }, words({ en: 'List the articles in the briefing.', vi: 'Liệt kê các bài trong bản tin.' })),

  summary: named({ en: 'summary', vi: 'tom_tat' }, words({ en: 'A short cited summary of the briefing, a topic or one article.', vi: 'Tóm tắt ngắn có trích dẫn: toàn bản tin, một chủ đề hoặc một bài.' })),
  summaryTopic: named({ en: 'topic', vi: 'chu_de' }, words({ en: 'Only about this topic (suggestions as you type).', vi: 'Chỉ về chủ đề này (có gợi ý khi gõ).' })),
  summaryArticle: named({ en: 'article', vi: 'bai' }, words({ en: 'One article: type part of its title.', vi: 'Một bài: gõ một phần tiêu đề.' })),
  summarySentences: named({ en: 'sentences', vi: 'so_cau' }, template(range, {
    en: (p) => `How many sentences (${p.min}–${p.max}).`,
    vi: (p) => `Số câu (${p.min}–${p.max}).`,
  })),

  timeline: named({ en: 'timeline', vi: 'dong_thoi_gian' }, words({ en: 'The dated events of the briefing, in order, each cited.', vi: 'Các sự kiện có ngày tháng trong bản tin, theo thứ tự, có trích dẫn.' })),
  timelineFrom: named({ en: 'from', vi: 'tu' }, words({ en: 'From this date: YYYY, YYYY-MM or YYYY-MM-DD (the dates of events as you type).', vi: 'Từ ngày: YYYY, YYYY-MM hoặc YYYY-MM-DD (gợi ý ngày có sự kiện).' })),
  timelineTo: named({ en: 'to', vi: 'den' }, words({ en: 'Up to this date: YYYY, YYYY-MM or YYYY-MM-DD (the dates of events as you type).', vi: 'Đến ngày: YYYY, YYYY-MM hoặc YYYY-MM-DD (gợi ý ngày có sự kiện).' })),
  timelineTopic: named({ en: 'topic', vi: 'chu_de' }, words({ en: 'Only events about this topic.', vi: 'Chỉ các sự kiện về chủ đề này.' })),

  help: named({ en: 'help', vi: 'tro_giup' }, words({ en: 'What this bot does and how to use it.', vi: 'Bot này làm gì và cách dùng.' })),
  reindex: named({ en: 'reindex', vi: 'lap_chi_muc' }, words({ en: 'Re-read the article folder and rebuild the index (Manage Server).', vi: 'Đọc lại thư mục bài báo và lập lại chỉ mục (Quản lý máy chủ).' })),

  quiz: named({ en: 'quiz', vi: 'do_vui' }, words({ en: 'A live quiz on the briefing: buttons, a countdown, points for speed.', vi: 'Đố vui trực tiếp về bản tin: nút bấm, đếm ngược, điểm tốc độ.' })),
  quizStart: named({ en: 'start', vi: 'bat_dau' }, words({ en: 'Start a quiz in this channel.', vi: 'Bắt đầu trò đố vui trong kênh này.' })),
  quizStartQuestions: named({ en: 'questions', vi: 'so_cau_hoi' }, template({ ...range, default: 'number' }, {
    en: (p) => `How many questions (${p.min}–${p.max}, default ${p.default}).`,
    vi: (p) => `Số câu hỏi (${p.min}–${p.max}, mặc định ${p.default}).`,
  })),
  quizStartSeconds: named({ en: 'seconds', vi: 'so_giay' }, template({ ...range, default: 'number' }, {
    en: (p) => `Seconds per question (${p.min}–${p.max}, default ${p.default}).`,
    vi: (p) => `Số giây mỗi câu (${p.min}–${p.max}, mặc định ${p.default}).`,
  })),
  quizStartKinds: named({ en: 'kinds', vi: 'loai_cau' }, words({ en: 'Only these kinds of question: when, who, how many… (suggestions as you type).', vi: 'Chỉ các loại câu hỏi này: khi nào, ai, bao nhiêu… (có gợi ý khi gõ).' })),
  quizStartTopic: named({ en: 'topic', vi: 'chu_de' }, words({ en: 'Only questions about this topic (suggestions as you type).', vi: 'Chỉ hỏi về chủ đề này (có gợi ý khi gõ).' })),
  quizStartSeed: named({ en: 'seed', vi: 'ma_de' }, words({ en: 'Replay the quiz of this seed (each quiz shows its own).', vi: 'Chơi lại bộ câu hỏi của mã đề này (mỗi trò đố vui hiện mã của nó).' })),
  quizStartSpeedPoints: named({ en: 'speed_points', vi: 'diem_toc_do' }, words({ en: 'Faster answers score more (default: yes).', vi: 'Trả lời càng nhanh càng nhiều điểm (mặc định: có).' })),
  quizStartStreaks: named({ en: 'streaks', vi: 'thuong_chuoi' }, words({ en: 'Bonus for correct answers in a row (default: yes).', vi: 'Thưởng cho chuỗi câu trả lời đúng liên tiếp (mặc định: có).' })),
  quizStop: named({ en: 'stop', vi: 'ket_thuc' }, words({ en: 'Stop the quiz in this channel (host or server managers).', vi: 'Dừng trò đố vui trong kênh này (người tổ chức hoặc người quản lý máy chủ).' })),
  quizLeaderboard: named({ en: 'leaderboard', vi: 'bang_xep_hang' }, words({ en: 'The best quiz players of this server.', vi: 'Những người chơi đố vui giỏi nhất máy chủ.' })),
  quizLeaderboardPeriod: named({ en: 'period', vi: 'thoi_gian' }, words({ en: 'All time, the last 7 days or the last 30 days.', vi: 'Từ trước đến nay, 7 ngày qua hoặc 30 ngày qua.' })),
  quizStats: named({ en: 'stats', vi: 'thong_ke' }, words({ en: 'Your quiz stats on this server.', vi: 'Thống kê đố vui của bạn trên máy chủ này.' })),

  article: named({ en: 'article', vi: 'bai_bao' }, words({ en: 'Add an article to the briefing, remove one, or list those added (Manage Server).', vi: 'Thêm bài vào bản tin, xóa bài, hoặc liệt kê các bài đã thêm (Quản lý máy chủ).' })),
  articleAdd: named({ en: 'add', vi: 'them' }, words({ en: 'Add a web page (url) or a .txt, .md or .html file.', vi: 'Thêm một trang web (url) hoặc một tệp .txt, .md, .html.' })),
  articleAddUrl: named({ en: 'url', vi: 'url' }, words({ en: 'The article\'s web address (http or https).', vi: 'Địa chỉ web của bài (http hoặc https).' })),
  articleAddFile: named({ en: 'file', vi: 'tep' }, words({ en: 'A .txt, .md or .html file with the article.', vi: 'Một tệp .txt, .md hoặc .html chứa bài.' })),
  articleRemove: named({ en: 'remove', vi: 'xoa' }, words({ en: 'Remove an article added from Discord, the console or a feed.', vi: 'Xóa một bài đã thêm từ Discord, console dòng lệnh hoặc nguồn tin.' })),
  articleRemoveArticle: named({ en: 'article', vi: 'bai' }, words({ en: 'The article: type part of its title.', vi: 'Bài cần xóa: gõ một phần tiêu đề.' })),
  articleList: named({ en: 'list', vi: 'danh_sach' }, words({ en: 'The articles added, newest first, with who added them.', vi: 'Các bài đã thêm, mới nhất trước, kèm người thêm.' })),

  feed: named({ en: 'feed', vi: 'nguon_tin' }, words({ en: 'Follow RSS or Atom feeds: new articles join the briefing (Manage Server).', vi: 'Theo dõi nguồn tin RSS hoặc Atom: bài mới sẽ được thêm vào bản tin (Quản lý máy chủ).' })),
  feedAdd: named({ en: 'add', vi: 'them' }, words({ en: 'Follow a feed; its new articles are added as they appear.', vi: 'Theo dõi một nguồn tin; bài mới được thêm khi xuất hiện.' })),
  feedAddUrl: named({ en: 'url', vi: 'url' }, words({ en: 'The feed\'s address (RSS or Atom, http or https).', vi: 'Địa chỉ nguồn tin (RSS hoặc Atom, http hoặc https).' })),
  feedAddChannel: named({ en: 'channel', vi: 'kenh' }, words({ en: 'Announce each new article in this channel.', vi: 'Thông báo từng bài mới trong kênh này.' })),
  feedRemove: named({ en: 'remove', vi: 'xoa' }, words({ en: 'Stop following a feed (its articles stay).', vi: 'Ngừng theo dõi một nguồn tin (vẫn giữ các bài đã thêm).' })),
  feedRemoveFeed: named({ en: 'feed', vi: 'nguon_tin' }, words({ en: 'The feed: type part of its title or address.', vi: 'Nguồn tin: gõ một phần tên hoặc địa chỉ.' })),
  feedList: named({ en: 'list', vi: 'danh_sach' }, words({ en: 'The feeds this server follows.', vi: 'Các nguồn tin máy chủ này đang theo dõi.' })),
} as const;

export type CommandWordKey = keyof typeof COMMAND_WORDS;

/**
 * The commands a message may point its reader to (`withCommands`), each as its path of command
 * words: the command, then the subcommand. A test checks every path against the registered commands.
 */
export const COMMAND_REFS = {
  ask: ['ask'],
  summary: ['summary'],
  sources: ['sources'],
  articleAdd: ['article', 'articleAdd'],
  feedAdd: ['feed', 'feedAdd'],
  feedList: ['feed', 'feedList'],
  quizStart: ['quiz', 'quizStart'],
} as const satisfies Record<string, readonly CommandWordKey[]>;

export type CommandRef = keyof typeof COMMAND_REFS;

/** A command as a Discord user of `locale` finds it in the command picker: `/feed list`, `/nguon_tin danh_sach`. */
export function commandPath(ref: CommandRef, locale: Locale): string {
  return `/${COMMAND_REFS[ref].map((key: CommandWordKey) => COMMAND_WORDS[key].name[locale]).join(' ')}`;
}
