/** Starting the bot: a token Discord rejects, and a bot that serves every server it is in. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { startBot } from '../../src/bot/client.js';
import { COMMANDS } from '../../src/commands/index.js';
import { openIntakeServices } from '../../src/intake/services.js';
import { ERROR_CODES } from '../../src/errors.js';
import { FakeDiscord, e2eConfig } from './fake-discord.js';

let fake: FakeDiscord;
let work: string;
let desk: Desk;

/** A logger that keeps each line's level and message. */
function recordingLogger(): { logger: pino.Logger; lines: Array<{ level: number; msg: string }> } {
  const lines: Array<{ level: number; msg: string }> = [];
  return { logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) }), lines };
}

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  work = await mkdtemp(path.join(os.tmpdir(), 'briefbot-start-'));
  desk = await Desk.open(e2eConfig(fake, work), { logger: pino({ level: 'silent' }) });
});

afterAll(async () => {
  await fake?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('starting the bot', () => {
  it('GIVEN a token Discord rejects THEN startBot fails with one line saying so, not a stack', async () => {
    fake.acceptedToken = 'the-real-token';
    try {
      const config = e2eConfig(fake, work, { DISCORD_TOKEN: 'a-revoked-token' });
      const start = startBot(config, desk, { logger: pino({ level: 'silent' }), commands: COMMANDS, intake: await openIntakeServices(config, desk) });
      await expect(start).rejects.toMatchObject({ code: ERROR_CODES.CONFIG_INVALID, message: expect.stringMatching(/^Discord rejected DISCORD_TOKEN: [^\n]+$/u) });
    } finally {
      fake.acceptedToken = null;
    }
  });

  it('GIVEN no DISCORD_GUILD_IDS nor DISCORD_GUILD_ID THEN the bot says once, at start, that it serves every server it is in', async () => {
    const { logger, lines } = recordingLogger();
    const config = e2eConfig(fake, work, { DISCORD_GUILD_ID: '' });
    const bot = await startBot(config, desk, { logger, commands: COMMANDS, intake: await openIntakeServices(config, desk), drainMs: 500 });
    await bot.stop();
    expect(lines.filter((l) => l.msg.includes('DISCORD_GUILD_IDS is not set'))).toHaveLength(1);
  });
});
