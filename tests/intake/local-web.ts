/**
 * A small web on 127.0.0.1 for the intake tests: a server whose pages each test sets, which
 * records every request it sees, and an agent that stands in for the internet: the fetcher
 * connects to the address it checked, and the agent records that address and carries the
 * connection to the local server instead. No test traffic leaves 127.0.0.0/8.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Resolver } from '../../src/intake/fetch.js';

export interface LocalPage {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Never answer (a slow server). */
  hang?: boolean;
}

export interface SeenRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
}

export class LocalWeb {
  readonly requests: SeenRequest[] = [];
  private readonly pages = new Map<string, LocalPage | ((req: http.IncomingMessage) => LocalPage)>();
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly server = http.createServer((req, res) => this.answer(req, res));
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** `http://127.0.0.1:PORT/path` */
  url(pathname: string): string {
    return `http://127.0.0.1:${this.port}${pathname}`;
  }

  set(pathname: string, page: LocalPage | ((req: http.IncomingMessage) => LocalPage)): void {
    this.pages.set(pathname, page);
  }

  requestsTo(pathname: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === pathname);
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const pathname = new URL(req.url ?? '/', 'http://local').pathname;
    this.requests.push({ path: pathname, headers: req.headers });
    const entry = this.pages.get(pathname);
    const page = typeof entry === 'function' ? entry(req) : entry;
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    if (page.hang === true) {
      this.hanging.add(res);
      return;
    }
    res.writeHead(page.status ?? 200, page.headers ?? { 'content-type': 'text/html; charset=utf-8' });
    res.end(page.body ?? '');
  }
}

/** An agent for "the internet": records the address:port each connection was meant for and connects to the local server. */
export class RoutedAgent extends http.Agent {
  readonly connections: string[] = [];

  constructor(private readonly web: LocalWeb) {
    super({ keepAlive: false });
  }

  /** The socket is returned at once, so http.Agent does not wait for the callback. */
  override createConnection(options: net.NetConnectOpts & { host?: string; port?: number }): net.Socket {
    this.connections.push(`${options.host ?? ''}:${options.port ?? ''}`);
    return net.createConnection({ host: '127.0.0.1', port: this.web.port });
  }
}

/** A resolver with fixed answers; each call is recorded. A name it does not know is not found. */
export function fixedResolver(answers: Record<string, string[] | (() => string[])>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const answer = answers[hostname];
    if (answer === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const list = typeof answer === 'function' ? answer() : answer;
    return list.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
  };
  return Object.assign(resolve, { calls });
}
