import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { parseConfig, type Config } from '../../src/config.js';
import { INDEX_FOLDER_MANIFEST, currentGeneration } from '../../src/retrieval/index-folder.js';
import type { IndexWriteStep } from '../../src/retrieval/index-folder.js';
import { isIndexCurrent, openIndex } from '../../src/retrieval/index-store.js';
import { CLI, ROOT, TINY_MODEL, demoWorkspace, startChild } from './child-process.js';

const STEP_CHILD = path.join(ROOT, 'tests/fault/ingest-until-step.ts');
const QUESTION = 'What did Ushakov say about NATO?';

function configFor(ws: { root: string; corpusDir: string; indexDir: string }): Readonly<Config> {
  return parseConfig({ CORPUS_DIR: ws.corpusDir, DATA_DIR: path.join(ws.root, 'data'), INDEX_DIR: ws.indexDir, ...TINY_MODEL, LOG_LEVEL: 'silent' });
}

/** The index folder holds only the marker manifest and the current generation: nothing left over, no lock. */
async function expectNoLeftovers(indexDir: string): Promise<void> {
  const generation = await currentGeneration(indexDir);
  expect(generation).not.toBeNull();
  expect((await readdir(indexDir)).sort()).toEqual([INDEX_FOLDER_MANIFEST, path.basename(generation!)].sort());
}

/** Where a rebuild is stopped, and whether the new index is already the current one there. */
const STOPS: ReadonlyArray<{ step: IndexWriteStep; nth: number; what: string; swapped: boolean }> = [
  { step: 'locked', nth: 1, what: 'the lock just taken', swapped: false },
  { step: 'generation-created', nth: 1, what: 'an empty new generation', swapped: false },
  { step: 'file-written', nth: 1, what: 'the document store written', swapped: false },
  { step: 'file-written', nth: 2, what: 'the lexical index written', swapped: false },
  { step: 'file-written', nth: 3, what: 'the HNSW graph written', swapped: false },
  { step: 'file-written', nth: 4, what: 'the vector ids written', swapped: false },
  { step: 'file-written', nth: 5, what: 'the generation manifest written', swapped: false },
  { step: 'generation-complete', nth: 1, what: 'the generation flushed, not yet swapped in', swapped: false },
  { step: 'committed', nth: 1, what: 'swapped in, the old generation not yet deleted', swapped: true },
  { step: 'cleaned', nth: 1, what: 'everything done but the lock', swapped: true },
];

describe.concurrent('kill -9 at each step of a rebuild', () => {
  it.each(STOPS)('GIVEN a rebuild killed with $what THEN the index left opens whole, and the next start answers and leaves nothing over', async ({ step, nth, swapped }) => {
    const ws = await demoWorkspace('kill-step-');
    try {
      const config = configFor(ws);
      const before = await Desk.open(config);
      const oldHash = before.index.manifest.corpusHash;
      await before.close();
      const [file] = (await readdir(ws.corpusDir)).sort();
      await appendFile(path.join(ws.corpusDir, file!), '\n\nMột đoạn mới để bản dựng sau khác bản trước.\n');

      const child = startChild(STEP_CHILD, [ws.corpusDir, ws.indexDir, step, String(nth)]);
      await child.waitFor(/^paused at /u);
      await child.kill();

      const left = await openIndex(ws.indexDir, { modelId: TINY_MODEL.EMBEDDING_MODEL });
      expect(left).not.toBeNull();
      if (swapped) expect(left!.manifest.corpusHash).not.toBe(oldHash);
      else expect(left!.manifest.corpusHash).toBe(oldHash);

      const after = await Desk.open(config);
      expect((await after.ask(QUESTION)).abstained).toBe(false);
      expect(await isIndexCurrent(after.index, ws.corpusDir)).toBe(true);
      await after.close();
      await expectNoLeftovers(ws.indexDir);
    } finally {
      await ws.cleanup();
    }
  });
});

describe('concurrent ingests', () => {
  it('GIVEN three CLI ingests started at once into one folder THEN all three succeed and the index is whole', async () => {
    const ws = await demoWorkspace('three-ingests-');
    try {
      const env = { CORPUS_DIR: ws.corpusDir, DATA_DIR: path.join(ws.root, 'data'), INDEX_DIR: ws.indexDir, ...TINY_MODEL };
      const children = [0, 1, 2].map(() => startChild(CLI, ['ingest', '--json'], env));
      const exits = await Promise.all(children.map((c) => c.exited));
      expect(exits.map((e) => e.code), children.flatMap((c) => c.lines).join('\n')).toEqual([0, 0, 0]);
      const reports = children.map((c) => JSON.parse(c.lines.find((l) => l.startsWith('{'))!) as { articles: number });
      expect(reports.map((r) => r.articles)).toEqual([5, 5, 5]);
      await expectNoLeftovers(ws.indexDir);
      expect(await openIndex(ws.indexDir, { modelId: TINY_MODEL.EMBEDDING_MODEL })).not.toBeNull();
    } finally {
      await ws.cleanup();
    }
  });

  it('GIVEN an ingest in progress THEN a second one says it waits; once the first is killed, the second takes its lock over and finishes', async () => {
    const ws = await demoWorkspace('waiting-ingest-');
    try {
      const first = startChild(STEP_CHILD, [ws.corpusDir, ws.indexDir, 'generation-complete']);
      await first.waitFor(/^paused at /u);
      const second = startChild(CLI, ['ingest'], { CORPUS_DIR: ws.corpusDir, DATA_DIR: path.join(ws.root, 'data'), INDEX_DIR: ws.indexDir, ...TINY_MODEL });
      await second.waitFor(/another Briefbot process is updating the index; waiting for it/u);
      await first.kill();
      expect((await second.exited).code, second.lines.join('\n')).toBe(0);
      expect(second.lines.some((l) => /^Indexed 5 articles/u.test(l))).toBe(true);
      await expectNoLeftovers(ws.indexDir);
    } finally {
      await ws.cleanup();
    }
  });
});
