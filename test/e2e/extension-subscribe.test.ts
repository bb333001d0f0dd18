/**
 * Subscribing to a feed served on 127.0.0.1 through the options page: an invalid feed is refused
 * with its JSON paths and nothing is stored; a valid one registers the content script on its
 * pages only, where the overlay and inline badges appear; a failed refresh keeps the last good
 * copy and says so; unsubscribing removes the overlay; the live feed of a bundled plan takes the
 * bundled one's place rather than listing its commitments twice; and every request the extension
 * made went to a subscribed feed URL.
 */
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { startServer, type TestServer } from './support/server.ts';
import {
  axeViolations,
  htmlPage,
  launchExtension,
  popupFor,
  subscribe,
  waitForRegistration,
  type ExtensionSession,
} from './fixtures/extension/harness.ts';
import { projectPage, townFeed } from './fixtures/extension/town-feed.ts';

/** The extension API inside the service worker, for `worker.evaluate` callbacks. */
declare const chrome: WxtBrowser;

let session: ExtensionSession;
let server: TestServer;
let feedUrl: string;
const extensionRequests: string[] = [];
/**
 * The http(s) requests of the web pages visited, the content script's among them (they leave
 * from the page's frame), other than loading a page: these pages declare no subresources.
 */
const fromPages: string[] = [];
const conditional: string[] = [];

async function registered(): Promise<string[]> {
  return (await session.worker()).evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []),
  );
}

async function subscribeThroughOptions(options: Page, url: string): Promise<void> {
  await options.getByLabel('Feed address').fill(url);
  await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
}

/** The corner the panel sits in, 16 px from two edges of the viewport, or `? ?` off the corners. */
async function cornerOf(page: Page): Promise<string> {
  const box = (await page.locator('open-commitments-overlay .oc-panel').boundingBox())!;
  const view = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.clientHeight,
  }));
  const at16 = (gap: number) => Math.abs(gap - 16) < 1;
  const vertical = at16(box.y) ? 'top' : at16(view.height - box.y - box.height) ? 'bottom' : '?';
  const horizontal = at16(box.x) ? 'left' : at16(view.width - box.x - box.width) ? 'right' : '?';
  return `${vertical} ${horizontal}`;
}

/** The corner each arrow of the panel's corner button points at. */
const arrowCorner: Record<string, string> = {
  '↘': 'bottom right',
  '↙': 'bottom left',
  '↗': 'top right',
  '↖': 'top left',
};

beforeAll(async () => {
  server = await startServer();
  feedUrl = `${server.origin}/feed.json`;
  server.route('/feed.json', { body: JSON.stringify(townFeed(server.origin)) });
  server.route('/broken.json', {
    body: JSON.stringify({
      format: 'open-commitments/1',
      publisher: { name: 'X', kind: 'state' },
      commitments: 'none',
    }),
  });
  server.route('/town/project-a.html', { body: projectPage(server.origin) });
  server.route('/elsewhere.html', {
    body: htmlPage('Elsewhere', `<a href="${server.origin}/town/commitments/B1">B1</a>`),
  });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  session.context.on('request', (request: Request) => {
    const fromExtension =
      request.serviceWorker() !== null || request.frame().url().startsWith('chrome-extension://');
    if (!/^https?:/.test(request.url())) return;
    if (fromExtension) {
      extensionRequests.push(request.url());
      if (request.headers()['if-none-match']) conditional.push(request.url());
    } else if (
      // A page's own address, and the browser's request for its icon: anything else, a frame
      // included, a page of this test did not ask for.
      !(request.isNavigationRequest() && request.frame() === request.frame().page()?.mainFrame()) &&
      request.url() !== `${server.origin}/favicon.ico`
    ) {
      fromPages.push(request.url());
    }
  });
  session.context.on('page', (page) =>
    page.on('websocket', (socket) => fromPages.push(socket.url())),
  );
  await waitForRegistration(session);
});

// A test that closes the panel leaves it folded on the site: the next one starts with it open.
afterEach(async () => {
  await (await session.worker()).evaluate(() => chrome.storage.local.remove('foldedOrigins'));
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

describe('subscribing on the options page', () => {
  it('refuses an invalid feed with the path of each error and stores nothing', async () => {
    const options = await session.openPage('options.html');
    await subscribeThroughOptions(options, `${server.origin}/broken.json`);
    const refused = options.locator('[data-outcome="refused"]');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain('commitments');
    await expect(
      options.locator(`[data-feed-id="${server.origin}/broken.json"]`).count(),
    ).resolves.toBe(0);
    await options.close();
  });

  it('adds a valid feed and registers the content script on its pages only', async () => {
    const options = await session.openPage('options.html');
    await subscribeThroughOptions(options, feedUrl);
    await options.locator('[data-outcome="added"]').waitFor();
    await expect(options.locator('[data-outcome="added"]').textContent()).resolves.toContain(
      'Subscribed to Test Town',
    );
    const row = options.locator(`[data-feed-id="${feedUrl}"]`);
    await row.waitFor();
    // Its row says what it holds, as a person checks what subscribing brought.
    await expect(row.getByRole('rowheader').innerText()).resolves.toMatch(/\b3 commitments\b/);
    const matches = await waitForRegistration(session, 'http://127.0.0.1/town/*');
    expect(matches).toContain('http://127.0.0.1/town/project-a*');
    await options.close();
  });

  it('says that a feed subscribed to again is there already, listed once, and leads to its row', async () => {
    const options = await session.openPage('options.html');
    await options.locator(`[data-feed-id="${feedUrl}"]`).waitFor();
    await subscribeThroughOptions(options, feedUrl);
    const already = options.locator('[data-outcome="added"] [data-already]');
    await already.waitFor();
    await expect(already.textContent()).resolves.toBe(
      'Already subscribed to Test Town: nothing was added.',
    );
    await expect(options.locator('[data-outcome="added"]').textContent()).resolves.not.toContain(
      'Subscribed to',
    );
    await expect(options.locator(`[data-feed-id="${feedUrl}"]`).count()).resolves.toBe(1);
    // Its name is a link to its row, which takes focus there, by the keyboard too.
    await already.getByRole('link', { name: 'Test Town' }).focus();
    await options.keyboard.press('Enter');
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.closest('tr')?.dataset['feedId']))
      .toBe(feedUrl);
    await options.close();
  });

  it('subscribes through a pasted web page to the feed it announces, and says which', async () => {
    server.route('/town/', {
      body: htmlPage(
        'Town',
        '',
        '<link rel="alternate" type="application/vnd.open-commitments+json" href="../feed.json">',
      ),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    const options = await session.openPage('options.html');
    await options.locator(`[data-feed-id="${feedUrl}"]`).waitFor();
    await subscribeThroughOptions(options, `${server.origin}/town/`);
    const added = options.locator('[data-outcome="added"]');
    await added.waitFor();
    await expect(added.locator('[data-found]').textContent()).resolves.toBe(
      `This page announces the feed ${feedUrl}.`,
    );
    await expect(added.locator('[data-already]').textContent()).resolves.toBe(
      'Already subscribed to Test Town: nothing was added.',
    );
    await expect(options.locator(`[data-feed-id="${server.origin}/town/"]`).count()).resolves.toBe(
      0,
    );
    await options.close();
  });

  it('says plainly that a pasted web page announces no feed, never the parser’s error', async () => {
    const options = await session.openPage('options.html');
    await subscribeThroughOptions(options, `${server.origin}/elsewhere.html`);
    const refused = options.locator('[data-outcome="refused"]');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toBe(
      'This address is a web page that announces no commitments feed.',
    );
    await options.close();
  });

  it('says in the row that pausing did not go through when the background does not answer, and keeps the feed running', async () => {
    const options = await session.openPage('options.html');
    const row = options.locator(`[data-feed-id="${feedUrl}"]`);
    await row.waitFor();
    // A background that has stopped answering, as after the extension was updated under the page.
    await options.evaluate(() => {
      chrome.runtime.sendMessage = (async () => undefined) as typeof chrome.runtime.sendMessage;
    });
    await row.getByRole('button', { name: 'Pause' }).click();
    const alert = row.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe(
      '“Pause” did not go through for Test Town. Try again. Reason: no answer to set-paused',
    );
    await expect(row.locator('[data-paused]').count()).resolves.toBe(0);
    await expect(row.getByRole('button', { name: 'Pause' }).count()).resolves.toBe(1);
    expect(await registered()).toContain('http://127.0.0.1/town/*');
    await options.close();
  });

  it('shows the overlay and inline badges on a page the feed names', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a.html`);
    const rows = page.locator('open-commitments-overlay li[data-commitment-id]');
    await rows.first().waitFor({ timeout: 15_000 });
    // A1 by its `pages`, then B1 (linked) and C1 (marked) found in the page.
    await expect(
      rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-commitment-id'))),
    ).resolves.toEqual(['A1', 'B1', 'C1']);
    const a1 = rows.first();
    await expect(a1.locator('.oc-status').textContent()).resolves.toBe('Under way');
    await expect(a1.locator('.oc-status').getAttribute('data-category')).resolves.toBe('limited');
    await expect(a1.textContent()).resolves.toContain('30%');
    await expect(a1.textContent()).resolves.toContain('Due June 30, 2027');

    const linkBadge = page.locator('#to-b1 + open-commitments-badge[data-commitment-id="B1"]');
    await expect(linkBadge.locator('.oc-status').textContent()).resolves.toBe('Complete');
    const markBadge = page.locator('#c1 open-commitments-badge[data-commitment-id="C1"]');
    await expect(markBadge.locator('.oc-badge').textContent()).resolves.toContain('Late');
    // A marked row's badge stays in the row's first cell, within the table as laid out.
    const rowBadge = page.locator('#b1-row > td:first-child > open-commitments-badge');
    await expect(rowBadge.locator('.oc-status').textContent()).resolves.toBe('Complete');
    const table = (await page.locator('#plan').boundingBox())!;
    const inRow = (await rowBadge.boundingBox())!;
    expect(inRow.y).toBeGreaterThanOrEqual(table.y);
    expect(inRow.y + inRow.height).toBeLessThanOrEqual(table.y + table.height);
    // A block marked B1 that also links to it has one badge, at its end.
    await expect(page.locator('#b1-block open-commitments-badge').count()).resolves.toBe(1);
    await expect(
      page.locator('#b1-block > open-commitments-badge:last-child').count(),
    ).resolves.toBe(1);

    // Content the page adds later gets its badge too.
    await page.evaluate((href) => {
      const p = document.createElement('p');
      const a = Object.assign(document.createElement('a'), {
        id: 'late-b1',
        href,
        textContent: 'B1',
      });
      p.append(a);
      document.body.append(p);
    }, `${server.origin}/town/commitments/B1`);
    await page
      .locator('#late-b1 + open-commitments-badge[data-commitment-id="B1"]')
      .waitFor({ state: 'attached' });

    // The panel moves by its handle, with the pointer and with the arrow keys.
    const panel = page.locator('open-commitments-overlay .oc-panel');
    const handle = page.locator('open-commitments-overlay .oc-handle');
    const before = (await panel.boundingBox())!;
    const grip = (await handle.boundingBox())!;
    await page.mouse.move(grip.x + 5, grip.y + 5);
    await page.mouse.down();
    await page.mouse.move(grip.x - 95, grip.y - 45, { steps: 5 });
    await page.mouse.up();
    const dragged = (await panel.boundingBox())!;
    expect(Math.round(dragged.x)).toBe(Math.round(before.x - 100));
    expect(Math.round(dragged.y)).toBe(Math.round(before.y - 50));
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    expect((await panel.boundingBox())!.x).toBeCloseTo(dragged.x - 10, 0);
    // Closing removes the panel and leaves the badges.
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('open-commitments-overlay').count()).resolves.toBe(0);
    await expect(page.locator('open-commitments-badge').count()).resolves.toBe(5);
    await page.close();
  });

  it('moves the panel from corner to corner with a click, and keeps it there after a reload', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a.html`);
    const panel = page.locator('open-commitments-overlay .oc-panel');
    await panel.locator('li[data-commitment-id]').first().waitFor({ timeout: 15_000 });
    const move = page.getByRole('button', { name: 'Move the panel to another corner' });
    const corner = () => cornerOf(page);
    // From wherever an earlier test left it.
    for (let i = 0; i < 4 && (await corner()) !== 'bottom right'; i++) await move.click();
    expect(await corner()).toBe('bottom right');
    await move.click();
    expect(await corner()).toBe('bottom left');
    await move.click();
    expect(await corner()).toBe('top left');
    await page.reload();
    await panel.locator('li[data-commitment-id]').first().waitFor();
    expect(await corner()).toBe('top left');

    // A dragged panel stays where it was dropped, too.
    const grip = (await page.locator('open-commitments-overlay .oc-handle').boundingBox())!;
    await page.mouse.move(grip.x + 5, grip.y + 5);
    await page.mouse.down();
    await page.mouse.move(grip.x + 105, grip.y + 65, { steps: 5 });
    await page.mouse.up();
    const dropped = (await panel.boundingBox())!;
    await page.reload();
    await panel.locator('li[data-commitment-id]').first().waitFor();
    const after = (await panel.boundingBox())!;
    expect([Math.round(after.x), Math.round(after.y)]).toEqual([
      Math.round(dropped.x),
      Math.round(dropped.y),
    ]);
    // Still nearest the top left, it goes on to the top right, where the button's arrow points.
    await expect(move.textContent()).resolves.toBe('↗');
    await move.click();
    expect(await corner()).toBe('top right');
    await page.close();
  });

  it('sends a panel moved by the arrow keys to the corner its button’s arrow points at', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a.html`);
    const panel = page.locator('open-commitments-overlay .oc-panel');
    await panel.locator('li[data-commitment-id]').first().waitFor({ timeout: 15_000 });
    const move = page.getByRole('button', { name: 'Move the panel to another corner' });
    for (let i = 0; i < 4 && (await cornerOf(page)) !== 'bottom right'; i++) await move.click();
    expect(await cornerOf(page)).toBe('bottom right');
    await expect(move.textContent()).resolves.toBe('↙');
    // 100 px up and 100 px left, off the corner but still nearest it.
    await page.locator('open-commitments-overlay .oc-handle').focus();
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await cornerOf(page)).toBe('? ?');
    // So it stays once the page is loaded again, where it is drawn at the point it was left.
    const place = async () => {
      const box = (await panel.boundingBox())!;
      return { x: Math.round(box.x), y: Math.round(box.y) };
    };
    const left = await place();
    await page.reload();
    await panel.locator('li[data-commitment-id]').first().waitFor();
    await expect.poll(place).toEqual(left);
    const arrow = (await move.textContent())!;
    expect(arrowCorner[arrow]).toBe('bottom left');
    await move.click();
    await expect.poll(() => cornerOf(page)).toBe(arrowCorner[arrow]);
    // Moved again, now from the top left towards the middle: the arrow and the move still agree.
    for (let i = 0; i < 4 && (await cornerOf(page)) !== 'top left'; i++) await move.click();
    await page.locator('open-commitments-overlay .oc-handle').focus();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    const next = (await move.textContent())!;
    expect(arrowCorner[next]).toBe('top right');
    await move.click();
    await expect.poll(() => cornerOf(page)).toBe(arrowCorner[next]);
    await page.close();
  });

  it('follows a single-page app’s navigation without ever showing a second copy', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a.html`);
    await page.locator('open-commitments-overlay li[data-commitment-id="A1"]').waitFor();
    await page.evaluate(() => history.pushState({}, '', '/town/other-page'));
    // The page still names B1 and C1 (site page): one overlay with those, never two.
    await page.waitForFunction(
      () =>
        document
          .querySelector('open-commitments-overlay')
          ?.shadowRoot?.querySelector('[data-commitment-id="A1"]') === null,
      undefined,
      { timeout: 10_000 },
    );
    await expect(page.locator('open-commitments-overlay').count()).resolves.toBe(1);
    // Injected once more (an extension update does this): the old copy gives way to the new one.
    const url = page.url();
    await (
      await session.worker()
    ).evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      await chrome.scripting.executeScript({
        target: { tabId: tab!.id! },
        files: ['/content-scripts/content.js'],
      });
    }, url);
    await page.waitForTimeout(1000);
    await expect(page.locator('open-commitments-overlay').count()).resolves.toBe(1);
    await expect(
      page.locator('open-commitments-badge[data-commitment-id="C1"]').count(),
    ).resolves.toBe(1);
    await page.close();
  });

  it('injects nothing on a page of the same host that no feed names', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/elsewhere.html`);
    await page.waitForTimeout(1500);
    await expect(
      page.locator('open-commitments-overlay, open-commitments-badge').count(),
    ).resolves.toBe(0);
    await page.close();
  });

  it('shows the commitments again once the extension is turned off and on, in a tab opened meanwhile too', async () => {
    const settings = await session.context.newPage();
    await settings.goto('chrome://extensions');
    await settings.evaluate((id) => chrome.management.setEnabled(id, false), session.extensionId);
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a.html`);
    await settings.evaluate((id) => chrome.management.setEnabled(id, true), session.extensionId);
    await page
      .locator('open-commitments-overlay li[data-commitment-id="A1"]')
      .waitFor({ timeout: 15_000 });
    await page.reload();
    await page
      .locator('open-commitments-overlay li[data-commitment-id="A1"]')
      .waitFor({ timeout: 15_000 });
    await page.close();
    await settings.close();
  });

  it('revalidates with a conditional request, and a 304 changes nothing', async () => {
    const options = await session.openPage('options.html');
    const row = options.locator(`[data-feed-id="${feedUrl}"]`);
    await row.waitFor();
    /** Each feed's row as it reads, but for when it was last checked. */
    const feedRows = async () =>
      (await options.locator('[data-feed-id]').getByRole('rowheader').allInnerTexts()).map((text) =>
        text.replace(/\s*Checked .*$/s, ''),
      );
    const before = await feedRows();
    expect(before.find((text) => text.includes('Test Town'))).toMatch(/\b3 commitments\b/);
    const asked = conditional.length;
    await row.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(() => conditional.slice(asked).includes(feedUrl)).toBe(true);
    // The time it was checked may read as before: the row says that the refresh was done.
    await row.getByText('refreshed just now').waitFor();
    await expect(row.locator('[data-feed-error]').count()).resolves.toBe(0);
    await expect(feedRows()).resolves.toEqual(before);
    // Read again from what is stored, the feed still holds its commitments.
    await options.reload();
    await row.waitFor();
    await expect(feedRows()).resolves.toEqual(before);
    await options.close();
  });

  it('keeps the last good copy when a refresh fails, and says so on the options page and the overlay', async () => {
    server.route('/feed.json', { status: 500, body: 'down' });
    const options = await session.openPage('options.html');
    const row = options.locator(`[data-feed-id="${feedUrl}"]`);
    await row.getByRole('button', { name: 'Refresh now' }).click();
    await row.locator('[data-feed-error]').waitFor();
    await expect(row.locator('[data-feed-error]').textContent()).resolves.toContain(
      'last good copy',
    );
    await expect(row.getByText('refreshed just now').count()).resolves.toBe(0);
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a.html`);
    const a1 = page.locator('open-commitments-overlay li[data-commitment-id="A1"]');
    await a1.waitFor({ timeout: 15_000 });
    const notice = page.locator(`open-commitments-overlay [data-feed-notice="${feedUrl}"]`);
    await expect(notice.textContent()).resolves.toMatch(
      /^Data as of .+; the last refresh failed\.$/,
    );
    await page.close();
    await options.close();
    server.route('/feed.json', { body: JSON.stringify(townFeed(server.origin)) });
  });

  it('offers one-click subscription in the popup when a page announces a feed', async () => {
    const announced = `${server.origin}/uni/feed.json`;
    const uni = JSON.stringify(townFeed(server.origin)).replaceAll('/town/', '/uni/');
    server.route('/uni/feed.json', { body: uni });
    server.route('/uni/index.html', {
      body: htmlPage(
        'University',
        '<p>Our commitments.</p>',
        '<link rel="alternate" type="application/vnd.open-commitments+json" href="/uni/feed.json">',
      ),
    });
    // The feeds page, left open in a tab meanwhile.
    const options = await session.openPage('options.html');
    await options.locator('[data-feed-id]').first().waitFor();
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/uni/index.html`);
    const tabId = await (
      await session.worker()
    ).evaluate(
      async (u) => (await chrome.tabs.query({ url: u }))[0]?.id,
      `${server.origin}/uni/index.html`,
    );
    const popup = await session.openPage(`popup.html?tab=${tabId}`);
    const offer = popup.locator(`[data-feed-offer="${announced}"]`);
    // Why the browser is about to ask, which its own prompt does not say.
    await expect(offer.textContent()).resolves.toContain(
      'Your browser will then ask you to let the extension read your data on the feed’s site: it needs that to download the feed and show its commitments there.',
    );
    await offer.getByRole('button', { name: 'Subscribe' }).click();
    await offer.getByRole('status').waitFor();
    await expect(offer.getByRole('status').textContent()).resolves.toBe('Subscribed to Test Town.');
    await waitForRegistration(session, 'http://127.0.0.1/uni/*');
    // The popup lists what the new feed says of the page, and the open tab gets its overlay
    // without a reload.
    await popup.locator('[data-feed-summary]').waitFor();
    await expect(popup.getByText('None of your feeds names this page.').count()).resolves.toBe(0);
    await page.locator('open-commitments-overlay [data-feed-summary]').waitFor({ timeout: 10_000 });
    await popup.close();
    await page.close();
    // Back on the feeds page's tab (headless Chromium shows every tab, so it is told here), the
    // new subscription is listed.
    await options.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await options.locator(`[data-feed-id="${announced}"]`).waitFor();
    await options.close();
  });

  it('names each of two offers as the page does, and says which was subscribed by the feed’s own name', async () => {
    // The town's feed with pages of its own, under the publisher's name given.
    const feed = (name: string) =>
      JSON.stringify(townFeed(server.origin))
        .replaceAll('/town/', '/pair/')
        .replace('{"fr":"Ville de Test","en":"Test Town"}', JSON.stringify({ fr: name, en: name }));
    server.route('/pair/city.json', { body: feed('Pair City') });
    server.route('/pair/metro.json', { body: feed('Pair Metropolis') });
    const announce = (path: string, title: string) =>
      `<link rel="alternate" type="application/vnd.open-commitments+json" href="${path}" title="${title}">`;
    server.route('/pair/index.html', {
      body: htmlPage(
        'Pair',
        '<p>Our plans.</p>',
        announce('/pair/city.json', 'City plan') +
          // Markup and a very long name from the page stay text, cut to a line.
          announce(
            '/pair/metro.json',
            `&lt;b&gt;Metropolitan&lt;/b&gt; plan ${'and more '.repeat(60)}`,
          ),
      ),
    });
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/pair/index.html`);
    const popup = await popupFor(session, page.url());
    const city = popup.locator(`[data-feed-offer="${server.origin}/pair/city.json"]`);
    const metro = popup.locator(`[data-feed-offer="${server.origin}/pair/metro.json"]`);
    await metro.waitFor();
    await expect(city.locator('p').first().textContent()).resolves.toBe(
      'This site publishes a commitments feed: City plan',
    );
    const metroName = (await metro.locator('p').first().textContent()) ?? '';
    const lead = 'This site publishes a commitments feed: ';
    expect(metroName).toMatch(
      /^This site publishes a commitments feed: <b>Metropolitan<\/b> plan [and more ]+…$/,
    );
    expect(metroName.length).toBeLessThanOrEqual(lead.length + 100);
    await expect(metro.locator('b').count()).resolves.toBe(0);
    // The address, there to check, after the name.
    await expect(city.getByText(`${server.origin}/pair/city.json`).isVisible()).resolves.toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    await metro.getByRole('button', { name: /^Subscribe: <b>Metropolitan/ }).click();
    await metro.getByRole('status').waitFor();
    await expect(metro.getByRole('status').textContent()).resolves.toBe(
      'Subscribed to Pair Metropolis.',
    );
    await expect(
      city.getByRole('button', { name: 'Subscribe: City plan' }).isVisible(),
    ).resolves.toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('offers no second copy of a followed feed that moved, at the address its pages announce', async () => {
    const moved = JSON.stringify(townFeed(server.origin)).replaceAll('/town/', '/moved/');
    server.route('/moved/feed.json', { body: moved });
    server.route('/moved/old.json', { status: 301, headers: { location: '/moved/feed.json' } });
    server.route('/moved/other.json', { body: moved });
    const announce = (path: string) =>
      `<link rel="alternate" type="application/vnd.open-commitments+json" href="${path}">`;
    server.route('/moved/index.html', {
      body: htmlPage('Moved', '', announce('/moved/feed.json') + announce('/moved/other.json')),
    });
    await subscribe(session, `${server.origin}/moved/old.json`, 'http://127.0.0.1/moved/*');
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/moved/index.html`);
    const popup = await popupFor(session, page.url());
    // Offers come all at once: once the other feed's is there, the moved one's would be too.
    await popup.locator(`[data-feed-offer="${server.origin}/moved/other.json"]`).waitFor();
    await expect(popup.locator('[data-feed-offer]').count()).resolves.toBe(1);
    await expect(popup.locator('[data-feed-summary]').count()).resolves.toBe(1);
    await popup.close();
    await page.close();
  });

  it('stops showing a paused feed and shows it again when resumed, saying each with focus kept', async () => {
    const options = await session.openPage('options.html');
    const row = options.locator(`[data-feed-id="${feedUrl}"]`);
    // The page's status line, which screen readers announce.
    const said = options.locator('[role="status"][data-refresh-result]');
    // Whether the row's button of that name, with no space before its colon, has focus.
    const focused = (name: string) =>
      row.getByRole('button', { name, exact: true }).and(options.locator(':focus')).count();
    await row.getByRole('button', { name: 'Pause' }).focus();
    await options.keyboard.press('Enter');
    await row.getByRole('button', { name: 'Resume' }).waitFor();
    await expect(row.locator('[data-paused]').textContent()).resolves.toBe('Paused');
    await expect.poll(() => said.textContent()).toBe('Subscription paused: Test Town');
    await expect.poll(() => focused('Resume: Test Town')).toBe(1);
    expect((await registered()).some((p) => p.includes('127.0.0.1/town/'))).toBe(false);
    await options.keyboard.press('Enter');
    await row.getByRole('button', { name: 'Pause' }).waitFor();
    await expect(row.locator('[data-paused]').count()).resolves.toBe(0);
    await expect.poll(() => said.textContent()).toBe('Subscription resumed: Test Town');
    await expect.poll(() => focused('Pause: Test Town')).toBe(1);
    await waitForRegistration(session, 'http://127.0.0.1/town/*');
    await options.close();
  });

  it('starts no line of a feed’s row with a separator on a phone, whatever its width', async () => {
    const options = await session.openPage('options.html');
    await options.locator(`[data-feed-id="${feedUrl}"]`).waitFor();
    // Each "·" has words before it on its line: it stands more than an em from the line's start.
    const lineStarts = () =>
      options.evaluate(() =>
        [...document.querySelectorAll('[data-feed-id] th')].flatMap((cell) => {
          const style = getComputedStyle(cell);
          const start = cell.getBoundingClientRect().left + parseFloat(style.paddingLeft);
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          const found: string[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            for (let i = text.indexOf('·'); i >= 0; i = text.indexOf('·', i + 1)) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const dot = range.getClientRects()[0];
              if (dot && dot.left - start < parseFloat(style.fontSize))
                found.push(cell.textContent!);
            }
          }
          return found;
        }),
      );
    // The rows' lines break at other words from one phone's width to the next.
    for (let width = 320; width <= 480; width += 4) {
      await options.setViewportSize({ width, height: 800 });
      expect({ width, lines: await lineStarts() }).toEqual({ width, lines: [] });
    }
    await options.close();
  });

  it('says before removing a feed which of its commitments leave My commitments, and removes nothing when cancelled', async () => {
    const options = await session.openPage('options.html');
    // Two commitments followed and a question kept, as My commitments does.
    await options.evaluate(async (feedId) => {
      for (const commitmentId of ['A1', 'B1'])
        await chrome.runtime.sendMessage({ type: 'follow', feedId, commitmentId, follow: true });
      await chrome.runtime.sendMessage({ type: 'remember-question', feedId, commitmentId: 'A1' });
    }, feedUrl);
    await options.reload();
    const row = options.locator(`[data-feed-id="${feedUrl}"]`);
    const remove = row.getByRole('button', { name: 'Remove: Test Town', exact: true });
    await remove.focus();
    await options.keyboard.press('Enter');
    const ask = row.getByRole('group', { name: 'Remove Test Town?' });
    await ask.waitFor();
    await expect(ask.locator('[data-remove-ask]').innerText()).resolves.toBe(
      'Remove Test Town? You follow 2 of its commitments: they will be removed from “My commitments”. ' +
        'Your question about one of its commitments stays in “My commitments”.',
    );
    // Focus on the words, read out, rather than on a button that a second Enter would press.
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.hasAttribute('data-remove-ask')))
      .toBe(true);
    expect(await axeViolations(options)).toEqual([]);
    // The removal stands out from Cancel as the step that takes things away, and on a phone the
    // question and both its buttons stay inside the row.
    const looks = (name: string) =>
      ask
        .getByRole('button', { name, exact: true })
        .evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(await looks('Yes, remove: Test Town')).not.toBe(await looks('Cancel: Test Town'));
    await options.setViewportSize({ width: 360, height: 800 });
    const cell = (await row.locator('td').boundingBox())!;
    for (const part of [ask, ...(await ask.getByRole('button').all())]) {
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(cell.x);
      expect(box.x + box.width).toBeLessThanOrEqual(cell.x + cell.width);
    }
    // On a phone the row's cells stack, each the page's width: the question under the feed's name,
    // and the feed's address on one line, rather than squeezed into two narrow columns. The table
    // still reads as rows, each headed by its feed.
    const header = (await row.locator('th').boundingBox())!;
    expect(cell.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(cell.width).toBeGreaterThan(300);
    const address = (await row.locator('th code').boundingBox())!;
    expect(address.height).toBeLessThan(20);
    await expect(
      options
        .getByRole('row')
        .filter({ has: options.getByRole('rowheader', { name: feedUrl }) })
        .count(),
    ).resolves.toBe(1);
    expect(await axeViolations(options)).toEqual([]);
    await options.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => remove.and(options.locator(':focus')).count()).toBe(1);
    await options.keyboard.press('Enter');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => remove.and(options.locator(':focus')).count()).toBe(1);
    await expect(row.count()).resolves.toBe(1);
    await options.close();
    const dashboard = await session.openPage('dashboard.html');
    await expect
      .poll(() => dashboard.locator(`[data-feed-publisher="${feedUrl}"]`).count())
      .toBe(1);
    await dashboard.close();
  });

  it('removes the feed once confirmed, with its follows, keeping its question, and removes the overlay', async () => {
    const options = await session.openPage('options.html');
    const row = options.locator(`[data-feed-id="${feedUrl}"]`);
    await row.getByRole('button', { name: 'Remove: Test Town', exact: true }).click();
    await row.getByRole('button', { name: 'Yes, remove: Test Town', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    await expect
      .poll(() => options.locator('[role="status"][data-refresh-result]').textContent())
      .toBe('Subscription removed: Test Town');
    // Focus on the next row's first button, not lost to the top of the page.
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.closest('tr') !== null))
      .toBe(true);
    const dashboard = await session.openPage('dashboard.html');
    await dashboard.locator('[data-section="questions"]').waitFor();
    await expect(dashboard.locator(`[data-feed-publisher="${feedUrl}"]`).count()).resolves.toBe(0);
    await expect(dashboard.locator('[data-section="questions"]').textContent()).resolves.toContain(
      'Open procurement data',
    );
    await dashboard.close();
    expect((await registered()).some((p) => p.includes('127.0.0.1/town/'))).toBe(false);
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a.html`);
    await page.waitForTimeout(1500);
    await expect(page.locator('open-commitments-overlay').count()).resolves.toBe(0);
    await page.close();
    await options.close();
  });

  it('keeps a copy of a plan that comes with the extension, served by another site, apart from it', async () => {
    // Paris's plan served here rather than on its publisher's site: however alike, it is a feed
    // of its own, named by itself, and the plan that comes with the extension keeps its copy.
    // (The publisher's own live feed taking the bundled row's place is a unit test: it would be
    // served on www.opengovpartnership.org.)
    const parisUrl = `${server.origin}/paris.json`;
    server.route('/paris.json', { body: readFileSync('shared/feeds/paris.json', 'utf8') });
    const options = await session.openPage('options.html');
    await subscribeThroughOptions(options, parisUrl);
    const added = options.locator('[data-outcome="added"]');
    await added.waitFor();
    await expect(added.textContent()).resolves.toContain('Subscribed to City of Paris.');
    const own = options.locator(`[data-feed-id="${parisUrl}"]`);
    await expect(own.locator('code').first().textContent()).resolves.toBe(parisUrl);
    const bundled = options.locator('[data-feed-id="bundled:paris"]');
    await expect(bundled.count()).resolves.toBe(1);
    await expect(bundled.locator('code').count()).resolves.toBe(0);
    // Again: said to be there already, still in its one row.
    await subscribeThroughOptions(options, parisUrl);
    await options.locator('[data-already]').waitFor();
    await expect(options.locator('[data-already]').textContent()).resolves.toBe(
      'Already subscribed to City of Paris: nothing was added.',
    );
    await expect(own.count()).resolves.toBe(1);
    await own.getByRole('button', { name: /^Remove/ }).click();
    await own.waitFor({ state: 'detached' });
    await expect(bundled.count()).resolves.toBe(1);
    await options.close();
  });

  it('sent requests only to the addresses the person subscribed to', () => {
    expect(extensionRequests.length).toBeGreaterThan(0);
    const allowed = new Set([
      feedUrl,
      `${server.origin}/broken.json`,
      `${server.origin}/uni/feed.json`,
      `${server.origin}/pair/metro.json`,
      `${server.origin}/moved/old.json`,
      `${server.origin}/moved/feed.json`,
      `${server.origin}/paris.json`,
      // The web pages pasted where a feed's address was asked for.
      `${server.origin}/town/`,
      `${server.origin}/elsewhere.html`,
    ]);
    expect(extensionRequests.filter((url) => !allowed.has(url))).toEqual([]);
    // Nor did the content script, from the pages it ran on.
    expect(fromPages).toEqual([]);
  });
});
