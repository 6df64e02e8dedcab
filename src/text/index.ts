/**
 * Text analysis in one place, for retrieval, summaries, events and the quiz alike: a fix to
 * word forms, dates or numbers here reaches every feature at once.
 *
 * - normalize: NFC, invisible characters removed, Vietnamese accents folded
 * - tokens: words (syllables in Vietnamese), index units, n-grams
 * - stems: English word forms (Porter2 stems, base forms for dictionary look-ups)
 * - language: English or Vietnamese, from function words
 * - function-words: the function words of each language (the stopwords)
 * - calendar: month and weekday tables of both languages, dates written for a reader
 * - numbers: numbers in either language's separators, parsed and written
 * - similarity: shingles, containment, Jaccard, sparse cosine
 * - mmr: maximal marginal relevance, its trade-off a parameter
 */
export { escapeRegex, foldAccents, normalizeText, removeZeroWidth } from './normalize.js';
export { compoundWords, isNumeric, ngrams, syllables, words } from './tokens.js';
export { baseForms, stemOf } from './stems.js';
export { detectLanguage, type Language } from './language.js';
export { FUNCTION_WORDS, STOPWORDS } from './function-words.js';
export {
  FUTURE_TOLERANCE_DAYS, MONTH_ABBREVIATIONS_EN, MONTH_NAMES_EN, MONTH_PATTERN_EN, MONTHS_EN, WEEKDAYS, formatCalendarDate, formatPeriod, monthOfEnglishWord, nearestYear, periodPhrase,
  type CalendarPeriod, type CalendarPrecision,
} from './calendar.js';
export { decimalSeparator, formatNumber, normaliseNumber, parseNumber, readNumber, writeNumber, type NumberForm } from './numbers.js';
export { OverlapCounter, containment, containmentOf, jaccard, jaccardOf, shingles, sparseDot } from './similarity.js';
export { maximalMarginalRelevance, type MmrOptions } from './mmr.js';
