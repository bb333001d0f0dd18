/**
 * A dashboard's feed that was good and then breaks, in real Chromium: however it breaks, the last
 * good copy stays on screen, said to be stale with when it was last refreshed and why, and the
 * notice goes once the feed is fixed. The feed is served from the page's origin, or from another
 * one, as most publishers do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bundledFeed, hostPage, settled, widgetChromium } from './fixtures/widget/harness.ts';
import { startServer, type Route, type TestServer } from './support/server.ts';

const chromium = widgetChromium();
let other: TestServer;

beforeAll(async () => {
  other = await startServer();
});

afterAll(async () => {
  await other?.close();
});

const dashboard = 'open-commitments';
const rows = (page: Page) => page.locator(`${dashboard} [data-commitment-id]`).count();
const stale = (page: Page) => page.locator(`${dashboard} .notice.stale`);
const good = JSON.stringify(bundledFeed('valfleurie'));

/** The good feed with `n` commitments, over the limit of 50,000 when `n` is 50,001. */
function withCommitments(n: number): string {
  const feed = bundledFeed('valfleurie');
  const [first] = feed.commitments;
  feed.commitments = Array.from({ length: n }, (_, i) => ({ ...first, id: `X-${i}` }));
  return JSON.stringify(feed);
}

/** Each way a feed breaks, and what the notice then says of it (in French, the page's language). */
const breaks: { name: string; route: Route; crossOrigin?: boolean; says: RegExp }[] = [
  { name: 'a 404', route: { status: 404, body: 'gone' }, says: /404/ },
  {
    name: 'an HTML error page sent as 200',
    route: {
      body: '<!doctype html><title>Maintenance</title><script>window.ran = 1</script>',
      headers: { 'content-type': 'text/html' },
    },
    says: /refusé/,
  },
  { name: 'truncated JSON', route: { body: good.slice(0, good.length / 2) }, says: /refusé/ },
  {
    name: 'another version of the format',
    route: { body: good.replace('open-commitments/1', 'open-commitments/2') },
    says: /pas au format Open Commitments/,
  },
  {
    name: 'no commitment readable, their fields renamed by an export gone wrong',
    route: { body: good.replaceAll('"id":', '"identifiant":') },
    says: /refusé/,
  },
  {
    name: 'a body over the limit of 20 MiB',
    route: { body: good + ' '.repeat(20 * 1024 * 1024) },
    says: /dépasse/,
  },
  { name: '50,001 commitments', route: { body: withCommitments(50_001) }, says: /dépasse/ },
  {
    name: 'its CORS header gone',
    route: { body: good, headers: { 'access-control-allow-origin': '' } },
    crossOrigin: true,
    says: /injoignable/,
  },
];

describe('a feed that was good and then breaks', () => {
  for (const { name, route, crossOrigin, says } of breaks) {
    it(`keeps the last good copy on ${name}, says since when and why, and recovers`, async () => {
      const context = await chromium.newContext();
      const page = await context.newPage();
      const server = crossOrigin ? other : chromium.server;
      const path = `/feeds/${name.replace(/\W+/g, '-')}.json`;
      server.route(path, { body: good });
      await page.goto(
        hostPage(chromium.server, `${path}.html`, {
          body: `<open-commitments src="${server.origin}${path}" no-refresh></open-commitments>`,
        }),
      );
      await settled(page);
      expect(await rows(page)).toBe(10);
      server.route(path, route);
      await page.reload();
      await settled(page);
      // A refused download of 50,001 commitments is read whole first (in slices): on a loaded
      // machine that takes longer than a poll's default second.
      await expect.poll(() => stale(page).count(), { timeout: 15_000 }).toBe(1);
      const notice = await stale(page).textContent();
      expect(notice).toMatch(
        /La dernière version du flux n’a pas pu être récupérée\. La copie affichée a été vérifiée pour la dernière fois le \d+ \S+ \d{4} à \d{1,2}\u00a0h\u00a0\d\d\./,
      );
      expect(notice).toMatch(says);
      expect(await rows(page)).toBe(10);
      expect(await page.evaluate(() => (window as { ran?: unknown }).ran)).toBeUndefined();
      server.route(path, { body: good });
      await page.reload();
      await settled(page);
      await expect.poll(() => stale(page).count()).toBe(0);
      expect(await rows(page)).toBe(10);
    });
  }
});

describe('the connection lost while the page is open', () => {
  it('keeps the copy said to be stale, then drops the notice as soon as the connection is back', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    await page.clock.install();
    other.route('/feeds/offline.json', { body: good });
    await page.goto(
      hostPage(chromium.server, '/offline.html', {
        body: `<open-commitments src="${other.origin}/feeds/offline.json"></open-commitments>`,
      }),
    );
    await settled(page);
    await context.setOffline(true);
    await page.clock.runFor(5 * 60_000 + 1000);
    await expect.poll(() => stale(page).count()).toBe(1);
    expect(await stale(page).textContent()).toMatch(/injoignable/);
    expect(await rows(page)).toBe(10);
    await context.setOffline(false);
    // Asked again at once, not at the next refresh five minutes on (the page's clock is stopped).
    await expect.poll(() => stale(page).count()).toBe(0);
    expect(await rows(page)).toBe(10);
  });
});

describe('a badge whose feed breaks', () => {
  it('keeps the last good status, and says in its details since when and that the refresh failed', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    const path = '/feeds/badge-breaks.json';
    chromium.server.route(path, { body: good });
    const url = hostPage(chromium.server, '/badge-breaks.html', {
      body: `<p><open-commitment-badge id="badge" src="${path}" commitment="VF-03"></open-commitment-badge></p>`,
    });
    await page.goto(url);
    const status = page.locator('#badge [part="status"]');
    expect(await status.textContent()).toBe('En travaux');
    chromium.server.route(path, { status: 500, body: 'down' });
    await page.reload();
    await page.locator('#badge [part="toggle"]').click();
    const details = page.locator('#badge [part="popover"]');
    await expect
      .poll(() => details.textContent())
      .toMatch(
        /^Données du \d+ \S+ \d{4} à \d{1,2}\u00a0h\u00a0\d\d\u00a0; la dernière actualisation a échoué\./,
      );
    expect(await status.textContent()).toBe('En travaux');
    await context.close();
  });
});

describe('a page of badges alone, its feed failing and then mended', () => {
  it('shows the status without a reload, and drops the stale mark, asking every 5 minutes', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    await page.clock.install();
    const path = '/feeds/badges-mend.json';
    chromium.server.route(path, { status: 503, body: 'down' });
    await page.goto(
      hostPage(chromium.server, '/badges-mend.html', {
        body: `<p><open-commitment-badge id="a" src="${path}" commitment="VF-03"></open-commitment-badge>
          <open-commitment-badge id="b" src="${path}" commitment="VF-01"></open-commitment-badge></p>`,
      }),
    );
    const status = page.locator('#a [part="status"]');
    await expect
      .poll(() => page.locator('#a [part="base"]').textContent())
      .toBe('Engagement indisponible');
    chromium.server.route(path, { body: good });
    await page.clock.runFor(5 * 60_000 + 1000);
    await expect.poll(() => status.textContent()).toBe('En travaux');

    chromium.server.route(path, { status: 500, body: 'down' });
    await page.clock.runFor(5 * 60_000);
    const stale = page.locator('#a [part="stale"]');
    await expect.poll(() => stale.count()).toBe(1);
    chromium.server.route(path, { body: good });
    await page.clock.runFor(5 * 60_000);
    await expect.poll(() => stale.count()).toBe(0);
    expect(await status.textContent()).toBe('En travaux');
    expect(chromium.server.requests.filter((r) => r === path)).toHaveLength(4);
    await context.close();
  });

  it('makes one request each time for a dashboard and its badges, not one per element', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    await page.clock.install();
    const path = '/feeds/shared-refresh.json';
    chromium.server.route(path, { body: good });
    await page.goto(
      hostPage(chromium.server, '/shared-refresh.html', {
        body: `<open-commitments src="${path}"></open-commitments>
          <p><open-commitment-badge src="${path}" commitment="VF-03"></open-commitment-badge>
          <open-commitment-badge src="${path}" commitment="VF-01"></open-commitment-badge></p>`,
      }),
    );
    await settled(page);
    const asked = () => chromium.server.requests.filter((r) => r === path).length;
    expect(asked()).toBe(1);
    await page.clock.runFor(5 * 60_000 + 1000);
    await expect.poll(asked).toBe(2);
    await page.clock.runFor(5 * 60_000);
    await expect.poll(asked).toBe(3);
    // Once a request the page had just made would have reached the server.
    await page.waitForTimeout(500);
    expect(asked()).toBe(3);
    await context.close();
  });
});
