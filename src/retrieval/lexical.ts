/**
 * BM25 over index terms (see tokenize.ts), postings-based: a query touches only the
 * postings of its own terms. Serialises to one compact buffer.
 */
import { indexTerms } from './tokenize.js';

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
const FORMAT_MAGIC = 'BBLX1';

interface Postings {
  docs: Int32Array;
  tfs: Uint16Array;
}

export class LexicalIndex {
  private constructor(
    readonly ids: readonly string[],
    private readonly docLengths: Uint32Array,
    private readonly postings: Map<string, Postings>,
    private readonly averageLength: number,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  static build(docs: ReadonlyArray<{ id: string; text: string }>): LexicalIndex {
    const lists = new Map<string, { docs: number[]; tfs: number[] }>();
    const lengths = new Uint32Array(docs.length);
    docs.forEach((doc, d) => {
      const counts = new Map<string, number>();
      let length = 0;
      for (const term of indexTerms(doc.text)) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        if (term.startsWith('w:') || term.startsWith('n:')) length++;
      }
      lengths[d] = length;
      for (const [term, tf] of counts) {
        let list = lists.get(term);
        if (list === undefined) lists.set(term, (list = { docs: [], tfs: [] }));
        list.docs.push(d);
        list.tfs.push(Math.min(tf, 0xffff));
      }
    });
    const postings = new Map<string, Postings>();
    for (const [term, list] of lists) postings.set(term, { docs: Int32Array.from(list.docs), tfs: Uint16Array.from(list.tfs) });
    return new LexicalIndex(docs.map((d) => d.id), lengths, postings, averageOf(lengths));
  }

  /** Number of documents that contain `term`. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.ids.length - df + 0.5) / (df + 0.5));
  }

  /** BM25 contribution of one term to every document that has it, added into `into` (doc index → score). */
  accumulate(term: string, weight: number, into: Map<number, number>): void {
    const list = this.postings.get(term);
    if (list === undefined) return;
    const idf = this.idf(term);
    for (let i = 0; i < list.docs.length; i++) {
      const d = list.docs[i] ?? 0;
      const tf = list.tfs[i] ?? 0;
      const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (this.docLengths[d] ?? 0)) / this.averageLength);
      into.set(d, (into.get(d) ?? 0) + weight * idf * ((tf * (BM25_K1 + 1)) / (tf + norm)));
    }
  }

  serialize(): Buffer {
    const terms = [...this.postings.keys()];
    let total = 0;
    for (const t of terms) total += this.postings.get(t)?.docs.length ?? 0;
    const offsets = new Int32Array(terms.length + 1);
    const docs = new Int32Array(total);
    const tfs = new Uint16Array(total);
    let at = 0;
    terms.forEach((t, i) => {
      const p = this.postings.get(t);
      offsets[i] = at;
      if (p === undefined) return;
      docs.set(p.docs, at);
      tfs.set(p.tfs, at);
      at += p.docs.length;
    });
    offsets[terms.length] = at;
    const header = Buffer.from(JSON.stringify({ ids: this.ids, terms: terms.join('\u0000'), nTerms: terms.length, total }), 'utf8');
    const parts = [Buffer.from(FORMAT_MAGIC, 'latin1'), u32(header.length), header, bytesOf(this.docLengths), bytesOf(offsets), bytesOf(docs), bytesOf(tfs)];
    return Buffer.concat(parts);
  }

  static deserialize(buf: Buffer): LexicalIndex {
    const fail = (why: string): never => {
      throw new Error(`lexical index is corrupt: ${why}`);
    };
    if (buf.length < FORMAT_MAGIC.length + 4 || buf.toString('latin1', 0, FORMAT_MAGIC.length) !== FORMAT_MAGIC) fail('bad header');
    let at = FORMAT_MAGIC.length;
    const headerLength = buf.readUInt32LE(at);
    at += 4;
    if (at + headerLength > buf.length) fail('truncated header');
    let header: { ids: string[]; terms: string; nTerms: number; total: number };
    try {
      header = JSON.parse(buf.toString('utf8', at, at + headerLength)) as typeof header;
    } catch {
      return fail('unreadable header');
    }
    at += headerLength;
    const n = header.ids.length;
    const expected = at + n * 4 + (header.nTerms + 1) * 4 + header.total * 4 + header.total * 2;
    if (buf.length !== expected) fail(`expected ${expected} bytes, found ${buf.length}`);
    const copy = (bytes: number): ArrayBuffer => {
      const out = new ArrayBuffer(bytes);
      new Uint8Array(out).set(buf.subarray(at, at + bytes));
      at += bytes;
      return out;
    };
    const docLengths = new Uint32Array(copy(n * 4));
    const offsets = new Int32Array(copy((header.nTerms + 1) * 4));
    const docs = new Int32Array(copy(header.total * 4));
    const tfs = new Uint16Array(copy(header.total * 2));
    const terms = header.terms === '' ? [] : header.terms.split('\u0000');
    if (terms.length !== header.nTerms) fail('term count mismatch');
    const postings = new Map<string, Postings>();
    terms.forEach((t, i) => {
      const from = offsets[i] ?? 0;
      const to = offsets[i + 1] ?? 0;
      postings.set(t, { docs: docs.subarray(from, to), tfs: tfs.subarray(from, to) });
    });
    return new LexicalIndex(header.ids, docLengths, postings, averageOf(docLengths));
  }
}

function averageOf(lengths: Uint32Array): number {
  let sum = 0;
  for (const l of lengths) sum += l;
  return lengths.length === 0 ? 1 : Math.max(1, sum / lengths.length);
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

function bytesOf(array: Uint32Array | Int32Array | Uint16Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
