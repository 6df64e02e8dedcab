import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { runConsole } from '../../src/cli/console.js';
import { createCliLogger } from '../../src/cli/logger.js';
import { emphasis } from '../../src/cli/render-text.js';
import { BOLD_OFF, BOLD_ON, terminalSafe } from '../../src/cli/terminal.js';
import { parseConfig } from '../../src/config.js';

const ESC = '\u001b';
/** Any escape or control character but a line feed or a tab. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

describe('terminalSafe', () => {
  it.each([
    ['a colour', `${ESC}[31mred${ESC}[0m alert`, ['red alert']],
    ['a window title (OSC, bell)', `${ESC}]0;pwned\u0007Title`, ['Title']],
    ['an OSC 8 hyperlink', `${ESC}]8;;http://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`, ['click']],
    ['a cursor move and line clear', `real${ESC}[2K${ESC}[1Gfake`, ['real', 'fake']],
    ['a carriage return that overwrites the line', 'Price: 100\rPrice: 999', ['Price: 100Price: 999']],
    ['a single-byte CSI (C1)', 'alert \u009b31mred', ['alert', 'red']],
    ['a bell and a backspace', 'ding\u0007\u0008!', ['ding!']],
  ])('GIVEN %s THEN no escape or control character reaches the terminal, and the text does', (_what, raw, kept) => {
    const safe = terminalSafe(raw);
    expect(safe).not.toMatch(CONTROL);
    for (const words of kept) expect(safe).toContain(words);
  });

  it('GIVEN lines, tabs and the bold the renderers add THEN those stay', () => {
    const bold = emphasis(true);
    expect(terminalSafe(`a\tb\n${bold('c')}`)).toBe(`a\tb\n${BOLD_ON}c${BOLD_OFF}`);
  });
});

describe('the console prints article text without its escape sequences', () => {
  let work: string;
  let desk: Desk;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'terminal-'));
    const corpusDir = path.join(work, 'corpus');
    await mkdir(corpusDir);
    await writeFile(
      path.join(corpusDir, 'hostile.txt'),
      `Harbour ${ESC}]0;pwned\u0007reopens${ESC}[2J\n\nThe harbour reopened on Monday ${ESC}[31mafter${ESC}[0m the storm.\rShips queued for two days.\n`,
    );
    await writeFile(path.join(corpusDir, 'plain.txt'), 'Markets calm\n\nMarkets were calm on Tuesday as traders waited for the data.\n');
    desk = await Desk.open(parseConfig({ CORPUS_DIR: corpusDir, DATA_DIR: path.join(work, 'data'), MODELS_DIR: path.join(work, 'models'), LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
  });

  afterAll(async () => {
    await desk?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('GIVEN an article with colours, a window title, a screen clear and a carriage return THEN /ask, /sources and /summary print none of them', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const done = runConsole(desk, 'en', { input, output, colour: false, announceModelWarning: false });
    input.end('/ask harbour storm\n/sources\n/summary\n/quit\n');
    await done;
    expect(printed).toContain('»The harbour reopened on Monday after the storm.«');
    expect(printed).toContain('Harbour reopens');
    expect(printed).not.toMatch(CONTROL);
  });

  it('GIVEN a warning naming a file with escape sequences THEN the CLI log line has none', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      createCliLogger('warn').warn(`evil${ESC}]0;pwned\u0007.txt: skipped, it is empty`);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/^warn: evil.*\.txt: skipped, it is empty\n$/u);
    expect(written.join('').slice(0, -1)).not.toMatch(CONTROL);
  });
});
