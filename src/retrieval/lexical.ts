/**
 * BM25 over index terms (see index-terms.ts), postings-based: a query touches only the
 * postings of its own terms, and scores go into dense typed arrays (no per-posting
 * allocation), so a query costs about the length of its postings at any corpus size.
 * Serialises to one compact buffer that loads as views, with terms kept sorted for a
 * binary-search lookup instead of a hash map of millions of entries.
 */
import { envelopeHead, openEnvelope } from './binary-envelope.js';
import { indexTerms } from './index-terms.js';
import { SortedTerms } from './sorted-terms.js';

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** Format 3 stores where each term starts; format 2 (without) is still read, its starts found by a scan. */
const FORMAT_MAGIC = 'BBLX3';
const FORMAT_MAGIC_WITHOUT_STARTS = 'BBLX2';
const ALIGN = 4;

/**
 * Per document, two upper bounds (what a query's concepts add to its score at most, and to its
 * coverage) summed over the concepts that touch it, each concept counted once however many of its
 * terms the document has, and which concepts those are. Dense arrays, a document's three figures
 * side by side: a pass over a term's postings reads and writes two places per document. Clearing
 * costs nothing: a stamp per document tells the current query and concept from earlier ones.
 */
export class PassageBounds {
  private readonly values: Float64Array;
  private readonly stamps: Uint32Array;
  /** Stamps below `base` are earlier queries'; `concept` is the current concept's. */
  private base = 1;
  private concept = 0;

  constructor(readonly size: number) {
    this.values = new Float64Array(3 * size);
    this.stamps = new Uint32Array(size);
  }

  /** Starts a query: no document touched. */
  clear(): void {
    this.base = this.concept + 1;
    this.concept = this.base - 1;
  }

  /** Starts the next concept of the query. */
  nextConcept(): void {
    if (this.concept === 0xffffffff) {
      // Stamps would wrap around: those of this query become 1, the others 0.
      for (let d = 0; d < this.size; d++) this.stamps[d] = (this.stamps[d] as number) >= this.base ? 1 : 0;
      this.base = 1;
      this.concept = 1;
    }
    this.concept++;
  }

  /**
   * Adds the current concept's bounds to `doc`, and `bit` to its concepts (a power of two per
   * concept: the sum of distinct powers is their union), unless the concept added them already.
   */
  add(doc: number, most: number, covered: number, bit: number): void {
    const stamp = this.stamps[doc] as number;
    if (stamp === this.concept) return;
    this.stamps[doc] = this.concept;
    const at = 3 * doc;
    if (stamp < this.base) {
      this.values[at] = most;
      this.values[at + 1] = covered;
      this.values[at + 2] = bit;
    } else {
      this.values[at] = (this.values[at] as number) + most;
      this.values[at + 1] = (this.values[at + 1] as number) + covered;
      this.values[at + 2] = (this.values[at + 2] as number) + bit;
    }
  }

  /** Whether a concept of this query touched `doc`. */
  has(doc: number): boolean {
    return (this.stamps[doc] as number) >= this.base;
  }

  /** The score bound of a document `has` holds for. */
  most(doc: number): number {
    return this.values[3 * doc] as number;
  }

  /** The coverage bound of a document `has` holds for. */
  covered(doc: number): number {
    return this.values[3 * doc + 1] as number;
  }

  /** The sum of the bits of the concepts that touched a document `has` holds for. */
  concepts(doc: number): number {
    return this.values[3 * doc + 2] as number;
  }
}

export class LexicalIndex {
  /** BM25 length normalisation of each document, precomputed. */
  private readonly norms: Float64Array;

  private constructor(
    readonly ids: readonly string[],
    private readonly docLengths: Uint32Array,
    private readonly terms: SortedTerms,
    /** Postings of terms[i] are docs/tfs[offsets[i] .. offsets[i+1]). */
    private readonly offsets: Int32Array,
    private readonly docs: Int32Array,
    private readonly tfs: Uint16Array,
  ) {
    let sum = 0;
    for (const l of docLengths) sum += l;
    const average = docLengths.length === 0 ? 1 : Math.max(1, sum / docLengths.length);
    this.norms = new Float64Array(docLengths.length);
    docLengths.forEach((l, d) => {
      this.norms[d] = BM25_K1 * (1 - BM25_B + (BM25_B * l) / average);
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * The index of `docs`. With `reuse`, a document that `reuse.from` holds under the same id and
   * that `reuse.unchanged` vouches for keeps its postings from there instead of having its text
   * read again (index-terms.ts, most of a build): an index updated after a few articles changed
   * costs about one pass over the postings.
   */
  static build(docs: ReadonlyArray<{ id: string; text: string }>, reuse?: { from: LexicalIndex; unchanged: (id: string) => boolean }): LexicalIndex {
    const extended = reuse === undefined ? null : LexicalIndex.extend(docs, reuse.from, reuse.unchanged);
    if (extended !== null) return extended;
    const lists = new Map<string, Postings>();
    const lengths = new Uint32Array(docs.length);
    docs.forEach((doc, d) => {
      lengths[d] = addTerms(lists, doc.text, d);
    });
    const terms = [...lists.keys()].sort();
    let total = 0;
    for (const list of lists.values()) total += list.docs.length;
    const offsets = new Int32Array(terms.length + 1);
    const postingDocs = new Int32Array(total);
    const postingTfs = new Uint16Array(total);
    let at = 0;
    terms.forEach((term, i) => {
      const list = lists.get(term);
      offsets[i] = at;
      if (list === undefined) return;
      postingDocs.set(list.docs, at);
      postingTfs.set(list.tfs, at);
      at += list.docs.length;
    });
    offsets[terms.length] = at;
    return new LexicalIndex(docs.map((d) => d.id), lengths, SortedTerms.fromSorted(terms), offsets, postingDocs, postingTfs);
  }

  /**
   * `from` with the documents it holds that are not `unchanged` left out and the other `docs`
   * added: kept postings are copied in one merge over the sorted terms, renumbered to the order of
   * `docs`. The same index a full build gives. Null when kept documents are not in `from`'s
   * order (the renumbered postings would need sorting): the caller builds from the texts.
   */
  private static extend(docs: ReadonlyArray<{ id: string; text: string }>, from: LexicalIndex, unchanged: (id: string) => boolean): LexicalIndex | null {
    const oldNumber = new Map(from.ids.map((id, d) => [id, d]));
    const renumbered = new Int32Array(from.ids.length).fill(-1);
    const lengths = new Uint32Array(docs.length);
    const fresh = new Map<string, Postings>();
    let last = -1;
    for (let d = 0; d < docs.length; d++) {
      const doc = docs[d] as { id: string; text: string };
      const old = oldNumber.get(doc.id);
      if (old !== undefined && unchanged(doc.id)) {
        if (old < last) return null;
        last = old;
        renumbered[old] = d;
        lengths[d] = from.docLengths[old] ?? 0;
      } else lengths[d] = addTerms(fresh, doc.text, d);
    }
    const freshTerms = [...fresh.keys()].sort();
    const oldTerms = from.terms.all();
    let freshPostings = 0;
    for (const list of fresh.values()) freshPostings += list.docs.length;
    const terms: string[] = [];
    const offsets = new Int32Array(oldTerms.length + freshTerms.length + 1);
    const postingDocs = new Int32Array(from.docs.length + freshPostings);
    const postingTfs = new Uint16Array(from.docs.length + freshPostings);
    let at = 0;
    let i = 0;
    let j = 0;
    while (i < oldTerms.length || j < freshTerms.length) {
      const oldTerm = oldTerms[i];
      const newTerm = freshTerms[j];
      const term = oldTerm === undefined || (newTerm !== undefined && newTerm < oldTerm) ? (newTerm as string) : oldTerm;
      const start = at;
      let p = oldTerm === term ? (from.offsets[i] ?? 0) : 0;
      const pEnd = oldTerm === term ? (from.offsets[i + 1] ?? 0) : 0;
      const list = newTerm === term ? fresh.get(term) : undefined;
      let q = 0;
      const qEnd = list?.docs.length ?? 0;
      // Both sources are in document order: merge them.
      while (p < pEnd || q < qEnd) {
        const kept = p < pEnd ? (renumbered[from.docs[p] ?? 0] ?? -1) : -1;
        if (p < pEnd && kept < 0) {
          p++;
          continue;
        }
        const added = q < qEnd ? (list?.docs[q] ?? 0) : -1;
        if (p < pEnd && (q >= qEnd || kept < added)) {
          postingDocs[at] = kept;
          postingTfs[at++] = from.tfs[p++] ?? 0;
        } else {
          postingDocs[at] = added;
          postingTfs[at++] = list?.tfs[q++] ?? 0;
        }
      }
      if (oldTerm === term) i++;
      if (newTerm === term) j++;
      if (at > start) {
        offsets[terms.length] = start;
        terms.push(term);
      }
    }
    offsets[terms.length] = at;
    return new LexicalIndex(docs.map((d) => d.id), lengths, SortedTerms.fromSorted(terms), offsets.slice(0, terms.length + 1), postingDocs.slice(0, at), postingTfs.slice(0, at));
  }

  /** Number of documents that contain `term`. */
  documentFrequency(term: string): number {
    const i = this.terms.indexOf(term);
    return i < 0 ? 0 : (this.offsets[i + 1] ?? 0) - (this.offsets[i] ?? 0);
  }

  idf(term: string): number {
    return this.idfOf(this.documentFrequency(term));
  }

  /** BM25 idf of a term held by `df` documents (at its largest for a term no document holds). */
  idfOf(df: number): number {
    return Math.log(1 + (this.ids.length - df + 0.5) / (df + 0.5));
  }

  /**
   * `term`'s postings as a search reads them, its BM25 scaled by `weight`; null when no document
   * has it.
   */
  termPostings(term: string, weight: number): TermPostings | null {
    const i = this.terms.indexOf(term);
    if (i < 0) return null;
    const from = this.offsets[i] ?? 0;
    const to = this.offsets[i + 1] ?? 0;
    return { term: i, from, to, scale: weight * this.idfOf(to - from) * (BM25_K1 + 1) };
  }

  /** The documents that have the term, in increasing order. */
  docsOf(postings: TermPostings): Int32Array {
    return this.docs.subarray(postings.from, postings.to);
  }

  /** The term's BM25 contribution to `doc`: 0 when the document lacks it (a binary search of its postings). */
  scoreIn(postings: TermPostings, doc: number): number {
    const { docs } = this;
    let lo = postings.from;
    let hi = postings.to - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = docs[mid] as number;
      if (d < doc) lo = mid + 1;
      else if (d > doc) hi = mid - 1;
      else {
        const tf = this.tfs[mid] as number;
        return (postings.scale * tf) / (tf + (this.norms[doc] as number));
      }
    }
    return 0;
  }

  /** The largest tf / (tf + norm) of each term's postings that a search has asked for, by term number. */
  private readonly saturation = new Map<number, number>();

  /**
   * The most the term contributes to any document (up to rounding in the last bits): a search
   * prunes the passages that could not make its k best with it. Worked out the first time a
   * search asks for the term (one pass over its postings), then kept: only the terms questions use
   * hold memory, not the whole vocabulary.
   */
  maxScore(postings: TermPostings): number {
    let most = this.saturation.get(postings.term);
    if (most === undefined) {
      most = 0;
      const { docs, tfs, norms } = this;
      for (let p = postings.from; p < postings.to; p++) {
        const tf = tfs[p] as number;
        const ratio = tf / (tf + (norms[docs[p] as number] as number));
        if (ratio > most) most = ratio;
      }
      this.saturation.set(postings.term, most);
    }
    return postings.scale * most;
  }

  serialize(): Buffer {
    const termBytes = this.terms.bytes;
    const parts: Buffer[] = [];
    let length = 0;
    const push = (b: Buffer): void => {
      parts.push(b);
      length += b.length;
    };
    const pad = (): void => push(Buffer.alloc((ALIGN - (length % ALIGN)) % ALIGN));
    push(envelopeHead(FORMAT_MAGIC, { ids: this.ids, nTerms: this.terms.size, total: this.docs.length }, termBytes.length));
    push(Buffer.from(termBytes.buffer, termBytes.byteOffset, termBytes.byteLength));
    pad();
    push(bytesOf(this.terms.startsOf));
    push(bytesOf(this.docLengths));
    push(bytesOf(this.offsets));
    push(bytesOf(this.docs));
    push(bytesOf(this.tfs));
    return Buffer.concat(parts, length);
  }

  static deserialize(buf: Buffer): LexicalIndex {
    const withStarts = buf.toString('latin1', 0, FORMAT_MAGIC.length) !== FORMAT_MAGIC_WITHOUT_STARTS;
    const magic = withStarts ? FORMAT_MAGIC : FORMAT_MAGIC_WITHOUT_STARTS;
    const { header, blobLength: termLength, fail, at: headerEnd } = openEnvelope<{ ids: string[]; nTerms: number; total: number }>(buf, magic, 'lexical index');
    let at = headerEnd;
    const termBytes = buf.subarray(at, at + termLength);
    at += termLength;
    at += (ALIGN - (at % ALIGN)) % ALIGN;
    const n = header.ids.length;
    const startInts = withStarts ? header.nTerms + 1 : 0;
    const expected = at + startInts * 4 + n * 4 + (header.nTerms + 1) * 4 + header.total * 4 + header.total * 2;
    if (buf.length !== expected) fail(`expected ${expected} bytes, found ${buf.length}`);
    const view = <T>(make: (b: ArrayBuffer, offset: number, length: number) => T, count: number, width: number): T => {
      const bytes = count * width;
      const start = buf.byteOffset + at;
      at += bytes;
      if (start % width === 0) return make(buf.buffer as ArrayBuffer, start, count);
      const copy = new ArrayBuffer(bytes);
      new Uint8Array(copy).set(buf.subarray(at - bytes, at));
      return make(copy, 0, count);
    };
    const terms = withStarts ? SortedTerms.fromStarts(termBytes, view((b, o, l) => new Int32Array(b, o, l), startInts, 4)) : SortedTerms.fromBytes(termBytes, header.nTerms);
    if (terms === null || terms.size !== header.nTerms) return fail('terms do not match their count');
    const docLengths = view((b, o, l) => new Uint32Array(b, o, l), n, 4);
    const offsets = view((b, o, l) => new Int32Array(b, o, l), header.nTerms + 1, 4);
    const docs = view((b, o, l) => new Int32Array(b, o, l), header.total, 4);
    const tfs = view((b, o, l) => new Uint16Array(b, o, l), header.total, 2);
    if (offsets[header.nTerms] !== header.total) fail('postings do not add up');
    return new LexicalIndex(header.ids, docLengths, terms, offsets, docs, tfs);
  }
}

/** Where a term's postings lie (`docsOf`), and its BM25 scale: weight × idf × (k1 + 1). */
export interface TermPostings {
  readonly term: number;
  readonly from: number;
  readonly to: number;
  readonly scale: number;
}

/** One term's postings while an index is built: documents in increasing order, and the term's count in each. */
interface Postings {
  docs: number[];
  tfs: number[];
}

/** Adds the terms of document `d` (its `text`) to `lists`; returns its length (words and numbers). */
function addTerms(lists: Map<string, Postings>, text: string, d: number): number {
  const counts = new Map<string, number>();
  let length = 0;
  for (const term of indexTerms(text)) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
    if (term.startsWith('w:') || term.startsWith('n:')) length++;
  }
  for (const [term, tf] of counts) {
    let list = lists.get(term);
    if (list === undefined) lists.set(term, (list = { docs: [], tfs: [] }));
    list.docs.push(d);
    list.tfs.push(Math.min(tf, 0xffff));
  }
  return length;
}

function bytesOf(array: Uint32Array | Int32Array | Uint16Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
