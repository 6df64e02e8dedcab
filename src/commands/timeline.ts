/** `/timeline [from] [to] [topic]`: the dated events in order, each cited, in pages with Previous / Next buttons. */
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { matchCandidates, topicCandidates, type Candidate } from '../bot/autocomplete.js';
import type { Command, CommandContext } from '../bot/command.js';
import { localised } from '../bot/localise.js';
import { textOption } from '../bot/options.js';
import { renderNotice } from '../bot/render/ask.js';
import { articleLinks } from '../bot/render/links.js';
import { TIMELINE_COMPONENT_PREFIX, parseTimelinePageId, renderTimeline } from '../bot/render/timeline.js';
import { DATE_BOUND_MAX_CHARS, TOPIC_MAX_CHARS } from '../briefing/limits.js';
import type { TimelineQuery } from '../briefing/types.js';
import type { BriefingEvent } from '../events/types.js';
import { text, type Locale } from '../messages/index.js';
import { formatCalendarDate } from '../text/index.js';

/** The years, months and days the events fall on, each with its count of events: what `from` and `to` may be. */
export function dateCandidates(events: readonly Pick<BriefingEvent, 'date'>[], locale: Locale): Candidate[] {
  const counts = new Map<string, number>();
  for (const { date } of events) {
    const [year, month, day] = date.split('-');
    for (const bound of [year, month && `${year}-${month}`, day && `${year}-${month}-${day}`]) if (bound) counts.set(bound, (counts.get(bound) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a.length - b.length || a.localeCompare(b))
    .map(([bound, n]) => ({ name: text(locale, 'timelineDateChoice', { date: formatCalendarDate(bound, locale), n }), value: bound, keywords: [bound] }));
}

async function showPage(query: TimelineQuery, sessionId: string, page: number, ctx: CommandContext): Promise<ReturnType<typeof renderTimeline>> {
  const timeline = await ctx.desk.timeline(query);
  return renderTimeline({ timeline, query, page, sessionId, links: articleLinks(ctx.desk.sources()) }, ctx.locale);
}

export const timelineCommand: Command = {
  data: localised(new SlashCommandBuilder(), 'timeline')
    .addStringOption((o) => localised(o, 'timelineFrom').setMaxLength(DATE_BOUND_MAX_CHARS).setAutocomplete(true))
    .addStringOption((o) => localised(o, 'timelineTo').setMaxLength(DATE_BOUND_MAX_CHARS).setAutocomplete(true))
    .addStringOption((o) => localised(o, 'timelineTopic').setMaxLength(TOPIC_MAX_CHARS).setAutocomplete(true))
    .toJSON(),
  defer: 'public',
  async execute(interaction, ctx) {
    const from = textOption(interaction, 'from', DATE_BOUND_MAX_CHARS);
    const to = textOption(interaction, 'to', DATE_BOUND_MAX_CHARS);
    const topic = textOption(interaction, 'topic', TOPIC_MAX_CHARS);
    const query: TimelineQuery = { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(topic ? { topic } : {}) };
    const sessionId = ctx.sessions.timeline.create(query);
    await interaction.editReply(await showPage(query, sessionId, 0, ctx));
  },
  async autocomplete(focused, ctx) {
    if (focused.name === 'topic') return matchCandidates(topicCandidates(ctx.desk), focused.value);
    const { events } = await ctx.desk.timeline({});
    return matchCandidates(dateCandidates(events, ctx.locale), focused.value);
  },
  componentPrefix: TIMELINE_COMPONENT_PREFIX,
  componentDefer: 'update',
  async handleComponent(button, ctx) {
    const parsed = parseTimelinePageId(button.customId);
    const query = parsed === null ? null : ctx.sessions.timeline.get(parsed.sessionId);
    if (parsed === null || query === null) {
      await button.followUp({ ...renderNotice(text(ctx.locale, 'sessionExpired')), flags: MessageFlags.Ephemeral });
      return;
    }
    await button.editReply(await showPage(query, parsed.sessionId, parsed.page, ctx));
  },
};
