/**
 * Smoke tests of the compiled program as users run it (`npx briefbot …`, `npm start`): built
 * from the sources first, started as real processes, with a module hook that records every
 * package they load.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const PACKAGES_HOOK = path.join(ROOT, 'tests/cli/record-packages.mjs');
/** What a lexical start must not pay for: the model runtime, the vector index, the Discord client. */
const HEAVY_PACKAGES = ['@huggingface/transformers', 'onnxruntime-node', 'sharp', 'hnswlib-node', 'discord.js', '@langchain/core'];

let work: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  packages: string[];
}

async function runBuilt(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const packagesFile = path.join(work, `packages-${Math.random().toString(36).slice(2)}.txt`);
  const fullEnv = {
    ...process.env, DISCORD_TOKEN: '', LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', LOG_LEVEL: 'info',
    CORPUS_DIR: path.join(ROOT, 'corpus'), DATA_DIR: path.join(work, 'data'), MODELS_DIR: path.join(work, 'models'),
    BRIEFBOT_PACKAGES_FILE: packagesFile, ...env,
  };
  const result = await run(process.execPath, ['--import', PACKAGES_HOOK, path.resolve(ROOT, script), ...args], { cwd: ROOT, env: fullEnv }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  const packages = (await readFile(packagesFile, 'utf8').catch(() => '')).split('\n').filter((p) => p !== '');
  return { ...result, packages: [...new Set(packages)] };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'briefbot-bin-'));
  await run(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT });
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the briefbot bin (dist/cli/bin.js)', () => {
  it('GIVEN no model THEN ask --json prints only the JSON answer on stdout, the missing model in one line on stderr, and loads no model runtime, vector index or Discord client', async () => {
    const out = await runBuilt('dist/cli/bin.js', ['ask', 'What did Ushakov say about NATO?', '--json']);
    expect(out.code).toBe(0);
    const answer = JSON.parse(out.stdout) as { abstained: boolean; passages: Array<{ docId: string }> };
    expect(answer.abstained).toBe(false);
    expect(answer.passages[0]?.docId.startsWith('002')).toBe(true);
    const modelLines = out.stderr.split('\n').filter((l) => l.includes('Xenova/multilingual-e5-small'));
    expect(modelLines).toHaveLength(1);
    expect(modelLines[0]).toContain(`not found in ${path.join(work, 'models')}`);
    expect(out.packages).toContain('zod');
    expect(out.packages.filter((p) => HEAVY_PACKAGES.includes(p))).toEqual([]);
  });
});

describe('the briefbot bin with a model', () => {
  it('GIVEN the tiny test model THEN ask answers in hybrid mode: transformers.js and hnswlib-node load as plain Node loads them', async () => {
    const out = await runBuilt('dist/cli/bin.js', ['ask', 'What did Ushakov say about NATO?', '--json'], {
      MODELS_DIR: path.join(ROOT, 'tests/fixtures/models'), EMBEDDING_MODEL: 'briefbot/tiny-multilingual-test', DATA_DIR: path.join(work, 'hybrid-data'),
    });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { mode: string }).mode).toBe('hybrid');
    expect(out.packages).toEqual(expect.arrayContaining(['@huggingface/transformers', 'hnswlib-node']));
  });

  it('GIVEN a model folder without the model files THEN ask answers lexically, says in one line that the model could not be loaded, and exits at once', async () => {
    const models = path.join(work, 'broken-models');
    await mkdir(path.join(models, 'some/broken-model'), { recursive: true });
    // A process held by the failed load (its 120 s timeout) outlives this test's 90 s.
    const out = await runBuilt('dist/cli/bin.js', ['ask', 'What did Ushakov say about NATO?', '--json'], {
      MODELS_DIR: models, EMBEDDING_MODEL: 'some/broken-model', DATA_DIR: path.join(work, 'broken-model-data'),
    });
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { mode: string }).mode).toBe('lexical');
    expect(out.stderr.split('\n').filter((l) => l.includes('some/broken-model could not be loaded'))).toHaveLength(1);
  }, 90_000);
});

describe('the built page reader (dist/intake/page-reader.js)', () => {
  it('GIVEN a news page THEN the compiled program reads it in its worker thread, from the compiled worker and without tsx', async () => {
    const script = path.join(work, 'read-page.mjs');
    await writeFile(script, [
      `import { readFileSync } from 'node:fs';`,
      `import { WorkerPageReader } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/intake/page-reader.js')).href)};`,
      `const html = readFileSync(${JSON.stringify(path.join(ROOT, 'tests/fixtures/intake/news-page.en.html'))}, 'utf8');`,
      `const reader = new WorkerPageReader();`,
      `const article = await reader.article(html, 'https://www.coastal-ledger.example/a', 'the page');`,
      `console.log(JSON.stringify({ title: article.title, source: article.source, paragraphs: article.paragraphs.length }));`,
    ].join('\n'));
    const out = await runBuilt(script, []);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ title: 'Port Velsa opens its first desalination plant', source: 'The Coastal Ledger', paragraphs: 8 });
    expect(out.packages).toContain('linkedom');
    expect(out.packages).not.toContain('tsx');
  });
});

describe('the briefbot bin, exit codes', () => {
  it('GIVEN an unknown command THEN the process exits 2 with the error on stderr and nothing on stdout', async () => {
    const out = await runBuilt('dist/cli/bin.js', ['frobnicate']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/Unknown command/u);
    expect(out.stdout).toBe('');
  });
});

describe('npm start (dist/main.js)', () => {
  it('GIVEN no token and no terminal THEN it exits 2 with a clear message, without loading discord.js', async () => {
    const out = await runBuilt('dist/main.js', []);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('DISCORD_TOKEN is not set');
    expect(out.packages).not.toContain('discord.js');
  });
});
