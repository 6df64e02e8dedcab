/**
 * Where quiz candidates die: for each corpus, how many sentences, figures, names, events and quotations
 * there are, how many each rule of the question kinds turns away (the first rule that does, in the order
 * the builders apply them), and how many questions of each kind are left to draw from. What the README's
 * census table shows; the same command prints the same figures.
 *
 *   npm run quiz:census [-- DIR …]      (default: the four judged corpora)
 */
import path from 'node:path';
import { chunkCorpus } from '../src/corpus/chunk.js';
import { loadCorpus } from '../src/corpus/load.js';
import { dateExpressionSpans } from '../src/events/dates.js';
import { eventPeriod } from '../src/events/period.js';
import { extractEvents } from '../src/events/extract.js';
import { KIND_BUILDERS } from '../src/quiz/kinds/index.js';
import { choiceProblem, isAhead } from '../src/quiz/kinds/event-choices.js';
import { sentenceLeansBack } from '../src/quiz/kinds/referents.js';
import { fillInProblem } from '../src/quiz/kinds/sentence-window.js';
import { pairedWithName } from '../src/quiz/kinds/who.js';
import { quizMaterial } from '../src/quiz/material.js';
import { boundedBefore, convertedBeside, derivableFromOthers, numbersIn } from '../src/quiz/numbers.js';
import { seededRandom } from '../src/quiz/random.js';
import { QUESTION_KINDS } from '../src/quiz/types.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_CORPORA = ['corpus', 'tests/fixtures/xquad-dev/corpus', 'tests/fixtures/xquad-dev/corpus-en', 'tests/fixtures/quiz-news-en'];

type Tally = Map<string, number>;
const add = (t: Tally, key: string, n = 1): void => {
  t.set(key, (t.get(key) ?? 0) + n);
};
const show = (title: string, t: Tally): string => `${title}: ${[...t].map(([k, n]) => `${k} ${n}`).join('; ')}`;

async function census(dir: string): Promise<string[]> {
  const { articles } = await loadCorpus(path.resolve(ROOT, dir));
  const passages = chunkCorpus(articles);
  const m = quizMaterial({ articles, passages, events: extractEvents(articles, passages) });
  const numbers: Tally = new Map();
  const names: Tally = new Map();
  const events: Tally = new Map();
  let sentences = 0;
  for (const p of m.passages) {
    for (const s of p.sentences) {
      sentences++;
      const figures = numbersIn(s.text, m.lang, dateExpressionSpans(s.text));
      const people = [...new Set(m.people.mentions(s.text, p.docId).map((x) => x.person))];
      if (figures.length === 0 && people.length === 0) continue;
      const sentenceRule = fillInProblem(s.text, p.docId, m);
      if (figures.length > 0) add(numbers, 'figures', figures.length);
      if (people.length > 0) add(names, 'people named', people.length);
      if (sentenceRule !== null) {
        add(numbers, `sentence: ${sentenceRule}`, figures.length);
        add(names, `sentence: ${sentenceRule}`, people.length);
        continue;
      }
      const tied = derivableFromOthers(figures, s.text);
      for (const n of figures) {
        const rule = tied
          ? 'tied to the others by a share'
          : convertedBeside(s.text, n.start, n.end)
            ? 'a unit conversion'
            : boundedBefore(s.text, n.start)
              ? 'after a bound (more than, gần)'
              : sentenceLeansBack(s.text, [p.docId], m, n)
                ? 'its clause leans back'
                : 'candidate';
        add(numbers, rule);
      }
      for (const person of people) {
        const own = m.people.mentions(s.text, p.docId).filter((x) => x.person === person);
        const rule = own.some((x) => x.roleGiven)
          ? 'beside their office'
          : own.some((x) => sentenceLeansBack(s.text, [p.docId], m, x))
            ? 'its clause leans back'
            : own.some((x) => pairedWithName(s.text, x))
              ? 'paired with another name'
              : 'candidate';
        add(names, rule);
      }
    }
  }
  for (const e of m.events) add(events, choiceProblem(e, isAhead(eventPeriod(e), m.latestDate), m) ?? 'choosable');
  // What the builders offer, and how many of those still build (distractors enough, a prompt that fits).
  const random = seededRandom('census');
  const built = new Map(QUESTION_KINDS.map((k) => {
    const candidates = KIND_BUILDERS[k](m);
    return [k, `${candidates.filter((c) => c.build(random) !== null).length}/${candidates.length}`] as const;
  }));
  const quotes = m.quotations.length;
  return [
    `## ${dir}: ${articles.length} articles, ${sentences} sentences, ${m.events.length} events, ${quotes} quotations (${m.quotations.filter((q) => q.named).length} naming their speaker)`,
    show('figures ("how many")', numbers),
    show('people named ("who")', names),
    show('events ("when", "what", "which came first")', events),
    `questions that build, of the builders' candidates: ${[...built].map(([k, v]) => `${k} ${v}`).join('; ')}`,
    '',
  ];
}

const dirs = process.argv.slice(2);
for (const dir of dirs.length > 0 ? dirs : DEFAULT_CORPORA) console.log((await census(dir)).join('\n'));
