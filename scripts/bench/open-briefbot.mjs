/**
 * Times opening Briefbot's index in a fresh process, as a start of the bot or the CLI does: the
 * compiled program (dist/, which `npm ci` builds) in plain Node, like open-langchain.mjs for the
 * peer, so that neither load pays a TypeScript loader's hooks on its imports (the bench's own
 * process holds gigabytes from building, which would slow the collector too).
 * `node scripts/bench/open-briefbot.mjs DIR [MODEL_ID]` prints `{"openIndexMs": …, "cpuMs": …, "passages": …}`.
 */
import { performance } from 'node:perf_hooks';
import { openIndex } from '../../dist/retrieval/index-store.js';

const [dir, modelId] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: open-briefbot.mjs DIR [MODEL_ID]');
const cpu = process.cpuUsage();
const started = performance.now();
const index = await openIndex(dir, { modelId: modelId ?? null });
const openIndexMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
console.log(JSON.stringify({ openIndexMs: Math.round(openIndexMs), cpuMs: Math.round((user + system) / 1000), passages: index?.passages.length ?? 0, vectors: index?.vectors?.size ?? 0 }));
