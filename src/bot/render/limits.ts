/**
 * Discord's message limits, and the text shaping every bot message goes through: cutting at a
 * sentence boundary with an ellipsis (never inside a grapheme), escaping markdown and
 * neutralising mentions so that article or user text can never ping anyone.
 */
import { escapeMarkdown } from 'discord.js';
import { messageText, type Message, type Reader } from '../../messages/index.js';

export const DISCORD_EMBED_TITLE_MAX_CHARS = 256;
export const DISCORD_EMBED_DESCRIPTION_MAX_CHARS = 4096;
export const DISCORD_EMBED_FIELD_NAME_MAX_CHARS = 256;
export const DISCORD_EMBED_FIELD_MAX_CHARS = 1024;
export const DISCORD_EMBED_FOOTER_MAX_CHARS = 2048;
export const DISCORD_EMBED_FIELDS_MAX = 25;
export const DISCORD_EMBEDS_TOTAL_MAX_CHARS = 6000;
export const DISCORD_EMBEDS_PER_MESSAGE_MAX = 10;
export const DISCORD_CONTENT_MAX_CHARS = 2000;
export const DISCORD_BUTTON_LABEL_MAX_CHARS = 80;

export const ELLIPSIS = '…';
const ZERO_WIDTH_SPACE = '\u200b';

/** No message of the bot may ping: every payload carries this. */
export const NO_MENTIONS = Object.freeze({ parse: [] as never[] });

function graphemes(text: string): string[] {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
}

/**
 * `text` if it fits in `maxChars`, else its longest prefix of whole sentences plus an ellipsis;
 * when not even the first sentence fits, whole words, then whole graphemes.
 */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars < ELLIPSIS.length) return '';
  const budget = maxChars - ELLIPSIS.length;
  for (const granularity of ['sentence', 'word'] as const) {
    let kept = '';
    for (const { segment } of new Intl.Segmenter(undefined, { granularity }).segment(text)) {
      if (kept.length + segment.length > budget) break;
      kept += segment;
    }
    if (kept.trim() !== '') return kept.trimEnd() + ELLIPSIS;
  }
  let kept = '';
  for (const g of graphemes(text)) {
    if (kept.length + g.length > budget) break;
    kept += g;
  }
  return kept + ELLIPSIS;
}

/** Breaks @everyone, @here and user/role/channel mentions with a zero-width space, so they show but cannot ping. */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@[!&]?|#)(\d+)>/g, (_whole, kind: string, id: string) => `<${kind.replace('@', `@${ZERO_WIDTH_SPACE}`)}${kind === '#' ? ZERO_WIDTH_SPACE : ''}${id}>`);
}

/**
 * Discord markdown in article or user text, shown as written instead of rendered: discord.js's
 * escapeMarkdown with headings on (its default leaves them live), every square bracket (so no
 * `[label](address)` can hide where a link goes), and the two forms it does not know, block quotes
 * (`> `, `>>> `) and subtext (`-# `). Lists stay lists: they change no meaning, and escaping them
 * would put a backslash into every numbered title.
 */
export function escapeDiscordMarkdown(text: string): string {
  return escapeMarkdown(text, { heading: true })
    .replace(/[[\]]/gu, (bracket) => `\\${bracket}`)
    .replace(/^([ \t]*)(>{1,3}[ \t]|-#[ \t])/gmu, '$1\\$2');
}

/** Article or user text made safe for a message: markdown escaped, mentions neutralised. */
export function safeText(text: string): string {
  return neutraliseMentions(escapeDiscordMarkdown(text));
}

/** Parameters that hold the bot's own option names, shown in a code span, where an escape would show. */
const CODE_SPAN_PARAMS: ReadonlySet<string> = new Set(['option']);

/**
 * A message held as data (a UserError's) for `reader`, its text parameters made safe: they carry
 * what a user typed, file names and library details.
 */
export function safeMessageText(reader: Reader, message: Message): string {
  const params = Object.fromEntries(
    Object.entries(message.params).map(([name, value]) => [name, typeof value === 'string' && !CODE_SPAN_PARAMS.has(name) ? safeText(value) : value]),
  );
  return messageText(reader, { ...message, params } as Message);
}

/** Safe text cut to fit; the cut happens on the raw text, so an escape is never split. */
export function safeFit(text: string, maxChars: number): string {
  // Escaping only ever adds characters, so text longer than the room is cut before it is escaped:
  // discord.js's escapeMarkdown takes time quadratic in the length of what it is given.
  let raw = truncateText(text, maxChars);
  let safe = safeText(raw);
  while (safe.length > maxChars) {
    const overflow = safe.length - maxChars;
    raw = truncateText(raw, Math.max(0, raw.length - Math.max(overflow, 1) - ELLIPSIS.length));
    safe = safeText(raw);
  }
  return safe;
}

/**
 * Lines already made safe (escaped, links included) joined within `maxChars`: whole lines only,
 * so that no escape or link is cut; an ellipsis line says when some were left out.
 */
export function joinWhole(lines: readonly string[], maxChars: number, separator = '\n'): string {
  let out = '';
  for (const [i, line] of lines.entries()) {
    const next = out === '' ? line : `${out}${separator}${line}`;
    const rest = i < lines.length - 1 ? separator.length + ELLIPSIS.length : 0;
    if (next.length + rest > maxChars) return out === '' ? truncateText(line, maxChars) : `${out}${separator}${ELLIPSIS}`;
    out = next;
  }
  return out;
}
