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

/** An article's metadata: the article without its text, sentences and captions. */
export function metaOf(article: Article): ArticleMeta {
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

/** Where an article's records begin: its text, first sentence, first caption and first passage. */
const ARTICLE_INTS = 4;

/**
 * A read-only map whose values are built on first use: `lookup` finds one (building what it
 * needs), `keys` lists them all (building everything).
 */
class LazyMap<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly lookup: (key: string) => V | undefined,
    private readonly allKeys: () => readonly string[],
    readonly size: number,
  ) {}

  get(key: string): V | undefined {
    return this.lookup(key);
  }

  has(key: string): boolean {
    return this.lookup(key) !== undefined;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[string, V]> {
    for (const key of this.allKeys()) yield [key, this.lookup(key) as V];
  }

  *keys(): MapIterator<string> {
    yield* this.allKeys();
  }

  *values(): MapIterator<V> {
    for (const key of this.allKeys()) yield this.lookup(key) as V;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/**
 * The store as loaded: articles by docId and passages by id, each article with its sentences,
 * captions and passages built from the records the first time one of them is asked for (a
 * question needs a few dozen passages; building all of them at load, some 50k objects at 10k
 * passages and their collections, was most of an index load). The records were checked when
 * the store was opened. The same objects are returned every time.
 */
export class StoredDocuments {
  readonly articles: ReadonlyMap<string, Article>;
  /** Every article's metadata, in order, read from the header (nothing built). */
  readonly sources: readonly ArticleMeta[];
  readonly passageMap: ReadonlyMap<string, Passage>;
  private readonly built: Array<{ article: Article; passages: Passage[] } | undefined>;
  private all: Passage[] | undefined;

  constructor(
    /** The store's bytes, and where in them the articles' texts (UTF-16LE) begin. */
    private readonly bytes: Buffer,
    private readonly textStart: number,
    private readonly header: StoreHeader,
    private readonly ints: Int32Array,
    /** ARTICLE_INTS per article: where its text and records begin (articleStarts). */
    private readonly starts: Int32Array,
    private readonly byDocId: ReadonlyMap<string, number>,
    passageCount: number,
  ) {
    this.built = new Array(header.articles.length);
    this.sources = header.articles;
    const docIds = header.articles.map((meta) => meta.docId);
    this.articles = new LazyMap((docId) => this.article(docId)?.article, () => docIds, docIds.length);
    this.passageMap = new LazyMap((id) => this.passage(id), () => this.passages.map((p) => p.id), passageCount);
  }

  /** Every passage, in article order (all built on first use). */
  get passages(): readonly Passage[] {
    this.all ??= this.header.articles.flatMap((_meta, a) => this.build(a).passages);
    return this.all;
  }

  private article(docId: string): { article: Article; passages: Passage[] } | undefined {
    const a = this.byDocId.get(docId);
    return a === undefined ? undefined : this.build(a);
  }

  private passage(id: string): Passage | undefined {
    const hash = id.lastIndexOf('#');
    const ordinal = id.slice(hash + 1);
    if (hash < 0 || String(Number(ordinal)) !== ordinal) return undefined;
    return this.article(id.slice(0, hash))?.passages[Number(ordinal)];
  }

  private build(a: number): { article: Article; passages: Passage[] } {
    const done = this.built[a];
    if (done !== undefined) return done;
    const { ints, starts } = this;
    const meta = this.header.articles[a] as ArticleMeta;
    const [chars, nSentences, nCaptions, nPassages] = this.header.counts[a] ?? [0, 0, 0, 0];
    const textAt = starts[a * ARTICLE_INTS] as number;
    const raw = this.bytes.toString('utf16le', this.textStart + 2 * textAt, this.textStart + 2 * (textAt + chars));
    const sentences: Sentence[] = [];
    for (let i = 0, at = starts[a * ARTICLE_INTS + 1] as number; i < nSentences; i++, at += SENTENCE_INTS) {
      const start = ints[at] as number;
      const end = ints[at + 1] as number;
      sentences.push({ index: i, text: raw.slice(start, end), start, end, paragraph: ints[at + 2] as number });
    }
    const captions: Caption[] = [];
    for (let i = 0, at = starts[a * ARTICLE_INTS + 2] as number; i < nCaptions; i++, at += CAPTION_INTS) {
      const start = ints[at] as number;
      const end = ints[at + 1] as number;
      captions.push({ text: raw.slice(start, end), start, end });
    }
    const passages: Passage[] = [];
    for (let ordinal = 0, at = starts[a * ARTICLE_INTS + 3] as number; ordinal < nPassages; ordinal++, at += PASSAGE_INTS) {
      const first = ints[at] as number;
      const own = sentences.slice(first, first + (ints[at + 1] as number));
      const start = (own[0] as Sentence).start;
      const end = (own[own.length - 1] as Sentence).end;
      passages.push({ id: passageId(meta.docId, ordinal), docId: meta.docId, text: passageText(raw, own), start, end, sentences: own });
    }
    const result = { article: { ...meta, raw, sentences, captions }, passages };
    this.built[a] = result;
    return result;
  }
}

/**
 * Where each article's records begin, checking every record against its article (offsets
 * within its text, passages within its sentences) without building anything: a store whose
 * records do not fit is corrupt at load, not at the first question.
 */
function articleStarts(header: StoreHeader, ints: Int32Array, sentenceCount: number, captionCount: number, fail: (why: string) => never): Int32Array {
  const starts = new Int32Array(header.counts.length * ARTICLE_INTS);
  let textAt = 0;
  let sentenceAt = 0;
  let captionAt = sentenceCount * SENTENCE_INTS;
  let passageAt = captionAt + captionCount * CAPTION_INTS;
  header.counts.forEach(([chars, nSentences, nCaptions, nPassages], a) => {
    starts.set([textAt, sentenceAt, captionAt, passageAt], a * ARTICLE_INTS);
    const inText = (from: number, to: number): boolean => from >= 0 && from <= to && to <= chars;
    for (let i = 0; i < nSentences; i++, sentenceAt += SENTENCE_INTS) {
      if (!inText(ints[sentenceAt] as number, ints[sentenceAt + 1] as number)) fail(`offsets out of range in ${header.articles[a]?.docId}`);
    }
    for (let i = 0; i < nCaptions; i++, captionAt += CAPTION_INTS) {
      if (!inText(ints[captionAt] as number, ints[captionAt + 1] as number)) fail(`offsets out of range in ${header.articles[a]?.docId}`);
    }
    for (let ordinal = 0; ordinal < nPassages; ordinal++, passageAt += PASSAGE_INTS) {
      const first = ints[passageAt] as number;
      const count = ints[passageAt + 1] as number;
      if (!(first >= 0 && count >= 1 && first + count <= nSentences)) fail(`passage ${ordinal} of ${header.articles[a]?.docId} is out of range`);
    }
    textAt += chars;
  });
  return starts;
}

/** The store in `buf`, checked, its articles and passages built on first use. */
export function openStore(buf: Buffer): StoredDocuments {
  const { header, blobLength: textLength, fail, at: headerEnd } = openEnvelope<StoreHeader>(buf, FORMAT_MAGIC, 'document store');
  let at = headerEnd;
  at += at % 2;
  if (at + textLength > buf.length || textLength % 2 !== 0) fail('truncated');
  const textStart = at;
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
  if (textLength !== 2 * textChars || header.counts.length !== header.articles.length) fail('text and counts do not agree');
  const start = buf.byteOffset + at;
  const ints = start % ALIGN === 0 ? new Int32Array(buf.buffer as ArrayBuffer, start, intCount) : new Int32Array(Uint8Array.from(buf.subarray(at)).buffer);
  const starts = articleStarts(header, ints, sentenceCount, captionCount, fail);
  const byDocId = new Map(header.articles.map((meta, a) => [meta.docId, a]));
  if (byDocId.size !== header.articles.length) fail('two articles share a docId');
  return new StoredDocuments(buf, textStart, header, ints, starts, byDocId, passageCount);
}

/** The store in `buf`, every article and passage built. */
export function deserializeStore(buf: Buffer): DocumentStore {
  const store = openStore(buf);
  return { articles: [...store.articles.values()], passages: [...store.passages] };
}
