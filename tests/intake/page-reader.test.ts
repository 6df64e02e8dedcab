/**
 * The page reader: pages read in a worker thread, as page-article.ts reads them in-process; a page
 * still being read at the time limit refused and its worker ended; one worker for page after page.
 * Timers are fired by the tests (page-workers.ts), so no test waits for a timeout.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleReader } from '../../src/cli/readers.js';
import { ERROR_CODES, userErrorText } from '../../src/errors.js';
import { decodeMarkup } from '../../src/intake/markup.js';
import { articleFromHtml, paragraphsFromHtml } from '../../src/intake/page-article.js';
import { PAGE_READ_TIMEOUT_MS, PAGE_WORKER_IDLE_MS, WorkerPageReader, startPageWorker } from '../../src/intake/page-reader.js';
import { manualTimers, quickWorker, stuckWorker, type StuckWorker } from './page-workers.js';
import { refusal } from './workspace.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/intake');
const URL_EN = 'https://www.coastal-ledger.example/cities/port-velsa-desalination';
const PAGE_EN = decodeMarkup(readFileSync(path.join(FIXTURES, 'news-page.en.html')), null);
const PAGE_VI = decodeMarkup(readFileSync(path.join(FIXTURES, 'news-page.vi.html')), null);
const ENTRY_HTML = '<p>The ferry to Marenza <b>resumes</b> on Monday.</p><ul><li>Two crossings a day</li></ul><p>Tickets go on sale on Friday.</p>';

const readers: WorkerPageReader[] = [];
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

/** A reader whose workers come from `starts` in turn (then real ones), each recorded. */
function readerWith(timers: ReturnType<typeof manualTimers>, ...starts: Array<() => Worker>): { reader: WorkerPageReader; started: Worker[] } {
  const started: Worker[] = [];
  const reader = new WorkerPageReader({
    timer: timers.timer,
    start: () => {
      const worker = (starts.shift() ?? startPageWorker)();
      started.push(worker);
      return worker;
    },
  });
  readers.push(reader);
  return { reader, started };
}

describe('reading pages in a worker thread', () => {
  it('GIVEN pages and a feed entry, one after another and then at once THEN the worker reads them as page-article.ts does in-process, all in one worker', async () => {
    const { reader, started } = readerWith(manualTimers());
    expect(await reader.article(PAGE_EN, URL_EN, URL_EN)).toEqual(articleFromHtml(PAGE_EN, URL_EN));
    expect(await reader.article(PAGE_VI, null, 'thu-vien.html')).toEqual(articleFromHtml(PAGE_VI, null));
    expect(await reader.paragraphs(ENTRY_HTML, URL_EN)).toEqual(paragraphsFromHtml(ENTRY_HTML));
    const [en, vi, entry] = await Promise.all([reader.article(PAGE_EN, URL_EN, URL_EN), reader.article(PAGE_VI, null, 'thu-vien.html'), reader.paragraphs(ENTRY_HTML, URL_EN)]);
    expect(en.title).toBe('Port Velsa opens its first desalination plant');
    expect(vi.title).toBe('Đà Lạt mở thư viện số đầu tiên cho học sinh vùng cao');
    expect(entry).toEqual(['The ferry to Marenza resumes on Monday.', 'Two crossings a day', 'Tickets go on sale on Friday.']);
    expect(started).toHaveLength(1);
  });

  it('GIVEN a page still being read at the time limit THEN it is refused with a clear message, its worker is ended, and the next page gets a fresh worker', async () => {
    const timers = manualTimers();
    let stuck: StuckWorker | undefined;
    const { reader, started } = readerWith(timers, () => {
      stuck = stuckWorker();
      return stuck.worker;
    }, quickWorker);
    const reading = refusal(reader.article(PAGE_EN, URL_EN, URL_EN));
    const waiting = reader.paragraphs('<p>Next in line</p>', URL_EN);
    await stuck!.busy;
    timers.fire(PAGE_READ_TIMEOUT_MS);
    const error = await reading;
    expect(error.code).toBe(ERROR_CODES.PAGE_TOO_SLOW);
    expect(userErrorText(consoleReader('en'), error)).toBe(`Reading ${URL_EN} took longer than 20 s, so I stopped. Nothing was added.`);
    expect(userErrorText(consoleReader('vi'), error)).toBe(`Đọc ${URL_EN} mất quá 20 giây nên tôi đã dừng. Chưa thêm gì.`);
    await stuck!.exited;
    expect(await waiting).toEqual(['Next in line']);
    expect(started).toHaveLength(2);
  });

  it('GIVEN no page for a while THEN the worker is ended, and the next page starts another', async () => {
    const timers = manualTimers();
    const { reader, started } = readerWith(timers, quickWorker, quickWorker);
    expect(await reader.paragraphs('<p>First</p>', URL_EN)).toEqual(['First']);
    expect(timers.pending()).toEqual([PAGE_WORKER_IDLE_MS]);
    const exited = new Promise((resolve) => started[0]!.once('exit', resolve));
    timers.fire(PAGE_WORKER_IDLE_MS);
    await exited;
    expect(await reader.paragraphs('<p>Second</p>', URL_EN)).toEqual(['Second']);
    expect(started).toHaveLength(2);
  });
});
