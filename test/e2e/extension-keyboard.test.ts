/**
 * The extension with the keyboard alone, in Chromium: closing the overlay (its button or Escape)
 * gives focus back to the page where it was before it entered the panel, never to the top of the
 * document. And its small buttons, large enough for a finger or a shaky hand; at 400% zoom, the
 * page still in view beside it; and in forced colours, the popup's pressed buttons still pressed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.ts';
import {
  type ExtensionSession,
  launchExtension,
  popupFor,
  subscribe,
} from './fixtures/extension/harness.ts';
import { projectPage, townFeed } from './fixtures/extension/town-feed.ts';

let session: ExtensionSession;
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/feed.json', { body: JSON.stringify(townFeed(server.origin)) });
  server.route('/town/project-a.html', { body: projectPage(server.origin) });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, `${server.origin}/feed.json`, 'http://127.0.0.1/town/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

/** The project page with its overlay, focus on the page's last link. */
async function projectWithOverlay(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/town/project-a.html`);
  await page.locator('open-commitments-overlay').getByRole('heading').waitFor();
  await page.getByRole('link', { name: 'Read more' }).focus();
  return page;
}

/** What has focus, outside the overlay: `id`, text or tag of the element. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    if (active.localName === 'open-commitments-overlay') return 'overlay';
    return active.textContent?.trim() || active.localName;
  });
}

describe('the overlay with the keyboard', () => {
  it('gives focus back to where it was when the panel is closed with its button', async () => {
    const page = await projectWithOverlay();
    // Tab from the page's last link into the panel: its handle, its corner button, then its close
    // button.
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toBe('overlay');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const inPanel = () =>
      page
        .locator('open-commitments-overlay')
        .evaluate((host) => host.shadowRoot?.activeElement?.getAttribute('aria-label'));
    await expect(inPanel()).resolves.toBe('Close');
    await page.keyboard.press('Enter');
    await page.locator('open-commitments-overlay').waitFor({ state: 'detached' });
    await expect(focused(page)).resolves.toBe('Read more');
    await page.close();
  });

  it('closes the panel on Escape and gives focus back the same way', async () => {
    const page = await projectWithOverlay();
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toBe('overlay');
    await page.keyboard.press('Escape');
    await page.locator('open-commitments-overlay').waitFor({ state: 'detached' });
    await expect(focused(page)).resolves.toBe('Read more');
    await page.close();
  });
});

describe('the overlay for a pointer', () => {
  it('makes its move handle, corner and close buttons targets of at least 24 by 24 px', async () => {
    const page = await projectWithOverlay();
    const overlay = page.locator('open-commitments-overlay');
    for (const name of [
      'Move the panel (arrow keys)',
      'Move the panel to another corner',
      'Close',
    ]) {
      const box = await overlay.getByRole('button', { name, exact: true }).boundingBox();
      expect({ name, width: box!.width >= 24, height: box!.height >= 24 }).toEqual({
        name,
        width: true,
        height: true,
      });
    }
    await page.close();
  });
});

describe('the overlay at 400% zoom', () => {
  it('leaves at least half of a 1280 by 1024 screen’s page in view', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 320, height: 256 });
    await page.goto(`${server.origin}/town/project-a.html`);
    const panel = page.locator('open-commitments-overlay section');
    await panel.getByRole('heading').waitFor();
    // Half of the viewport's 256 px, and the panel's two 1 px borders.
    expect((await panel.boundingBox())!.height).toBeLessThanOrEqual(128 + 2);
    await page.close();
  });
});

describe('the popup in forced colours', () => {
  it('still shows which commitment is followed on its pressed button', async () => {
    const page = await session.context.newPage();
    const url = `${server.origin}/town/project-a.html`;
    await page.goto(url);
    const popup = await popupFor(session, url);
    await popup.emulateMedia({ forcedColors: 'active' });
    const row = popup.locator('li.oc-row[data-commitment-id="A1"]');
    const follow = row.getByRole('button', { name: 'Follow' });
    await follow.click();
    await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
    const background = (name: string) =>
      row
        .getByRole('button', { name })
        .evaluate((button) => getComputedStyle(button).backgroundColor);
    expect(await background('Follow')).not.toBe(await background('Question this'));
    await popup.close();
    await page.close();
  });
});
