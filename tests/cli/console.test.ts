import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { runConsole, runConsoleCommand } from '../../src/cli/console.js';
import { parseConfig } from '../../src/config.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let work: string;
let desk: Desk;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'briefbot-console-'));
  const config = parseConfig({ CORPUS_DIR: path.join(ROOT, 'corpus'), DATA_DIR: path.join(work, 'data'), MODELS_DIR: path.join(work, 'models'), LOG_LEVEL: 'silent' });
  desk = await Desk.open(config, { logger: pino({ level: 'silent' }) });
});

afterAll(async () => {
  await desk?.close();
  await rm(work, { recursive: true, force: true });
});

describe('runConsoleCommand', () => {
  it('/ask about Ushakov and NATO THEN the first cited passage is from article 002 with its highlight marked', async () => {
    const out = await runConsoleCommand('/ask What did Ushakov say about NATO?', desk, 'en');
    expect(out.startsWith('[1] ')).toBe(true);
    expect(out.split('\n')[0]).toMatch(/\[002_/);
    expect(out).toMatch(/»[^«]+«/);
  });

  it('a line without a slash is a question too', async () => {
    expect(await runConsoleCommand('Ushakov NATO', desk, 'en')).toMatch(/^\[1\] /);
  });

  it('/sources lists every article with its id', async () => {
    const out = await runConsoleCommand('/sources', desk, 'vi');
    expect(out.startsWith('5 bài trong bản tin:')).toBe(true);
    expect(out).toContain('002_');
  });

  it('/help lists the commands and the search mode in the chosen language', async () => {
    const en = await runConsoleCommand('/help', desk, 'en');
    expect(en).toContain('/ask <question>');
    expect(en).toMatch(/Multilingual model (NOT )?loaded/);
    expect(await runConsoleCommand('/help', desk, 'vi')).toContain('Các lệnh');
  });

  it('GIVEN an empty /ask THEN the user error is shown in words, not thrown', async () => {
    const out = await runConsoleCommand('/ask', desk, 'en');
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toMatch(/^\[1\]/);
  });

  it('an unknown command points to /help', async () => {
    expect(await runConsoleCommand('/frobnicate', desk, 'en')).toContain('/help');
  });

  it('/reindex reports the ingest numbers', async () => {
    expect(await runConsoleCommand('/reindex', desk, 'en')).toMatch(/^Reindex done in [\d.]+ s: 5 articles/);
  });
});

describe('runConsole', () => {
  it('answers typed lines and stops at /quit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const done = runConsole(desk, 'en', { input, output, colour: false });
    input.end('/sources\n/quit\n/help\n');
    await done;
    expect(text).toContain('5 articles in the briefing');
    expect(text.match(/Commands:/g)?.length).toBe(1);
  });
});

describe('npm start', () => {
  it('GIVEN no token and no terminal THEN it exits 2 with a clear message', async () => {
    const env = { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: path.join(ROOT, 'corpus'), DATA_DIR: path.join(work, 'data') };
    const error = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/main.ts')], { cwd: ROOT, env }).then(
      () => null,
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(error?.code).toBe(2);
    expect(error?.stderr).toContain('DISCORD_TOKEN is not set');
  });
});
