/**
 * Autocomplete for any command: rank what the user might mean by what they typed so far, and
 * keep the answer within Discord's limits (at most 25 choices; names and values of 1 to 100
 * characters). Accents and case do not count when matching: `ha noi` finds `Hà Nội`.
 */
import type { BriefingDesk } from '../briefing/types.js';
import { foldAccents } from '../text/index.js';
import type { AutocompleteChoice } from './command.js';
import { truncateText } from './render/limits.js';

export const DISCORD_AUTOCOMPLETE_CHOICES_MAX = 25;
export const DISCORD_CHOICE_NAME_MAX_CHARS = 100;
export const DISCORD_CHOICE_VALUE_MAX_CHARS = 100;

/** Something a user may pick: what the list shows, what is sent, and other words that find it (an id, a source). */
export interface Candidate {
  name: string;
  value: string;
  keywords?: readonly string[];
}

function folded(text: string): string {
  return foldAccents(text).toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** How well `typed` finds a text: 3 it starts the text, 2 it starts a word of it, 1 it is inside it, 0 not at all. */
function matchStrength(text: string, typed: string): number {
  const haystack = folded(text);
  if (haystack.startsWith(typed)) return 3;
  if (haystack.split(/[\s\-_/(),.:;"'«»“”]+/u).some((word) => word.startsWith(typed))) return 2;
  return haystack.includes(typed) ? 1 : 0;
}

/**
 * The candidates `typed` finds, best first (a match at the start of the name, then of a word,
 * then anywhere; ties keep the given order). Nothing typed yet: the first candidates as given.
 */
export function matchCandidates(candidates: readonly Candidate[], typed: string): AutocompleteChoice[] {
  const query = folded(typed);
  const scored = candidates
    .map((c, order) => ({ c, order, strength: query === '' ? 1 : Math.max(matchStrength(c.name, query), ...(c.keywords ?? []).map((k) => matchStrength(k, query))) }))
    .filter((s) => s.strength > 0)
    .sort((a, b) => b.strength - a.strength || a.order - b.order);
  return scored.map((s) => ({ name: s.c.name, value: s.c.value }));
}

/** Choices as Discord accepts them: names cut to fit (never inside a character), values too long to send dropped, no value twice. */
export function fitChoices(choices: readonly AutocompleteChoice[]): AutocompleteChoice[] {
  const seen = new Set<string>();
  const fitted: AutocompleteChoice[] = [];
  for (const choice of choices) {
    const name = truncateText(choice.name.replace(/\s+/gu, ' ').trim(), DISCORD_CHOICE_NAME_MAX_CHARS);
    if (name === '' || choice.value === '' || choice.value.length > DISCORD_CHOICE_VALUE_MAX_CHARS || seen.has(choice.value)) continue;
    seen.add(choice.value);
    fitted.push({ name, value: choice.value });
    if (fitted.length === DISCORD_AUTOCOMPLETE_CHOICES_MAX) break;
  }
  return fitted;
}

/** The names the briefing covers, as topics to pick. */
export function topicCandidates(desk: Pick<BriefingDesk, 'topics'>): Candidate[] {
  return desk.topics().map((topic) => ({ name: topic, value: topic }));
}

/** The articles by title (with their date, to tell apart two of the same title); the id is what is sent, and finds one too. */
export function articleCandidates(desk: Pick<BriefingDesk, 'sources'>): Candidate[] {
  return desk.sources().map((a) => ({ name: a.date === null ? a.title : `${a.title} (${a.date})`, value: a.docId, keywords: [a.docId, ...a.sources] }));
}
