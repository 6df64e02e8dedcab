import { describe, expect, it } from 'vitest';
import {
  MONTH_ABBREVIATIONS_EN, STOPWORDS, baseForms, compoundWords, containment, decimalSeparator, detectLanguage, foldAccents, formatCalendarDate,
  formatNumber, jaccard, maximalMarginalRelevance, monthOfEnglishWord, ngrams, normaliseNumber, normalizeText, parseNumber,
  removeZeroWidth, shingles, sparseDot, stemOf, syllables, words,
} from '../../src/text/index.js';

describe('normalisation', () => {
  it('GIVEN a word split by a zero-width space, a soft hyphen or a word joiner THEN it reads as one word', () => {
    expect(removeZeroWidth('ngu\u200Byên')).toBe('nguyên');
    expect(removeZeroWidth('news\u00ADpaper')).toBe('newspaper');
    expect(words(normalizeText('Wa\u2060shing\u200Cton'))).toEqual(['Washington']);
  });

  it('GIVEN a zero-width joiner inside an emoji sequence THEN it is kept, and elsewhere it is removed', () => {
    const family = '👨\u200D👩\u200D👧';
    expect(removeZeroWidth(family)).toBe(family);
    expect(removeZeroWidth('a\u200Db')).toBe('ab');
  });

  it('GIVEN decomposed Vietnamese THEN normalizeText composes it (NFC)', () => {
    expect(normalizeText('Lãnh'.normalize('NFD'))).toBe('Lãnh');
  });

  it('GIVEN Vietnamese with accents THEN folding leaves the bare letters, đ included', () => {
    expect(foldAccents('Đảm bảo lãnh thổ')).toBe('Dam bao lanh tho');
  });
});

describe('tokens', () => {
  it('GIVEN text with numbers THEN words keep each number whole, as written, and the case', () => {
    expect(words('Nga điều 5.700 binh sĩ, tăng 3,5% (2/12).')).toEqual(['Nga', 'điều', '5.700', 'binh', 'sĩ', 'tăng', '3,5', '2', '12']);
  });

  it('GIVEN text with numbers and a percent THEN syllables lowercase, normalise numbers and keep %', () => {
    expect(syllables('Tăng 3,5% lên 5.700')).toEqual(['tăng', '3.5', '%', 'lên', '5700']);
  });

  it('GIVEN words with inner dots, hyphens and apostrophes THEN compoundWords keeps them whole', () => {
    expect(compoundWords("U.S. talks in Ki-ép, Kyiv's 12% share")).toEqual(['U.S.', 'talks', 'in', 'Ki-ép', "Kyiv's", '12%', 'share']);
  });

  it('GIVEN three tokens THEN their bigrams are two and their 4-grams none', () => {
    expect(ngrams(['a', 'b', 'c'], 2)).toEqual(['a b', 'b c']);
    expect(ngrams(['a', 'b', 'c'], 4)).toEqual([]);
  });
});

describe('language', () => {
  it.each([
    ['What did Ushakov say about NATO?', 'en'],
    ['Where is Hà Nội and who governs it?', 'en'],
    ['Ushakov nói gì về NATO?', 'vi'],
    ['Sân vận động Levi sức chứa', 'vi'],
    ['NATO', 'en'],
    ['Luther viết "To the Christian Nobility of the German Nation" và những gì khác?', 'vi'],
  ])('GIVEN "%s" THEN it is %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('GIVEN the stopwords THEN they hold the function words of both languages', () => {
    expect(STOPWORDS.has('the')).toBe(true);
    expect(STOPWORDS.has('của')).toBe(true);
    expect(STOPWORDS.has('nato')).toBe(false);
  });
});

describe('calendar', () => {
  it('GIVEN English month words THEN they give the month, abbreviations with or without a dot', () => {
    expect(monthOfEnglishWord('December')).toBe(12);
    expect(monthOfEnglishWord('Sept.')).toBe(9);
    expect(monthOfEnglishWord('Ushakov')).toBeUndefined();
  });

  it('GIVEN the abbreviation set THEN it holds the short forms only (May is a full name)', () => {
    expect(MONTH_ABBREVIATIONS_EN.has('sept')).toBe(true);
    expect(MONTH_ABBREVIATIONS_EN.has('may')).toBe(false);
    expect(MONTH_ABBREVIATIONS_EN.has('june')).toBe(false);
  });

  it.each([
    ['2025-12-02', 'vi', '2/12/2025'],
    ['2025-12', 'vi', 'tháng 12/2025'],
    ['2025', 'vi', 'năm 2025'],
    ['2025-12-02', 'en', 'December 2, 2025'],
    ['2025-03', 'en', 'March 2025'],
    ['2025', 'en', '2025'],
  ] as const)('GIVEN %s in %s THEN a reader sees %s', (value, language, shown) => {
    expect(formatCalendarDate(value, language)).toBe(shown);
  });
});

describe('numbers', () => {
  it.each([
    ['5.700', '5700', 5700, null],
    ['5,700', '5700', 5700, null],
    ['1.000.000', '1000000', 1_000_000, null],
    ['3,5', '3.5', 3.5, ','],
    ['2.5', '2.5', 2.5, '.'],
    ['19', '19', 19, null],
  ] as const)('GIVEN %s THEN it is %s', (raw, canonical, value, separator) => {
    expect(normaliseNumber(raw)).toBe(canonical);
    expect(parseNumber(raw)).toBe(value);
    expect(decimalSeparator(raw)).toBe(separator);
  });

  it('GIVEN a value and a decimal comma THEN it is written the Vietnamese way', () => {
    expect(formatNumber(2.75, ',')).toBe('2,75');
    expect(formatNumber(2.75, '.')).toBe('2.75');
    expect(formatNumber(5700, null)).toBe('5700');
  });
});

describe('similarity', () => {
  it('GIVEN a text contained in another THEN containment is 1 and Jaccard less', () => {
    const small = shingles('Hai bên chưa đạt thỏa hiệp');
    const large = shingles('Sau 5 giờ, hai bên chưa đạt thỏa hiệp nào');
    expect(containment(small, large)).toBe(1);
    expect(jaccard(small, large)).toBeGreaterThan(0);
    expect(jaccard(small, large)).toBeLessThan(1);
  });

  it('GIVEN empty sets THEN the measures are 0, not NaN', () => {
    expect(containment(new Set(), new Set(['a']))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(shingles('')).toEqual(new Set());
  });

  it('GIVEN two sparse vectors THEN their dot product sums the shared dimensions', () => {
    expect(sparseDot(new Map([['a', 0.6], ['b', 0.8]]), new Map([['b', 0.5], ['c', 1]]))).toBeCloseTo(0.4);
  });
});

describe('maximal marginal relevance', () => {
  const items = ['a1', 'a2', 'b1'];
  const relevance = (x: string): number => ({ a1: 1, a2: 0.95, b1: 0.7 })[x] ?? 0;
  const similarity = (x: string, y: string): number => (x[0] === y[0] ? 1 : 0);

  it('GIVEN lambda 1 THEN it ranks by relevance alone', () => {
    expect(maximalMarginalRelevance(items, { lambda: 1, picks: 3, relevance, similarity })).toEqual(['a1', 'a2', 'b1']);
  });

  it('GIVEN lambda 0.5 THEN a novel item passes a more relevant near-twin', () => {
    expect(maximalMarginalRelevance(items, { lambda: 0.5, picks: 3, relevance, similarity })).toEqual(['a1', 'b1', 'a2']);
  });

  it('GIVEN an exclusion rule THEN an excluded item is never picked and picking stops when nothing is left', () => {
    const excludes = (x: string, y: string): boolean => x[0] === y[0];
    expect(maximalMarginalRelevance(items, { lambda: 1, picks: 3, relevance, similarity, excludes })).toEqual(['a1', 'b1']);
  });

  it('GIVEN relevance that depends on what is picked THEN it is asked again after each pick', () => {
    const coverage = (x: string, picked: readonly string[]): number => (picked.some((p) => p[0] === x[0]) ? 0 : relevance(x));
    expect(maximalMarginalRelevance(items, { lambda: 1, picks: 2, relevance: coverage, similarity })).toEqual(['a1', 'b1']);
  });
});

describe('English word forms', () => {
  it('GIVEN forms of one English word THEN they share a stem, and other words keep theirs', () => {
    expect(new Set(['died', 'dies', 'dying', 'die'].map(stemOf))).toEqual(new Set(['die']));
    expect(stemOf('lãnh')).toBe('lãnh');
    expect(stemOf('Tesla')).toBe('Tesla');
  });

  it('GIVEN an inflected word THEN its base forms are offered for a dictionary look-up, the word first', () => {
    expect(baseForms('museums')).toContain('museum');
    expect(baseForms('studied')).toContain('study');
    expect(baseForms('stopped')).toContain('stop');
    expect(baseForms('running')).toContain('run');
    expect(baseForms('countries')[0]).toBe('countries');
    expect(baseForms('countries')).toContain('country');
  });
});
