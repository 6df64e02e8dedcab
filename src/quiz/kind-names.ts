/**
 * The kinds of quiz question as people name them: shown in the reader's language, and read
 * back from a list typed in either language or as ids (`when, ai, how_many`), accents and
 * case aside.
 */
import { QUESTION_KINDS, type QuestionKind, type QuizShortfall } from './types.js';
import { foldAccents } from '../text/index.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { LOCALES, text, type Locale } from '../messages/index.js';

const KIND_MESSAGES = {
  when: 'quizKindWhen',
  what: 'quizKindWhat',
  who: 'quizKindWho',
  how_many: 'quizKindHowMany',
  who_said: 'quizKindWhoSaid',
  which_first: 'quizKindWhichFirst',
} as const satisfies Record<QuestionKind, string>;

export function kindName(locale: Locale, kind: QuestionKind): string {
  return text(locale, KIND_MESSAGES[kind]);
}

function folded(word: string): string {
  return foldAccents(word).toLowerCase().replace(/[\s_-]+/gu, ' ').trim();
}

/** Every way of writing each kind: its id and its name in every language. */
const KIND_BY_WORDS: ReadonlyMap<string, QuestionKind> = new Map(
  QUESTION_KINDS.flatMap((kind) => [folded(kind), ...LOCALES.map((locale) => folded(kindName(locale, kind)))].map((word) => [word, kind] as const)),
);

/** The kind a word names, in any language or as its id. */
export function kindOfWord(word: string): QuestionKind | undefined {
  return KIND_BY_WORDS.get(folded(word));
}

type Reading = { kind: QuestionKind } | { unknown: string };

/** A part between commas read as kinds: the whole part, else the longest runs of its words that name one (`when who said`). */
function readPart(part: string): Reading[] {
  const whole = kindOfWord(part);
  if (whole !== undefined) return [{ kind: whole }];
  const tokens = part.split(/\s+/u);
  const readings: Reading[] = [];
  let start = 0;
  while (start < tokens.length) {
    let end = tokens.length;
    let kind: QuestionKind | undefined;
    for (; end > start; end--) {
      kind = kindOfWord(tokens.slice(start, end).join(' '));
      if (kind !== undefined) break;
    }
    if (kind === undefined) {
      readings.push({ unknown: tokens[start] ?? '' });
      start++;
    } else {
      readings.push({ kind });
      start = end;
    }
  }
  return readings;
}

/** A typed list (`when, who`; `khi nào; ai`) split into the kinds it names, in order without repeats, and the words no kind answers to. */
export function readKinds(raw: string): { kinds: QuestionKind[]; unknown: string[] } {
  const parts = raw.split(/[,;]+/u).map((w) => w.trim()).filter((w) => w !== '');
  const kinds: QuestionKind[] = [];
  const unknown: string[] = [];
  for (const reading of parts.flatMap(readPart)) {
    if ('unknown' in reading) unknown.push(reading.unknown);
    else if (!kinds.includes(reading.kind)) kinds.push(reading.kind);
  }
  return { kinds, unknown };
}

/** Every word a kind answers to, for matching what someone is typing. */
export function kindWords(kind: QuestionKind): string[] {
  return [kind, ...LOCALES.map((locale) => kindName(locale, kind))];
}

/**
 * What the briefing was too thin for, in the reader's words: each line a plain sentence (none when it was not
 * thin). Fewer questions because the channel's recent games showed the rest is said as such, not as thin material.
 */
export function shortfallNotice(locale: Locale, made: number, shortfall: QuizShortfall | undefined): string[] {
  if (shortfall === undefined) return [];
  const fewer = shortfall.usedUp === true ? 'quizUsedUp' : 'quizThin';
  const lines = shortfall.startedOver === true ? [text(locale, 'quizStartedOver')] : [];
  if (made < shortfall.asked) lines.push(text(locale, fewer, { made, asked: shortfall.asked }));
  if (shortfall.kinds.length > 0) lines.push(text(locale, 'quizThinKinds', { kinds: shortfall.kinds.map((k) => kindName(locale, k)).join(', ') }));
  return lines;
}

/** The kinds an option names (`--kinds`, `kinds:`); none given is undefined (every kind); a word no kind answers to is the user's to fix. */
export function parseKindsOption(option: string, raw: string | null | undefined): QuestionKind[] | undefined {
  if (raw === null || raw === undefined || raw.trim() === '') return undefined;
  const { kinds, unknown } = readKinds(raw);
  if (unknown.length > 0 || kinds.length === 0) {
    throw new UserError(ERROR_CODES.BAD_OPTION, 'optionUnknownValues', { option, unknown: unknown.join(', ') || raw, known: QUESTION_KINDS.join(', ') });
  }
  return kinds;
}
