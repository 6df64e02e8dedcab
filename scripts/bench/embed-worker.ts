/**
 * One embedding run in a process of its own, so that its peak memory is its own: loads the model
 * through Briefbot's embedder or through LangChain.js's HuggingFaceTransformersEmbeddings (as a
 * user would set it up: the model and its dtype, defaults otherwise), embeds a few passages to
 * warm up, then times embedding every passage of the file. Prints one JSON line.
 *
 *   node --import tsx scripts/bench/embed-worker.ts --stack briefbot|langchain \
 *     --model ID --models-dir DIR --dtype q8|fp32 --passages FILE.json
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { defaultPrefixes, loadEmbedder } from '../../src/retrieval/embedding-model.js';
import type { Config } from '../../src/config.js';

const WARMUP_PASSAGES = 8;

export interface EmbedRun {
  stack: 'briefbot' | 'langchain';
  dtype: string;
  load_s: number;
  passages: number;
  passages_per_s: number;
  peak_rss_mb: number;
}

type Embed = (texts: string[]) => Promise<number[][]>;

async function briefbotStack(modelId: string, modelsDir: string, dtype: Config['embeddingDtype']): Promise<Embed> {
  const loaded = await loadEmbedder({ modelId, modelsDir, dtype, allowDownload: false });
  if (loaded.embedder === null) throw new Error(loaded.warning ?? 'no model');
  const embedder = loaded.embedder;
  return (texts) => embedder.embedDocuments(texts);
}

async function langchainStack(modelId: string, modelsDir: string, dtype: Config['embeddingDtype']): Promise<Embed> {
  const { env } = await import('@huggingface/transformers');
  env.localModelPath = `${modelsDir}/`;
  env.allowRemoteModels = false;
  const { HuggingFaceTransformersEmbeddings } = await import('@langchain/community/embeddings/huggingface_transformers');
  const embeddings = new HuggingFaceTransformersEmbeddings({ model: modelId, pretrainedOptions: { dtype } });
  // The peer adds no prefixes: it is given the texts Briefbot's embedder gives the model.
  const prefix = defaultPrefixes(modelId).passage;
  return (texts) => embeddings.embedDocuments(texts.map((t) => `${prefix}${t}`));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stack: { type: 'string' }, model: { type: 'string' }, 'models-dir': { type: 'string' }, dtype: { type: 'string' }, passages: { type: 'string' } } });
  const { stack, model, dtype } = values;
  const modelsDir = values['models-dir'];
  if ((stack !== 'briefbot' && stack !== 'langchain') || model === undefined || modelsDir === undefined || dtype === undefined || values.passages === undefined) {
    throw new Error('usage: embed-worker.ts --stack briefbot|langchain --model ID --models-dir DIR --dtype DTYPE --passages FILE');
  }
  const passages = JSON.parse(await readFile(values.passages, 'utf8')) as string[];
  let t = performance.now();
  const embed = await (stack === 'briefbot' ? briefbotStack : langchainStack)(model, modelsDir, dtype as Config['embeddingDtype']);
  await embed(passages.slice(0, WARMUP_PASSAGES));
  const loadSec = (performance.now() - t) / 1000;
  t = performance.now();
  const vectors = await embed(passages);
  const seconds = (performance.now() - t) / 1000;
  if (vectors.length !== passages.length) throw new Error(`${stack}: ${vectors.length} vectors for ${passages.length} passages`);
  const run: EmbedRun = {
    stack, dtype, load_s: loadSec, passages: passages.length,
    passages_per_s: passages.length / seconds,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

await main();
