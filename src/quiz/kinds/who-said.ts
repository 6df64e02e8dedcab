/** "Who said …?": a quotation and four people, the speaker named outside the quotation in the same sentence. */
import { arrangeChoices } from '../choices.js';
import { shuffled } from '../random.js';
import { QUIZ_TUNING } from '../tuning.js';
import type { Candidate, KindBuilder } from './types.js';

/** Verbs that attribute a quotation to its speaker. */
export const SPEECH_VERBS: readonly string[] = ['nói', 'cho biết', 'khẳng định', 'nhấn mạnh', 'trả lời', 'lưu ý', 'tuyên bố', 'said', 'says', 'told', 'added', 'stated'];

const lastWord = (name: string): string => name.split(' ').pop() ?? name;

export const whoSaidQuestions: KindBuilder = (m) => {
  const speechVerb = new RegExp(`(${SPEECH_VERBS.join('|')})(?![\\p{L}])`, 'iu');
  const out: Candidate[] = [];
  for (const p of m.passages) {
    for (const s of p.sentences) {
      for (const match of s.text.matchAll(/[“"]([^”"]+)[”"]/gu)) {
        const quote = match[1] ?? '';
        if (quote.length < QUIZ_TUNING.quoteMinChars || quote.length > QUIZ_TUNING.quoteMaxChars) continue;
        const outside = s.text.replace(match[0], ' ');
        if (!speechVerb.test(outside)) continue;
        const named = m.finder.actors(outside).filter((a) => m.persons.has(a) && !quote.includes(lastWord(a)));
        // The speaker: the one person named outside the quotation (several would be a guess).
        const lastNames = new Set(named.map(lastWord));
        if (lastNames.size !== 1) continue;
        const speaker = m.people.filter((x) => lastNames.has(lastWord(x))).sort((a, b) => b.length - a.length)[0];
        if (speaker === undefined || !s.text.includes(speaker)) continue;
        const factKey = `quote:${quote.slice(0, 40)}`;
        out.push({
          kind: 'who_said',
          factKey,
          build: (r) => {
            const speakerWords = speaker.split(' ').length;
            const others = m.people.filter((x) => x.split(' ').length === speakerWords && lastWord(x) !== lastWord(speaker) && !quote.includes(x));
            const arranged = arrangeChoices(speaker, shuffled(others, r), r);
            const source = m.sourceOf(p.id, s.text);
            if (source === null || arranged === null) return null;
            return { kind: 'who_said', prompt: m.text.whoSaid(quote), ...arranged, explanation: `${m.text.source(source.title)}: ${s.text}`, source, factKey };
          },
        });
      }
    }
  }
  return out;
};
