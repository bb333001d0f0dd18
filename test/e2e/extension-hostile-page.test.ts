/**
 * What a feed or a page cannot make the extension do, in real Chromium with the built extension:
 * a visit to a page a feed names sends nothing to anyone (not to the hosts the feed links to, not
 * from the extension at all); feed markup stays text; a right-to-left page does not turn the
 * overlay around; a dark page does not make the badges unreadable; a page that scrolls an inner
 * container rather than its window does not keep focus hidden beneath the panel; and the page's
 * own scripts can neither reach the background nor act through the overlay's buttons.
 */
import type { Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.ts';
import {
  axeViolations,
  launchExtension,
  subscribe,
  popupFor,
  htmlPage,
  type ExtensionSession,
  tabToCornerLink,
} from './fixtures/extension/harness.ts';
import { projectPage, townFeed } from './fixtures/extension/town-feed.ts';

let session: ExtensionSession;
let server: TestServer;
/** Another host, which the feed links to and which must never hear of a visit. */
let elsewhere: TestServer;
const extensionRequests: string[] = [];
const pagePath = '/town/project-a.html';
const BADGE = 'open-commitments-badge';

/** The town feed, with every link and the logo on another host and markup in its texts. */
function hostileFeed() {
  const feed = townFeed(server.origin);
  const other = elsewhere.origin;
  const [a1, ...rest] = feed.commitments;
  return {
    ...feed,
    publisher: {
      ...feed.publisher,
      // A right-to-left override, which would turn the words after the name around.
      name: { en: '\u202ETest Town', fr: '\u202EVille de Test' },
      url: `${other}/`,
      logo: `${other}/logo.svg`,
    },
    interpellation: {
      ...feed.interpellation,
      url: `${other}/ask?c={id}&from={page}`,
      rules: `${other}/rules`,
    },
    commitments: [
      {
        ...a1!,
        title: { en: '<img src="x" onerror="window.pwned=1">\u202E Open data', fr: 'Données' },
        url: `${other}/commitments/A1`,
        updates: [{ date: '2026-10-01', evidence: [`${other}/evidence.pdf`] }],
      },
      // A title of thousands of characters without a space.
      { ...rest[0]!, title: { en: 'Budget'.repeat(2000), fr: 'Budget'.repeat(2000) } },
      ...rest.slice(1),
    ],
  };
}

/** The visited page's own requests aside (and the browser's favicon), what reached `s`. */
function heardOf(s: TestServer, since: number): string[] {
  return s.requests
    .slice(since)
    .filter((r) => ![pagePath, '/favicon.ico'].includes(r.split('?')[0]!));
}

/**
 * Whether the overlay's text node that contains `words` reads left to right on screen: its first
 * character left of its last.
 */
function readsLeftToRight(page: Page, words: string): Promise<boolean> {
  return page.evaluate((words) => {
    const root = document.querySelector('open-commitments-overlay')!.shadowRoot!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(words);
      if (at === -1) continue;
      const x = (offset: number) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      };
      return x(at) < x(at + words.length - 1);
    }
    throw new Error(`no text "${words}" in the overlay`);
  }, words);
}

/** Runs `steps` in the page's main world, as the page's own scripts would. */
async function pageScript(page: Page, steps: string[]): Promise<void> {
  await page.evaluate(async (selectors) => {
    const root = document.querySelector('open-commitments-overlay')?.shadowRoot;
    for (const selector of selectors) {
      root?.querySelector<HTMLElement>(selector)?.click();
      await new Promise((r) => setTimeout(r, 100));
    }
  }, steps);
}

beforeAll(async () => {
  server = await startServer();
  elsewhere = await startServer();
  elsewhere.route('/logo.svg', {
    body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
  });
  server.route('/feed.json', { body: JSON.stringify(hostileFeed()) });
  server.route(pagePath, { body: projectPage(server.origin) });
  server.route('/town/project-a-rtl.html', {
    body: projectPage(server.origin).replace('<html lang="en">', '<html lang="ar" dir="rtl">'),
  });
  server.route('/town/project-a-dark.html', {
    body: projectPage(server.origin).replace(
      '<body>',
      '<body style="background: #161616; color: #eee"><style>a { color: #9cf }</style>',
    ),
  });
  // A page that scrolls its content in a box of the window's height, the window never moving;
  // its one link, in view, sits where the panel's bottom-right corner is.
  server.route('/town/inner-scroll.html', {
    body:
      '<!doctype html><html lang="en"><head><title>Inner scroll</title></head>' +
      '<body style="margin: 0"><main style="position: relative; height: 100vh; overflow: auto">' +
      '<h1>Inner scroll</h1><div style="height: 3000px"></div>' +
      '<a id="corner" href="#" style="position: absolute; top: 640px; right: 60px">Budget</a>' +
      '</main></body></html>',
  });
  // A cookie banner fixed over the window's foot at the highest z-index; every element of the
  // body raised to it; a zoomed page whose body holds fixed elements in its box.
  server.route('/town/project-a-cookies.html', {
    body: projectPage(server.origin).replace(
      '</body>',
      '<div style="position: fixed; inset: auto 0 0 0; height: 200px; background: #222; ' +
        'z-index: 2147483647">We use cookies</div></body>',
    ),
  });
  server.route('/town/project-a-raised.html', {
    body: projectPage(server.origin).replace(
      '<body>',
      '<body><style>body > * { position: relative; z-index: 2147483647; background: #eee }' +
        '</style><div style="height: 2000px"></div>',
    ),
  });
  server.route('/town/project-a-zoomed.html', {
    body: projectPage(server.origin)
      .replace('<html lang="en">', '<html lang="en" style="zoom: 2">')
      .replace(
        '<body>',
        '<body style="transform: translateX(0)"><div style="height: 2000px"></div>',
      ),
  });
  server.route('/town/about.html', { body: htmlPage('About the town', '<p>Nothing planned.</p>') });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  session.context.on('request', (request: Request) => {
    const frameUrl = (() => {
      try {
        return request.frame().url();
      } catch {
        return ''; // a popup's first navigation, before its frame exists
      }
    })();
    const fromExtension =
      request.serviceWorker() !== null || frameUrl.startsWith('chrome-extension://');
    if (fromExtension && /^https?:/.test(request.url())) extensionRequests.push(request.url());
  });
  await subscribe(session, `${server.origin}/feed.json`, 'http://127.0.0.1/town/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
  await elsewhere?.close();
});

describe('visiting a page a hostile feed names', () => {
  it('tells no one of the visit, and shows the feed markup as text, wrapped', async () => {
    const fromExtension = extensionRequests.length;
    const [own, other] = [server.requests.length, elsewhere.requests.length];
    const page = await session.context.newPage();
    const visited = `${server.origin}${pagePath}?user=42`;
    // The visited tab's requests, the content script's among them: they leave from the page's
    // frame, and need not reach any server this test runs.
    const fromTab: string[] = [];
    page.on('request', (request) => {
      if (/^https?:/.test(request.url())) fromTab.push(request.url());
    });
    // WebSockets make no request event of their own.
    page.on('websocket', (socket) => fromTab.push(socket.url()));
    await page.goto(visited);
    const row = page.locator('open-commitments-overlay li[data-commitment-id="A1"]');
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: 'Question this' }).click();
    await row.locator('[data-interpellation-link]').waitFor();
    // The form gets the page's address without its query string, and the panel says so first.
    const form = new URL((await row.locator('[data-interpellation-link]').getAttribute('href'))!);
    expect(form.searchParams.get('from')).toBe(`${server.origin}${pagePath}`);
    await row
      .getByText(`The form will receive the address of this page: ${server.origin}${pagePath}`)
      .waitFor();
    expect(await row.locator('.oc-title').textContent()).toContain('<img src="x"');
    expect(await page.locator('open-commitments-overlay img').count()).toBe(0);
    const body = page.locator('open-commitments-overlay .oc-body');
    expect(await body.evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0);
    const popup = await popupFor(session, visited);
    await popup.locator('li[data-commitment-id="A1"]').waitFor();
    await page.waitForTimeout(500);
    expect(heardOf(elsewhere, other)).toEqual([]);
    expect(heardOf(server, own)).toEqual([]);
    expect(extensionRequests.slice(fromExtension)).toEqual([]);
    // The page itself loads nothing but its own address (and the browser its favicon).
    expect(
      fromTab.filter((url) => ![visited, `${server.origin}/favicon.ico`].includes(url)),
    ).toEqual([]);
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
    await popup.close();
    await page.close();
  });

  it('keeps a right-to-left override in a feed text from turning the overlay’s words around', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/about.html`);
    await page.locator('open-commitments-overlay [data-feed-summary]').waitFor({ timeout: 15_000 });
    expect(await readsLeftToRight(page, 'commitments')).toBe(true);
    await page.close();
  });
});

describe('a right-to-left page', () => {
  it('leaves the overlay and the badges, in the interface’s language, left to right', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a-rtl.html`);
    const overlay = page.locator('open-commitments-overlay');
    const row = overlay.locator('li[data-commitment-id="A1"]');
    await row.waitFor({ timeout: 15_000 });
    const box = async (locator: Locator) => (await locator.boundingBox())!;
    /** Whether `b` comes after `a` as left-to-right lines read: to its right, or below it. */
    const after = async (a: Locator, b: Locator) => {
      const [first, second] = [await box(a), await box(b)];
      return second.y >= first.y + first.height || second.x > first.x;
    };
    // The heading before the close button, the status before the due date, the button at the
    // start of its line: as the words they go with read.
    const close = overlay.getByRole('button', { name: 'Close' });
    expect(await after(overlay.getByRole('heading'), close)).toBe(true);
    expect(await after(row.locator('.oc-status'), row.getByText(/^Due /))).toBe(true);
    const ask = await box(row.getByRole('button', { name: /^Question this/ }));
    expect(ask.x).toBeLessThan((await box(row)).x + 1);
    // C1 is late: its badge reads "Not started Late", in that order.
    const badge = page.locator('#c1 open-commitments-badge');
    expect(await after(badge.locator('.oc-status'), badge.locator('.oc-late'))).toBe(true);
    await page.close();
  });
});

describe('a dark page', () => {
  it('leaves every word of the badges readable', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a-dark.html`);
    await page.locator('#c1 open-commitments-badge').waitFor({ timeout: 15_000 });
    const inBadges = (await axeViolations(page)).filter((v) => v.includes(BADGE));
    expect(inBadges).toEqual([]);
    await page.close();
  });
});

describe('a page that stacks its own elements high', () => {
  /** Whether the overlay is what the window shows at the middle of `locator`. */
  const onTop = async (page: Page, locator: Locator) => {
    const box = (await locator.boundingBox())!;
    return page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
  };

  it('shows the panel above a cookie banner and above a raised body', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const path of ['/town/project-a-cookies.html', '/town/project-a-raised.html']) {
      await page.goto(`${server.origin}${path}`);
      const overlay = page.locator('open-commitments-overlay');
      await overlay.locator('li[data-commitment-id="A1"]').waitFor({ timeout: 15_000 });
      expect(await onTop(page, overlay.getByRole('heading'))).toBe('open-commitments-overlay');
      const hide = overlay.getByRole('button', { name: 'Never on this site' });
      expect(await onTop(page, hide)).toBe('open-commitments-overlay');
    }
    await page.close();
  });

  it('keeps the panel in the window on a zoomed page whose body is transformed', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.origin}/town/project-a-zoomed.html`);
    const panel = page.locator('open-commitments-overlay section');
    await panel.locator('li[data-commitment-id="A1"]').waitFor({ timeout: 15_000 });
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    expect(await onTop(page, panel.getByRole('button', { name: 'Close' }))).toBe(
      'open-commitments-overlay',
    );
    await page.close();
  });
});

describe('a page that scrolls an inner container', () => {
  it('scrolls a link that focus reaches beneath the panel clear of it', async () => {
    const { panel, before, after, focused } = await tabToCornerLink(
      session,
      `${server.origin}/town/inner-scroll.html`,
    );
    // In view where focus reaches it, and beneath the panel.
    expect(before.y).toBeGreaterThan(panel.y);
    expect(before.x).toBeGreaterThan(panel.x);
    expect(focused).toBe('corner');
    expect(after.y).toBeGreaterThanOrEqual(0);
    expect(after.y + after.height).toBeLessThanOrEqual(panel.y);
  });
});

describe('a hostile page', () => {
  it('cannot message the background', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}${pagePath}`);
    await page.locator('open-commitments-overlay li[data-commitment-id]').first().waitFor();
    const reachable = await page.evaluate(() => {
      const runtime = (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime;
      return typeof runtime?.sendMessage === 'function';
    });
    expect(reachable).toBe(false);
    await page.close();
  });

  it('cannot hide the overlay for good or record a question through its buttons', async () => {
    const page = await session.context.newPage();
    page.on('popup', (popup) => void popup.close());
    await page.goto(`${server.origin}${pagePath}`);
    const row = page.locator('open-commitments-overlay li[data-commitment-id="A1"]');
    await row.waitFor({ timeout: 15_000 });
    await pageScript(page, [
      '[data-commitment-id="A1"] button[aria-expanded]',
      '[data-commitment-id="A1"] [data-interpellation-link]',
      '[data-commitment-id="A1"] .oc-interpellate button',
      '.oc-link-button',
    ]);
    expect(await row.locator('.oc-interpellate').count()).toBe(0);
    await page.reload();
    await row.waitFor({ timeout: 15_000 });

    const dashboard = await session.openPage('dashboard.html');
    const questions = await dashboard.evaluate(async () => {
      const reply = (await (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({ type: 'dashboard' })) as {
        value: { questions: unknown[] };
      };
      return reply.value.questions;
    });
    expect(questions).toEqual([]);
    await dashboard.close();
    await page.close();
  });
});
