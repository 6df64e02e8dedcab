import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';
import { SafeFetcher, type FetchRules } from '../../src/intake/fetch.js';
import { LocalWeb, RoutedAgent, fixedResolver } from './local-web.js';
import { refusal } from './workspace.js';

const HTML = ['text/html'];
const STRICT: FetchRules = { allowPrivateHosts: false, timeoutMs: 5_000, maxBytes: 64 * 1024 };
/** Public addresses the resolver hands out; the routed agent carries connections to them to the local server. */
const PUBLIC_A = '93.184.216.34';
const PUBLIC_B = '151.101.1.69';

let web: LocalWeb;

beforeAll(async () => {
  web = new LocalWeb();
  await web.start();
});

afterAll(async () => {
  await web.stop();
});

beforeEach(() => {
  web.requests.length = 0;
});

describe('the address rule at fetch time', () => {
  it('GIVEN the rule in force WHEN a link points at the local server on 127.0.0.1 THEN it is refused and the server sees no request', async () => {
    web.set('/story', { body: '<p>hello</p>' });
    const error = await refusal(new SafeFetcher(STRICT).fetch({ url: web.url('/story'), accept: HTML }));
    expect(error.code).toBe(ERROR_CODES.FETCH_BLOCKED);
    expect(error.userMessage.params).toMatchObject({ address: '127.0.0.1', range: 'loopback' });
    expect(web.requests).toEqual([]);
  });

  it.each(['http://[::1]:80/', 'http://[::ffff:127.0.0.1]/', 'http://10.0.0.8/', 'http://169.254.169.254/latest/meta-data/', 'http://0.0.0.0/', 'http://2130706433/', 'http://0x7f.1/'])(
    'GIVEN the link %s to an internal address written as a literal THEN it is refused before any connection',
    async (url) => {
      const agent = new RoutedAgent(web);
      const error = await refusal(new SafeFetcher(STRICT, { agents: { http: agent }, resolve: fixedResolver({}) }).fetch({ url, accept: HTML }));
      expect(error.code).toBe(ERROR_CODES.FETCH_BLOCKED);
      expect(agent.connections).toEqual([]);
    },
  );

  it('GIVEN a host whose DNS answer is private THEN it is refused before any connection', async () => {
    const agent = new RoutedAgent(web);
    const resolve = fixedResolver({ 'intranet.test': ['192.168.10.4'] });
    const error = await refusal(new SafeFetcher(STRICT, { agents: { http: agent }, resolve }).fetch({ url: 'http://intranet.test/', accept: HTML }));
    expect(error.code).toBe(ERROR_CODES.FETCH_BLOCKED);
    expect(error.userMessage.params).toMatchObject({ host: 'intranet.test', range: 'private' });
    expect(agent.connections).toEqual([]);
  });

  it('GIVEN a host with one public and one private address THEN it is refused', async () => {
    const agent = new RoutedAgent(web);
    const resolve = fixedResolver({ 'mixed.test': [PUBLIC_A, '10.1.1.1'] });
    const error = await refusal(new SafeFetcher(STRICT, { agents: { http: agent }, resolve }).fetch({ url: 'http://mixed.test/', accept: HTML }));
    expect(error.code).toBe(ERROR_CODES.FETCH_BLOCKED);
    expect(agent.connections).toEqual([]);
  });

  it('GIVEN a public host THEN the connection goes to the address that was checked, with the host name in the Host header', async () => {
    web.set('/story', { body: '<p>hello</p>' });
    const agent = new RoutedAgent(web);
    const resolve = fixedResolver({ 'news.test': [PUBLIC_A] });
    const result = await new SafeFetcher(STRICT, { agents: { http: agent }, resolve }).fetch({ url: 'http://news.test/story', accept: HTML });
    expect(result).toMatchObject({ status: 'ok', url: 'http://news.test/story', contentType: 'text/html', charset: 'utf-8' });
    expect(agent.connections).toEqual([`${PUBLIC_A}:80`]);
    expect(web.requestsTo('/story')[0]?.headers.host).toBe('news.test');
  });

  it('GIVEN a public page that redirects to a host resolving to a private address THEN the redirect is refused before connecting to it', async () => {
    web.set('/moved', { status: 302, headers: { location: 'http://metadata.test/secrets' } });
    const agent = new RoutedAgent(web);
    const resolve = fixedResolver({ 'news.test': [PUBLIC_A], 'metadata.test': ['169.254.169.254'] });
    const error = await refusal(new SafeFetcher(STRICT, { agents: { http: agent }, resolve }).fetch({ url: 'http://news.test/moved', accept: HTML }));
    expect(error.code).toBe(ERROR_CODES.FETCH_BLOCKED);
    expect(error.userMessage.params).toMatchObject({ host: 'metadata.test', range: 'linkLocal' });
    expect(agent.connections).toEqual([`${PUBLIC_A}:80`]);
    expect(web.requestsTo('/secrets')).toEqual([]);
  });

  it('GIVEN a public page that redirects to a literal loopback address THEN the redirect is refused', async () => {
    web.set('/moved', { status: 301, headers: { location: `http://127.0.0.1:${web.port}/admin` } });
    const agent = new RoutedAgent(web);
    const error = await refusal(new SafeFetcher(STRICT, { agents: { http: agent }, resolve: fixedResolver({ 'news.test': [PUBLIC_A] }) }).fetch({ url: 'http://news.test/moved', accept: HTML }));
    expect(error.code).toBe(ERROR_CODES.FETCH_BLOCKED);
    expect(web.requestsTo('/admin')).toEqual([]);
  });

  it('GIVEN DNS that answers public, then loopback (rebinding) THEN the second hop is refused and every connection went to a checked address', async () => {
    web.set('/a', { status: 302, headers: { location: 'http://rebind.test/b' } });
    web.set('/b', { body: 'internal' });
    const answers = [[PUBLIC_A], ['127.0.0.1']];
    const resolve = fixedResolver({ 'rebind.test': () => answers.shift() ?? [] });
    const agent = new RoutedAgent(web);
    const error = await refusal(new SafeFetcher(STRICT, { agents: { http: agent }, resolve }).fetch({ url: 'http://rebind.test/a', accept: HTML }));
    expect(error.code).toBe(ERROR_CODES.FETCH_BLOCKED);
    expect(resolve.calls).toEqual(['rebind.test', 'rebind.test']);
    expect(agent.connections).toEqual([`${PUBLIC_A}:80`]);
    expect(web.requestsTo('/b')).toEqual([]);
  });

  it('GIVEN a redirect between two public hosts THEN it is followed and the final URL is reported', async () => {
    web.set('/old', { status: 308, headers: { location: 'http://cdn.test/new' } });
    web.set('/new', { body: 'moved here' });
    const agent = new RoutedAgent(web);
    const resolve = fixedResolver({ 'news.test': [PUBLIC_A], 'cdn.test': [PUBLIC_B] });
    const result = await new SafeFetcher(STRICT, { agents: { http: agent }, resolve }).fetch({ url: 'http://news.test/old', accept: HTML });
    expect(result).toMatchObject({ status: 'ok', url: 'http://cdn.test/new' });
    expect(agent.connections).toEqual([`${PUBLIC_A}:80`, `${PUBLIC_B}:80`]);
  });

  it('GIVEN FETCH_ALLOW_PRIVATE_HOSTS THEN the local server can be fetched', async () => {
    web.set('/story', { body: '<p>hello</p>' });
    const result = await new SafeFetcher({ ...STRICT, allowPrivateHosts: true }).fetch({ url: web.url('/story'), accept: HTML });
    expect(result.status === 'ok' && result.body.toString()).toBe('<p>hello</p>');
  });
});

describe('what the fetcher accepts', () => {
  const open = new SafeFetcher({ ...STRICT, allowPrivateHosts: true });

  it.each(['file:///etc/passwd', 'ftp://example.com/a', 'javascript:alert(1)', 'gopher://x/', 'not a url', 'http://user:pw@news.test/'])('GIVEN %j THEN it is not fetched', async (url) => {
    const error = await refusal(open.fetch({ url, accept: HTML }));
    expect(error.code).toBe(ERROR_CODES.URL_INVALID);
  });

  it('GIVEN a redirect to a file: URL THEN it is refused', async () => {
    web.set('/to-file', { status: 302, headers: { location: 'file:///etc/passwd' } });
    expect((await refusal(open.fetch({ url: web.url('/to-file'), accept: HTML }))).code).toBe(ERROR_CODES.URL_INVALID);
  });

  it('GIVEN a redirect loop THEN it stops after the redirect limit', async () => {
    web.set('/loop', { status: 302, headers: { location: '/loop' } });
    const error = await refusal(open.fetch({ url: web.url('/loop'), accept: HTML }));
    expect(error.userMessage.key).toBe('fetchTooManyRedirects');
    expect(web.requestsTo('/loop')).toHaveLength(6);
  });

  it('GIVEN a slow server THEN the fetch ends with a timeout', async () => {
    web.set('/slow', { hang: true });
    const error = await refusal(new SafeFetcher({ ...STRICT, allowPrivateHosts: true, timeoutMs: 150 }).fetch({ url: web.url('/slow'), accept: HTML }));
    expect(error.code).toBe(ERROR_CODES.FETCH_TIMEOUT);
  });

  it('GIVEN a dead link THEN it fails with the status', async () => {
    const error = await refusal(open.fetch({ url: web.url('/gone'), accept: HTML }));
    expect(error.userMessage).toEqual({ key: 'fetchHttpStatus', params: { url: web.url('/gone'), status: 404 } });
  });

  it('GIVEN a host that does not resolve THEN it fails as not found', async () => {
    const error = await refusal(new SafeFetcher(STRICT, { resolve: fixedResolver({}) }).fetch({ url: 'http://nowhere.test/', accept: HTML }));
    expect(error.code).toBe(ERROR_CODES.FETCH_FAILED);
    expect(error.userMessage).toEqual({ key: 'fetchHostNotFound', params: { url: 'http://nowhere.test/', host: 'nowhere.test' } });
  });

  it('GIVEN a body over the cap THEN it fails as too large, whether or not the length was announced', async () => {
    web.set('/big', { body: 'x'.repeat(STRICT.maxBytes + 1) });
    web.set('/big-chunked', () => ({ headers: { 'content-type': 'text/html', 'transfer-encoding': 'chunked' }, body: 'x'.repeat(STRICT.maxBytes + 1) }));
    expect((await refusal(open.fetch({ url: web.url('/big'), accept: HTML }))).code).toBe(ERROR_CODES.FETCH_TOO_LARGE);
    expect((await refusal(open.fetch({ url: web.url('/big-chunked'), accept: HTML }))).code).toBe(ERROR_CODES.FETCH_TOO_LARGE);
  });

  it('GIVEN a small gzip body that inflates past the cap THEN it fails as too large', async () => {
    web.set('/bomb', { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(STRICT.maxBytes * 4, 32)) });
    expect((await refusal(open.fetch({ url: web.url('/bomb'), accept: HTML }))).code).toBe(ERROR_CODES.FETCH_TOO_LARGE);
  });

  it('GIVEN a gzip body under the cap THEN it is decompressed', async () => {
    web.set('/gz', { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' }, body: gzipSync('<p>compressed</p>') });
    const result = await open.fetch({ url: web.url('/gz'), accept: HTML });
    expect(result.status === 'ok' && result.body.toString()).toBe('<p>compressed</p>');
  });

  it('GIVEN a content type the caller does not read THEN it fails as the wrong type', async () => {
    web.set('/image', { headers: { 'content-type': 'image/png' }, body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    const error = await refusal(open.fetch({ url: web.url('/image'), accept: HTML }));
    expect(error.code).toBe(ERROR_CODES.FETCH_BAD_TYPE);
    expect(error.userMessage.params).toMatchObject({ type: 'image/png' });
  });

  it('GIVEN validators of an earlier answer THEN they are sent and a 304 comes back as not modified', async () => {
    web.set('/feed', (req) => (req.headers['if-none-match'] === '"v1"' ? { status: 304 } : { headers: { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Thu, 20 Nov 2025 08:00:00 GMT' }, body: '<rss/>' }));
    const first = await open.fetch({ url: web.url('/feed'), accept: ['application/rss+xml'] });
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"', lastModified: 'Thu, 20 Nov 2025 08:00:00 GMT' });
    const second = await open.fetch({ url: web.url('/feed'), accept: ['application/rss+xml'], etag: '"v1"', lastModified: 'Thu, 20 Nov 2025 08:00:00 GMT' });
    expect(second.status).toBe('not-modified');
    expect(web.requestsTo('/feed')[1]?.headers['if-modified-since']).toBe('Thu, 20 Nov 2025 08:00:00 GMT');
  });

  it('GIVEN a host filter THEN a redirect to another host is refused', async () => {
    web.set('/attachment', { status: 302, headers: { location: 'http://elsewhere.test/file.txt' } });
    const error = await refusal(open.fetch({ url: web.url('/attachment'), accept: null, hostAllowed: (h) => h === '127.0.0.1' }));
    expect(error.code).toBe(ERROR_CODES.ATTACHMENT_HOST);
  });
});
