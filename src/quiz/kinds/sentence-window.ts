/** A sentence cut to fit a prompt, around the part a question blanks; and whether a sentence can be read alone at all. */
import { pointsBack } from '../../events/label.js';
import { words } from '../../text/index.js';
import { QUIZ_TUNING } from '../tuning.js';
import { unnamedSubject, type LabelReading } from './event-choices.js';

/**
 * Whether a fill-in sentence leans on the one before (`Together they are valued at …`, `Điều này …`):
 * its subject, in its first words, points back. A pronoun that only says who spoke (`He said …`) is fine.
 */
export function leansOnPrevious(sentence: string): boolean {
  const text = sentence.replace(/^[“"]/u, '');
  if (/^(?:he|she|they|ông|bà|họ)\s+(?:said|says|added|told|nói|cho biết)(?![\p{L}\p{M}])/iu.test(text)) return false;
  // `Among other things, this has also resulted in …`, `Ngoài ra, điều này …`: after a fronted phrase.
  if (/^[^,.;:]{1,40},\s+(?:this|these|those|điều này|điều đó|việc này)(?![\p{L}\p{M}])/iu.test(text)) return true;
  // `Their conversion was announced …`, `Its population …`: whose, the sentence before says.
  if (/^(?:their|its|his|her)\s/iu.test(text)) return true;
  return pointsBack(text) || pointsBack(text.replace(/^[\p{L}\p{M}]+,?\s+/u, ''));
}

/**
 * Openings of a clause whose subject is in the clause before it (`…who led the team with …`, `…người dẫn đầu
 * đội bóng …`, `…while also racking up …`): a window that starts on one has cut its subject off.
 */
const SUBJECTLESS_OPENING = /^(?:who|whom|whose|which|where|while|whereas|and|but|or|then|người|mà|nơi|đồng thời|trong khi|và|nhưng|rồi)(?![\p{L}\p{M}])/iu;

/** Clause breaks a long sentence is cut at. */
const CLAUSE_BREAK = /[,;:]\s|\s[-–—]\s/gu;

/**
 * The part of `sentence` around [start, end) that fits in `maxChars`: whole clauses, widened
 * from the one that holds the span, with `…` where the sentence goes on; null when the part that
 * fits opens on a clause whose subject it left behind.
 */
export function sentenceWindow(sentence: string, start: number, end: number, maxChars: number): string | null {
  if (sentence.length <= maxChars) return sentence;
  const cuts = [0, ...[...sentence.matchAll(CLAUSE_BREAK)].map((b) => b.index + b[0].length), sentence.length];
  let from = Math.max(...cuts.filter((c) => c <= start));
  let to = Math.min(...cuts.filter((c) => c >= end));
  for (;;) {
    const wider = [Math.max(...cuts.filter((c) => c < from), -1), Math.min(...cuts.filter((c) => c > to), Infinity)];
    const [left, right] = wider as [number, number];
    if (right !== Infinity && right - from <= maxChars) to = right;
    else if (left >= 0 && to - left <= maxChars) from = left;
    else break;
  }
  if (to - from > maxChars) {
    // One clause longer than the room: keep words around the span.
    const half = Math.floor((maxChars - (end - start)) / 2);
    from = Math.max(0, sentence.lastIndexOf(' ', Math.max(0, start - half)) + 1);
    to = Math.min(sentence.length, sentence.indexOf(' ', Math.min(sentence.length - 1, end + half)) === -1 ? sentence.length : sentence.indexOf(' ', Math.min(sentence.length - 1, end + half)));
  }
  const text = sentence.slice(from, to).trim().replace(/[,;:–—-]$/u, '').trim();
  if (from > 0 && SUBJECTLESS_OPENING.test(text)) return null;
  return `${from > 0 ? '…' : ''}${text}${to < sentence.length ? '…' : ''}`;
}

/**
 * Why a sentence gives no fill-in question ("who", "how many") whatever it blanks; null when it may. Each
 * reason names the rule, for the census (`npm run quiz:census`).
 */
export function fillInProblem(sentence: string, docId: string, reading: LabelReading): string | null {
  if (words(sentence).length < QUIZ_TUNING.fillInMinWords) return 'too short';
  if (leansOnPrevious(sentence)) return 'its subject points back';
  if (unnamedSubject(sentence, [docId], reading, true)) return 'a subject its article never names';
  return null;
}
