/** What the event kinds (when, what, which came first) share: periods near an event's, at its precision. */
import { eventPeriod, periodDays, periodsOverlap, type Period } from '../../events/period.js';
import { labelProblem, pointsBack } from '../../events/label.js';
import { dateExpressionSpans } from '../../events/dates.js';
import type { BriefingEvent } from '../../events/types.js';
import { words, type Language } from '../../text/index.js';
import { shuffled, type Random } from '../random.js';
import { QUIZ_TUNING } from '../tuning.js';
import type { QuizMaterial } from './types.js';
import { labelLeansBack } from './referents.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** One step of a period's own size: a day, a month, a year, ten years, a hundred years. */
function shifted(p: Period, k: number): Period {
  const [y = 0, m, d] = p.value.split('-').map(Number);
  switch (p.precision) {
    case 'day': {
      const t = new Date(Date.UTC(y, (m ?? 1) - 1, (d ?? 1) + k));
      return { value: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`, precision: 'day' };
    }
    case 'month': {
      const t = new Date(Date.UTC(y, (m ?? 1) - 1 + k, 1));
      return { value: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`, precision: 'month' };
    }
    case 'year':
      return p.until === undefined ? { value: String(y + k), precision: 'year' } : { value: String(y + k), precision: 'year', until: String(Number(p.until) + k) };
    case 'decade':
      return { value: String(y + 10 * k), precision: 'decade' };
    case 'century':
      return { value: pad(y + 100 * k, 4), precision: 'century' };
  }
}

/**
 * Periods near `p` at its precision: plausible, different, never the answer nor overlapping it (a span
 * of years shifted by less than its length, `1350–1352` beside `1348–1350`, shares a year with it),
 * never before year 1, and a decade or century never after the latest year the briefing speaks of (`thế kỷ 22`).
 */
export function nearbyPeriods(p: Period, random: Random, latestYear: number): Period[] {
  const wide = p.precision === 'decade' || p.precision === 'century';
  const steps = wide ? QUIZ_TUNING.wideDateDistractorSteps : QUIZ_TUNING.dateDistractorOffsets;
  return shuffled(steps, random)
    .map((k) => shifted(p, k))
    .filter((x) => !periodsOverlap(x, p) && Number(x.value.slice(0, 4)) > 0 && (!wide || Number(x.value.slice(0, 4)) <= Math.max(latestYear, Number(p.value.slice(0, 4)))));
}

/**
 * Where a long label may end: before a comma or a conjunction that joins a second happening to a complete
 * one. Not before a preposition: what follows it often says which (`… the mobile radio system` | `to the
 * underground Metro system`; `… played the Doctor at different times` | `during the run of a play`).
 */
const LABEL_CUT = /,\s|\s(?=(?:and|while|whereas|và|trong khi|còn)\s)/gu;

/**
 * An event label as a choice reads on a phone: whole when short; else its longest opening, cut before a comma
 * or conjunction, that is still a label a person understands alone and ends on nothing left unnamed
 * (`Thieves broke into the Verholt Museum of Art in Lindmark overnight` for the lead sentence that goes on
 * `and escaped with four 17th-century paintings worth …`); whole when no opening is.
 */
export function choiceLabel(e: Pick<BriefingEvent, 'label' | 'citations'>, m: LabelReading & { lang: Language }): string {
  const { label } = e;
  const docIds = e.citations.map((c) => c.docId);
  if (label.length <= QUIZ_TUNING.choiceMaxChars) return label;
  const cuts = [...label.matchAll(LABEL_CUT)].map((c) => c.index).filter((at) => at <= QUIZ_TUNING.choiceMaxChars).sort((a, b) => b - a);
  const fits = cuts.map((at) => label.slice(0, at).trim()).find((part) => labelProblem(part, m.lang) === null && !labelLeansBack(part, docIds, m));
  return fits ?? label;
}

/** The scale of a period in years: a decade's or a century's start is counted in its own steps. */
const SCALE_YEARS = { year: 1, decade: 10, century: 100 } as const;

/**
 * Whether a period of a year or coarser lies within the years its article's dates span (its events and its
 * own date), on the period's scale: no `the 1940s` for a programme whose article starts in 1963, no year
 * after the article's last. Days and months are a story's weeks, which `nearbyPeriods` keeps near already.
 */
export function withinArticleYears(p: Period, docId: string, m: Pick<QuizMaterial, 'allEvents' | 'articles'>): boolean {
  if (p.precision === 'day' || p.precision === 'month') return true;
  const scale = SCALE_YEARS[p.precision];
  const own = m.allEvents.filter((e) => e.citations.some((c) => c.docId === docId)).flatMap((e) => [Number(e.date.slice(0, 4)), Number((e.until ?? e.date).slice(0, 4))]);
  const published = m.articles.find((a) => a.docId === docId)?.date;
  const years = [...own, ...(published === null || published === undefined ? [] : [Number(published.slice(0, 4))])];
  if (years.length === 0) return true;
  const start = Number(p.value.slice(0, 4));
  return start >= Math.floor(Math.min(...years) / scale) * scale && start <= Math.max(...years);
}

/** Whether a period starts after the briefing's latest article: it is still ahead of the reader. */
export function isAhead(p: Period, latestDate: string | null): boolean {
  return latestDate !== null && periodDays(p)[0] > latestDate;
}

/**
 * Words in a label that stand for something it does not name (`his forces`, `the country`, `ở đây`,
 * `giai đoạn này`, `Monday's raid`): fine on a timeline beside its neighbours, but a quiz choice is read
 * alone (and a weekday tells its date apart from the others').
 */
const DEICTIC = /(?<![\p{L}\p{M}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|hôm qua|hôm nay|ngày mai|his|her|him|them|here|thereafter|afterwards|this has|this is|this was|that was|the country|the network|the settlement|ở đây|tại đây|đây là|này|khi đó|lúc đó|các thành viên)(?![\p{L}\p{M}])/iu;
/** `của ông` (his) with no name after it (case-sensitive: a name is capitalised). */
const VI_POSSESSIVE = /(?<![\p{L}\p{M}])(?:của|với|cho) (?:ông|bà|họ)(?![\p{L}\p{M}])(?!\s+\p{Lu})/u;

/**
 * Openings of a clause that leans on the one it was cut from (`Ngụ ý là Bergen op Zoom …`, `Ngoại trừ mái
 * nhà …`, `Implying …`), or whose owner was named before it (`Their conversion was announced …`): what
 * remains is not a happening read alone.
 */
const DEPENDENT = /^(?:their|its|implying|suggesting|except|excluding|including|although|though|while|whereas|because|unlike|despite|ngụ ý|ngoại trừ|trừ|bao gồm|mặc dù|tuy|vì|do đó|về phương diện|thường được)(?![\p{L}\p{M}])/iu;
/** A sentence that lists years (`vào năm 1563, 1593, 1603 …`): its event has no one date to ask about. */
const YEAR_LIST = /(?<!\d)\d{3,4},\s+\d{3,4}(?!\d)/u;
/** A word that tells a happening again (`… died in 1623–25, and again in 1635–36, 1655 and 1664`, `rồi lại`, `một lần nữa`). */
const ONCE_MORE = /(?<![\p{L}\p{M}])(?:again|lần nữa|rồi lại|lại một lần)(?![\p{L}\p{M}])/iu;

/** Whether a sentence gives its happening several dates: a date, then `again` and another date. */
function happenedSeveralTimes(sentence: string): boolean {
  if (YEAR_LIST.test(sentence)) return true;
  const [first, ...rest] = dateExpressionSpans(sentence);
  const again = first === undefined ? null : ONCE_MORE.exec(sentence.slice(first[1]));
  return first !== undefined && again !== null && rest.some(([start]) => start > first[1] + again.index);
}

/**
 * Whether most of the label's words are in its cited sentence. When that sentence points back
 * (`Thông tin này được Điện Kremlin đưa ra ngày 3/12`) and the label came from its neighbour, the
 * cited sentence does not prove the label's date; a label that only names what `hiệp ước này` stands for is fine.
 */
function inSentence(e: BriefingEvent): boolean {
  const own = new Set(words(e.sentence.toLowerCase()));
  const label = words(e.label.toLowerCase());
  return label.filter((w) => own.has(w)).length >= QUIZ_TUNING.labelWordsInSentence * label.length;
}

/** Words that put a happening after its report (`will`, `is set to`, `sẽ`, `dự kiến`). */
const FUTURE = /(?<![\p{L}\p{M}])(?:will|would|shall|is set to|are set to|is due to|are due to|is expected to|are expected to|plans to|plan to|sẽ|dự kiến|sắp)(?![\p{L}\p{M}])/iu;
/** Words that put it before (`đã`, `had`, `was`): no choice of a question about what is still ahead. */
const PAST = /(?<![\p{L}\p{M}])(?:đã|từng|had|was|were|did)(?![\p{L}\p{M}])/iu;

/**
 * Words that make a label a view or a lasting state rather than something that happened at its date
 * (`showed how much cooperation had improved`, `Surveys … indicate`, `was often lost for decades`,
 * `virtually every year`): a player cannot tell such a label's date from the others'.
 */
const NOT_A_HAPPENING = /(?<![\p{L}\p{M}])(?:show|shows|showed|shown|indicate|indicates|indicated|suggest|suggests|suggested|demonstrate|demonstrates|demonstrated|often|usually|generally|typically|commonly|frequently|always|every year|each year|per year|annually|cho thấy|chứng tỏ|thường|thường xuyên|hàng năm|mỗi năm|luôn luôn)(?![\p{L}\p{M}])/iu;

/**
 * Words that tell a happening again (`reopened`, `rebuilt`, `again`, `xây dựng lại`, `trở lại`): the label
 * fits the first time as well as this one (a museum that reopened after its roof was rebuilt and again after a theft).
 */
const AGAIN = /(?<![\p{L}\p{M}])(?:again|reopened|reopens|reopening|rebuilt|rebuild|reconstruction|reconstructed|restored|resumed|returned|re-elected|trở lại|tái thiết|tái lập|(?<!(?:chống|đem|mang|còn|ngược|giữ|ở) )lại)(?![\p{L}\p{M}])/iu;

/** An English subject of one common noun after `the` (`The drought was …`, `The neighborhood is …`), before its verb. */
const EN_BARE_SUBJECT = /^(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(\p{Ll}[\p{L}-]*)\s+(?:was|were|is|are|has|had|have|did|became|remained|\p{Ll}+ed|\p{Ll}+s)(?![\p{L}\p{M}])/u;
/** A Vietnamese subject of one or two common words before its verb (`Mạng lưới đã …`, `Pháo đài đã được …`). */
const VI_BARE_SUBJECT = /^(\p{Lu}[\p{Ll}\p{M}]*(?:\s[\p{Ll}\p{M}]+)?)\s+(?:đã|được|bị|sẽ|là|có|đang|vẫn|cũng)(?![\p{L}\p{M}])/u;

/**
 * Shapes of a label that names a thing rather than telling a happening, or tells one of something it
 * never names (read alone, a choice must say what happened to what):
 * - a plural noun phrase whose verb is inside a relative clause (`Các “thỏa thuận” mà ông Putin và … đạt
 *   được tại hội nghị …`, the agreements that … reached) with no predicate after it: the clause it was the
 *   subject of was cut off;
 * - a name, a comma and a participle (`Nova Scotia, bị chiếm giữ từ tay Pháp`, `Nova Scotia, captured from
 *   France`): an apposition without the clause it stood in;
 * - a plain plural object at the end, naming nothing (`đã nêu rõ các điều kiện cốt lõi`, set out the core
 *   conditions: of what?): at most `VAGUE_PLURAL_WORDS` common words after `các`/`những`, the length of a
 *   Vietnamese noun with one two-syllable modifier.
 */
const RELATIVE_HEAD = /^[“"‘']?(?:Các|Những)\s[^,]*?(?<![\p{L}\p{M}])mà(?![\p{L}\p{M}])/u;
/** Markers of a predicate after that relative clause (`… mà ông gặp đã rời đi`): then the label is a clause. */
const VI_PREDICATE = /(?<![\p{L}\p{M}])(?:đã|sẽ|là|bị|đang|vẫn|cũng)(?![\p{L}\p{M}])/u;
const APPOSITION = /^\p{Lu}[\p{L}\p{M}]*(?:\s\p{Lu}[\p{L}\p{M}]*)*,\s(?:bị|được|\p{Ll}+ed)\s[^,]*$/u;
const VAGUE_PLURAL_WORDS = 4;
const VAGUE_PLURAL_END = new RegExp(`(?<![\\p{L}\\p{M}])(?:các|những)(?:\\s[\\p{Ll}\\p{M}]+){1,${VAGUE_PLURAL_WORDS}}$`, 'u');

/** An English noun made of a verb, as a label's head (`The resignation of Rajendra K. Pachauri`): a happening named, not told… */
const EN_NOMINAL_HEAD = /^(?:the|a|an)\s+\p{Ll}+(?:tion|sion|ment|ance|ence|al|ure)\s+of\s/iu;
/** …unless a verb follows (`The arrival of the French caused …`). */
const EN_VERB = /(?<![\p{L}\p{M}])(?:was|were|is|are|has|have|had|did|began|took|made|led|\p{Ll}+ed)(?![\p{L}\p{M}])/u;

/** Whether a label names a thing (its verb in a relative clause, or none: `The resignation of …`), is an apposition, or leaves its plain plural object unsaid. */
export function notATelling(label: string): boolean {
  const text = label.trim();
  if (EN_NOMINAL_HEAD.test(text) && !EN_VERB.test(text)) return true;
  const head = RELATIVE_HEAD.exec(text);
  if (head !== null && !VI_PREDICATE.test(text.slice(head[0].length))) return true;
  return APPOSITION.test(text) || VAGUE_PLURAL_END.test(text);
}

/** What a choice's label is read against: the corpus's common words and what each article is about. */
export interface LabelReading {
  /** Whether a word is written in lower case somewhere in the corpus: a common word, not a name. */
  commonWord(word: string): boolean;
  /** The words of an article's title and first sentence, lower case: what its `the museum` refers to. */
  topicWords(docId: string): ReadonlySet<string>;
}

/**
 * Whether a label's (or a sentence's) subject is a bare common noun its article's title and opening never name
 * (`The drought …`, `Pháo đài đã được xây dựng lại`), or the label names nothing at all past its first
 * word (no name, no number: `Hạn hán tập trung ở phía tây nam`) and opens on what its article is not
 * about: read alone, which drought or fort is unknown.
 */
export function unnamedSubject(text: string, docIds: readonly string[], reading: LabelReading, whole = false): boolean {
  const label = text.trim();
  const topic = new Set(docIds.flatMap((d) => [...reading.topicWords(d)]));
  const named = (subject: string): boolean => words(subject.toLowerCase()).every((w) => topic.has(w) || topic.has(w.replace(/s$/u, '')));
  const en = EN_BARE_SUBJECT.exec(label);
  if (en?.[1] !== undefined) return !named(en[1]);
  // A whole sentence may open with a connective before its verb (`Khi được hỏi …`): only a label's opening is its subject.
  const vi = whole ? undefined : VI_BARE_SUBJECT.exec(label)?.[1];
  // A Vietnamese noun phrase is its article's when one of its words is (`Tên oxi` in the article on oxygen).
  if (vi !== undefined && words(vi.toLowerCase()).every((w) => reading.commonWord(w)) && !words(vi.toLowerCase()).some((w) => named(w))) return true;
  const [first = '', ...rest] = label.split(/\s+/u);
  // `An audit recommended …` introduces what it tells of; `The drought …` and `Hạn hán …` lean on a mention before.
  if (/^an?$/iu.test(first) || rest.some((w) => /^[\p{Lu}\d]/u.test(w.replace(/^[“"‘'(]/u, '')))) return false;
  const opening = words(label.toLowerCase()).filter((w) => !['the', 'this', 'these', 'those'].includes(w));
  const subject = (opening[0] ?? '').replace(/['’]s$/u, '');
  return !named(subject) && reading.commonWord(subject);
}

/**
 * Why an event's label cannot be a quiz choice (in a question about the past, or about what is ahead: its
 * tense must not clash); null when it can. Each reason names the rule, for the census (`npm run quiz:census`).
 */
export function choiceProblem(e: BriefingEvent, ahead: boolean, reading: LabelReading): string | null {
  const docIds = e.citations.map((c) => c.docId);
  const rules: Array<[string, () => boolean]> = [
    ['points elsewhere (a weekday, his, this)', () => DEICTIC.test(e.label) || VI_POSSESSIVE.test(e.label)],
    ['leans on the clause it was cut from', () => DEPENDENT.test(e.label.trim())],
    ['happened several times', () => happenedSeveralTimes(e.sentence)],
    ['a view or a lasting state', () => NOT_A_HAPPENING.test(e.label)],
    ['told again (reopened, again)', () => AGAIN.test(e.label)],
    ['names a thing, not a happening', () => notATelling(e.label)],
    ['a subject its article never names', () => unnamedSubject(e.label, docIds, reading)],
    ['leans on the text before it', () => labelLeansBack(e.label, docIds, reading)],
    ['its sentence points back', () => pointsBack(e.sentence) && !inSentence(e)],
    // A quotation as a happening (`“We will find them,” Hale said`) reads as a saying, not as something that happened.
    ['a quotation', () => /^[“"‘']/u.test(e.label.trim())],
    ['its tense clashes', () => (ahead ? PAST.test(e.label) : FUTURE.test(e.label))],
  ];
  return rules.find(([, fails]) => fails())?.[0] ?? null;
}

/** Whether an event's label can be a quiz choice, in a question about the past or about what is ahead. */
export function choosable(e: BriefingEvent, ahead: boolean, reading: LabelReading): boolean {
  return choiceProblem(e, ahead, reading) === null;
}


const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const startDay = (e: BriefingEvent): number => Date.parse(periodDays(eventPeriod(e))[0]);
/** Precisions from the finest: a choice is at most one step finer or coarser than the answer. */
const PRECISION_RANK = { day: 0, month: 1, year: 2, decade: 3, century: 4 } as const;

/**
 * Whether `o` is of the answer's time and kind: within the answer's scale of it (the story's months for
 * a day, decades for a decade, and wider the further back: no 2025 raid for `the 1970s`, no hurricane of
 * 1999 for 1562), of a precision as fine as the answer's or one step finer (no decade-long trend for one
 * year or day; a month beside a day is news of the same story), and, like the answer, past or still ahead.
 */
export function ofTheSameTime(m: Pick<QuizMaterial, 'latestDate' | 'latestYear'>, e: BriefingEvent, o: BriefingEvent): boolean {
  const p = eventPeriod(e);
  const age = Math.max(0, m.latestYear - Number(e.date.slice(0, 4)));
  const span = Math.max(QUIZ_TUNING.eventChoiceSpanYears[p.precision], QUIZ_TUNING.eventChoiceAgeShare * age) * YEAR_MS;
  const rank = PRECISION_RANK[o.precision];
  return (
    Math.abs(startDay(o) - startDay(e)) <= span &&
    rank >= PRECISION_RANK[e.precision] - 1 &&
    rank <= Math.max(PRECISION_RANK[e.precision], PRECISION_RANK.month) &&
    isAhead(eventPeriod(o), m.latestDate) === isAhead(p, m.latestDate)
  );
}

/**
 * Events a choice beside `e` could be: of its tense and time, readable alone, each passing `keep`; of an
 * article that reports it when these are enough, else also of articles on its story, else (`anyArticle`) of
 * any article of its time; the nearest in time first within each. "What happened in 1562?" takes none of an
 * unrelated article: a hurricane, a television network and a plague beside an explorer give a player no topic
 * to think in (the fifth round's readers); "which came first" asks an order, which knowing the eras gives.
 */
export function eventsBeside(m: QuizMaterial, e: BriefingEvent, ahead: boolean, keep: (o: BriefingEvent) => boolean, anyArticle: boolean): BriefingEvent[] {
  const docs = new Set(e.citations.map((c) => c.docId));
  const story = new Set(e.citations.flatMap((c) => [...m.relatedArticles(c.docId)]));
  const tier = (o: BriefingEvent): number => (o.citations.some((c) => docs.has(c.docId)) ? 0 : o.citations.some((c) => story.has(c.docId)) ? 1 : 2);
  const at = startDay(e);
  const fit = m.allEvents.filter((o) => o !== e && o.label !== e.label && o.until === undefined && choosable(o, ahead, m) && ofTheSameTime(m, e, o) && keep(o));
  const enough = [0, 1].find((t) => fit.filter((o) => tier(o) <= t).length >= QUIZ_TUNING.ownArticleEvents) ?? (anyArticle ? 2 : 1);
  return fit.filter((o) => tier(o) <= enough).sort((a, b) => tier(a) - tier(b) || Math.abs(startDay(a) - at) - Math.abs(startDay(b) - at));
}
