import { appendFile, cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { parseConfig } from '../../src/config.js';
import { ERROR_CODES } from '../../src/errors.js';
import { acquireIndexLock } from '../../src/retrieval/index-lock.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function setUp(extra: Record<string, string> = {}) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'desk-index-'));
  roots.push(root);
  const corpusDir = path.join(root, 'corpus');
  await cp(path.join(ROOT, 'corpus'), corpusDir, { recursive: true });
  const config = parseConfig({ CORPUS_DIR: corpusDir, DATA_DIR: path.join(root, 'data'), MODELS_DIR: path.join(root, 'models'), LOG_LEVEL: 'silent', ...extra });
  return { root, corpusDir, config };
}

/** A logger that keeps the messages of its warnings. */
function recordingLogger(): { logger: pino.Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(String((JSON.parse(line) as { msg: string }).msg)) });
  return { logger, warnings };
}

describe('Desk.open and the index folder', () => {
  it('GIVEN --index /proc/self THEN opening refuses it at once, naming it', async () => {
    const { config } = await setUp({ INDEX_DIR: '/proc/self' });
    await expect(Desk.open(config)).rejects.toMatchObject({ code: ERROR_CODES.INDEX_DIR_REFUSED, message: expect.stringContaining('/proc/self') });
  });

  it('GIVEN a changed corpus while another process is writing the index THEN the desk answers from the index as it was, with a warning', async () => {
    const { corpusDir, config } = await setUp();
    const first = await Desk.open(config);
    const passages = first.index.passages.length;
    await first.close();
    const [file] = (await readdir(corpusDir)).sort();
    await appendFile(path.join(corpusDir, file!), '\n\nMột đoạn mới để chỉ mục cũ không còn khớp với thư mục bài báo.\n');
    const lock = await acquireIndexLock(config.indexDir);
    try {
      const { logger, warnings } = recordingLogger();
      const desk = await Desk.open(config, { logger, lockWaitMs: 0 });
      expect(desk.index.passages.length).toBe(passages);
      expect((await desk.ask('Ushakov NATO')).abstained).toBe(false);
      expect(warnings.some((w) => w.includes('Another Briefbot process is updating the index') && w.includes('as it was'))).toBe(true);
      await desk.close();
    } finally {
      await lock.release();
    }
  });

  it('GIVEN no index while another process is writing one THEN opening says so instead of waiting for ever', async () => {
    const { config } = await setUp();
    await mkdir(config.indexDir, { recursive: true });
    const lock = await acquireIndexLock(config.indexDir);
    try {
      await expect(Desk.open(config, { lockWaitMs: 0 })).rejects.toMatchObject({ code: ERROR_CODES.INDEX_LOCKED });
    } finally {
      await lock.release();
    }
  });
});
