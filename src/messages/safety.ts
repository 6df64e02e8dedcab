/** What the bot says when it refuses: another team's server, a button it did not make or from another channel, a token Discord rejects. */
import { words } from './define.js';

export const SAFETY_MESSAGES = {
  otherTeam: words({
    en: 'This bot belongs to another team and does not answer in this server.',
    vi: 'Bot này thuộc về một nhóm khác và không trả lời trong máy chủ này.',
  }),
  buttonUnknown: words({
    en: 'This button is not one the bot made; nothing was recorded.',
    vi: 'Nút này không phải do bot tạo; không có gì được ghi nhận.',
  }),
  quizOtherChannel: words({
    en: 'This button belongs to a quiz in another channel; your click was not counted.',
    vi: 'Nút này thuộc về một trò đố vui ở kênh khác; lượt bấm của bạn không được tính.',
  }),
  discordTokenRejected: words({
    en: 'Discord rejected DISCORD_TOKEN: check the bot token in .env (Developer Portal, Bot, Reset Token).',
    vi: 'Discord từ chối DISCORD_TOKEN: hãy kiểm tra mã bot trong .env (Developer Portal, Bot, Reset Token).',
  }),
} as const;
