/**
 * One writer per index folder. The lock is proper-lockfile's: a lock folder made by an
 * atomic mkdir, its mtime refreshed while it is held, and taken over by the next writer once
 * it has not been refreshed for LOCK_STALE_MS, which is what a writer killed with -9 leaves.
 *
 * The lock is held from a worker thread. Building the index runs synchronous steps that hold
 * the main thread's event loop for long stretches (59 s at 100k passages on this machine,
 * measured with the loop's longest pause), and a lock refreshed from that loop would look
 * stale to a second writer meanwhile. The worker runs plain JavaScript given as source, so it
 * starts the same under tsx, vitest and compiled JavaScript.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, UserError } from '../errors.js';

/** The lock folder's name inside the index folder. */
export const LOCK_NAME = 'writer.lock';
/**
 * How long a lock may go without a refresh before the next writer takes it over: proper-lockfile's
 * default. Its holder refreshes it every half of that, from a thread nothing else runs on, so only a
 * dead (or frozen) writer's lock gets that old; and a writer killed with -9 costs the next one at most this wait.
 */
export const LOCK_STALE_MS = 10_000;
/** How often a waiting writer tries again. */
const LOCK_RETRY_MS = 250;
/** How long a second writer waits by default: long enough for a dead writer's lock to go stale and be taken over. */
export const LOCK_WAIT_MS = LOCK_STALE_MS + 5_000;

export interface IndexLock {
  /** Throws INDEX_LOCKED when the lock was lost (another writer took it over): nothing may be committed then. */
  assertHeld(): void;
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for another writer; 0 to give up at once. */
  waitMs?: number;
  /** Told once when the lock is held by someone else and this writer starts waiting. */
  onWait?: () => void;
}

type WorkerMessage =
  | { type: 'acquired' }
  | { type: 'failed'; code?: string; message: string }
  | { type: 'compromised'; message: string }
  | { type: 'released'; error?: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const lockfile = require(workerData.modulePath);
let release = null;
const options = {
  lockfilePath: workerData.lockPath, realpath: false, stale: workerData.staleMs,
  onCompromised: (error) => parentPort.postMessage({ type: 'compromised', message: error.message }),
};
function attempt(left) {
  lockfile.lock(workerData.target, options).then((r) => {
    release = r;
    parentPort.postMessage({ type: 'acquired' });
  }, (error) => {
    if (error.code === 'ELOCKED' && left > 0) {
      if (left === workerData.retries) parentPort.postMessage({ type: 'waiting' });
      setTimeout(() => attempt(left - 1), workerData.retryMs);
    } else parentPort.postMessage({ type: 'failed', code: error.code, message: error.message });
  });
}
parentPort.on('message', () => {
  const done = release === null ? Promise.resolve() : release();
  release = null;
  done.then(() => parentPort.postMessage({ type: 'released' }), (error) => parentPort.postMessage({ type: 'released', error: String(error.message) }));
});
attempt(workerData.retries);
`;

const lockfileModulePath = createRequire(import.meta.url).resolve('proper-lockfile');

/** Takes the write lock of the index folder `dir` (which must exist), waiting up to `waitMs` for another writer. */
export async function acquireIndexLock(dir: string, options: LockOptions = {}): Promise<IndexLock> {
  const waitMs = options.waitMs ?? LOCK_WAIT_MS;
  const lockPath = path.join(dir, LOCK_NAME);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { modulePath: lockfileModulePath, target: dir, lockPath, staleMs: LOCK_STALE_MS, retries: Math.ceil(waitMs / LOCK_RETRY_MS), retryMs: LOCK_RETRY_MS },
  });
  let lost: string | null = null;
  let onReleased: ((message: Extract<WorkerMessage, { type: 'released' }>) => void) | null = null;
  const acquired = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage | { type: 'waiting' }) => {
      if (message.type === 'acquired') resolve();
      else if (message.type === 'waiting') options.onWait?.();
      else if (message.type === 'failed') reject(message);
      else if (message.type === 'compromised') lost = message.message;
      else onReleased?.(message);
    });
    worker.on('error', reject);
  });
  try {
    await acquired;
  } catch (failure) {
    await worker.terminate();
    const { code, message } = failure as { code?: string; message: string };
    if (code === 'ELOCKED') {
      throw new UserError(ERROR_CODES.INDEX_LOCKED, 'indexLocked', { dir, seconds: Math.round(waitMs / 1000) });
    }
    throw Object.assign(new Error(`cannot lock the index folder ${dir}: ${message}`), { code, path: lockPath });
  }
  let released: Promise<void> | null = null;
  return {
    assertHeld() {
      if (lost !== null) {
        throw new UserError(ERROR_CODES.INDEX_LOCKED, 'indexTakenOver', { dir, detail: lost });
      }
    },
    release() {
      released ??= new Promise<void>((resolve) => {
        onReleased = () => resolve();
        worker.postMessage('release');
      }).finally(() => worker.terminate().then(() => undefined));
      return released;
    },
  };
}
