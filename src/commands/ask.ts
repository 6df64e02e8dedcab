/** `/ask question:<text> [sources:1–10] [private:bool]`, and its More sources / Helpful / Not helpful buttons. */
import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { appendFeedback } from '../bot/feedback.js';
import { ASK_COMPONENT_PREFIX, parseAskButtonId, renderAskAnswer, renderNotice } from '../bot/render/ask.js';
import { ASK_PASSAGES_DEFAULT, ASK_PASSAGES_MAX, ASK_PASSAGES_MIN, QUESTION_MAX_CHARS } from '../briefing/limits.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { text } from '../messages/index.js';
import type { Command, CommandContext } from './types.js';


const data = new SlashCommandBuilder()
  .setName('ask')
  .setNameLocalizations({ vi: 'hoi' })
  .setDescription('Ask the briefing a question; the answer cites its articles.')
  .setDescriptionLocalizations({ vi: 'Đặt câu hỏi cho bản tin; câu trả lời có trích dẫn bài báo.' })
  .addStringOption((o) =>
    o
      .setName('question')
      .setNameLocalizations({ vi: 'cau_hoi' })
      .setDescription('Your question, in English or Vietnamese.')
      .setDescriptionLocalizations({ vi: 'Câu hỏi của bạn, tiếng Việt hoặc tiếng Anh.' })
      .setRequired(true)
      .setMaxLength(QUESTION_MAX_CHARS),
  )
  .addIntegerOption((o) =>
    o
      .setName('sources')
      .setNameLocalizations({ vi: 'so_nguon' })
      .setDescription(`How many passages to show (${ASK_PASSAGES_MIN}–${ASK_PASSAGES_MAX}).`)
      .setDescriptionLocalizations({ vi: `Số đoạn trích hiển thị (${ASK_PASSAGES_MIN}–${ASK_PASSAGES_MAX}).` })
      .setMinValue(ASK_PASSAGES_MIN)
      .setMaxValue(ASK_PASSAGES_MAX),
  )
  .addBooleanOption((o) =>
    o
      .setName('private')
      .setNameLocalizations({ vi: 'rieng_tu' })
      .setDescription('Only you see the answer.')
      .setDescriptionLocalizations({ vi: 'Chỉ mình bạn thấy câu trả lời.' }),
  );

/** The options again at run time: Discord enforces them, but a client can send anything. */
export function readAskOptions(question: string, sources: number | null): { question: string; k: number } {
  const text = question.normalize('NFC').trim();
  if (text.length > QUESTION_MAX_CHARS) {
    throw new UserError(ERROR_CODES.BAD_OPTION, 'optionTooLong', { option: 'question', max: QUESTION_MAX_CHARS });
  }
  const k = sources ?? ASK_PASSAGES_DEFAULT;
  if (!Number.isInteger(k) || k < ASK_PASSAGES_MIN || k > ASK_PASSAGES_MAX) {
    throw new UserError(ERROR_CODES.BAD_OPTION, 'optionRange', { option: 'sources', min: ASK_PASSAGES_MIN, max: ASK_PASSAGES_MAX, value: String(k) });
  }
  return { question: text, k };
}

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const { question, k } = readAskOptions(interaction.options.getString('question', true), interaction.options.getInteger('sources'));
  const result = await ctx.desk.ask(question, { k, offset: 0 });
  const sessionId = ctx.askSessions.create(question, result.passages.map((p) => p.passageId));
  await interaction.editReply(renderAskAnswer({ result, sessionId, offset: 0, k, hasMore: !result.abstained && result.passages.length === k }, ctx.locale));
}

async function handleComponent(button: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const parsed = parseAskButtonId(button.customId);
  const session = parsed === null ? null : ctx.askSessions.get(parsed.sessionId);
  if (parsed === null || session === null) {
    await button.editReply(renderNotice(text(ctx.locale, 'sessionExpired')));
    return;
  }
  if (parsed.kind === 'feedback') {
    await appendFeedback(ctx.config.feedbackFile, {
      ts: new Date().toISOString(),
      userId: button.user.id,
      guildId: button.guildId,
      question: session.question,
      passageIds: session.passageIds,
      helpful: parsed.helpful,
    });
    await button.editReply(renderNotice(text(ctx.locale, 'feedbackThanks')));
    return;
  }
  const k = Math.min(Math.max(parsed.k, ASK_PASSAGES_MIN), ASK_PASSAGES_MAX);
  const result = await ctx.desk.ask(session.question, { k, offset: parsed.offset });
  session.passageIds.push(...result.passages.map((p) => p.passageId).filter((id) => !session.passageIds.includes(id)));
  await button.editReply(renderAskAnswer({ result, sessionId: parsed.sessionId, offset: parsed.offset, k, hasMore: !result.abstained && result.passages.length === k }, ctx.locale));
}

export const askCommand: Command = {
  data: data.toJSON(),
  defer: (interaction) => (interaction.options.getBoolean('private') === true ? 'ephemeral' : 'public'),
  cooldown: true,
  execute,
  componentPrefix: ASK_COMPONENT_PREFIX,
  handleComponent,
};
