import { Writable } from 'node:stream';
import type { Interaction } from 'discord.js';
import { CommandIds } from '../../src/bot/command-mentions.js';
import { pino, type Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import type { BriefingDesk } from '../../src/briefing/types.js';
import type { IntakeServices } from '../../src/intake/services.js';
import type { QuizServices } from '../../src/bot/quiz-service.js';
import { SESSION_TTL_MS, Sessions, type AskSession } from '../../src/bot/sessions.js';
import { Cooldowns } from '../../src/bot/cooldown.js';
import { Dispatcher } from '../../src/bot/dispatcher.js';
import { createBotLogger } from '../../src/bot/logger.js';
import type { Command } from '../../src/bot/command.js';
import { parseConfig } from '../../src/config.js';
import { ERROR_CODES, UserError } from '../../src/errors.js';

interface Sent {
  kind: 'defer' | 'reply' | 'edit' | 'delete' | 'followUp';
  payload: Record<string, unknown>;
}

/** Just enough of a ChatInputCommandInteraction for the dispatcher. */
function fakeCommandInteraction(name: string, locale = 'en-US'): { interaction: Interaction; sent: Sent[] } {
  const sent: Sent[] = [];
  const interaction = {
    commandName: name,
    locale,
    guildId: '100000000000000001',
    user: { id: '300000000000000001' },
    deferred: false,
    replied: false,
    isAutocomplete: () => false,
    isChatInputCommand: () => true,
    isButton: () => false,
    async deferReply(payload: Record<string, unknown> = {}) {
      sent.push({ kind: 'defer', payload });
      interaction.deferred = true;
    },
    async reply(payload: Record<string, unknown>) {
      sent.push({ kind: 'reply', payload });
      interaction.replied = true;
    },
    async editReply(payload: Record<string, unknown>) {
      sent.push({ kind: 'edit', payload });
    },
    async deleteReply() {
      sent.push({ kind: 'delete', payload: {} });
    },
    async followUp(payload: Record<string, unknown>) {
      sent.push({ kind: 'followUp', payload });
    },
  };
  return { interaction: interaction as unknown as Interaction, sent };
}

function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger: Logger = pino({ level: 'info' }, new Writable({ write(chunk: Buffer, _e, done) { lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>); done(); } }));
  return { logger, lines };
}

function dispatcherWith(command: Command, logger: Logger): Dispatcher {
  const config = parseConfig({ ASK_COOLDOWN_SECONDS: '0', LOG_LEVEL: 'silent' });
  return new Dispatcher({ commands: [command], desk: {} as BriefingDesk, quiz: {} as QuizServices, intake: {} as IntakeServices, config, logger, commandIds: new CommandIds() });
}

async function settle(dispatcher: Dispatcher): Promise<void> {
  await dispatcher.drain(1_000);
}

describe('Dispatcher', () => {
  it('GIVEN a handler that crashes THEN the user sees an incident id and no internals, and the log has the error with the same id', async () => {
    const { logger, lines } = capturingLogger();
    const dispatcher = dispatcherWith({ data: { name: 'boom', description: 'x' }, defer: 'public', execute: async () => { throw new Error('secret internal detail'); } }, logger);
    const { interaction, sent } = fakeCommandInteraction('boom');
    dispatcher.onInteraction(interaction);
    await settle(dispatcher);
    expect(sent.map((s) => s.kind)).toEqual(['defer', 'delete', 'followUp']);
    expect(sent[2]!.payload.flags).toBe(64);
    const content = String(sent[2]!.payload.content);
    expect(content).not.toContain('secret');
    const incident = /incident (\w+)/.exec(content)?.[1];
    expect(incident).toBeTruthy();
    const logged = lines.find((l) => l.msg === 'interaction failed')!;
    expect(logged.incident).toBe(incident);
    expect(JSON.stringify(logged.err)).toContain('secret internal detail');
    expect(lines.find((l) => l.msg === 'command')).toMatchObject({ command: 'boom', userId: '300000000000000001', guildId: '100000000000000001' });
  });

  it('GIVEN a UserError before any defer THEN the localised words go out as an ephemeral reply without mentions', async () => {
    const { logger } = capturingLogger();
    const dispatcher = dispatcherWith({ data: { name: 'fail', description: 'x' }, defer: 'none', execute: async () => { throw new UserError(ERROR_CODES.MISSING_PERMISSION, 'missingManageServer'); } }, logger);
    const { interaction, sent } = fakeCommandInteraction('fail', 'vi');
    dispatcher.onInteraction(interaction);
    await settle(dispatcher);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.kind).toBe('reply');
    expect(sent[0]!.payload).toMatchObject({ content: 'Bạn cần quyền Quản lý máy chủ để làm việc này.', flags: 64, allowedMentions: { parse: [] } });
  });

  it('GIVEN the dispatcher is draining THEN a new interaction is told the bot is restarting and the handler does not run', async () => {
    const { logger } = capturingLogger();
    let ran = false;
    const dispatcher = dispatcherWith({ data: { name: 'ok', description: 'x' }, defer: 'none', execute: async () => { ran = true; } }, logger);
    await dispatcher.drain(10);
    const { interaction, sent } = fakeCommandInteraction('ok');
    dispatcher.onInteraction(interaction);
    await settle(dispatcher);
    expect(ran).toBe(false);
    expect(String(sent[0]!.payload.content)).toContain('restarting');
  });
});

describe('Cooldowns and ask sessions', () => {
  it('a second use inside the window is refused with the time left; after it, allowed', () => {
    let now = 1_000;
    const cooldowns = new Cooldowns(5_000, () => now);
    expect(cooldowns.take('u')).toBe(0);
    now += 2_000;
    expect(cooldowns.take('u')).toBe(3_000);
    expect(cooldowns.take('v')).toBe(0);
    now += 3_000;
    expect(cooldowns.take('u')).toBe(0);
  });

  it('a session is found until it expires', () => {
    let now = 0;
    const sessions = new Sessions<AskSession>(() => now);
    const id = sessions.create({ question: 'question?', passageIds: ['p1'] });
    expect(id).toMatch(/^[\w-]{8}$/);
    expect(sessions.get(id)?.question).toBe('question?');
    now += SESSION_TTL_MS;
    expect(sessions.get(id)).toBeNull();
  });
});

describe('the bot logger', () => {
  it('never writes the Discord token', () => {
    let out = '';
    const logger = createBotLogger('info', new Writable({ write(chunk: Buffer, _e, done) { out += chunk.toString(); done(); } }));
    logger.info({ config: { discordToken: 'SECRET-TOKEN' }, token: 'SECRET-TOKEN', request: { headers: { authorization: 'Bot SECRET-TOKEN' } } }, 'starting');
    expect(out).toContain('starting');
    expect(out).not.toContain('SECRET-TOKEN');
  });
});
