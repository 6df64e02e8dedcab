/**
 * Fetching a page, a feed or an attachment without letting a link reach inside the network.
 * Only http and https. Every request, the first and each redirect, resolves its host through
 * the (injectable) resolver, checks every address it gets with the address rule, and then
 * connects to the checked address itself (the Host header and TLS name stay the host's), so a
 * second, different DNS answer can never be slipped in between check and connection. One
 * deadline covers the whole chain; bodies are capped after decompression; content types are
 * checked before the body is read. What is fetched is only ever read as text, never run.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ERROR_CODES, UserError, isUserError } from '../errors.js';
import { addressVerdict } from './address-rule.js';

/** Redirects followed before giving up: browsers allow 20, but a news link that needs more than 5 is broken or a trap. */
export const MAX_REDIRECTS = 5;
/** The longest link taken: 2,048 characters is what browsers, servers and sitemaps reliably accept. */
export const URL_MAX_CHARS = 2048;
const USER_AGENT = 'Briefbot/0.1 (+news briefing bot; reads articles a team added)';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Host name → its addresses, as DNS answers them. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export interface FetchRules {
  /** Lifts the address rule (FETCH_ALLOW_PRIVATE_HOSTS): for tests and private deployments. */
  allowPrivateHosts: boolean;
  timeoutMs: number;
  maxBytes: number;
}

export interface FetchRequest {
  url: string;
  /** Content types (lower-case essence, e.g. `text/html`) the caller can read; null takes any. */
  accept: readonly string[] | null;
  /** Validators of an earlier answer: a 304 then comes back as `not-modified`. */
  etag?: string | null;
  lastModified?: string | null;
  /** When given, every URL of the chain (redirects too) must have a host it accepts. */
  hostAllowed?: (hostname: string) => boolean;
}

export interface FetchedBody {
  status: 'ok';
  /** The URL the body came from, after redirects. */
  url: string;
  /** Lower-case essence of the Content-Type, or null when the server sent none. */
  contentType: string | null;
  charset: string | null;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult = FetchedBody | { status: 'not-modified'; url: string };

export interface FetchDeps {
  resolve?: Resolver;
  /** Connection agents (a test routes connections to its local server through one). */
  agents?: { http?: http.Agent; https?: https.Agent };
}

/** Parses a link the user gave: an absolute http(s) URL without credentials, or URL_INVALID. */
export function parseWebUrl(text: string): URL {
  if (text.length > URL_MAX_CHARS) throw new UserError(ERROR_CODES.URL_INVALID, 'urlInvalid', { url: `${text.slice(0, 80)}…` });
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UserError(ERROR_CODES.URL_INVALID, 'urlInvalid', { url: text });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') {
    throw new UserError(ERROR_CODES.URL_INVALID, 'urlInvalid', { url: text });
  }
  return url;
}


function contentTypeOf(header: string | undefined): { type: string | null; charset: string | null } {
  if (header === undefined || header.trim() === '') return { type: null, charset: null };
  const [essence, ...params] = header.split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/iu.exec(p)?.[1]).find((c) => c !== undefined) ?? null;
  return { type: (essence ?? '').trim().toLowerCase(), charset: charset?.toLowerCase() ?? null };
}

function decoded(response: http.IncomingMessage, url: URL): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return response;
  const decompress = encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip() : encoding === 'deflate' ? zlib.createInflate() : encoding === 'br' ? zlib.createBrotliDecompress() : null;
  if (decompress === null) {
    response.destroy();
    throw new UserError(ERROR_CODES.FETCH_FAILED, 'fetchEncoding', { url: url.href, encoding });
  }
  // pipeline, unlike pipe, passes an aborted response on to the decompressor, so a read in progress ends.
  return pipeline(response, decompress, () => undefined);
}

export class SafeFetcher {
  private readonly resolve: Resolver;

  constructor(
    readonly rules: Readonly<FetchRules>,
    private readonly deps: FetchDeps = {},
  ) {
    this.resolve = deps.resolve ?? systemResolver;
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    let url = parseWebUrl(request.url);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.rules.timeoutMs);
    try {
      for (let redirects = 0; ; redirects++) {
        const response = await this.request(url, request, controller.signal);
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(status) && location !== undefined) {
          response.resume();
          if (redirects >= MAX_REDIRECTS) throw new UserError(ERROR_CODES.FETCH_FAILED, 'fetchTooManyRedirects', { url: request.url, max: MAX_REDIRECTS });
          url = parseWebUrl(new URL(location, url).href);
          continue;
        }
        if (status === 304) {
          response.resume();
          return { status: 'not-modified', url: url.href };
        }
        return await this.read(url, response, request);
      }
    } catch (error) {
      if (controller.signal.aborted) {
        throw new UserError(ERROR_CODES.FETCH_TIMEOUT, 'fetchTimeout', { url: request.url, seconds: this.rules.timeoutMs / 1000 });
      }
      if (isUserError(error)) throw error;
      throw new UserError(ERROR_CODES.FETCH_FAILED, 'fetchConnection', { url: url.href, detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }

  /** The addresses a host resolves to, each checked; the first is the one connected to. */
  private async checkedAddress(url: URL): Promise<string> {
    const hostname = url.hostname.replace(/^\[(.*)\]$/u, '$1');
    let addresses: string[];
    if (isIP(hostname) !== 0) addresses = [hostname];
    else {
      try {
        addresses = (await this.resolve(hostname)).map((a) => a.address);
      } catch {
        throw new UserError(ERROR_CODES.FETCH_FAILED, 'fetchHostNotFound', { url: url.href, host: hostname });
      }
    }
    const [first] = addresses;
    if (first === undefined) throw new UserError(ERROR_CODES.FETCH_FAILED, 'fetchHostNotFound', { url: url.href, host: hostname });
    if (!this.rules.allowPrivateHosts) {
      for (const address of addresses) {
        const verdict = addressVerdict(address);
        if (!verdict.allowed) {
          throw new UserError(ERROR_CODES.FETCH_BLOCKED, 'fetchBlocked', { host: hostname, address, range: verdict.range });
        }
      }
    }
    return first;
  }

  private async request(url: URL, request: FetchRequest, signal: AbortSignal): Promise<http.IncomingMessage> {
    if (request.hostAllowed !== undefined && !request.hostAllowed(url.hostname)) {
      throw new UserError(ERROR_CODES.ATTACHMENT_HOST, 'attachmentHost', { host: url.hostname });
    }
    const address = await this.checkedAddress(url);
    const secure = url.protocol === 'https:';
    const hostname = url.hostname.replace(/^\[(.*)\]$/u, '$1');
    const headers: http.OutgoingHttpHeaders = {
      host: url.host,
      'user-agent': USER_AGENT,
      accept: request.accept === null ? '*/*' : `${request.accept.join(', ')};q=1, */*;q=0.1`,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    const options: https.RequestOptions = {
      host: address,
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      signal,
      agent: secure ? this.deps.agents?.https : this.deps.agents?.http,
      ...(secure && isIP(hostname) === 0 ? { servername: hostname } : {}),
    };
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(options, resolve);
      req.on('error', reject);
      req.end();
    });
  }

  private async read(url: URL, response: http.IncomingMessage, request: FetchRequest): Promise<FetchedBody> {
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      response.resume();
      throw new UserError(ERROR_CODES.FETCH_FAILED, 'fetchHttpStatus', { url: url.href, status });
    }
    const { type, charset } = contentTypeOf(response.headers['content-type']);
    if (request.accept !== null && (type === null || !request.accept.includes(type))) {
      response.destroy();
      throw new UserError(ERROR_CODES.FETCH_BAD_TYPE, 'fetchBadType', { url: url.href, type: type ?? '?', expected: request.accept.join(', ') });
    }
    const tooLarge = (): UserError =>
      new UserError(ERROR_CODES.FETCH_TOO_LARGE, 'fetchTooLarge', { url: url.href, megabytes: this.rules.maxBytes / 2 ** 20 });
    const declared = Number(response.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > this.rules.maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let total = 0;
    const stream = decoded(response, url);
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      total += bytes.length;
      if (total > this.rules.maxBytes) {
        response.destroy();
        stream.destroy();
        throw tooLarge();
      }
      chunks.push(bytes);
    }
    const header = (name: string): string | null => {
      const value = response.headers[name];
      return typeof value === 'string' && value !== '' ? value : null;
    };
    return { status: 'ok', url: url.href, contentType: type, charset, body: Buffer.concat(chunks), etag: header('etag'), lastModified: header('last-modified') };
  }
}
