/** `/sources`, `/help`, `/reindex` and `/summary` as Discord payloads. Pure. */
import { ApplicationCommandOptionType, type APIEmbed, type LocalizationMap } from 'discord.js';
import type { DeskStatus, IngestReport, SummaryResult, SummarySentence } from '../../briefing/types.js';
import type { ArticleMeta } from '../../corpus/types.js';
import { text, type Locale } from '../../messages/index.js';
import { localisedDescription, localisedName } from '../localise.js';
import type { BotMessage } from './ask.js';
import { articleLinks, linkedTitle, type ArticleLinks } from './links.js';
import { pageOf, pagerRows } from './paging.js';
import {
  DISCORD_EMBED_DESCRIPTION_MAX_CHARS,
  DISCORD_EMBED_FIELD_MAX_CHARS,
  DISCORD_EMBED_FIELD_NAME_MAX_CHARS,
  DISCORD_EMBED_TITLE_MAX_CHARS,
  NO_MENTIONS,
  joinWhole,
  safeFit,
  safeText,
  truncateText,
} from './limits.js';

const COLOR_INFO = 0x5865f2;

function message(embed: APIEmbed): BotMessage {
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

export const SOURCES_COMPONENT_PREFIX = 'sources';
/** Articles per /sources page: ten fit one screen, and stay far within the embed's 6000 characters. */
export const SOURCES_PER_PAGE = 10;

export function sourcesPageId(page: number): string {
  return `${SOURCES_COMPONENT_PREFIX}:${page}`;
}

/** `sources:<page>` → the page, or null for any other custom id. */
export function parseSourcesPageId(customId: string): number | null {
  const match = /^sources:(-?\d{1,6})$/u.exec(customId);
  return match ? Number(match[1]) : null;
}

/** One page of the articles, each with its id, sources, date, author and a link when it has an address. */
export function renderSources(articles: readonly ArticleMeta[], page: number, locale: Locale): BotMessage {
  const shown = pageOf(articles, page, SOURCES_PER_PAGE);
  const links = articleLinks(articles);
  return {
    embeds: [
      {
        title: truncateText(text(locale, 'sourcesTitle', { n: articles.length }), DISCORD_EMBED_TITLE_MAX_CHARS),
        color: COLOR_INFO,
        fields: shown.items.map((a) => {
          const target = links.get(a.docId);
          const link = target === undefined ? '' : ` · [${text(locale, 'readArticle')}](${target})`;
          const about = `${a.docId} · ${a.sources.join(', ') || text(locale, 'noSource')} · ${a.date ?? text(locale, 'undated')}${a.author === null ? '' : ` · ${a.author}`}`;
          return { name: safeFit(a.title, DISCORD_EMBED_FIELD_NAME_MAX_CHARS), value: safeFit(about, DISCORD_EMBED_FIELD_MAX_CHARS - link.length) + link };
        }),
        ...(shown.pages > 1 ? { footer: { text: text(locale, 'pageFooter', { page: shown.page + 1, pages: shown.pages }) } } : {}),
      },
    ],
    components: pagerRows(shown, sourcesPageId, locale),
    allowedMentions: NO_MENTIONS,
  };
}

export function modelLine(status: DeskStatus, locale: Locale): string {
  return status.mode === 'hybrid'
    ? text(locale, 'modelHybrid', { model: status.modelId })
    : text(locale, 'modelLexical', { model: status.modelId });
}

/** A registered command, subcommand or option, as much of it as /help shows. */
export interface HelpEntry {
  name: string;
  name_localizations?: LocalizationMap | null;
  description: string;
  description_localizations?: LocalizationMap | null;
  type?: number;
  required?: boolean;
  options?: readonly HelpEntry[];
}

/** `/hoi <cau_hoi> [so_nguon] [rieng_tu]` — what it does: each command as the reader's Discord shows it. */
function helpLine(command: HelpEntry, locale: Locale): string {
  const options = command.options ?? [];
  const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand).map((o) => localisedName(o, locale));
  const args = subcommands.length > 0 ? [subcommands.join(' | ')] : options.map((o) => (o.required === true ? `<${localisedName(o, locale)}>` : `[${localisedName(o, locale)}]`));
  return `\`/${[localisedName(command, locale), ...args].join(' ')}\` — ${localisedDescription(command, locale)}`;
}

/** What the bot does, every command it answers (from their registration, in the reader's language), and the search mode. */
export function renderHelp(status: DeskStatus, locale: Locale, available: readonly HelpEntry[]): BotMessage {
  const intro = `${text(locale, 'helpIntro')}\n\n**${text(locale, 'helpCommands')}**\n`;
  return message({
    title: text(locale, 'helpTitle'),
    description: intro + joinWhole(available.map((c) => helpLine(c, locale)), DISCORD_EMBED_DESCRIPTION_MAX_CHARS - intro.length),
    color: COLOR_INFO,
    fields: [{ name: text(locale, 'helpModel'), value: safeFit(modelLine(status, locale), DISCORD_EMBED_FIELD_MAX_CHARS) }],
  });
}

export function renderReindex(report: IngestReport, locale: Locale): BotMessage {
  const done = text(locale, 'reindexDone', {
    seconds: report.millis / 1000,
    articles: report.articles,
    passages: report.passages,
    added: report.added,
    changed: report.changed,
    removed: report.removed,
    unchanged: report.unchanged,
    embedded: report.embedded,
    mode: text(locale, report.mode === 'hybrid' ? 'modeHybrid' : 'modeLexical'),
  });
  const warnings = report.warnings.length > 0 ? `\n\n${report.warnings.map((w) => `⚠ ${w}`).join('\n')}` : '';
  return message({ description: safeFit(done + warnings, DISCORD_EMBED_DESCRIPTION_MAX_CHARS), color: COLOR_INFO });
}

/** A citation's title links to the article when it has an address; this many characters at most per title. */
const CITATION_TITLE_MAX_CHARS = 300;

/** Each sentence with the articles it is cited from, titles linked to the articles. */
export function renderSummary(summary: SummaryResult, locale: Locale, links: ArticleLinks): BotMessage {
  if (summary.sentences.length === 0) return message({ description: safeFit(text(locale, 'summaryNothing', { topic: summary.topic ?? '' }), DISCORD_EMBED_DESCRIPTION_MAX_CHARS) });
  const cite = (c: SummarySentence['citations'][number]): string =>
    `${linkedTitle(c.title, c.docId, links, CITATION_TITLE_MAX_CHARS)} (${safeText(c.source ?? text(locale, 'noSource'))}, ${c.date ?? text(locale, 'undated')}) [${safeText(c.docId)}]`;
  const only = summary.scope === 'article' ? summary.sentences[0]?.citations[0] : undefined;
  // A summary of one article cites it once, under the sentences, rather than after every one.
  const lines = only === undefined ? summary.sentences.map((s, i) => `${i + 1}. ${safeText(s.text)}\n   — ${s.citations.map(cite).join('; ')}`) : summary.sentences.map((s, i) => `${i + 1}. ${safeText(s.text)}`);
  const source = only === undefined ? '' : `\n— ${cite(only)}`;
  return message({
    title: safeFit(summary.topic ? text(locale, 'summaryTopicTitle', { topic: summary.topic }) : text(locale, 'summaryTitle'), DISCORD_EMBED_TITLE_MAX_CHARS),
    description: joinWhole(lines, DISCORD_EMBED_DESCRIPTION_MAX_CHARS - source.length) + source,
    color: COLOR_INFO,
  });
}
