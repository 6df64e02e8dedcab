/**
 * The bar an event label clears to be shown (timeline, "what" and "which came first" choices,
 * "when" prompts): a person must understand it alone. A label fails when it is short once its
 * date is gone, opens with a connective, relative or participle (it leans on a clause it was cut
 * from), has a subject that points back (`Ông cho biết`, `This`), ends on a word that needs more
 * (`rằng`, `that`, `said`), or was cut short.
 */
import { STOPWORDS, isNumeric, words, type Language } from '../text/index.js';

/**
 * Content words a label needs: "about four" for English; Vietnamese writes most words as two
 * syllables, so six content syllables make about four words.
 */
export const EVENT_LABEL_MIN_CONTENT_WORDS = { en: 4, vi: 6 } as const;

/** Openings of a clause that depends on another one (connectives, relatives, subordinators). */
const DEPENDENT_OPENINGS = [
  'và', 'nhưng', 'song', 'còn', 'hay', 'hoặc', 'rằng', 'mà', 'nên', 'vì', 'do', 'nếu', 'khi', 'để', 'thì', 'tuy', 'dù', 'mặc dù',
  'trong khi', 'đồng thời', 'sau khi', 'trước khi', 'bởi', 'được', 'bị', 'cùng', 'với', 'của', 'là',
  'and', 'but', 'or', 'nor', 'so', 'yet', 'which', 'who', 'whom', 'whose', 'that', 'where', 'when', 'while', 'whereas', 'although',
  'though', 'because', 'since', 'as', 'if', 'unless', 'after', 'before', 'until', 'once', 'whether', 'to', 'of', 'with', 'by',
  // An auxiliary with no subject before it: the subject was in the clause the label was cut from.
  'was', 'were', 'is', 'are', 'has', 'have', 'had', 'been', 'đã', 'đang', 'sẽ',
  // `Nơi …` opens a clause about a place named elsewhere (where); `cuối cùng đến Anh` (finally reached
  // England) goes on from a subject named before it.
  'nơi', 'cuối cùng',
  // An adverb that stands after a subject (`thường được biết đến …`, usually known as; `vẫn`, `cũng`, `từng`):
  // at the start, the subject is missing.
  'thường', 'vẫn', 'cũng', 'từng',
];
/** Last words that leave a label waiting for more (what was said, the rest of a phrase). */
const DANGLING_ENDINGS = [
  'rằng', 'là', 'của', 'và', 'với', 'mà', 'để', 'cho', 'về', 'các', 'những', 'nói', 'cho biết', 'tuyên bố', 'khẳng định', 'nhấn mạnh', 'lưu ý', 'nói thêm',
  'that', 'and', 'of', 'to', 'the', 'a', 'an', 'with', 'for', 'by', 'than', 'said', 'says', 'told', 'added', 'stated', 'announced',
  // An object pronoun at the end: what it stands for is in another sentence.
  'it', 'them', 'him', 'nó',
];

function startsWithPhrase(w: readonly string[], phrases: readonly string[]): string | undefined {
  return phrases.find((p) => {
    const pw = p.split(' ');
    return pw.every((x, i) => w[i] === x);
  });
}

function endsWithPhrase(w: readonly string[], phrases: readonly string[]): string | undefined {
  return phrases.find((p) => {
    const pw = p.split(' ');
    return pw.every((x, i) => w[w.length - pw.length + i] === x);
  });
}

/** An English participle opening (`Published at …`, `Furnished with …`): -ed/-ing first word followed by a lower-case word. */
function participleOpening(label: string): boolean {
  const m = /^([\p{L}]+)\s+(\S+)/u.exec(label.trim());
  if (m === null) return false;
  const [, first = '', second = ''] = m;
  return /(?:ed|ing)$/u.test(first.toLowerCase()) && first.length > 4 && !/^\p{Lu}/u.test(second);
}

/** A subject that points back at something named before: a pronoun (`Ông cho biết`, `He said`) or `X này` (`Thông tin này`). */
export function pointsBack(label: string): boolean {
  const text = label.trim();
  if (/^(?:[Ôô]ng|[Bb]à|[Hh]ọ)\s+\p{Ll}/u.test(text)) return true;
  return (
    /^(?:he|she|they|it|this|these|those|we|i|đây|điều này|điều đó)(?![\p{L}\p{M}'])/iu.test(text) ||
    /^(?:[\p{L}\p{M}]+\s+){1,2}(?:này|đó|ấy)(?![\p{L}\p{M}])/iu.test(text) ||
    // `Even with this increase, …`: an opening phrase about something named before.
    /^(?:[\p{L}\p{M}]+\s+){1,2}(?:this|these|those)\s+\p{Ll}/iu.test(text)
  );
}

/** Why `label` (its date already removed) is not a label a person understands alone; null when it is. */
export function labelProblem(label: string, lang: Language): string | null {
  const text = label.trim();
  if (text.endsWith('…')) return 'cut short';
  const w = words(text.toLowerCase());
  const content = w.filter((x) => !STOPWORDS.has(x) && !isNumeric(x)).length;
  if (content < EVENT_LABEL_MIN_CONTENT_WORDS[lang]) return `${content} content words`;
  const opening = startsWithPhrase(w, DEPENDENT_OPENINGS);
  if (opening !== undefined) return `opens with "${opening}"`;
  if (participleOpening(text)) return 'opens with a participle';
  if (pointsBack(text)) return 'its subject points back at something named before';
  // `nó` (it) stands for something the label does not name, wherever it is.
  if (/(?<![\p{L}\p{M}])nó(?![\p{L}\p{M}])/iu.test(text)) return 'a pronoun for something named elsewhere';
  // `In the form of a conjunction …`: an adverbial without the clause it belonged to.
  if (/^(?:in|on|at|for|from|under|during|trong|tại|vào|về|sau|trước)\s/iu.test(text) && !/[,;:]\s/u.test(text)) return 'a phrase without its clause';
  // `17, bệnh dịch hạch …` of `Trong thế kỷ 16 và 17, …`: the rest of a list of dates.
  if (/^\d+\s*[,;:]/u.test(text)) return 'the rest of a list of dates';
  const ending = endsWithPhrase(w, DANGLING_ENDINGS);
  if (ending !== undefined) return `ends with "${ending}"`;
  return null;
}
