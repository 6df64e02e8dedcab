/**
 * What the local console does with a typed line, the same commands as on Discord written as
 * words: `/ask <question>` (or just the question), `more`, `/summary [topic | article id]`,
 * `/timeline [from] [to] [topic]`, `/sources`, `/help`, `/reindex`, `/add <path or url>`. The quiz and leaving are
 * the console loop's (src/cli/console.ts).
 */
import { ASK_PASSAGES_DEFAULT } from '../briefing/limits.js';
import type { BriefingDesk, SummaryRequest, TimelineQuery } from '../briefing/types.js';
import type { ArticleMeta } from '../corpus/types.js';
import { isUserError, userErrorText } from '../errors.js';
import type { ArticleIntake } from '../intake/article-intake.js';
import { text, type Locale, type Reader } from '../messages/index.js';
import { consoleReader } from './readers.js';
import { emphasis, renderAskText, renderSourcesText, renderSummaryText, renderTimelineText } from './render-text.js';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a bound of the timeline, not a word of its topic. */
const DATE_BOUND = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u;
/** Words that ask for the next passages of the last answer. */
const MORE_WORDS: ReadonlySet<string> = new Set(['more', '/more', 'thêm', '/thêm', 'them', '/them']);

/** A typed line split into its command (lowercase, without the slash) and the rest; a line without a slash is a question. */
export function splitCommand(line: string): { name: string; rest: string } {
  const trimmed = line.normalize('NFC').trim();
  if (MORE_WORDS.has(trimmed.toLowerCase())) return { name: 'more', rest: '' };
  const match = /^\/(\S+)\s*([\s\S]*)$/u.exec(trimmed);
  return match ? { name: match[1]!.toLowerCase(), rest: match[2]!.trim() } : { name: 'ask', rest: trimmed };
}

/**
 * `/summary` of one article when its argument is an article id, or the start of exactly one id
 * with a digit in it (`002`, as /sources lists them); otherwise of a topic.
 */
export function summaryRequest(rest: string, articles: readonly Pick<ArticleMeta, 'docId'>[]): SummaryRequest {
  if (rest === '') return {};
  const ref = rest.toLowerCase();
  const exact = articles.find((a) => a.docId.toLowerCase() === ref);
  if (exact !== undefined) return { article: exact.docId };
  const prefixed = /\d/u.test(ref) && !/\s/u.test(ref) ? articles.filter((a) => a.docId.toLowerCase().startsWith(ref)) : [];
  return prefixed.length === 1 ? { article: prefixed[0]!.docId } : { topic: rest };
}

/** `/timeline 2025-12-01 2025-12-31 NATO`: the first date is where it starts, a second where it ends, other words the topic. */
export function timelineQuery(rest: string): TimelineQuery {
  const words = rest.split(/\s+/u).filter((w) => w !== '');
  const dates = words.filter((w) => DATE_BOUND.test(w));
  const topic = words.filter((w) => !DATE_BOUND.test(w)).join(' ');
  const [from, to] = dates;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(topic ? { topic } : {}) };
}

/** The console's answers to typed lines, remembering the last question so that `more` can page it. */
export class ConsoleSession {
  private lastAsk: { question: string; shown: number } | null = null;
  private readonly reader: Reader;

  constructor(
    private readonly desk: BriefingDesk,
    private readonly locale: Locale,
    private readonly bold: (text: string) => string = emphasis(false),
    /** What `/add` adds articles with (none: `/add` is not offered). */
    private readonly articles: ArticleIntake | null = null,
  ) {
    this.reader = consoleReader(locale);
  }

  /** One typed line to its answer; a user's mistake is answered in words, never thrown. */
  async run(line: string): Promise<string> {
    const { name, rest } = splitCommand(line);
    try {
      return await this.answer(name, rest);
    } catch (error) {
      if (isUserError(error)) return userErrorText(this.reader, error);
      throw error;
    }
  }

  private async answer(name: string, rest: string): Promise<string> {
    const { desk, locale } = this;
    switch (name) {
      case 'ask': {
        const result = await desk.ask(rest, { k: ASK_PASSAGES_DEFAULT });
        this.lastAsk = result.abstained ? null : { question: result.question, shown: result.passages.length };
        return renderAskText(result, locale, this.bold);
      }
      case 'more': {
        if (this.lastAsk === null) return text(locale, 'consoleNothingMore');
        const offset = this.lastAsk.shown;
        const result = await desk.ask(this.lastAsk.question, { k: ASK_PASSAGES_DEFAULT, offset });
        if (result.abstained || result.passages.length === 0) return text(locale, 'noMorePassages');
        this.lastAsk.shown += result.passages.length;
        return renderAskText(result, locale, this.bold, offset);
      }
      case 'sources':
        return renderSourcesText(desk.sources(), locale);
      case 'summary':
        return renderSummaryText(await desk.summary(summaryRequest(rest, desk.sources())), locale);
      case 'timeline':
        return renderTimelineText(await desk.timeline(timelineQuery(rest)), locale);
      case 'add': {
        if (this.articles === null || rest === '') return text(locale, 'consoleUnknownCommand');
        const { article } = /^https?:\/\//iu.test(rest) ? await this.articles.addUrl(rest, 'console') : await this.articles.addPath(rest, 'console');
        const about = `${article.sources.join(', ') || text(locale, 'noSource')} · ${article.date ?? text(locale, 'undated')}`;
        return text(this.reader, 'articleAdded', { title: article.title, docId: article.docId, about, articles: desk.status().articles });
      }
      case 'help':
        return `${text(locale, 'consoleHelp')}\n\n${modelStatus(desk, locale)}`;
      case 'reindex': {
        const r = await desk.reindex();
        const mode = text(locale, r.mode === 'hybrid' ? 'modeHybrid' : 'modeLexical');
        return text(locale, 'reindexDone', { seconds: r.millis / 1000, articles: r.articles, passages: r.passages, added: r.added, changed: r.changed, removed: r.removed, unchanged: r.unchanged, embedded: r.embedded, mode });
      }
      default:
        return text(locale, 'consoleUnknownCommand');
    }
  }
}

export function modelStatus(desk: Pick<BriefingDesk, 'status'>, locale: Locale): string {
  const status = desk.status();
  return status.mode === 'hybrid' ? text(locale, 'modelHybrid', { model: status.modelId }) : text(locale, 'modelLexical', { model: status.modelId });
}
