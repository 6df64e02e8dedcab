/**
 * Sizes and sha256 of an index's files, to verify them on load. A large index is checked on a
 * thread of its own (checksum-thread.cjs) while the main thread parses the same bytes, shared
 * with it rather than copied, and hnswlib reads its graph: on two cores the checks cost an
 * index load little more than the reading. A small index is checked here, since starting a
 * thread costs more than hashing a few megabytes.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/**
 * An index with more bytes than this is checked on a thread of its own. sha256 runs at about
 * 1.4 GB/s here, so 64 MB take some 45 ms of the main thread; starting a thread costs about 40 ms
 * of CPU, 4-16 ms of it on the main thread, and competes for the second core with hnswlib. At the
 * bench's 10k passages (37 MB) the thread made loads slower (median 346 against 258 ms, 7 runs
 * each, machine shared); at 100k (330 MB) it takes some 230 ms of hashing off the main thread.
 */
export const THREAD_CHECK_MIN_BYTES = 64 << 20;
/** Read size when hashing a file from disk here (see checksum-thread.cjs). */
const CHUNK_BYTES = 8 << 20;

export interface FileCheck {
  bytes: number;
  sha256: string;
}

export interface FileChecks {
  /** A buffer for `size` bytes that `ofBytes` checks without copying them. */
  allocate(size: number): Buffer;
  /** The size and sha256 of `file` as it is on disk; rejects with the error code when it cannot be read. */
  ofFile(file: string): Promise<FileCheck>;
  /** The size and sha256 of `data` (from `allocate`), which must not change until this settles. */
  ofBytes(data: Buffer): Promise<FileCheck>;
  close(): Promise<void>;
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const here: FileChecks = {
  allocate: (size) => Buffer.allocUnsafe(size),
  async ofFile(file) {
    const handle = await open(file, 'r');
    try {
      const hash = createHash('sha256');
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      let bytes = 0;
      for (;;) {
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, bytes);
        if (bytesRead === 0) break;
        hash.update(chunk.subarray(0, bytesRead));
        bytes += bytesRead;
      }
      return { bytes, sha256: hash.digest('hex') };
    } finally {
      await handle.close();
    }
  },
  ofBytes: async (data) => ({ bytes: data.length, sha256: sha256(data) }),
  close: async () => undefined,
};

type Reply = { id: number; bytes: number; sha256: string } | { id: number; error: string };

function onThread(): FileChecks {
  const worker = new Worker(new URL('./checksum-thread.cjs', import.meta.url));
  const pending = new Map<number, { resolve: (check: FileCheck) => void; reject: (error: Error) => void }>();
  let next = 0;
  const failAll = (error: Error): void => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const job = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) job?.reject(Object.assign(new Error(reply.error), { code: reply.error }));
    else job?.resolve({ bytes: reply.bytes, sha256: reply.sha256 });
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the checksum thread stopped')));
  const post = (job: { file: string } | { shared: ArrayBufferLike; length: number }): Promise<FileCheck> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...job });
    });
  return {
    allocate: (size) => Buffer.from(new SharedArrayBuffer(size)),
    ofFile: (file) => post({ file }),
    ofBytes(data) {
      if (!(data.buffer instanceof SharedArrayBuffer) || data.byteOffset !== 0) throw new Error('ofBytes checks only buffers from allocate');
      return post({ shared: data.buffer, length: data.length });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** Checks for an index of `totalBytes`: on a thread of their own when it is large. */
export function fileChecks(totalBytes: number): FileChecks {
  return totalBytes >= THREAD_CHECK_MIN_BYTES ? onThread() : here;
}
