/**
 * The dashboard's stored copy and live refresh in real Chromium: another tab of the same site
 * holding the database at an older version, whether or not it gives way; the page hidden and shown
 * again; the element removed, which stops a download nobody waits for.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { bundledFeed, hostPage, settled, widgetChromium } from './fixtures/widget/harness.ts';

const chromium = widgetChromium();

async function newContext(): Promise<BrowserContext> {
  const context = await chromium.newContext();
  return context;
}

/**
 * Opens, in `page`, the widget's database at version 2 as an older build did, and keeps the
 * connection; `givesWay`: it closes when a newer version asks, as every build of the widget does.
 */
async function holdOlderDatabase(page: Page, givesWay: boolean): Promise<void> {
  await page.goto(
    hostPage(chromium.server, '/older-tab.html', { body: '<p>An older tab</p>', scripts: [] }),
  );
  await page.evaluate(
    (closes) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('open-commitments-widget', 2);
        request.onupgradeneeded = () =>
          request.result.createObjectStore('feeds', { keyPath: 'url' });
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (closes) db.onversionchange = () => db.close();
          (window as unknown as { held: IDBDatabase }).held = db;
          resolve();
        };
      }),
    givesWay,
  );
}

const dashboard = 'open-commitments';
const count = (page: Page) => page.locator(`${dashboard} [data-commitment-id]`).count();

describe('the stored copy beside another tab of the same site', () => {
  it('upgrades the database an older tab gives way on, and keeps the copy there', async () => {
    const context = await newContext();
    await holdOlderDatabase(await context.newPage(), true);
    chromium.server.route('/feeds/upgrade.json', {
      body: JSON.stringify(bundledFeed('valfleurie')),
    });
    const url = hostPage(chromium.server, '/upgrade.html', {
      body: `<open-commitments src="/feeds/upgrade.json" no-refresh></open-commitments>`,
    });
    const page = await context.newPage();
    await page.goto(url);
    await settled(page);
    expect(await count(page)).toBe(10);
    // Kept in IndexedDB, not in the page's memory: shown again when the feed breaks.
    chromium.server.route('/feeds/upgrade.json', { status: 500, body: 'down' });
    await page.reload();
    await settled(page);
    await expect.poll(() => page.locator(`${dashboard} .notice.stale`).count()).toBe(1);
    expect(await count(page)).toBe(10);
  });

  it('shows the feed when an older tab never closes the database it blocks', async () => {
    const context = await newContext();
    await holdOlderDatabase(await context.newPage(), false);
    chromium.server.route('/feeds/blocked.json', {
      body: JSON.stringify(bundledFeed('valfleurie')),
    });
    const page = await context.newPage();
    await page.goto(
      hostPage(chromium.server, '/blocked.html', {
        body: `<open-commitments src="/feeds/blocked.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    expect(await count(page)).toBe(10);
  });
});

describe('live refresh', () => {
  it('asks again on return when due, never while hidden, nor once removed until shown again', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.clock.install();
    await page.addInitScript(() => {
      // The page's visibility, set by the test as switching tabs would.
      let hidden = false;
      Object.defineProperty(Document.prototype, 'visibilityState', {
        get: () => (hidden ? 'hidden' : 'visible'),
      });
      Object.defineProperty(Document.prototype, 'hidden', { get: () => hidden });
      (window as unknown as { setHidden: (h: boolean) => void }).setHidden = (h) => {
        hidden = h;
        document.dispatchEvent(new Event('visibilitychange'));
      };
      // The repeating timers the page keeps, to see whether a hidden page would be woken.
      const repeating = new Set<unknown>();
      const { setInterval: set, clearInterval: clear } = window;
      window.setInterval = ((...args: Parameters<typeof set>) => {
        const id = set(...args);
        repeating.add(id);
        return id;
      }) as typeof set;
      window.clearInterval = (id) => {
        repeating.delete(id);
        clear(id);
      };
      (window as unknown as { repeating: () => number }).repeating = () => repeating.size;
    });
    const feed = bundledFeed('valfleurie');
    chromium.server.route('/feeds/live.json', { body: JSON.stringify(feed) });
    await page.goto(
      hostPage(chromium.server, '/live.html', {
        body: `<open-commitments src="/feeds/live.json"></open-commitments>`,
      }),
    );
    await settled(page);
    const asked = () =>
      chromium.server.requests.filter((path) => path === '/feeds/live.json').length;
    const setHidden = (hidden: boolean) =>
      page.evaluate(
        (h) => (window as unknown as { setHidden: (h: boolean) => void }).setHidden(h),
        hidden,
      );
    const repeating = () =>
      page.evaluate(() => (window as unknown as { repeating: () => number }).repeating());
    /**
     * How many times the feed was asked for, once a request the page had just made would have
     * reached the server: the page's clock is fake, the network and this wait are not.
     */
    const askedSoFar = async () => {
      await page.waitForTimeout(500);
      return asked();
    };
    expect(asked()).toBe(1);
    expect(await repeating()).toBe(1);

    await setHidden(true);
    // Hidden, nothing wakes the page every few minutes.
    expect(await repeating()).toBe(0);
    await page.clock.runFor(20 * 60_000);
    expect(await askedSoFar()).toBe(1);
    // Back after 20 minutes: the copy is old, asked again at once, and a change is shown.
    chromium.server.route('/feeds/live.json', {
      body: JSON.stringify({ ...feed, commitments: feed.commitments.slice(0, 9) }),
    });
    await setHidden(false);
    expect(await repeating()).toBe(1);
    await expect.poll(asked).toBe(2);
    await expect.poll(() => count(page)).toBe(9);

    // Away for a minute only: not asked again on return.
    await setHidden(true);
    await page.clock.runFor(60_000);
    await setHidden(false);
    await page.clock.runFor(1000);
    expect(await askedSoFar()).toBe(2);

    // Visible: asked every 5 minutes.
    await page.clock.runFor(5 * 60_000);
    await expect.poll(asked).toBe(3);

    await page.locator(dashboard).evaluate((element) => element.remove());
    await page.clock.runFor(30 * 60_000);
    await setHidden(true);
    await setHidden(false);
    expect(await askedSoFar()).toBe(3);

    // Shown again (a single-page site coming back to it), long after the last check: asked again.
    await page.evaluate(() =>
      document.querySelector('main')!.append(document.createElement('open-commitments')),
    );
    await page
      .locator(dashboard)
      .evaluate((element) => element.setAttribute('src', '/feeds/live.json'));
    await expect.poll(asked).toBe(4);
  });
});

describe('a shared link and a new copy', () => {
  it('takes the reader to the commitment a link named once a new copy brings it', async () => {
    const context = await newContext();
    const earlier = await context.newPage();
    const feed = bundledFeed('valfleurie');
    // The copy stored on an earlier visit, from before the plan held VF-10.
    chromium.server.route('/feeds/linked.json', {
      body: JSON.stringify({ ...feed, commitments: feed.commitments.slice(0, 9) }),
    });
    const url = hostPage(chromium.server, '/linked.html', {
      body: `<open-commitments src="/feeds/linked.json" no-refresh></open-commitments>`,
    });
    await earlier.goto(url);
    await settled(earlier);
    expect(await count(earlier)).toBe(9);
    // Now the publisher's feed holds it; its answer comes once the stored copy is shown.
    chromium.server.route('/feeds/linked.json', { body: JSON.stringify(feed), delay: 3000 });
    const page = await context.newPage();
    await page.goto(`${url}#commitment=VF-10`);
    const notice = page.locator(`${dashboard} .hidden-link`);
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain('ne figure pas dans ce plan');
    const row = page.locator(`${dashboard} [data-commitment-id="VF-10"]`);
    await expect
      .poll(() => row.locator('.toggle').getAttribute('aria-expanded'), { timeout: 15_000 })
      .toBe('true');
    expect(await notice.count()).toBe(0);
    // Its title holds the focus the notice had.
    await expect
      .poll(() =>
        page
          .locator(dashboard)
          .evaluate((element) =>
            element
              .shadowRoot!.activeElement?.closest('[data-commitment-id]')
              ?.getAttribute('data-commitment-id'),
          ),
      )
      .toBe('VF-10');
  });
});

describe('a download nobody waits for', () => {
  it('goes on while the element moves in the page, and stops once it is removed', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname));
    const body = JSON.stringify(bundledFeed('valfleurie'));
    chromium.server.route('/feeds/slow.json', { body, delay: 10_000 });
    await page.goto(
      hostPage(chromium.server, '/slow.html', {
        body: `<section id="a"><open-commitments src="/feeds/slow.json" no-refresh></open-commitments></section>
<section id="b"></section>`,
      }),
    );
    await expect.poll(() => chromium.server.requests.includes('/feeds/slow.json')).toBe(true);

    // Moved: disconnected and connected again at once.
    await page.evaluate(async () => {
      document.querySelector('#b')!.append(document.querySelector('open-commitments')!);
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    expect(failed).toEqual([]);

    await page.locator(dashboard).evaluate((element) => element.remove());
    await expect.poll(() => failed).toEqual(['/feeds/slow.json']);

    // Shown again: asked again, and shown without an error.
    chromium.server.route('/feeds/slow.json', { body });
    await page.evaluate(() => {
      const element = document.createElement('open-commitments');
      element.setAttribute('src', '/feeds/slow.json');
      element.toggleAttribute('no-refresh', true);
      document.querySelector('#a')!.append(element);
    });
    await settled(page);
    expect(await count(page)).toBe(10);
    expect(
      await page.locator(`${dashboard} .notice.error, ${dashboard} .notice.stale`).count(),
    ).toBe(0);
  });
});
