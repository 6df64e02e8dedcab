/**
 * Ingest and query benchmark on synthetic corpora (sentences drawn from the real corpus's
 * vocabulary). Not a test: `npm run bench -- --sizes 1000,10000,100000`.
 *
 * Embedding throughput uses the first model found: the real multilingual-e5-small in
 * MODELS_DIR, else a random-weight model of its architecture at models/briefbot/random-e5-small
 * (fp32; `npx tsx scripts/make-tiny-model.ts --e5-small-architecture`),
 * else the tiny test model (which says nothing about the real cost; the output says which).
 * It is timed on a sample and extrapolated; HNSW graphs are built from random unit vectors
 * of the model's dimension, so index build and search costs are real. Index load is timed in a
 * fresh process (scripts/open-index.ts), as at a start, and also in this one, after the build.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, type Config } from '../src/config.js';
import { loadEmbedder, TransformersEmbeddings, type LoadedEmbedder } from '../src/retrieval/embedder.js';
import { answerQuestion } from '../src/retrieval/ask.js';
import { buildIndex, openIndex } from '../src/retrieval/index-store.js';
import { LexicalIndex } from '../src/retrieval/lexical.js';
import { seededRandom } from '../src/quiz/random.js';
import { loadLexicon } from '../src/retrieval/lexicon.js';

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const EMBED_SAMPLE_PASSAGES = 256;
const QUERY_COUNT = 200;
const ANSWER_K = 5;
const SENTENCES_PER_ARTICLE = 24;
const WORDS_PER_SENTENCE = 18;
const BENCH_DIMENSIONS_FALLBACK = 384;

const random = seededRandom(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function randomUnitVector(dimensions: number): number[] {
  const v = Array.from({ length: dimensions }, () => random() * 2 - 1);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

async function corpusVocabulary(corpusDir: string): Promise<string[]> {
  const words = new Set<string>();
  for (const name of await readdir(corpusDir)) {
    const text = (await readFile(path.join(corpusDir, name), 'utf8')).normalize('NFC');
    for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w.length > 0) words.add(w);
  }
  return [...words];
}

function sentence(vocab: readonly string[]): string {
  const words = Array.from({ length: WORDS_PER_SENTENCE }, () => pick(vocab));
  const first = words[0] ?? 'Tin';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

/** Writes articles until the chunker yields about `passages` passages; returns the folder. */
async function syntheticCorpus(root: string, articles: number, vocab: readonly string[]): Promise<string> {
  const dir = path.join(root, 'corpus');
  await mkdir(dir, { recursive: true });
  for (let a = 0; a < articles; a++) {
    const paragraphs = Array.from({ length: SENTENCES_PER_ARTICLE / 4 }, () => Array.from({ length: 4 }, () => sentence(vocab)).join(' '));
    await writeFile(path.join(dir, `${String(a).padStart(6, '0')}.txt`), `${sentence(vocab)}\n\n${paragraphs.join('\n\n')}\n`);
  }
  return dir;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Embedder with the bench model's dimension whose vectors are random: HNSW costs without the model's. */
function randomVectorEmbedder(modelId: string, dimensions: number): TransformersEmbeddings {
  const extractor = async (texts: string[]) => ({ tolist: () => texts.map(() => randomUnitVector(dimensions)) });
  return new TransformersEmbeddings(modelId, extractor, dimensions, { query: '', passage: '' });
}

async function benchModel(): Promise<{ loaded: LoadedEmbedder; kind: string }> {
  const config = loadConfig();
  const candidates: Array<{ modelId: string; modelsDir: string; kind: string; dtype: Config['embeddingDtype'] }> = [
    { modelId: config.embeddingModel, modelsDir: config.modelsDir, kind: 'real model', dtype: config.embeddingDtype },
    { modelId: 'briefbot/random-e5-small', modelsDir: config.modelsDir, kind: 'random-weight e5-small architecture, fp32', dtype: 'fp32' },
    { modelId: 'briefbot/tiny-multilingual-test', modelsDir: path.resolve('tests/fixtures/models'), kind: 'TINY TEST MODEL (not representative of real cost)', dtype: 'q8' },
  ];
  for (const c of candidates) {
    const loaded = await loadEmbedder({ modelId: c.modelId, dtype: c.dtype, modelsDir: c.modelsDir, allowDownload: false });
    if (loaded.embedder !== null) return { loaded, kind: c.kind };
  }
  throw new Error('no embedding model could be loaded, not even the tiny test model');
}

async function main(): Promise<void> {
  const sizesFlag = process.argv.indexOf('--sizes');
  const sizes = sizesFlag >= 0 ? (process.argv[sizesFlag + 1] ?? '').split(',').map(Number).filter((n) => n > 0) : DEFAULT_SIZES;
  const vocab = await corpusVocabulary(path.resolve('corpus'));
  const lexicon = loadLexicon();
  const { loaded, kind } = await benchModel();
  const model = loaded.embedder!;
  const dimensions = kind.startsWith('TINY') ? BENCH_DIMENSIONS_FALLBACK : (loaded.dimensions ?? BENCH_DIMENSIONS_FALLBACK);
  console.log(`embedding model: ${loaded.modelId} (${kind}); HNSW dimension ${dimensions}`);
  const rows: Array<Record<string, number | string>> = [];

  for (const target of sizes) {
    const root = await mkdtemp(path.join(os.tmpdir(), 'briefbot-bench-'));
    try {
      const probeDir = await syntheticCorpus(path.join(root, 'probe'), 10, vocab);
      const probe = await buildIndex({ corpusDir: probeDir, indexDir: path.join(root, 'probe-index'), embedder: null });
      const perArticle = probe.index.passages.length / 10;
      const corpusDir = await syntheticCorpus(root, Math.max(1, Math.round(target / perArticle)), vocab);

      let t = performance.now();
      const lexicalOnly = await buildIndex({ corpusDir, indexDir: path.join(root, 'lexical-index'), embedder: null });
      const ingestLexicalSec = (performance.now() - t) / 1000;
      const passages = lexicalOnly.index.passages;
      t = performance.now();
      LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text })));
      const lexicalBuildSec = (performance.now() - t) / 1000;

      const sample = passages.slice(0, EMBED_SAMPLE_PASSAGES).map((p) => p.text);
      t = performance.now();
      await model.embedDocuments(sample);
      const embedPerSec = sample.length / ((performance.now() - t) / 1000);

      const indexDir = path.join(root, 'index');
      t = performance.now();
      await buildIndex({ corpusDir, indexDir, embedder: randomVectorEmbedder('bench/random-vectors', dimensions) });
      const hybridIngestNoModelSec = (performance.now() - t) / 1000;

      t = performance.now();
      const index = await openIndex(indexDir, { modelId: 'bench/random-vectors' });
      const openInBenchSec = (performance.now() - t) / 1000;
      const opened = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.resolve('scripts/open-index.ts'), indexDir, 'bench/random-vectors']).toString()) as { openIndexMs: number };
      const openSec = opened.openIndexMs / 1000;
      const sizeBytes = Number(execFileSync('du', ['-sb', indexDir]).toString().split('\t')[0]);

      const questions = Array.from({ length: QUERY_COUNT }, () => Array.from({ length: 6 }, () => pick(vocab)).join(' '));
      const retrieval: number[] = [];
      const endToEnd: number[] = [];
      for (const q of questions) {
        const start = performance.now();
        const queryVector = await model.embedQuery(q);
        const embedded = performance.now();
        const vector = queryVector.length === dimensions ? queryVector : randomUnitVector(dimensions);
        // The whole answer path of /ask once the question is embedded: lexical and HNSW
        // search, fusion, relevance floor, duplicate collapse, MMR and highlights.
        await answerQuestion(q, { k: ANSWER_K }, {
          passages: index!.passageMap,
          articles: index!.articles,
          lexical: index!.lexical,
          lexicon,
          topics: index!.manifest.topics,
          vectorSearch: async (_question, k) => index!.vectors!.search(vector, k),
        });
        const end = performance.now();
        retrieval.push(end - embedded);
        endToEnd.push(end - start);
      }
      retrieval.sort((a, b) => a - b);
      endToEnd.sort((a, b) => a - b);
      const embedSecAll = passages.length / embedPerSec;
      rows.push({
        passages: passages.length,
        lexicalIngestPassagesPerSec: Math.round(passages.length / ingestLexicalSec),
        lexicalBuildPassagesPerSec: Math.round(passages.length / lexicalBuildSec),
        embedPassagesPerSec: Math.round(embedPerSec),
        embedSample: sample.length,
        embedAllSecExtrapolated: Math.round(embedSecAll),
        hybridIngestWithoutModelSec: Number(hybridIngestNoModelSec.toFixed(2)),
        retrievalP50Ms: Number(percentile(retrieval, 50).toFixed(2)),
        retrievalP95Ms: Number(percentile(retrieval, 95).toFixed(2)),
        endToEndP50Ms: Number(percentile(endToEnd, 50).toFixed(2)),
        endToEndP95Ms: Number(percentile(endToEnd, 95).toFixed(2)),
        openIndexSec: Number(openSec.toFixed(2)),
        openIndexInBenchProcessSec: Number(openInBenchSec.toFixed(2)),
        indexMB: Number((sizeBytes / 1e6).toFixed(1)),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      });
      console.table([rows.at(-1)]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify({ model: loaded.modelId, modelKind: kind, dimensions, queries: QUERY_COUNT, k: ANSWER_K, rows }));
}

await main();
