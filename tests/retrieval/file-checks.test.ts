/**
 * An index's files are checked here or, for a large index, on a thread of their own: both give
 * the size and sha256 of the file on disk or of the bytes shared with them, and say when a file
 * cannot be read.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { THREAD_CHECK_MIN_BYTES, fileChecks } from '../../src/retrieval/file-checks.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Bytes that are not one repeated value, larger than one read chunk. */
function sample(size: number): Buffer {
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i++) data[i] = (i * 7919 + (i >> 13)) & 0xff;
  return data;
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe.each([
  ['here (a small index)', 0],
  ['on a thread of their own (a large index)', THREAD_CHECK_MIN_BYTES],
])('file checks %s', (_where, totalBytes) => {
  it('GIVEN a file on disk and the same bytes in memory THEN both checks give its size and sha256', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'briefbot-checks-'));
    dirs.push(dir);
    const data = sample((9 << 20) + 123);
    await writeFile(path.join(dir, 'f.bin'), data);
    const checks = fileChecks(totalBytes);
    try {
      const shared = checks.allocate(data.length);
      data.copy(shared);
      const expected = { bytes: data.length, sha256: sha256(data) };
      expect(await checks.ofFile(path.join(dir, 'f.bin'))).toEqual(expected);
      expect(await checks.ofBytes(shared)).toEqual(expected);
      await expect(checks.ofFile(path.join(dir, 'absent.bin'))).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await checks.close();
    }
  });
});
