/**
 * Embedding, ingest, index-load and query benchmark of Briefbot against the stack a user would
 * otherwise pick, LangChain.js's HNSWLib + HuggingFaceTransformersEmbeddings, on the same model
 * and passages in the same run. Not a test:
 *
 *   npm run bench -- [--sizes 1000,10000,100000] [--json] [--skip-embedding]
 *
 * The model is the real multilingual-e5-small when MODELS_DIR has it; otherwise a random-weight
 * model of its exact architecture is generated once into MODELS_DIR (scripts/bench/random-e5-model.ts:
 * the compute cost is the real one; its tokenizer gives a realistic number of tokens per passage,
 * which is printed). Embedding runs in processes of their own, one stack at a time, so that each
 * peak memory is its own; both stacks are run EMBED_RUNS times in turn and medians are reported.
 *
 * For each corpus size, passages come from synthetic articles (scripts/bench/synthetic-corpus.ts);
 * the HNSW graphs hold random unit vectors of the model's dimension (embedding 100k passages would
 * take hours), the same vectors in both stacks. Index load is timed in fresh processes, as at a
 * start, both in plain Node: Briefbot's compiled program (dist/), LangChain's package. The
 * query path is the whole of `/ask` from the question: query embedding, then for Briefbot BM25
 * and HNSW search, fusion, relevance floor, duplicate collapse, MMR and highlights, for the peer
 * its similarity search; "retrieval" is Briefbot's path once the question is embedded.
 *
 * With --json, stdout is one JSON document and progress goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { chunkCorpus } from '../src/corpus/chunk.js';
import { loadCorpus } from '../src/corpus/load.js';
import { answerQuestion } from '../src/retrieval/ask.js';
import { TransformersEmbeddings } from '../src/retrieval/embedder.js';
import { defaultPrefixes, loadEmbedder } from '../src/retrieval/embedding-model.js';
import { buildIndex, openIndex, type StoredIndex } from '../src/retrieval/index-store.js';
import { LexicalIndex } from '../src/retrieval/lexical.js';
import { loadLexicon } from '../src/retrieval/lexicon.js';
import type { EmbedRun } from './bench/embed-worker.js';
import { E5, ensureRandomE5Model, RANDOM_E5_MODEL_ID } from './bench/random-e5-model.js';
import { corpusVocabulary, syntheticText, writeSyntheticCorpus, type SyntheticText } from './bench/synthetic-corpus.js';

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
/** Passages embedded per run: enough for a steady rate (tens of batches), few enough to run both stacks in turn three times. */
const EMBED_SAMPLE_PASSAGES = 256;
const EMBED_RUNS = 3;
const EMBED_DTYPES = ['q8', 'fp32'] as const;
const LOAD_RUNS = 3;
const QUERY_COUNT = 200;
const ANSWER_K = 5;
const PROBE_ARTICLES = 10;
const SEED = 42;
const RANDOM_VECTORS_MODEL = 'bench/random-vectors';

const { values: flags } = parseArgs({ options: { sizes: { type: 'string' }, json: { type: 'boolean', default: false }, 'skip-embedding': { type: 'boolean', default: false } } });
const sizes = flags.sizes === undefined ? DEFAULT_SIZES : flags.sizes.split(',').map(Number).filter((n) => n > 0);
/** Progress and tables: to stdout, or to stderr when stdout carries the JSON document. */
const say = (line: string): void => {
  (flags.json ? process.stderr : process.stdout).write(`${line}\n`);
};
const table = (rows: object[]): void => {
  if (flags.json) console.error(rows);
  else console.table(rows);
};

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** Runs a script in a fresh Node process (a TypeScript one through tsx) and parses the JSON line it prints. */
function runScript<T>(file: string, args: readonly string[]): T {
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const out = execFileSync(process.execPath, [...loader, path.resolve(file), ...args], { maxBuffer: 1 << 20 }).toString();
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T;
}

interface BenchModel {
  modelId: string;
  modelsDir: string;
  kind: string;
}

/** The real model when it is there, else the random-weight model of its architecture (generated on first use). */
async function benchModel(): Promise<BenchModel> {
  const config = loadConfig();
  if (existsSync(path.join(config.modelsDir, config.embeddingModel))) return { modelId: config.embeddingModel, modelsDir: config.modelsDir, kind: 'the real model' };
  const articles = [...(await loadCorpus(path.resolve('corpus'))).articles, ...(await loadCorpus(path.resolve('tests/fixtures'))).articles];
  const dir = path.join(config.modelsDir, RANDOM_E5_MODEL_ID);
  say(`generating ${dir} (random weights, multilingual-e5-small's architecture)…`);
  if (ensureRandomE5Model(dir, articles.map((a) => a.raw))) say('  written');
  return { modelId: RANDOM_E5_MODEL_ID, modelsDir: config.modelsDir, kind: 'random weights, multilingual-e5-small architecture' };
}

/**
 * This process's transformers.js, which the tokenizer count and the peer's embeddings use, set to
 * read the model from MODELS_DIR (Briefbot's embedder sets up its own on its thread).
 */
async function localTransformers(model: BenchModel): Promise<typeof import('@huggingface/transformers')> {
  const transformers = await import('@huggingface/transformers');
  transformers.env.localModelPath = `${model.modelsDir}/`;
  transformers.env.allowRemoteModels = false;
  return transformers;
}

async function tokensPerPassage(model: BenchModel, passages: readonly string[]): Promise<number> {
  const { AutoTokenizer } = await localTransformers(model);
  const tokenizer = await AutoTokenizer.from_pretrained(model.modelId);
  const prefix = defaultPrefixes(model.modelId).passage;
  return passages.reduce((n, p) => n + tokenizer.encode(`${prefix}${p}`).length, 0) / passages.length;
}

/** Passages of `articles` synthetic articles, as the product chunks them. */
async function syntheticPassages(root: string, articles: number, text: SyntheticText): Promise<{ corpusDir: string; passages: string[] }> {
  const corpusDir = await writeSyntheticCorpus(path.join(root, 'corpus'), articles, text);
  return { corpusDir, passages: chunkCorpus((await loadCorpus(corpusDir)).articles).map((p) => p.text) };
}

async function embeddingSection(model: BenchModel, vocabulary: readonly string[]): Promise<object> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'briefbot-bench-embed-'));
  try {
    const { passages } = await syntheticPassages(root, Math.ceil(EMBED_SAMPLE_PASSAGES / 6) + 1, syntheticText(vocabulary, SEED));
    const sample = passages.slice(0, EMBED_SAMPLE_PASSAGES);
    const file = path.join(root, 'passages.json');
    await writeFile(file, JSON.stringify(sample));
    const tokens = await tokensPerPassage(model, sample);
    say(`embedding ${sample.length} passages, ${tokens.toFixed(1)} tokens per passage, ${EMBED_RUNS} runs of each stack in turn`);
    const rows = [];
    for (const dtype of EMBED_DTYPES) {
      const runs: EmbedRun[] = [];
      for (let r = 0; r < EMBED_RUNS; r++) {
        for (const stack of ['briefbot', 'langchain'] as const) {
          runs.push(runScript<EmbedRun>('scripts/bench/embed-worker.ts', ['--stack', stack, '--model', model.modelId, '--models-dir', model.modelsDir, '--dtype', dtype, '--passages', file]));
        }
      }
      const of = (stack: EmbedRun['stack'], key: 'passages_per_s' | 'peak_rss_mb' | 'load_s'): number => median(runs.filter((x) => x.stack === stack).map((x) => x[key]));
      const row = {
        dtype,
        tokens_per_passage: round(tokens, 1),
        passages_per_s: round(of('briefbot', 'passages_per_s'), 1),
        peak_rss_mb: Math.round(of('briefbot', 'peak_rss_mb')),
        load_s: round(of('briefbot', 'load_s')),
        langchain: { passages_per_s: round(of('langchain', 'passages_per_s'), 1), peak_rss_mb: Math.round(of('langchain', 'peak_rss_mb')), load_s: round(of('langchain', 'load_s')) },
        throughput_ratio_vs_langchain: round(of('briefbot', 'passages_per_s') / of('langchain', 'passages_per_s')),
        peak_memory_ratio_vs_langchain: round(of('briefbot', 'peak_rss_mb') / of('langchain', 'peak_rss_mb')),
        runs: runs.map((x) => ({ stack: x.stack, passages_per_s: round(x.passages_per_s, 1), peak_rss_mb: Math.round(x.peak_rss_mb) })),
      };
      table([{ dtype, tokens: row.tokens_per_passage, 'passages/s': row.passages_per_s, 'peak MB': row.peak_rss_mb, 'LangChain passages/s': row.langchain.passages_per_s, 'LangChain peak MB': row.langchain.peak_rss_mb, 'throughput ×': row.throughput_ratio_vs_langchain, 'memory ×': row.peak_memory_ratio_vs_langchain }]);
      rows.push(row);
    }
    const gemm = Array.from({ length: EMBED_RUNS }, () => runScript<{ int8_macs_per_s: number; fp32_macs_per_s: number; layer_macs_per_token: number }>('scripts/bench/int8-gemm.ts', []));
    const int8MacsPerSec = median(gemm.map((g) => g.int8_macs_per_s));
    const modelMacsPerPassage = E5.layers * (gemm[0]?.layer_macs_per_token ?? 0) * tokens;
    const cpu = {
      int8_gemm_macs_per_s: int8MacsPerSec,
      fp32_gemm_macs_per_s: median(gemm.map((g) => g.fp32_macs_per_s)),
      linear_macs_per_passage: modelMacsPerPassage,
      int8_passages_per_s_ceiling: round(int8MacsPerSec / modelMacsPerPassage, 1),
    };
    say(`int8 matrix products of e5-small's layers: ${(cpu.int8_gemm_macs_per_s / 1e9).toFixed(1)} G multiply-adds/s (fp32 ${(cpu.fp32_gemm_macs_per_s / 1e9).toFixed(1)}); ${(modelMacsPerPassage / 1e9).toFixed(2)} G per passage of ${tokens.toFixed(1)} tokens: at most ${cpu.int8_passages_per_s_ceiling} passages/s with q8`);
    return { model: model.modelId, model_kind: model.kind, sample_passages: sample.length, runs_per_stack: EMBED_RUNS, rows, cpu };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** An embedder of the model's dimension whose vectors are random: HNSW costs without hours of embedding. */
function randomVectorEmbedder(dimensions: number, text: SyntheticText): TransformersEmbeddings {
  return new TransformersEmbeddings(RANDOM_VECTORS_MODEL, async (texts) => texts.map(() => text.unitVector(dimensions)), dimensions, { query: '', passage: '' });
}

/** The peer's store of the same passages and vectors, saved to `dir`; returns its build time. */
async function buildPeerStore(index: StoredIndex, dimensions: number, modelId: string, dir: string): Promise<number> {
  const { Document } = await import('@langchain/core/documents');
  const { HNSWLib } = await import('@langchain/community/vectorstores/hnswlib');
  const { HuggingFaceTransformersEmbeddings } = await import('@langchain/community/embeddings/huggingface_transformers');
  const vectors = index.passages.map((p) => index.vectors?.vectorOf(p.id) ?? []);
  const documents = index.passages.map((p) => new Document({ pageContent: p.text, metadata: { id: p.id, docId: p.docId } }));
  const started = performance.now();
  const store = new HNSWLib(new HuggingFaceTransformersEmbeddings({ model: modelId, pretrainedOptions: { dtype: 'q8' } }), { space: 'cosine', numDimensions: dimensions });
  await store.addVectors(vectors, documents);
  await store.save(dir);
  return (performance.now() - started) / 1000;
}

async function sizeSection(target: number, model: BenchModel, vocabulary: readonly string[]): Promise<object> {
  const text = syntheticText(vocabulary, SEED + target);
  const root = await mkdtemp(path.join(os.tmpdir(), 'briefbot-bench-'));
  try {
    const probe = await syntheticPassages(path.join(root, 'probe'), PROBE_ARTICLES, text);
    const { corpusDir } = await syntheticPassages(root, Math.max(1, Math.round(target / (probe.passages.length / PROBE_ARTICLES))), text);

    let t = performance.now();
    const lexicalOnly = await buildIndex({ corpusDir, indexDir: path.join(root, 'lexical-index'), embedder: null });
    const ingestLexicalSec = (performance.now() - t) / 1000;
    const passages = lexicalOnly.index.passages;
    t = performance.now();
    LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text })));
    const lexicalBuildSec = (performance.now() - t) / 1000;

    await localTransformers(model);
    const { embedder, dimensions } = await loadEmbedder({ modelId: model.modelId, modelsDir: model.modelsDir, dtype: 'q8', allowDownload: false });
    if (embedder === null || dimensions === null) throw new Error(`the bench model ${model.modelId} did not load`);
    const indexDir = path.join(root, 'index');
    t = performance.now();
    const built = await buildIndex({ corpusDir, indexDir, embedder: randomVectorEmbedder(dimensions, text) });
    const hybridIngestSec = (performance.now() - t) / 1000;
    const peerDir = path.join(root, 'langchain');
    const peerBuildSec = await buildPeerStore(built.index, dimensions, model.modelId, peerDir);

    const loads: number[] = [];
    const peerLoads: number[] = [];
    for (let r = 0; r < LOAD_RUNS; r++) {
      loads.push(runScript<{ openIndexMs: number }>('scripts/bench/open-briefbot.mjs', [indexDir, RANDOM_VECTORS_MODEL]).openIndexMs);
      peerLoads.push(runScript<{ openIndexMs: number }>('scripts/bench/open-langchain.mjs', [peerDir, model.modelId]).openIndexMs);
    }
    const du = (dir: string): number => Number(execFileSync('du', ['-sb', dir]).toString().split('\t')[0]) / 1e6;

    const index = await openIndex(indexDir, { modelId: RANDOM_VECTORS_MODEL });
    const vectors = index?.vectors;
    if (index === null || vectors === null || vectors === undefined) throw new Error('the bench index did not open');
    const { HNSWLib } = await import('@langchain/community/vectorstores/hnswlib');
    const { HuggingFaceTransformersEmbeddings } = await import('@langchain/community/embeddings/huggingface_transformers');
    const peer = await HNSWLib.load(peerDir, new HuggingFaceTransformersEmbeddings({ model: model.modelId, pretrainedOptions: { dtype: 'q8' } }));
    const lexicon = loadLexicon();
    const context = { passages: index.passageMap, articles: index.articles, lexical: index.lexical, lexicon, topics: index.manifest.topics };

    const questions = Array.from({ length: QUERY_COUNT }, () => text.question());
    await embedder.embedQuery(questions[0] ?? '');
    await peer.similaritySearchWithScore(questions[0] ?? '', ANSWER_K);
    const retrieval: number[] = [];
    const queryPath: number[] = [];
    const peerQueryPath: number[] = [];
    const peerSearch: number[] = [];
    // In turn, question by question, so that the machine's load weighs on both alike.
    for (const q of questions) {
      let start = performance.now();
      await answerQuestion(q, { k: ANSWER_K }, { ...context, vectorSearch: index.vectorSearch(embedder) });
      queryPath.push(performance.now() - start);

      start = performance.now();
      await peer.similaritySearchWithScore(q, ANSWER_K);
      peerQueryPath.push(performance.now() - start);

      const questionVector = await embedder.embedQuery(q);
      start = performance.now();
      await answerQuestion(q, { k: ANSWER_K }, { ...context, vectorSearch: async (_q, k) => vectors.search(questionVector, k) });
      retrieval.push(performance.now() - start);

      start = performance.now();
      await peer.similaritySearchVectorWithScore(questionVector, ANSWER_K);
      peerSearch.push(performance.now() - start);
    }
    const row = {
      passages: passages.length,
      lexical_ingest_passages_per_s: Math.round(passages.length / ingestLexicalSec),
      lexical_build_passages_per_s: Math.round(passages.length / lexicalBuildSec),
      hybrid_ingest_without_embedding_s: round(hybridIngestSec),
      retrieval_p50_ms: round(percentile(retrieval, 50)),
      retrieval_p95_ms: round(percentile(retrieval, 95)),
      query_path_p50_ms: round(percentile(queryPath, 50)),
      query_path_p95_ms: round(percentile(queryPath, 95)),
      index_load_s: round(median(loads) / 1000),
      index_mb: round(du(indexDir), 1),
      langchain: {
        build_without_embedding_s: round(peerBuildSec),
        search_p95_ms: round(percentile(peerSearch, 95)),
        query_path_p50_ms: round(percentile(peerQueryPath, 50)),
        query_path_p95_ms: round(percentile(peerQueryPath, 95)),
        index_load_s: round(median(peerLoads) / 1000),
        index_mb: round(du(peerDir), 1),
      },
      query_path_p95_ratio_vs_langchain: round(percentile(queryPath, 95) / percentile(peerQueryPath, 95)),
      index_load_ratio_vs_langchain: round(median(loads) / median(peerLoads)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    table([{
      passages: row.passages, 'lexical ingest/s': row.lexical_ingest_passages_per_s, 'retrieval p50/p95 ms': `${row.retrieval_p50_ms} / ${row.retrieval_p95_ms}`,
      'query path p50/p95 ms': `${row.query_path_p50_ms} / ${row.query_path_p95_ms}`, 'LangChain p50/p95 ms': `${row.langchain.query_path_p50_ms} / ${row.langchain.query_path_p95_ms}`,
      'load s': row.index_load_s, 'LangChain load s': row.langchain.index_load_s, 'MB': row.index_mb, 'LangChain MB': row.langchain.index_mb,
    }]);
    return row;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync('dist/retrieval/index-store.js')) throw new Error('the index load is timed on the compiled program: run npm run build first (npm ci does)');
  const vocabulary = await corpusVocabulary(path.resolve('corpus'));
  const model = await benchModel();
  const started = new Date().toISOString();
  const embedding = flags['skip-embedding'] ? null : await embeddingSection(model, vocabulary);
  const rows = [];
  for (const target of sizes) rows.push(await sizeSection(target, model, vocabulary));
  const report = {
    started,
    machine: { cores: os.availableParallelism(), cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, load_average_at_end: os.loadavg().map((x) => round(x)) },
    model: { id: model.modelId, kind: model.kind },
    embedding,
    queries: { count: QUERY_COUNT, k: ANSWER_K, dtype: 'q8' },
    sizes: rows,
  };
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

await main();
