/** "Fill in the number": a number blanked out of a sentence, distractors in the answer's form. */
import { dateExpressionSpans } from '../../events/dates.js';
import { BLANK, arrangeChoices } from '../choices.js';
import { PROMPT_MAX_CHARS } from '../check.js';
import { text } from '../../messages/index.js';
import { readNumber, writeNumber, type Language } from '../../text/index.js';
import { boundedBefore, convertedBeside, derivableFromOthers, numberDistractors, numberFactKey, numbersIn } from '../numbers.js';
import { sentenceLeansBack } from './referents.js';
import { fillInProblem, sentenceWindow } from './sentence-window.js';
import type { Candidate, KindBuilder } from './types.js';

/**
 * The other end of a range the blank closes (`30 to ____`, `30 đến ____ nghìn`) or opens (`____ to
 * 50`): a distractor on the wrong side of it (`30 to 30 thousand`) is plainly impossible.
 */
function rangeEnds(sentence: string, start: number, end: number, lang: Language): { above: number; below: number } {
  const before = /(\d[\d.,]*)\s+(?:to|đến|tới)\s+$/u.exec(sentence.slice(Math.max(0, start - 24), start))?.[1];
  const after = /^\s+(?:to|đến|tới)\s+(\d[\d.,]*)/u.exec(sentence.slice(end, end + 24))?.[1];
  const read = (raw: string | undefined): number | null => (raw === undefined ? null : (readNumber(raw.replace(/[.,]$/u, ''), lang)?.value ?? null));
  return { above: read(before) ?? -Infinity, below: read(after) ?? Infinity };
}

export const howManyQuestions: KindBuilder = (m) => {
  const out: Candidate[] = [];
  for (const p of m.passages) {
    for (const s of p.sentences) {
      if (fillInProblem(s.text, p.docId, m) !== null) continue;
      const numbers = numbersIn(s.text, m.lang, dateExpressionSpans(s.text));
      if (derivableFromOthers(numbers, s.text)) continue;
      // Every number the sentence writes, dates included (`năm 1620`), as values.
      const written = [...s.text.matchAll(/\d[\d.,]*/gu)].map((x) => readNumber(x[0].replace(/[.,]$/u, ''), m.lang)?.value).filter((v): v is number => v !== undefined);
      for (const n of numbers) {
        const others = written.filter((v) => v !== n.form.value);
        if (convertedBeside(s.text, n.start, n.end) || boundedBefore(s.text, n.start) || sentenceLeansBack(s.text, [p.docId], m, n)) continue;
        const factKey = numberFactKey(n);
        out.push({
          kind: 'how_many',
          factKey,
          build: (r) => {
            const blanked = `${s.text.slice(0, n.start)}${BLANK}${s.text.slice(n.end)}`;
            const room = PROMPT_MAX_CHARS - text(m.lang, 'questionHowMany', { sentence: '' }).length;
            const window = sentenceWindow(blanked, n.start, n.start + BLANK.length, room);
            if (window === null) return null;
            const prompt = text(m.lang, 'questionHowMany', { sentence: window });
            const { above, below } = rangeEnds(s.text, n.start, n.end, m.lang);
            const distractors = numberDistractors(n.form, n.percent, r)
              // A count written with a scale word (`1.4 million`) is never offered as a fraction of it (`0.7 million`): no outlet writes that.
              .filter((x) => x > above && x < below && (n.percent || n.suffix === '' || n.form.value < 1 || x >= 1))
              // Nor a number the sentence itself gives elsewhere (`cả ____ lẫn 1` offered 1; `ngoài 1 và 6` offered 6).
              .filter((x) => !others.includes(x))
              .map((x) => `${writeNumber(x, n.form)}${n.suffix}`);
            const arranged = arrangeChoices(n.text, distractors, r);
            const source = m.sourceOf(p.id, s.text);
            if (source === null || arranged === null) return null;
            return { kind: 'how_many', prompt, ...arranged, explanation: text(m.lang, 'questionAccordingTo', { ...m.citedAs(source.docId), says: s.text }), source, factKey };
          },
        });
      }
    }
  }
  return out;
};
