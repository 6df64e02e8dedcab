/** The briefing as the question builders see it: language, people, sources, the events the quiz may ask. */
import type { Article, Passage } from '../corpus/types.js';
import type { BriefingEvent } from '../events/types.js';
import { actorFinder } from '../corpus/names.js';
import { MONTH_NAMES_EN, WEEKDAYS, detectLanguage, formatCalendarDate, jaccard, words, type Language } from '../text/index.js';
import type { QuizMaterial } from './kinds/types.js';
import { buildPeopleIndex, type PeopleIndex } from './people.js';
import { findQuotations, type Quotation } from './quotations.js';
import { QUIZ_TUNING } from './tuning.js';

export interface QuizInput {
  events: readonly BriefingEvent[];
  articles: readonly Article[];
  passages: readonly Passage[];
  passageFilter?: (passageId: string) => boolean;
}

function corpusLanguage(articles: readonly Article[]): Language {
  return detectLanguage(articles.flatMap((a) => a.sentences.slice(0, 5).map((s) => s.text)).join(' '));
}


function relatedArticles(articles: readonly Article[]): Map<string, Set<string>> {
  const finder = actorFinder(articles.flatMap((a) => a.sentences.map((s) => s.text)));
  // Calendar words are capitalised in English but name no one (`Monday` is in every story).
  const calendar = new Set([...MONTH_NAMES_EN, ...Object.keys(WEEKDAYS)].map((w) => w.toLowerCase()));
  const names = articles.map((a) => new Set(a.sentences.flatMap((s) => finder.actors(s.text)).filter((n) => !calendar.has(n.toLowerCase()))));
  const related = new Map(articles.map((a) => [a.docId, new Set([a.docId])]));
  articles.forEach((a, i) => {
    articles.forEach((b, j) => {
      const [x = new Set<string>(), y = new Set<string>()] = [names[i], names[j]];
      const shared = [...x].filter((n) => y.has(n)).length;
      if (j > i && shared >= QUIZ_TUNING.sameStorySharedNames && jaccard(x, y) >= QUIZ_TUNING.sameStoryNameOverlap) {
        related.get(a.docId)?.add(b.docId);
        related.get(b.docId)?.add(a.docId);
      }
    });
  });
  return related;
}

/**
 * An article's title as a reader sees it: a title that is the body's opening cut short (a file whose
 * first line repeats the start of its text, cut at a fixed length) ends with `…`, at the word before
 * when the cut fell inside one.
 */
export function readableTitle(a: Pick<Article, 'title' | 'sentences'>): string {
  const title = a.title.trim();
  const body = a.sentences.map((s) => s.text).join(' ').replace(/\s+/gu, ' ');
  const flat = title.replace(/\s+/gu, ' ').replace(/…$/u, '');
  // Not the body's opening, or all of its first sentences: the title stands as written.
  if (!body.startsWith(flat) || body.length === flat.length || /[.!?]$/u.test(flat)) return title;
  const midWord = /^[\p{L}\p{M}\p{N}]/u.test(body.slice(flat.length)) && /[\p{L}\p{M}\p{N}]$/u.test(flat);
  const cut = (midWord ? flat.slice(0, Math.max(0, flat.lastIndexOf(' '))) : flat).replace(/[\s,;:(–—-]+$/u, '');
  return cut === '' ? title : `${cut}…`;
}

/** What a quiz reads of a briefing whatever its topic: worked out once per briefing (its articles array), since each game asks again. */
interface BriefingView {
  people: PeopleIndex;
  quotations: readonly Quotation[];
  related: Map<string, Set<string>>;
  lang: Language;
  /** Words the corpus writes in lower case somewhere. */
  lowercase: ReadonlySet<string>;
  /** Each article's title and first sentence, as lower-case words. */
  topics: ReadonlyMap<string, ReadonlySet<string>>;
}
const views = new WeakMap<readonly Article[], WeakMap<readonly Passage[], BriefingView>>();

function briefingView(articles: readonly Article[], passages: readonly Passage[]): BriefingView {
  const byPassages = views.get(articles) ?? new WeakMap<readonly Passage[], BriefingView>();
  views.set(articles, byPassages);
  let view = byPassages.get(passages);
  if (view === undefined) {
    const people = buildPeopleIndex(articles);
    const lang = corpusLanguage(articles);
    const lowercase = new Set(articles.flatMap((a) => a.sentences.flatMap((s) => words(s.text).filter((w) => /^\p{Ll}/u.test(w)))));
    const topics = new Map(articles.map((a) => [a.docId, new Set(words(`${a.title} ${a.sentences[0]?.text ?? ''}`.toLowerCase()))]));
    view = { people, quotations: findQuotations(articles, passages, people, lang), related: relatedArticles(articles), lang, lowercase, topics };
    byPassages.set(passages, view);
  }
  return view;
}

export function quizMaterial(input: QuizInput): QuizMaterial {
  const allowed = (passageId: string): boolean => input.passageFilter?.(passageId) ?? true;
  const passageById = new Map(input.passages.map((p) => [p.id, p]));
  const articleById = new Map(input.articles.map((a) => [a.docId, a]));
  const { people, quotations, related, lang, lowercase, topics } = briefingView(input.articles, input.passages);
  return {
    lang,
    allEvents: input.events,
    events: input.events.filter((e) => e.citations[0] !== undefined && allowed(e.citations[0].passageId)),
    articles: input.articles,
    passages: input.passages.filter((p) => allowed(p.id)),
    people,
    quotations: quotations.filter((q) => allowed(q.passageId)),
    relatedArticles: (docId) => related.get(docId) ?? new Set([docId]),
    commonWord: (word) => lowercase.has(word.toLowerCase()),
    topicWords: (docId) => topics.get(docId) ?? new Set<string>(),
    latestDate: input.articles.map((a) => a.date).filter((d): d is string => d !== null).sort().pop() ?? null,
    latestYear: Math.max(0, ...input.articles.flatMap((a) => (a.date === null ? [] : [Number(a.date.slice(0, 4))])), ...input.events.map((e) => Number((e.until ?? e.date).slice(0, 4)))),
    citedAs(docId) {
      const a = articleById.get(docId);
      if (a === undefined) return { title: docId, date: '' };
      return { title: readableTitle(a), date: a.date === null ? '' : formatCalendarDate(a.date, lang) };
    },
    sourceOf(passageId, sentence) {
      const p = passageById.get(passageId);
      const a = p === undefined ? undefined : articleById.get(p.docId);
      return p === undefined || a === undefined ? null : { docId: a.docId, title: a.title, date: a.date, text: p.text, sentence };
    },
  };
}
