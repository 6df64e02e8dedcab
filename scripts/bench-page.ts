/**
 * How long reducing a web page to its article takes (Readability on linkedom), by page size, and
 * how long the bot's event loop stalls meanwhile: read in-process (as before the page worker) and
 * through the page reader's worker thread (as the bot reads pages). The page is the English
 * fixture page with related-story cards added to its sidebar until it reaches each size.
 * `npx tsx scripts/bench-page.ts [MB …]`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleFromHtml } from '../src/intake/page-article.js';
import { WorkerPageReader } from '../src/intake/page-reader.js';

const RUNS = 3;
/** How often the event loop is sampled: its longest stall is seen to within this. */
const TICK_MS = 5;
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const base = readFileSync(path.join(import.meta.dirname, '../tests/fixtures/intake/news-page.en.html'), 'utf8');
const card = '<div class="card"><a href="/x">A related headline about the city and the harbour</a><p>Teaser text for another story in the list.</p></div>';

/** The median time of `RUNS` reads and the longest gap between event-loop ticks during them. */
async function measure(read: () => Promise<number> | number): Promise<{ seconds: number; stall: number; paragraphs: number }> {
  const times: number[] = [];
  let stall = 0;
  let paragraphs = 0;
  for (let i = 0; i < RUNS; i++) {
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      stall = Math.max(stall, now - last);
      last = now;
    }, TICK_MS);
    const started = performance.now();
    paragraphs = await read();
    times.push(performance.now() - started);
    stall = Math.max(stall, performance.now() - last);
    clearInterval(ticker);
  }
  times.sort((a, b) => a - b);
  return { seconds: (times[1] ?? 0) / 1000, stall: stall / 1000, paragraphs };
}

const reader = new WorkerPageReader();
// The worker starts once and then reads page after page: its start is not part of a page's time.
await reader.paragraphs('<p>warm-up</p>', 'warm-up');
console.log('| page | in-process: median of 3 | event-loop stall | worker thread: median of 3 | event-loop stall | paragraphs found |');
console.log('| --- | --- | --- | --- | --- | --- |');
const s = (n: number): string => `${n.toFixed(2)} s`;
// The floor: the longest stall of an event loop with nothing to do, on this machine at its present load.
const idle = await measure(() => new Promise<number>((resolve) => setTimeout(() => resolve(0), 1000)));
console.log(`| no page (1 s idle) | | ${s(idle.stall)} | | ${s(idle.stall)} | |`);
for (const mb of sizes.length > 0 ? sizes : [0.1, 0.5, 1, 2]) {
  const cards = Math.max(0, Math.floor((mb * 2 ** 20 - base.length) / card.length));
  const page = base.replace('<aside class="sidebar">', `<aside class="sidebar">${card.repeat(cards)}`);
  const inProcess = await measure(() => articleFromHtml(page, 'https://news.example/a').paragraphs.length);
  const inWorker = await measure(async () => (await reader.article(page, 'https://news.example/a', 'bench')).paragraphs.length);
  if (inWorker.paragraphs !== inProcess.paragraphs) throw new Error(`the worker found ${inWorker.paragraphs} paragraphs, in-process ${inProcess.paragraphs}`);
  console.log(`| ${(page.length / 2 ** 20).toFixed(1)} MB | ${s(inProcess.seconds)} | ${s(inProcess.stall)} | ${s(inWorker.seconds)} | ${s(inWorker.stall)} | ${inProcess.paragraphs} |`);
}
await reader.close();
