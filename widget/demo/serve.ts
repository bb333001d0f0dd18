/**
 * The demo site: a small node:http server on the loopback interface that serves the built widget,
 * the bundled feeds (with CORS and conditional requests, as a publisher should), pages embedding the
 * widget on real national plans, and the official pages of a fictional city hall that the browser
 * extension can overlay.
 *
 * `npm start` builds everything and runs this file; tests import `startDemoServer`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

/** The repository root, found from this file so that the server runs from any working folder. */
const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where the pages, bundled feeds and widget build live. */
const folders = {
  pages: join(repoRoot, 'widget', 'demo'),
  feeds: join(repoRoot, 'shared', 'feeds'),
  widget: join(repoRoot, 'dist', 'widget'),
  core: join(repoRoot, 'dist', 'core'),
};

/** The fictional city hall's feed, and the copy of it rewritten to point at this demo. */
const valfleurie = {
  source: 'valfleurie.json',
  demoPath: '/feeds/valfleurie.demo.json',
  mount: '/valfleurie',
  /** The fictional hosts the feed names, and where the demo serves their pages. */
  hosts: [
    { host: 'participer.valfleurie.example', mount: '/valfleurie/participer' },
    { host: 'www.valfleurie.example', mount: '/valfleurie' },
  ],
};

/** The URL path of the demo copy of the fictional city hall's feed. */
export const demoFeedPath = valfleurie.demoPath;

/** The demo's pages, in the order the start message and the index list them. */
export const demoPages: readonly { readonly path: string; readonly title: string }[] = [
  { path: '/', title: 'Index of the demo' },
  {
    path: '/plans/france-2021-2023.html',
    title: 'France, national action plan 2021-2023 (real data)',
  },
  {
    path: '/plans/france-2018-2020.html',
    title: 'France, national action plan 2018-2020 (real data)',
  },
  { path: '/plans/paris.html', title: 'Paris, OGP Local (real data)' },
  { path: '/valfleurie/', title: 'Commune de Valfleurie (fictional): home, badges and dashboard' },
  { path: '/valfleurie/commune-ouverte/plan-2026-2028/', title: 'Valfleurie: its action plan' },
  { path: '/valfleurie/marches-publics/', title: 'Valfleurie: public procurement (official page)' },
  {
    path: '/valfleurie/budget-participatif/',
    title: 'Valfleurie: participatory budget (official page)',
  },
  { path: '/valfleurie/conseil-municipal/', title: 'Valfleurie: town council (official page)' },
  {
    path: '/playground.html',
    title: 'Widget playground: your feed file before publishing, themes, language, badges',
  },
];

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

/**
 * File types the page folder may serve: never the server's own source. PDFs are the fictional
 * town's documents that its feed gives as evidence.
 */
const pageExtensions = new Set(['.html', '.css', '.svg', '.png', '.ico', '.js', '.pdf']);

/**
 * Scripts from this origin only; no inline script or style, no plugins, no framing, and Trusted
 * Types for every DOM sink, with the one policy Lit creates (each demo page loads one widget
 * bundle, so one copy of Lit). The widget needs nothing more: its styles are constructed
 * stylesheets and CSSOM writes, which `style-src` does not govern. Images may come from a feed's
 * publisher logo over https.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Headers every answer carries. */
const commonHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/**
 * CORS for feeds, and for the widget's bundles: any site may read a feed and see the validators it
 * needs to ask again cheaply, and a page on another site may load a bundle, which browsers fetch
 * for a module script in CORS mode (the playground's code names this server's copy).
 */
const corsHeaders: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Last-Modified',
};

/**
 * What the playground may hand the server to preview a feed not yet published: one feed's text,
 * kept in memory only, read back at an unguessable address on this origin alone, and forgotten
 * after an hour or when newer ones push it out, so that no page can fill the memory or the disk.
 */
export const uploadLimits = {
  /** Bytes of one feed; the longest real feed bundled here is under 25 KB. */
  maxBytes: 2 * 1024 * 1024,
  /** Feeds kept at once; the oldest goes first. */
  maxCount: 32,
  /** How long one is kept, in milliseconds. */
  maxAgeMs: 60 * 60 * 1000,
} as const;

/** The URL path where the playground sends a feed's text, and under which it reads it back. */
export const uploadPath = '/uploads/';

/**
 * The headers of an uploaded feed read back: no CORS header and `same-origin` resource policy, so
 * that no other site reads or embeds it; and a sandbox, should someone open it as a page.
 */
const uploadHeaders: Record<string, string> = {
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': "default-src 'none'; sandbox",
};

/** Options of `startDemoServer`. */
export interface DemoServerOptions {
  /** 0 picks a free port. Default 8080. */
  readonly port?: number;
  /** Default `127.0.0.1`: the demo is never exposed beyond this machine. */
  readonly host?: string;
}

/** A running demo server. */
export interface DemoServer {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

/** A body ready to send, with the validators a conditional request is checked against. */
interface Resource {
  readonly body: Buffer;
  readonly type: string;
  readonly lastModified: Date;
}

/** Starts the demo server; rejects with the listen error (`EADDRINUSE`…) when the port is taken. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`${req.method ?? 'GET'} ${req.url ?? '/'}:`, error);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain; charset=utf-8');
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  /** Uploaded feeds by id, oldest first (a Map keeps insertion order). */
  const uploads = new Map<string, Resource>();
  const forgetExpired = (now: number) => {
    for (const [id, upload] of uploads) {
      if (now - upload.lastModified.getTime() < uploadLimits.maxAgeMs) break;
      uploads.delete(id);
    }
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const path = url.pathname;
    const isFeed = path.startsWith('/feeds/');
    if (req.method === 'OPTIONS' && isFeed) {
      res.writeHead(204, {
        ...commonHeaders,
        ...corsHeaders,
        'access-control-allow-methods': 'GET, HEAD',
        'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
        'access-control-max-age': '86400',
      });
      res.end();
      return;
    }
    if (path === uploadPath && req.method === 'POST') {
      await receiveUpload(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8', { allow: 'GET, HEAD' });
      return;
    }
    if (path.startsWith(uploadPath)) {
      forgetExpired(Date.now());
      // Read back under a loopback name only: a page whose own name was made to point here
      // (DNS rebinding) gets nothing.
      const loopback = requestOrigin(req, '') !== '';
      const upload = loopback ? uploads.get(path.slice(uploadPath.length)) : undefined;
      if (upload) sendResource(req, res, upload, uploadHeaders);
      else send(res, 404, 'Not found (uploads are kept for an hour)', 'text/plain; charset=utf-8');
      return;
    }
    const resource = await resolveResource(path, requestOrigin(req, origin));
    if (resource === 'redirect') {
      res.writeHead(301, { ...commonHeaders, location: `${path}/${url.search}` });
      res.end();
      return;
    }
    if (resource === undefined) {
      send(res, 404, notFoundPage(path), 'text/html; charset=utf-8', pageHeaders());
      return;
    }
    const extra =
      isFeed || path.startsWith('/dist/widget/')
        ? corsHeaders
        : resource.type.startsWith('text/html')
          ? pageHeaders()
          : {};
    sendResource(req, res, resource, extra);
  }

  /**
   * Keeps a feed's text sent by the playground and answers with the address to read it at. Only a
   * page of this server may send one (its `Origin` is the loopback address the request names), as
   * `application/json`, which a form on another site cannot send without asking first.
   */
  async function receiveUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const plain = 'text/plain; charset=utf-8';
    const own = requestOrigin(req, '');
    if (own === '' || req.headers.origin !== own) {
      send(res, 403, 'Only the playground of this server may send a feed', plain);
      return;
    }
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      send(res, 415, 'Send the feed as application/json', plain);
      return;
    }
    const body = await readBody(req, uploadLimits.maxBytes);
    if (body === undefined) {
      send(res, 413, `A feed sent here may hold ${uploadLimits.maxBytes} bytes at most`, plain, {
        connection: 'close',
      });
      return;
    }
    const now = Date.now();
    forgetExpired(now);
    while (uploads.size >= uploadLimits.maxCount) {
      uploads.delete(uploads.keys().next().value!);
    }
    const id = `${randomBytes(16).toString('base64url')}.json`;
    uploads.set(id, { body, type: contentTypes['.json']!, lastModified: new Date(now) });
    send(res, 201, JSON.stringify({ url: `${uploadPath}${id}` }), contentTypes['.json']!);
  }

  return {
    origin,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** The request's body, or undefined once it passes `maxBytes` (the rest is then not read). */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function pageHeaders(): Record<string, string> {
  return { 'content-security-policy': contentSecurityPolicy };
}

/**
 * The origin the browser used (`localhost` or `127.0.0.1`, any port), so that the demo feed's
 * patterns match the pages as the person sees them. Anything else falls back to the server's own.
 */
function requestOrigin(req: IncomingMessage, fallback: string): string {
  const hostHeader = req.headers.host ?? '';
  return /^(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/.test(hostHeader)
    ? `http://${hostHeader}`
    : fallback;
}

/** The file or generated body behind a URL path; `redirect` adds the missing trailing slash. */
async function resolveResource(
  path: string,
  origin: string,
): Promise<Resource | 'redirect' | undefined> {
  if (path === valfleurie.demoPath) return demoFeed(origin);
  const feed = /^\/feeds\/([a-z0-9][a-z0-9-]*\.json)$/.exec(path);
  if (feed) return readStatic(folders.feeds, feed[1]!);
  if (path.startsWith('/dist/widget/')) {
    return readStatic(folders.widget, path.slice('/dist/widget/'.length));
  }
  // The core's browser module, with which the playground checks a feed file as the validator does.
  if (path === '/dist/core/open-commitments-core.js') {
    return readStatic(folders.core, 'open-commitments-core.js');
  }
  if (!pageExtensions.has(extname(path)) && !path.endsWith('/')) {
    const asFolder = await readStatic(folders.pages, `${path.slice(1)}/index.html`);
    return asFolder ? 'redirect' : undefined;
  }
  return readStatic(
    folders.pages,
    path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1),
  );
}

/** Reads a file under `root`, refusing any path that escapes it. */
async function readStatic(root: string, relativePath: string): Promise<Resource | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return undefined;
  }
  const file = normalize(join(root, decoded));
  const inside = relative(root, file);
  if (inside.startsWith('..') || inside.startsWith(sep) || decoded.includes('\0')) return undefined;
  try {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    return {
      body: await readFile(file),
      type: contentTypes[extname(file)] ?? 'application/octet-stream',
      lastModified: info.mtime,
    };
  } catch {
    return undefined;
  }
}

/**
 * The fictional city hall's feed with its official sites moved into this demo: every URL on
 * `https://www.valfleurie.example/` becomes `ORIGIN/valfleurie/…` (and its participation platform,
 * `participer.valfleurie.example`, `ORIGIN/valfleurie/participer/…`); every match pattern becomes a
 * port-less `http://HOST/valfleurie/…`, since a match pattern without a port matches any port.
 */
async function demoFeed(origin: string): Promise<Resource | undefined> {
  const source = await readStatic(folders.feeds, valfleurie.source);
  if (!source) return undefined;
  const rewritten = rewriteDemoFeed(JSON.parse(source.body.toString('utf8')) as unknown, origin);
  return {
    body: Buffer.from(JSON.stringify(rewritten, null, 2) + '\n'),
    type: contentTypes['.json']!,
    lastModified: source.lastModified,
  };
}

/**
 * Rewrites the fictional city hall's feed (already parsed JSON) so that its `site`, `pages` and
 * URLs point at the demo served from `origin`, leaving every other value untouched.
 */
export function rewriteDemoFeed(value: unknown, origin: string): unknown {
  const target = new URL(origin);
  const rules = valfleurie.hosts.map(({ host, mount }) => {
    const escaped = host.replaceAll('.', '\\.');
    return {
      pattern: new RegExp(`^(?:\\*|https?)://${escaped}(?=/)`),
      patternBase: `${target.protocol}//${target.hostname}${mount}`,
      url: new RegExp(`^https?://${escaped}(?=[/?#]|$)`),
      urlBase: `${target.origin}${mount}`,
    };
  });
  const rewrite = (text: string, isPattern: boolean): string => {
    for (const rule of rules) {
      const from = isPattern ? rule.pattern : rule.url;
      if (from.test(text)) return text.replace(from, isPattern ? rule.patternBase : rule.urlBase);
    }
    return text;
  };
  const walk = (node: unknown, key: string | undefined): unknown => {
    if (typeof node === 'string') return rewrite(node, key === 'site' || key === 'pages');
    if (Array.isArray(node)) return node.map((item) => walk(item, key));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
        out[k] = walk(v, k);
      }
      return out;
    }
    return node;
  };
  return walk(value, undefined);
}

/** Answers with the resource, or 304 when the request's validators still match it. */
function sendResource(
  req: IncomingMessage,
  res: ServerResponse,
  resource: Resource,
  extra: Record<string, string>,
): void {
  const etag = `"${createHash('sha256').update(resource.body).digest('base64url').slice(0, 22)}"`;
  // HTTP dates have whole seconds: compare at that precision.
  const modified = new Date(Math.floor(resource.lastModified.getTime() / 1000) * 1000);
  const headers = {
    ...commonHeaders,
    ...extra,
    etag,
    'last-modified': modified.toUTCString(),
  };
  if (notModified(req, etag, modified)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': resource.type,
    'content-length': String(resource.body.length),
  });
  res.end(req.method === 'HEAD' ? undefined : resource.body);
}

/** RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since is only read without it. */
function notModified(req: IncomingMessage, etag: string, modified: Date): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && modified.getTime() <= since;
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...commonHeaders, ...extra, 'content-type': type });
  res.end(body);
}

/** A 404 page; under the fictional town's site, it says which of its pages the demo reproduces. */
function notFoundPage(path: string): string {
  const escaped = path.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const inTown = path.startsWith(`${valfleurie.mount}/`);
  const explanation = inTown
    ? `<p>La Commune de Valfleurie est fictive : la démonstration ne reproduit que quelques pages de
son site, et pas <code>${escaped}</code>.</p>
<p><a href="${valfleurie.mount}/">Accueil de Valfleurie</a> · <a href="/">Index de la démonstration</a></p>`
    : `<p>Rien n'est servi à <code>${escaped}</code>.</p>
<p><a href="/">Index de la démonstration</a></p>`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page introuvable — Open Commitments (démonstration)</title>
<link rel="stylesheet" href="/demo.css">
<link rel="icon" href="/favicon.svg">
</head>
<body${inTown ? ' class="fictional"' : ''}>
<main class="page"><h1>Page introuvable</h1>
${explanation}
</main>
</body>
</html>
`;
}

/** What to do next, printed once the server listens. */
function startMessage(origin: string): string {
  const extension = (browser: string) => join(repoRoot, '.output', `${browser}-mv3`);
  const width = Math.max(...demoPages.map((page) => (origin + page.path).length));
  const lines = [
    '',
    `Open Commitments demo: ${origin}/`,
    '',
    ...demoPages.map((page) => `  ${(origin + page.path).padEnd(width)}  ${page.title}`),
    '',
    'Feeds (CORS, ETag/Last-Modified, 304 on conditional requests):',
    `  ${origin}/feeds/fr-2021-2023.json`,
    `  ${origin}/feeds/fr-2018-2020.json`,
    `  ${origin}/feeds/paris.json`,
    `  ${origin}/feeds/valfleurie.json            (as published: site on www.valfleurie.example)`,
    `  ${origin}${valfleurie.demoPath}       (demo copy: site and pages on this server)`,
    '',
    `Preview your own feed before publishing it: ${origin}/playground.html, "Ou votre fichier".`,
    `  The file is kept in memory for an hour (${uploadLimits.maxBytes / 1024 / 1024} MB at most), for this server's pages only.`,
    '',
    'Load the browser extension:',
    `  Chrome:  chrome://extensions -> Developer mode -> Load unpacked -> ${extension('chrome')}`,
    `  Firefox: about:debugging#/runtime/this-firefox -> Load Temporary Add-on… -> ${join(extension('firefox'), 'manifest.json')}`,
    '',
    'Follow the fictional city hall with the extension:',
    `  open ${origin}${valfleurie.mount}/marches-publics/ (it announces its feed), click the`,
    "  extension's toolbar button, then Subscribe and allow 127.0.0.1; or paste",
    `  ${origin}${valfleurie.demoPath} in the extension's options (Feed address).`,
    "  Its official pages then show each commitment's status and a link to question the town.",
    '',
    'Ctrl+C stops the server.',
  ];
  return lines.join('\n');
}

/** Build outputs the pages need; a missing one is named with the command that makes it. */
function missingBuilds(): string[] {
  const needed = [
    join(folders.widget, 'open-commitments.js'),
    join(folders.core, 'open-commitments-core.js'),
    join(folders.feeds, 'fr-2021-2023.json'),
    join(folders.feeds, valfleurie.source),
    join(repoRoot, '.output', 'chrome-mv3', 'manifest.json'),
    join(repoRoot, '.output', 'firefox-mv3', 'manifest.json'),
  ];
  return needed.filter((file) => !existsSync(file)).map((file) => relative(repoRoot, file));
}

/** The command line: `PORT` picks the port; without it, 8080 or the next free one. */
async function main(): Promise<void> {
  const requested = process.env.PORT;
  const firstPort = requested === undefined ? 8080 : Number(requested);
  if (!Number.isInteger(firstPort) || firstPort < 0 || firstPort > 65535) {
    console.error(`PORT must be a port number (0-65535), got "${requested ?? ''}".`);
    process.exit(2);
  }
  // An explicit PORT is honoured or refused; the default moves on to the next free port.
  const attempts = requested === undefined ? 10 : 1;
  let server: DemoServer | undefined;
  for (let i = 0; i < attempts && server === undefined; i += 1) {
    try {
      server = await startDemoServer({ port: firstPort + i });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
      const reason = code === 'EADDRINUSE' ? 'is in use' : 'is not allowed';
      if (i + 1 < attempts) {
        console.warn(`Port ${firstPort + i} on 127.0.0.1 ${reason}; trying ${firstPort + i + 1}.`);
      } else {
        console.error(
          `Port ${firstPort + i} on 127.0.0.1 ${reason}. Stop the program using it, or choose ` +
            `another port: PORT=8090 npm start`,
        );
        process.exit(1);
      }
    }
  }
  if (server === undefined) return;
  const missing = missingBuilds();
  if (missing.length > 0) {
    console.warn(`Missing: ${missing.join(', ')}. Run npm run build first (npm start does).`);
  }
  console.log(startMessage(server.origin));
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** True when this file is the program being run (`tsx widget/demo/serve.ts`), not an import. */
function isMain(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
