/**
 * Dated events: a body sentence that states something at a resolved date. The same event
 * reported by several articles (same date, similar content) is one event citing each.
 */
import type { Article, Passage } from '../corpus/types.js';
import { actorFinder } from '../corpus/names.js';
import { isNumeric, jaccard, words } from '../text/index.js';
import { corpusAnchor, findDates, type DateAnchor } from './dates.js';
import type { BriefingEvent, EventCitation } from './types.js';

/** Two reports are the same event when their content words overlap at least this much (Jaccard)… */
export const SAME_EVENT_SIMILARITY = 0.3;
/** …or share this many named actors besides the same date. */
export const SAME_EVENT_SHARED_ACTORS = 2;
/** An undated sentence of another article joins an event when it is this similar and names as many of its actors. */
export const UNDATED_REPORT_SIMILARITY = 0.15;
/** Labels are cut to this length at a word boundary. */
export const EVENT_LABEL_MAX_CHARS = 110;

interface Report {
  article: Article;
  passageId: string;
  sentence: string;
  clause: string;
  date: { value: string; precision: BriefingEvent['precision']; resolution: BriefingEvent['resolution']; text: string };
  actors: string[];
  words: Set<string>;
}

/**
 * Words of three letters or more, and the digit groups of numbers (so that `5,200` and `5.200`,
 * as two outlets write one figure, share them): what two reports of one event share.
 */
function contentWords(text: string): Set<string> {
  return new Set(words(text.toLowerCase()).flatMap((w) => (isNumeric(w) ? w.split(/[.,]/u) : w.length >= 3 ? [w] : [])));
}

/** The clause of `sentence` around [start, end): between the nearest clause breaks. */
function clauseAround(sentence: string, start: number, end: number): string {
  const breaks = /[,;:]\s|\s[-–]\s/gu;
  let from = 0;
  let to = sentence.length;
  for (const m of sentence.matchAll(breaks)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return sentence.slice(from, to).trim().replace(/[.”"]+$/u, '');
}

function cutLabel(text: string): string {
  if (text.length <= EVENT_LABEL_MAX_CHARS) return text;
  const cut = text.slice(0, EVENT_LABEL_MAX_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function passageOf(passages: readonly Passage[], docId: string, sentenceIndex: number): string {
  return passages.find((p) => p.docId === docId && p.sentences.some((s) => s.index === sentenceIndex))?.id ?? `${docId}#?`;
}

function citationOf(r: Report): EventCitation {
  return { docId: r.article.docId, title: r.article.title, date: r.article.date, passageId: r.passageId, sentence: r.sentence };
}

/** An actor named by at least this share of the articles is the story's background (`Nga`, `Putin`), not a sign of the same event. */
export const BACKGROUND_ACTOR_SHARE = 0.9;

const actorKey = (actor: string): string => actor.split(' ').pop() ?? actor;

/** Distinct non-background actors two reports share, compared by last word (`Putin` = `Vladimir Putin`). */
function sharedActors(a: readonly string[], b: readonly string[], background: ReadonlySet<string>): number {
  const keys = new Set(a.map(actorKey).filter((k) => !background.has(k)));
  return new Set(b.map(actorKey).filter((k) => keys.has(k))).size;
}

function sameEvent(a: Report, b: Report, background: ReadonlySet<string>): boolean {
  if (a.date.value !== b.date.value) return false;
  const shared = sharedActors(a.actors, b.actors, background);
  return jaccard(a.words, b.words) >= SAME_EVENT_SIMILARITY || shared >= SAME_EVENT_SHARED_ACTORS;
}

export function extractEvents(articles: readonly Article[], passages: readonly Passage[]): BriefingEvent[] {
  const finder = actorFinder(articles.flatMap((a) => a.sentences.map((s) => s.text)));
  const fallback = corpusAnchor(articles.map((a) => a.date));
  const reports: Report[] = [];
  const datedSentences = new Set<string>();
  for (const article of articles) {
    const anchor: DateAnchor | null = article.date !== null ? { date: article.date, kind: 'publication' } : fallback;
    for (const sentence of article.sentences) {
      const dates = findDates(sentence.text, anchor);
      if (dates.length > 0) datedSentences.add(`${article.docId}:${sentence.index}`);
      for (const d of dates) {
        const clause = clauseAround(sentence.text, d.start, d.end);
        reports.push({
          article,
          passageId: passageOf(passages, article.docId, sentence.index),
          sentence: sentence.text,
          clause,
          date: { value: d.value, precision: d.precision, resolution: d.resolution, text: d.text },
          actors: finder.actors(sentence.text),
          words: contentWords(sentence.text),
        });
      }
    }
  }

  const articlesByActor = new Map<string, Set<string>>();
  for (const a of articles) for (const s of a.sentences) for (const actor of finder.actors(s.text)) {
    const key = actorKey(actor);
    if (!articlesByActor.has(key)) articlesByActor.set(key, new Set());
    articlesByActor.get(key)?.add(a.docId);
  }
  const background = new Set([...articlesByActor].filter(([, docs]) => articles.length > 1 && docs.size >= articles.length * BACKGROUND_ACTOR_SHARE).map(([k]) => k));

  const groups: Report[][] = [];
  for (const r of reports) {
    const group = groups.find((g) => g.some((x) => sameEvent(x, r, background)));
    if (group === undefined) groups.push([r]);
    else if (!group.some((x) => x.article.docId === r.article.docId)) group.push(r);
  }

  const events = groups.map((group, i): BriefingEvent => {
    const [first] = group as [Report, ...Report[]];
    const citations = group.map(citationOf);
    // Other articles that report the event without dating it.
    for (const article of articles) {
      if (group.some((r) => r.article.docId === article.docId)) continue;
      const match = article.sentences.find((s) => {
        if (datedSentences.has(`${article.docId}:${s.index}`)) return false;
        const shared = sharedActors(first.actors, finder.actors(s.text), background);
        return shared >= SAME_EVENT_SHARED_ACTORS && jaccard(first.words, contentWords(s.text)) >= UNDATED_REPORT_SIMILARITY;
      });
      if (match !== undefined) {
        citations.push({ docId: article.docId, title: article.title, date: article.date, passageId: passageOf(passages, article.docId, match.index), sentence: match.text });
      }
    }
    const actors = [...new Set(group.flatMap((r) => r.actors))].filter((a, _i, all) => !all.some((b) => b !== a && b.endsWith(` ${a}`)));
    return {
      id: `e${i + 1}`,
      date: first.date.value,
      precision: first.date.precision,
      resolution: first.date.resolution,
      dateText: first.date.text,
      label: cutLabel(first.clause),
      sentence: first.sentence,
      citations,
      actors,
    };
  });
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id, 'en', { numeric: true }));
}
