/**
 * The document store on disk: every article's text once, and sentences, captions and
 * passages as offsets into it. Passages and sentences are rebuilt on load as slices of
 * the article text (which is what they are by construction: `raw.slice(start, end)`),
 * so the file holds the text once instead of four times and loads without parsing
 * a JSON document of the whole corpus.
 *
 * Layout: magic, u32 header length, u32 text length, header JSON (article metadata and
 * per-article counts), padding to 2 bytes, the articles' texts concatenated (UTF-16LE:
 * JavaScript's own encoding, so it decodes at copying speed where UTF-8 takes ten times
 * longer on Vietnamese), padding to 4 bytes,
 * then Int32 records: sentences (start, end, paragraph), captions (start, end),
 * passages (first sentence, sentence count).
 */
import type { Article, ArticleMeta, Caption, Passage, Sentence } from '../corpus/types.js';
import { envelopeHead, openEnvelope } from './binary-envelope.js';

const FORMAT_MAGIC = 'BBST2';
const ALIGN = 4;
const SENTENCE_INTS = 3;
const CAPTION_INTS = 2;
const PASSAGE_INTS = 2;
const SPACE = 0x20;

interface StoreHeader {
  articles: ArticleMeta[];
  /** Per article: UTF-16 length of its text, sentence, caption and passage counts. */
  counts: Array<[number, number, number, number]>;
}

export interface DocumentStore {
  articles: Article[];
  passages: Passage[];
}

function passageId(docId: string, ordinal: number): string {
  return `${docId}#${ordinal}`;
}

function metaOf(article: Article): ArticleMeta {
  const { raw: _raw, sentences: _sentences, captions: _captions, ...meta } = article;
  return meta;
}

/**
 * Serialise; throws if a passage is not a run of its article's sentences joined by spaces
 * (a bug in chunking: the store could not rebuild it faithfully).
 */
export function serializeStore(store: DocumentStore): Buffer {
  const byDoc = new Map<string, Passage[]>();
  for (const p of store.passages) {
    const list = byDoc.get(p.docId) ?? [];
    list.push(p);
    byDoc.set(p.docId, list);
  }
  const header: StoreHeader = { articles: [], counts: [] };
  const sentenceInts: number[] = [];
  const captionInts: number[] = [];
  const passageInts: number[] = [];
  for (const article of store.articles) {
    const passages = byDoc.get(article.docId) ?? [];
    header.articles.push(metaOf(article));
    header.counts.push([article.raw.length, article.sentences.length, article.captions.length, passages.length]);
    article.sentences.forEach((s, i) => {
      if (s.index !== i || article.raw.slice(s.start, s.end) !== s.text) throw new Error(`sentence ${i} of ${article.docId} is not the slice of the article its offsets say`);
      sentenceInts.push(s.start, s.end, s.paragraph);
    });
    for (const c of article.captions) captionInts.push(c.start, c.end);
    passages.forEach((p, ordinal) => {
      const first = p.sentences[0]?.index ?? -1;
      const rebuilt = article.sentences.slice(first, first + p.sentences.length);
      if (p.id !== passageId(article.docId, ordinal) || first < 0 || rebuilt.map((s) => s.text).join(' ') !== p.text) {
        throw new Error(`passage ${p.id} is not a run of its article's sentences`);
      }
      passageInts.push(first, p.sentences.length);
    });
  }
  const docIds = new Set(store.articles.map((a) => a.docId));
  if (store.passages.some((p) => !docIds.has(p.docId))) throw new Error('a passage belongs to no stored article');

  const textBytes = Buffer.from(store.articles.map((a) => a.raw).join(''), 'utf16le');
  const head = envelopeHead(FORMAT_MAGIC, header, textBytes.length);
  const textPadding = Buffer.alloc(head.length % 2);
  const padding = Buffer.alloc((ALIGN - ((head.length + textPadding.length + textBytes.length) % ALIGN)) % ALIGN);
  const records = new Int32Array(sentenceInts.length + captionInts.length + passageInts.length);
  records.set(sentenceInts, 0);
  records.set(captionInts, sentenceInts.length);
  records.set(passageInts, sentenceInts.length + captionInts.length);
  return Buffer.concat([head, textPadding, textBytes, padding, Buffer.from(records.buffer, records.byteOffset, records.byteLength)]);
}

/** Sentences joined by single spaces: a slice of the article when that is what lies between them. */
function passageText(raw: string, sentences: readonly Sentence[]): string {
  for (let i = 1; i < sentences.length; i++) {
    const before = sentences[i - 1]?.end ?? 0;
    if (sentences[i]?.start !== before + 1 || raw.charCodeAt(before) !== SPACE) return sentences.map((s) => s.text).join(' ');
  }
  return raw.slice(sentences[0]?.start ?? 0, sentences[sentences.length - 1]?.end ?? 0);
}

export function deserializeStore(buf: Buffer): DocumentStore {
  const { header, blobLength: textLength, fail, at: headerEnd } = openEnvelope<StoreHeader>(buf, FORMAT_MAGIC, 'document store');
  let at = headerEnd;
  at += at % 2;
  if (at + textLength > buf.length || textLength % 2 !== 0) fail('truncated');
  const text = buf.toString('utf16le', at, at + textLength);
  at += textLength;
  at += (ALIGN - (at % ALIGN)) % ALIGN;
  let sentenceCount = 0;
  let captionCount = 0;
  let passageCount = 0;
  let textChars = 0;
  for (const [chars, s, c, p] of header.counts) {
    textChars += chars;
    sentenceCount += s;
    captionCount += c;
    passageCount += p;
  }
  const intCount = sentenceCount * SENTENCE_INTS + captionCount * CAPTION_INTS + passageCount * PASSAGE_INTS;
  if (buf.length - at !== intCount * 4) fail(`expected ${at + intCount * 4} bytes, found ${buf.length}`);
  if (text.length !== textChars || header.counts.length !== header.articles.length) fail('text and counts do not agree');
  const start = buf.byteOffset + at;
  const ints = start % ALIGN === 0 ? new Int32Array(buf.buffer as ArrayBuffer, start, intCount) : new Int32Array(Uint8Array.from(buf.subarray(at)).buffer);

  let sentenceAt = 0;
  let captionAt = sentenceCount * SENTENCE_INTS;
  let passageAt = captionAt + captionCount * CAPTION_INTS;
  let textAt = 0;
  const articles: Article[] = [];
  const passages: Passage[] = [];
  header.articles.forEach((meta, a) => {
    const [chars, nSentences, nCaptions, nPassages] = header.counts[a] ?? [0, 0, 0, 0];
    const raw = text.slice(textAt, textAt + chars);
    textAt += chars;
    const slice = (from: number, to: number): string => {
      if (!(from >= 0 && from <= to && to <= raw.length)) fail(`offsets out of range in ${meta.docId}`);
      return raw.slice(from, to);
    };
    const sentences: Sentence[] = [];
    for (let i = 0; i < nSentences; i++, sentenceAt += SENTENCE_INTS) {
      const s = ints[sentenceAt] ?? 0;
      const e = ints[sentenceAt + 1] ?? 0;
      sentences.push({ index: i, text: slice(s, e), start: s, end: e, paragraph: ints[sentenceAt + 2] ?? 0 });
    }
    const captions: Caption[] = [];
    for (let i = 0; i < nCaptions; i++, captionAt += CAPTION_INTS) {
      const s = ints[captionAt] ?? 0;
      const e = ints[captionAt + 1] ?? 0;
      captions.push({ text: slice(s, e), start: s, end: e });
    }
    for (let ordinal = 0; ordinal < nPassages; ordinal++, passageAt += PASSAGE_INTS) {
      const first = ints[passageAt] ?? 0;
      const own = sentences.slice(first, first + (ints[passageAt + 1] ?? 0));
      const firstSentence = own[0];
      const lastSentence = own[own.length - 1];
      if (firstSentence === undefined || lastSentence === undefined || own.length !== ints[passageAt + 1]) return fail(`passage ${ordinal} of ${meta.docId} is out of range`);
      passages.push({ id: passageId(meta.docId, ordinal), docId: meta.docId, text: passageText(raw, own), start: firstSentence.start, end: lastSentence.end, sentences: own });
    }
    articles.push({ ...meta, raw, sentences, captions });
  });
  return { articles, passages };
}
