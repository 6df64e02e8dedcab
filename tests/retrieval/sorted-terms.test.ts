/**
 * The lexical index's terms are searched as the UTF-8 bytes the index file holds: the order a
 * lookup reads in them must be JavaScript's `<`, which the terms were sorted with, whatever the
 * script (ASCII, Vietnamese, CJK, astral characters beside U+E000–U+FFFF, where UTF-8 and UTF-16
 * orders differ).
 */
import { describe, expect, it } from 'vitest';
import { SortedTerms, compareWithUtf8 } from '../../src/retrieval/sorted-terms.js';

const WORDS = ['a', 'ab', 'abc', 'b', '', 'w:the', 'w:thế', 'w:thể', 'b:thế_giới', 'f:the', 'n:5700', 'đ', 'Ω', '中文', '\uE000', '\uFFFD', '\uFFFF', '😀', '😀a', '𝒜', 'z😀', 'z\uF000', 'w:tiếng', 'w:tiếng_việt'];

describe('terms searched in their UTF-8 bytes', () => {
  it('GIVEN every pair of terms in several scripts THEN comparing one with the bytes of the other agrees with <', () => {
    for (const a of WORDS) {
      for (const b of WORDS) {
        const bytes = Buffer.from(b, 'utf8');
        const order = Math.sign(compareWithUtf8(a, bytes, 0, bytes.length));
        expect(order, `${a} vs ${b}`).toBe(a < b ? -1 : a > b ? 1 : 0);
      }
    }
  });

  it('GIVEN sorted terms THEN each is found at its place, and words not among them are not found', () => {
    const held = [...new Set(WORDS.filter((w) => w !== '' && !w.startsWith('z')))].sort();
    const terms = SortedTerms.fromSorted(held);
    expect(terms.size).toBe(held.length);
    held.forEach((term, i) => expect(terms.indexOf(term)).toBe(i));
    for (const absent of ['z😀', 'z\uF000', 'w:th', 'w:thếs', '😀b', 'aa']) expect(terms.indexOf(absent)).toBe(-1);
    expect(terms.all()).toEqual(held);
    expect(SortedTerms.fromBytes(terms.bytes, held.length)?.indexOf('w:thể')).toBe(held.indexOf('w:thể'));
  });

  it('GIVEN bytes holding another number of terms than the file says THEN they are refused', () => {
    const terms = SortedTerms.fromSorted(['a', 'b', 'c']);
    expect(SortedTerms.fromBytes(terms.bytes, 2)).toBeNull();
    expect(SortedTerms.fromBytes(terms.bytes, 4)).toBeNull();
    expect(SortedTerms.fromBytes(new Uint8Array(0), 0)?.size).toBe(0);
    expect(SortedTerms.fromBytes(terms.bytes, 0)).toBeNull();
  });

  it('GIVEN the starts stored beside the bytes THEN they are read back as they were, and starts that do not fit the bytes are refused', () => {
    const terms = SortedTerms.fromSorted(['a', 'bc', 'w:thể']);
    const starts = terms.startsOf;
    expect(SortedTerms.fromStarts(terms.bytes, starts)?.indexOf('w:thể')).toBe(2);
    expect(SortedTerms.fromStarts(terms.bytes, Int32Array.from([0, 3, 2, starts[3] as number]))).toBeNull();
    expect(SortedTerms.fromStarts(terms.bytes, Int32Array.from([0, 1, 4, starts[3] as number]))).toBeNull();
    expect(SortedTerms.fromStarts(terms.bytes, Int32Array.from([0, 2, 5]))).toBeNull();
    expect(SortedTerms.fromStarts(new Uint8Array(0), Int32Array.from([0]))?.size).toBe(0);
  });
});
