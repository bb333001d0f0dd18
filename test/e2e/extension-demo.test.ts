/**
 * The extension on the demo site, following its fictional city hall's demo feed, in Chromium: the
 * inline badges fit a phone's screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFeedPath, startDemoServer, type DemoServer } from '../../widget/demo/serve.ts';
import {
  launchExtension,
  waitForRegistration,
  type ExtensionSession,
} from './fixtures/extension/harness.ts';

let session: ExtensionSession;
let server: DemoServer;
let feedUrl: string;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  feedUrl = `${server.origin}${demoFeedPath}`;
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  const options = await session.openPage('options.html');
  await options.getByLabel('Feed URL').fill(feedUrl);
  await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await options.locator('[data-outcome="added"]').waitFor();
  await options.close();
  await waitForRegistration(session, 'http://127.0.0.1/valfleurie/*');
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
});
