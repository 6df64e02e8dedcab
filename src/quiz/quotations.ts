/**
 * Quotations and who said them. The speaker is the person named next to a speech verb outside
 * the quotation (`"…", ông Lavrov nói`, `Hale said: "…"`, `said Johan de Wit`, `Theo … Yuri
 * Ushakov, "…"`), a pronoun (`ông nói thêm`, `she said`) standing for the one person the article
 * named last, or, for a sentence that is only a quotation, the speaker of the quotation just before.
 * Anything less certain is left out.
 */
import type { Article, Passage } from '../corpus/types.js';
import type { PeopleIndex, Person } from './people.js';
import { QUIZ_TUNING } from './tuning.js';
import { escapeRegex, words, type Language } from '../text/index.js';

/** Verbs (and `theo` / `according to`) that attribute a quotation to the person next to them. */
export const SPEECH_VERBS: readonly string[] = [
  'nói', 'nói thêm', 'cho biết', 'khẳng định', 'nhấn mạnh', 'trả lời', 'lưu ý', 'tuyên bố', 'cảnh báo', 'bày tỏ', 'theo',
  'said', 'says', 'told', 'added', 'stated', 'warned', 'replied', 'asked', 'according to',
];
/** Verbs whose speaker may follow them. */
const INVERTING_VERBS = /^(?:said|says|added|replied|asked|theo|according to)$/iu;
/** Pronouns that stand for a person named before (subject forms). */
const PERSON_PRONOUNS = ['ông', 'bà', 'ông ấy', 'bà ấy', 'he', 'she'];

export interface Quotation {
  quote: string;
  speaker: Person;
  docId: string;
  passageId: string;
  /** The sentence that holds the quotation. */
  sentence: string;
  /** The sentence names the speaker (not `she said`, nor a quotation continuing the one before). */
  named: boolean;
}

const QUOTE = /[“"]([^“”"]+)[”"]/gu;
const PLACEHOLDER = '\u2063Q\u2063';
const phrases = (list: readonly string[]): string => list.map(escapeRegex).sort((a, b) => b.length - a.length).join('|');
const SPEECH = new RegExp(`(?<![\\p{L}\\p{M}])(?:${phrases(SPEECH_VERBS)})(?![\\p{L}\\p{M}])`, 'giu');
const PRONOUN = new RegExp(`(?<![\\p{L}\\p{M}])(?:${phrases(PERSON_PRONOUNS)})(?![\\p{L}\\p{M}])`, 'giu');
/** Clause breaks between a speaker and a verb that is not theirs. */
const CLAUSE_BREAK = /[.;:!?]|\u2063Q\u2063/u;

interface Subject {
  person: Person | 'pronoun';
  start: number;
  end: number;
}

/** The speaker a sentence's speech verb attributes to, among the subjects outside its quotations. */
function attributed(outside: string, subjects: readonly Subject[]): Subject | null {
  for (const verb of outside.matchAll(SPEECH)) {
    const before = subjects.filter((s) => s.end <= verb.index && !CLAUSE_BREAK.test(outside.slice(s.end, verb.index)));
    const nearest = before[before.length - 1];
    if (nearest !== undefined) return nearest;
    // A speaker after the verb only in an inversion (`said Johan de Wit`) or after `theo` / `according to`;
    // after other verbs the name is who was told or declared something (`tuyên bố hoàng tử Guaimar IV là …`).
    if (!INVERTING_VERBS.test(verb[0])) continue;
    const end = verb.index + verb[0].length;
    const after = subjects.find((s) => s.start >= end && s.start - end <= QUIZ_TUNING.speakerAfterVerbMaxChars && !CLAUSE_BREAK.test(outside.slice(end, s.start)));
    if (after !== undefined) return after;
  }
  return null;
}

/**
 * A quotation opening on what the speaker said before it: `điều đó`/`việc này` (that, this thing), `đó là`,
 * `this is`, `that was`, `it is`: a pronoun for a thing, not the speaker's `I` or `we`, nor `these paintings`.
 */
const POINTS_BACK_QUOTE = /^[“"]?(?:(?:điều|việc)\s+(?:này|đó|ấy)|(?:đó|đây)\s+là|(?:this|that|it)(?:'s|\s+(?:is|was|will|would|has|had|means|meant)))(?![\p{L}\p{M}])/iu;

/** A quotation short enough for a prompt, long enough to tell who would say it: the whole one, or its first sentence. */
function fitQuote(quote: string, lang: Language): string | null {
  const q = quote.trim().replace(/[,.]$/u, '');
  const fit = q.length <= QUIZ_TUNING.quoteMaxChars ? q : /^.+?[.!?](?=\s)/u.exec(q)?.[0];
  if (fit === undefined || fit.length < QUIZ_TUNING.quoteMinChars || fit.length > QUIZ_TUNING.quoteMaxChars) return null;
  // A quotation opening in lower case is a phrase lifted from a sentence (`mang tính xây dựng, hữu ích…`), not a whole saying.
  if (/^\p{Ll}/u.test(fit)) return null;
  // One opening on what the speaker said before it (`Điều đó là cần thiết …`, `That is why …`) cannot be told apart.
  if (POINTS_BACK_QUOTE.test(fit)) return null;
  return words(fit).length >= QUIZ_TUNING.quoteMinWords[lang] ? fit : null;
}

export function findQuotations(articles: readonly Article[], passages: readonly Passage[], people: PeopleIndex, lang: Language): Quotation[] {
  const passageOf = new Map<string, string>();
  for (const p of passages) for (const s of p.sentences) passageOf.set(`${p.docId}\u0000${s.index}`, p.id);
  const out: Quotation[] = [];
  for (const article of articles) {
    /** The person the article named last (null when the last sentence naming people named several). */
    let lastNamed: Person | null = null;
    let previous: { speaker: Person; paragraph: number } | null = null;
    for (const s of article.sentences) {
      const quotes = [...s.text.matchAll(QUOTE)];
      const outside = s.text.replace(QUOTE, PLACEHOLDER);
      const named = people.mentions(outside, article.docId);
      const subjects: Subject[] = [
        ...named.map((m) => ({ person: m.person, start: m.start, end: m.end })),
        ...[...outside.matchAll(PRONOUN)]
          .filter((m) => !named.some((n) => n.start >= m.index && n.start - (m.index + m[0].length) <= 1))
          .map((m) => ({ person: 'pronoun' as const, start: m.index, end: m.index + m[0].length })),
      ].sort((a, b) => a.start - b.start);
      let speaker: Person | null = null;
      let namesSpeaker = false;
      if (quotes.length > 0) {
        const subject = attributed(outside, subjects);
        namesSpeaker = subject !== null && subject.person !== 'pronoun';
        if (subject !== null) speaker = subject.person === 'pronoun' ? lastNamed : subject.person;
        else if (outside.replace(PLACEHOLDER, '').trim().replace(/^[.,]+|[.,]+$/gu, '') === '' && previous?.paragraph === s.paragraph) speaker = previous.speaker;
      }
      const passageId = passageOf.get(`${article.docId}\u0000${s.index}`);
      if (speaker !== null && passageId !== undefined) {
        for (const q of quotes) {
          const quote = fitQuote(q[1] ?? '', lang);
          if (quote === null || [...speaker.forms].some((f) => quote.includes(f))) continue;
          out.push({ quote, speaker, docId: article.docId, passageId, sentence: s.text, named: namesSpeaker });
        }
      }
      previous = speaker === null ? null : { speaker, paragraph: s.paragraph };
      const distinct = new Set(named.map((m) => m.person));
      if (distinct.size === 1) lastNamed = named[0]?.person ?? null;
      else if (distinct.size > 1) lastNamed = speaker !== null && distinct.has(speaker) ? speaker : null;
    }
  }
  return out;
}
