import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { parseConfig } from '../../src/config.js';
import { mulberry32 } from '../../src/quiz/random.js';
import { INDEX_FOLDER_MANIFEST, currentGeneration } from '../../src/retrieval/index-folder.js';
import { isIndexCurrent, openIndex } from '../../src/retrieval/index-store.js';
import { CLI, TINY_MODEL, demoWorkspace, startChild, type Child } from './child-process.js';

/** How many re-ingests are killed. */
const KILLS = 20;
/** The kill moments are drawn from this seed, printed, so that a failing sequence can be replayed. */
const SEED = Date.now() % 2 ** 31;
/** Kill moments are drawn over this multiple of a whole uninterrupted ingest's locked phase, so some ingests finish before the kill. */
const WINDOW_STRETCH = 1.2;
const STEP_LINE = /index write: (\S+)(?: (\S+))?/u;

/** Where a child was when it was killed: after the last write step it logged, or finished first. */
function lastStep(child: Child, exited: boolean): string {
  if (exited) return 'finished before the kill';
  const steps = child.lines.map((l) => STEP_LINE.exec(l)).filter((m) => m !== null);
  const last = steps[steps.length - 1];
  if (last === undefined) return 'starting, before the lock';
  if (last[1] === 'locked') return 'reading, embedding, indexing';
  return last[1] === 'file-written' ? `file-written ${last[2]}` : (last[1] ?? '?');
}

describe('a loop of kill -9 at random moments during re-ingest', () => {
  it(`GIVEN ${KILLS} re-ingests each killed at a random moment THEN after every kill the index opens whole, and after the next start it answers with nothing left over`, async () => {
    const ws = await demoWorkspace('kill-loop-');
    const env = { CORPUS_DIR: ws.corpusDir, DATA_DIR: path.join(ws.root, 'data'), INDEX_DIR: ws.indexDir, ...TINY_MODEL, LOG_LEVEL: 'debug' };
    const random = mulberry32(SEED);
    const landed = new Map<string, number>();
    try {
      const warmUp = startChild(CLI, ['ingest'], env);
      await warmUp.waitFor(/index write: locked/u);
      const lockedAt = Date.now();
      expect((await warmUp.exited).code, warmUp.lines.join('\n')).toBe(0);
      const window = (Date.now() - lockedAt) * WINDOW_STRETCH;
      const files = (await readdir(ws.corpusDir)).sort();

      for (let kill = 0; kill < KILLS; kill++) {
        await appendFile(path.join(ws.corpusDir, files[kill % files.length]!), `\n\nĐoạn thêm số ${kill} để lần nhập lại này có việc để làm.\n`);
        const child = startChild(CLI, ['ingest'], env);
        await child.waitFor(/index write: locked/u);
        const finished = await Promise.race([child.exited.then(() => true), sleep(random() * window).then(() => false)]);
        await child.kill();
        const where = lastStep(child, finished);
        landed.set(where, (landed.get(where) ?? 0) + 1);
        const left = await openIndex(ws.indexDir, { modelId: TINY_MODEL.EMBEDDING_MODEL });
        expect(left?.passages.length, `after kill ${kill + 1} (${where})`).toBeGreaterThan(0);
      }

      const desk = await Desk.open(parseConfig({ ...env, LOG_LEVEL: 'silent' }));
      const answer = await desk.ask('What did Ushakov say about NATO?');
      expect(answer.abstained).toBe(false);
      expect(await isIndexCurrent(desk.index, ws.corpusDir)).toBe(true);
      await desk.close();
      const generation = await currentGeneration(ws.indexDir);
      expect((await readdir(ws.indexDir)).sort()).toEqual([INDEX_FOLDER_MANIFEST, path.basename(generation!)].sort());
    } finally {
      const figures = [...landed.entries()].sort((a, b) => b[1] - a[1]).map(([where, n]) => `${where} ${n}`).join(', ');
      console.log(`kill loop: seed ${SEED}, ${KILLS} kills; last step logged before each kill: ${figures}`);
      await ws.cleanup();
    }
  });
});
