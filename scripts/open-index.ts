/**
 * Times opening an index in a fresh process, as a start of the bot or the CLI does (the
 * benchmark's own process holds gigabytes from building, which slows the collector).
 * `npx tsx scripts/open-index.ts DIR [MODEL_ID]` prints `{"openIndexMs": …, "passages": …}`.
 */
import { performance } from 'node:perf_hooks';
import { openIndex } from '../src/retrieval/index-store.js';

const [dir, modelId] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: open-index.ts DIR [MODEL_ID]');
const started = performance.now();
const index = await openIndex(dir, { modelId: modelId ?? null });
const openIndexMs = performance.now() - started;
console.log(JSON.stringify({ openIndexMs: Math.round(openIndexMs), passages: index?.passages.length ?? 0, vectors: index?.vectors?.size ?? 0 }));
