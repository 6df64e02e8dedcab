/**
 * Concept-level BM25: a passage scores the best alternative of each concept, and the
 * share of the question it covers (idf-weighted, counting concepts the corpus lacks as
 * rare; a concept counts by the idf-weighted share of its best-matched alternative's terms
 * the passage has) scales the score and gives an absolute relevance in [0, 1].
 */
import type { LexicalIndex, SparseScores } from './lexical.js';
import { fieldWeight, type AnalyzedQuery, type Concept } from './query.js';

export interface LexicalHit {
  id: string;
  /** Summed concept scores × coverage: for ranking. */
  score: number;
  /** idf-weighted share of the question's concepts (and of each concept's terms) the passage matches, in [0, 1]. */
  coverage: number;
}

/** How much of the ranking score depends on coverage (the rest is plain BM25). */
const COVERAGE_EXPONENT = 2;
/**
 * Coverage weighs each concept by its weighted idf raised to this power: squared, the share a passage covers
 * is led by the question's most informative concepts, so missing the one rare word a question is
 * about (`prisoners` in a corpus about Russia and Ukraine, a name the corpus never mentions) costs
 * more than matching three common ones gains. Measured with `scripts/abstention-tradeoff.ts`
 * (README): 1 leaves the demo's off-topic questions answered at any floor that keeps XQuAD's
 * answers; 3 turns away answers on the news sets.
 */
const CONCEPT_IDF_EXPONENT = 2;
/** A passage holds a wording whole when it has all of its terms (the share is 1 but for rounding). */
const WHOLE_SHARE = 1 - 1e-9;
/** `the` is in nearly every English passage; a corpus where fewer than this share have it is not English. */
const ENGLISH_CORPUS_MIN_THE_SHARE = 0.3;

/** A concept's idf: that of its rarest term the corpus has, over all wordings (0 when the corpus has none). */
function conceptIdf(index: LexicalIndex, alternatives: string[][]): number {
  let best = 0;
  for (const alt of alternatives) {
    for (const term of alt) if (index.documentFrequency(term) > 0) best = Math.max(best, index.idf(term) * Math.min(1, fieldWeight(term)));
  }
  return best;
}

/** Bounded selection of the k best hits (score descending, then id ascending). */
function better(a: LexicalHit, b: LexicalHit): boolean {
  return a.score > b.score || (a.score === b.score && a.id < b.id);
}

/** The k best hits offered (`better` first), kept in a min-heap whose root is the worst of them. */
class TopHits {
  private readonly heap: LexicalHit[] = [];

  constructor(private readonly k: number) {}

  /** Whether a hit of this score and id would be kept: a hit is made only then. */
  wants(score: number, id: string): boolean {
    if (this.heap.length < this.k) return true;
    const worst = this.heap[0];
    return worst !== undefined && (score > worst.score || (score === worst.score && id < worst.id));
  }

  /** Adds a hit that `wants` accepted. */
  offer(hit: LexicalHit): void {
    const heap = this.heap;
    const swap = (i: number, j: number): void => {
      const t = heap[i] as LexicalHit;
      heap[i] = heap[j] as LexicalHit;
      heap[j] = t;
    };
    if (heap.length < this.k) {
      heap.push(hit);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent] as LexicalHit, heap[i] as LexicalHit)) break;
        swap(i, parent);
        i = parent;
      }
      return;
    }
    heap[0] = hit;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst] as LexicalHit, heap[l] as LexicalHit)) worst = l;
      if (r < heap.length && better(heap[worst] as LexicalHit, heap[r] as LexicalHit)) worst = r;
      if (worst === i) break;
      swap(i, worst);
      i = worst;
    }
  }

  /** The hits kept, best first. */
  best(): LexicalHit[] {
    return [...this.heap].sort((a, b) => (better(a, b) ? -1 : 1));
  }
}

/**
 * Whether the corpus is written in English: the commonest English word is in most English
 * passages of any length and in hardly any Vietnamese one.
 */
function englishCorpus(index: LexicalIndex): boolean {
  return index.documentFrequency('w:the') >= index.size * ENGLISH_CORPUS_MIN_THE_SHARE;
}

/**
 * Each concept's weight in coverage: its idf (the largest, for a concept the corpus lacks),
 * times its own weight, raised to `exponent`. An untranslated English word the corpus
 * lacks, over a corpus not in English, weighs as much as the question's other concepts on
 * average: how rare its translation would be is unknown.
 */
function conceptWeights(index: LexicalIndex, concepts: readonly Concept[], exponent: number): number[] {
  const missingIdf = index.idfOf(0);
  const idfs = concepts.map((c) => conceptIdf(index, c.alternatives));
  const unknown = concepts.map((c, i) => c.untranslated === true && idfs[i] === 0);
  const foreign = unknown.some(Boolean) && !englishCorpus(index);
  const known = idfs.filter((_idf, i) => !(foreign && unknown[i])).map((idf) => (idf > 0 ? idf : missingIdf));
  const typical = known.length === 0 ? missingIdf : known.reduce((a, b) => a + b, 0) / known.length;
  return concepts.map((c, i) => {
    const idf = foreign && unknown[i] ? typical : (idfs[i] ?? 0) > 0 ? (idfs[i] ?? 0) : missingIdf;
    return (c.weight * idf) ** exponent;
  });
}

export function searchLexical(index: LexicalIndex, query: AnalyzedQuery, k: number): LexicalHit[] {
  if (index.size === 0 || query.concepts.length === 0) return [];
  const [alternative, best, raw, covered, matched, share, rankCovered] = index.scoreBuffers(7) as [SparseScores, SparseScores, SparseScores, SparseScores, SparseScores, SparseScores, SparseScores];
  // Ranking reads coverage with plain idf weights; relevance (what the floor is checked on) with
  // CONCEPT_IDF_EXPONENT, led by the question's most informative concepts.
  const rankWeights = conceptWeights(index, query.concepts, 1);
  const weights = conceptWeights(index, query.concepts, CONCEPT_IDF_EXPONENT);
  let totalWeight = 0;
  let rankTotal = 0;
  for (const [c, concept] of query.concepts.entries()) {
    const weight = weights[c] ?? 0;
    const rankWeight = rankWeights[c] ?? 0;
    totalWeight += weight;
    rankTotal += rankWeight;
    best.clear();
    share.clear();
    for (const terms of concept.alternatives) {
      if (terms.length === 1) {
        // One term: its score and its share (all of the alternative: m / m) go straight to the
        // concept's best, the same figures as through the sums below, without their two passes.
        const term = terms[0] as string;
        const m = index.documentFrequency(term) === 0 ? 0 : index.idf(term) * fieldWeight(term);
        index.accumulate(term, fieldWeight(term), best, share, m / (0 + m), 'max');
        continue;
      }
      alternative.clear();
      matched.clear();
      // How much of the alternative a passage has, idf-weighted over the terms the corpus has:
      // `chuẩn bị` shares a syllable with `bị phong tỏa` but covers little of `frozen assets`.
      let mass = 0;
      for (const term of terms) {
        const m = index.documentFrequency(term) === 0 ? 0 : index.idf(term) * fieldWeight(term);
        index.accumulate(term, fieldWeight(term), alternative, matched, m);
        mass += m;
      }
      for (let i = 0; i < alternative.count; i++) {
        const doc = alternative.touched[i] ?? 0;
        best.max(doc, alternative.get(doc));
      }
      for (let i = 0; i < matched.count; i++) {
        const doc = matched.touched[i] ?? 0;
        // Only terms the corpus has touch a passage here, so `mass` is positive.
        share.max(doc, matched.get(doc) / mass);
      }
    }
    for (let i = 0; i < best.count; i++) {
      const doc = best.touched[i] ?? 0;
      const held = Math.min(1, share.get(doc));
      if (concept.whole === true && held < WHOLE_SHARE) continue;
      raw.add(doc, best.get(doc) * concept.weight);
      covered.add(doc, weight * held);
      rankCovered.add(doc, rankWeight * held);
    }
  }
  // Only a hit that makes the k best is made: most of the touched passages do not.
  const top = new TopHits(k);
  for (let i = 0; i < raw.count; i++) {
    const doc = raw.touched[i] ?? 0;
    const rankCoverage = Math.min(1, rankCovered.get(doc) / rankTotal);
    const score = raw.get(doc) * rankCoverage ** COVERAGE_EXPONENT;
    const id = index.ids[doc] ?? '';
    if (top.wants(score, id)) top.offer({ id, score, coverage: Math.min(1, covered.get(doc) / totalWeight) });
  }
  return top.best();
}
