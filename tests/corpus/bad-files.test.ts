import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { corpusFingerprints, loadCorpus, readCorpusFile } from '../../src/corpus/load.js';
import { buildIndex, isIndexCurrent } from '../../src/retrieval/index-store.js';

/** Faults injected into node:fs/promises by path: errors for open/readdir, and files whose stat changes on every call. */
const faults = vi.hoisted(() => ({ open: new Map<string, string>(), readdir: new Map<string, string>(), restless: new Set<string>(), parser: new Set<string>() }));

/** Files the article parser fails on, as it would on input that defeats it. */
vi.mock('../../src/corpus/parse.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/corpus/parse.js')>();
  return {
    ...real,
    parseArticle: (...args: Parameters<typeof real.parseArticle>) => {
      if (faults.parser.has(args[0].file)) throw new RangeError('Maximum call stack size exceeded');
      return real.parseArticle(...args);
    },
  };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const failure = (code: string, at: unknown) => Object.assign(new Error(`${code}: injected fault, ${String(at)}`), { code });
  let tick = 0;
  const patched = {
    ...real,
    open: (async (file: Parameters<typeof real.open>[0], ...rest: unknown[]) => {
      const code = faults.open.get(String(file));
      if (code !== undefined) throw failure(code, file);
      return (real.open as (...args: unknown[]) => ReturnType<typeof real.open>)(file, ...rest);
    }) as typeof real.open,
    readdir: (async (dir: Parameters<typeof real.readdir>[0], ...rest: unknown[]) => {
      const code = faults.readdir.get(String(dir));
      if (code !== undefined) throw failure(code, dir);
      return (real.readdir as (...args: unknown[]) => unknown)(dir, ...rest);
    }) as typeof real.readdir,
    stat: (async (file: Parameters<typeof real.stat>[0], ...rest: unknown[]) => {
      const info = await (real.stat as (...args: unknown[]) => Promise<import('node:fs').Stats>)(file, ...rest);
      if (faults.restless.has(String(file))) info.mtimeMs += ++tick;
      return info;
    }) as typeof real.stat,
  };
  return { ...patched, default: patched };
});

const CORPUS = path.resolve('corpus');
const roots: string[] = [];
afterEach(async () => {
  faults.open.clear();
  faults.readdir.clear();
  faults.restless.clear();
  faults.parser.clear();
  await Promise.all(roots.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function corpusWith(extra: Record<string, string | Buffer>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bad-files-'));
  roots.push(root);
  const dir = path.join(root, 'corpus');
  await cp(CORPUS, dir, { recursive: true });
  for (const [name, content] of Object.entries(extra)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

const ARTICLE = 'A short article\n\nThe harbour reopened on Monday after the storm. Ships queued outside for two days.\n';
const DEMO_ARTICLES = 5;

describe('a bad file costs only itself', () => {
  it('GIVEN an unreadable file and an unreadable subfolder THEN each is skipped with a warning naming it and the rest is indexed', async () => {
    const dir = await corpusWith({ 'locked.txt': ARTICLE, 'private/inside.txt': ARTICLE, 'open/ok.txt': ARTICLE });
    faults.open.set(path.join(dir, 'locked.txt'), 'EACCES');
    faults.readdir.set(path.join(dir, 'private'), 'EACCES');
    const { articles, warnings } = await loadCorpus(dir);
    expect(articles.map((a) => a.file)).toContain('open/ok.txt');
    expect(articles).toHaveLength(DEMO_ARTICLES + 1);
    expect(warnings).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'locked.txt', code: 'UNREADABLE', message: expect.stringContaining('EACCES') }),
      expect.objectContaining({ file: 'private/', code: 'UNREADABLE', message: expect.stringContaining('private/: folder skipped') }),
    ]));
  });

  it('GIVEN an unreadable file THEN an index built with it is still current at the next start (the bot starts)', async () => {
    const dir = await corpusWith({ 'locked.txt': ARTICLE });
    faults.open.set(path.join(dir, 'locked.txt'), 'EACCES');
    const { index, report } = await buildIndex({ corpusDir: dir, indexDir: path.join(path.dirname(dir), 'index'), embedder: null });
    expect(report.warnings.some((w) => w.startsWith('locked.txt: skipped'))).toBe(true);
    expect(await isIndexCurrent(index, dir)).toBe(true);
    faults.open.clear();
    expect(await isIndexCurrent(index, dir)).toBe(false);
  });

  it('GIVEN a file removed between listing and reading THEN it is skipped as vanished', async () => {
    const dir = await corpusWith({});
    const read = await readCorpusFile({ file: 'gone.txt', absolute: path.join(dir, 'gone.txt') });
    expect(read).toEqual({ warning: expect.objectContaining({ file: 'gone.txt', code: 'VANISHED' }) });
    faults.open.set(path.join(dir, '000_x.txt'), 'ENOENT');
    expect(await readCorpusFile({ file: '000_x.txt', absolute: path.join(dir, '000_x.txt') })).toEqual({ warning: expect.objectContaining({ code: 'VANISHED' }) });
  });

  it('GIVEN a file that keeps changing while it is read THEN it is skipped as changed, and the others are indexed', async () => {
    const dir = await corpusWith({ 'busy.txt': ARTICLE });
    faults.restless.add(path.join(dir, 'busy.txt'));
    const { articles, warnings, sourceFiles } = await loadCorpus(dir);
    expect(articles).toHaveLength(DEMO_ARTICLES);
    expect(warnings).toContainEqual(expect.objectContaining({ file: 'busy.txt', code: 'CHANGED' }));
    expect(sourceFiles['busy.txt']).toBe('skipped:CHANGED');
  });

  it('GIVEN a file over the size cap THEN it is skipped with its size and the cap, and the others are indexed', async () => {
    const dir = await corpusWith({ 'dump.txt': `Server log\n\n${'The request was served in time. '.repeat(1000)}\n` });
    const { maxArticleBytes } = parseConfig({ MAX_ARTICLE_MB: '0.01' });
    const { articles, warnings } = await loadCorpus(dir, { maxArticleBytes });
    expect(articles).toHaveLength(DEMO_ARTICLES);
    expect(warnings).toContainEqual(expect.objectContaining({ file: 'dump.txt', code: 'TOO_LARGE', message: 'dump.txt: skipped, it is 32 KB, over the 11 KB cap (MAX_ARTICLE_MB)' }));
    expect(parseConfig({}).maxArticleBytes).toBe(4 * 1024 * 1024);
  });

  it('GIVEN front matter with a 200,000-item list THEN its front matter is ignored with a warning and its body is indexed', async () => {
    const items = Array.from({ length: 200_000 }, (_, i) => `  - outlet ${i}`).join('\n');
    const dir = await corpusWith({ 'huge-front-matter.md': `---\ntitle: Harbour\nsources:\n${items}\n---\n${ARTICLE}` });
    const { articles, warnings } = await loadCorpus(dir);
    const article = articles.find((a) => a.file === 'huge-front-matter.md');
    expect(article?.sentences.map((s) => s.text)).toContain('The harbour reopened on Monday after the storm.');
    expect(warnings).toContainEqual(expect.objectContaining({ file: 'huge-front-matter.md', code: 'FRONT_MATTER', message: expect.stringContaining('front matter ignored') }));
  });

  it('GIVEN a file the parser fails on THEN it is skipped with the reason, and the others are indexed', async () => {
    const dir = await corpusWith({ 'defeats-parser.txt': ARTICLE });
    faults.parser.add('defeats-parser.txt');
    const { articles, warnings } = await loadCorpus(dir);
    expect(articles).toHaveLength(DEMO_ARTICLES);
    expect(warnings).toContainEqual({ file: 'defeats-parser.txt', code: 'UNPARSABLE', message: 'defeats-parser.txt: skipped, it could not be read as an article (Maximum call stack size exceeded)' });
  });

  it('GIVEN unreadable files THEN their fingerprints say why, so the next start compares like with like', async () => {
    const dir = await corpusWith({ 'locked.txt': ARTICLE });
    faults.open.set(path.join(dir, 'locked.txt'), 'EACCES');
    const fingerprints = await corpusFingerprints(dir);
    expect(fingerprints['locked.txt']).toBe('skipped:UNREADABLE');
    expect(Object.keys(fingerprints)).toHaveLength(DEMO_ARTICLES + 1);
  });
});
