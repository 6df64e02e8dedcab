/**
 * Sentence embeddings with transformers.js behind LangChain's Embeddings interface.
 * The model is loaded once, lazily, from MODELS_DIR; it is downloaded only when the user
 * allows it. When it cannot be loaded, `loadEmbedder` returns null and one clear warning,
 * and Briefbot carries on with lexical retrieval.
 */
import { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config.js';

/** Passages embedded per forward pass. */
export const EMBED_BATCH_SIZE = 16;
/** Give up loading a model after this long (a stalled download must not hang the bot). */
export const MODEL_LOAD_TIMEOUT_MS = 120_000;

export interface EmbedderOptions {
  modelId: string;
  dtype: Config['embeddingDtype'];
  modelsDir: string;
  allowDownload: boolean;
  /** Prefixes the model expects; default: `query: ` / `passage: ` for e5 models, none otherwise. */
  queryPrefix?: string;
  passagePrefix?: string;
}

type Extractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ tolist(): number[][] }>;

export class TransformersEmbeddings extends Embeddings {
  readonly queryPrefix: string;
  readonly passagePrefix: string;

  constructor(
    readonly modelId: string,
    private readonly extractor: Extractor,
    readonly dimensions: number,
    prefixes: { query: string; passage: string },
  ) {
    super({});
    this.queryPrefix = prefixes.query;
    this.passagePrefix = prefixes.passage;
  }

  private async embed(texts: string[]): Promise<number[][]> {
    const output = await this.extractor(texts, { pooling: 'mean', normalize: true });
    return output.tolist();
  }

  override async embedDocuments(texts: string[], onProgress?: (done: number, total: number) => void): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH_SIZE) {
      const batch = texts.slice(i, i + EMBED_BATCH_SIZE).map((t) => `${this.passagePrefix}${t}`);
      vectors.push(...(await this.embed(batch)));
      onProgress?.(Math.min(texts.length, i + EMBED_BATCH_SIZE), texts.length);
    }
    return vectors;
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embed([`${this.queryPrefix}${text}`]);
    if (vector === undefined) throw new Error('the model returned no embedding');
    return vector;
  }
}

export interface LoadedEmbedder {
  embedder: TransformersEmbeddings | null;
  warning: string | null;
  modelId: string;
  dimensions: number | null;
}

export function defaultPrefixes(modelId: string): { query: string; passage: string } {
  return /e5/iu.test(modelId) ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const loads = new Map<string, Promise<LoadedEmbedder>>();

async function load(options: EmbedderOptions): Promise<LoadedEmbedder> {
  const { modelId } = options;
  try {
    const transformers = await import('@huggingface/transformers');
    transformers.env.localModelPath = options.modelsDir.endsWith('/') ? options.modelsDir : `${options.modelsDir}/`;
    transformers.env.cacheDir = options.modelsDir;
    transformers.env.allowLocalModels = true;
    transformers.env.allowRemoteModels = options.allowDownload;
    const extractor = (await withTimeout(
      transformers.pipeline('feature-extraction', modelId, { dtype: options.dtype }),
      MODEL_LOAD_TIMEOUT_MS,
    )) as unknown as Extractor;
    const probe = await extractor(['probe'], { pooling: 'mean', normalize: true });
    const dimensions = probe.tolist()[0]?.length ?? 0;
    if (dimensions === 0) throw new Error('the model returned empty embeddings');
    const defaults = defaultPrefixes(modelId);
    const prefixes = { query: options.queryPrefix ?? defaults.query, passage: options.passagePrefix ?? defaults.passage };
    return { embedder: new TransformersEmbeddings(modelId, extractor, dimensions, prefixes), warning: null, modelId, dimensions };
  } catch (error) {
    const how = options.allowDownload
      ? 'the download failed; check the network and the model id'
      : `to use it, run once with ALLOW_MODEL_DOWNLOAD=1 on a machine with internet access, or copy the model folder into ${options.modelsDir}/${modelId}/`;
    const warning = `Embedding model ${modelId} is not available (${(error as Error).message.split('\n')[0]}); running on lexical retrieval only: ${how}.`;
    return { embedder: null, warning, modelId, dimensions: null };
  }
}

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
