/**
 * The extension on the demo site, following its fictional city hall's demo feed, in Chromium: the
 * inline badges fit a phone's screen, and the popup still lists a page's commitments when their
 * feed is paused, marked as such, as the dashboard does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFeedPath, startDemoServer, type DemoServer } from '../../widget/demo/serve.ts';
import {
  type ExtensionSession,
  launchExtension,
  popupFor,
  subscribe,
} from './fixtures/extension/harness.ts';

let session: ExtensionSession;
let server: DemoServer;
let feedUrl: string;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  feedUrl = `${server.origin}${demoFeedPath}`;
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, feedUrl, 'http://127.0.0.1/valfleurie/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

describe('the extension on the demo site', () => {
  it('keeps the public procurement page within a 320 px screen with its inline badges', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.origin}/valfleurie/marches-publics/`);
    await page.locator('td open-commitments-badge').first().waitFor({ timeout: 15_000 });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBe(clientWidth);
    await page.close();
  });

  it('lists a paused feed’s commitments in the popup, marked as paused, and still follows them', async () => {
    const url = `${server.origin}/valfleurie/marches-publics/`;
    const page = await session.context.newPage();
    await page.goto(url);
    await page.locator('open-commitments-overlay li.oc-row').first().waitFor({ timeout: 15_000 });
    const options = await session.openPage('options.html');
    const feedRow = options.locator(`[data-feed-id="${feedUrl}"]`);
    await feedRow.getByRole('button', { name: 'Pause' }).click();
    await feedRow.getByRole('button', { name: 'Resume' }).waitFor();

    const popup = await popupFor(session, url);
    const row = popup.locator('li.oc-row[data-commitment-id="VF-01"]');
    await row.waitFor();
    await expect(popup.getByText('None of your feeds names this page.').count()).resolves.toBe(0);
    await expect(popup.locator('main').textContent()).resolves.toContain(
      'From a paused feed: not refreshed',
    );
    const follow = row.getByRole('button', { name: 'Follow' });
    await follow.click();
    await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
    const dashboard = await session.openPage('dashboard.html');
    await dashboard.locator('li.oc-row[data-commitment-id="VF-01"]').waitFor();
    await expect(dashboard.locator('main').textContent()).resolves.toContain(
      'From a paused feed: not refreshed',
    );

    await feedRow.getByRole('button', { name: 'Resume' }).click();
    await feedRow.getByRole('button', { name: 'Pause' }).waitFor();
    await Promise.all([dashboard.close(), popup.close(), options.close(), page.close()]);
  });
});
