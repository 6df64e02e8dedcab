/**
 * Stand-ins for the page reader's worker and timers: a worker that starts reading a page and
 * never finishes (a thread stuck in a loop, as a pathological page would leave it), a worker that
 * answers at once without a DOM (starts in milliseconds, where the real one takes seconds under
 * tsx), and timers the test fires itself, so a timeout is reached without waiting for it.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { SetTimer } from '../../src/intake/page-reader.js';

/** Says it is ready, as page-worker.ts does; on its first job says `busy` (outside the protocol) and loops forever. */
const STUCK_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', () => {
  parentPort.postMessage({ busy: true });
  for (;;);
});
parentPort.postMessage({ ready: true });
`;

/** Speaks page-worker.ts's protocol; a fragment's paragraphs are its text between tags. */
const QUICK_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => {
  parentPort.postMessage({ id: job.id, paragraphs: job.html.split(/<[^>]*>/u).filter((t) => t.trim() !== '') });
});
parentPort.postMessage({ ready: true });
`;

/** A worker that answers paragraph jobs at once (not article jobs). */
export function quickWorker(): Worker {
  return new Worker(QUICK_WORKER, { eval: true });
}

export interface StuckWorker {
  worker: Worker;
  /** Resolves once the worker has taken a page and is stuck on it. */
  busy: Promise<void>;
  exited: Promise<unknown>;
}

export function stuckWorker(): StuckWorker {
  const worker = new Worker(STUCK_WORKER, { eval: true });
  const busy = new Promise<void>((resolve) => {
    worker.on('message', (message: { busy?: boolean }) => {
      if (message.busy === true) resolve();
    });
  });
  return { worker, busy, exited: once(worker, 'exit') };
}

/** Timers that fire only when the test says so. */
export function manualTimers(): { timer: SetTimer; pending: () => number[]; fire: (ms: number) => void } {
  const live = new Set<{ ms: number; onTimeout: () => void }>();
  return {
    timer: (ms, onTimeout) => {
      const entry = { ms, onTimeout };
      live.add(entry);
      return () => live.delete(entry);
    },
    pending: () => [...live].map((t) => t.ms),
    fire: (ms) => {
      const due = [...live].filter((t) => t.ms === ms);
      if (due.length === 0) throw new Error(`no timer of ${ms} ms is waiting`);
      for (const t of due) {
        live.delete(t);
        t.onTimeout();
      }
    },
  };
}
