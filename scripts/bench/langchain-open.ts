/**
 * Times LangChain.js's HNSWLib.load in a fresh process, as scripts/open-index.ts times
 * Briefbot's index: `node --import tsx scripts/bench/langchain-open.ts DIR MODEL_ID` prints
 * `{"openIndexMs": …, "documents": …}`.
 */
import { performance } from 'node:perf_hooks';
import { HuggingFaceTransformersEmbeddings } from '@langchain/community/embeddings/huggingface_transformers';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';

const [dir, modelId] = process.argv.slice(2);
if (dir === undefined || modelId === undefined) throw new Error('usage: langchain-open.ts DIR MODEL_ID');
const started = performance.now();
const store = await HNSWLib.load(dir, new HuggingFaceTransformersEmbeddings({ model: modelId }));
const openIndexMs = performance.now() - started;
console.log(JSON.stringify({ openIndexMs: Math.round(openIndexMs), documents: store.index.getCurrentCount() }));
