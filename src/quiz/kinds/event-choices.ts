/** What the event kinds (when, what, which came first) share: periods near an event's, at its precision. */
import { eventPeriod, periodDays, type Period } from '../../events/period.js';
import { pointsBack } from '../../events/label.js';
import type { BriefingEvent } from '../../events/types.js';
import { words } from '../../text/index.js';
import { shuffled, type Random } from '../random.js';
import { QUIZ_TUNING } from '../tuning.js';
import type { QuizMaterial } from './types.js';

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
 * Periods near `p` at its precision: plausible, different, never the answer, never before year 1,
 * and a decade or century never after the latest year the briefing speaks of (`thế kỷ 22`).
 */
export function nearbyPeriods(p: Period, random: Random, latestYear: number): Period[] {
  const wide = p.precision === 'decade' || p.precision === 'century';
  const steps = wide ? QUIZ_TUNING.wideDateDistractorSteps : QUIZ_TUNING.dateDistractorOffsets;
  return shuffled(steps, random)
    .map((k) => shifted(p, k))
    .filter((x) => Number(x.value.slice(0, 4)) > 0 && (!wide || Number(x.value.slice(0, 4)) <= Math.max(latestYear, Number(p.value.slice(0, 4)))));
}

/** Whether a period starts after the briefing's latest article: it is still ahead of the reader. */
export function isAhead(p: Period, latestDate: string | null): boolean {
  return latestDate !== null && periodDays(p)[0] > latestDate;
}

/**
 * Words in a label that stand for something it does not name (`his forces`, `the country`, `ở đây`,
 * `giai đoạn này`): fine on a timeline beside its neighbours, but a quiz choice is read alone.
 */
const DEICTIC = /(?<![\p{L}\p{M}])(?:his|her|him|them|here|the country|the network|the settlement|ở đây|tại đây|đây là|nước này|giai đoạn này|thời điểm này|thời gian này|lúc này|khi đó|lúc đó|các thành viên)(?![\p{L}\p{M}])/iu;
/** `của ông` (his) with no name after it (case-sensitive: a name is capitalised). */
const VI_POSSESSIVE = /(?<![\p{L}\p{M}])(?:của|với|cho) (?:ông|bà|họ)(?![\p{L}\p{M}])(?!\s+\p{Lu})/u;

/**
 * Openings of a clause that leans on the one it was cut from (`Ngụ ý là Bergen op Zoom …`, `Ngoại trừ mái
 * nhà …`, `Implying …`): what remains is not a happening.
 */
const DEPENDENT = /^(?:implying|suggesting|except|excluding|including|although|though|while|whereas|because|unlike|despite|ngụ ý|ngoại trừ|trừ|bao gồm|mặc dù|tuy|vì|do đó|về phương diện|thường được)(?![\p{L}\p{M}])/iu;
/** A sentence that lists years (`vào năm 1563, 1593, 1603 …`): its event has no one date to ask about. */
const YEAR_LIST = /(?<!\d)\d{3,4},\s+\d{3,4}(?!\d)/u;

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

/** Whether an event's label can be a quiz choice, in a question about the past or about what is ahead: its tense must not clash. */
export function choosable(e: BriefingEvent, ahead: boolean): boolean {
  if (DEICTIC.test(e.label) || VI_POSSESSIVE.test(e.label) || DEPENDENT.test(e.label.trim()) || YEAR_LIST.test(e.sentence)) return false;
  if (pointsBack(e.sentence) && !inSentence(e)) return false;
  // A quotation as a happening (`“We will find them,” Hale said`) reads as a saying, not as something that happened.
  if (/^[“"‘']/u.test(e.label.trim())) return false;
  return ahead ? !PAST.test(e.label) : !FUTURE.test(e.label);
}


const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const startDay = (e: BriefingEvent): number => Date.parse(periodDays(eventPeriod(e))[0]);

/**
 * Events a choice beside `e` could be: of its tense, readable alone, each passing `keep`; of an article
 * that reports it when these are enough, else also of articles on its story within a few years of it
 * (articles linked by a few shared names can be of other eras); nearest in time first (the choices are
 * believable for the date).
 */
export function eventsBeside(m: QuizMaterial, e: BriefingEvent, ahead: boolean, keep: (o: BriefingEvent) => boolean): BriefingEvent[] {
  const docs = new Set(e.citations.map((c) => c.docId));
  const own = (o: BriefingEvent): boolean => o.citations.some((c) => docs.has(c.docId));
  const at = startDay(e);
  const story = new Set(e.citations.flatMap((c) => [...m.relatedArticles(c.docId)]));
  const near = (o: BriefingEvent): boolean => Math.abs(startDay(o) - at) <= QUIZ_TUNING.storyEventYears * YEAR_MS;
  const fit = m.allEvents.filter((o) => o !== e && o.label !== e.label && choosable(o, ahead) && keep(o));
  const mine = fit.filter(own);
  const pool = mine.length >= QUIZ_TUNING.ownArticleEvents ? mine : fit.filter((o) => own(o) || (near(o) && o.citations.some((c) => story.has(c.docId))));
  return pool.sort((a, b) => Math.abs(startDay(a) - at) - Math.abs(startDay(b) - at));
}
