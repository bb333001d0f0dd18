/**
 * The overlay on a page of a feed's site that none of its commitments is about, in Chromium: under
 * its heading "Commitments on this page" it sums up the site's plan, and says first that the plan
 * has no commitment on this page, so that its count does not read as the page's; in English, and
 * in French once the browser speaks French.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.ts';
import {
  type ExtensionSession,
  htmlPage,
  launchExtension,
  subscribe,
  waitForRegistration,
} from './fixtures/extension/harness.ts';
import { townFeed } from './fixtures/extension/town-feed.ts';

let session: ExtensionSession;
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/feed.json', { body: JSON.stringify(townFeed(server.origin)) });
  server.route('/town/news.html', { body: htmlPage('News', '<p>Nothing about the plan.</p>') });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, `${server.origin}/feed.json`, 'http://127.0.0.1/town/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

/** The panel's heading and the lines under it, as a person reads them, on the town's news page. */
async function panelOnNews(): Promise<{ page: Page; heading: string; body: string }> {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/town/news.html`);
  const panel = page.locator('open-commitments-overlay section.oc-panel');
  await panel.locator('[data-feed-summary]').waitFor({ timeout: 15_000 });
  const heading = await panel.getByRole('heading').innerText();
  const body = await panel.locator('.oc-body').innerText();
  return { page, heading, body };
}

describe('the overlay on a site page that names none of the plan’s commitments', () => {
  it('says before the plan’s summary that it has no commitment on this page', async () => {
    const { page, heading, body } = await panelOnNews();
    expect(heading).toBe('Commitments on this page');
    expect(body).toMatch(
      /^Plans of this site with no commitment on this page:\n+Test Town\u00a0· Plan 2026\u00a0· 3 commitments\u00a0· 1 late$/,
    );
    await page.close();
  });

  it('says it in French once the browser speaks French', async () => {
    await session.context.close();
    session = await launchExtension({ locale: 'fr-FR', profileDir: session.profileDir });
    await waitForRegistration(session, 'http://127.0.0.1/town/*');
    const { page, heading, body } = await panelOnNews();
    expect(heading).toBe('Engagements sur cette page');
    expect(body).toMatch(
      /^Plans de ce site sans engagement sur cette page\u00a0:\n+Ville de Test\u00a0· Plan 2026\u00a0· 3 engagements\u00a0· 1 en retard$/,
    );
    await page.close();
  });
});
