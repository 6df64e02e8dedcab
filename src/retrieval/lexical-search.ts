/**
 * Concept-level BM25: a passage scores the best alternative of each concept, and the
 * share of the question it covers (idf-weighted, counting concepts the corpus lacks as
 * rare; a concept counts by the idf-weighted share of its best-matched alternative's terms
 * the passage has) scales the score and gives an absolute relevance in [0, 1].
 */
import type { LexicalIndex, SparseScores } from './lexical.js';
import { fieldWeight, type AnalyzedQuery } from './query.js';

export interface LexicalHit {
  id: string;
  /** Summed concept scores × coverage: for ranking. */
  score: number;
  /** idf-weighted share of the question's concepts (and of each concept's terms) the passage matches, in [0, 1]. */
  coverage: number;
}

/** How much of the ranking score depends on coverage (the rest is plain BM25). */
const COVERAGE_EXPONENT = 2;

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

function topK(hits: Iterable<LexicalHit>, k: number): LexicalHit[] {
  // A min-heap on `better`: the root is the worst of the k kept.
  const heap: LexicalHit[] = [];
  const swap = (i: number, j: number): void => {
    const t = heap[i] as LexicalHit;
    heap[i] = heap[j] as LexicalHit;
    heap[j] = t;
  };
  for (const hit of hits) {
    if (heap.length < k) {
      heap.push(hit);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent] as LexicalHit, heap[i] as LexicalHit)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (k > 0 && better(hit, heap[0] as LexicalHit)) {
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
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1));
}

export function searchLexical(index: LexicalIndex, query: AnalyzedQuery, k: number): LexicalHit[] {
  if (index.size === 0 || query.concepts.length === 0) return [];
  const missingIdf = Math.log(1 + (index.size + 0.5) / 0.5);
  const [alternative, best, raw, covered, matched, share] = index.scoreBuffers(6) as [SparseScores, SparseScores, SparseScores, SparseScores, SparseScores, SparseScores];
  let totalWeight = 0;
  for (const concept of query.concepts) {
    const idf = conceptIdf(index, concept.alternatives);
    const weight = concept.weight * (idf > 0 ? idf : missingIdf);
    totalWeight += weight;
    best.clear();
    share.clear();
    for (const terms of concept.alternatives) {
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
        best.max(doc, alternative.values[doc] ?? 0);
      }
      for (let i = 0; i < matched.count; i++) {
        const doc = matched.touched[i] ?? 0;
        // Only terms the corpus has touch a passage here, so `mass` is positive.
        share.max(doc, (matched.values[doc] ?? 0) / mass);
      }
    }
    for (let i = 0; i < best.count; i++) {
      const doc = best.touched[i] ?? 0;
      raw.add(doc, (best.values[doc] ?? 0) * concept.weight);
      covered.add(doc, weight * Math.min(1, share.values[doc] ?? 0));
    }
  }
  function* hits(): Generator<LexicalHit> {
    for (let i = 0; i < raw.count; i++) {
      const doc = raw.touched[i] ?? 0;
      const coverage = Math.min(1, (covered.values[doc] ?? 0) / totalWeight);
      yield { id: index.ids[doc] ?? '', score: (raw.values[doc] ?? 0) * coverage ** COVERAGE_EXPONENT, coverage };
    }
  }
  return topK(hits(), k);
}
