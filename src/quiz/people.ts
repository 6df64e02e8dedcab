/**
 * The people a briefing names: a capitalised name counts as a person's only when the corpus
 * introduces it as one somewhere (a title or form of address before it, `ông Lavrov`,
 * `Chief Superintendent Marcus Hale`, or a role after it, `Johan de Wit, a spokesman`).
 * Spellings of one person (`Yuri` / `Yury Ushakov`) and short forms (`Lavrov`) are one person,
 * written in the corpus's most frequent full form.
 */
import { distance } from 'fastest-levenshtein';
import type { Article } from '../corpus/types.js';
import { escapeRegex } from '../text/index.js';
import { QUIZ_TUNING } from './tuning.js';

/** Titles and forms of address that introduce a person's name (lower case; matched on word boundaries). */
export const PERSON_TITLES: readonly string[] = [
  'ông', 'bà', 'ngài', 'tổng thống', 'phó tổng thống', 'thủ tướng', 'ngoại trưởng', 'bộ trưởng', 'thứ trưởng', 'trợ lý', 'người phát ngôn',
  'phát ngôn viên', 'đặc phái viên', 'đặc sứ', 'đại sứ', 'chủ tịch', 'tổng thư ký', 'thống đốc', 'thị trưởng', 'giám đốc', 'tổng giám đốc',
  'giáo sư', 'tiến sĩ', 'bác sĩ', 'luật sư', 'nhà văn', 'nhà thơ', 'nhà sử học', 'nhà khoa học', 'nhà báo', 'vua', 'nhà vua', 'hoàng đế',
  'hoàng tử', 'công chúa', 'nữ hoàng', 'giáo hoàng', 'tướng', 'đại tướng', 'thượng tướng', 'trung tướng', 'thiếu tướng', 'đại tá', 'con rể',
  'con trai', 'con gái', 'vợ', 'chồng', 'cựu', 'tiền vệ', 'tiền đạo', 'hậu vệ', 'thủ môn', 'huấn luyện viên', 'ca sĩ', 'diễn viên', 'đạo diễn',
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'president', 'vice president', 'prime minister', 'minister', 'foreign minister',
  'secretary', 'chancellor', 'governor', 'mayor', 'senator', 'ambassador', 'envoy', 'aide', 'adviser', 'advisor', 'spokesman', 'spokeswoman',
  'spokesperson', 'director', 'chief executive', 'chairman', 'chairwoman', 'chair', 'professor', 'judge', 'prosecutor', 'superintendent',
  'chief superintendent', 'inspector', 'detective', 'officer', 'king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'pope', 'bishop',
  'archbishop', 'general', 'major general', 'lieutenant general', 'colonel', 'captain', 'admiral', 'historian', 'writer', 'poet', 'author',
  'scientist', 'chemist', 'physicist', 'quarterback', 'coach', 'singer', 'actor', 'actress', 'composer', 'painter', 'architect',
  'lawyer', 'attorney', 'councillor', 'councilor', 'commissioner', 'curator', 'economist', 'analyst', 'researcher', 'nghị sĩ', 'đại biểu',
];

/** Forms of address: a single word after one is a person's name (`ông Lavrov`); after another title it may be a country (`Tổng thống Nga`). */
const FORMS_OF_ADDRESS_LIST = ['ông', 'bà', 'ngài', 'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady'];
const FORMS_OF_ADDRESS = new Set(FORMS_OF_ADDRESS_LIST);

/** Lower-case words inside a name (`Clara van Doorn`, `Johan de Wit`). */
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'al', 'bin', 'ibn', 'del', 'dos']);


export interface Person {
  /** The corpus's most frequent full spelling. */
  name: string;
  /** Every spelling and short form the corpus uses for this person. */
  forms: ReadonlySet<string>;
  /** Articles that name the person. */
  docIds: ReadonlySet<string>;
  /**
   * The country or body the corpus gives the person where it titles them (`Ngoại trưởng Nga Sergei
   * Lavrov`, `Russian President Vladimir Putin`, `U.S. envoy Steve Witkoff`), lower case; null when never given.
   */
  affiliation: string | null;
  /** Offices the corpus gives the person (`ngoại trưởng`, `envoy`), lower case. */
  offices: ReadonlySet<string>;
}

export interface PersonMention {
  person: Person;
  /** The name as the sentence writes it. */
  text: string;
  start: number;
  end: number;
  /**
   * Whether the sentence gives this mention an office or role (`Ngoại trưởng Nga Sergey Lavrov`,
   * `Johan de Wit, a spokesman`) rather than a bare form of address (`ông Lavrov`) or nothing.
   */
  roleGiven: boolean;
}

export interface PeopleIndex {
  people: readonly Person[];
  /** The people a sentence of `docId` names, in reading order (full names and short forms). */
  mentions(sentence: string, docId: string): PersonMention[];
}

interface NameRun {
  text: string;
  start: number;
  end: number;
  /** How the sentence introduces the run as a person's name, if it does. */
  titled: 'address' | 'title' | null;
  /** Whether the sentence gives the person an office or role before or just after the name, even behind `ông`. */
  role: boolean;
  /** The office before the name, lower case (`ngoại trưởng`), if any. */
  office: string | null;
  /** The country or body beside that office (`Nga`, `Russian`, `U.S.`), as written, if any. */
  affiliation: string | null;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’.-]*/gu;
const capitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
const TITLE_WORDS = PERSON_TITLES.map((t) => t.split(' '));
const TITLE_BEFORE_COMMA = new RegExp(`(?<![\\p{L}\\p{M}])(?:${PERSON_TITLES.map(escapeRegex).join('|')}),\\s+$`, 'iu');
/** A role right after a name (`ông Lavrov, người giữ chức ngoại trưởng`, `Lavrov - người giữ chức ngoại trưởng Nga`). */
const ROLE_AFTER = new RegExp(`^\\s*(?:,|\\s[-–—])\\s+[^,.;:]{0,40}?(?<![\\p{L}\\p{M}])(?:${PERSON_TITLES.filter((t) => !FORMS_OF_ADDRESS_LIST.includes(t)).map(escapeRegex).join('|')})(?![\\p{L}\\p{M}])`, 'iu');
const APPOSITION = new RegExp(`^,\\s+(?:a|an|the|who|người)\\s[^,.;:]{0,40}?(?<![\\p{L}\\p{M}])(?:${PERSON_TITLES.map(escapeRegex).join('|')})(?![\\p{L}\\p{M}])`, 'iu');

interface Token {
  word: string;
  lower: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => {
    // A sentence-final full stop or a possessive is not part of the word; an initial (`K.`) keeps its dot.
    const raw = m[0].replace(/['’]s$/u, '');
    const word = /^\p{Lu}\.$/u.test(raw) ? raw : raw.replace(/[.'’-]+$/u, '');
    return { word, lower: word.toLowerCase(), start: m.index, end: m.index + word.length };
  });
}

/** Titles by their last and by their first word, as word lists, longest first. */
const TITLES_BY_LAST = new Map<string, string[][]>();
const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const words of [...TITLE_WORDS].sort((a, b) => b.length - a.length)) {
  const last = words[words.length - 1] ?? '';
  const first = words[0] ?? '';
  TITLES_BY_LAST.set(last, [...(TITLES_BY_LAST.get(last) ?? []), words]);
  TITLES_BY_FIRST.set(first, [...(TITLES_BY_FIRST.get(first) ?? []), words]);
}

/** The title that ends just before token `i`, if any. */
function titleBefore(toks: readonly Token[], i: number): string | undefined {
  const title = TITLES_BY_LAST.get(toks[i - 1]?.lower ?? '')?.find((words) => i - words.length >= 0 && words.every((w, k) => toks[i - words.length + k]?.lower === w));
  return title?.join(' ');
}

/** The number of words of the title that starts at token `i` and ends before `end`; 0 when none. */
function titleAt(toks: readonly Token[], i: number, end: number): number {
  return TITLES_BY_FIRST.get(toks[i]?.lower ?? '')?.find((words) => i + words.length < end && words.every((w, k) => toks[i + k]?.lower === w))?.length ?? 0;
}

/**
 * Name runs of a sentence: capitalised words (with particles inside), less the capitalised
 * common words and titles at their start (`Tổng thống`, `The`, `Chief Superintendent`) and
 * the stand-alone place names before a person's name (`Nga Sergey Lavrov`).
 */
function nameRuns(text: string, common: (w: string) => boolean, standalone: ReadonlySet<string>, inside: ReadonlySet<string> = standalone): NameRun[] {
  const toks = tokens(text);
  const runs: NameRun[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t === undefined || !capitalised(t.word)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length) {
      const prev = toks[j - 1];
      const cur = toks[j];
      if (prev === undefined || cur === undefined || !/^\s+$/u.test(text.slice(prev.end, cur.start))) break;
      if (capitalised(cur.word)) j++;
      else if (NAME_PARTICLES.has(cur.word) && toks[j + 1] !== undefined && capitalised(toks[j + 1]?.word ?? '') && /^\s+$/u.test(text.slice(cur.end, toks[j + 1]?.start ?? 0))) j += 2;
      else break;
    }
    let from = i;
    let to = j;
    // Titles and common words at the start (`Tổng thống`, `Chief Superintendent`, `Among`).
    for (;;) {
      const title = titleAt(toks, from, to);
      if (title > 0) from += title;
      else if (from < to - 1 && common(toks[from]?.word ?? '')) from++;
      else break;
    }
    // A title inside the run (`Energy Minister Rania Khoury`): the name is what follows it.
    for (let k = to - 2; k > from; k--) {
      const title = titleAt(toks, k, to);
      if (title > 0) {
        from = k + title;
        break;
      }
    }
    while (to - from > 1 && standalone.has(toks[from]?.word ?? '')) from++;
    while (to > from && common(toks[to - 1]?.word ?? '')) to--;
    // A surname with its particle (`de Wit said`): the particle belongs to the name.
    const particle = toks[from - 1];
    const withParticle = from === i && particle !== undefined && NAME_PARTICLES.has(particle.word) && /^\s+$/u.test(text.slice(particle.end, toks[from]?.start ?? 0)) && !capitalised(toks[from - 2]?.word ?? '');
    const first = withParticle ? particle : toks[from];
    const last = toks[to - 1];
    if (first !== undefined && last !== undefined && to > from && (withParticle || !NAME_PARTICLES.has(first.word))) {
      let titled: NameRun['titled'] = null;
      for (let k = from; k >= Math.max(0, from - QUIZ_TUNING.titleGapWords) && titled === null; k--) {
        const title = titleBefore(toks, k);
        const between = text.slice(toks[k - 1]?.end ?? 0, first.start);
        if (title !== undefined && /^\.?[\s\p{L}\p{M}]*$/u.test(between) && toks.slice(k, from).every((g) => capitalised(g.word))) titled = FORMS_OF_ADDRESS.has(title) && k === from ? 'address' : 'title';
      }
      if (titled === null && text[last.end] === ',' && APPOSITION.test(text.slice(last.end))) titled = 'title';
      // `Norway's fisheries minister, Ingrid Solbakken, told …`: a title, a comma, the name between commas.
      if (titled === null && /^[,)]/u.test(text.slice(last.end)) && TITLE_BEFORE_COMMA.test(text.slice(0, first.start))) titled = 'title';
      let role = titled === 'title';
      let office: string | null = null;
      let affiliation: string | null = null;
      let found = false;
      for (let k = from; k >= Math.max(0, from - QUIZ_TUNING.titleGapWords - 1) && !found; k--) {
        const title = titleBefore(toks, k);
        if (title !== undefined && !FORMS_OF_ADDRESS.has(title) && toks.slice(k, from).every((g) => capitalised(g.word) || FORMS_OF_ADDRESS.has(g.lower))) {
          role = true;
          found = true;
          const opens = k - title.split(' ').length;
          // `trợ lý Tổng thống …` (aide to the President): the office named last is another's, the person's the one before;
          // `con rể của Tổng thống …`, `aide to the President`: the person's office is not the one named.
          office = titleBefore(toks, opens) ?? (['của', 'of', 'to', 'for'].includes(toks[opens - 1]?.lower ?? '') ? null : title);
          // The country or body: a place name between the office and the name (`Ngoại trưởng Nga …`), or a
          // name just before the office (`Russian President …`, `U.S. envoy …`).
          const before = toks[opens - 1];
          const gap = toks.slice(k, from).find((g) => standalone.has(g.word));
          // The name before must touch the office (not `April 7, Mayor …`) and, opening the sentence, be written
          // capitalised inside one elsewhere (`Defence lawyer …` opens a sentence with a common word).
          const touching = before !== undefined && /^\.?\s+$/u.test(text.slice(before.end, toks[opens]?.start ?? 0));
          const nameBefore = touching && capitalised(before.word) && !common(before.word) && (opens - 1 > 0 || inside.has(before.word));
          affiliation = gap?.word ?? (nameBefore ? before.word : null);
        }
      }
      role ||= ROLE_AFTER.test(text.slice(last.end));
      runs.push({ text: text.slice(first.start, last.end), start: first.start, end: last.end, titled, role, office, affiliation });
    }
    i = Math.max(j, i + 1);
  }
  return runs;
}

/** A country or body as a key: lower case, without a possessive (`Russia's` → `russia`). */
export function affiliationKey(word: string): string {
  return word.toLowerCase().replace(/['’]s$/u, '');
}

/**
 * Whether two affiliation keys name one country: the same, or the shorter one (less its last letter)
 * opening the longer, as a country opens its adjective (`russia`/`russian`, `china`/`chinese`, `ukraine`/`ukrainian`).
 */
export function sameAffiliation(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short.slice(0, -1));
}

/** The last word, lower case; a regnal name (`Elizabeth II`) is its own surname, never `ii`. */
const surnameOf = (name: string): string => (/\s[IVXL]+$/u.test(name) ? name : (name.split(/\s+/u).pop() ?? name)).toLowerCase();
const firstNameOf = (name: string): string => (name.split(/\s+/u)[0] ?? name).toLowerCase();

function sameSurname(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= QUIZ_TUNING.surnameMinCharsForEdits && distance(a, b) <= QUIZ_TUNING.sameSurnameEdits;
}

/** The surname as a text writes it alone: the last word, with its particles (`Lavrov`, `de Wit`). */
export function writtenSurname(name: string): string {
  const words = name.split(/\s+/u);
  // A regnal name (`Elizabeth II`, `Henry III`) has no surname to shorten to.
  if (/^[IVXL]+$/u.test(words[words.length - 1] ?? '')) return name;
  let from = words.length - 1;
  while (from > 1 && NAME_PARTICLES.has(words[from - 1] ?? '')) from--;
  return words.slice(from).join(' ');
}

/** A surname alone (`Lavrov`, `de Wit`): a name of one word, or one that opens with a particle. */
const surnameOnly = (name: string): boolean => !name.includes(' ') || NAME_PARTICLES.has(name.split(' ')[0] ?? '');

/** Two names of one person: the same (or nearly the same) surname and first name, or a surname alone. */
function samePerson(a: string, b: string): boolean {
  if (!sameSurname(surnameOf(a), surnameOf(b))) return false;
  if (surnameOnly(a) || surnameOnly(b)) return true;
  return distance(firstNameOf(a), firstNameOf(b)) <= QUIZ_TUNING.sameFirstNameEdits;
}

export function buildPeopleIndex(articles: readonly Article[]): PeopleIndex {
  const lowercase = new Set<string>();
  for (const a of articles) for (const s of a.sentences) for (const m of s.text.matchAll(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu)) lowercase.add(m[0]);
  const common = (w: string): boolean => lowercase.has(w.toLowerCase()) && !NAME_PARTICLES.has(w.toLowerCase());
  const standalone = new Set<string>();
  const runsBySentence = new Map<string, NameRun[]>();
  const noStandalone = new Set<string>();
  for (const a of articles) for (const s of a.sentences) for (const r of nameRuns(s.text, common, noStandalone)) if (!r.text.includes(' ')) standalone.add(r.text);
  // Capitalised words written inside a sentence, not only at its start: names, not a sentence's first word.
  const inside = new Set(articles.flatMap((a) => a.sentences.flatMap((s) => [...s.text.matchAll(/(?<=[\p{L}\p{M},;:]\s+)\p{Lu}[\p{L}\p{M}.]*/gu)].map((m) => m[0].replace(/\.$/u, '')))));
  const runsOf = (text: string): NameRun[] => {
    let runs = runsBySentence.get(text);
    if (runs === undefined) {
      runs = nameRuns(text, common, standalone, inside);
      runsBySentence.set(text, runs);
    }
    return runs;
  };

  // Every titled name, then grouped into people.
  const titled = new Map<string, number>();
  const counts = new Map<string, number>();
  const offices = new Map<string, Set<string>>();
  const affiliations = new Map<string, string[]>();
  for (const a of articles) {
    for (const s of a.sentences) {
      for (const r of runsOf(s.text)) {
        counts.set(r.text, (counts.get(r.text) ?? 0) + 1);
        if (r.office !== null && r.office !== 'cựu') offices.set(r.text, (offices.get(r.text) ?? new Set()).add(r.office));
        if (r.affiliation !== null) affiliations.set(r.text, [...(affiliations.get(r.text) ?? []), affiliationKey(r.affiliation)]);
        // A lone word after an office title may be a country (`Tổng thống Nga`); after `ông` or `Mr` it is a name.
        if (r.titled === 'address' || (r.titled === 'title' && r.text.includes(' '))) titled.set(r.text, (titled.get(r.text) ?? 0) + 1);
      }
    }
  }
  const groups: string[][] = [];
  // Full names first, so that a short form joins the full name it abbreviates.
  for (const name of [...titled.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length || (counts.get(b) ?? 0) - (counts.get(a) ?? 0))) {
    const group = groups.find((g) => g.some((x) => samePerson(x, name)));
    if (group === undefined) groups.push([name]);
    else group.push(name);
  }
  // Untitled spellings of a titled person (`Yury Ushakov` beside `trợ lý … Yuri Ushakov`) join it.
  for (const name of counts.keys()) {
    if (titled.has(name) || !name.includes(' ')) continue;
    const group = groups.find((g) => g.some((x) => x.includes(' ') && samePerson(x, name)));
    group?.push(name);
  }
  const personWords = new Set(groups.flat().flatMap((f) => f.split(' ').map(affiliationKey)));
  // A one-word form shared by two different people (`de Maizière`) names neither on its own.
  const people: Person[] = groups.map((forms) => {
    const full = forms.filter((f) => f.includes(' '));
    const pool = full.length > 0 ? full : forms;
    const name = [...pool].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || b.length - a.length)[0] ?? forms[0] ?? '';
    // A name beside an office is a country only when it is no one's name (`Tổng thống Trump Steve Witkoff`).
    const given = forms.flatMap((f) => affiliations.get(f) ?? []).filter((k) => !personWords.has(k));
    const affiliation = given.sort((a, b) => given.filter((x) => x === b).length - given.filter((x) => x === a).length)[0] ?? null;
    return { name, forms: new Set(forms), docIds: new Set<string>(), affiliation, offices: new Set(forms.flatMap((f) => [...(offices.get(f) ?? [])])) };
  });

  const personOf = (name: string, docId: string): Person | null => {
    const exact = people.filter((p) => p.forms.has(name));
    if (exact.length === 1) return exact[0] ?? null;
    if (name.includes(' ')) return people.find((p) => [...p.forms].some((f) => f.includes(' ') && samePerson(f, name))) ?? null;
    const bySurname = people.filter((p) => [...p.forms].some((f) => sameSurname(surnameOf(f), name.toLowerCase())));
    if (bySurname.length === 1) return bySurname[0] ?? null;
    const inArticle = bySurname.filter((p) => p.docIds.has(docId));
    return inArticle.length === 1 ? (inArticle[0] ?? null) : null;
  };
  const mentions = (sentence: string, docId: string): PersonMention[] =>
    runsOf(sentence).flatMap((r) => {
      const person = personOf(r.text, docId);
      return person === null ? [] : [{ person, text: r.text, start: r.start, end: r.end, roleGiven: r.role }];
    });
  // A person of no given country joined by `và`/`and` to one of a country (`đặc phái viên Witkoff và
  // Kushner`) shares the role, and so the side, when every such pairing agrees.
  const partners = new Map<Person, Set<string>>();
  for (const a of articles) {
    for (const s of a.sentences) {
      const found = mentions(s.text, a.docId);
      for (const m of found) (m.person.docIds as Set<string>).add(a.docId);
      found.slice(1).forEach((b, i) => {
        const prev = found[i];
        if (prev === undefined || !/^\s+(?:và|and)\s+(?:(?:ông|bà|mr|mrs|ms)\.?\s+)?$/iu.test(s.text.slice(prev.end, b.start))) return;
        for (const [x, y] of [[prev.person, b.person], [b.person, prev.person]] as const) {
          if (x.affiliation === null && y.affiliation !== null) partners.set(x, (partners.get(x) ?? new Set()).add(y.affiliation));
        }
      });
    }
  }
  for (const [person, sides] of partners) if (sides.size === 1) person.affiliation = [...sides][0] ?? null;
  return { people, mentions };
}
