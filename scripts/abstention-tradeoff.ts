/**
 * The abstention trade-off of every labelled set at several confidence floors: for answerable
 * questions the share answered with a hit in the top 5, for unanswerable ones (off-topic, or the
 * other half's questions in a split-half run) the share abstained. One pass per set with the floor
 * at 0, then each floor read off the confidence of each answer (src/retrieval/abstention.ts).
 * Lexical retrieval, in process. `--score relevance` reads the relevance alone instead (the rule
 * before the model), `--score evidence` the chance evidence alone.
 *
 * A split set is shown as its two runs: `choose` indexes the articles at even places (docId
 * order) and asks every question, `report` indexes the odd ones. The floor is chosen on the
 * `choose` runs and the sets marked so (the demo and the news sets written here); the `report`
 * runs and the English questions over Vietnamese text are where it is checked, not chosen. The
 * closing line names the lowest floor at which every choosing run abstains on at least
 * CHOSEN_ABSTAINED of its unanswerable questions.
 *
 * `--fit` fits the abstention model again on the choosing runs only (logistic regression: their
 * answerable questions the ranking finds in the top 5 against their unanswerable ones, each run's
 * two groups weighing the same whatever the run's size) and writes it, with the floor that rule
 * chooses on its confidence, to src/retrieval/data/abstention-model.json. Answerable questions the
 * ranking misses are left out of the fit: abstaining on them costs nothing.
 *
 *   npx tsx scripts/abstention-tradeoff.ts [--floors 0.2,0.3,0.4] [--sets demo,xquad-vi,…] [--score confidence|relevance|evidence] [--fit]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chunkCorpus } from '../src/corpus/chunk.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Article } from '../src/corpus/types.js';
import { ABSTENTION_MODEL_FILE, FEATURES, abstentionFeatures, abstentionModel, answerConfidence, type AbstentionModel, type AbstentionSignals } from '../src/retrieval/abstention.js';
import { answerQuestion } from '../src/retrieval/ask.js';
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
  signals: AbstentionSignals;
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
    confidenceFloor: 0,
  };
  const out: Outcome[] = [];
  for (const item of items) {
    const result = await answerQuestion(item.question, { k: 10 }, ctx);
    out.push({ answerable: answerable(item), signals: result.signals, rank: firstHitRank(result, item.expect_any) });
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

/** Hit in the top 5 (what the fit learns to keep). */
const found = (o: Outcome): boolean => o.rank !== null && o.rank <= 5;

/**
 * Weighted logistic regression by Newton's method (iteratively reweighted least squares), with a
 * small ridge so that separable data still gives finite coefficients. Written here rather than
 * taken from npm: the packages found (ml-logistic-regression) fit by gradient descent without
 * weights per sample, which the fit needs (each run weighs the same).
 */
function fitLogistic(xs: readonly number[][], ys: readonly number[], weights: readonly number[]): number[] {
  const RIDGE = 1e-3;
  const ITERATIONS = 50;
  const d = (xs[0]?.length ?? 0) + 1;
  const beta = new Array<number>(d).fill(0);
  for (let it = 0; it < ITERATIONS; it++) {
    const grad = beta.map((b, j) => (j === 0 ? 0 : -RIDGE * b));
    const hess = Array.from({ length: d }, (_r, i) => Array.from({ length: d }, (_c, j) => (i === j && i > 0 ? RIDGE : 0)));
    xs.forEach((x, n) => {
      const row = [1, ...x];
      const p = 1 / (1 + Math.exp(-row.reduce((sum, v, j) => sum + v * (beta[j] as number), 0)));
      const w = weights[n] as number;
      row.forEach((vi, i) => {
        (grad[i] as number) += w * ((ys[n] as number) - p) * vi;
        row.forEach((vj, j) => ((hess[i] as number[])[j] = ((hess[i] as number[])[j] as number) + w * p * (1 - p) * vi * vj));
      });
    });
    // Solve hess · step = grad (Gauss-Jordan; d is small).
    const m = hess.map((r, i) => [...r, grad[i] as number]);
    for (let c = 0; c < d; c++) {
      const pivot = m.slice(c).reduce((bestRow, r, i) => (Math.abs(r[c] as number) > Math.abs((m[bestRow] as number[])[c] as number) ? c + i : bestRow), c);
      [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
      const row = m[c] as number[];
      const lead = row[c] as number;
      for (let j = c; j <= d; j++) row[j] = (row[j] as number) / lead;
      m.forEach((r, i) => {
        if (i === c) return;
        const f = r[c] as number;
        for (let j = c; j <= d; j++) r[j] = (r[j] as number) - f * (row[j] as number);
      });
    }
    m.forEach((r, i) => (beta[i] = (beta[i] as number) + (r[d] as number)));
  }
  return beta;
}

const { values } = parseArgs({ options: { floors: { type: 'string' }, sets: { type: 'string' }, score: { type: 'string' }, fit: { type: 'boolean' } } });
const wanted = values.sets?.split(',');
const all: Array<{ name: string; choosing: boolean; outcomes: Outcome[] }> = [];
for (const set of SETS) if (wanted === undefined || wanted.includes(set.name)) all.push(...(await runs(set)));
const choosing = all.filter((run) => run.choosing).map((run) => run.outcomes);

let model: AbstentionModel = abstentionModel();
if (values.fit === true) {
  const xs: number[][] = [];
  const ys: number[] = [];
  const weights: number[] = [];
  for (const outcomes of choosing) {
    for (const label of [true, false]) {
      const group = outcomes.filter((o) => o.answerable === label && (!label || found(o)));
      for (const o of group) {
        xs.push(abstentionFeatures(o.signals));
        ys.push(label ? 1 : 0);
        weights.push(1 / group.length);
      }
    }
  }
  model = { features: [...FEATURES], coefficients: fitLogistic(xs, ys, weights).map((b) => Math.round(b * 1e4) / 1e4), floor: 0, fitted: '' };
}
const scoreOf: (o: Outcome) => number =
  values.score === 'relevance' ? (o) => o.signals.relevance : values.score === 'evidence' ? (o) => (o.signals.fewConcepts ? Infinity : o.signals.evidence) : (o) => Math.round(answerConfidence(o.signals, model) * 1000) / 1000;
const abstainedAt = (outcomes: readonly Outcome[], floor: number): number | null => {
  const other = outcomes.filter((o) => !o.answerable);
  return other.length === 0 ? null : other.filter((o) => scoreOf(o) < floor).length / other.length;
};
// Candidate floors: each score an unanswerable question of a choosing run got, nudged past it.
const candidates = [...new Set(choosing.flat().filter((o) => !o.answerable).map((o) => Math.round(scoreOf(o) * 1000 + 1) / 1000))].sort((a, b) => a - b);
const chosen = candidates.find((floor) => choosing.every((outcomes) => (abstainedAt(outcomes, floor) ?? 1) >= CHOSEN_ABSTAINED));
if (values.fit === true) {
  const floor = chosen ?? 1;
  model = { ...model, floor, fitted: `npx tsx scripts/abstention-tradeoff.ts --fit, on the runs it marks * (${all.filter((r) => r.choosing).map((r) => r.name).join(', ')}); floor: the lowest at which each of them abstains on ${CHOSEN_ABSTAINED}` };
  writeFileSync(ABSTENTION_MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${path.relative(ROOT, ABSTENTION_MODEL_FILE)}: coefficients ${model.coefficients.join(', ')} (intercept, ${FEATURES.join(', ')}), floor ${floor}`);
}

const floors = (values.floors ?? `0,0.3,0.4,0.5,${model.floor},0.6,0.7`).split(',').map(Number);
const f3 = (x: number | null): string => (x === null ? '  -  ' : x.toFixed(3));
console.log(`score: ${values.score ?? 'confidence'} (model floor ${model.floor}); per floor: hit@5 of the answerable / share abstained of the unanswerable; * = chosen on`);
console.log(['set'.padEnd(22), ...floors.map((f) => `${f}`.padStart(13))].join(' '));
for (const run of all) {
  const answerable = run.outcomes.filter((o) => o.answerable);
  const cells = floors.map((floor) => {
    const hit = answerable.length === 0 ? null : answerable.filter((o) => scoreOf(o) >= floor && found(o)).length / answerable.length;
    return `${f3(hit)}/${f3(abstainedAt(run.outcomes, floor))}`.padStart(13);
  });
  console.log([`${run.name}${run.choosing ? ' *' : ''}`.padEnd(22), ...cells].join(' '));
}
console.log(`lowest floor at which every run marked * abstains on >= ${CHOSEN_ABSTAINED}: ${chosen ?? 'none'}`);
