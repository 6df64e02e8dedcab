/**
 * What a date in a sentence is the date of: the clause that holds it, read so that a person
 * understands it alone. A sentence is cut into clauses at punctuation and at words that open a
 * dependent clause (`sau khi`, `after`, `mà`, `which`); the date's clause then takes in what it
 * leans on: the main clause after a fronted adverbial (`Trong cuộc gặp … ngày 2/12, Tổng thống
 * Putin …`), what was said after `X cho biết,` or before `…, police said on Monday`, the noun a
 * `mà` clause describes, the person a `who` clause is about, the thing `hiệp ước này` refers to.
 * A date in a clause that cannot be read alone gives no label: no event is better than a fragment.
 */
import { escapeRegex, type Language } from '../text/index.js';

/** Labels are cut at a clause or phrase boundary to stay within this many characters (they are never cut mid-phrase with `…`). */
export const EVENT_LABEL_MAX_CHARS = 160;

/** Words that open a dependent clause, by what the clause is to the one before it. */
const SUBORDINATORS = ['sau khi', 'trước khi', 'cho đến khi', 'khi', 'vì', 'bởi vì', 'nếu', 'mặc dù', 'dù', 'after', 'before', 'when', 'whereas', 'because', 'until', 'although', 'though', 'once', 'where'];
const RELATIVES = ['mà', 'which', 'who', 'whom', 'whose'];
const COMPLEMENTIZERS = ['rằng', 'that'];
const COORDINATORS = ['nhưng', 'song', 'but', 'và sẽ', 'and will'];
/** Verbs of saying: a clause that ends with one is completed by what was said. */
const SPEECH_VERBS = ['cho biết', 'nói', 'nói thêm', 'tuyên bố', 'khẳng định', 'nhấn mạnh', 'lưu ý', 'thông báo', 'cảnh báo', 'said', 'says', 'told reporters', 'announced', 'added', 'stated', 'warned'];
/** Openings of a fronted adverbial (`Trong cuộc gặp …,`, `In the summer of 1521,`): the clause after the comma is the event. */
const ADVERBIAL_OPENINGS = ['trong', 'tại', 'vào', 'hôm', 'ngày', 'sáng', 'chiều', 'tối', 'đêm', 'sau', 'trước', 'cùng ngày', 'đến', 'từ', 'in', 'on', 'at', 'during', 'by', 'since', 'after', 'before', 'last', 'earlier', 'later', 'until'];
/** Connective adverbs that open a sentence and lean on the one before (`Tuy nhiên,`, `Meanwhile,`): dropped from a label. */
const DISCOURSE_OPENINGS = ['tuy nhiên', 'tuy vậy', 'trong khi đó', 'trước đó', 'sau đó', 'cùng ngày', 'đồng thời', 'ngoài ra', 'bên cạnh đó', 'trong diễn biến liên quan', 'về phần mình', 'however', 'meanwhile', 'earlier', 'later', 'separately', 'in addition', 'also'];
/** A subject that points back (`Thông tin này`, `This`): the sentence reports what the one before said. */
const POINTS_BACK = /^(?:(?:[\p{L}\p{M}]+\s+){0,2}(?:này|đó|ấy)|this|that|these|those|the\s+(?:statement|announcement|news|report|move|decision))(?![\p{L}\p{M}])/iu;
/**
 * A subject that is what the sentence before said (`Thông tin này`, `This`, `The statement`), with a verb
 * that makes it public: the sentence dates the sentence before. Any other pointing subject (`Khu vực
 * này`) names a thing, not what was said, and the clause cannot be read alone.
 */
const REPORTS_BACK = /^(?:(?:thông tin|tin|thông báo|tuyên bố|phát biểu|điều)\s+(?:này|đó)|this|that|these|the\s+(?:statement|announcement|news|report))(?![\p{L}\p{M}])/iu;
const MADE_PUBLIC = /(?<![\p{L}\p{M}])(?:đưa ra|công bố|cho biết|xác nhận|thông báo|tiết lộ|announced|released|reported|said|confirmed|disclosed)(?![\p{L}\p{M}])/iu;
/** Words a demonstrative noun phrase ends with (`hiệp ước này`), or opens with (`this treaty`, `the treaty`). */
const DEMONSTRATIVE_VI = /(?<![\p{L}\p{M}])([\p{Ll}\p{M}]+(?:\s+[\p{Ll}\p{M}]+)?)\s+(?:này|đó|ấy)(?![\p{L}\p{M}])/u;
const DEMONSTRATIVE_EN = /(?<![\p{L}\p{M}])(?:[Tt]his|[Tt]hat|[Tt]he)\s+(\p{Ll}+)(?![\p{L}\p{M}])/u;
/** A demonstrative further into a label than this is not its subject. */
const DEMONSTRATIVE_MAX_OFFSET = 30;
/** Prepositions and conjunctions a too-long label may be cut before. */
const PHRASE_BREAKS = ['trong', 'tại', 'với', 'về', 'cho', 'để', 'sau', 'trước', 'khi', 'và', 'nhưng', 'theo', 'do', 'vì', 'in', 'at', 'with', 'about', 'for', 'to', 'after', 'before', 'and', 'but', 'as', 'by', 'from', 'on', 'over'];

interface Segment {
  start: number;
  end: number;
  /** The lower-case dependent-clause word it opens with, if any. */
  opener: string | null;
  /** The kind of clause that word opens. */
  kind: 'main' | 'subordinate' | 'relative' | 'complement' | 'coordinate';
}

const alternation = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
const OPENER = new RegExp(`(?<![\\p{L}\\p{M}])(${alternation([...SUBORDINATORS, ...RELATIVES, ...COMPLEMENTIZERS, ...COORDINATORS])})(?![\\p{L}\\p{M}])`, 'giu');
const SPEECH_AT_END = new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternation(SPEECH_VERBS)})\\s*[:,]?\\s*$`, 'iu');
const SPEECH_ANYWHERE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternation(SPEECH_VERBS)})(?![\\p{L}\\p{M}])`, 'iu');
const ADVERBIAL = new RegExp(`^(?:${alternation(ADVERBIAL_OPENINGS)})(?![\\p{L}\\p{M}])`, 'iu');
/**
 * A season or part of a year left at the opening once its year is taken as the date (`Vào mùa hè năm 1516,
 * Luther …` → `Vào mùa hè, Luther …`): part of the date, not of what happened.
 */
const SEASON_LEFT = /^(?:(?:vào|trong)\s+)?(?:mùa\s+(?:xuân|hè|hạ|thu|đông)|đầu năm|giữa năm|cuối năm)\s*,\s*|^(?:in\s+)?(?:the\s+)?(?:(?:early|late)\s+)?(?:spring|summer|autumn|fall|winter)\s*,\s*/iu;
const DISCOURSE = new RegExp(`^(?:${alternation(DISCOURSE_OPENINGS)})(?:\\s*,\\s*|\\s+(?:thì\\s+)?)`, 'iu');
const PHRASE_BREAK = new RegExp(`\\s(?=(?:${alternation(PHRASE_BREAKS)})\\s)`, 'giu');

function kindOf(word: string): Segment['kind'] {
  const w = word.toLowerCase();
  if (SUBORDINATORS.includes(w)) return 'subordinate';
  if (RELATIVES.includes(w)) return 'relative';
  if (COMPLEMENTIZERS.includes(w)) return 'complement';
  return 'coordinate';
}

/** Where quotations run, so that no clause break falls inside one. */
function quotedSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/"[^"]*"|“[^”]*”/gu)].map((m) => [m.index, m.index + m[0].length]);
}

/** The clauses of a sentence, with the words that open dependent ones. */
export function clausesOf(sentence: string, dates: ReadonlyArray<readonly [number, number]> = []): Segment[] {
  // No break inside a quotation, nor inside a date (`January 27, 1967`).
  const kept = [...quotedSpans(sentence), ...dates];
  const inQuote = (i: number): boolean => kept.some(([s, e]) => i > s && i < e);
  const cuts: Array<{ at: number; opener: string | null }> = [{ at: 0, opener: null }];
  for (const m of sentence.matchAll(/[,;:]\s+|\s[-–—]\s/gu)) {
    // A dash between two names joins them (`Nam Thăng Long - Trần Hưng Đức`, `Nga - Mỹ`).
    const joinsNames = /[-–—]/u.test(m[0]) && /\p{Lu}[\p{L}\p{M}]*$/u.test(sentence.slice(0, m.index)) && /^\p{Lu}/u.test(sentence.slice(m.index + m[0].length));
    if (!inQuote(m.index) && !joinsNames) cuts.push({ at: m.index + m[0].length, opener: null });
  }
  for (const m of sentence.matchAll(OPENER)) {
    if (m.index === 0 || inQuote(m.index)) continue;
    // `Doctor Who`, `The Who`: a capitalised opener inside a sentence is part of a name.
    if (/^\p{Lu}/u.test(m[1] ?? '') && !/[.!?:]\s*$/u.test(sentence.slice(0, m.index))) continue;
    // `trong khi` (while) goes on with the clause; `khi đó` (by then) is an adverb, not a `when` clause.
    if (m[1]?.toLowerCase() === 'khi' && (/trong\s+$/iu.test(sentence.slice(0, m.index)) || /^khi\s+đó(?![\p{L}\p{M}])/iu.test(sentence.slice(m.index)))) continue;
    const existing = cuts.find((c) => c.at <= m.index && sentence.slice(c.at, m.index).trim() === '');
    if (existing !== undefined) existing.opener = m[1] ?? null;
    else cuts.push({ at: m.index, opener: m[1] ?? null });
  }
  const first = /^\S+/u.exec(sentence)?.[0].toLowerCase() ?? '';
  if (cuts[0] !== undefined && [...SUBORDINATORS, ...RELATIVES].includes(first)) cuts[0].opener = first;
  cuts.sort((a, b) => a.at - b.at);
  return cuts.map((c, i) => {
    const end = cuts[i + 1]?.at ?? sentence.length;
    return { start: c.at, end, opener: c.opener, kind: c.opener === null ? 'main' : kindOf(c.opener) };
  });
}

const clean = (text: string): string =>
  text
    .replace(/\s{2,}/gu, ' ')
    .replace(/[,;]?\s+(?:and|but|or|và|nhưng|hoặc)\s*$/iu, '')
    .replace(/\s+([,.;:!?)])/gu, '$1')
    .replace(/\(\s*\)/gu, '')
    .trim()
    .replace(/^[,;:–—-]\s*|[\s,;:–—-]+$/gu, '')
    .replace(/[.]$/u, '')
    .replace(/^\(([^()]*)$|^([^()]*)\)$/u, '$1$2');

/**
 * `hiệp ước này` / `the treaty` → `hiệp ước New START` when the sentence named it before (by its
 * short name in brackets, or by the capitalised words after the noun); the label as it was when
 * the phrase names nothing earlier in the sentence.
 */
function resolveDemonstrative(label: string, before: string, language: Language): string {
  const m = (language === 'vi' ? DEMONSTRATIVE_VI : DEMONSTRATIVE_EN).exec(label);
  if (m === null || m.index > DEMONSTRATIVE_MAX_OFFSET) return label;
  const head = m[1] ?? '';
  if (!before.toLowerCase().includes(head.toLowerCase())) return label;
  // The noun as the sentence may write it, capitalised in a name (`Hiệp ước Cắt giảm …`) or not; no `i` flag, so that \p{Lu} keeps meaning a capital.
  const noun = `[${head.charAt(0).toUpperCase()}${head.charAt(0)}]${escapeRegex(head.slice(1))}`;
  const named = new RegExp(`(?<![\\p{L}\\p{M}])${noun}((?:\\s+\\p{Lu}[\\p{L}\\p{M}-]*(?:\\s+\\p{Ll}[\\p{L}\\p{M}]*)?){1,8}?)\\s*\\(([^)]{2,12})\\)|(?<![\\p{L}\\p{M}])${noun}((?:\\s+\\p{Lu}[\\p{L}\\p{M}-]*)+)`, 'gu');
  const found = [...before.matchAll(named)].pop();
  if (found === undefined) return label;
  const name = found[2] !== undefined ? `${head} ${found[2]}` : `${head}${found[3] ?? ''}`;
  return `${label.slice(0, m.index)}${name}${label.slice(m.index + m[0].length)}`;
}

/** `label` within the length limit, cut before a clause (in its second half) or else before a phrase. */
function fit(label: string): string {
  if (label.length <= EVENT_LABEL_MAX_CHARS) return label;
  const cut = cutToFit(label);
  // A cut inside a quotation closes it.
  const open = (cut.match(/“/gu) ?? []).length - (cut.match(/”/gu) ?? []).length;
  const straight = (cut.match(/"/gu) ?? []).length % 2;
  return `${cut}${open > 0 ? '”' : ''}${straight === 1 ? '"' : ''}`;
}

function cutToFit(label: string): string {
  const clauseCut = [...label.matchAll(/[,;:]\s/gu)].map((m) => m.index).filter((i) => i <= EVENT_LABEL_MAX_CHARS).pop();
  const phraseCut = [...label.matchAll(PHRASE_BREAK)].map((m) => m.index).filter((i) => i <= EVENT_LABEL_MAX_CHARS).pop();
  const cut = clauseCut !== undefined && clauseCut > EVENT_LABEL_MAX_CHARS / 2 ? clauseCut : (phraseCut ?? clauseCut ?? EVENT_LABEL_MAX_CHARS);
  return clean(label.slice(0, cut));
}

const capitalise = (text: string): string => text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());

/** `she said` / `ông nói` at the start of a label or between commas: it says who spoke, not what happened. */
const PRONOUN_ATTRIBUTION = new RegExp(`(?:^|,\\s*)(?:he|she|they|ông|bà|họ)\\s+(?:${alternation(SPEECH_VERBS)})(?:\\s+(?:that|rằng))?(?:,\\s*|\\s+|$)`, 'iu');
/** `ông đã tạm hoãn …`: the pronoun stands for the one person named before it in the sentence, or else in the sentence before. */
function resolvePronoun(label: string | null, before: string, previous: string | undefined, personIn: (text: string) => string | null): string | null {
  if (label === null) return null;
  const m = /^(?:[Vv]à\s+|[Aa]nd\s+|[Bb]ut\s+|[Nn]hưng\s+)?(?:[Ôô]ng|[Bb]à|[Hh]e|[Ss]he)(?=\s+\p{Ll})/u.exec(label);
  if (m === null) return label.replace(/^(?:và|and|but|nhưng)\s+/iu, '');
  const name = personIn(before) ?? (previous === undefined ? null : personIn(previous));
  return name === null ? null : `${name}${label.slice(m[0].length)}`;
}

/** Words that only make sense beside the date they lead to (`vào sáng`, `trong những năm`, `in the early`), removed with it. */
const DATE_LEAD_WORDS = ['vào', 'trong', 'từ', 'hồi', 'hôm', 'ngày', 'đầu', 'giữa', 'cuối', 'sáng', 'chiều', 'tối', 'đêm', 'mùa', 'những năm', 'năm', 'khoảng', 'on', 'in', 'at', 'of', 'during', 'the', 'early', 'late', 'mid', 'earlier', 'later', 'around', 'about', 'circa'];
/** Words before a date that make it a bound (`sau năm 1279`, `before 1918`, `by 2010`): what the clause says is not at that date. */
const BOUND_BEFORE = /(?<![\p{L}\p{M}])(?:sau|trước|after|before|by|until|till|than|đến|tới|kể từ)\s+(?:(?:the|early|late|mid|những|năm|cuối|đầu|giữa)\s+)*$/iu;
/** The same bound written as part of the date (`by 2030`, `until 1945`). */
const BOUND_IN_DATE = /^(?:by|until|till|before|after|đến|tới|trước|sau)\s/iu;
/** A bound written after the date (`in 1773 or earlier`, `năm 1773 hay sớm hơn`, `by March at the latest`): the clause is not dated by it either. */
const BOUND_AFTER = /^\s*,?\s*(?:(?:or|hay|hoặc)\s+(?:earlier|later|before|after|sooner|sớm\s+hơn|muộn\s+hơn|trễ\s+hơn|trước\s+đó|sau\s+đó)|at\s+the\s+(?:latest|earliest)|at\s+(?:the\s+)?latest|(?:chậm|muộn)\s+nhất|sớm\s+nhất)(?![\p{L}\p{M}])/iu;
/** A determiner right before a date (`its 1998–2002 jingles`, `the 2005 series`): the date describes the noun after it. */
const ATTRIBUTIVE_BEFORE = /(?<![\p{L}\p{M}])(?:the|its|his|her|their|our|a|an|this|that)\s+$/iu;
/** An author-year citation up to its year (`Jones et al. 1998`, `Jones và cộng sự năm 1998`, `Mann and colleagues (1999)`, `(Mann et al., 1999)`). */
const CITATION_BEFORE = /\p{Lu}[\p{L}\p{M}'’-]*\s+(?:et\s+al\.?|and\s+colleagues|và\s+cộng\s+sự|và\s+đồng\s+nghiệp)\s*,?\s*\(?\s*$/u;
/** A year followed by its author (`một công trình năm 1999 của Mann`; English `a 1999 paper by Mann` has its determiner before it): the year of the work. */
const AUTHOR_AFTER = /^\s+của\s+\p{Lu}/u;
/** A relative word right after a date (`held on 1 March 1979 that represented …`): the date sits inside a noun phrase. */
const RELATIVE_AFTER = /^\s+(that|which|who|mà)(?![\p{L}\p{M}])/iu;
/** A verb with its aspect (`đã thay thế`), then a noun described by `được`/`bị` + verb just before the date. */
const REDUCED_RELATIVE_VI = /(?<![\p{L}\p{M}])(?:đã|đang|sẽ)\s+\S+.*\s(?:được|bị)\s+(?:\S+\s+){1,4}$/iu;
/** `originally built in`, `first published on`: an adverb and a participle right before the date. */
const REDUCED_RELATIVE_EN = /(?<![\p{L}\p{M}])(?:originally|first|previously|later|once)\s+\p{Ll}+(?:ed|en|t)\s+(?:(?:in|on|during)\s+)?$/u;
/** A year left in a label once its own date is gone (`khai trương năm 1999 và 2002`): the label is about more than one date. */
const STRAY_YEAR = /(?<![\d.,])(?:1\d{3}|20\d{2})(?![\d.,]\d)/u;

/** Words that open a span of time that goes on (`since 2004`, `từ năm 2004`): its clause is a state, not an event. */
const SINCE = /^(?:since|từ)\s/iu;
/** The same, written before the date (`từ mùa 1998-99`, `since the early 1990s`). */
const SINCE_BEFORE = /(?<![\p{L}\p{M}])(?:since|từ)\s+(?:(?:the|early|late|mid|mùa|năm|những năm)\s+)*$/iu;

/** The date with what only makes sense beside it: a preposition before, `the night of`, `evening` or `(theo giờ địa phương)` after. */
const DATE_LEAD = new RegExp(`(?:(?<![\\p{L}\\p{M}])(?:${alternation(DATE_LEAD_WORDS)})\\s+){0,3}(?:the\\s+(?:night|morning|evening|afternoon)\\s+of\\s+)?$`, 'iu');
const DATE_TAIL = /^(?:\s+(?:evening|morning|afternoon|night))?(?:\s+(?:or|hoặc|hay)\s+(?:earlier|later|before|after|sớm hơn|muộn hơn))?(?:\s*\([^)]*\))?/iu;

function withoutDate(text: string, dateText: string): string {
  const at = text.indexOf(dateText);
  if (at < 0) return text;
  const before = text.slice(0, at);
  const after = text.slice(at + dateText.length);
  const lead = DATE_LEAD.exec(before)?.[0] ?? '';
  const tail = DATE_TAIL.exec(after)?.[0] ?? '';
  return `${before.slice(0, before.length - lead.length)} ${after.slice(tail.length)}`;
}

/** `It` at the start of an English label: the last `the …` (a common noun, not a name) of the sentence before, when there is one. */
function resolveIt(label: string | null, previous: string | undefined, before: string): string | null {
  if (label === null || !/^it\s/iu.test(label)) return label;
  // `Dynasty, an opulent drama … that became a hit when it premiered in 1981`: what `it` is lies in the
  // sentence itself, among several nouns; the sentence before would name the wrong one.
  if (before.trim() !== '') return null;
  const thing = [...(previous ?? '').matchAll(/\b[Tt]he\s+(\p{Ll}[\p{L}'’-]*)(?=[\s,.;]|$)/gu)].pop();
  return thing === undefined ? null : `the ${thing[1] ?? ''}${label.slice(2)}`;
}

/** Past tenses of the irregular participles a news report's present perfect uses (`have found`, `has been`). */
const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  taken: 'took', given: 'gave', seen: 'saw', begun: 'began', written: 'wrote', stolen: 'stole', shown: 'showed', known: 'knew', done: 'did',
  gone: 'went', made: 'made', found: 'found', held: 'held', kept: 'kept', left: 'left', lost: 'lost', paid: 'paid', said: 'said', sent: 'sent',
  sold: 'sold', told: 'told', won: 'won', brought: 'brought', bought: 'bought', caught: 'caught', built: 'built', put: 'put', set: 'set', cut: 'cut',
  come: 'came', become: 'became', chosen: 'chose', driven: 'drove', risen: 'rose', fallen: 'fell', broken: 'broke', spoken: 'spoke', flown: 'flew',
  grown: 'grew', drawn: 'drew', thrown: 'threw', met: 'met', led: 'led', had: 'had', got: 'got', gotten: 'got', run: 'ran', struck: 'struck',
};
/** `has`/`have`, an adverb that may stand between, and the participle; not after a modal (`will have left` is still ahead). */
const PRESENT_PERFECT = /(?<!(?:will|would|shall|should|could|may|might|must|to)\s)(?<![\p{L}\p{M}])(has|have)\s+((?:also|now|already|just|since|recently)\s+)?(\p{Ll}+)(?![\p{L}\p{M}])/gu;

/**
 * A dated happening told in the present perfect (`Police have recovered three of the four paintings`, as a
 * news lead writes it) in the past, as a timeline or a quiz tells what happened on a date: `Police recovered …`.
 * Quotations keep their words.
 */
export function pastOfPerfect(label: string): string {
  return label
    .split(/("[^"]*"|“[^”]*”)/u)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(PRESENT_PERFECT, (whole, aux: string, adverb: string | undefined, verb: string) => {
            const past = verb === 'been' ? (aux === 'has' ? 'was' : 'were') : (IRREGULAR_PAST[verb] ?? (/ed$/u.test(verb) ? verb : null));
            return past === null ? whole : `${adverb ?? ''}${past}`;
          }),
    )
    .join('');
}

export interface DatedClause {
  /** The label: the event told without its date. */
  label: string;
  /** The label's sentence reports what the sentence before it said (`Thông tin này được … đưa ra ngày 3/12`). */
  pointsBack: boolean;
  /** The date is when something was said (`X ngày 3/12 cho biết, …`), not when what was said happened. */
  statement: boolean;
  /**
   * The date is only that of the report (`…, police said on Monday`): what the label tells happened at a
   * time this sentence does not give, so it dates no event; the sentence tells it undated.
   */
  onlyReported?: boolean;
}

/**
 * The event a date at [start, end) of `sentence` dates, told without the date; null when the
 * date's clause cannot be read alone. `previous` is the sentence before, for a sentence whose
 * subject points back at it.
 */
export interface ClauseContext {
  language: Language;
  /** The sentence before, in the same paragraph. */
  previous?: string;
  /** Where the sentence's date expressions are (this one's included), resolvable or not. */
  dates: ReadonlyArray<readonly [number, number]>;
  /** The one person a text names (full name), or null when it names none or several. */
  personIn(text: string): string | null;
}

export function datedClause(sentence: string, start: number, end: number, context: ClauseContext): DatedClause | null {
  const { language, previous, personIn } = context;
  const otherDates = context.dates.filter(([s, e]) => s !== start || e !== end).map(([s, e]) => sentence.slice(s, e));
  const segments = clausesOf(sentence, context.dates);
  const at = segments.findIndex((s) => start >= s.start && start < s.end);
  const seg = segments[at];
  if (seg === undefined) return null;
  let from = seg.start;
  let to = seg.end;
  // `… bought his paintings in the 1920s and left them to the city when he died in 1961`: what comes after
  // `and` goes with the next clause's date, not this one.
  const following = segments[at + 1];
  if (following !== undefined && following.kind !== 'main' && context.dates.some(([s]) => s >= following.start && s < following.end)) {
    const and = /\s(?:and|và)\s/iu.exec(sentence.slice(end, seg.end));
    if (and !== null) to = end + and.index;
  }
  // `When Sky Digital was launched in 1998 the new service used …`: a determiner straight after the date that
  // ends a dependent clause opens the main clause a comma would have set apart (`whereas in 2005 the drought
  // was …` opens with its date, and goes on).
  const leading = sentence.slice(seg.start + (seg.opener?.length ?? 0), start).trim().split(/\s+/u).filter(Boolean).length;
  if (seg.kind === 'subordinate' && leading >= 2 && /^\s+(?:the|a|an|its|his|her|their)\s/u.test(sentence.slice(end, to))) to = end;
  const segmentEnd = to;
  const text = (): string => sentence.slice(from, to);
  let statement = false;

  if (seg.kind === 'relative') {
    const opener = seg.opener ?? '';
    if (opener === 'mà') {
      // `các thỏa thuận mà ông Putin … đạt được`: the noun (from its determiner) and the clause that describes it.
      const head = segments[at - 1];
      if (head === undefined) return null;
      const determiner = [...sentence.slice(head.start, seg.start).matchAll(/(?<![\p{L}\p{M}])(?:các|những|một|mọi)\s/giu)].pop();
      from = head.start + (determiner?.index ?? 0);
    } else if (opener === 'who') {
      const name = /(\p{Lu}[\p{L}\p{M}'-]*(?:\s+\p{Lu}[\p{L}\p{M}'-]*)*),?\s*$/u.exec(sentence.slice(0, seg.start))?.[1];
      if (name === undefined) return null;
      const rest = sentence.slice(seg.start, segmentEnd).replace(/^who\s+/iu, '');
      return finish(`${name} ${rest}`);
    } else return null;
  } else if (seg.kind === 'subordinate' || seg.kind === 'complement' || seg.kind === 'coordinate') {
    from = seg.start + (seg.opener?.length ?? 0);
  } else if (at > 0 && /(?:^|\s)(?:người|ai)$/iu.test(sentence.slice(seg.start, seg.start + 6).split(' ')[0] ?? '')) {
    // An apposition (`Ông Lavrov - người giữ chức ngoại trưởng từ năm 2004`): a state, not an event.
    return null;
  }

  // `Hội nghị thượng đỉnh Ankara năm 2026`: a year that names an occasion, not the date of the clause.
  if (/\p{Lu}[\p{L}\p{M}]*\s*$/u.test(sentence.slice(Math.max(0, start - 20), start)) && /^(?:năm\s+)?\d{4}$/iu.test(sentence.slice(start, end))) return null;
  // `J. A. Hobson (1858–1940)`, `"The Empty Child" (2005)`: a date in brackets of its own annotates the name before it.
  if (/\(\s*$/u.test(sentence.slice(0, start)) && /^\s*\)/u.test(sentence.slice(end))) return null;
  // `Jones et al. 1998`, `một bài viết năm 1999 của Mann`: the year of a cited work annotates the work, not the clause.
  if (/^(?:năm\s+)?\d{4}$/iu.test(sentence.slice(start, end)) && (CITATION_BEFORE.test(sentence.slice(Math.max(0, start - 40), start)) || AUTHOR_AFTER.test(sentence.slice(end)))) return null;
  // `its 1998–2002 jingles`, `a referendum to be held on 1 March 1979 that …`: the date belongs to a noun, not to the clause.
  if (ATTRIBUTIVE_BEFORE.test(sentence.slice(Math.max(0, start - 12), start)) && /^\s+\p{Ll}/u.test(sentence.slice(end))) return null;
  const relative = RELATIVE_AFTER.exec(sentence.slice(end))?.[1];
  // `said on Thursday that …`: after a verb of saying, `that` opens what was said.
  if (relative !== undefined && !(relative.toLowerCase() === 'that' && SPEECH_ANYWHERE.test(sentence.slice(Math.max(0, start - 20), start)))) return null;
  // `Chợ Grainger đã thay thế Chợ Butcher được xây dựng trước đó vào năm 1808`, `a market originally built in 1808`:
  // the date is the participle's, describing a noun, not the clause's.
  if (REDUCED_RELATIVE_VI.test(sentence.slice(seg.start, start)) || REDUCED_RELATIVE_EN.test(sentence.slice(Math.max(seg.start, start - 40), start))) return null;
  // `sau năm 1279`, `by 2010`, `in 1773 or earlier`: a bound, not the date of what the clause says.
  if (BOUND_BEFORE.test(sentence.slice(Math.max(0, start - 24), start)) || BOUND_IN_DATE.test(sentence.slice(start, end)) || BOUND_AFTER.test(sentence.slice(end))) return null;
  // `last year's prices`: the date describes the noun after it.
  if (/^['’]s(?![\p{L}\p{M}])/u.test(sentence.slice(end))) return null;
  // `since 2004` starts a state; only a `when` clause after it says what happened then.
  if (SINCE.test(sentence.slice(start, end)) || SINCE_BEFORE.test(sentence.slice(Math.max(0, start - 16), start))) {
    const then = segments[at + 1];
    if (then === undefined || !['when', 'khi'].includes(then.opener ?? '')) return null;
    return finish(sentence.slice(then.start + (then.opener?.length ?? 0), then.end));
  }
  // A verb after an apposition (`The museum's insurer, Nordhavn Mutual, said on Thursday …`) takes its subject back.
  const previousSegment = segments[at - 1];
  if (seg.kind === 'main' && previousSegment !== undefined && /^\p{Ll}/u.test(sentence.slice(seg.start)) && segments.slice(0, at).every((s) => s.kind === 'main') && sentence.slice(previousSegment.start, previousSegment.end).trim().split(/\s+/u).length <= 5) from = 0;
  // `Norway, Iceland and the Faroe Islands agreed …`: the names before the commas belong to the subject.
  while (from > 0 && seg.kind === 'main') {
    const before = segments.findLast((s) => s.end <= from);
    const words = before === undefined ? [] : sentence.slice(before.start, before.end).replace(/[,\s]+$/u, '').split(/\s+/u);
    if (before === undefined || before.kind !== 'main' || words.length > 3 || !words.every((w) => /^\p{Lu}/u.test(w)) || DISCOURSE.test(`${words.join(' ')}, `)) break;
    from = before.start;
  }
  // A fronted adverbial takes the main clause after it.
  const next = segments[at + 1];
  if (at === 0 && next !== undefined && next.kind === 'main' && ADVERBIAL.test(text().trim()) && !SPEECH_AT_END.test(text())) to = next.end;
  // `… cho rằng ông Lavrov …` / `… learned that …`: the complement is part of the clause it completes.
  while (segments.find((s) => s.start === to)?.kind === 'complement') to = segments.find((s) => s.start === to)?.end ?? to;
  // `X cho biết, …` / `X said …`: what was said completes the clause.
  while (SPEECH_AT_END.test(sentence.slice(from, start)) || SPEECH_AT_END.test(text())) {
    statement = true;
    const more = segments.find((s) => s.start >= to);
    if (more === undefined) break;
    to = more.end;
    if (text().length > EVENT_LABEL_MAX_CHARS) break;
  }
  // `…, police said on Monday`: a short attribution at the end, dated, dates the saying, not what was said
  // (a break-in `overnight`, reported on Monday): the label is told, but not of this date.
  const own = sentence.slice(from, to).replace(sentence.slice(start, end), ' ');
  if (at > 0 && at === segments.length - 1 && SPEECH_ANYWHERE.test(own) && own.split(/\s+/u).filter(Boolean).length <= 6) {
    const told = finish(sentence.slice(0, seg.start));
    return told === null ? null : { ...told, onlyReported: true };
  }

  return finish(text());

  function finish(raw: string): DatedClause | null {
    let label = clean(withoutDate(raw, sentence.slice(start, end)));
    label = clean(clean(label.replace(DISCOURSE, '').replace(SEASON_LEFT, '')).replace(PRONOUN_ATTRIBUTION, (m) => (m.startsWith(',') ? ', ' : '')));
    label = resolveDemonstrative(label, sentence.slice(0, Math.max(0, from)), language);
    if (POINTS_BACK.test(label)) {
      if (previous === undefined || !REPORTS_BACK.test(label) || !MADE_PUBLIC.test(label)) return null;
      return { label: capitalise(fit(clean(previous.replace(DISCOURSE, '')))), pointsBack: true, statement: true };
    }
    const resolved = resolvePronoun(resolveIt(label, previous, sentence.slice(0, Math.max(0, from))), sentence.slice(0, Math.max(0, from)), previous, personIn);
    if (resolved === null || resolved === '') return null;
    // Another date in the label: the clause is that date's, or a list of dates; neither reads alone.
    if (otherDates.some((d) => resolved.includes(d)) || STRAY_YEAR.test(resolved)) return null;
    // A label that still says who said it is a statement, whatever clause the date came in.
    const said = statement || SPEECH_ANYWHERE.test(resolved.replace(/"[^"]*"|“[^”]*”/gu, ' '));
    return { label: capitalise(fit(clean(language === 'en' ? pastOfPerfect(resolved) : resolved))), pointsBack: false, statement: said };
  }
}
