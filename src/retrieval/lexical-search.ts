/**
 * Concept-level BM25: a passage scores the best alternative of each concept, and the
 * share of the question it covers (idf-weighted, counting concepts the corpus lacks as
 * rare; a concept counts by the idf-weighted share of its best-matched alternative's terms
 * the passage has, times how surely that alternative says the concept) scales the score and
 * gives an absolute relevance in [0, 1].
 */
import { PassageBounds, type LexicalIndex, type TermPostings } from './lexical.js';
import { fieldWeight, type AnalyzedQuery, type Concept } from './query.js';

export interface LexicalHit {
  id: string;
  /** Summed concept scores × coverage: for ranking. */
  score: number;
  /** idf-weighted share of the question's concepts (and of each concept's terms) the passage matches, in [0, 1]. */
  coverage: number;
  /** The passage's number in the index (what `chanceEvidence` reads). */
  doc: number;
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
export function conceptIdf(index: LexicalIndex, alternatives: string[][]): number {
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

  /** Whether k hits are kept. */
  full(): boolean {
    return this.heap.length >= this.k;
  }

  /** The worst score kept (a hit must reach it to be kept once k are). */
  threshold(): number {
    return this.heap[0]?.score ?? Number.NEGATIVE_INFINITY;
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
export function conceptWeights(index: LexicalIndex, concepts: readonly Concept[], exponent: number): number[] {
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

/** One wording of a concept, as `chanceEvidence` reads it: its terms' postings and the information of holding them. */
interface ChanceWording {
  postings: TermPostings[];
  information: number;
}

/**
 * How much more often the question's concepts a passage holds go together in the corpus than
 * chance would put them together, in nats: ln(A / E), where A is the number of passages holding
 * all of them (their best wordings held whole; counted only as far as tells whether A exceeds E)
 * and E the number expected if words fell at random, N × Π df/N. A passage holding only
 * words that many passages hold, each on its own, holds them by chance (`Nguồn gốc của sai lầm là
 * gì?` over articles that never speak of that mistake); the names and words a corpus is about are
 * held together far more often (`Putin and Witkoff` in a briefing on their talks). A passage
 * holding one concept scores 0 (A = E), none -Infinity; a question of which the corpus has one
 * concept or none has nothing to hold together: Infinity, its coverage alone decides (`What
 * happened on December 2?` over text without `xảy ra`).
 */
export function chanceEvidence(index: LexicalIndex, query: AnalyzedQuery): (doc: number) => number {
  const n = index.size;
  // Each concept's wordings the corpus has (concepts it has in none cannot be held together with anything).
  const wordingsOf = (): ChanceWording[][] =>
    query.concepts
      .map((concept) =>
        concept.alternatives.flatMap((terms) => {
          const postings = terms.map((t) => index.termPostings(t, 1));
          if (postings.some((p) => p === null)) return [];
          const found = postings as TermPostings[];
          return [{ postings: found, information: Math.log(n / Math.min(...found.map((p) => p.to - p.from))) }];
        }),
      )
      .filter((wordings) => wordings.length > 0);
  // A passage holds a term when the term adds to its score (a binary search of the postings).
  const holds = (p: TermPostings, doc: number): boolean => index.scoreIn(p, doc) > 0;
  let concepts: ChanceWording[][] | null = null;
  return (doc) => {
    concepts ??= wordingsOf();
    if (concepts.length < 2) return Infinity;
    // ln E = ln N - Σ ln(N/df) over the concepts held, each by its rarest wording held whole.
    let expected = Math.log(n);
    let conceptsHeld = 0;
    const held: TermPostings[] = [];
    for (const wordings of concepts) {
      let best: ChanceWording | null = null;
      for (const w of wordings) if (w.information > (best?.information ?? 0) && w.postings.every((p) => holds(p, doc))) best = w;
      if (best === null) continue;
      expected -= best.information;
      held.push(...best.postings);
      conceptsHeld++;
    }
    if (conceptsHeld < 2) return conceptsHeld === 0 ? -Infinity : 0;
    held.sort((a, b) => a.to - a.from - (b.to - b.from));
    const [shortest, ...others] = held as [TermPostings, ...TermPostings[]];
    // Counted only as far as tells whether A exceeds E: up to the first passage beyond E, or until
    // the passages left could not take it there.
    const enough = Math.floor(Math.exp(expected)) + 1;
    const docs = index.docsOf(shortest);
    let together = 0;
    for (let i = 0; i < docs.length && together < enough && together + docs.length - i >= enough; i++) {
      if (others.every((p) => holds(p, docs[i] as number))) together++;
    }
    return Math.log(together) - expected;
  };
}

/** A wording of a concept as the search reads it: its terms the corpus has, and what it can add at most. */
interface Wording {
  terms: TermPostings[];
  /** Per term, idf × field weight: how much of the wording the term is (its share). */
  masses: number[];
  /** Their sum. */
  mass: number;
  /**
   * How surely the wording says the concept: the information of its rarest term over that of the
   * concept's rarest wording, at most 1; a passage holding all of the wording covers this share of
   * the concept (`exchange` held only as `đổi`, in 7 passages, less than as `trao đổi`).
   */
  credit: number;
}

interface SearchConcept {
  concept: Concept;
  wordings: Wording[];
  /** Weight in relevance coverage and in rank coverage. */
  weight: number;
  rankWeight: number;
}

/** Relative slack on an upper bound: sums taken in another order may round the last bits differently. */
const BOUND_SLACK = 1 + 1e-9;
/**
 * Bands of bounds scored one after the other, each half the one above, the last taking every
 * bound below 2^-23 of the highest: a pass over the bounds per band, and no question's k-th best
 * score is that far below its best in practice (float32's precision).
 */
const BANDS = 24;

/**
 * Concepts told apart in a passage's bounds (PassageBounds), one bit each of a small integer
 * (V8's are 31 bits): a question with more concepts looks its later ones up in every passage it scores.
 */
const CONCEPT_BITS = 30;

/** Bounds and candidates of one index, reused from one search to the next (a search is synchronous). */
interface Scratch {
  passages: PassageBounds;
  bounds: Float64Array;
  candidates: Int32Array;
}

const scratches = new WeakMap<LexicalIndex, Scratch>();

function scratchOf(index: LexicalIndex): Scratch {
  let scratch = scratches.get(index);
  if (scratch === undefined) {
    const n = index.size;
    scratch = { passages: new PassageBounds(n), bounds: new Float64Array(n), candidates: new Int32Array(n) };
    scratches.set(index, scratch);
  }
  scratch.passages.clear();
  return scratch;
}

/** A passage's score and coverage over the question's concepts, as defined at the top of this file; null when no concept counts in it. */
function scorePassage(index: LexicalIndex, concepts: readonly SearchConcept[], doc: number, touchedBy: number, rankTotal: number, totalWeight: number): { score: number; coverage: number } | null {
  let raw = 0;
  let covered = 0;
  let rankCovered = 0;
  let counted = false;
  for (const [c, { concept, wordings, weight, rankWeight }] of concepts.entries()) {
    // A concept with a bit of its own that did not touch the passage has none of its terms there.
    if (c < CONCEPT_BITS && ((touchedBy >> c) & 1) === 0) continue;
    let best = 0;
    let share = 0;
    let found = false;
    for (const wording of wordings) {
      if (wording.terms.length === 1) {
        const score = index.scoreIn(wording.terms[0] as TermPostings, doc);
        if (score === 0) continue;
        best = found ? Math.max(best, score) : score;
        share = found ? Math.max(share, wording.credit) : wording.credit;
        found = true;
        continue;
      }
      let sum = 0;
      let matched = 0;
      let any = false;
      wording.terms.forEach((term, t) => {
        const score = index.scoreIn(term, doc);
        if (score === 0) return;
        sum += score;
        matched += wording.masses[t] as number;
        any = true;
      });
      if (!any) continue;
      best = found ? Math.max(best, sum) : sum;
      share = found ? Math.max(share, (wording.credit * matched) / wording.mass) : (wording.credit * matched) / wording.mass;
      found = true;
    }
    if (!found) continue;
    const held = Math.min(1, share);
    if (concept.whole === true && held < WHOLE_SHARE) continue;
    raw += best * concept.weight;
    covered += weight * held;
    rankCovered += rankWeight * held;
    counted = true;
  }
  if (!counted) return null;
  const rankCoverage = Math.min(1, rankCovered / rankTotal);
  return { score: raw * rankCoverage ** COVERAGE_EXPONENT, coverage: Math.min(1, covered / totalWeight) };
}

/**
 * The k best passages (score descending, then id ascending). Exact, but without scoring every
 * passage a term touches: a question of common words touches most of a large corpus (six words of
 * the bench's 100k-passage corpus: 120k–250k postings, 60–90k passages), while only passages
 * matching several concepts can make the k best (the bench's: about 300 are scored). First, one
 * pass over the postings gives each touched passage an upper bound of its score (what each
 * concept it has adds at most, from each term's largest contribution to any passage, and the rank
 * coverage they could give), and notes which concepts touched it; then passages are scored from
 * the highest bounds down, each by looking its concepts' terms up in their postings, until no
 * bound left reaches the k-th best score. Dynamic pruning in the way of MaxScore (Turtle and
 * Flood), for a score that is not a sum over terms: summed concept scores times coverage squared,
 * both growing with every concept a passage matches.
 */
export function searchLexical(index: LexicalIndex, query: AnalyzedQuery, k: number): LexicalHit[] {
  if (index.size === 0 || query.concepts.length === 0) return [];
  // Ranking reads coverage with plain idf weights; relevance (what the floor is checked on) with
  // CONCEPT_IDF_EXPONENT, led by the question's most informative concepts.
  const rankWeights = conceptWeights(index, query.concepts, 1);
  const weights = conceptWeights(index, query.concepts, CONCEPT_IDF_EXPONENT);
  let totalWeight = 0;
  let rankTotal = 0;
  const concepts: SearchConcept[] = query.concepts.map((concept, c) => {
    const weight = weights[c] ?? 0;
    const rankWeight = rankWeights[c] ?? 0;
    totalWeight += weight;
    rankTotal += rankWeight;
    const wordings: Wording[] = [];
    // Per wording, the information of its rarest term (idf, at most the full weight of its field).
    const infos: number[] = [];
    for (const alternative of concept.alternatives) {
      const terms: TermPostings[] = [];
      const masses: number[] = [];
      let info = 0;
      for (const term of alternative) {
        const postings = index.termPostings(term, fieldWeight(term));
        if (postings === null) continue;
        const idf = index.idfOf(postings.to - postings.from);
        terms.push(postings);
        masses.push(idf * fieldWeight(term));
        info = Math.max(info, idf * Math.min(1, fieldWeight(term)));
      }
      if (terms.length === 0) continue;
      // Of several terms, a passage has the share of the wording its terms are, idf-weighted over
      // the terms the corpus has (`chuẩn bị` shares a syllable with `bị phong tỏa` but covers little
      // of `frozen assets`); one term is all of it (m / m). Either way times the wording's credit.
      wordings.push({ terms, masses, mass: masses.reduce((a, b) => a + b, 0), credit: 1 });
      infos.push(info);
    }
    // A topic's phrase is held whole or not at all: every wording of it is all of it.
    const conceptInfo = Math.max(0, ...infos);
    if (concept.whole !== true) wordings.forEach((w, i) => (w.credit = Math.min(1, (infos[i] as number) / conceptInfo)));
    return { concept, wordings, weight, rankWeight };
  });

  // Upper bounds, concept by concept. Each term of a wording bounds what the wording adds to a
  // passage whose first term (taking them from the one that adds most) it is: itself and the
  // terms after it. Taking every wording's terms in the order of those bounds, the first that
  // touches a passage gives the most the concept adds there; its coverage is at most the largest
  // of its own and those after it.
  const scratch = scratchOf(index);
  const { passages, bounds, candidates } = scratch;
  for (const [c, { concept, wordings, rankWeight }] of concepts.entries()) {
    passages.nextConcept();
    const bit = c < CONCEPT_BITS ? 2 ** c : 0;
    const reaches: Array<{ term: TermPostings; adds: number; covers: number }> = [];
    for (const wording of wordings) {
      if (wording.terms.length === 1) {
        reaches.push({ term: wording.terms[0] as TermPostings, adds: index.maxScore(wording.terms[0] as TermPostings) * concept.weight, covers: rankWeight * Math.min(1, wording.credit) });
        continue;
      }
      const terms = wording.terms.map((term, t) => ({ term, most: index.maxScore(term), mass: wording.masses[t] as number })).sort((a, b) => b.most - a.most);
      let adds = 0;
      let mass = 0;
      for (let t = terms.length - 1; t >= 0; t--) {
        const { term, most: termMost, mass: termMass } = terms[t] as { term: TermPostings; most: number; mass: number };
        adds += termMost;
        mass += termMass;
        reaches.push({ term, adds: adds * concept.weight, covers: rankWeight * Math.min(1, (wording.credit * mass) / wording.mass) });
      }
    }
    reaches.sort((a, b) => b.adds - a.adds);
    let covers = 0;
    for (let r = reaches.length - 1; r >= 0; r--) {
      const reach = reaches[r] as { covers: number };
      covers = Math.max(covers, reach.covers);
      reach.covers = covers;
    }
    for (const { term, adds, covers: coveredAtMost } of reaches) {
      const docs = index.docsOf(term);
      for (let p = 0; p < docs.length; p++) passages.add(docs[p] as number, adds, coveredAtMost, bit);
    }
  }
  let touched = 0;
  let highest = 0;
  for (let doc = 0; doc < index.size; doc++) {
    if (!passages.has(doc)) continue;
    const bound = passages.most(doc) * Math.min(1, passages.covered(doc) / rankTotal) ** COVERAGE_EXPONENT * BOUND_SLACK;
    bounds[touched] = bound;
    candidates[touched++] = doc;
    if (bound > highest) highest = bound;
  }
  // Passages are scored band by band of their bounds, from the highest band down (each band
  // half the one above), until a band's bounds cannot reach the k-th best score. A band is a pass
  // over the bounds, read in order (no sorting); a passage in it is scored only when its bound
  // reaches the k-th best score as it stands.
  const top = new TopHits(k);
  let upper = Number.POSITIVE_INFINITY;
  for (let band = 0; band < BANDS && !(top.full() && upper < top.threshold()); band++) {
    const lower = band === BANDS - 1 ? Number.NEGATIVE_INFINITY : highest / 2 ** (band + 1);
    for (let i = 0; i < touched; i++) {
      const bound = bounds[i] as number;
      if (bound < lower || bound >= upper || (top.full() && bound < top.threshold())) continue;
      const doc = candidates[i] as number;
      const id = index.ids[doc] ?? '';
      const scored = scorePassage(index, concepts, doc, passages.concepts(doc), rankTotal, totalWeight);
      if (scored !== null && top.wants(scored.score, id)) top.offer({ id, doc, ...scored });
    }
    upper = lower;
  }
  return top.best();
}
