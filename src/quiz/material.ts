/** The briefing as the question builders see it: language, people, sources, the events the quiz may ask. */
import type { Article, Passage } from '../corpus/types.js';
import { actorFinder } from '../corpus/names.js';
import type { BriefingEvent } from '../events/types.js';
import { detectLanguage } from '../text/index.js';
import type { QuizMaterial } from './kinds/types.js';
import { QUIZ_TEMPLATES, type QuizLanguage } from './templates.js';
import { QUIZ_TUNING } from './tuning.js';

export interface QuizInput {
  events: readonly BriefingEvent[];
  articles: readonly Article[];
  passages: readonly Passage[];
  passageFilter?: (passageId: string) => boolean;
}

/** Words that introduce a person (`ông Putin`, `Ngoại trưởng … Lavrov`): a name after one, within a few words, is a person's. */
export const PERSON_CUES: readonly string[] = [
  'ông', 'bà', 'tổng thống', 'thủ tướng', 'ngoại trưởng', 'bộ trưởng', 'trợ lý', 'người phát ngôn', 'đặc phái viên', 'đặc sứ', 'chủ tịch',
  'cựu', 'con rể', 'mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'envoy', 'aide', 'chancellor', 'king', 'queen',
];

function personNames(articles: readonly Article[], actors: readonly string[]): Set<string> {
  const text = articles.map((a) => a.sentences.map((s) => s.text).join(' ')).join(' ');
  const persons = new Set<string>();
  for (const actor of actors) {
    const last = actor.split(' ').pop() ?? actor;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${last.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'gu'))) {
      const before = text.slice(Math.max(0, m.index - 60), m.index).toLowerCase().split(/\s+/u).slice(-QUIZ_TUNING.personCueWindowWords - 1).join(' ');
      if (PERSON_CUES.some((cue) => new RegExp(`(?<![\\p{L}])${cue}(?![\\p{L}])`, 'u').test(before))) {
        persons.add(actor);
        break;
      }
    }
  }
  return persons;
}

function corpusLanguage(articles: readonly Article[]): QuizLanguage {
  return detectLanguage(articles.flatMap((a) => a.sentences.slice(0, 5).map((s) => s.text)).join(' '));
}

export function quizMaterial(input: QuizInput): QuizMaterial {
  const allowed = (passageId: string): boolean => input.passageFilter?.(passageId) ?? true;
  const passageById = new Map(input.passages.map((p) => [p.id, p]));
  const articleById = new Map(input.articles.map((a) => [a.docId, a]));
  const finder = actorFinder(input.articles.flatMap((a) => a.sentences.map((s) => s.text)));
  const actors = [...new Set(input.articles.flatMap((a) => a.sentences.flatMap((s) => finder.actors(s.text))))];
  const persons = personNames(input.articles, actors);
  const lang = corpusLanguage(input.articles);
  return {
    lang,
    text: QUIZ_TEMPLATES[lang],
    allEvents: input.events,
    events: input.events.filter((e) => e.citations[0] !== undefined && allowed(e.citations[0].passageId)),
    articles: input.articles,
    passages: input.passages.filter((p) => allowed(p.id)),
    finder,
    persons,
    people: actors.filter((a) => persons.has(a)),
    sourceOf(passageId, sentence) {
      const p = passageById.get(passageId);
      const a = p === undefined ? undefined : articleById.get(p.docId);
      return p === undefined || a === undefined ? null : { docId: a.docId, title: a.title, date: a.date, text: p.text, sentence };
    },
  };
}
