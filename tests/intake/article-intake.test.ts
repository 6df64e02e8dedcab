/**
 * Adding articles to a real desk (lexical mode) over a copy of the demo corpus: by link from a
 * local server, by file, and removing them; the corpus folder stays the source of truth.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../src/briefing/desk.js';
import type { Config } from '../../src/config.js';
import { ERROR_CODES, userErrorText } from '../../src/errors.js';
import { ConsoleSession } from '../../src/cli/console-commands.js';
import { consoleReader } from '../../src/cli/readers.js';
import { ArticleIntake } from '../../src/intake/article-intake.js';
import { SafeFetcher } from '../../src/intake/fetch.js';
import { PAGE_READ_TIMEOUT_MS, WorkerPageReader } from '../../src/intake/page-reader.js';
import { LocalWeb } from './local-web.js';
import { manualTimers, stuckWorker } from './page-workers.js';
import { Workspaces, countingDesk, refusal } from './workspace.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/intake');
const NOW = new Date('2025-12-10T09:00:00.000Z');

let web: LocalWeb;
const workspaces = new Workspaces();

beforeAll(async () => {
  web = new LocalWeb();
  await web.start();
  web.set('/cities/port-velsa-desalination', { body: await readFile(path.join(FIXTURES, 'news-page.en.html')) });
  web.set('/mirror/port-velsa', { body: await readFile(path.join(FIXTURES, 'news-page.en.html')) });
  web.set('/giao-duc/thu-vien-so', { body: await readFile(path.join(FIXTURES, 'news-page.vi.html')) });
  web.set('/login', { body: await readFile(path.join(FIXTURES, 'no-article.html')) });
});

afterAll(async () => {
  await web.stop();
});

afterEach(async () => {
  await workspaces.cleanUp();
  web.requests.length = 0;
});

async function setUp(): Promise<{ config: Readonly<Config>; desk: Desk; intake: ArticleIntake }> {
  const config = await workspaces.config({ FETCH_ALLOW_PRIVATE_HOSTS: '1' });
  const desk = await workspaces.desk(config);
  const fetcher = new SafeFetcher({ allowPrivateHosts: config.fetchAllowPrivateHosts, timeoutMs: config.fetchTimeoutMs, maxBytes: config.fetchMaxBytes });
  const intake = new ArticleIntake({ desk, fetcher, corpusDir: config.corpusDir, addedDir: config.addedDir, removedDir: config.removedArticlesDir, maxArticleBytes: config.maxArticleBytes, now: () => NOW });
  return { config, desk, intake };
}

async function addedFiles(config: Readonly<Config>): Promise<string[]> {
  return readdir(config.addedDir).catch(() => []);
}

const NAVIGATION_AND_RELATED = ['Subscribe to our newsletter', 'Drought hits northern farms', 'Reservoir levels fall', 'Velsa United', 'Zephyr', 'Most read', 'Holiday flights'];

describe('adding an article by link', () => {
  it('GIVEN the local news page THEN it becomes a corpus file with front matter, and /ask on a fact only it holds cites it with title, source and date', async () => {
    const { config, desk, intake } = await setUp();
    const before = await desk.ask('How many cubic metres of drinking water will the Port Velsa plant produce a day?');
    expect(before.passages.some((p) => p.text.includes('42,000'))).toBe(false);

    const { article, report } = await intake.addUrl(web.url('/cities/port-velsa-desalination'), 'discord:300000000000000001 (mira)');
    expect(article).toMatchObject({ title: 'Port Velsa opens its first desalination plant', date: '2025-11-20', sources: ['The Coastal Ledger'], author: 'Mira Castell', url: web.url('/cities/port-velsa-desalination') });
    expect(report).toMatchObject({ added: 1, unchanged: 5, removed: 0 });

    const [file] = await addedFiles(config);
    expect(file).toMatch(/^2025-11-20-port-velsa-opens-its-first-desalination-plant-[0-9a-f]{8}\.txt$/);
    const text = await readFile(path.join(config.addedDir, file!), 'utf8');
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, string>;
    expect(front).toEqual({
      title: 'Port Velsa opens its first desalination plant', source: 'The Coastal Ledger', url: web.url('/cities/port-velsa-desalination'),
      date: '2025-11-20', author: 'Mira Castell', added_by: 'discord:300000000000000001 (mira)', added_at: NOW.toISOString(),
    });

    const answer = await desk.ask('How many cubic metres of drinking water will the Port Velsa plant produce a day?');
    expect(answer.passages[0]).toMatchObject({ docId: article.docId, title: article.title, source: 'The Coastal Ledger', date: '2025-11-20' });
    expect(answer.passages[0]!.text).toContain('42,000 cubic metres');
    const passages = desk.index.passages.filter((p) => p.docId === article.docId).map((p) => p.text).join('\n');
    for (const furniture of NAVIGATION_AND_RELATED) expect(passages).not.toContain(furniture);
  });

  it('GIVEN an added article WHEN the desk is opened again (a restart) THEN it is still in the briefing', async () => {
    const { config, intake } = await setUp();
    const { article } = await intake.addUrl(web.url('/giao-duc/thu-vien-so'), 'console');
    const reopened = await workspaces.desk(config);
    expect(reopened.index.articles.get(article.docId)?.title).toBe('Đà Lạt mở thư viện số đầu tiên cho học sinh vùng cao');
    const answer = await reopened.ask('Thư viện số ở Đà Lạt có bao nhiêu máy tính bảng?');
    expect(answer.passages[0]?.docId).toBe(article.docId);
  });

  it('GIVEN a link already added, also with tracking parameters or a fragment THEN it is refused without fetching again', async () => {
    const { config, intake } = await setUp();
    await intake.addUrl(web.url('/cities/port-velsa-desalination'), 'console');
    for (const again of ['/cities/port-velsa-desalination', '/cities/port-velsa-desalination?utm_source=discord&utm_medium=share', '/cities/port-velsa-desalination#comments']) {
      const error = await refusal(intake.addUrl(web.url(again), 'console'));
      expect(error.code).toBe(ERROR_CODES.ARTICLE_DUPLICATE);
    }
    expect(web.requestsTo('/cities/port-velsa-desalination')).toHaveLength(1);
    expect(await addedFiles(config)).toHaveLength(1);
  });

  it('GIVEN the same article at another address THEN it is refused as the same text', async () => {
    const { config, intake } = await setUp();
    const { article } = await intake.addUrl(web.url('/cities/port-velsa-desalination'), 'console');
    const error = await refusal(intake.addUrl(web.url('/mirror/port-velsa'), 'console'));
    expect(error.userMessage).toEqual({ key: 'articleDuplicate', params: { title: article.title, docId: article.docId } });
    expect(await addedFiles(config)).toHaveLength(1);
  });

  it('GIVEN a page without a title THEN it is named by its first words and its first paragraph stays body text', async () => {
    const { desk, intake } = await setUp();
    const paragraphs = ['The harbour master said on Monday that the new pier would open in May, two months later than planned, because winter storms damaged the pilings.', 'Fishing boats will keep using the old pier until then, and the ferry to Marenza will dock at the container quay.'];
    const { article } = await intake.addDraft({ title: '', paragraphs, byline: null, date: null, source: 'Harbour Wire', url: null }, 'console');
    expect(article.title).toBe('The harbour master said on Monday that the new pier would open in May, two…');
    expect(desk.index.articles.get(article.docId)!.sentences[0]!.text).toBe(paragraphs[0]);
  });

  it('GIVEN two adds at once THEN both are added, each once', async () => {
    const { desk, intake } = await setUp();
    const [a, b] = await Promise.all([intake.addUrl(web.url('/cities/port-velsa-desalination'), 'console'), intake.addUrl(web.url('/giao-duc/thu-vien-so'), 'console')]);
    expect(desk.index.articles.has(a.article.docId) && desk.index.articles.has(b.article.docId)).toBe(true);
    expect(desk.index.articles.size).toBe(7);
  });

  it('GIVEN articles added together THEN one index update takes them in, and a copy among them costs only itself', async () => {
    const { config, desk } = await setUp();
    const counted = countingDesk(desk);
    const intake = new ArticleIntake({ desk: counted, fetcher: new SafeFetcher({ allowPrivateHosts: true, timeoutMs: 5_000, maxBytes: config.fetchMaxBytes }), corpusDir: config.corpusDir, addedDir: config.addedDir, removedDir: config.removedArticlesDir, maxArticleBytes: config.maxArticleBytes });
    const prepared = await Promise.all(['/cities/port-velsa-desalination', '/giao-duc/thu-vien-so', '/mirror/port-velsa'].map((p) => intake.prepareUrl(web.url(p), 'console')));
    const [en, vi, mirror] = await Promise.allSettled(prepared.map((p) => intake.add(p)));
    expect(counted.updates).toBe(1);
    expect(en).toMatchObject({ status: 'fulfilled', value: { article: { title: 'Port Velsa opens its first desalination plant' }, report: { added: 2 } } });
    expect(vi).toMatchObject({ status: 'fulfilled', value: { article: { title: 'Đà Lạt mở thư viện số đầu tiên cho học sinh vùng cao' } } });
    expect(mirror).toMatchObject({ status: 'rejected', reason: { code: ERROR_CODES.ARTICLE_DUPLICATE, userMessage: { params: { title: 'Port Velsa opens its first desalination plant' } } } });
    expect(await addedFiles(config)).toHaveLength(2);
    expect(desk.index.articles.size).toBe(7);
  });

  it('GIVEN adds asked for while an index update runs THEN they share the next update', async () => {
    const { config, desk } = await setUp();
    const counted = countingDesk(desk);
    const intake = new ArticleIntake({ desk: counted, fetcher: new SafeFetcher({ allowPrivateHosts: true, timeoutMs: 5_000, maxBytes: config.fetchMaxBytes }), corpusDir: config.corpusDir, addedDir: config.addedDir, removedDir: config.removedArticlesDir, maxArticleBytes: config.maxArticleBytes });
    const [first, second, third] = await Promise.all(['/cities/port-velsa-desalination', '/giao-duc/thu-vien-so', '/login'].map((p) => intake.prepareUrl(web.url(p), 'console').catch(() => null)));
    expect(third).toBeNull();
    const later: Array<Promise<unknown>> = [];
    counted.during = () => {
      counted.during = null;
      later.push(intake.add(second!), intake.addDraft({ title: 'Ferry notes', paragraphs: ['The ferry to Marenza will run twice a day from March, leaving Port Velsa at 7:15 and 16:40, the operator said on Wednesday; the crossing takes two hours and ten minutes. A single adult ticket will cost 34 euros, and cyclists travel free until May.'], byline: null, date: null, source: null, url: null }, 'console'));
    };
    await intake.add(first!);
    await Promise.all(later);
    expect(counted.updates).toBe(2);
    expect(desk.index.articles.size).toBe(8);
  });

  it('GIVEN a page with no article text, a dead link or an internal address THEN each is refused and nothing is added', async () => {
    const { config, desk, intake } = await setUp();
    expect((await refusal(intake.addUrl(web.url('/login'), 'console'))).code).toBe(ERROR_CODES.NO_ARTICLE_TEXT);
    expect((await refusal(intake.addUrl(web.url('/no-such-page'), 'console'))).code).toBe(ERROR_CODES.FETCH_FAILED);
    const strict = new ArticleIntake({ desk, fetcher: new SafeFetcher({ allowPrivateHosts: false, timeoutMs: 5_000, maxBytes: 1 << 20 }), corpusDir: config.corpusDir, addedDir: config.addedDir, removedDir: config.removedArticlesDir, maxArticleBytes: config.maxArticleBytes });
    expect((await refusal(strict.addUrl(web.url('/cities/port-velsa-desalination'), 'console'))).code).toBe(ERROR_CODES.FETCH_BLOCKED);
    expect(await addedFiles(config)).toEqual([]);
    expect(desk.index.articles.size).toBe(5);
  });

  it('GIVEN a page whose reading never ends THEN questions are answered meanwhile, and at the time limit the add is refused and nothing is added', async () => {
    const { config, desk } = await setUp();
    const timers = manualTimers();
    const stuck = stuckWorker();
    const pages = new WorkerPageReader({ timer: timers.timer, start: () => stuck.worker });
    const intake = new ArticleIntake({ desk, fetcher: new SafeFetcher({ allowPrivateHosts: true, timeoutMs: 5_000, maxBytes: config.fetchMaxBytes }), corpusDir: config.corpusDir, addedDir: config.addedDir, removedDir: config.removedArticlesDir, maxArticleBytes: config.maxArticleBytes, pages });
    const adding = refusal(intake.addUrl(web.url('/cities/port-velsa-desalination'), 'console'));
    await stuck.busy;
    expect((await desk.ask('What did Ushakov say about NATO?')).passages[0]?.docId.startsWith('002')).toBe(true);
    timers.fire(PAGE_READ_TIMEOUT_MS);
    const error = await adding;
    expect(error.code).toBe(ERROR_CODES.PAGE_TOO_SLOW);
    expect(userErrorText(consoleReader('en'), error)).toContain(`Reading ${web.url('/cities/port-velsa-desalination')} took longer than`);
    await stuck.exited;
    expect(await addedFiles(config)).toEqual([]);
    expect(desk.index.articles.size).toBe(5);
  });

  it('GIVEN an add in progress THEN answers keep coming from the index as it was until the new one is complete', async () => {
    const { desk } = await setUp();
    const question = 'Ushakov NATO';
    const { result } = await desk.update(async () => (await desk.ask(question)).passages.length);
    expect(result).toBeGreaterThan(0);
  });
});

describe('adding an article by file', () => {
  const TEXT = [
    '---',
    'title: "Ferry line to Marenza resumes: twice a day from March"',
    'source: Harbour Wire',
    'date: 2026-01-14',
    '---',
    'Ferry line to Marenza resumes: twice a day from March',
    '',
    'The ferry line between Port Velsa and Marenza will resume on March 2 after a three-year pause, the operator Bluewake said on Wednesday.',
    '',
    'Two sailings a day will leave at 7:15 and 16:40, and the crossing will take two hours and ten minutes. A single adult ticket will cost 34 euros.',
  ].join('\n');

  it('GIVEN a .txt file with its own front matter THEN its metadata is kept and who added it is recorded', async () => {
    const { config, desk, intake } = await setUp();
    const { article } = await intake.addFile('ferry.txt', Buffer.from(TEXT), 'discord:300000000000000002 (an)');
    expect(article).toMatchObject({ title: 'Ferry line to Marenza resumes: twice a day from March', date: '2026-01-14', sources: ['Harbour Wire'] });
    const answer = await desk.ask('How much will a single adult ferry ticket to Marenza cost?');
    expect(answer.passages[0]?.docId).toBe(article.docId);
    const [file] = await addedFiles(config);
    const text = await readFile(path.join(config.addedDir, file!), 'utf8');
    expect(text).toContain('added_by: discord:300000000000000002 (an)');
    expect(text.match(/^---$/gm)).toHaveLength(2);
  });

  it('GIVEN an .md and an .html file THEN both are added, the HTML reduced to its article', async () => {
    const { desk, intake } = await setUp();
    const md = await intake.addFile('ferry.md', Buffer.from(TEXT.replace('Bluewake', 'Bluewake Lines')), 'console');
    expect(md.article.file).toMatch(/^added\/.*\.md$/);
    const html = await intake.addFile('velsa.html', await readFile(path.join(FIXTURES, 'news-page.en.html')), 'console');
    expect(html.article).toMatchObject({ title: 'Port Velsa opens its first desalination plant', file: expect.stringMatching(/^added\/.*\.txt$/) });
    expect(desk.index.articles.size).toBe(7);
  });

  it.each([
    ['notes.pdf', Buffer.from('%PDF-1.4 ...'), ERROR_CODES.FILE_TYPE_UNSUPPORTED],
    ['latin1.txt', Buffer.from('Caf\u00e9 au port, une longue histoire de la ville et de ses habitants.', 'latin1'), ERROR_CODES.FILE_NOT_TEXT],
    ['binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), ERROR_CODES.FILE_NOT_TEXT],
    ['empty.md', Buffer.from('  \n\n'), ERROR_CODES.NO_ARTICLE_TEXT],
    ['short.txt', Buffer.from('Title\n\nOne line only.'), ERROR_CODES.NO_ARTICLE_TEXT],
    ['login.html', Buffer.from('<html><body><form><input name="user"></form></body></html>'), ERROR_CODES.NO_ARTICLE_TEXT],
    ['huge.txt', Buffer.from(`Huge\n\n${'A sentence that goes on. '.repeat(200_000)}`), ERROR_CODES.FETCH_TOO_LARGE],
  ])('GIVEN the bad file %s THEN it is refused and nothing is added', async (name, bytes, code) => {
    const { config, desk, intake } = await setUp();
    expect((await refusal(intake.addFile(name, bytes, 'console'))).code).toBe(code);
    expect(await addedFiles(config)).toEqual([]);
    expect(desk.index.articles.size).toBe(5);
  });
});

describe('the console', () => {
  it('GIVEN /add <path> and /add <url> THEN both are added and said so; a missing file is refused', async () => {
    const { desk, intake } = await setUp();
    const session = new ConsoleSession(desk, 'en', undefined, intake);
    expect(await session.run(`/add ${path.join(FIXTURES, 'news-page.vi.html')}`)).toMatch(/^Added “Đà Lạt mở thư viện số đầu tiên cho học sinh vùng cao” \(2025-12-05-/);
    expect(await session.run(`/add ${web.url('/cities/port-velsa-desalination')}`)).toContain('The Coastal Ledger · 2025-11-20. The briefing now has 7 articles');
    expect(await session.run('/add /no/such/file.txt')).toBe('I cannot read `/no/such/file.txt` (ENOENT). Nothing was added.');
    expect(desk.index.articles.size).toBe(7);
  });
});

describe('removing and listing added articles', () => {
  it('GIVEN an added article THEN it is listed with who added it, and removing it takes it out of the briefing and out of the corpus folder', async () => {
    const { config, desk, intake } = await setUp();
    const { article } = await intake.addUrl(web.url('/cities/port-velsa-desalination'), 'discord:300000000000000001 (mira)');
    expect(intake.list()).toEqual([expect.objectContaining({ docId: article.docId, addedBy: 'discord:300000000000000001 (mira)', addedAt: NOW.toISOString() })]);
    const removed = await intake.remove(article.docId.slice(0, 30));
    expect(removed.docId).toBe(article.docId);
    expect(desk.index.articles.has(article.docId)).toBe(false);
    expect(await addedFiles(config)).toEqual([]);
    expect(await readdir(config.removedArticlesDir)).toHaveLength(1);
    expect(intake.list()).toEqual([]);
  });

  it('GIVEN an article of the corpus folder that was not added THEN it is not removed', async () => {
    const { desk, intake } = await setUp();
    const error = await refusal(intake.remove('002'));
    expect(error.code).toBe(ERROR_CODES.ARTICLE_NOT_ADDED);
    expect(desk.index.articles.size).toBe(5);
  });
});
