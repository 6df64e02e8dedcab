/**
 * Reading web pages off the bot's event loop: the page → article step (page-article.ts,
 * Readability on linkedom, seconds of CPU for a large page) runs in one worker thread
 * (page-worker.ts), one page at a time, so answers, clicks and timers keep going meanwhile. A
 * page that takes longer than PAGE_READ_TIMEOUT_MS ends its worker and is refused; the next page
 * gets a fresh one. The worker starts on the first page and ends after PAGE_WORKER_IDLE_MS
 * without one, giving its memory back; it never keeps the process alive on its own.
 *
 * A worker thread rather than a child process: a page and its article cross as structured
 * clones of strings in the same process, the worker starts in well under a second without a
 * second Node runtime, and `terminate()` stops it even inside a loop that never yields.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, UserError } from '../errors.js';
import type { PageArticle } from './page-article.js';

/**
 * The longest a page may take to read: six to nine times what the largest page the default fetch
 * cap lets in (2 MB) takes on a loaded machine (README, "Reading pages"), so only a page that
 * sends Readability into a pathological case, or one far over the default cap, reaches it.
 */
export const PAGE_READ_TIMEOUT_MS = 20_000;
/**
 * A worker with no page to read for this long is ended: a feed poll or a burst of adds reads its
 * pages seconds apart, while between polls (30 minutes) the worker's memory is better given back.
 */
export const PAGE_WORKER_IDLE_MS = 60_000;

export type PageJob = { id: number; kind: 'article'; html: string; pageUrl: string | null } | { id: number; kind: 'paragraphs'; html: string };
export type PageReply = { ready: true } | { id: number; article: PageArticle } | { id: number; paragraphs: string[] } | { id: number; error: string };

/**
 * Page → article, and an HTML fragment → its paragraphs, as page-article.ts gives them. `where`
 * names the page to the user (its link or file name) when it is refused.
 */
export interface PageReader {
  article(html: string, pageUrl: string | null, where: string): Promise<PageArticle>;
  paragraphs(html: string, where: string): Promise<string[]>;
}

/** Runs `onTimeout` after `ms` unless the returned function is called first. */
export type SetTimer = (ms: number, onTimeout: () => void) => () => void;

const realTimer: SetTimer = (ms, onTimeout) => {
  const timer = setTimeout(onTimeout, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/**
 * The worker, from the compiled page-worker.js beside this module, or, when the sources run
 * through tsx (tests, scripts), from page-worker.ts with tsx's loader registered in the worker
 * first: a worker thread does not inherit the loader of the thread that starts it.
 */
export function startPageWorker(): Worker {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith('.ts')) return new Worker(new URL('./page-worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./page-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

interface Pending {
  job: PageJob;
  where: string;
  resolve: (reply: PageReply) => void;
  reject: (error: unknown) => void;
}

export interface WorkerPageReaderOptions {
  timeoutMs?: number;
  idleMs?: number;
  timer?: SetTimer;
  /** Starts a worker that speaks page-worker.ts's protocol (tests give one that never answers). */
  start?: () => Worker;
}

export class WorkerPageReader implements PageReader {
  private worker: Worker | null = null;
  private ready = false;
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private cancelTimer: (() => void) | null = null;
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private readonly timer: SetTimer;
  private readonly start: () => Worker;

  constructor(options: WorkerPageReaderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? PAGE_READ_TIMEOUT_MS;
    this.idleMs = options.idleMs ?? PAGE_WORKER_IDLE_MS;
    this.timer = options.timer ?? realTimer;
    this.start = options.start ?? startPageWorker;
  }

  async article(html: string, pageUrl: string | null, where: string): Promise<PageArticle> {
    const reply = await this.run({ id: this.nextId++, kind: 'article', html, pageUrl }, where);
    if ('article' in reply) return reply.article;
    throw new Error(`the page worker answered an article job with ${JSON.stringify(Object.keys(reply))}`);
  }

  async paragraphs(html: string, where: string): Promise<string[]> {
    const reply = await this.run({ id: this.nextId++, kind: 'paragraphs', html }, where);
    if ('paragraphs' in reply) return reply.paragraphs;
    throw new Error(`the page worker answered a paragraphs job with ${JSON.stringify(Object.keys(reply))}`);
  }

  /** Ends the worker; pages being read or waiting are refused as a bug would be. A later page starts another worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    const closed = new Error('the page reader was closed');
    for (const pending of this.queue.splice(0)) pending.reject(closed);
    this.stopWorker(closed);
    await worker?.terminate();
  }

  private run(job: PageJob, where: string): Promise<PageReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, where, resolve, reject });
      this.next();
    });
  }

  /** Sends the next job once the worker is ready and free, starting the worker if there is none. */
  private next(): void {
    if (this.current !== null) return;
    const job = this.queue.shift();
    if (job === undefined) {
      this.idle();
      return;
    }
    this.cancelTimer?.();
    this.cancelTimer = null;
    const worker = this.worker ?? this.spawn();
    worker.ref();
    this.current = job;
    if (this.ready) this.send(worker, job);
  }

  private send(worker: Worker, pending: Pending): void {
    this.cancelTimer = this.timer(this.timeoutMs, () => {
      this.cancelTimer = null;
      // A page still being read after the limit: its worker goes, the next page gets a fresh one.
      const stuck = this.current;
      this.current = null;
      void this.worker?.terminate();
      this.worker = null;
      this.ready = false;
      stuck?.reject(new UserError(ERROR_CODES.PAGE_TOO_SLOW, 'pageTooSlow', { where: stuck.where, seconds: this.timeoutMs / 1000 }));
      this.next();
    });
    worker.postMessage(pending.job);
  }

  private spawn(): Worker {
    const worker = this.start();
    this.worker = worker;
    this.ready = false;
    worker.on('message', (reply: PageReply) => {
      if (worker !== this.worker) return;
      if ('ready' in reply) {
        this.ready = true;
        if (this.current !== null) this.send(worker, this.current);
        return;
      }
      const pending = this.current;
      if (pending === null || reply.id !== pending.job.id) return;
      this.cancelTimer?.();
      this.cancelTimer = null;
      this.current = null;
      if ('error' in reply) pending.reject(new Error(`reading ${pending.where} failed in the page worker: ${reply.error}`));
      else pending.resolve(reply);
      this.next();
    });
    worker.on('error', (error) => {
      if (worker === this.worker) this.stopWorker(error);
    });
    worker.on('exit', (code) => {
      if (worker === this.worker) this.stopWorker(new Error(`the page worker stopped (exit code ${code})`));
    });
    return worker;
  }

  /** The worker died or was closed: the page being read fails with `error`, the rest wait for a new worker. */
  private stopWorker(error: unknown): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const current = this.current;
    this.current = null;
    this.worker = null;
    this.ready = false;
    current?.reject(error);
    if (this.queue.length > 0) this.next();
  }

  /** No page to read: the worker no longer keeps the process alive, and goes after idleMs. */
  private idle(): void {
    const worker = this.worker;
    if (worker === null) return;
    worker.unref();
    this.cancelTimer?.();
    this.cancelTimer = this.timer(this.idleMs, () => {
      this.cancelTimer = null;
      if (this.worker !== worker || this.current !== null) return;
      this.worker = null;
      this.ready = false;
      void worker.terminate();
    });
  }
}

/** The process's page reader: one worker for every page, started when the first page comes. */
export const pageReader: PageReader = new WorkerPageReader();
