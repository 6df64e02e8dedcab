/**
 * Multiple-choice questions from the briefing's dated events and passages: when, what,
 * who, how many, who said, which came first. Seeded: the same seed gives the same quiz.
 * Every emitted question passes `validateQuestion`; when the material is too thin, fewer
 * questions come back with a plain `shortfall`.
 */
import type { Article, Passage } from '../corpus/types.js';
import { actorFinder } from '../corpus/names.js';
import type { BriefingEvent } from '../events/types.js';
import { seededRandom, shuffled, type Random } from './random.js';
import { QUESTION_KINDS, type QuestionKind, type QuizQuestion, type QuizRequest, type QuizResult } from './types.js';
import { normaliseChoice, validateQuestion } from './validate.js';

export const QUIZ_DEFAULT_QUESTIONS = 10;
export const QUIZ_MAX_QUESTIONS = 20;
/** Quotations shorter than this are not worth a question. */
const QUOTE_MIN_CHARS = 25;
const QUOTE_MAX_CHARS = 220;

export interface QuizInput {
  events: readonly BriefingEvent[];
  articles: readonly Article[];
  passages: readonly Passage[];
  passageFilter?: (passageId: string) => boolean;
}

type Lang = 'vi' | 'en';

const TEXT = {
  vi: {
    when: (what: string) => `Sự kiện sau diễn ra khi nào: "${what}"?`,
    what: (date: string) => `Điều gì đã diễn ra vào ${date}?`,
    who: (sentence: string) => `Điền vào chỗ trống: "${sentence}"`,
    howMany: (sentence: string) => `Điền số vào chỗ trống: "${sentence}"`,
    whoSaid: (quote: string) => `Ai đã nói: "${quote}"?`,
    first: 'Sự kiện nào diễn ra sớm nhất?',
    source: (title: string) => `Theo "${title}"`,
    day: (y: string, m: string, d: string) => `${Number(d)}/${Number(m)}/${y}`,
    month: (y: string, m: string) => `tháng ${Number(m)}/${y}`,
    year: (y: string) => `năm ${y}`,
  },
  en: {
    when: (what: string) => `When did this happen: "${what}"?`,
    what: (date: string) => `What happened on ${date}?`,
    who: (sentence: string) => `Fill in the blank: "${sentence}"`,
    howMany: (sentence: string) => `Fill in the number: "${sentence}"`,
    whoSaid: (quote: string) => `Who said: "${quote}"?`,
    first: 'Which of these happened first?',
    source: (title: string) => `According to "${title}"`,
    day: (y: string, m: string, d: string) => `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(m) - 1]} ${Number(d)}, ${y}`,
    month: (y: string, m: string) => `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(m) - 1]} ${y}`,
    year: (y: string) => y,
  },
} as const;

const BLANK = '____';

/** Words that introduce a person (`ông Putin`, `Ngoại trưởng … Lavrov`): a name after one, within a few words, is a person's. */
export const PERSON_CUES: readonly string[] = [
  'ông', 'bà', 'tổng thống', 'thủ tướng', 'ngoại trưởng', 'bộ trưởng', 'trợ lý', 'người phát ngôn', 'đặc phái viên', 'đặc sứ', 'chủ tịch',
  'cựu', 'con rể', 'mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'envoy', 'aide', 'chancellor', 'king', 'queen',
];
/** Verbs that attribute a quotation to its speaker. */
export const SPEECH_VERBS: readonly string[] = ['nói', 'cho biết', 'khẳng định', 'nhấn mạnh', 'trả lời', 'lưu ý', 'tuyên bố', 'said', 'says', 'told', 'added', 'stated'];
const CUE_WINDOW_WORDS = 4;

function personNames(articles: readonly Article[], actors: readonly string[]): Set<string> {
  const text = articles.map((a) => a.sentences.map((s) => s.text).join(' ')).join(' ');
  const persons = new Set<string>();
  for (const actor of actors) {
    const last = actor.split(' ').pop() ?? actor;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${last.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'gu'))) {
      const before = text.slice(Math.max(0, m.index - 60), m.index).toLowerCase().split(/\s+/u).slice(-CUE_WINDOW_WORDS - 1).join(' ');
      if (PERSON_CUES.some((cue) => new RegExp(`(?<![\\p{L}])${cue}(?![\\p{L}])`, 'u').test(before))) {
        persons.add(actor);
        break;
      }
    }
  }
  return persons;
}
const NUMBER_WITH_UNIT = /(?<![\d/.,])(?<!(?:tháng|năm|ngày|hôm)\s)(\d+(?:[.,]\d+)?)\s*(%|tỷ|triệu|nghìn|điểm|giờ|tỉnh|tài liệu|năm|tháng|ngày|người|quốc gia|percent|billion|million|points|hours|provinces|documents|years|people)(?![\p{L}])/giu;

function corpusLanguage(articles: readonly Article[]): Lang {
  const sample = articles.flatMap((a) => a.sentences.slice(0, 5).map((s) => s.text)).join(' ');
  return /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu.test(sample) ? 'vi' : 'en';
}

function formatDate(lang: Lang, value: string): string {
  const [y = '', m, d] = value.split('-');
  const t = TEXT[lang];
  if (d !== undefined && m !== undefined) return t.day(y, m, d);
  if (m !== undefined) return t.month(y, m);
  return t.year(y);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Dates near `value` at its precision: plausible, different, never the answer. */
function nearbyDates(value: string, random: Random): string[] {
  const [y = 0, m, d] = value.split('-').map(Number);
  const offsets = shuffled([-9, -7, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 7, 9], random);
  return offsets.map((k) => {
    if (d !== undefined && m !== undefined) {
      const t = new Date(Date.UTC(y, m - 1, d + k));
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
    }
    if (m !== undefined) {
      const t = new Date(Date.UTC(y, m - 1 + k, 1));
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
    }
    return String(y + k);
  });
}

/** Numbers of the same magnitude as `n`, positive and different. */
function nearbyNumbers(raw: string, random: Random): string[] {
  const decimal = raw.includes(',') ? ',' : raw.includes('.') && !/^\d{1,3}(\.\d{3})+$/u.test(raw) ? '.' : null;
  const n = Number(decimal === null ? raw.replace(/\./gu, '') : raw.replace(',', '.'));
  const candidates = n < 12
    ? [n - 2, n - 1, n + 1, n + 2, n + 3, n * 2]
    : [Math.round(n * 0.5), Math.round(n * 0.75), Math.round(n * 1.25), Math.round(n * 1.5), Math.round(n * 2), n - 1, n + 1];
  return shuffled(candidates.filter((c) => c > 0 && c !== n), random).map((c) => (decimal === ',' ? String(c).replace('.', ',') : String(c)));
}

/** Four choices with the answer at a random position. */
function arrange(answer: string, distractors: readonly string[], random: Random): { choices: [string, string, string, string]; answerIndex: 0 | 1 | 2 | 3 } | null {
  const seen = new Set([normaliseChoice(answer)]);
  const picked: string[] = [];
  for (const d of distractors) {
    const key = normaliseChoice(d);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    picked.push(d);
    if (picked.length === 3) break;
  }
  if (picked.length < 3) return null;
  const answerIndex = Math.floor(random() * 4) as 0 | 1 | 2 | 3;
  const choices = [...picked];
  choices.splice(answerIndex, 0, answer);
  return { choices: choices as [string, string, string, string], answerIndex };
}

function withoutDate(label: string, dateText: string): string {
  return label.replace(dateText, '').replace(/\s{2,}/gu, ' ').replace(/\s+([,.)])/gu, '$1').trim();
}

interface Builder {
  kind: QuestionKind;
  factKey: string;
  build(random: Random): Omit<QuizQuestion, 'id'> | null;
}

export function generateQuiz(input: QuizInput, request: QuizRequest = {}): QuizResult {
  const n = Math.min(QUIZ_MAX_QUESTIONS, Math.max(1, request.n ?? QUIZ_DEFAULT_QUESTIONS));
  const kinds = request.kinds ?? [...QUESTION_KINDS];
  const random = seededRandom(request.seed ?? 'briefbot');
  const lang = corpusLanguage(input.articles);
  const t = TEXT[lang];
  const allowed = (passageId: string): boolean => input.passageFilter?.(passageId) ?? true;
  const passageById = new Map(input.passages.map((p) => [p.id, p]));
  const articleById = new Map(input.articles.map((a) => [a.docId, a]));
  const sourceOf = (passageId: string) => {
    const p = passageById.get(passageId);
    const a = p === undefined ? undefined : articleById.get(p.docId);
    return p === undefined || a === undefined ? null : { docId: a.docId, title: a.title, date: a.date, text: p.text };
  };
  const finder = actorFinder(input.articles.flatMap((a) => a.sentences.map((s) => s.text)));
  const events = input.events.filter((e) => e.citations[0] !== undefined && allowed(e.citations[0].passageId));
  const builders: Builder[] = [];

  for (const e of events) {
    const cite = e.citations[0];
    if (cite === undefined) continue;
    const what = withoutDate(e.label, e.dateText);
    builders.push({
      kind: 'when', factKey: `event:${e.date}:${e.label}`,
      build: (r) => {
        const source = sourceOf(cite.passageId);
        const arranged = arrange(formatDate(lang, e.date), nearbyDates(e.date, r).map((d) => formatDate(lang, d)), r);
        if (source === null || arranged === null) return null;
        return { kind: 'when', prompt: t.when(what), ...arranged, explanation: `${t.source(cite.title)}: "${e.dateText}" → ${formatDate(lang, e.date)}.`, source, factKey: `event:${e.date}:${e.label}` };
      },
    });
    builders.push({
      kind: 'what', factKey: `event:${e.date}:${e.label}`,
      build: (r) => {
        const source = sourceOf(cite.passageId);
        const others = shuffled(input.events.filter((o) => o.date !== e.date && !o.date.startsWith(e.date) && !e.date.startsWith(o.date)), r).map((o) => withoutDate(o.label, o.dateText));
        const arranged = arrange(what, others, r);
        if (source === null || arranged === null) return null;
        return { kind: 'what', prompt: t.what(formatDate(lang, e.date)), ...arranged, explanation: `${t.source(cite.title)}: ${e.label}.`, source, factKey: `event:${e.date}:${e.label}` };
      },
    });
  }

  const actors = [...new Set(input.articles.flatMap((a) => a.sentences.flatMap((s) => finder.actors(s.text))))];
  const persons = personNames(input.articles, actors);
  const people = actors.filter((a) => persons.has(a));
  const speechVerb = new RegExp(`(${SPEECH_VERBS.join('|')})(?![\\p{L}])`, 'iu');
  for (const p of input.passages) {
    if (!allowed(p.id)) continue;
    for (const s of p.sentences) {
      for (const actor of finder.actors(s.text)) {
        if (!persons.has(actor)) continue;
        const words = actor.split(' ');
        if (words.length < 2) continue;
        const last = words[words.length - 1] ?? actor;
        builders.push({
          kind: 'who', factKey: `actor:${p.id}:${s.index}:${actor}`,
          build: (r) => {
            const prompt = t.who(s.text.split(actor).join(BLANK).split(last).join(BLANK));
            const similar = people.filter((x) => x.split(' ').length === words.length && !x.endsWith(last) && !normaliseChoice(prompt).includes(normaliseChoice(x)));
            const arranged = arrange(actor, shuffled(similar, r), r);
            const source = sourceOf(p.id);
            if (source === null || arranged === null) return null;
            return { kind: 'who', prompt, ...arranged, explanation: `${t.source(source.title)}: ${s.text}`, source, factKey: `actor:${p.id}:${s.index}:${actor}` };
          },
        });
      }
      for (const m of s.text.matchAll(NUMBER_WITH_UNIT)) {
        const number = m[1] ?? '';
        const at = m.index;
        builders.push({
          kind: 'how_many', factKey: `number:${number}:${m[2]}`,
          build: (r) => {
            const blanked = `${s.text.slice(0, at)}${BLANK}${s.text.slice(at + number.length)}`;
            const arranged = arrange(number, nearbyNumbers(number, r), r);
            const source = sourceOf(p.id);
            if (source === null || arranged === null) return null;
            return { kind: 'how_many', prompt: t.howMany(blanked), ...arranged, explanation: `${t.source(source.title)}: ${s.text}`, source, factKey: `number:${number}:${m[2]}` };
          },
        });
      }
      for (const m of s.text.matchAll(/[“"]([^”"]+)[”"]/gu)) {
        const quote = m[1] ?? '';
        if (quote.length < QUOTE_MIN_CHARS || quote.length > QUOTE_MAX_CHARS) continue;
        const outside = s.text.replace(m[0], ' ');
        if (!speechVerb.test(outside)) continue;
        const named = finder.actors(outside).filter((a) => persons.has(a) && !quote.includes(a.split(' ').pop() ?? a));
        // The speaker: the one person named outside the quotation (several would be a guess).
        const lastNames = new Set(named.map((a) => a.split(' ').pop() ?? a));
        if (lastNames.size !== 1) continue;
        const speaker = people.filter((x) => lastNames.has(x.split(' ').pop() ?? x)).sort((a, b) => b.length - a.length)[0];
        if (speaker === undefined || !s.text.includes(speaker)) continue;
        builders.push({
          kind: 'who_said', factKey: `quote:${quote.slice(0, 40)}`,
          build: (r) => {
            const speakerWords = speaker.split(' ').length;
            const others = people.filter((x) => x.split(' ').length === speakerWords && (x.split(' ').pop() ?? x) !== (speaker.split(' ').pop() ?? speaker) && !quote.includes(x));
            const arranged = arrange(speaker, shuffled(others, r), r);
            const source = sourceOf(p.id);
            if (source === null || arranged === null) return null;
            return { kind: 'who_said', prompt: t.whoSaid(quote), ...arranged, explanation: `${t.source(source.title)}: ${s.text}`, source, factKey: `quote:${quote.slice(0, 40)}` };
          },
        });
      }
    }
  }

  const comparable = events.filter((e) => e.precision !== 'year');
  if (comparable.length >= 4) {
    builders.push({
      kind: 'which_first', factKey: 'order',
      build: (r) => {
        const picked: BriefingEvent[] = [];
        for (const e of shuffled(comparable, r)) {
          if (picked.some((x) => x.date.startsWith(e.date) || e.date.startsWith(x.date))) continue;
          picked.push(e);
          if (picked.length === 4) break;
        }
        if (picked.length < 4) return null;
        const first = [...picked].sort((a, b) => a.date.localeCompare(b.date))[0];
        const cite = first?.citations[0];
        const source = cite === undefined ? null : sourceOf(cite.passageId);
        if (first === undefined || source === null) return null;
        const arranged = arrange(withoutDate(first.label, first.dateText), picked.filter((e) => e !== first).map((e) => withoutDate(e.label, e.dateText)), r);
        if (arranged === null) return null;
        const dates = [...picked].sort((a, b) => a.date.localeCompare(b.date)).map((e) => `${formatDate(lang, e.date)}: ${withoutDate(e.label, e.dateText)}`).join(' | ');
        return { kind: 'which_first', prompt: t.first, ...arranged, explanation: dates, source, factKey: `order:${first.id}` };
      },
    });
  }

  // Round-robin over the kinds in a seeded order, each kind's candidates shuffled.
  const byKind = new Map(kinds.map((k) => [k, shuffled(builders.filter((b) => b.kind === k), random)]));
  const questions: QuizQuestion[] = [];
  const facts = new Set<string>();
  const order = shuffled(kinds, random);
  while (questions.length < n && [...byKind.values()].some((list) => list.length > 0)) {
    for (const kind of order) {
      if (questions.length >= n) break;
      const list = byKind.get(kind) ?? [];
      while (list.length > 0) {
        const builder = list.shift();
        if (builder === undefined || facts.has(builder.factKey)) continue;
        const built = builder.build(random);
        if (built === null || facts.has(built.factKey)) continue;
        const question: QuizQuestion = { id: `q${questions.length + 1}`, ...built };
        if (validateQuestion(question, input.passages).length > 0) continue;
        facts.add(builder.factKey);
        facts.add(built.factKey);
        questions.push(question);
        break;
      }
    }
  }
  const shortfall = questions.length < n
    ? `The briefing has material for only ${questions.length} valid question${questions.length === 1 ? '' : 's'} of the kinds asked (${kinds.join(', ')}); add articles with dated events, names, numbers or quotations for more.`
    : undefined;
  return shortfall === undefined ? { questions } : { questions, shortfall };
}
