/**
 * Times LangChain.js's HNSWLib.load in a fresh process, in plain Node as open-briefbot.mjs times
 * Briefbot's index: `node scripts/bench/open-langchain.mjs DIR MODEL_ID` prints
 * `{"openIndexMs": …, "cpuMs": …, "documents": …}`.
 */
import { performance } from 'node:perf_hooks';
import { HuggingFaceTransformersEmbeddings } from '@langchain/community/embeddings/huggingface_transformers';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';

const [dir, modelId] = process.argv.slice(2);
if (dir === undefined || modelId === undefined) throw new Error('usage: open-langchain.mjs DIR MODEL_ID');
const cpu = process.cpuUsage();
const started = performance.now();
const store = await HNSWLib.load(dir, new HuggingFaceTransformersEmbeddings({ model: modelId }));
const openIndexMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
console.log(JSON.stringify({ openIndexMs: Math.round(openIndexMs), cpuMs: Math.round((user + system) / 1000), documents: store.index.getCurrentCount() }));
