/**
 * The abstention trade-off of every labelled set at several confidence floors: for answerable
 * questions the share answered with a hit in the top 5, for unanswerable ones (off-topic, or the
 * other half's questions in a split-half run) the share abstained. One pass per set with the floor
 * at 0, then each floor read off the confidence of each answer (src/retrieval/abstention.ts).
 * Lexical retrieval, in process. `--score NAME` reads one signal alone instead: `relevance` (the
 * rule before the model), `evidence` (the chance evidence), or a query-performance predictor of
 * PREDICTORS (below; measured, not kept: README). Each run also shows hit@5 at the rule's floor
 * and where the run itself abstains on CHOSEN_ABSTAINED of its unanswerable questions.
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
 * ranking misses are left out of the fit: abstaining on them costs nothing. `--features a,b,…`
 * fits on other features (the model's and PREDICTORS') and shows the table without writing.
 *
 *   npx tsx scripts/abstention-tradeoff.ts [--floors 0.2,0.3,0.4] [--sets demo,xquad-vi,…] [--score NAME] [--fit [--features a,b]]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chunkCorpus } from '../src/corpus/chunk.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Article } from '../src/corpus/types.js';
import { ABSTENTION_MODEL_FILE, FEATURES, abstentionFeatures, abstentionModel, answerConfidence, logistic, type AbstentionModel, type AbstentionSignals } from '../src/retrieval/abstention.js';
import { answerQuestion, CANDIDATES } from '../src/retrieval/ask.js';
import { firstHitRank, type EvalItem } from '../src/retrieval/eval.js';
import { LexicalIndex } from '../src/retrieval/lexical.js';
import { conceptIdf, conceptWeights, searchLexical, type LexicalHit } from '../src/retrieval/lexical-search.js';
import { loadLexicon } from '../src/retrieval/lexicon.js';
import { analyzeQuery, type AnalyzedQuery } from '../src/retrieval/query.js';

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
  /** Each of PREDICTORS for the question. */
  predictors: Record<string, number>;
  rank: number | null;
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const spread = (xs: readonly number[]): number => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

/** What a predictor reads: the lexical hits (score order) of a question, and its concepts' idf weights. */
interface PredictorInput {
  hits: readonly LexicalHit[];
  /** The question's summed concept idf (ranking weights): BM25 scores over it are comparable between questions. */
  idfMass: number;
  /** Concept weights in relevance (idf squared) and whether the corpus holds each concept at all. */
  weights: readonly number[];
  held: readonly boolean[];
}

/**
 * Query-performance predictors (IR's answers to "does this collection answer this query?") from
 * the 50 lexical hits the ranking has: measured alone and in the model, not kept (README).
 */
const PREDICTORS: Record<string, (x: PredictorInput) => number> = {
  // WIG: mean of the top-k scores (the corpus as one document scores about 0 here), per unit of the question's idf.
  wig5: ({ hits, idfMass }) => mean(hits.slice(0, 5).map((h) => h.score)) / idfMass,
  wig10: ({ hits, idfMass }) => mean(hits.slice(0, 10).map((h) => h.score)) / idfMass,
  // NQC: the spread of the top-k scores, per unit of the question's idf.
  nqc10: ({ hits, idfMass }) => spread(hits.slice(0, 10).map((h) => h.score)) / idfMass,
  nqc50: ({ hits, idfMass }) => spread(hits.map((h) => h.score)) / idfMass,
  top: ({ hits, idfMass }) => (hits[0]?.score ?? 0) / idfMass,
  // How far the best passage stands above the k-th, as a share of the best.
  gap5: ({ hits }) => ((hits[0]?.score ?? 0) - (hits[4]?.score ?? 0)) / (hits[0]?.score || 1),
  gap10: ({ hits }) => ((hits[0]?.score ?? 0) - (hits[9]?.score ?? 0)) / (hits[0]?.score || 1),
  coverageGap5: ({ hits }) => {
    const covers = hits.map((h) => h.coverage).sort((a, b) => b - a);
    return (covers[0] ?? 0) - (covers[4] ?? 0);
  },
  // The share of the question's (relevance) idf mass the corpus holds at all, and its most informative concept's share and presence.
  corpusShare: ({ weights, held }) => weights.reduce((sum, w, i) => sum + (held[i] === true ? w : 0), 0) / (weights.reduce((a, b) => a + b, 0) || 1),
  rarestShare: ({ weights }) => Math.max(0, ...weights) / (weights.reduce((a, b) => a + b, 0) || 1),
  rarestHeld: ({ weights, held }) => (held[weights.indexOf(Math.max(...weights))] === true ? 1 : 0),
  hits: ({ hits }) => hits.length,
};

function predictorsOf(index: LexicalIndex, query: AnalyzedQuery): Record<string, number> {
  const hits = searchLexical(index, query, CANDIDATES);
  const input: PredictorInput = {
    hits,
    idfMass: conceptWeights(index, query.concepts, 1).reduce((a, b) => a + b, 0) || 1,
    weights: conceptWeights(index, query.concepts, 2),
    held: query.concepts.map((c) => conceptIdf(index, c.alternatives) > 0),
  };
  return Object.fromEntries(Object.entries(PREDICTORS).map(([name, predictor]) => [name, predictor(input)]));
}

const lexicon = loadLexicon();

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
    const predictors = predictorsOf(ctx.lexical, analyzeQuery(result.question, lexicon));
    out.push({ answerable: answerable(item), signals: result.signals, predictors, rank: firstHitRank(result, item.expect_any) });
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
      const p = logistic(x, beta);
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

const { values } = parseArgs({ options: { floors: { type: 'string' }, sets: { type: 'string' }, score: { type: 'string' }, fit: { type: 'boolean' }, features: { type: 'string' } } });
const features = values.features?.split(',') ?? [...FEATURES];
for (const f of features) if (!FEATURES.includes(f as (typeof FEATURES)[number]) && PREDICTORS[f] === undefined) throw new Error(`unknown feature ${f}`);
const writes = features.join() === FEATURES.join();
/** A question's inputs to a fitted model: the model's features by name, then predictors. */
const featuresOf = (o: Outcome): number[] => {
  const own = abstentionFeatures(o.signals);
  return features.map((f) => (PREDICTORS[f] === undefined ? (own[FEATURES.indexOf(f as (typeof FEATURES)[number])] as number) : (o.predictors[f] as number)));
};
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
        xs.push(featuresOf(o));
        ys.push(label ? 1 : 0);
        weights.push(1 / group.length);
      }
    }
  }
  model = { features, coefficients: fitLogistic(xs, ys, weights).map((b) => Math.round(b * 1e4) / 1e4), floor: 0, fitted: '' };
}
const confidenceOf = (o: Outcome): number => {
  if (writes) return answerConfidence(o.signals, model);
  return logistic(featuresOf(o), model.coefficients);
};
/** The score a table reads of each answer. */
function scorer(score: string): (o: Outcome) => number {
  if (score === 'relevance') return (o) => o.signals.relevance;
  if (score === 'evidence') return (o) => (o.signals.fewConcepts ? Infinity : o.signals.evidence);
  if (PREDICTORS[score] !== undefined) return (o) => o.predictors[score] as number;
  if (score !== 'confidence') throw new Error(`unknown score ${score}`);
  return (o) => Math.round(confidenceOf(o) * 1000) / 1000;
}
let scoreOf = scorer('confidence');
const abstainedAt = (outcomes: readonly Outcome[], floor: number): number | null => {
  const other = outcomes.filter((o) => !o.answerable);
  return other.length === 0 ? null : other.filter((o) => scoreOf(o) < floor).length / other.length;
};
// Candidate floors: each score an unanswerable question of a choosing run got, nudged past it.
const candidates = (): number[] => [...new Set(choosing.flat().filter((o) => !o.answerable).map((o) => Math.round(scoreOf(o) * 1000 + 1) / 1000))].sort((a, b) => a - b);
const chooseFloor = (): number | undefined => candidates().find((floor) => choosing.every((outcomes) => (abstainedAt(outcomes, floor) ?? 1) >= CHOSEN_ABSTAINED));
if (values.fit === true && writes) {
  const floor = chooseFloor() ?? 1;
  model = { ...model, floor, fitted: `npx tsx scripts/abstention-tradeoff.ts --fit, on the runs it marks * (${all.filter((r) => r.choosing).map((r) => r.name).join(', ')}); floor: the lowest at which each of them abstains on ${CHOSEN_ABSTAINED}` };
  writeFileSync(ABSTENTION_MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${path.relative(ROOT, ABSTENTION_MODEL_FILE)}: coefficients ${model.coefficients.join(', ')} (intercept, ${FEATURES.join(', ')}), floor ${floor}`);
}

if (values.fit === true && !writes) console.log(`fitted on ${features.join(', ')} (not written): coefficients ${model.coefficients.join(', ')}`);

const f3 = (x: number | null): string => (x === null ? '  -  ' : x.toFixed(3));
const floors = (values.floors ?? `0,0.3,0.4,0.5,${model.floor},0.6,0.7`).split(',').map(Number);
const hitAt = (outcomes: readonly Outcome[], floor: number): number | null => {
  const answerable = outcomes.filter((o) => o.answerable);
  return answerable.length === 0 ? null : answerable.filter((o) => scoreOf(o) >= floor && found(o)).length / answerable.length;
};
/** hit@5 at the lowest floor where the run itself abstains on CHOSEN_ABSTAINED of its unanswerable questions. */
const hitWhereAbstaining = (outcomes: readonly Outcome[]): number | null => {
  const floorsOf = [...new Set(outcomes.filter((o) => !o.answerable).map((o) => scoreOf(o)))].sort((a, b) => a - b);
  const floor = floorsOf.map((f) => (Number.isFinite(f) ? f + 1e-9 : f)).find((f) => (abstainedAt(outcomes, f) ?? 0) >= CHOSEN_ABSTAINED);
  return floor === undefined ? null : hitAt(outcomes, floor);
};
for (const score of (values.score ?? 'confidence').split(',')) {
  scoreOf = scorer(score);
  const chosen = chooseFloor();
  console.log(`score: ${score} (model floor ${model.floor}); per floor: hit@5 of the answerable / share abstained of the unanswerable; * = chosen on`);
  console.log(['set'.padEnd(22), ...floors.map((f) => `${f}`.padStart(13)), `rule ${chosen ?? '-'}`.padStart(13), `at ${CHOSEN_ABSTAINED} abst.`.padStart(13)].join(' '));
  for (const run of all) {
    const cells = [...floors, chosen ?? Infinity].map((floor) => `${f3(hitAt(run.outcomes, floor))}/${f3(abstainedAt(run.outcomes, floor))}`.padStart(13));
    console.log([`${run.name}${run.choosing ? ' *' : ''}`.padEnd(22), ...cells, f3(hitWhereAbstaining(run.outcomes)).padStart(13)].join(' '));
  }
  console.log(`lowest floor at which every run marked * abstains on >= ${CHOSEN_ABSTAINED}: ${chosen ?? 'none'}`);
}
