/**
 * `/timeline` over more events than a page holds, end to end: the real discord.js client and a
 * Desk over quiz-news-en (twenty-odd dated steps; the demo's eight fit on one page), against the
 * fake Discord on 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../src/briefing/desk.js';
import { startBot, type BotHandle } from '../../src/bot/client.js';
import { TIMELINE_EVENTS_PER_PAGE } from '../../src/bot/render/timeline.js';
import { COMMANDS } from '../../src/commands/index.js';
import { openIntakeServices } from '../../src/intake/services.js';
import { FakeDiscord, e2eConfig, type RecordedCall } from './fake-discord.js';

interface MessageBody {
  embeds?: Array<{ title?: string; footer?: { text: string }; fields?: Array<{ name: string; value: string }> }>;
  components?: Array<{ components: Array<{ custom_id: string; label: string }> }>;
}

let fake: FakeDiscord;
let work: string;
let desk: Desk;
let bot: BotHandle;
const logger = pino({ level: 'silent' });
const USER = '300000000000000999';

const isOriginalEdit = (c: RecordedCall): boolean => c.method === 'PATCH' && c.path.endsWith('/messages/@original');
async function finalEdit(interaction: { id: string; token: string }): Promise<MessageBody> {
  const call = await fake.waitFor(() => fake.callsFor(interaction).find((c) => isOriginalEdit(c) && c.status === 200));
  return call.body as MessageBody;
}

beforeAll(async () => {
  fake = new FakeDiscord();
  await fake.start();
  work = await mkdtemp(path.join(os.tmpdir(), 'briefbot-e2e-timeline-'));
  const config = e2eConfig(fake, work, { CORPUS_DIR: path.resolve(import.meta.dirname, '../fixtures/quiz-news-en') });
  desk = await Desk.open(config, { logger });
  bot = await startBot(config, desk, { logger, commands: COMMANDS, intake: await openIntakeServices(config, desk), drainMs: 2_000 });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('/timeline in pages', () => {
  it('GIVEN the whole timeline, longer than a page THEN Next edits the same message in place with the next events', async () => {
    expect((await desk.timeline()).events.length).toBeGreaterThan(TIMELINE_EVENTS_PER_PAGE);
    const first = await finalEdit(fake.command('timeline', [], { userId: USER, locale: 'vi' }));
    expect(first.embeds![0]!.title).toMatch(/^Dòng thời gian: \d+ sự kiện$/u);
    expect(first.embeds![0]!.fields![0]!.name).toMatch(/^(\d{1,2}\/\d{1,2}\/|tháng \d{1,2}\/|năm |những năm |thế kỷ )\d{1,4}/u);
    expect(first.embeds![0]!.footer?.text).toMatch(/^Trang 1\/\d+$/u);
    const next = first.components![0]!.components.find((b) => b.label === 'Trang sau ▶')!;
    const click = fake.button(next.custom_id, { userId: USER, locale: 'vi' });
    const second = await finalEdit(click);
    expect((fake.callsFor(click)[0]!.body as { type: number }).type).toBe(6);
    expect(second.embeds![0]!.footer?.text).toMatch(/^Trang 2\/\d+$/u);
    expect(second.embeds![0]!.fields!.map((f) => f.name)).not.toEqual(first.embeds![0]!.fields!.map((f) => f.name));
  });
});
