/**
 * A child process for the kill tests: builds the index of CORPUS into INDEX with the tiny test
 * model (so the vector files are written too) and, at the N-th time the writer reports STEP,
 * says `paused at STEP DETAIL` on stdout and stops there, holding everything it holds, until the
 * test kills it. Without STEP it runs to the end and says `done`.
 *
 *   node --import tsx tests/fault/ingest-until-step.ts CORPUS INDEX [STEP [N]]
 */
import { writeSync } from 'node:fs';
import { loadEmbedder } from '../../src/retrieval/embedding-model.js';
import { buildIndex } from '../../src/retrieval/index-store.js';
import { TINY_MODEL } from './child-process.js';

const [corpusDir, indexDir, stopAt, nth] = process.argv.slice(2);
if (corpusDir === undefined || indexDir === undefined) throw new Error('usage: ingest-until-step.ts CORPUS INDEX [STEP [N]]');
const { embedder } = await loadEmbedder({ modelId: TINY_MODEL.EMBEDDING_MODEL, dtype: TINY_MODEL.EMBEDDING_DTYPE, modelsDir: TINY_MODEL.MODELS_DIR, allowDownload: false });
if (embedder === null) throw new Error('the tiny test model did not load');
let seen = 0;
await buildIndex({
  corpusDir,
  indexDir,
  embedder,
  onStep(step, detail) {
    if (step !== stopAt || ++seen !== Number(nth ?? 1)) return;
    writeSync(1, `paused at ${step} ${detail ?? ''}\n`);
    // Blocks this thread for good: the lock's worker thread keeps refreshing the lock, as in a live writer.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
writeSync(1, 'done\n');
