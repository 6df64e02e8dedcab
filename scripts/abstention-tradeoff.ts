/**
 * The abstention trade-off of every labelled set at several relevance floors: for answerable
 * questions the share answered with a hit in the top 5, for unanswerable ones (off-topic, or the
 * other half's questions in a split-half run) the share abstained. One pass per set with the floor
 * at 0, then each floor read off the best relevance of each answer. Lexical retrieval, in process.
 *
 * A split set is shown as its two runs: `choose` indexes the articles at even places (docId
 * order) and asks every question, `report` indexes the odd ones. The floor is chosen on the
 * `choose` runs and the sets marked so (the demo and the news sets written here); the `report`
 * runs and the English questions over Vietnamese text are where it is checked, not chosen. The
 * closing line names the lowest floor at which every choosing run abstains on at least
 * CHOSEN_ABSTAINED of its unanswerable questions.
 *
 *   npx tsx scripts/abstention-tradeoff.ts [--floors 0.2,0.3,0.4] [--sets demo,xquad-vi,…]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chunkCorpus } from '../src/corpus/chunk.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Article } from '../src/corpus/types.js';
import { answerQuestion, RELEVANCE_FLOOR } from '../src/retrieval/ask.js';
import { firstHitRank, type EvalItem } from '../src/retrieval/eval.js';
import { LexicalIndex } from '../src/retrieval/lexical.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const F = (p: string): string => path.join(ROOT, 'tests/fixtures', p);

interface EvalSet {
  name: string;
  corpus: string;
  questions: string;
  split: boolean;
  /** Every question is one the corpus cannot answer. */
  unanswerable?: boolean;
  /** Only checked on, never chosen on (English questions over Vietnamese text). */
  reportOnly?: boolean;
}

/** The share of unanswerable questions issue #13 asks to abstain on. */
const CHOSEN_ABSTAINED = 0.9;

const SETS: readonly EvalSet[] = [
  { name: 'demo-seed', corpus: path.join(ROOT, 'corpus'), questions: F('eval/seed-questions.jsonl'), split: false },
  { name: 'demo-heldout', corpus: path.join(ROOT, 'corpus'), questions: F('eval/heldout-questions.jsonl'), split: false },
  { name: 'demo-offtopic', corpus: path.join(ROOT, 'corpus'), questions: F('eval/offtopic-questions.jsonl'), split: false, unanswerable: true },
  { name: 'xquad-vi', corpus: F('xquad-dev/corpus'), questions: F('xquad-dev/vi.jsonl'), split: true },
  { name: 'xquad-en', corpus: F('xquad-dev/corpus'), questions: F('xquad-dev/en.jsonl'), split: true, reportOnly: true },
  { name: 'xquad-en-en', corpus: F('xquad-dev/corpus-en'), questions: F('xquad-dev/en-en.jsonl'), split: true },
  { name: 'news-en', corpus: F('news-en/corpus'), questions: F('news-en/questions.jsonl'), split: true },
  { name: 'news-vi', corpus: F('news-vi/corpus'), questions: F('news-vi/vi.jsonl'), split: true },
  { name: 'news-vi-en', corpus: F('news-vi/corpus'), questions: F('news-vi/en.jsonl'), split: true, reportOnly: true },
];

interface Outcome {
  answerable: boolean;
  relevance: number;
  rank: number | null;
}

function readItems(file: string): EvalItem[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as EvalItem);
}

async function ask(articles: readonly Article[], items: readonly EvalItem[], answerable: (item: EvalItem) => boolean): Promise<Outcome[]> {
  const passages = chunkCorpus([...articles]);
  const ctx = {
    passages: new Map(passages.map((p) => [p.id, p])),
    articles: new Map(articles.map((a) => [a.docId, a])),
    lexical: LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text }))),
    topics: [],
    relevanceFloor: 0,
  };
  const out: Outcome[] = [];
  for (const item of items) {
    const result = await answerQuestion(item.question, { k: 10 }, ctx);
    out.push({ answerable: answerable(item), relevance: result.relevance, rank: firstHitRank(result, item.expect_any) });
  }
  return out;
}

/** The runs of a set: one, or for a split set the `choose` and `report` halves. */
async function runs(set: EvalSet): Promise<Array<{ name: string; choosing: boolean; outcomes: Outcome[] }>> {
  const { articles } = await loadCorpus(set.corpus);
  const items = readItems(set.questions);
  if (!set.split) return [{ name: set.name, choosing: set.reportOnly !== true, outcomes: await ask(articles, items, (item) => set.unanswerable !== true && item.expect_any.length > 0) }];
  const ordered = [...articles].sort((a, b) => (a.docId < b.docId ? -1 : 1));
  return Promise.all(
    [0, 1].map(async (half) => {
      const members = ordered.filter((_a, i) => i % 2 === half);
      const held = (item: EvalItem): boolean => (item.docs ?? []).some((d) => members.some((a) => a.docId === d || a.docId.startsWith(d)));
      const outcomes = await ask(members, items, (item) => item.expect_any.length > 0 && held(item));
      return { name: `${set.name} ${half === 0 ? 'choose' : 'report'}`, choosing: half === 0 && set.reportOnly !== true, outcomes };
    }),
  );
}

const { values } = parseArgs({ options: { floors: { type: 'string' }, sets: { type: 'string' } } });
const floors = (values.floors ?? '0,0.3,0.35,0.4,0.425,0.45,0.475,0.5').split(',').map(Number);
const wanted = values.sets?.split(',');
const f3 = (x: number | null): string => (x === null ? '  -  ' : x.toFixed(3));
const abstainedAt = (outcomes: readonly Outcome[], floor: number): number | null => {
  const other = outcomes.filter((o) => !o.answerable);
  return other.length === 0 ? null : other.filter((o) => o.relevance < floor).length / other.length;
};
console.log(`floor now ${RELEVANCE_FLOOR}; per floor: hit@5 of the answerable / share abstained of the unanswerable; * = chosen on`);
console.log(['set'.padEnd(22), ...floors.map((f) => `${f}`.padStart(13))].join(' '));
const choosing: Outcome[][] = [];
for (const set of SETS) {
  if (wanted !== undefined && !wanted.includes(set.name)) continue;
  for (const run of await runs(set)) {
    if (run.choosing) choosing.push(run.outcomes);
    const answerable = run.outcomes.filter((o) => o.answerable);
    const cells = floors.map((floor) => {
      const hit = answerable.length === 0 ? null : answerable.filter((o) => o.relevance >= floor && o.rank !== null && o.rank <= 5).length / answerable.length;
      return `${f3(hit)}/${f3(abstainedAt(run.outcomes, floor))}`.padStart(13);
    });
    console.log([`${run.name}${run.choosing ? ' *' : ''}`.padEnd(22), ...cells].join(' '));
  }
}
// Candidate floors: each relevance an unanswerable question of a choosing run got, nudged past it.
const candidates = [...new Set(choosing.flat().filter((o) => !o.answerable).map((o) => Math.round(o.relevance * 1000 + 1) / 1000))].sort((a, b) => a - b);
const chosen = candidates.find((floor) => choosing.every((outcomes) => (abstainedAt(outcomes, floor) ?? 1) >= CHOSEN_ABSTAINED));
console.log(`lowest floor at which every run marked * abstains on >= ${CHOSEN_ABSTAINED}: ${chosen ?? 'none'}`);
