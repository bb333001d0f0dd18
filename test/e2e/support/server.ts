/**
 * A small static server on 127.0.0.1 for end-to-end tests: serves folders, answers conditional
 * requests with ETag, and lets a test replace a route's body or status on the fly.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};

/** A route's answer: a body with headers and a status, or a function of the request. */
export interface Route {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering. */
  delay?: number;
}

/** A running test server. */
export interface TestServer {
  readonly origin: string;
  readonly port: number;
  /** Requests seen, in order, as paths with their query. */
  readonly requests: string[];
  /** Serve `path` with this answer from now on (overrides the folders). */
  route(path: string, answer: Route | ((req: IncomingMessage) => Route)): void;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 on a free port, serving `mounts` (URL prefix -> folder). */
export async function startServer(
  mounts: Record<string, string> = {},
  port = 0,
): Promise<TestServer> {
  const routes = new Map<string, Route | ((req: IncomingMessage) => Route)>();
  const requests: string[] = [];
  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    headers: Record<string, string>,
  ) => {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const all = {
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'ETag, Last-Modified',
      etag,
      ...headers,
    };
    if (status === 200 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, all);
      res.end();
      return;
    }
    res.writeHead(status, all);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(url.pathname + url.search);
      const routed = routes.get(url.pathname);
      if (routed) {
        const answer = typeof routed === 'function' ? routed(req) : routed;
        if (answer.delay) await new Promise((r) => setTimeout(r, answer.delay));
        const type = types[extname(url.pathname)] ?? 'application/octet-stream';
        send(req, res, answer.status ?? 200, answer.body ?? '', {
          'content-type': type,
          ...answer.headers,
        });
        return;
      }
      const prefix = Object.keys(mounts)
        .sort((a, b) => b.length - a.length)
        .find((p) => url.pathname === p || url.pathname.startsWith(p.endsWith('/') ? p : p + '/'));
      if (prefix === undefined) {
        send(req, res, 404, 'not found', { 'content-type': 'text/plain' });
        return;
      }
      const root = resolve(mounts[prefix]!);
      let file = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
      if (!file.startsWith(root)) {
        send(req, res, 403, 'forbidden', { 'content-type': 'text/plain' });
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        send(req, res, 200, body, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
        });
      } catch {
        send(req, res, 404, 'not found', { 'content-type': 'text/plain' });
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const actual = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    route: (path, answer) => void routes.set(path, answer),
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
