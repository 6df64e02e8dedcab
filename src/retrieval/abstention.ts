/**
 * Whether the corpus answers a question: a confidence in [0, 1] from what the ranking already
 * has, read by a small logistic model fitted on labelled questions (`data/abstention-model.json`,
 * written by `npx tsx scripts/abstention-tradeoff.ts --fit`, which says on which runs). Below the
 * model's floor the answer abstains.
 *
 * Two signals: the coverage of the best passage (how much of the question it holds, led by the
 * most informative concepts), and how surely the concepts it holds go together in this corpus
 * beyond chance (chanceEvidence, in nats). Coverage alone cannot tell a passage that holds the
 * question's words because it speaks of its subject from one that holds common words each on their
 * own; the chance evidence says that, and is stronger the rarer the held concepts are together.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** What the abstention reads of an answer. */
export interface AbstentionSignals {
  /** Coverage of the best passage whose concepts go together beyond chance (or the vector relevance), in [0, 1]. */
  relevance: number;
  /**
   * ln(A / E) of that passage (chanceEvidence): the information its concepts carry together beyond
   * chance, in nats; 0 when there is no such passage or when `fewConcepts`.
   */
  evidence: number;
  /** The corpus holds fewer than two of the question's concepts: nothing to hold together, coverage alone speaks. */
  fewConcepts: boolean;
  /** Passages in the index (N): the evidence is read in units of ln N. */
  passages: number;
}

/** The model's inputs, in the order of its coefficients (after the intercept). */
export const FEATURES = ['relevance', 'log1p(evidence / ln N)', 'fewConcepts'] as const;

/**
 * The model's inputs. The evidence is read in units of ln N, the information of one passage in the
 * corpus: −ln E = Σ ln(N/df) − ln N grows with the corpus for words of the same rarity, so in nats
 * a large corpus would look surer of anything (over 100k synthetic passages, random six-word
 * questions: 24% abstained read in nats, 81% in units of ln N; README). It is a sum of one
 * information a concept held, so it grows with a question's length too: its logarithm keeps one long
 * question of rare words from counting as many times surer as a short one.
 */
export function abstentionFeatures(signals: AbstentionSignals): number[] {
  return [signals.relevance, Math.log1p(Math.max(0, signals.evidence) / Math.log(Math.max(2, signals.passages))), signals.fewConcepts ? 1 : 0];
}

const modelSchema = z.object({
  features: z.array(z.string()),
  /** Intercept, then one coefficient a feature. */
  coefficients: z.array(z.number()),
  /** Confidence below which the answer abstains. */
  floor: z.number().min(0).max(1),
  /** How the model was made: the command, and what it was fitted on. */
  fitted: z.string(),
});

export type AbstentionModel = z.infer<typeof modelSchema>;

export const ABSTENTION_MODEL_FILE = fileURLToPath(new URL('./data/abstention-model.json', import.meta.url));

let loaded: AbstentionModel | null = null;

/** The model shipped with the code (read once). */
export function abstentionModel(): AbstentionModel {
  if (loaded === null) {
    const model = modelSchema.parse(JSON.parse(readFileSync(ABSTENTION_MODEL_FILE, 'utf8')));
    if (model.features.join() !== FEATURES.join() || model.coefficients.length !== FEATURES.length + 1) {
      throw new Error(`${ABSTENTION_MODEL_FILE} is for features ${model.features.join(', ')}, not ${FEATURES.join(', ')}: fit it again`);
    }
    loaded = model;
  }
  return loaded;
}

/** A logistic model's output for inputs `x`: `coefficients` are the intercept, then one an input. */
export function logistic(x: readonly number[], coefficients: readonly number[]): number {
  const z = x.reduce((sum, value, i) => sum + value * (coefficients[i + 1] ?? 0), coefficients[0] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** The model's confidence that the corpus answers the question, in [0, 1]. */
export function answerConfidence(signals: AbstentionSignals, model: AbstentionModel = abstentionModel()): number {
  return logistic(abstentionFeatures(signals), model.coefficients);
}
