/** The quiz's own words, on Discord and in the console (the questions themselves stay in the articles' language). */
import { COMMAND_WORDS } from './commands.js';
import { formatNumber, template, withCommands, words } from './define.js';

/** The start command's seed option as each language names it (`seed:k3x9qa`, `ma_de:k3x9qa`). */
const SEED_OPTION = COMMAND_WORDS.quizStartSeed.name;

export const QUIZ_MESSAGES = {
  quizQuestionTitle: template({ n: 'number', total: 'number' }, { en: (p) => `Question ${p.n}/${p.total}`, vi: (p) => `Câu ${p.n}/${p.total}` }),
  quizCountdown: template({ seconds: 'number', answered: 'number' }, {
    en: (p) => `⏱ ${p.seconds} s left · ${p.answered} answered`,
    vi: (p) => `⏱ Còn ${p.seconds} giây · ${p.answered} người đã trả lời`,
  }),
  quizCountdownClosed: template({ answered: 'number' }, {
    en: (p) => `⏱ Time is up · ${p.answered} answered`,
    vi: (p) => `⏱ Hết giờ · ${p.answered} người đã trả lời`,
  }),
  quizAckLocked: template({ letter: 'string', seconds: 'number' }, {
    en: (p) => `Locked in ${p.letter} at ${formatNumber('en', p.seconds, 1)} s.`,
    vi: (p) => `Đã chốt đáp án ${p.letter} sau ${formatNumber('vi', p.seconds, 1)} giây.`,
  }),
  quizAckAlready: template({ letter: 'string' }, { en: (p) => `You already answered ${p.letter}.`, vi: (p) => `Bạn đã trả lời ${p.letter} rồi.` }),
  quizTimeUp: words({ en: 'Time is up for this question.', vi: 'Đã hết giờ cho câu này.' }),
  quizRevealTitle: template({ n: 'number', total: 'number', letter: 'string', choice: 'string' }, {
    en: (p) => `Question ${p.n}/${p.total} — the answer is ${p.letter}) ${p.choice}`,
    vi: (p) => `Câu ${p.n}/${p.total} — đáp án là ${p.letter}) ${p.choice}`,
  }),
  quizRevealCounts: words({ en: 'Answers', vi: 'Số lượt chọn' }),
  quizRevealTop: template({ n: 'number' }, { en: (p) => `Top ${p.n}`, vi: (p) => `${p.n} người dẫn đầu` }),
  quizRevealNobody: words({ en: 'Nobody answered.', vi: 'Không ai trả lời.' }),
  quizEndCompleted: words({ en: 'Quiz over!', vi: 'Kết thúc trò đố vui!' }),
  quizEndStopped: words({ en: 'Quiz stopped.', vi: 'Trò đố vui đã dừng.' }),
  quizEndInterrupted: words({
    en: 'This quiz was interrupted by a bot restart. Scores so far are saved.',
    vi: 'Trò đố vui bị gián đoạn vì bot khởi động lại. Điểm tính đến lúc này đã được lưu.',
  }),
  quizEndPodium: words({ en: 'Podium', vi: 'Bục vinh quang' }),
  quizEndTotals: words({ en: 'All players', vi: 'Tất cả người chơi' }),
  quizEndNobody: words({ en: 'Nobody played.', vi: 'Không ai tham gia.' }),
  quizPlayerLine: template({ rank: 'number', name: 'string', points: 'number', correct: 'number', asked: 'number' }, {
    en: (p) => `${p.rank}. ${p.name} — ${p.points} pts (${p.correct}/${p.asked} correct)`,
    vi: (p) => `${p.rank}. ${p.name} — ${p.points} điểm (đúng ${p.correct}/${p.asked})`,
  }),
  quizTopLine: template({ rank: 'number', name: 'string', points: 'number' }, {
    en: (p) => `${p.rank}. ${p.name} — ${p.points} pts`,
    vi: (p) => `${p.rank}. ${p.name} — ${p.points} điểm`,
  }),
  quizStarting: template({ n: 'number', seconds: 'number' }, {
    en: (p) => `Starting a quiz of ${p.n} ${p.n === 1 ? 'question' : 'questions'}, ${p.seconds} s each. Click A–D to answer: faster answers score more.`,
    vi: (p) => `Bắt đầu trò đố vui ${p.n} câu, mỗi câu ${p.seconds} giây. Bấm A–D để trả lời: càng nhanh càng nhiều điểm.`,
  }),
  quizThin: template({ made: 'number', asked: 'number' }, {
    en: (p) => `The material is thin: ${p.made} of the ${p.asked} questions asked could be made.`,
    vi: (p) => `Tư liệu còn mỏng: chỉ tạo được ${p.made}/${p.asked} câu hỏi.`,
  }),
  quizUsedUp: template({ made: 'number', asked: 'number' }, {
    en: (p) => `This channel's recent games have used up the rest of the briefing: ${p.made} of the ${p.asked} questions asked are new. Add articles for more.`,
    vi: (p) => `Các lượt chơi gần đây của kênh đã dùng hết phần còn lại của bản tin: chỉ còn ${p.made}/${p.asked} câu hỏi mới. Hãy thêm bài báo để có thêm câu hỏi.`,
  }),
  quizStartedOver: words({
    en: "This channel's recent games have asked everything the briefing holds, so this game asks from all of it again. Add articles for new questions.",
    vi: 'Các lượt chơi gần đây của kênh đã hỏi hết những gì bản tin có, nên lượt này hỏi lại từ đầu. Hãy thêm bài báo để có câu hỏi mới.',
  }),
  quizThinKinds: template({ kinds: 'string' }, {
    en: (p) => `The material is thin: the briefing has nothing to ask these kinds of question from: ${p.kinds}.`,
    vi: (p) => `Tư liệu còn mỏng: bản tin không có gì để hỏi các loại câu hỏi này: ${p.kinds}.`,
  }),
  quizSeedReplay: withCommands({ seed: 'string' }, {
    en: (p, command) => `Seed ${p.seed}: ${command('quizStart')} ${SEED_OPTION.en}:${p.seed} replays this quiz.`,
    vi: (p, command) => `Mã đề ${p.seed}: ${command('quizStart')} ${SEED_OPTION.vi}:${p.seed} cho lại đúng bộ câu hỏi này.`,
  }),
  quizSettingsLine: template({ speed: 'string', streaks: 'string' }, {
    en: (p) => `Speed points: ${p.speed} · Streak bonus: ${p.streaks}`,
    vi: (p) => `Điểm tốc độ: ${p.speed} · Thưởng chuỗi: ${p.streaks}`,
  }),
  on: words({ en: 'on', vi: 'bật' }),
  off: words({ en: 'off', vi: 'tắt' }),
  quizStopped: words({ en: 'Quiz stopped.', vi: 'Đã dừng trò đố vui.' }),
  quizLeaderboardTitle: template({ period: 'string' }, { en: (p) => `Quiz leaderboard — ${p.period}`, vi: (p) => `Bảng xếp hạng đố vui — ${p.period}` }),
  quizLeaderboardEmpty: words({ en: 'No scores yet.', vi: 'Chưa có điểm nào.' }),
  quizLeaderboardLine: template({ rank: 'number', name: 'string', points: 'number', correct: 'number', answered: 'number' }, {
    en: (p) => `${p.rank}. ${p.name} — ${p.points} pts (${p.correct}/${p.answered} correct)`,
    vi: (p) => `${p.rank}. ${p.name} — ${p.points} điểm (đúng ${p.correct}/${p.answered})`,
  }),
  quizPeriodAll: words({ en: 'all time', vi: 'từ trước đến nay' }),
  quizPeriodWeek: words({ en: 'last 7 days', vi: '7 ngày qua' }),
  quizPeriodMonth: words({ en: 'last 30 days', vi: '30 ngày qua' }),
  quizStatsTitle: template({ name: 'string' }, { en: (p) => `Quiz stats for ${p.name}`, vi: (p) => `Thống kê đố vui của ${p.name}` }),
  quizStatsNone: words({ en: 'You have not finished a quiz on this server yet.', vi: 'Bạn chưa hoàn thành trò đố vui nào trên máy chủ này.' }),
  quizStatsBody: template({ points: 'number', rank: 'string', games: 'number', correct: 'number', answered: 'number', bestStreak: 'number' }, {
    en: (p) => `Points: ${p.points}\nRank: ${p.rank}\nGames: ${p.games}\nCorrect: ${p.correct}/${p.answered}\nBest streak: ${p.bestStreak}`,
    vi: (p) => `Điểm: ${p.points}\nHạng: ${p.rank}\nSố trận: ${p.games}\nĐúng: ${p.correct}/${p.answered}\nChuỗi dài nhất: ${p.bestStreak}`,
  }),

  quizKindWhen: words({ en: 'when', vi: 'khi nào' }),
  quizKindWhat: words({ en: 'what happened', vi: 'chuyện gì xảy ra' }),
  quizKindWho: words({ en: 'who', vi: 'ai' }),
  quizKindHowMany: words({ en: 'how many', vi: 'bao nhiêu' }),
  quizKindWhoSaid: words({ en: 'who said', vi: 'ai đã nói' }),
  quizKindWhichFirst: words({ en: 'which came first', vi: 'việc nào xảy ra trước' }),
  quizSeed: template({ seed: 'string' }, {
    en: (p) => `Seed ${p.seed}: --seed ${p.seed} replays this quiz.`,
    vi: (p) => `Mã đề ${p.seed}: dùng --seed ${p.seed} để chơi lại đúng bộ câu hỏi này.`,
  }),
  /** In the command line's quiz print-out: the letter of the right choice. */
  quizAnswerKey: words({ en: 'Answer', vi: 'Đáp án' }),
  consoleQuizNone: words({ en: 'No quiz question could be made.', vi: 'Không tạo được câu hỏi nào.' }),
  consoleQuizNoneBecause: template({ reason: 'string' }, {
    en: (p) => `No quiz question could be made: ${p.reason}`,
    vi: (p) => `Không tạo được câu hỏi nào: ${p.reason}`,
  }),
  consoleQuizQuestion: template({ n: 'number', total: 'number', seconds: 'number' }, {
    en: (p) => `Question ${p.n}/${p.total} — ${p.seconds} s`,
    vi: (p) => `Câu ${p.n}/${p.total} — ${p.seconds} giây`,
  }),
  consoleQuizTimeUp: words({ en: 'Time is up.', vi: 'Hết giờ.' }),
  consoleQuizChoose: words({ en: 'Type A, B, C or D (or "stop").', vi: 'Gõ A, B, C hoặc D (hoặc "stop"/"dừng" để dừng).' }),
  consoleQuizCorrect: words({ en: 'Correct!', vi: 'Đúng!' }),
  consoleQuizWrong: words({ en: 'Wrong.', vi: 'Sai.' }),
  consoleQuizNoAnswer: words({ en: 'No answer.', vi: 'Không trả lời.' }),
  consoleQuizReveal: template({ letter: 'string', choice: 'string', score: 'number' }, {
    en: (p) => `The answer is ${p.letter}) ${p.choice}. Score: ${p.score}`,
    vi: (p) => `Đáp án là ${p.letter}) ${p.choice}. Điểm: ${p.score}`,
  }),
  consoleQuizOver: words({ en: 'Quiz over.', vi: 'Kết thúc trò đố vui.' }),
  consoleQuizTotal: template({ points: 'number', correct: 'number', asked: 'number', bestStreak: 'number' }, {
    en: (p) => `Total: ${p.points} points, ${p.correct}/${p.asked} correct, best streak ${p.bestStreak}.`,
    vi: (p) => `Tổng: ${p.points} điểm, đúng ${p.correct}/${p.asked}, chuỗi dài nhất ${p.bestStreak}.`,
  }),
} as const;
