/**
 * Sentence embeddings with transformers.js behind LangChain's Embeddings interface, the model
 * running on a thread of its own (embed-thread.mjs). Imported only when a model can be loaded
 * (embedding-model.ts decides), since that thread imports transformers.js, which brings
 * onnxruntime and sharp with it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Embeddings } from '@langchain/core/embeddings';
import { defaultPrefixes, type EmbedderOptions } from './embedding-model.js';

/**
 * Passages embedded per forward pass. Batches are made of passages of similar length (see
 * `embedDocuments`), so a larger batch wastes little on padding; 16 keeps the activations of
 * a batch small next to the model's weights.
 */
export const EMBED_BATCH_SIZE = 16;
/** Texts → one unit vector each, in the same order. */
export type Encoder = (texts: string[]) => Promise<number[][]>;

/**
 * Mean of the token vectors where the attention mask is set, then L2-normalised: what
 * transformers.js computes with `{ pooling: 'mean', normalize: true }`, to the same bits (sums in
 * float64 in token order, the norm accumulated in float32), but reading `hidden` row by row
 * instead of one strided column per dimension.
 */
export function meanPoolNormalized(hidden: Float32Array, dims: readonly number[], mask: ArrayLike<bigint | number>): number[][] {
  const [batch = 0, tokens = 0, width = 0] = dims;
  const sum = new Float64Array(width);
  const mean = new Float32Array(width);
  const vectors: number[][] = [];
  for (let b = 0; b < batch; b++) {
    sum.fill(0);
    let count = 0;
    for (let t = 0; t < tokens; t++) {
      const weight = Number(mask[b * tokens + t]);
      if (weight === 0) continue;
      count += weight;
      const row = (b * tokens + t) * width;
      for (let d = 0; d < width; d++) sum[d] = (sum[d] as number) + (hidden[row + d] as number) * weight;
    }
    let squares = 0;
    for (let d = 0; d < width; d++) {
      mean[d] = (sum[d] as number) / count;
      squares = Math.fround(squares + (mean[d] as number) ** 2);
    }
    const norm = Math.fround(squares ** 0.5);
    const vector = new Array<number>(width);
    for (let d = 0; d < width; d++) vector[d] = Math.fround((mean[d] as number) / norm);
    vectors.push(vector);
  }
  return vectors;
}

export class TransformersEmbeddings extends Embeddings {
  readonly queryPrefix: string;
  readonly passagePrefix: string;

  constructor(
    readonly modelId: string,
    private readonly encode: Encoder,
    readonly dimensions: number,
    prefixes: { query: string; passage: string },
  ) {
    super({});
    this.queryPrefix = prefixes.query;
    this.passagePrefix = prefixes.passage;
  }

  /**
   * Vectors in the order of `texts`. Passages are embedded shortest first, so each batch pads
   * to a length close to its own passages' instead of to the longest of a random mix.
   */
  override async embedDocuments(texts: string[], onProgress?: (done: number, total: number) => void): Promise<number[][]> {
    const order = texts.map((_, i) => i).sort((a, b) => (texts[a] as string).length - (texts[b] as string).length);
    const vectors = new Array<number[]>(texts.length);
    for (let i = 0; i < order.length; i += EMBED_BATCH_SIZE) {
      const positions = order.slice(i, i + EMBED_BATCH_SIZE);
      const batch = await this.encode(positions.map((p) => `${this.passagePrefix}${texts[p]}`));
      positions.forEach((p, j) => {
        vectors[p] = batch[j] ?? [];
      });
      onProgress?.(Math.min(texts.length, i + EMBED_BATCH_SIZE), texts.length);
    }
    return vectors;
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.encode([`${this.queryPrefix}${text}`]);
    if (vector === undefined) throw new Error('the model returned no embedding');
    return vector;
  }
}

/**
 * One forward pass spread over `threads` cores (onnxruntime's default uses one core here), its
 * worker threads sleeping between operators instead of spinning: spinning holds the cores the
 * event loop and the rest of the process need, on a machine with few of them.
 */
export function sessionOptions(threads: number) {
  return {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
}

/** Give up loading a model after this long (a stalled download must not hang the bot). */
const MODEL_LOAD_TIMEOUT_MS = 120_000;

type ThreadReply =
  | { ready: true }
  | { failed: string }
  | { id: number; data: Float32Array; dims: number[]; mask: BigInt64Array }
  | { id: number; error: string };

/**
 * The model on a thread of its own (embed-thread.mjs: onnxruntime runs a forward pass on the
 * thread that asks for it): `encode` posts the texts there and pools the token vectors it gets
 * back. The thread keeps the process alive only while a request is pending. Resolves once the
 * model is loaded; rejects with the reason it could not be, the thread stopped.
 */
function threadEncoder(options: EmbedderOptions): Promise<Encoder> {
  const worker = new Worker(new URL('./embed-thread.mjs', import.meta.url), {
    workerData: { modelId: options.modelId, modelsDir: options.modelsDir, dtype: options.dtype, allowDownload: options.allowDownload, sessionOptions: sessionOptions(options.threads ?? availableParallelism()) },
  });
  const pending = new Map<number, { resolve: (vectors: number[][]) => void; reject: (error: Error) => void }>();
  let next = 0;
  let stopped: Error | null = null;
  const encode: Encoder = (texts) => {
    if (stopped !== null) return Promise.reject(stopped);
    return new Promise((resolve, reject) => {
      const id = next++;
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts });
    });
  };
  const settle = (id: number, outcome: { vectors: number[][] } | { error: Error }): void => {
    const job = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    if ('vectors' in outcome) job?.resolve(outcome.vectors);
    else job?.reject(outcome.error);
  };
  return new Promise<Encoder>((resolve, reject) => {
    const stop = (error: Error): void => {
      clearTimeout(timer);
      stopped ??= error;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      reject(error);
    };
    worker.on('message', (reply: ThreadReply) => {
      if ('ready' in reply) {
        clearTimeout(timer);
        worker.unref();
        resolve(encode);
      } else if ('failed' in reply) {
        stop(new Error(reply.failed));
        void worker.terminate();
      } else if ('error' in reply) settle(reply.id, { error: new Error(reply.error) });
      else settle(reply.id, { vectors: meanPoolNormalized(reply.data, reply.dims, reply.mask) });
    });
    worker.on('error', stop);
    worker.on('exit', () => stop(new Error('the embedding thread stopped')));
    const timer = setTimeout(() => {
      stop(new Error(`no model within ${MODEL_LOAD_TIMEOUT_MS / 1000} s`));
      void worker.terminate();
    }, MODEL_LOAD_TIMEOUT_MS);
  });
}

/** Loads the model with transformers.js on a thread of its own; throws when it cannot. */
export async function createEmbedder(options: EmbedderOptions): Promise<TransformersEmbeddings> {
  const { modelId } = options;
  const encode = await threadEncoder(options);
  const dimensions = (await encode(['probe']))[0]?.length ?? 0;
  if (dimensions === 0) throw new Error('the model returned empty embeddings');
  const defaults = defaultPrefixes(modelId);
  return new TransformersEmbeddings(modelId, encode, dimensions, { query: options.queryPrefix ?? defaults.query, passage: options.passagePrefix ?? defaults.passage });
}
