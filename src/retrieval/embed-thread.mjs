// @ts-check
/**
 * The thread that runs the embedding model (embedder.ts starts it). onnxruntime-node runs a
 * forward pass synchronously on the thread that calls it, so on the main thread a question's
 * embedding would hold up everything else for its duration: here, the main thread searches the
 * lexical index while the question is embedded, and a bot stays responsive while a corpus is.
 * It loads the model with transformers.js, then answers each `{ id, texts }` with the token
 * vectors of the texts and their attention mask (pooled on the main thread, embedder.ts), or
 * with the error's message. Plain JavaScript beside the TypeScript, so that the same file runs
 * from src/ under the tests and from dist/ (the build copies it).
 */
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ modelId: string, modelsDir: string, dtype: string, allowDownload: boolean, sessionOptions: object }} */
const options = workerData;

/** An ArrayBuffer holding exactly `view`'s bytes, to transfer rather than copy. */
function ownBuffer(/** @type {Float32Array | BigInt64Array} */ view) {
  return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view : view.slice();
}

async function load() {
  const transformers = await import('@huggingface/transformers');
  transformers.env.localModelPath = options.modelsDir.endsWith('/') ? options.modelsDir : `${options.modelsDir}/`;
  transformers.env.cacheDir = options.modelsDir;
  transformers.env.allowLocalModels = true;
  transformers.env.allowRemoteModels = options.allowDownload;
  // @ts-expect-error the dtype and session options are checked where embedder.ts builds them
  return transformers.pipeline('feature-extraction', options.modelId, { dtype: options.dtype, session_options: options.sessionOptions });
}

try {
  const extractor = await load();
  parentPort?.on('message', async (/** @type {{ id: number, texts: string[] }} */ job) => {
    try {
      const inputs = /** @type {{ attention_mask: { data: BigInt64Array } }} */ (extractor.tokenizer(job.texts, { padding: true, truncation: true }));
      const outputs = /** @type {Record<string, { data: Float32Array, dims: number[] } | undefined>} */ (await extractor.model(inputs));
      const hidden = outputs.last_hidden_state ?? outputs.token_embeddings;
      if (hidden === undefined) throw new Error('the model has no token embeddings output');
      const data = ownBuffer(hidden.data);
      const mask = ownBuffer(inputs.attention_mask.data);
      parentPort?.postMessage({ id: job.id, data, dims: hidden.dims, mask }, [data.buffer, mask.buffer]);
    } catch (error) {
      parentPort?.postMessage({ id: job.id, error: /** @type {Error} */ (error).message });
    }
  });
  parentPort?.postMessage({ ready: true });
} catch (error) {
  parentPort?.postMessage({ failed: /** @type {Error} */ (error).message });
}
