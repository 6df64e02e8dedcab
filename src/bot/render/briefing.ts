/** `/sources`, `/help`, `/reindex` and `/summary` as Discord payloads. Pure. */
import type { APIEmbed } from 'discord.js';
import type { DeskStatus, IngestReport, SummaryResult } from '../../briefing/types.js';
import type { ArticleMeta } from '../../corpus/types.js';
import { text, type Locale } from '../../messages/index.js';
import type { BotMessage } from './ask.js';
import {
  DISCORD_EMBED_DESCRIPTION_MAX_CHARS,
  DISCORD_EMBED_FIELD_MAX_CHARS,
  DISCORD_EMBED_FIELD_NAME_MAX_CHARS,
  DISCORD_EMBED_FIELDS_MAX,
  DISCORD_EMBED_TITLE_MAX_CHARS,
  NO_MENTIONS,
  safeFit,
  truncateText,
} from './limits.js';

const COLOR_INFO = 0x5865f2;

function message(embed: APIEmbed): BotMessage {
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

export function renderSources(articles: readonly ArticleMeta[], locale: Locale): BotMessage {
  const shown = articles.slice(0, DISCORD_EMBED_FIELDS_MAX);
  return message({
    title: truncateText(text(locale, 'sourcesTitle', { n: articles.length }), DISCORD_EMBED_TITLE_MAX_CHARS),
    color: COLOR_INFO,
    fields: shown.map((a) => ({
      name: safeFit(a.title, DISCORD_EMBED_FIELD_NAME_MAX_CHARS),
      value: safeFit(`${a.docId} · ${a.sources.join(', ') || text(locale, 'noSource')} · ${a.date ?? text(locale, 'undated')}${a.author === null ? '' : ` · ${a.author}`}`, DISCORD_EMBED_FIELD_MAX_CHARS),
    })),
    ...(articles.length > shown.length ? { footer: { text: text(locale, 'sourcesMore', { n: articles.length - shown.length, shown: shown.length }) } } : {}),
  });
}

export function modelLine(status: DeskStatus, locale: Locale): string {
  return status.mode === 'hybrid'
    ? text(locale, 'modelHybrid', { model: status.modelId })
    : text(locale, 'modelLexical', { warning: status.modelWarning ?? '' }).trim();
}

const HELP_LINES: Readonly<Record<string, 'helpAsk' | 'helpSources' | 'helpSummary' | 'helpReindex' | 'helpHelp'>> = { ask: 'helpAsk', sources: 'helpSources', summary: 'helpSummary', reindex: 'helpReindex', help: 'helpHelp' };

export interface CommandSummary {
  name: string;
  description: string;
  description_localizations?: Partial<Record<string, string | null>> | null;
}

/** The bot's own line for each command it knows, else the command's registered description. */
export function renderHelp(status: DeskStatus, locale: Locale, available: readonly CommandSummary[]): BotMessage {
  const commands = available.map((c) => {
    const key = HELP_LINES[c.name];
    return key === undefined ? `\`/${c.name}\` ${c.description_localizations?.[locale] ?? c.description}` : text(locale, key);
  });
  return message({
    title: text(locale, 'helpTitle'),
    description: truncateText(text(locale, 'helpIntro'), DISCORD_EMBED_DESCRIPTION_MAX_CHARS),
    color: COLOR_INFO,
    fields: [
      { name: text(locale, 'helpCommands'), value: truncateText(commands.join('\n'), DISCORD_EMBED_FIELD_MAX_CHARS) },
      { name: text(locale, 'helpModel'), value: safeFit(modelLine(status, locale), DISCORD_EMBED_FIELD_MAX_CHARS) },
    ],
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

export function renderSummary(summary: SummaryResult, locale: Locale): BotMessage {
  if (summary.sentences.length === 0) return message({ description: safeFit(text(locale, 'summaryNothing', { topic: summary.topic ?? '' }), DISCORD_EMBED_DESCRIPTION_MAX_CHARS) });
  const lines = summary.sentences.map((s, i) => `${i + 1}. ${s.text}\n   — ${s.citations.map((c) => `${c.title} (${c.source ?? text(locale, 'noSource')}, ${c.date ?? text(locale, 'undated')}) [${c.docId}]`).join('; ')}`);
  return message({
    title: safeFit(summary.topic ? text(locale, 'summaryTopicTitle', { topic: summary.topic }) : text(locale, 'summaryTitle'), DISCORD_EMBED_TITLE_MAX_CHARS),
    description: safeFit(lines.join('\n'), DISCORD_EMBED_DESCRIPTION_MAX_CHARS),
    color: COLOR_INFO,
  });
}
