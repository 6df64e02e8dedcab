/**
 * How long reducing a web page to its article takes (Readability on linkedom), by page size:
 * the English fixture page with related-story cards added to its sidebar until it reaches each
 * size. `npx tsx scripts/bench-page.ts [MB …]`. The bot's event loop waits while a page is read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleFromHtml } from '../src/intake/page-article.js';

const RUNS = 3;
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const base = readFileSync(path.join(import.meta.dirname, '../tests/fixtures/intake/news-page.en.html'), 'utf8');
const card = '<div class="card"><a href="/x">A related headline about the city and the harbour</a><p>Teaser text for another story in the list.</p></div>';

console.log('| page | median of 3 | paragraphs found |');
console.log('| --- | --- | --- |');
for (const mb of sizes.length > 0 ? sizes : [0.1, 0.5, 1, 2]) {
  const cards = Math.max(0, Math.floor((mb * 2 ** 20 - base.length) / card.length));
  const page = base.replace('<aside class="sidebar">', `<aside class="sidebar">${card.repeat(cards)}`);
  const times: number[] = [];
  let paragraphs = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    paragraphs = articleFromHtml(page, 'https://news.example/a').paragraphs.length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${(page.length / 2 ** 20).toFixed(1)} MB | ${((times[1] ?? 0) / 1000).toFixed(2)} s | ${paragraphs} |`);
}
