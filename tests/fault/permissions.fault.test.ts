import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, TINY_MODEL, demoWorkspace, startChild } from './child-process.js';

/** Root reads everything: as root the CLI runs as `nobody` to meet real EACCES; any other user meets them as it is. */
const NOBODY = 65534;
const asUnprivileged = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
const ARTICLE = 'A short article\n\nThe harbour reopened on Monday after the storm. Ships queued outside for two days.\n';

async function unprivilegedWorkspace() {
  const ws = await demoWorkspace('permissions-');
  const writable = path.join(ws.root, 'writable');
  await mkdir(writable);
  await chmod(ws.root, 0o755);
  await chmod(writable, 0o777);
  return { ...ws, writable };
}

describe('files the user running Briefbot may not read or write', () => {
  it('GIVEN an unreadable article and an unreadable subfolder THEN the ingest warns naming each, indexes the rest and exits 0', async () => {
    const ws = await unprivilegedWorkspace();
    try {
      await writeFile(path.join(ws.corpusDir, 'locked.txt'), ARTICLE);
      await mkdir(path.join(ws.corpusDir, 'private'));
      await writeFile(path.join(ws.corpusDir, 'private', 'inside.txt'), ARTICLE);
      await chmod(path.join(ws.corpusDir, 'locked.txt'), 0o000);
      await chmod(path.join(ws.corpusDir, 'private'), 0o000);
      const env = { CORPUS_DIR: ws.corpusDir, DATA_DIR: path.join(ws.writable, 'data'), ...TINY_MODEL };
      const child = startChild(CLI, ['ingest'], env, asUnprivileged);
      const { code } = await child.exited;
      expect(code, child.lines.join('\n')).toBe(0);
      expect(child.lines).toContainEqual(expect.stringMatching(/^Indexed 5 articles/u));
      expect(child.lines).toContainEqual('warning: locked.txt: skipped, it cannot be read (EACCES)');
      expect(child.lines).toContainEqual('warning: private/: folder skipped, it cannot be read (EACCES)');
    } finally {
      await chmod(path.join(ws.corpusDir, 'private'), 0o755).catch(() => undefined);
      await ws.cleanup();
    }
  });

  it('GIVEN an index folder the user may not create THEN one line says so, naming it, with exit code 2', async () => {
    const ws = await unprivilegedWorkspace();
    try {
      const indexDir = path.join(ws.root, 'index');
      const env = { CORPUS_DIR: ws.corpusDir, DATA_DIR: path.join(ws.writable, 'data'), INDEX_DIR: indexDir, ...TINY_MODEL };
      const child = startChild(CLI, ['ingest'], env, asUnprivileged);
      const { code } = await child.exited;
      expect(code, child.lines.join('\n')).toBe(2);
      expect(child.lines).toEqual([expect.stringMatching(new RegExp(`^error: Cannot write the index folder ${indexDir} \\(EACCES on `, 'u'))]);
    } finally {
      await ws.cleanup();
    }
  });
});
