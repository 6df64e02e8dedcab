/**
 * A question → cited passages: validate, analyse, rank (lexical, fused with vectors when
 * the model is there), abstain when the corpus does not answer it (abstention.ts), collapse
 * near-duplicates into one passage citing every article, diversify (MMR), page, highlight.
 */
import type { ArticleMeta, Passage, Sentence } from '../corpus/types.js';
import { ERROR_CODES, UserError } from '../errors.js';
import { OverlapCounter, containmentOf, jaccardOf, maximalMarginalRelevance, normalizeText, shingles } from '../text/index.js';
import { abstentionModel, answerConfidence, type AbstentionSignals } from './abstention.js';
import { reciprocalRankFusion, vectorRelevance } from './fusion.js';
import { highlightSentences } from './highlight.js';
import type { LexicalIndex } from './lexical.js';
import { chanceEvidence, searchLexical } from './lexical-search.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { analyzeQuery } from './query.js';
import { corpusTopics } from './suggest.js';
import type { AnswerPassage, AskOptions, AskResult, Citation } from './types.js';

export const QUESTION_MAX_CHARS = 1000;
export const DEFAULT_K = 5;
export const MAX_K = 10;
/** Candidates considered for fusion, duplicate collapse and MMR. */
export const CANDIDATES = 50;
/**
 * A lexical passage counts toward the relevance only when the question's concepts it holds go
 * together in the corpus more often than chance would put them together (chanceEvidence, in nats:
 * above 0).
 */
export const MIN_EVIDENCE = 0;
/** Other passages are kept only when at least this share of the best one's relevance. */
export const RELATIVE_FLOOR = 0.4;
/** Two passages are one story when this share of the smaller one's word shingles is in the other. */
export const NEAR_DUPLICATE_CONTAINMENT = 0.5;
/** MMR trade-off between relevance (1) and novelty (0). */
export const MMR_LAMBDA = 0.75;
/** Extra similarity charged to a passage from an article already cited. */
const SAME_ARTICLE_PENALTY = 0.25;

export interface RetrievalContext {
  passages: ReadonlyMap<string, Passage>;
  articles: ReadonlyMap<string, ArticleMeta>;
  lexical: LexicalIndex;
  vectorSearch?: (question: string, k: number) => Promise<Array<{ id: string; similarity: number }>>;
  lexicon?: Lexicon;
  /** What the corpus covers, suggested on abstention; computed from the passages when absent. */
  topics?: readonly string[];
  /** The confidence below which the answer abstains (the abstention model's floor unless an evaluation sweeps it). */
  confidenceFloor?: number;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

/** The question cleaned, or a UserError saying what is wrong with it. */
export function validateQuestion(question: string): string {
  const cleaned = normalizeText(question.replace(CONTROL_CHARS, ' ')).replace(/\s+/gu, ' ').trim();
  if (cleaned === '') throw new UserError(ERROR_CODES.EMPTY_QUESTION, 'emptyQuestion');
  if (cleaned.length > QUESTION_MAX_CHARS) {
    throw new UserError(ERROR_CODES.QUESTION_TOO_LONG, 'questionTooLong', { max: QUESTION_MAX_CHARS, length: cleaned.length });
  }
  return cleaned;
}

interface Candidate {
  passage: Passage;
  relevance: number;
  fused: number;
  shingles: Set<string>;
  citations: string[];
}

function citationOf(meta: ArticleMeta | undefined, docId: string): Citation {
  return { docId, title: meta?.title ?? docId, source: meta === undefined || meta.sources.length === 0 ? null : meta.sources.join(', '), date: meta?.date ?? null };
}

function collapseDuplicates(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const overlaps = new OverlapCounter();
  for (const c of candidates) {
    const shared = overlaps.shared(c.shingles);
    const twin = kept.find((k, i) => containmentOf(shared[i] ?? 0, k.shingles.size, c.shingles.size) >= NEAR_DUPLICATE_CONTAINMENT);
    if (twin === undefined) {
      kept.push(c);
      overlaps.add(c.shingles);
    } else if (!twin.citations.includes(c.passage.docId)) twin.citations.push(c.passage.docId);
  }
  return kept;
}

/** MMR for the first `picks` places; the rest keep their fused order. */
function diversify(candidates: Candidate[], picks: number): Candidate[] {
  // What a picked candidate shares with every other one, counted in one pass when it is picked.
  const overlaps = new OverlapCounter();
  for (const c of candidates) overlaps.add(c.shingles);
  const place = new Map(candidates.map((c, i) => [c, i]));
  const sharedWith = new Map<Candidate, number[]>();
  const shingleJaccard = (picked: Candidate, other: Candidate): number => {
    let shared = sharedWith.get(picked);
    if (shared === undefined) sharedWith.set(picked, (shared = overlaps.shared(picked.shingles)));
    return jaccardOf(shared[place.get(other) ?? -1] ?? 0, picked.shingles.size, other.shingles.size);
  };
  const chosen = maximalMarginalRelevance(candidates, {
    lambda: MMR_LAMBDA,
    picks,
    relevance: (c) => c.fused,
    similarity: (a, b) => shingleJaccard(a, b) + (a.passage.docId === b.passage.docId ? SAME_ARTICLE_PENALTY : 0),
  });
  const rest = new Set(candidates);
  for (const c of chosen) rest.delete(c);
  return [...chosen, ...rest];
}

/** The passage `delta` places after `p` in its article (passage ids are `docId#ordinal`). */
function neighbour(p: Passage, passages: ReadonlyMap<string, Passage>, delta: number): Passage | undefined {
  const ordinal = Number(p.id.slice(p.id.lastIndexOf('#') + 1));
  return passages.get(`${p.docId}#${ordinal + delta}`);
}

/**
 * The sentences an answer shows: the passage's own, with the last sentence of the passage before
 * it and the first of the one after (same article). The answer to a question often sits just
 * across a passage's edge, next to the sentence that matches the question: measured against the
 * whole next passage and the next sentence alone (README), one sentence each side wins or ties
 * on every set.
 */
function answerWindow(p: Passage, passages: ReadonlyMap<string, Passage>): Sentence[] {
  const before = neighbour(p, passages, -1)?.sentences.at(-1);
  const after = neighbour(p, passages, 1)?.sentences[0];
  return [...(before === undefined ? [] : [before]), ...p.sentences, ...(after === undefined ? [] : [after])];
}

export async function answerQuestion(question: string, options: AskOptions, ctx: RetrievalContext): Promise<AskResult> {
  const text = validateQuestion(question);
  const k = Math.min(MAX_K, Math.max(1, Math.floor(options.k ?? DEFAULT_K)));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const lexicon = ctx.lexicon ?? loadLexicon();
  const query = analyzeQuery(text, lexicon, { topic: options.topic });
  // The question is embedded off the main thread (onnxruntime's threads) while the lexical search runs on it.
  const vectorSearch = ctx.vectorSearch?.(text, CANDIDATES);
  vectorSearch?.catch(() => undefined);
  const lexicalHits = searchLexical(ctx.lexical, query, CANDIDATES);
  const vectorHits = vectorSearch === undefined ? [] : await vectorSearch;
  const mode: AskResult['mode'] = ctx.vectorSearch === undefined ? 'lexical' : 'hybrid';

  const relevance = new Map<string, number>();
  for (const h of lexicalHits) relevance.set(h.id, h.coverage);
  for (const h of vectorHits) relevance.set(h.id, Math.max(relevance.get(h.id) ?? 0, vectorRelevance(h.similarity)));
  const fused = mode === 'hybrid' ? reciprocalRankFusion([lexicalHits, vectorHits]) : lexicalHits.map((h) => ({ id: h.id, score: h.score }));
  const topFused = fused[0]?.score ?? 1;
  // The answer stands on a passage that covers the question and holds what it covers together
  // beyond chance: the best-covering such passage, found by judging passages in order of coverage.
  const evidenceOf = chanceEvidence(ctx.lexical, query);
  const byCoverage = [...lexicalHits].sort((a, b) => b.coverage - a.coverage);
  let best = 0;
  let evidence = 0;
  for (const h of byCoverage) {
    evidence = evidenceOf(h.doc);
    if (evidence > MIN_EVIDENCE) {
      best = h.coverage;
      break;
    }
  }
  const fewConcepts = evidence === Infinity;
  for (const h of vectorHits) best = Math.max(best, vectorRelevance(h.similarity));
  const relevanceOfBest = Math.round(best * 1000) / 1000;
  const signals: AbstentionSignals = { relevance: best, evidence: !fewConcepts && evidence > MIN_EVIDENCE ? evidence : 0, fewConcepts, passages: ctx.lexical.size };
  const confidence = Math.round(answerConfidence(signals) * 1000) / 1000;
  const answer = { question: text, relevance: relevanceOfBest, confidence, signals, mode };
  if (confidence < (ctx.confidenceFloor ?? abstentionModel().floor)) {
    return { ...answer, abstained: true, passages: [], suggestions: [...(ctx.topics ?? corpusTopics(ctx.passages))] };
  }

  const candidates: Candidate[] = [];
  for (const f of fused) {
    const passage = ctx.passages.get(f.id);
    const rel = relevance.get(f.id) ?? 0;
    if (passage === undefined || rel < best * RELATIVE_FLOOR) continue;
    candidates.push({ passage, relevance: rel, fused: f.score / topFused, shingles: shingles(passage.text), citations: [passage.docId] });
  }
  const ranked = diversify(collapseDuplicates(candidates), offset + k);
  const page = ranked.slice(offset, offset + k);
  const passages: AnswerPassage[] = page.map((c) => {
    const own = citationOf(ctx.articles.get(c.passage.docId), c.passage.docId);
    const window = answerWindow(c.passage, ctx.passages);
    return {
      passageId: c.passage.id,
      docId: c.passage.docId,
      title: own.title,
      source: own.source,
      date: own.date,
      text: window.map((sentence) => sentence.text).join(' '),
      highlights: highlightSentences(window, query, ctx.lexical),
      score: Math.round(c.relevance * 1000) / 1000,
      citations: c.citations.map((docId) => citationOf(ctx.articles.get(docId), docId)),
    };
  });
  return { ...answer, abstained: false, passages, suggestions: [] };
}
