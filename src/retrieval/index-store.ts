/**
 * The index on disk: a manifest, the document store, the lexical index and (with a
 * model) the HNSW graph, in one generation folder of the index folder (index-folder.ts: who
 * owns it, one writer at a time, the atomic swap). Verified on load (sizes and sha256 of every
 * file), rebuilt incrementally: only new or changed articles are embedded again, and vectors
 * of two models are never mixed.
 */
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article, ArticleMeta, IngestWarning, Passage } from '../corpus/types.js';
import { chunkArticle } from '../corpus/chunk.js';
import { corpusFingerprints, loadCorpus, type CorpusOptions } from '../corpus/load.js';
import { INGEST_RULES_VERSION } from '../corpus/parse.js';
import type { IngestReport } from './types.js';
import { ERROR_CODES, UserError } from '../errors.js';
import type { TransformersEmbeddings } from './embedder.js';
import { metaOf, openStore, serializeStore } from './document-store.js';
import { LexicalIndex } from './lexical.js';
import { fileChecks, type FileCheck, type FileChecks } from './file-checks.js';
import { currentGeneration, withIndexWriter, writeDurably, type IndexWriteStep, type IndexWriter } from './index-folder.js';
import { corpusTopics } from './suggest.js';
import { VectorStore, type VectorHit } from './vector-store.js';

export const INDEX_FORMAT_VERSION = 2;
const FILES = { manifest: 'manifest.json', store: 'store.bin', lexical: 'lexical.bin', vectors: 'vectors.hnsw', vectorIds: 'vector-ids.json' } as const;

export interface IndexManifest {
  formatVersion: number;
  /** The INGEST_RULES_VERSION the articles were read under. */
  ingestRules: number;
  /** Null: a lexical-only index, built without a model. */
  modelId: string | null;
  dimensions: number | null;
  corpusHash: string;
  /** docId → content hash of the articles indexed. */
  articles: Record<string, string>;
  /** Every corpus file (articles and skipped files) → its fingerprint (corpusFingerprints): tells whether the index is stale. */
  sourceFiles: Record<string, string>;
  files: Record<string, { bytes: number; sha256: string }>;
  /** What the corpus covers (its most cited names), computed at ingest: suggested when a question finds nothing. */
  topics: string[];
  createdAt: string;
}

export interface StoredIndex {
  dir: string;
  manifest: IndexManifest;
  /** Articles and passages of a loaded index are built on first use (document-store.ts): a question needs a few. */
  articles: ReadonlyMap<string, Article>;
  /** Every article's metadata (without its text), in the order of `articles`. */
  sources: readonly ArticleMeta[];
  readonly passages: readonly Passage[];
  passageMap: ReadonlyMap<string, Passage>;
  lexical: LexicalIndex;
  vectors: VectorStore | null;
  /** Vector search through an embedder, for the ranking code. */
  vectorSearch(embedder: TransformersEmbeddings): (question: string, k: number) => Promise<VectorHit[]>;
}

export interface IngestProgress {
  phase: 'reading' | 'embedding' | 'indexing';
  done: number;
  total: number;
}

export interface BuildOptions extends CorpusOptions {
  corpusDir: string;
  indexDir: string;
  embedder: TransformersEmbeddings | null;
  onProgress?: (progress: IngestProgress) => void;
  /** Each step of the write (fault tests stop a writer there; a debug log traces them). */
  onStep?: (step: IndexWriteStep, detail?: string) => void;
  /** Told once when another process is writing the index and this build waits for it. */
  onWait?: () => void;
  /** How long to wait for another writer before giving up with INDEX_LOCKED (default LOCK_WAIT_MS). */
  waitMs?: number;
  /** Build under a writer the caller already holds (to change the corpus and the index under one lock). */
  writer?: IndexWriter;
  /**
   * The index in memory that the writer's current generation holds, for an update after a known
   * change (articles added or removed): the files it read are taken from it without being read
   * again, their passages, terms and vectors too, and only files it does not hold are read. A
   * file changed in place outside Briefbot is seen by the next full build (a reindex, or a start
   * that finds the index stale). Ignored when the current generation is another (another process
   * wrote since) or the index was read under other ingest rules.
   */
  base?: StoredIndex;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function corrupt(dir: string, file: string, why: string): never {
  throw new UserError(ERROR_CODES.INDEX_CORRUPT, 'indexCorrupt', { dir, file, detail: why });
}

export function corpusHashOf(articles: Record<string, string>): string {
  return sha256(Object.keys(articles).sort().map((id) => `${id}:${articles[id]}`).join('\n'));
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Whether the index was built from exactly the files now in the corpus folder, read under the current ingest rules. */
export async function isIndexCurrent(index: StoredIndex, corpusDir: string, options: CorpusOptions = {}): Promise<boolean> {
  if (index.manifest.ingestRules !== INGEST_RULES_VERSION) return false;
  return sameRecord(index.manifest.sourceFiles, await corpusFingerprints(corpusDir, options));
}

/** The articles and passages an index holds, by id. */
interface IndexDocuments {
  articles: ReadonlyMap<string, Article>;
  sources: readonly ArticleMeta[];
  /** Read once the index is made (a getter may build them on first use). */
  readonly passages: readonly Passage[];
  passageMap: ReadonlyMap<string, Passage>;
}

function makeStoredIndex(dir: string, manifest: IndexManifest, documents: IndexDocuments, lexical: LexicalIndex, vectors: VectorStore | null): StoredIndex {
  return {
    dir,
    manifest,
    articles: documents.articles,
    sources: documents.sources,
    get passages() {
      return documents.passages;
    },
    passageMap: documents.passageMap,
    lexical,
    vectors,
    vectorSearch(embedder) {
      return async (question, k) => (vectors === null ? [] : vectors.search(await embedder.embedQuery(question), k));
    },
  };
}

/**
 * A file's bytes in one read into one buffer from `allocate`: readFile reads large files in
 * 512 KiB chunks, which doubles the load time of a 100k-passage index.
 */
async function readWhole(file: string, allocate: (size: number) => Buffer): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const data = allocate(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(data, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === size ? data : data.subarray(0, at);
  } finally {
    await handle.close();
  }
}

function listed(dir: string, name: string, manifest: IndexManifest): { bytes: number; sha256: string } {
  const expected = manifest.files[name];
  return expected ?? corrupt(dir, name, 'not listed in the manifest');
}

function matches(dir: string, name: string, expected: FileCheck, found: FileCheck): void {
  if (found.bytes !== expected.bytes) corrupt(dir, name, `${found.bytes} bytes, expected ${expected.bytes}`);
  if (found.sha256 !== expected.sha256) corrupt(dir, name, 'checksum mismatch');
}

/** A listed file's bytes, and its check (which settles once they are verified: parse them meanwhile, trust them after). */
async function readListed(dir: string, name: string, manifest: IndexManifest, checks: FileChecks): Promise<{ data: Buffer; verified: Promise<void> }> {
  const expected = listed(dir, name, manifest);
  const data = await readWhole(path.join(dir, name), checks.allocate).catch(() => corrupt(dir, name, 'missing'));
  if (data.length !== expected.bytes) corrupt(dir, name, `${data.length} bytes, expected ${expected.bytes}`);
  const verified = checks.ofBytes(data).then((found) => matches(dir, name, expected, found));
  // Awaited by the caller after parsing; a mismatch found before then is not an unhandled rejection.
  verified.catch(() => undefined);
  return { data, verified };
}

/** Checks a file hnswlib reads itself (it takes a path, not bytes), before it reads it. */
async function verifyOnDisk(dir: string, name: string, manifest: IndexManifest, checks: FileChecks): Promise<void> {
  const expected = listed(dir, name, manifest);
  matches(dir, name, expected, await checks.ofFile(path.join(dir, name)).catch(() => corrupt(dir, name, 'missing')));
}

/** Parses a file's bytes; what the parser rejects is a corrupt index file. */
function parseListed<T>(dir: string, name: string, data: Buffer, parse: (data: Buffer) => T): T {
  try {
    return parse(data);
  } catch (error) {
    if (error instanceof UserError) throw error;
    return corrupt(dir, name, (error as Error).message);
  }
}

/**
 * The index in the folder `dir`, verified; null when there is none yet. Throws INDEX_DIR_REFUSED
 * when `dir` is not Briefbot's, INDEX_CORRUPT when a file is damaged, INDEX_MODEL_MISMATCH when it
 * holds vectors of another model (or none while a model is loaded): the caller rebuilds.
 */
export async function openIndex(dir: string, options: { modelId: string | null }): Promise<StoredIndex | null> {
  const generation = await currentGeneration(dir);
  if (generation === null) return null;
  try {
    return await openGeneration(generation, options);
  } catch (error) {
    // A writer may have swapped in a new generation and deleted this one while it was being read.
    const now = await currentGeneration(dir);
    if (now === null || now === generation) throw error;
    return openGeneration(now, options);
  }
}

async function openGeneration(dir: string, options: { modelId: string | null }): Promise<StoredIndex> {
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, FILES.manifest), 'utf8')) as IndexManifest;
  } catch {
    return corrupt(dir, FILES.manifest, 'missing or unreadable');
  }
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) corrupt(dir, FILES.manifest, `format ${manifest.formatVersion}, expected ${INDEX_FORMAT_VERSION}`);
  if (manifest.modelId !== options.modelId) {
    throw new UserError(ERROR_CODES.INDEX_MODEL_MISMATCH, 'indexModelMismatch', { dir, built: manifest.modelId ?? '—', wanted: options.modelId ?? '—' });
  }
  return loadVerified(dir, manifest);
}

async function loadVectors(dir: string, manifest: IndexManifest, dimensions: number, checks: FileChecks): Promise<VectorStore> {
  // hnswlib's native module is loaded, and the passage ids read, while the graph is checked.
  VectorStore.preload().catch(() => undefined);
  const idsFile = readListed(dir, FILES.vectorIds, manifest, checks);
  idsFile.catch(() => undefined);
  await verifyOnDisk(dir, FILES.vectors, manifest, checks);
  const { data, verified } = await idsFile;
  await verified;
  const ids = parseListed(dir, FILES.vectorIds, data, (bytes) => JSON.parse(bytes.toString('utf8')) as string[]);
  try {
    return await VectorStore.load(path.join(dir, FILES.vectors), dimensions, ids);
  } catch (error) {
    return corrupt(dir, FILES.vectors, (error as Error).message);
  }
}

/**
 * Every file read and verified, the work spread over the cores: the HNSW graph is checked and
 * then read by hnswlib off the main thread while the main thread parses the document store and
 * the lexical index, whose checksums are computed meanwhile (file-checks.ts). Nothing is
 * trusted before its check passed: a damaged file is INDEX_CORRUPT, naming it.
 */
async function loadVerified(dir: string, manifest: IndexManifest): Promise<StoredIndex> {
  const total = Object.values(manifest.files).reduce((sum, f) => sum + f.bytes, 0);
  const checks = fileChecks(total);
  /** Promises awaited at the end; marked handled now, so that one failing first leaves no unhandled rejection. */
  const later = <T>(promise: Promise<T>): Promise<T> => {
    promise.catch(() => undefined);
    return promise;
  };
  try {
    const vectors = later(manifest.modelId !== null && manifest.dimensions !== null ? loadVectors(dir, manifest, manifest.dimensions, checks) : Promise.resolve(null));
    // Both files read before either is parsed: the collections their large buffers set off then
    // find a small heap, not the objects of the store.
    const storeFile = later(readListed(dir, FILES.store, manifest, checks));
    const lexicalFile = later(readListed(dir, FILES.lexical, manifest, checks));
    const [{ data: storeData, verified: storeVerified }, { data: lexicalData, verified: lexicalVerified }] = await Promise.all([storeFile, lexicalFile]);
    const store = parseListed(dir, FILES.store, storeData, openStore);
    const lexical = parseListed(dir, FILES.lexical, lexicalData, (data) => LexicalIndex.deserialize(data));
    await storeVerified;
    await lexicalVerified;
    return makeStoredIndex(dir, manifest, store, lexical, await vectors);
  } finally {
    await checks.close();
  }
}

async function writeListed(dir: string, name: string, data: Uint8Array | string, writer: IndexWriter): Promise<{ bytes: number; sha256: string }> {
  await writeDurably(path.join(dir, name), data);
  writer.step('file-written', name);
  return { bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length, sha256: sha256(data) };
}

/** The index being replaced, for incremental reuse; null when there is none or it is unusable. */
async function previousIndex(generation: string | null): Promise<StoredIndex | null> {
  if (generation === null) return null;
  try {
    const manifest = JSON.parse(await readFile(path.join(generation, FILES.manifest), 'utf8')) as IndexManifest;
    if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return null;
    return await loadVerified(generation, manifest);
  } catch {
    return null;
  }
}

/** `base` when it holds what the writer's current generation holds, read under the current ingest rules; else null. */
function usableBase(base: StoredIndex | undefined, current: string | null): StoredIndex | null {
  if (base === undefined || current === null || path.resolve(base.dir) !== path.resolve(current)) return null;
  return base.manifest.ingestRules === INGEST_RULES_VERSION ? base : null;
}

/**
 * Builds the index of `corpusDir` into `indexDir` as its one writer, reusing the vectors of
 * unchanged passages, and swaps it in whole (or leaves the previous index as it was).
 */
export async function buildIndex(options: BuildOptions): Promise<{ index: StoredIndex; report: IngestReport }> {
  if (options.writer !== undefined) return buildWith(options.writer, options);
  return withIndexWriter(options.indexDir, (writer) => buildWith(writer, options), { onStep: options.onStep, onWait: options.onWait, waitMs: options.waitMs });
}

async function buildWith(writer: IndexWriter, options: BuildOptions): Promise<{ index: StoredIndex; report: IngestReport }> {
  const started = Date.now();
  const { corpusDir, embedder, onProgress } = options;
  const base = usableBase(options.base, writer.current);
  const { articles, warnings, sourceFiles } = await loadCorpus(corpusDir, { maxArticleBytes: options.maxArticleBytes, known: base === null ? undefined : { articles: base.articles, sourceFiles: base.manifest.sourceFiles } });
  onProgress?.({ phase: 'reading', done: articles.length, total: articles.length });
  const previous = base ?? (await previousIndex(writer.current));
  /** Passages of the articles taken over from `base` unread (the same objects), by docId. */
  const basePassages = new Map<string, Passage[]>();
  for (const p of base?.passages ?? []) {
    const list = basePassages.get(p.docId);
    if (list === undefined) basePassages.set(p.docId, [p]);
    else list.push(p);
  }
  const modelId = embedder?.modelId ?? null;
  const sameModel = previous !== null && previous.manifest.modelId === modelId && previous.vectors !== null;
  const reportWarnings = warnings.map((w: IngestWarning) => w.message);
  if (previous !== null && embedder !== null && !sameModel) {
    reportWarnings.push(`the previous index was built with ${previous.manifest.modelId ?? 'no model'}: every passage is embedded again with ${embedder.modelId}`);
  }

  let added = 0;
  let changed = 0;
  let unchanged = 0;
  const passages: Passage[] = [];
  const reusable = new Set<string>();
  /** Passages whose text is the base's: their terms are taken from its lexical index. */
  const keptText = new Set<string>();
  for (const article of articles) {
    const before = previous?.manifest.articles[article.docId];
    if (before === undefined) added++;
    else if (before !== article.contentHash) changed++;
    else unchanged++;
    const kept = base?.articles.get(article.docId) === article ? basePassages.get(article.docId) : undefined;
    for (const p of kept ?? chunkArticle(article)) {
      if (kept !== undefined) keptText.add(p.id);
      passages.push(p);
      if (sameModel && before === article.contentHash && previous.passageMap.get(p.id)?.text === p.text) reusable.add(p.id);
    }
  }
  const removed = previous === null ? 0 : Object.keys(previous.manifest.articles).filter((id) => !articles.some((a) => a.docId === id)).length;

  let vectors: VectorStore | null = null;
  let embedded = 0;
  if (embedder !== null) {
    const toEmbed = passages.filter((p) => !reusable.has(p.id));
    const fresh = await embedder.embedDocuments(toEmbed.map((p) => p.text), (done, total) => onProgress?.({ phase: 'embedding', done, total }));
    embedded = toEmbed.length;
    const freshById = new Map(toEmbed.map((p, i) => [p.id, fresh[i] ?? []]));
    vectors = await VectorStore.create(embedder.dimensions, passages.map((p) => ({ id: p.id, vector: freshById.get(p.id) ?? previous?.vectors?.vectorOf(p.id) ?? [] })));
  }
  onProgress?.({ phase: 'indexing', done: 0, total: 1 });
  const lexical = LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text })), base === null ? undefined : { from: base.lexical, unchanged: (id) => keptText.has(id) });
  onProgress?.({ phase: 'indexing', done: 1, total: 1 });

  const articleHashes = Object.fromEntries(articles.map((a) => [a.docId, a.contentHash]));
  const generation = await writer.newGeneration();
  const files: IndexManifest['files'] = {};
  files[FILES.store] = await writeListed(generation, FILES.store, serializeStore({ articles, passages }), writer);
  files[FILES.lexical] = await writeListed(generation, FILES.lexical, lexical.serialize(), writer);
  if (vectors !== null) {
    vectors.save(path.join(generation, FILES.vectors));
    files[FILES.vectors] = await writeListed(generation, FILES.vectors, await readFile(path.join(generation, FILES.vectors)), writer);
    files[FILES.vectorIds] = await writeListed(generation, FILES.vectorIds, JSON.stringify(vectors.passageIds), writer);
  }
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    ingestRules: INGEST_RULES_VERSION,
    modelId,
    dimensions: embedder?.dimensions ?? null,
    corpusHash: corpusHashOf(articleHashes),
    articles: articleHashes,
    sourceFiles,
    files,
    topics: corpusTopics(passages),
    createdAt: new Date().toISOString(),
  };
  await writeListed(generation, FILES.manifest, JSON.stringify(manifest, null, 2), writer);
  await writer.commit(generation);

  const index = makeStoredIndex(generation, manifest, { articles: new Map(articles.map((a) => [a.docId, a])), sources: articles.map(metaOf), passages, passageMap: new Map(passages.map((p) => [p.id, p])) }, lexical, vectors);
  const report: IngestReport = {
    articles: articles.length, passages: passages.length, added, changed, removed, unchanged, embedded,
    mode: embedder === null ? 'lexical' : 'hybrid', warnings: reportWarnings, millis: Date.now() - started,
  };
  return { index, report };
}
