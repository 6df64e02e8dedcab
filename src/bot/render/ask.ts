/**
 * `/ask` answers as Discord payloads: one embed per passage (article title, source, date, the
 * passage with its best sentences in bold, the other articles citing it), and the buttons.
 * Pure: plain data in, API payloads out.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { AnswerPassage, AskResult, Citation } from '../../retrieval/types.js';
import { text, type Locale } from '../../messages/index.js';
import {
  DISCORD_BUTTON_LABEL_MAX_CHARS,
  DISCORD_CONTENT_MAX_CHARS,
  DISCORD_EMBED_DESCRIPTION_MAX_CHARS,
  DISCORD_EMBED_FIELD_MAX_CHARS,
  DISCORD_EMBED_FOOTER_MAX_CHARS,
  DISCORD_EMBED_TITLE_MAX_CHARS,
  DISCORD_EMBEDS_PER_MESSAGE_MAX,
  DISCORD_EMBEDS_TOTAL_MAX_CHARS,
  NO_MENTIONS,
  joinWhole,
  safeFit,
  safeText,
  truncateText,
} from './limits.js';
import { linkedTitle, type ArticleLinks } from './links.js';

export const ASK_COMPONENT_PREFIX = 'ask';
const COLOR_ANSWER = 0x5865f2;
const COLOR_ABSTAIN = 0x99aab5;

export interface BotMessage {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent>>;
  allowedMentions: typeof NO_MENTIONS;
}

export type AskButton = { kind: 'more'; sessionId: string; offset: number; k: number } | { kind: 'feedback'; sessionId: string; helpful: boolean };

export function askButtonId(button: AskButton): string {
  return button.kind === 'more'
    ? `${ASK_COMPONENT_PREFIX}:more:${button.sessionId}:${button.offset}:${button.k}`
    : `${ASK_COMPONENT_PREFIX}:${button.helpful ? 'yes' : 'no'}:${button.sessionId}`;
}

export function parseAskButtonId(customId: string): AskButton | null {
  const more = /^ask:more:([\w-]+):(\d{1,3}):(\d{1,2})$/.exec(customId);
  if (more) return { kind: 'more', sessionId: more[1]!, offset: Number(more[2]), k: Number(more[3]) };
  const feedback = /^ask:(yes|no):([\w-]+)$/.exec(customId);
  if (feedback) return { kind: 'feedback', sessionId: feedback[2]!, helpful: feedback[1] === 'yes' };
  return null;
}

/** The passage text, its highlight sentences in bold, escaped and cut to `maxChars` (markup included). */
export function highlightedPassage(passage: Pick<AnswerPassage, 'text' | 'highlights'>, maxChars: number): string {
  const pieces: Array<{ text: string; bold: boolean }> = [];
  let rest = passage.text;
  for (const highlight of passage.highlights) {
    const at = rest.indexOf(highlight);
    if (highlight === '' || at < 0) continue;
    if (at > 0) pieces.push({ text: rest.slice(0, at), bold: false });
    pieces.push({ text: highlight, bold: true });
    rest = rest.slice(at + highlight.length);
  }
  if (rest !== '') pieces.push({ text: rest, bold: false });
  let out = '';
  for (const piece of pieces) {
    const markup = piece.bold ? 4 : 0;
    const leading = piece.bold ? piece.text.match(/^\s*/)![0] : '';
    const core = piece.bold ? piece.text.trim() : piece.text;
    const room = maxChars - out.length - markup - leading.length;
    if (room <= 0) break;
    const fitted = safeFit(core, room);
    if (fitted === '') break;
    out += piece.bold ? `${leading}**${fitted}**` : fitted;
    // Escaping only adds characters: a piece longer than the room was cut (and is not escaped whole to tell).
    if (core.length > room || fitted.length < safeText(core).length) break;
  }
  return out;
}

/** A title in the "also reported by" list, with its link, at most this long. */
const OTHER_CITATION_TITLE_MAX_CHARS = 300;

function citationLine(c: Citation, locale: Locale, links: ArticleLinks): string {
  return `• ${linkedTitle(c.title, c.docId, links, OTHER_CITATION_TITLE_MAX_CHARS)} — ${safeText(c.source ?? text(locale, 'noSource'))}, ${c.date ?? text(locale, 'undated')} (${safeText(c.docId)})`;
}

function passageEmbed(p: AnswerPassage, rank: number, descriptionMaxChars: number, locale: Locale, links: ArticleLinks): APIEmbed {
  const others = p.citations.slice(1);
  const fields = [
    { name: text(locale, 'source'), value: safeFit(p.source ?? text(locale, 'noSource'), DISCORD_EMBED_FIELD_MAX_CHARS), inline: true },
    { name: text(locale, 'date'), value: safeFit(p.date ?? text(locale, 'undated'), DISCORD_EMBED_FIELD_MAX_CHARS), inline: true },
  ];
  if (others.length > 0) {
    fields.push({ name: text(locale, 'alsoReportedBy'), value: joinWhole(others.map((c) => citationLine(c, locale, links)), DISCORD_EMBED_FIELD_MAX_CHARS), inline: false });
  }
  const url = links.get(p.docId);
  return {
    ...(url === undefined ? {} : { url }),
    title: safeFit(`${rank}. ${p.title}`, DISCORD_EMBED_TITLE_MAX_CHARS),
    description: highlightedPassage(p, descriptionMaxChars),
    color: COLOR_ANSWER,
    fields,
    footer: { text: truncateText(`${p.docId} · ${text(locale, 'relevance', { score: p.score })} · ${text(locale, 'passageRef', { passageId: p.passageId })}`, DISCORD_EMBED_FOOTER_MAX_CHARS) },
  };
}

/** Characters an embed counts against the 6000 total: title, description, field names and values, footer. */
export function embedChars(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

function buttonRow(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components: buttons };
}

function button(customId: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId, label: label.slice(0, DISCORD_BUTTON_LABEL_MAX_CHARS), style };
}

export interface AskView {
  result: AskResult;
  sessionId: string;
  /** Rank of the first passage shown (0 on the first page). */
  offset: number;
  k: number;
  /** Whether another page may exist (the page came back full). */
  hasMore: boolean;
  /** Where each article's title links to. */
  links: ArticleLinks;
}

export function renderAskAnswer(view: AskView, locale: Locale): BotMessage {
  const { result } = view;
  const label = `**${text(locale, 'question')}:** `;
  const content = label + safeFit(result.question, DISCORD_CONTENT_MAX_CHARS - label.length);
  if (result.abstained || result.passages.length === 0) {
    const description = view.offset > 0
      ? text(locale, 'noMorePassages')
      : `${text(locale, 'nothing')}\n${text(locale, 'tryAsking', { suggestions: result.suggestions.map(safeText).join(', ') })}`;
    return { content, embeds: [{ description: truncateText(description, DISCORD_EMBED_DESCRIPTION_MAX_CHARS), color: COLOR_ABSTAIN }], components: [], allowedMentions: NO_MENTIONS };
  }
  const passages = result.passages.slice(0, DISCORD_EMBEDS_PER_MESSAGE_MAX);
  const skeletons = passages.map((p, i) => passageEmbed(p, view.offset + i + 1, 0, locale, view.links));
  const fixed = skeletons.reduce((sum, e) => sum + embedChars(e), 0);
  const perDescription = Math.min(DISCORD_EMBED_DESCRIPTION_MAX_CHARS, Math.floor((DISCORD_EMBEDS_TOTAL_MAX_CHARS - fixed) / passages.length));
  const embeds = passages.map((p, i) => passageEmbed(p, view.offset + i + 1, perDescription, locale, view.links));
  const buttons: APIButtonComponent[] = [];
  if (view.hasMore) buttons.push(button(askButtonId({ kind: 'more', sessionId: view.sessionId, offset: view.offset + view.k, k: view.k }), text(locale, 'moreSources'), ButtonStyle.Primary));
  buttons.push(button(askButtonId({ kind: 'feedback', sessionId: view.sessionId, helpful: true }), text(locale, 'helpful'), ButtonStyle.Success));
  buttons.push(button(askButtonId({ kind: 'feedback', sessionId: view.sessionId, helpful: false }), text(locale, 'notHelpful'), ButtonStyle.Secondary));
  return { content, embeds, components: [buttonRow(buttons)], allowedMentions: NO_MENTIONS };
}

/** A short ephemeral note (feedback thanks, an expired session, an error). */
export function renderNotice(text: string): BotMessage {
  return { content: truncateText(text, DISCORD_CONTENT_MAX_CHARS), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}
