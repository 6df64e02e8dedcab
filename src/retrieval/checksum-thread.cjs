// @ts-check
/**
 * The thread that checks an index's files while the main thread parses them (file-checks.ts
 * starts it): the size and sha256 of a file read from disk in chunks, or of bytes the main
 * thread shares with it. Plain JavaScript beside the TypeScript, so that the same file runs
 * from src/ under the tests and from dist/ (the build copies it).
 */
'use strict';
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { closeSync, openSync, readSync } = require('node:fs');

/** Read size when hashing from disk: a few large reads, without holding a 150 MB file at once. */
const CHUNK_BYTES = 8 << 20;
const chunk = Buffer.allocUnsafe(CHUNK_BYTES);

/** @param {string} file */
function hashFile(file) {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, bytes);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
      bytes += read;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

parentPort?.on('message', (/** @type {{ id: number, file?: string, shared?: SharedArrayBuffer, length?: number }} */ job) => {
  try {
    const result = job.shared === undefined
      ? hashFile(job.file ?? '')
      : { bytes: job.length ?? 0, sha256: createHash('sha256').update(new Uint8Array(job.shared, 0, job.length)).digest('hex') };
    parentPort?.postMessage({ id: job.id, ...result });
  } catch (error) {
    const { code, message } = /** @type {NodeJS.ErrnoException} */ (error);
    parentPort?.postMessage({ id: job.id, error: code ?? message });
  }
});
