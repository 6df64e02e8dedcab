/**
 * Whether a sentence or an event label refers to something only the text before it names: a definite noun
 * phrase of common words (`the isolated settlement`, `the first 15 years`, `played the role`), a
 * demonstrative (`dạng này`), a bare plural subject (`Các thỏa thuận …`), a span counted from a start it does
 * not give (`15 năm đầu tiên`) or a speaker's pronoun (`He said …`). Read alone in a quiz, which one is
 * unknown, so that sentence gives no question of the kind that would show it so.
 */
import { STOPWORDS, words } from '../../text/index.js';
import type { LabelReading } from './event-choices.js';

/**
 * An English `the` and the common words after it (a nationality among them: `the first European settlement`),
 * as far as a word that cannot be in the noun phrase.
 */
const EN_DEFINITE = /(?<![\p{L}\p{M}])[Tt]he((?:\s+(?:[\p{Ll}\d][\p{Ll}\p{M}\d'’-]*|\p{Lu}\p{Ll}+(?:an|ean|ish|ese|ic)(?=\s+\p{Ll})))+)/gu;
/**
 * What after a noun phrase says which one it is: `the role of …`, `the settlement that …`, `the men
 * arrested in …`, `the first quarterback ever to …`, `the settlement, Fort Caroline`, `the river (…)`, `the settlement in Virginia`,
 * `the paintings stolen from the Verholt Museum`.
 */
const RESTRICTED_AFTER = /^(?:\s+(?:in|at|on|from|for|near|by|with)\s+(?:the\s+)?\p{Lu}|\s+(?:of|that|which|who|whom|whose|where|when|called|known|named|ever|to|\p{Ll}+ed)(?![\p{L}\p{M}])|,?\s+\p{Lu}|\s*\(|\s+\p{Ll}+\s+\p{Lu})/u;
/** A speaker's pronoun opening a sentence (`He said …`, `Ông cho biết …`): who, the sentence before says. */
const SPEAKER_PRONOUN = /^[“"]?(?:he|she|they|ông|bà|họ)\s+(?:said|says|added|told|nói|cho biết)(?![\p{L}\p{M}])/iu;
/** A Vietnamese plural subject of common words (`Các thỏa thuận bao gồm …`): which ones, the sentence before says. */
const VI_PLURAL_SUBJECT = /^[“"]?(?:Các|Những)\s+([\p{Ll}\p{M}]+(?:\s+[\p{Ll}\p{M}]+)?)/u;
/** A Vietnamese noun and its demonstrative (`dạng này`, `giai đoạn đó`). */
const VI_DEMONSTRATIVE = /(?<![\p{L}\p{M}])([\p{Ll}\p{M}]+)\s+(?:này|đó)(?![\p{L}\p{M}])/gu;
/**
 * Words before `này`/`đó` that make a phrase of their own (`trong đó`, in which; `sau đó`, afterwards; `do đó`,
 * therefore), not a thing pointed at; and times (`tháng này`, this month; `thời điểm này`, `giai đoạn này`),
 * which the article's date or the sentence's own dates tell.
 */
const VI_NOT_A_NOUN = new Set([
  'trong', 'khi', 'sau', 'do', 'từ', 'đến', 'lúc', 'vì', 'bởi', 'như', 'ở', 'tại', 'vào', 'cho', 'theo', 'của', 'với', 'nơi', 'đây', 'là', 'và',
  // Mid-sentence, `điều đó`/`việc này` stands for what the sentence itself just said (`… và cảnh báo Nga sẽ đáp trả nếu điều đó xảy ra`).
  'điều', 'việc',
  'tháng', 'năm', 'tuần', 'ngày', 'hôm', 'sáng', 'chiều', 'tối', 'đêm', 'mùa', 'kỳ', 'điểm', 'đoạn', 'gian',
]);
/** A span counted from a start the sentence does not give (`15 năm đầu tiên`, the first 15 years: of what?). */
const VI_FIRST_SPAN = /(?<![\p{L}\p{M}])(?:năm|tháng|tuần|ngày|thập kỷ|mùa)\s+đầu tiên(?![\p{L}\p{M}])(?!\s+(?:của|sau|kể))/u;

/** Whether `index` lies inside a quotation: a speaker's own words need no introduction of what they speak of. */
function quoted(text: string, index: number): boolean {
  return ((text.slice(0, index).match(/["“”]/gu) ?? []).length % 2) === 1;
}

const stem = (w: string): string => w.toLowerCase().replace(/['’]s$/u, '').replace(/(?:es|s)$/u, '');

/**
 * English definite noun phrases of common words that nothing in the text says which: none of their words in
 * what the article is about, their noun not named earlier in the text, nothing after them that restricts
 * them. `minWords`: 2 for any place in a sentence (`the isolated settlement`: one word, `the police`, is
 * mostly plain); 1 for a label's last phrase, its object (`played the role`).
 */
function unboundDefinites(text: string, topic: ReadonlySet<string>, minWords: number): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(EN_DEFINITE)) {
    const tokens = (m[1] ?? '').trim().split(/\s+/u);
    // The phrase ends before a function word, or before a participle after its noun (`the museum reopened`).
    const phrase: string[] = [];
    for (const [i, t] of tokens.entries()) {
      const bare = t.replace(/[,.;:!?'’]+$/u, '');
      if (STOPWORDS.has(bare.toLowerCase()) || (i > 0 && /ed$/u.test(bare))) break;
      phrase.push(bare);
      if (bare !== t) break;
    }
    const head = phrase.at(-1);
    if (head === undefined || phrase.length < minWords || /^\d/u.test(head)) continue;
    const start = m.index;
    const end = text.indexOf(head, start + 3) + head.length;
    if (quoted(text, start) || RESTRICTED_AFTER.test(text.slice(end))) continue;
    if (phrase.some((w) => topic.has(w.toLowerCase().replace(/['’]s$/u, '')) || topic.has(stem(w)))) continue;
    const before = new Set(words(text.slice(0, start).toLowerCase()).map(stem));
    if (before.has(stem(head))) continue;
    found.push({ start, end });
  }
  return found;
}

/** Clause breaks of a sentence: a noun phrase in another clause than a fill-in's blank is not what the blank is about. */
const CLAUSE_BREAK = /[,;:]\s|\s[-–—]\s/gu;

/** A speaker's pronoun, a span from a start not given, a bare plural subject or a demonstrative, anywhere in the text. */
function pointsElsewhere(text: string, topic: ReadonlySet<string>, reading: LabelReading): boolean {
  if (SPEAKER_PRONOUN.test(text) || VI_FIRST_SPAN.test(text)) return true;
  const plural = VI_PLURAL_SUBJECT.exec(text);
  // …up to its verb, with no name or relative clause (`Những người mà ông Lavrov gặp …`) to say which.
  const subject = plural === null ? null : /^(.*?)\s(?:đã|được|bị|sẽ|là|có|đang|vẫn|cũng|bao gồm|không)(?![\p{L}\p{M}])/u.exec(text)?.[1] ?? null;
  if (plural?.[1] !== undefined && subject !== null && !/\s\p{Lu}|(?<![\p{L}\p{M}])mà(?![\p{L}\p{M}])/u.test(subject.slice(1)) && words(plural[1].toLowerCase()).every((w) => reading.commonWord(w) && !topic.has(w))) return true;
  for (const m of text.matchAll(VI_DEMONSTRATIVE)) {
    const noun = (m[1] ?? '').toLowerCase();
    if (VI_NOT_A_NOUN.has(noun) || quoted(text, m.index)) continue;
    if (!words(text.slice(0, m.index).toLowerCase()).includes(noun)) return true;
  }
  return false;
}

/**
 * Whether a sentence (a fill-in's, blanked at [start, end)) leans on what the article said before it:
 * `pointsElsewhere`, or a definite noun phrase nothing says which in the clause of the blank (`Of the
 * original ____ settlers in the isolated settlement`).
 */
export function sentenceLeansBack(sentence: string, docIds: readonly string[], reading: LabelReading, blank?: { start: number; end: number }): boolean {
  const topic = new Set(docIds.flatMap((d) => [...reading.topicWords(d)]));
  if (pointsElsewhere(sentence.trim(), topic, reading)) return true;
  const breaks = [0, ...[...sentence.matchAll(CLAUSE_BREAK)].map((b) => b.index + b[0].length), sentence.length];
  const from = blank === undefined ? 0 : Math.max(...breaks.filter((b) => b <= blank.start));
  const to = blank === undefined ? sentence.length : Math.min(...breaks.filter((b) => b >= blank.end));
  return unboundDefinites(sentence, topic, 2).some((d) => d.start >= from && d.end <= to);
}

/** Whether an event label leans on the text it was cut from: `pointsElsewhere`, or it ends on an object nothing names (`… played the role`). */
export function labelLeansBack(label: string, docIds: readonly string[], reading: LabelReading): boolean {
  const text = label.trim().replace(/[.]$/u, '');
  const topic = new Set(docIds.flatMap((d) => [...reading.topicWords(d)]));
  // The object right after its verb (`played the role`), not an adverbial (`after the raid`, `in the morning`).
  const object = (d: { start: number }): boolean => !STOPWORDS.has(words(text.slice(0, d.start).toLowerCase()).at(-1) ?? 'the');
  return pointsElsewhere(text, topic, reading) || unboundDefinites(text, topic, 1).some((d) => d.end >= text.length && object(d));
}
