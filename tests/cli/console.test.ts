import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { consoleInput, runConsole } from '../../src/cli/console.js';
import { ConsoleSession, splitCommand, summaryRequest, timelineQuery } from '../../src/cli/console-commands.js';
import { isStopWord } from '../../src/cli/console-quiz.js';
import { parseCliArgs } from '../../src/cli/args.js';
import { CLI_COMMAND_NAMES, CONSOLE_COMMAND_NAMES, CONSOLE_SESSION_COMMAND_NAMES, cliReader, consoleReader } from '../../src/cli/readers.js';
import readline from 'node:readline';
import { parseConfig } from '../../src/config.js';
import { startBriefbot } from '../../src/start.js';
import { ERROR_CODES, UserError, userErrorText } from '../../src/errors.js';
import type { ArticleIntake } from '../../src/intake/article-intake.js';
import { LOCALES, text } from '../../src/messages/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let work: string;
let desk: Desk;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'briefbot-console-'));
  const config = parseConfig({ CORPUS_DIR: path.join(ROOT, 'corpus'), DATA_DIR: path.join(work, 'data'), MODELS_DIR: path.join(work, 'models'), LOG_LEVEL: 'silent' });
  desk = await Desk.open(config, { logger: pino({ level: 'silent' }) });
});

async function waitFor(probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!probe()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the console');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterAll(async () => {
  await desk?.close();
  await rm(work, { recursive: true, force: true });
});

/** One line typed into a fresh console session. */
const consoleAnswer = (line: string, locale: 'en' | 'vi'): Promise<string> => new ConsoleSession(desk, locale).run(line);

describe('the console commands', () => {
  it('/ask about Ushakov and NATO THEN the first cited passage is from article 002 with its highlight marked', async () => {
    const out = await consoleAnswer('/ask What did Ushakov say about NATO?', 'en');
    expect(out.startsWith('[1] ')).toBe(true);
    expect(out.split('\n')[0]).toMatch(/\[002_/);
    expect(out).toMatch(/»[^«]+«/);
  });

  it('a line without a slash is a question too', async () => {
    expect(await consoleAnswer('Ushakov NATO', 'en')).toMatch(/^\[1\] /);
  });

  it('/sources lists every article with its id', async () => {
    const out = await consoleAnswer('/sources', 'vi');
    expect(out.startsWith('5 bài trong bản tin:')).toBe(true);
    expect(out).toContain('002_');
  });

  it('/help lists the commands and the search mode in the chosen language', async () => {
    const en = await consoleAnswer('/help', 'en');
    expect(en).toContain('/ask <question>');
    expect(en).toMatch(/Multilingual model (NOT )?loaded/);
    expect(await consoleAnswer('/help', 'vi')).toContain('Các lệnh');
  });

  it('GIVEN an empty /ask THEN the user error is shown in words, not thrown', async () => {
    const out = await consoleAnswer('/ask', 'en');
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toMatch(/^\[1\]/);
  });

  it('an unknown command points to /help', async () => {
    expect(await consoleAnswer('/frobnicate', 'en')).toContain('/help');
  });

  it('GIVEN "/summary 002" THEN the summary is of article 002 alone, cited once; given a word THEN of that topic', async () => {
    const article = await consoleAnswer('/summary 002', 'en');
    const cited = [...article.matchAll(/\[(\d{3})_/gu)].map((m) => m[1]);
    // One article: cited once, under its sentences.
    expect(cited).toEqual(['002']);
    expect(article).toMatch(/^1\. [^\n]+\n2\. /u);
    expect(await consoleAnswer('/summary NATO', 'en')).toMatch(/^1\. /u);
    expect(summaryRequest('002', desk.sources())).toEqual({ article: desk.sources().find((a) => a.docId.startsWith('002'))!.docId });
    expect(summaryRequest('NATO', desk.sources())).toEqual({ topic: 'NATO' });
    expect(summaryRequest('0', desk.sources())).toEqual({ topic: '0' });
  });

  it('GIVEN "/timeline 2025-12-01 2025-12-31" THEN only December events, in order', async () => {
    const out = await consoleAnswer('/timeline 2025-12-01 2025-12-31', 'en');
    const dates = [...out.matchAll(/^(\d{4}-\d{2}(?:-\d{2})?) /gmu)].map((m) => m[1]!);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d.startsWith('2025-12'))).toBe(true);
    expect(dates).toEqual([...dates].sort());
    expect(timelineQuery('2025-12 NATO talks 2026')).toEqual({ from: '2025-12', to: '2026', topic: 'NATO talks' });
  });

  it('GIVEN an answer THEN "more" shows the next passages, numbered on; before any question it says what to do', async () => {
    const session = new ConsoleSession(desk, 'en');
    expect(await session.run('more')).toContain('Ask a question first');
    const first = await session.run('/ask Lavrov');
    expect(first).toMatch(/^\[1\] /u);
    const next = await session.run('more');
    expect(next).toMatch(/^\[4\] /u);
    const firstIds = [...first.matchAll(/\[(\d{3}_\w+)\]/gu)].map((m) => m[1]);
    expect(next).not.toBe(first);
    expect(firstIds.length).toBeGreaterThan(0);
  });

  it.each(LOCALES)('GIVEN the %s help THEN every word it offers for stopping a quiz stops one, and every word it offers for more passages pages on', (locale) => {
    const help = text(locale, 'consoleHelp').split('\n');
    const quizLine = help.find((line) => line.startsWith('  /quiz'))!;
    const stopWords = [...quizLine.matchAll(/"([^"]+)"/gu)].map((m) => m[1]!);
    expect(stopWords).toContain('stop');
    for (const word of stopWords) expect(isStopWord(word), `${locale}: "${word}" stops a quiz`).toBe(true);
    const moreLine = help.find((line) => line.startsWith('  more'))!;
    const moreWords = moreLine.slice(0, 34).split(/[\s()]+/u).filter((w) => w !== '' && w !== 'hoặc');
    expect(moreWords[0]).toBe('more');
    for (const word of moreWords) expect(splitCommand(word).name, `${locale}: "${word}" asks for more`).toBe('more');
  });

  it('GIVEN the commands a message may point a console reader to THEN the console answers each of them', async () => {
    const refusing = { addPath: () => Promise.reject(new UserError(ERROR_CODES.FILE_UNREADABLE, 'fileUnreadable', { name: 'x', detail: 'ENOENT' })) } as unknown as ArticleIntake;
    const session = new ConsoleSession(desk, 'en', undefined, refusing);
    const unknown = text('en', 'consoleUnknownCommand');
    for (const name of Object.values(CONSOLE_SESSION_COMMAND_NAMES)) expect(await session.run(`${name} x`), name).not.toBe(unknown);
    expect(Object.keys(CONSOLE_COMMAND_NAMES).filter((ref) => !(ref in CONSOLE_SESSION_COMMAND_NAMES))).toEqual(['quizStart']);
    for (const name of Object.values(CLI_COMMAND_NAMES)) expect(parseCliArgs([...name.replace('npm run cli -- ', '').split(' '), 'x']).command).toBe(name.split(' ').at(-1));
  });

  it('GIVEN an article id that matches none THEN the console points to /sources and the command line to npm run cli -- sources, in the reader\'s language', () => {
    const error = new UserError(ERROR_CODES.ARTICLE_NOT_FOUND, 'articleNotFound', { article: 'zzz' });
    expect(userErrorText(consoleReader('vi'), error)).toBe('Không có bài nào khớp với "zzz"; dùng /sources để xem danh sách bài.');
    expect(userErrorText(cliReader('en'), error)).toBe('No article matches "zzz"; npm run cli -- sources lists them.');
    expect(error.message).toBe('No article matches "zzz"; /sources lists them.');
  });

  it('/reindex reports the ingest numbers', async () => {
    expect(await consoleAnswer('/reindex', 'en')).toMatch(/^Reindex done in [\d.]+ s: 5 articles/);
  });
});

describe('runConsole', () => {
  it('GIVEN Ctrl-C during a console quiz THEN the quiz ends with the scores and the console goes on', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    let text = '';
    output.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const done = runConsole(desk, 'en', { input, output, colour: false });
    input.write('/quiz 2\r');
    await waitFor(() => text.includes('Question 1/2'));
    input.write('\u0003');
    await waitFor(() => text.includes('Total: '));
    input.write('/sources\r/quit\r');
    await done;
    expect(text).toContain('Quiz stopped.');
    expect(text).toMatch(/Seed (\S+): \/quiz seed:\1 replays this quiz\./u);
    expect(text).toContain('Total: 0 points, 0/1 correct');
    expect(text).not.toContain('The answer is');
    expect(text).toContain('5 articles in the briefing');
  });

  it('over readline: a typed line, silence until the timeout, then the end of input', async () => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, terminal: false });
    const next = consoleInput(rl);
    input.write('b\n');
    expect(await next(5_000)).toEqual({ kind: 'line', text: 'b' });
    expect(await next(30)).toEqual({ kind: 'timeout' });
    const waiting = next(5_000);
    rl.close();
    expect(await waiting).toEqual({ kind: 'end' });
    expect(await next()).toEqual({ kind: 'end' });
  });

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
  const start = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    const env = { ...process.env, DISCORD_TOKEN: '', LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', CORPUS_DIR: path.join(ROOT, 'corpus'), DATA_DIR: path.join(work, 'data') };
    let stdout = '';
    let stderr = '';
    const sink = (append: (s: string) => void): Writable => new Writable({ write(chunk: Buffer, _encoding, done) { append(chunk.toString('utf8')); done(); } });
    const code = await startBriefbot(args, { env, stdin: new PassThrough(), stdout: sink((s) => { stdout += s; }), stderr: sink((s) => { stderr += s; }) });
    return { code, stdout, stderr };
  };

  it('GIVEN no token and no terminal THEN it exits 2 with a clear message; an unknown option is refused, never ignored; --help says what it takes', async () => {
    const [noTerminal, unknown, help] = await Promise.all([start(['--corpus', path.join(ROOT, 'corpus')]), start(['--corpsu', 'x']), start(['--help'])]);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toContain('DISCORD_TOKEN is not set');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--corpsu'");
    expect(unknown.stderr).toContain('--corpus DIR');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--corpus DIR');
  });
});
