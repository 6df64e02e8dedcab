/**
 * Numbers a "how many" question can ask: a number with what it counts (`19%`, `210 tỷ euro`,
 * `4 tài liệu`, `38 million euros`), never a year, a date, a time, an ordinal or part of a name
 * (`Apollo 11`). Distractors keep the answer's form: its separators, decimals and unit, its
 * roundness, and percentages stay within 0–100.
 */
import { escapeRegex, readNumber, writeNumber, type Language, type NumberForm } from '../text/index.js';
import { shuffled, type Random } from './random.js';
import { QUIZ_TUNING } from './tuning.js';

export interface NumberMention {
  /** Offsets of the part a question blanks: the number with its percent sign or scale word. */
  start: number;
  end: number;
  /** The blanked text as the sentence writes it (`19%`, `210 tỷ`, `38 million`). */
  text: string;
  form: NumberForm;
  /** The number is followed by %, percent or phần trăm. */
  percent: boolean;
  /** The percent sign or scale word after the number (`%`, ` tỷ`, ` million`): written after every choice. */
  suffix: string;
  /** The word the number counts (`điểm`, `euros`), lower case; '' for a percentage. */
  unit: string;
}

/** Words after a number that do not say what it counts (it ends a list, a range or a clause). */
const NOT_A_UNIT = new Set([
  'và', 'hoặc', 'hay', 'đến', 'tới', 'trong', 'của', 'là', 'ở', 'với', 'theo', 'khi', 'thì', 'mà', 'nhưng', 'cho', 'bởi', 'vào', 'trên', 'dưới',
  'and', 'or', 'to', 'the', 'a', 'an', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'that', 'which', 'is', 'was', 'were', 'are', 'when', 'than',
]);

/** Words that scale a number and belong with it in a choice. */
const SCALE_WORDS = ['nghìn', 'ngàn', 'triệu', 'tỷ', 'thousand', 'million', 'billion', 'trillion'];
const PERCENT_WORDS = ['%', 'percent', 'per cent', 'phần trăm'];

/** The power of ten the answer is rounded to (`250.000` → 10 000, `3,200` → 100, `19` → 1): distractors round alike. */
function roundness(form: NumberForm): number {
  if (form.decimals > 0) return 10 ** -form.decimals;
  let step = 1;
  while (form.value % (step * 10) === 0 && form.value >= step * 10) step *= 10;
  return step;
}

/** Three or more numbers near the answer, in its form: different, positive, rounded like it, within 0–100 for a percentage. */
export function numberDistractors(form: NumberForm, percent: boolean, random: Random): number[] {
  const n = form.value;
  const step = roundness(form);
  const round = (x: number): number => Math.round(x / step) * step;
  const small = n < QUIZ_TUNING.smallNumberLimit && form.decimals === 0;
  const raw = small ? [n - 3, n - 2, n - 1, n + 1, n + 2, n + 3] : QUIZ_TUNING.numberDistractorRatios.map((k) => round(n * k));
  const answerEndsInZero = writeNumber(n, form).endsWith('0');
  const fine = (x: number): boolean => {
    const text = writeNumber(x, form);
    return x > 0 && Math.abs(x - n) >= step / 2 && (!percent || x <= 100) && text !== writeNumber(n, form) && (answerEndsInZero || !text.endsWith('0'));
  };
  const drawn = shuffled([...new Set(raw.filter(fine).map((x) => Number(x.toFixed(form.decimals))))], random);
  // Half and double of the answer side by side (`8,000 / 16,000 / 32,000`) make it the middle of a chain a player spots: keep the first drawn.
  const half = Number(round(n / 2).toFixed(form.decimals));
  const double = Number(round(n * 2).toFixed(form.decimals));
  const firstOfPair = drawn.find((x) => x === half || x === double);
  const kept = drawn.filter((x) => (x !== half && x !== double) || x === firstOfPair);
  if (!small) return kept;
  // A small count's neighbours all on one side (`12, 13, 14` for 11) leave the answer at the end of a run:
  // how many lie below it is drawn, so that its place among the four is anyone's guess. The rest follow as spares.
  const below = kept.filter((x) => x < n);
  const above = kept.filter((x) => x > n);
  const k = Math.min(below.length, Math.max(Math.floor(random() * 4), 3 - above.length));
  return [...below.slice(0, k), ...above.slice(0, 3 - k), ...below.slice(k), ...above.slice(3 - k)];
}

/** Words before a number that make it a date, an ordinal or a label (`tháng 8`, `thứ 10`, `số 5`, `No. 3`). */
const NOT_A_COUNT_BEFORE = /(?<![\p{L}\p{M}])(?:ngày|tháng|năm|hôm|thứ|lần thứ|no\.?|number|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+$/iu;
/** What follows a countable number: a percent word, a scale word, or the noun it counts. */
const UNIT_AFTER = new RegExp(`^\\s*(${PERCENT_WORDS.map(escapeRegex).join('|')})|^\\s+(${SCALE_WORDS.join('|')})(?![\\p{L}\\p{M}])|^\\s+(\\p{Ll}[\\p{L}\\p{M}]*)`, 'u');
const NUMBER = /(?<![\p{L}\p{N}.,:/-])\d+(?:[.,]\d+)*(?![\p{N}]|[.,:/]\d|\p{L})/gu;

/**
 * Numbers in `sentence` that count something named right after them (a unit or noun), outside the
 * spans given (dates), not after a capitalised word (`Apollo 11`, `Hình 3.20`), and not a year.
 */
/** The fact a figure is (`number:38million:euros`): one "how many" question per figure, and none once a question has printed it. */
export function numberFactKey(n: Pick<NumberMention, 'form' | 'suffix' | 'unit'>): string {
  return `number:${n.form.value}${n.suffix}:${n.unit}`;
}

export function numbersIn(sentence: string, lang: Language, skip: ReadonlyArray<readonly [number, number]>): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const start = m.index;
    const numberEnd = start + m[0].length;
    if (skip.some(([s, e]) => start < e && numberEnd > s)) continue;
    // A sentence that opens with its number was often cut from a formula or a list (`O 2 nhanh nhất …`).
    if (sentence.slice(0, start).trim() === '') continue;
    const before = sentence.slice(Math.max(0, start - 30), start);
    const name = /\p{Lu}[\p{L}\p{M}.-]*\s+$/u.exec(before);
    const atSentenceStart = name !== null && start - (before.length - name.index) === 0;
    if ((name !== null && !atSentenceStart) || NOT_A_COUNT_BEFORE.test(before)) continue;
    const form = readNumber(m[0], lang);
    if (form === null) continue;
    const unit = UNIT_AFTER.exec(sentence.slice(numberEnd));
    if (unit === null) continue;
    const [whole, percentWord, scale, noun] = unit;
    if (noun !== undefined && NOT_A_UNIT.has(noun.toLowerCase())) continue;
    if (form.decimals === 0 && form.group === '' && form.value >= 1000 && form.value <= 2100 && percentWord === undefined) continue;
    const suffix = percentWord !== undefined || scale !== undefined ? (whole ?? '') : '';
    const end = numberEnd + suffix.length;
    const counted = noun ?? /^\s+([\p{L}\p{M}]+)/u.exec(sentence.slice(end))?.[1] ?? '';
    out.push({ start, end, text: sentence.slice(start, end), form, percent: percentWord !== undefined, suffix, unit: percentWord !== undefined ? '' : counted.toLowerCase() });
  }
  return out;
}

/** A unit of up to three words (`km`, `square miles`, `miles per hour`, `dặm/giờ`). */
const UNIT = String.raw`[\p{L}][\p{L}\p{M}²³0-9/]*(?:\s+[\p{L}][\p{L}\p{M}²³0-9/]*){0,2}`;
const MEASURE = String.raw`\d[\d.,]*`;
/** `734,000 square miles (`, `… km2 or `: the blank is the same measure in another unit. */
const CONVERTED_FROM = new RegExp(String.raw`${MEASURE}\s*${UNIT}\s*(?:\(|\s(?:or|hoặc))\s*(?:about\s+|khoảng\s+)?(?:${MEASURE}\s*(?:to|đến|-|–)\s*)?$`, 'u');
/** `340 miles (550 km)`, `22,392 km2 or 8,646 sq mi`: the same measure follows in another unit. */
const CONVERTED_TO = new RegExp(String.raw`^\s*${UNIT}\s*(?:\(|\s(?:or|hoặc)\s)\s*(?:about\s+|khoảng\s+)?${MEASURE}`, 'u');

/** Whether the sentence gives the number away as a conversion of a measure beside it (`about 340 miles (____ km)`). */
export function convertedBeside(sentence: string, start: number, end: number): boolean {
  // A share (`111.529 gia đình (____% tổng số hộ)`) is not the same measure as the count beside it.
  if (/^\s*(?:%|percent|per cent|phần trăm)/iu.test(sentence.slice(end))) return false;
  return CONVERTED_FROM.test(sentence.slice(Math.max(0, start - 40), start)) || CONVERTED_TO.test(sentence.slice(end, end + 40));
}

/**
 * A bound or an approximation just before the number (`hơn 5 giờ`, `more than 300`, `at least`,
 * `gần`, `about`, `up to`), or an error margin (`0.62 ± ____`): a smaller or nearby distractor would
 * also be true, or the blank is a margin no one remembers, so the blank has no one answer.
 */
const BOUND_BEFORE = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?:hơn|trên|dưới|gần|khoảng|chừng|ít nhất|tối thiểu|tối đa|lên tới|lên đến|hàng|gần như|xấp xỉ|` +
    String.raw`±|more than|less than|fewer than|greater than|larger than|smaller than|over|under|above|below|nearly|almost|about|around|roughly|approximately|some|at least|at most|up to|as many as|as much as|as few as|upwards of|close to|in excess of|exceeding|~)\s*$`,
  'iu',
);

/** Whether a bound or approximation comes just before the number at `start`. */
export function boundedBefore(sentence: string, start: number): boolean {
  return BOUND_BEFORE.test(sentence.slice(Math.max(0, start - 20), start));
}

/**
 * A sentence that states a share or ratio beside other numbers (`18% higher than 19,018`, `68.511
 * (43,3%) of 158.000`, `gấp 3 lần`, `3 times longer`): each number can be worked out from the others, so none is
 * asked. A count of times (`25 times between 1350 and 1490`, `25 lần`) is no ratio.
 */
const RATIO_WORDS = /(?<![\p{L}\p{M}])(?:times\s+(?:more|less|as|larger|smaller|longer|shorter|higher|lower|greater|bigger|the)|twice|double|triple|half|ratio|gấp|higher than|lower than|more than|less than|cao hơn|thấp hơn|nhiều hơn|ít hơn)(?![\p{L}\p{M}])/iu;

/**
 * A share written beside the count it is of (`1,388 (10.8%)`, `12.843 hộ (8,1%)`) or of the total it takes
 * (`43% of 158,000`, `43% của 158.000`): with the other figures, the count and the share give each other.
 */
const SHARE_OF_COUNT = /\d[\d.,]*\s*(?:[\p{L}\p{M}]+\s+){0,3}\(\s*\d[\d.,]*\s*%|\d[\d.,]*\s*%\s+(?:of|của)\s+(?:the\s+)?\d/u;

/**
 * Whether the sentence's numbers are tied by a share or ratio, so that any one follows from the others: a
 * ratio word, or a share beside its count or total. Two shares of different things (`70% of the land and
 * 91% of the cleared land`) are not tied.
 */
export function derivableFromOthers(mentions: readonly NumberMention[], sentence: string): boolean {
  // A share beside its count ties them however the figures are written (`12.843 (8.1%)` in a corpus that writes `0,9%`).
  return (mentions.length >= 2 && RATIO_WORDS.test(sentence)) || (mentions.length >= 1 && SHARE_OF_COUNT.test(sentence));
}
