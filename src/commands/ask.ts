/** `/ask question:<text> [sources:1–10] [private:bool]`, and its More sources / Helpful / Not helpful buttons. */
import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { ASK_COMPONENT_PREFIX, parseAskButtonId, renderAskAnswer, renderNotice } from '../bot/render/ask.js';
import { localised } from '../bot/localise.js';
import { articleLinks } from '../bot/render/links.js';
import { integerOption } from '../bot/options.js';
import { ASK_PASSAGES_DEFAULT, ASK_PASSAGES_MAX, ASK_PASSAGES_MIN, QUESTION_MAX_CHARS } from '../briefing/limits.js';
import { text } from '../messages/index.js';
import type { Command, CommandContext } from '../bot/command.js';

const data = localised(new SlashCommandBuilder(), 'ask')
  .addStringOption((o) => localised(o, 'askQuestion').setRequired(true).setMaxLength(QUESTION_MAX_CHARS))
  .addIntegerOption((o) => localised(o, 'askSources', { min: ASK_PASSAGES_MIN, max: ASK_PASSAGES_MAX }).setMinValue(ASK_PASSAGES_MIN).setMaxValue(ASK_PASSAGES_MAX))
  .addBooleanOption((o) => localised(o, 'askPrivate'));

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const k = integerOption(interaction, 'sources', ASK_PASSAGES_MIN, ASK_PASSAGES_MAX) ?? ASK_PASSAGES_DEFAULT;
  const result = await ctx.desk.ask(question, { k, offset: 0 });
  const sessionId = ctx.sessions.ask.create({ question: result.question, passageIds: result.passages.map((p) => p.passageId) });
  await interaction.editReply(renderAskAnswer({ result, sessionId, offset: 0, k, hasMore: !result.abstained && result.passages.length === k, links: articleLinks(ctx.desk.sources()) }, ctx.locale));
}

async function handleComponent(button: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const parsed = parseAskButtonId(button.customId);
  const session = parsed === null ? null : ctx.sessions.ask.get(parsed.sessionId);
  if (parsed === null || session === null) {
    await button.editReply(renderNotice(text(ctx.locale, 'sessionExpired')));
    return;
  }
  if (parsed.kind === 'feedback') {
    await ctx.feedback.record({
      ts: new Date().toISOString(),
      answerId: parsed.sessionId,
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
  await button.editReply(renderAskAnswer({ result, sessionId: parsed.sessionId, offset: parsed.offset, k, hasMore: !result.abstained && result.passages.length === k, links: articleLinks(ctx.desk.sources()) }, ctx.locale));
}

export const askCommand: Command = {
  data: data.toJSON(),
  defer: (interaction) => (interaction.options.getBoolean('private') === true ? 'ephemeral' : 'public'),
  cooldown: true,
  execute,
  componentPrefix: ASK_COMPONENT_PREFIX,
  handleComponent,
};
