/**
 * What a UserError says, in every language. Each `UserError` names one of these keys and passes
 * its parameters; its `message` (for logs) is the English text. A `detail` parameter is
 * technical text from a library or the file system, shown as it is.
 */
import { template, withCommands, words } from './define.js';

export const ERROR_MESSAGES = {
  emptyQuestion: words({ en: 'Please type a question.', vi: 'Vui lòng nhập câu hỏi.' }),
  questionTooLong: template({ length: 'number', max: 'number' }, {
    en: (p) => `That question is too long: ${p.length} characters, at most ${p.max}.`,
    vi: (p) => `Câu hỏi quá dài: ${p.length} ký tự, tối đa ${p.max}.`,
  }),
  corpusMissing: template({ dir: 'string' }, {
    en: (p) => `The article folder ${p.dir} does not exist. Set CORPUS_DIR or pass --corpus DIR.`,
    vi: (p) => `Không tìm thấy thư mục bài báo ${p.dir}. Hãy đặt CORPUS_DIR hoặc dùng --corpus DIR.`,
  }),
  corpusUnreadable: template({ dir: 'string', detail: 'string' }, {
    en: (p) => `The article folder ${p.dir} cannot be read (${p.detail}).`,
    vi: (p) => `Không đọc được thư mục bài báo ${p.dir} (${p.detail}).`,
  }),
  corpusEmpty: template({ dir: 'string', detail: 'string' }, {
    en: (p) => `The article folder ${p.dir} has no usable article: ${p.detail}.`,
    vi: (p) => `Thư mục bài báo ${p.dir} không có bài nào dùng được: ${p.detail}.`,
  }),
  articleNotFound: withCommands({ article: 'string' }, {
    en: (p, command) => `No article matches "${p.article}"; ${command('sources')} lists them.`,
    vi: (p, command) => `Không có bài nào khớp với "${p.article}"; dùng ${command('sources')} để xem danh sách bài.`,
  }),
  articleAmbiguous: template({ article: 'string', count: 'number' }, {
    en: (p) => `"${p.article}" matches ${p.count} articles; give more of the id.`,
    vi: (p) => `"${p.article}" khớp với ${p.count} bài; hãy gõ thêm vài ký tự của mã bài.`,
  }),
  indexCorrupt: template({ dir: 'string', file: 'string', detail: 'string' }, {
    en: (p) => `The index at ${p.dir} is damaged (${p.file}: ${p.detail}); it will be rebuilt from the articles.`,
    vi: (p) => `Chỉ mục tại ${p.dir} bị hỏng (${p.file}: ${p.detail}); chỉ mục sẽ được lập lại từ các bài báo.`,
  }),
  indexModelMismatch: template({ dir: 'string', built: 'string', wanted: 'string' }, {
    en: (p) => `The index at ${p.dir} was built with ${p.built}, not ${p.wanted}; it will be rebuilt.`,
    vi: (p) => `Chỉ mục tại ${p.dir} được lập bằng ${p.built}, không phải ${p.wanted}; chỉ mục sẽ được lập lại.`,
  }),
  /** `what` is DATA_DIR or CORPUS_DIR. */
  indexIsOtherFolder: template({ dir: 'string', other: 'string', what: 'string' }, {
    en: (p) => `Refusing to use ${p.dir} as the index folder: it is ${p.what === 'DATA_DIR' ? 'the data folder' : 'the corpus'} (${p.what}: ${p.other}), which each index build would replace. The index needs a folder of its own (by default DATA_DIR/index); set INDEX_DIR or --index.`,
    vi: (p) => `Không dùng ${p.dir} làm thư mục chỉ mục: đó là ${p.what === 'DATA_DIR' ? 'thư mục dữ liệu' : 'thư mục bài báo'} (${p.what}: ${p.other}), và mỗi lần lập chỉ mục sẽ ghi đè lên nó. Chỉ mục cần một thư mục riêng (mặc định DATA_DIR/index); hãy đặt INDEX_DIR hoặc dùng --index.`,
  }),
  indexHoldsOtherFolder: template({ dir: 'string', other: 'string', what: 'string' }, {
    en: (p) => `Refusing to use ${p.dir} as the index folder: it holds ${p.what === 'DATA_DIR' ? 'the data folder' : 'the corpus'} (${p.what}: ${p.other}), which each index build would replace. The index needs a folder of its own (by default DATA_DIR/index); set INDEX_DIR or --index.`,
    vi: (p) => `Không dùng ${p.dir} làm thư mục chỉ mục: thư mục này chứa ${p.what === 'DATA_DIR' ? 'thư mục dữ liệu' : 'thư mục bài báo'} (${p.what}: ${p.other}), và mỗi lần lập chỉ mục sẽ ghi đè lên nó. Chỉ mục cần một thư mục riêng (mặc định DATA_DIR/index); hãy đặt INDEX_DIR hoặc dùng --index.`,
  }),
  indexFolderRefused: template({ dir: 'string', detail: 'string', manifest: 'string' }, {
    en: (p) => `Refusing to use ${p.dir} as the index folder: ${p.detail}. Briefbot writes its index only into a new or empty folder, or one it made (it holds ${p.manifest}); set INDEX_DIR or --index to such a folder.`,
    vi: (p) => `Không dùng ${p.dir} làm thư mục chỉ mục: ${p.detail}. Briefbot chỉ ghi chỉ mục vào thư mục mới, thư mục trống hoặc thư mục do nó tạo (có tệp ${p.manifest}); hãy đặt INDEX_DIR hoặc dùng --index chỉ tới thư mục như vậy.`,
  }),
  indexUnwritable: template({ dir: 'string', detail: 'string' }, {
    en: (p) => `Cannot write the index folder ${p.dir} (${p.detail}); the index was not changed. Give this user write access to it, or set INDEX_DIR or --index.`,
    vi: (p) => `Không ghi được thư mục chỉ mục ${p.dir} (${p.detail}); chỉ mục không bị thay đổi. Hãy cấp quyền ghi cho người dùng này, hoặc đặt INDEX_DIR hay dùng --index.`,
  }),
  noSpaceForIndex: template({ dir: 'string' }, {
    en: (p) => `No space left on the disk for the index at ${p.dir}; the index was not changed.`,
    vi: (p) => `Ổ đĩa hết chỗ cho chỉ mục tại ${p.dir}; chỉ mục không bị thay đổi.`,
  }),
  indexLocked: template({ dir: 'string', seconds: 'number' }, {
    en: (p) => `Another Briefbot process is updating the index at ${p.dir} (waited ${p.seconds} s); answers keep coming from the current one. Try again once it has finished.`,
    vi: (p) => `Một tiến trình Briefbot khác đang cập nhật chỉ mục tại ${p.dir} (đã đợi ${p.seconds} giây); câu trả lời vẫn lấy từ chỉ mục hiện tại. Hãy thử lại khi nó xong.`,
  }),
  indexTakenOver: template({ dir: 'string', detail: 'string' }, {
    en: (p) => `Another Briefbot process took over the index at ${p.dir} while this one was writing it (${p.detail}); nothing was changed by this one.`,
    vi: (p) => `Một tiến trình Briefbot khác đã giành quyền ghi chỉ mục tại ${p.dir} trong lúc tiến trình này đang ghi (${p.detail}); tiến trình này không thay đổi gì.`,
  }),
  badDateBound: template({ option: 'string', value: 'string' }, {
    en: (p) => `${p.option} must be a date written YYYY, YYYY-MM or YYYY-MM-DD (got "${p.value}").`,
    vi: (p) => `${p.option} phải là ngày dạng YYYY, YYYY-MM hoặc YYYY-MM-DD (nhận được "${p.value}").`,
  }),
  dateRangeReversed: template({ from: 'string', to: 'string' }, {
    en: (p) => `The start date ${p.from} is after the end date ${p.to}.`,
    vi: (p) => `Ngày bắt đầu ${p.from} sau ngày kết thúc ${p.to}.`,
  }),
  optionTooLong: template({ option: 'string', max: 'number' }, {
    en: (p) => `The option \`${p.option}\` is too long (at most ${p.max} characters).`,
    vi: (p) => `Tùy chọn \`${p.option}\` quá dài (tối đa ${p.max} ký tự).`,
  }),
  optionRange: template({ option: 'string', min: 'number', max: 'number', value: 'string' }, {
    en: (p) => `The option \`${p.option}\` must be a whole number from ${p.min} to ${p.max} (got "${p.value}").`,
    vi: (p) => `Tùy chọn \`${p.option}\` phải là số nguyên từ ${p.min} đến ${p.max} (nhận được "${p.value}").`,
  }),
  optionFraction: template({ option: 'string', value: 'string' }, {
    en: (p) => `The option \`${p.option}\` must be a number from 0 to 1 (got "${p.value}").`,
    vi: (p) => `Tùy chọn \`${p.option}\` phải là số từ 0 đến 1 (nhận được "${p.value}").`,
  }),
  optionUnknownValues: template({ option: 'string', unknown: 'string', known: 'string' }, {
    en: (p) => `The option \`${p.option}\` does not know ${p.unknown}; use ${p.known}.`,
    vi: (p) => `Tùy chọn \`${p.option}\` không có giá trị ${p.unknown}; hãy dùng ${p.known}.`,
  }),
  optionMissing: template({ option: 'string', usage: 'string' }, {
    en: (p) => `\`${p.option}\` is missing: ${p.usage}`,
    vi: (p) => `Thiếu \`${p.option}\`: ${p.usage}`,
  }),
  badArguments: template({ detail: 'string' }, {
    en: (p) => `${p.detail}. Run npm run cli -- help for the usage.`,
    vi: (p) => `${p.detail}. Chạy npm run cli -- help để xem cách dùng.`,
  }),
  unknownCommand: template({ command: 'string' }, {
    en: (p) => `I do not know the command "${p.command}".`,
    vi: (p) => `Tôi không biết lệnh "${p.command}".`,
  }),
  startBadArguments: template({ detail: 'string' }, {
    en: (p) => `${p.detail}. npm start takes --corpus DIR and --index DIR (npm start -- --corpus DIR).`,
    vi: (p) => `${p.detail}. npm start nhận --corpus DIR và --index DIR (npm start -- --corpus DIR).`,
  }),
  cliUnknownCommand: template({ command: 'string' }, {
    en: (p) => `Unknown command "${p.command}". Run npm run cli -- help for the list.`,
    vi: (p) => `Lệnh "${p.command}" không hợp lệ. Chạy npm run cli -- help để xem danh sách.`,
  }),
  batchUnreadable: template({ file: 'string' }, { en: (p) => `Cannot read the file ${p.file}.`, vi: (p) => `Không đọc được tệp ${p.file}.` }),
  batchLineNotJson: template({ file: 'string', line: 'number' }, {
    en: (p) => `${p.file}:${p.line} is not valid JSON.`,
    vi: (p) => `${p.file}:${p.line} không phải JSON hợp lệ.`,
  }),
  batchLineNoQuestion: template({ file: 'string', line: 'number' }, {
    en: (p) => `${p.file}:${p.line} has no "question" string.`,
    vi: (p) => `${p.file}:${p.line} không có chuỗi "question".`,
  }),
  evalSplitWithUnanswerable: words({
    en: '--unanswerable and --split-half do not go together: --split-half decides which questions each half can answer.',
    vi: '--unanswerable và --split-half không dùng cùng nhau: --split-half tự quyết định mỗi nửa trả lời được câu hỏi nào.',
  }),
  evalQuestionWithoutDocs: template({ file: 'string', question: 'string' }, {
    en: (p) => `${p.file}: --split-half needs the "docs" that answer each question; "${p.question}" has none.`,
    vi: (p) => `${p.file}: --split-half cần "docs" (các bài trả lời) cho mỗi câu hỏi; câu "${p.question}" không có.`,
  }),
  evalUnknownDoc: template({ file: 'string', question: 'string', article: 'string' }, {
    en: (p) => `${p.file}: "${p.question}" names the article "${p.article}", which the corpus does not hold (or holds more than one of).`,
    vi: (p) => `${p.file}: câu "${p.question}" nêu bài "${p.article}", nhưng thư mục bài báo không có bài đó (hoặc có nhiều bài khớp).`,
  }),
  factSetInvalid: template({ file: 'string', detail: 'string' }, {
    en: (p) => `${p.file} is not a fact set: ${p.detail}.`,
    vi: (p) => `${p.file} không phải tập dữ kiện: ${p.detail}.`,
  }),
  factSetBadPattern: template({ file: 'string', pattern: 'string' }, {
    en: (p) => `${p.file}: "${p.pattern}" is not a valid regular expression.`,
    vi: (p) => `${p.file}: "${p.pattern}" không phải biểu thức chính quy hợp lệ.`,
  }),
  quizNoQuestion: words({ en: 'There is not enough material for a quiz question.', vi: 'Không đủ tư liệu để tạo câu hỏi đố vui.' }),
  quizNoQuestionBecause: template({ reason: 'string' }, {
    en: (p) => `No quiz question could be made: ${p.reason}`,
    vi: (p) => `Không tạo được câu hỏi nào: ${p.reason}`,
  }),
  quizTopicNothing: template({ topic: 'string' }, {
    en: (p) => `The briefing has nothing on "${p.topic}" to make a quiz from.`,
    vi: (p) => `Bản tin không có gì về "${p.topic}" để ra câu hỏi đố vui.`,
  }),
  missingManageServer: words({ en: 'You need the Manage Server permission for this.', vi: 'Bạn cần quyền Quản lý máy chủ để làm việc này.' }),
  cooldown: template({ seconds: 'number' }, {
    en: (p) => `Please wait ${p.seconds} s before asking again.`,
    vi: (p) => `Vui lòng đợi ${p.seconds} giây trước khi hỏi tiếp.`,
  }),
  quizAlreadyRunning: words({ en: 'A quiz is already running in this channel.', vi: 'Kênh này đang có một trò đố vui.' }),
  quizNotRunning: words({ en: 'No quiz is running in this channel.', vi: 'Kênh này không có trò đố vui nào.' }),
  quizEnded: words({ en: 'This quiz has ended.', vi: 'Trò đố vui này đã kết thúc.' }),
  notQuizHost: words({ en: 'Only the host or a server manager can do that.', vi: 'Chỉ người tổ chức hoặc người quản lý máy chủ mới làm được việc này.' }),
  reindexRunning: words({
    en: 'A reindex is already running; answers keep coming from the current index.',
    vi: 'Đang lập chỉ mục lại; câu trả lời vẫn lấy từ chỉ mục hiện tại.',
  }),
  configInvalid: template({ detail: 'string' }, { en: (p) => `Invalid configuration:\n  ${p.detail}`, vi: (p) => `Cấu hình không hợp lệ:\n  ${p.detail}` }),
  tokenMissing: words({ en: 'DISCORD_TOKEN is not set.', vi: 'Chưa đặt DISCORD_TOKEN.' }),
  deployNeedsIds: words({
    en: 'DISCORD_TOKEN and DISCORD_APPLICATION_ID are needed to deploy commands.',
    vi: 'Cần DISCORD_TOKEN và DISCORD_APPLICATION_ID để đăng ký lệnh.',
  }),
  deployGuildsRefused: template({ guilds: 'string', detail: 'string' }, {
    en: ({ guilds, detail }) => `Discord refused the commands in the server(s) ${guilds} (${detail}); every other server has them. Invite the bot to each with the applications.commands scope, or take the id out of DISCORD_GUILD_IDS.`,
    vi: ({ guilds, detail }) => `Discord từ chối đăng ký lệnh trên máy chủ ${guilds} (${detail}); các máy chủ khác đã có lệnh. Hãy mời bot vào từng máy chủ đó với quyền applications.commands, hoặc bỏ mã đó khỏi DISCORD_GUILD_IDS.`,
  }),
} as const;
