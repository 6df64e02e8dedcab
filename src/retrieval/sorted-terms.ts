/**
 * The lexical index's terms, sorted, as the index file stores them: UTF-8, separated by NUL
 * bytes. They are searched in place instead of being decoded into one string each: an index of
 * 10k passages holds about 300k terms (bigrams mostly), and decoding and splitting them was
 * most of an index load and of the garbage it left.
 */
const SEPARATOR = 0;

export class SortedTerms {
  private constructor(
    /** The terms in UTF-16 code unit order (JavaScript's `<`), UTF-8, each followed by a NUL but the last. */
    readonly bytes: Uint8Array,
    /** Term i is bytes[starts[i] .. starts[i + 1] - 1). */
    private readonly starts: Int32Array,
  ) {}

  /** `terms`, which must be sorted with `<`. */
  static fromSorted(terms: readonly string[]): SortedTerms {
    const made = SortedTerms.fromBytes(Buffer.from(terms.join('\u0000'), 'utf8'), terms.length);
    if (made === null) throw new Error('an index term holds a NUL character');
    return made;
  }

  /** The terms of `bytes` (written by `fromSorted`); null when they are not `count` terms. */
  static fromBytes(bytes: Uint8Array, count: number): SortedTerms | null {
    if (count === 0) return bytes.length === 0 ? new SortedTerms(bytes, new Int32Array(1)) : null;
    const starts = new Int32Array(count + 1);
    let n = 0;
    {
      n = 1;
      for (let p = 0; p < bytes.length; p++) {
        if (bytes[p] !== SEPARATOR) continue;
        if (n === count) return null;
        starts[n++] = p + 1;
      }
    }
    if (n !== count) return null;
    starts[count] = bytes.length + 1;
    return new SortedTerms(bytes, starts);
  }

  /**
   * The terms of `bytes` whose starts are known (`starts`, as `startsOf` gives them); null when
   * they do not fit the bytes (checked in one pass over the starts, without reading the terms).
   */
  static fromStarts(bytes: Uint8Array, starts: Int32Array): SortedTerms | null {
    const count = starts.length - 1;
    if (count < 0 || starts[0] !== 0) return null;
    if (count === 0) return bytes.length === 0 ? new SortedTerms(bytes, starts) : null;
    if (starts[count] !== bytes.length + 1) return null;
    // Every term but the last ends at a separator (the last at the end of the bytes, checked
    // above); the starts increase. One pass over 330k terms at 10k passages, run once per load.
    let previous = 0;
    for (let i = 1; i < count; i++) {
      const start = starts[i] as number;
      if (start <= previous || bytes[start - 1] !== SEPARATOR) return null;
      previous = start;
    }
    return (starts[count] as number) > previous ? new SortedTerms(bytes, starts) : null;
  }

  /** Where each term starts in `bytes`, and one past the end: what `fromStarts` reads back. */
  get startsOf(): Int32Array {
    return this.starts;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** Position of `term`, or -1. */
  indexOf(term: string): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = compareWithUtf8(term, this.bytes, this.starts[mid] as number, (this.starts[mid + 1] as number) - 1);
      if (order === 0) return mid;
      if (order > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Every term, decoded (for an index update, which merges them with new ones). */
  all(): string[] {
    return this.size === 0 ? [] : Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('utf8').split('\u0000');
  }
}

/**
 * `term` against the UTF-8 text bytes[from .. to) in UTF-16 code unit order (the sign of what
 * `<` would say of the decoded text), decoding as it goes: no string is made.
 */
export function compareWithUtf8(term: string, bytes: Uint8Array, from: number, to: number): number {
  let p = from;
  /** The low surrogate still to compare of an astral code point just decoded. */
  let low = -1;
  for (let i = 0; i < term.length; i++) {
    let unit: number;
    if (low >= 0) {
      unit = low;
      low = -1;
    } else {
      if (p >= to) return 1;
      const b0 = bytes[p] as number;
      let code: number;
      if (b0 < 0x80) {
        code = b0;
        p += 1;
      } else if (b0 < 0xe0) {
        code = ((b0 & 0x1f) << 6) | ((bytes[p + 1] as number) & 0x3f);
        p += 2;
      } else if (b0 < 0xf0) {
        code = ((b0 & 0x0f) << 12) | (((bytes[p + 1] as number) & 0x3f) << 6) | ((bytes[p + 2] as number) & 0x3f);
        p += 3;
      } else {
        code = ((b0 & 0x07) << 18) | (((bytes[p + 1] as number) & 0x3f) << 12) | (((bytes[p + 2] as number) & 0x3f) << 6) | ((bytes[p + 3] as number) & 0x3f);
        p += 4;
      }
      if (code >= 0x10000) {
        unit = 0xd800 + ((code - 0x10000) >> 10);
        low = 0xdc00 + ((code - 0x10000) & 0x3ff);
      } else unit = code;
    }
    const c = term.charCodeAt(i);
    if (c !== unit) return c - unit;
  }
  return low >= 0 || p < to ? -1 : 0;
}
