/**
 * Which embedding model answers, decided without loading anything heavy: transformers.js (with
 * onnxruntime and sharp) is imported only when the model can be there, a folder for it in
 * MODELS_DIR or downloading allowed. Without it Briefbot runs on lexical retrieval, and says so
 * in one short line, once per process.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import type { TransformersEmbeddings } from './embedder.js';

export interface EmbedderOptions {
  modelId: string;
  dtype: Config['embeddingDtype'];
  modelsDir: string;
  allowDownload: boolean;
  /** Prefixes the model expects; default: `query: ` / `passage: ` for e5 models, none otherwise. */
  queryPrefix?: string;
  passagePrefix?: string;
  /** onnxruntime's threads for one forward pass; default: the cores this process may use. */
  threads?: number;
}

export interface LoadedEmbedder {
  embedder: TransformersEmbeddings | null;
  /** Why there is no model, in a few words (`not found in …`); null when it loaded. */
  reason: string | null;
  /** The one line to log when there is no model; null when it loaded. */
  warning: string | null;
  modelId: string;
  dimensions: number | null;
}

export function defaultPrefixes(modelId: string): { query: string; passage: string } {
  return /e5/iu.test(modelId) ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
}

function unavailable(modelId: string, reason: string): LoadedEmbedder {
  const warning = `Embedding model ${modelId} ${reason}: keyword search only (README, "The embedding model", says how to add it).`;
  return { embedder: null, reason, warning, modelId, dimensions: null };
}

async function load(options: EmbedderOptions): Promise<LoadedEmbedder> {
  const { modelId, modelsDir } = options;
  if (!options.allowDownload && !existsSync(path.join(modelsDir, modelId))) return unavailable(modelId, `not found in ${modelsDir}`);
  try {
    const { createEmbedder } = await import('./embedder.js');
    const embedder = await createEmbedder(options);
    return { embedder, reason: null, warning: null, modelId, dimensions: embedder.dimensions };
  } catch (error) {
    const cause = (error as Error).message.split('\n')[0] ?? '';
    return unavailable(modelId, options.allowDownload ? `could not be downloaded or loaded (${cause})` : `could not be loaded (${cause})`);
  }
}

const loads = new Map<string, Promise<LoadedEmbedder>>();

/** The embedder for these options, loaded once per process. Never throws. */
export function loadEmbedder(options: EmbedderOptions): Promise<LoadedEmbedder> {
  const key = JSON.stringify(options);
  let pending = loads.get(key);
  if (pending === undefined) {
    pending = load(options);
    loads.set(key, pending);
  }
  return pending;
}

const announced = new Set<string>();

/** Hands `log` the model's warning the first time this process meets it; returns whether it did. */
export function announceModelWarning(loaded: LoadedEmbedder, log: (warning: string) => void): boolean {
  if (loaded.warning === null || announced.has(loaded.warning)) return false;
  announced.add(loaded.warning);
  log(loaded.warning);
  return true;
}
