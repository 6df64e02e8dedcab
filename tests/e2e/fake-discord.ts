/**
 * A fake Discord on 127.0.0.1 for the real discord.js client: REST (recorded) and a gateway
 * (HELLO, heartbeat ACKs, READY, GUILD_CREATE) on one random port. Tests dispatch slash
 * commands and button clicks as INTERACTION_CREATE and read back the REST calls the bot made,
 * channel messages included (the quiz posts and edits its own messages).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseConfig, type Config } from '../../src/config.js';

export const FAKE_APP_ID = '100000000000000002';
export const FAKE_GUILD_ID = '100000000000000001';
export const FAKE_CHANNEL_ID = '100000000000000003';
export const FAKE_BOT_USER_ID = '100000000000000004';
/** Permission bits as Discord sends them: Manage Server (1 << 5) and none. */
export const PERMISSIONS_MANAGE_GUILD = String(1n << 5n);
export const PERMISSIONS_NONE = '0';
const HEARTBEAT_INTERVAL_MS = 30_000;

export interface RecordedCall {
  method: string;
  /** Path without `/api/v10`, URL-decoded (`/webhooks/…/messages/@original`). */
  path: string;
  body: Record<string, unknown> | Array<Record<string, unknown>> | null;
  at: number;
  status: number;
  /** The message a channel POST created or a PATCH edited. */
  messageId?: string;
}

/** A slash command option as Discord sends it; subcommands carry their own options. */
export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: CommandOption[];
  /** The option being typed, in an autocomplete interaction. */
  focused?: boolean;
}

export interface InteractionOptions {
  userId?: string;
  locale?: string;
  permissions?: string;
  /** The server it comes from, or null for a direct message. Default: the fake's one server. */
  guildId?: string | null;
  /** Default: the fake's one channel. */
  channelId?: string;
}

let nextId = 500_000_000_000_000_000n;
export const snowflake = (): string => String(nextId++);

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  /** When each interaction id was dispatched (ms, performance.now()). */
  readonly dispatchedAt = new Map<string, number>();
  private readonly server = http.createServer((req, res) => this.onRequest(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | null = null;
  private seq = 0;
  private pending429: { match: (call: RecordedCall) => boolean; retryAfterSeconds: number } | null = null;
  private port = 0;
  private readonly files = new Map<string, { body: Buffer; contentType: string }>();
  /** The commands registered at each route (global or one guild's), as Discord keeps them. */
  private readonly registered = new Map<string, Array<Record<string, unknown>>>();
  /** Servers the bot was not invited to with the applications.commands scope: Discord answers 403 for their commands. */
  readonly guildsWithoutCommandsScope = new Set<string>();

  async start(): Promise<void> {
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The id Discord gave the command `name` when it was registered in server `guildId` (or globally). */
  registeredId(name: string, guildId = FAKE_GUILD_ID): string | undefined {
    const routes = [`/applications/${FAKE_APP_ID}/guilds/${guildId}/commands`, `/applications/${FAKE_APP_ID}/commands`];
    return routes.flatMap((route) => this.registered.get(route) ?? []).find((c) => c.name === name)?.id as string | undefined;
  }

  /** The next REST call matching `match` is answered 429 with Retry-After, once. */
  inject429(match: (call: RecordedCall) => boolean, retryAfterSeconds = 0.2): void {
    this.pending429 = { match, retryAfterSeconds };
  }

  /** Calls made for one interaction: its callback and its webhook messages. */
  callsFor(interaction: { id: string; token: string }): RecordedCall[] {
    return this.calls.filter((c) => c.path.startsWith(`/interactions/${interaction.id}/`) || c.path.startsWith(`/webhooks/${FAKE_APP_ID}/${interaction.token}`));
  }

  async waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
    const started = Date.now();
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== null && value !== false) return value;
      if (Date.now() - started > timeoutMs) throw new Error('timed out waiting on the fake Discord');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** A slash command; `resolved` carries what options refer to (attachments, channels), as Discord sends it. */
  command(name: string, options: CommandOption[] = [], who: InteractionOptions = {}, resolved?: Record<string, unknown>): { id: string; token: string } {
    return this.dispatch(2, { id: snowflake(), name, type: 1, options, ...(resolved === undefined ? {} : { resolved }) }, who);
  }

  /** The user is typing in an option marked `focused`: Discord asks for choices (the answer is callback type 8). */
  autocomplete(name: string, options: CommandOption[], who: InteractionOptions = {}): { id: string; token: string } {
    return this.dispatch(4, { id: snowflake(), name, type: 1, options }, who);
  }

  button(customId: string, who: InteractionOptions = {}): { id: string; token: string } {
    return this.dispatch(3, { custom_id: customId, component_type: 2 }, who, { message: { id: snowflake(), channel_id: who.channelId ?? FAKE_CHANNEL_ID, content: '', embeds: [], components: [], author: { id: FAKE_BOT_USER_ID, username: 'briefbot', discriminator: '0', avatar: null, bot: true }, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], pinned: false, type: 0 } });
  }

  private dispatch(type: number, data: Record<string, unknown>, who: InteractionOptions, extra: Record<string, unknown> = {}): { id: string; token: string } {
    const id = snowflake();
    const token = `tok${id}`;
    const userId = who.userId ?? '300000000000000001';
    const user = { id: userId, username: `user${userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
    const guildId = who.guildId === undefined ? FAKE_GUILD_ID : who.guildId;
    const channelId = who.channelId ?? FAKE_CHANNEL_ID;
    const where = guildId === null
      ? { channel_id: channelId, channel: { id: channelId, type: 1 }, user, context: 1 }
      : {
        guild_id: guildId,
        channel_id: channelId,
        channel: { id: channelId, type: 0, guild_id: guildId, name: 'briefing' },
        member: { user, roles: [], permissions: who.permissions ?? PERMISSIONS_NONE, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, nick: null, avatar: null },
        guild_locale: 'en-US',
        context: 0,
      };
    this.send('INTERACTION_CREATE', {
      id,
      application_id: FAKE_APP_ID,
      type,
      token,
      version: 1,
      data,
      ...where,
      locale: who.locale ?? 'en-US',
      app_permissions: '0',
      entitlements: [],
      authorizing_integration_owners: {},
      ...extra,
    });
    this.dispatchedAt.set(id, performance.now());
    return { id, token };
  }

  private send(t: string, d: unknown): void {
    if (this.socket === null) throw new Error('no gateway connection');
    this.socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  private onGateway(ws: WebSocket): void {
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS } }));
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as { op: number; d: unknown };
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        this.send('READY', {
          v: 10,
          user: { id: FAKE_BOT_USER_ID, username: 'briefbot', discriminator: '0', bot: true, avatar: null },
          guilds: [{ id: FAKE_GUILD_ID, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          application: { id: FAKE_APP_ID, flags: 0 },
        });
        this.send('GUILD_CREATE', {
          id: FAKE_GUILD_ID,
          name: 'Briefing team',
          unavailable: false,
          owner_id: '300000000000000999',
          roles: [{ id: FAKE_GUILD_ID, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
          channels: [{ id: FAKE_CHANNEL_ID, type: 0, name: 'briefing', position: 0, permission_overwrites: [] }],
          members: [],
          threads: [],
          emojis: [],
          stickers: [],
          member_count: 1,
          features: [],
          preferred_locale: 'en-US',
          joined_at: new Date().toISOString(),
          large: false,
        });
      }
    });
  }

  /** With a token set, REST calls carrying another one are refused 401, as Discord refuses a wrong or revoked token. */
  acceptedToken: string | null = null;

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const authorization = req.headers.authorization;
      if (this.acceptedToken !== null && authorization !== undefined && authorization !== `Bot ${this.acceptedToken}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
      const text = Buffer.concat(chunks).toString('utf8');
      const call: RecordedCall = { method: req.method ?? '', path, body: text === '' ? null : (JSON.parse(text) as RecordedCall['body']), at: performance.now(), status: 200 };
      this.calls.push(call);
      if (this.pending429?.match(call)) {
        const { retryAfterSeconds } = this.pending429;
        this.pending429 = null;
        call.status = 429;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds) });
        res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false }));
        return;
      }
      this.answer(call, res);
    });
  }

  /**
   * A file uploaded with a command: served by the fake from its own host, as Discord's CDN serves
   * attachments. Returns the attachment as Discord puts it in the interaction's `resolved`.
   */
  attachment(filename: string, body: Buffer, contentType = 'text/plain; charset=utf-8'): { id: string; filename: string; size: number; url: string; proxy_url: string; content_type: string } {
    const id = snowflake();
    const filePath = `/attachments/${FAKE_CHANNEL_ID}/${id}/${filename}`;
    this.files.set(filePath, { body, contentType });
    const url = `http://127.0.0.1:${this.port}${filePath}`;
    return { id, filename, size: body.length, url, proxy_url: url, content_type: contentType };
  }

  private answer(call: RecordedCall, res: http.ServerResponse): void {
    const json = (status: number, body: unknown): void => {
      call.status = status;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const file = call.method === 'GET' ? this.files.get(call.path) : undefined;
    if (file !== undefined) {
      res.writeHead(200, { 'content-type': file.contentType });
      res.end(file.body);
    } else if (call.method === 'GET' && call.path === '/gateway/bot') {
      json(200, { url: `ws://127.0.0.1:${this.port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    } else if (/^\/applications\/\d+\/guilds\/\d+\/commands$/.test(call.path) && this.guildsWithoutCommandsScope.has(call.path.split('/')[4] ?? '')) {
      json(403, { message: 'Missing Access', code: 50001 });
    } else if (call.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(call.path)) {
      // A bulk overwrite keeps the id of a command registered under the same name, as Discord does.
      const before = new Map((this.registered.get(call.path) ?? []).map((c) => [c.name, c.id]));
      const commands = (call.body as Array<Record<string, unknown>>).map((c) => ({ ...c, id: before.get(c.name) ?? snowflake(), application_id: FAKE_APP_ID, version: snowflake() }));
      this.registered.set(call.path, commands);
      json(200, commands);
    } else if (call.method === 'GET' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(call.path)) {
      json(200, this.registered.get(call.path) ?? []);
    } else if (/^\/channels\/\d+\/messages(\/\d+)?$/.test(call.path) && (call.method === 'POST' || call.method === 'PATCH')) {
      const [, , channelId, , messageId] = call.path.split('/');
      const id = call.method === 'POST' ? snowflake() : (messageId ?? snowflake());
      call.messageId = id;
      json(200, discordMessage(id, channelId ?? FAKE_CHANNEL_ID, (call.body ?? {}) as Record<string, unknown>));
    } else if (call.path.startsWith('/interactions/')) {
      call.status = 204;
      res.writeHead(204);
      res.end();
    } else if (call.method === 'DELETE' && call.path.startsWith('/webhooks/')) {
      call.status = 204;
      res.writeHead(204);
      res.end();
    } else if (call.path.startsWith('/webhooks/')) {
      json(200, discordMessage(snowflake(), FAKE_CHANNEL_ID, (call.body ?? {}) as Record<string, unknown>));
    } else {
      json(404, { message: 'Unknown route', code: 0 });
    }
  }


}

/** A message object as Discord's REST returns it, for a message the bot posted or edited. */
export function discordMessage(id: string, channelId: string, body: Record<string, unknown>, authorId = FAKE_BOT_USER_ID): Record<string, unknown> {
  return {
    id,
    channel_id: channelId,
    author: { id: authorId, username: 'briefbot', discriminator: '0', avatar: null, bot: true },
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    type: 0,
    flags: body.flags ?? 0,
  };
}

/** The bot's configuration for an e2e run: the demo corpus, data under `work`, Discord at the fake. */
export function e2eConfig(fake: FakeDiscord, work: string, extra: Record<string, string> = {}): Readonly<Config> {
  return parseConfig({
    CORPUS_DIR: path.resolve(import.meta.dirname, '../../corpus'),
    DATA_DIR: path.join(work, 'data'),
    INDEX_DIR: path.join(work, 'index'),
    MODELS_DIR: path.join(work, 'models'),
    DISCORD_TOKEN: 'fake-token',
    DISCORD_APPLICATION_ID: FAKE_APP_ID,
    DISCORD_GUILD_ID: FAKE_GUILD_ID,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: 'silent',
    ...extra,
  });
}
