/** "Fill in the number": a number with its unit blanked out of a sentence, distractors of the same magnitude. */
import { decimalSeparator, formatNumber, parseNumber } from '../../text/index.js';
import { BLANK, arrangeChoices } from '../choices.js';
import { shuffled, type Random } from '../random.js';
import { QUIZ_TUNING } from '../tuning.js';
import type { Candidate, KindBuilder } from './types.js';

const NUMBER_WITH_UNIT = /(?<![\d/.,])(?<!(?:tháng|năm|ngày|hôm)\s)(\d+(?:[.,]\d+)?)\s*(%|tỷ|triệu|nghìn|điểm|giờ|tỉnh|tài liệu|năm|tháng|ngày|người|quốc gia|percent|billion|million|points|hours|provinces|documents|years|people)(?![\p{L}])/giu;

/** Numbers of the same magnitude as `raw`, positive and different. */
function nearbyNumbers(raw: string, random: Random): string[] {
  const separator = decimalSeparator(raw);
  const n = parseNumber(raw);
  const candidates = n < QUIZ_TUNING.smallNumberLimit
    ? [n - 2, n - 1, n + 1, n + 2, n + 3, n * 2]
    : [...QUIZ_TUNING.numberDistractorRatios.map((k) => Math.round(n * k)), n - 1, n + 1];
  return shuffled(candidates.filter((c) => c > 0 && c !== n), random).map((c) => formatNumber(c, separator));
}

export const howManyQuestions: KindBuilder = (m) => {
  const out: Candidate[] = [];
  for (const p of m.passages) {
    for (const s of p.sentences) {
      for (const match of s.text.matchAll(NUMBER_WITH_UNIT)) {
        const number = match[1] ?? '';
        const at = match.index;
        const factKey = `number:${number}:${match[2]}`;
        out.push({
          kind: 'how_many',
          factKey,
          build: (r) => {
            const blanked = `${s.text.slice(0, at)}${BLANK}${s.text.slice(at + number.length)}`;
            const arranged = arrangeChoices(number, nearbyNumbers(number, r), r);
            const source = m.sourceOf(p.id, s.text);
            if (source === null || arranged === null) return null;
            return { kind: 'how_many', prompt: m.text.howMany(blanked), ...arranged, explanation: `${m.text.source(source.title)}: ${s.text}`, source, factKey };
          },
        });
      }
    }
  }
  return out;
};
