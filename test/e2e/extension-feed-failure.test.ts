/**
 * A subscribed feed that breaks, in the built extension: the connection lost and found again, a
 * feed that answers garbage with a 200, and a feed whose text is hostile. The last good copy stays
 * on the page, said to be stale; nothing from the feed runs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.ts';
import {
  launchExtension,
  subscribe,
  waitForRegistration,
  type ExtensionSession,
} from './fixtures/extension/harness.ts';
import { projectPage, townFeed } from './fixtures/extension/town-feed.ts';

let session: ExtensionSession;
let server: TestServer;
let feedUrl: string;

beforeAll(async () => {
  server = await startServer();
  feedUrl = `${server.origin}/feed.json`;
  server.route('/feed.json', { body: JSON.stringify(townFeed(server.origin)) });
  server.route('/town/project-a.html', { body: projectPage(server.origin) });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await waitForRegistration(session);
  await subscribe(session, feedUrl, 'http://127.0.0.1/town/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

/** The options page's "Refresh now" for the feed, once its outcome is shown. */
async function refreshNow(options: Page, failed: boolean): Promise<void> {
  const row = options.locator(`[data-feed-id="${feedUrl}"]`);
  await row.getByRole('button', { name: 'Refresh now' }).click();
  if (failed) await row.locator('[data-feed-error]').waitFor();
  else await row.getByText('refreshed just now').waitFor();
}

/** Minutes until the extension asks the publisher again on its own. */
async function minutesToNextRefresh(): Promise<number> {
  const worker = await session.worker();
  const next = await worker.evaluate(
    (url) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('open-commitments-extension');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result
            .transaction('subscriptions')
            .objectStore('subscriptions')
            .get(url);
          get.onsuccess = () => resolve((get.result as { nextRefreshAt: number }).nextRefreshAt);
          get.onerror = () => reject(get.error);
        };
      }),
    feedUrl,
  );
  return Math.round((next - Date.now()) / 60_000);
}

describe('the connection lost and found again', () => {
  it('keeps the copy, says the refresh failed, and asks again within the half hour', async () => {
    const options = await session.openPage('options.html');
    await session.context.setOffline(true);
    const worker = await session.worker();
    expect(await worker.evaluate(() => navigator.onLine)).toBe(false);
    // However many times it fails while offline, the wait does not grow into hours.
    for (let i = 0; i < 4; i++) await refreshNow(options, true);
    expect(await minutesToNextRefresh()).toBeLessThanOrEqual(30);
    await session.context.setOffline(false);
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a.html`);
    await page
      .locator('open-commitments-overlay li[data-commitment-id="A1"]')
      .waitFor({ timeout: 15_000 });
    await expect(
      page.locator(`open-commitments-overlay [data-feed-notice="${feedUrl}"]`).textContent(),
    ).resolves.toMatch(/the last refresh failed/);
    await refreshNow(options, false);
    await page.reload();
    await page
      .locator('open-commitments-overlay li[data-commitment-id="A1"]')
      .waitFor({ timeout: 15_000 });
    expect(
      await page.locator(`open-commitments-overlay [data-feed-notice="${feedUrl}"]`).count(),
    ).toBe(0);
    await page.close();
    await options.close();
  });
});
