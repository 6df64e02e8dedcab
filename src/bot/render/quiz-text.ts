/** The quiz's own words in every language the bot speaks; `{name}` placeholders are filled by `quizText`. */

import { fillTemplate, type BotLocale } from '../i18n.js';

/** The quiz speaks the bot's languages; `botLocale` maps a Discord locale to one. */
export type QuizLocale = BotLocale;

const EN = {
  questionTitle: 'Question {n}/{total}',
  countdown: '⏱ {seconds} s left · {answered} answered',
  countdownClosed: '⏱ Time is up · {answered} answered',
  ackLocked: 'Locked in {letter} at {seconds} s.',
  ackAlready: 'You already answered {letter}.',
  ackTimeUp: 'Time is up for this question.',
  ackEnded: 'This quiz has ended.',
  revealTitle: 'Question {n}/{total} — the answer is {letter}) {choice}',
  revealCounts: 'Answers',
  revealSource: 'Source',
  revealTop: 'Top {n}',
  revealNobody: 'Nobody answered.',
  endCompleted: 'Quiz over!',
  endStopped: 'Quiz stopped.',
  endInterrupted: 'This quiz was interrupted by a bot restart. Scores so far are saved.',
  endPodium: 'Podium',
  endTotals: 'All players',
  endNobody: 'Nobody played.',
  playerLine: '{rank}. {name} — {points} pts ({correct}/{asked} correct)',
  topLine: '{rank}. {name} — {points} pts',
  starting: 'Starting a quiz of {n} questions, {seconds} s each. Click A–D to answer: faster answers score more.',
  shortfall: 'Only {n} questions could be made: {reason}',
  settingsLine: 'Speed points: {speed} · Streak bonus: {streaks}',
  on: 'on',
  off: 'off',
  stopped: 'Quiz stopped.',
  leaderboardTitle: 'Quiz leaderboard — {period}',
  leaderboardEmpty: 'No scores yet.',
  leaderboardLine: '{rank}. {name} — {points} pts ({correct}/{answered} correct)',
  periodAll: 'all time',
  periodWeek: 'last 7 days',
  periodMonth: 'last 30 days',
  statsTitle: 'Quiz stats for {name}',
  statsNone: 'You have not finished a quiz on this server yet.',
  statsBody: 'Points: {points}\nRank: {rank}\nGames: {games}\nCorrect: {correct}/{answered}\nBest streak: {bestStreak}',
} as const;

export type QuizTextKey = keyof typeof EN;

const VI: Record<QuizTextKey, string> = {
  questionTitle: 'Câu {n}/{total}',
  countdown: '⏱ Còn {seconds} giây · {answered} người đã trả lời',
  countdownClosed: '⏱ Hết giờ · {answered} người đã trả lời',
  ackLocked: 'Đã chốt {letter} lúc {seconds} giây.',
  ackAlready: 'Bạn đã trả lời {letter} rồi.',
  ackTimeUp: 'Đã hết giờ cho câu này.',
  ackEnded: 'Trò đố vui này đã kết thúc.',
  revealTitle: 'Câu {n}/{total} — đáp án là {letter}) {choice}',
  revealCounts: 'Số lượt chọn',
  revealSource: 'Nguồn',
  revealTop: 'Top {n}',
  revealNobody: 'Không ai trả lời.',
  endCompleted: 'Kết thúc trò đố vui!',
  endStopped: 'Trò đố vui đã dừng.',
  endInterrupted: 'Trò đố vui bị gián đoạn vì bot khởi động lại. Điểm đến lúc này đã được lưu.',
  endPodium: 'Bục vinh quang',
  endTotals: 'Tất cả người chơi',
  endNobody: 'Không ai tham gia.',
  playerLine: '{rank}. {name} — {points} điểm (đúng {correct}/{asked})',
  topLine: '{rank}. {name} — {points} điểm',
  starting: 'Bắt đầu trò đố vui {n} câu, mỗi câu {seconds} giây. Bấm A–D để trả lời: càng nhanh càng nhiều điểm.',
  shortfall: 'Chỉ tạo được {n} câu hỏi: {reason}',
  settingsLine: 'Điểm tốc độ: {speed} · Thưởng chuỗi: {streaks}',
  on: 'bật',
  off: 'tắt',
  stopped: 'Đã dừng trò đố vui.',
  leaderboardTitle: 'Bảng xếp hạng đố vui — {period}',
  leaderboardEmpty: 'Chưa có điểm nào.',
  leaderboardLine: '{rank}. {name} — {points} điểm (đúng {correct}/{answered})',
  periodAll: 'mọi thời điểm',
  periodWeek: '7 ngày qua',
  periodMonth: '30 ngày qua',
  statsTitle: 'Thống kê đố vui của {name}',
  statsNone: 'Bạn chưa hoàn thành trò đố vui nào trên máy chủ này.',
  statsBody: 'Điểm: {points}\nHạng: {rank}\nSố trận: {games}\nĐúng: {correct}/{answered}\nChuỗi dài nhất: {bestStreak}',
};

const CATALOGUES: Readonly<Record<QuizLocale, Record<QuizTextKey, string>>> = { en: EN, vi: VI };

export function quizText(locale: QuizLocale, key: QuizTextKey, params: Readonly<Record<string, string | number>> = {}): string {
  return fillTemplate(CATALOGUES[locale][key], params).normalize('NFC');
}
