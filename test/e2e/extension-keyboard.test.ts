/**
 * The extension with the keyboard alone, in Chromium: a link of the page that focus reaches
 * beneath the panel scrolled clear of it; Escape closing a commitment's opened details before the
 * panel; closing the overlay (its button or Escape) gives focus back to the page where it was
 * before it entered the panel, or else to its main heading, never to the top of the document, and
 * leaves it folded into its tab on the site's next pages until it is opened again. And
 * its small buttons, large enough for a finger or a shaky hand; at 400% zoom, the page still in
 * view beside it, the options and "My commitments" pages within the screen whatever a feed's
 * addresses, and the popup within its narrower window; in forced colours, the popup's pressed
 * buttons still pressed; and a link from "My commitments" to the feeds page and back.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { startServer, type TestServer } from './support/server.ts';
import {
  axeViolations,
  type ExtensionSession,
  launchExtension,
  popupFor,
  subscribe,
  tabToCornerLink,
} from './fixtures/extension/harness.ts';
import { projectPage, townFeed } from './fixtures/extension/town-feed.ts';

/** The extension API in its pages, for `page.evaluate` callbacks. */
declare const chrome: WxtBrowser;

let session: ExtensionSession;
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/feed.json', { body: JSON.stringify(townFeed(server.origin)) });
  server.route('/town/project-a.html', { body: projectPage(server.origin) });
  server.route('/far.json', { body: JSON.stringify(farFeed) });
  // The project page with its content in a landmark, as an official site's pages are.
  server.route('/town/project-a-main.html', {
    body: projectPage(server.origin)
      .replace('<h1>', '<header><a href="#">Town</a></header><main><h1>')
      .replace('</body>', '</main></body>'),
  });
  // A long page whose one link, in view, sits where the panel's bottom-right corner is.
  server.route('/town/project-a-corner.html', {
    body:
      '<!doctype html><html lang="en"><head><title>Corner</title></head><body>' +
      '<h1>Corner</h1><div style="height: 3000px"></div>' +
      '<a id="corner" href="#" style="position: absolute; top: 640px; right: 60px">Budget</a>' +
      '</body></html>',
  });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, `${server.origin}/feed.json`, 'http://127.0.0.1/town/*');
});

// A test that closes the panel leaves it folded on the site: the next one starts with it open.
afterEach(async () => {
  await (await session.worker()).evaluate(() => chrome.storage.local.remove('foldedOrigins'));
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

/** A feed whose pages and e-mail channel have long addresses, on a host not allowed yet. */
const farFeed = {
  format: 'open-commitments/1',
  publisher: { name: 'Communauté d’agglomération du Grand Valfleurie-sur-Meuse' },
  plan: { id: 'GV', title: 'Plan 2026' },
  updated: '2026-11-01T09:00:00Z',
  site: ['https://participation-citoyenne.agglomeration-grand-valfleurie.example/*'],
  interpellation: {
    email: 'interpellation-citoyenne@agglomeration-grand-valfleurie-sur-meuse.example',
  },
  commitments: [{ id: 'GV1', title: 'Ouvrir les données des transports', status: 'not-started' }],
};

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

  it('closes a commitment’s opened "Question this" details on Escape before the panel', async () => {
    const page = await projectWithOverlay();
    const overlay = page.locator('open-commitments-overlay');
    const question = overlay.getByRole('button', { name: /^Question this: Open procurement/ });
    await question.focus();
    await page.keyboard.press('Enter');
    const rules = overlay.getByRole('link', { name: 'Rules of the process' });
    await rules.focus();
    await page.keyboard.press('Escape');
    await rules.waitFor({ state: 'detached' });
    await expect(question.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(question.and(overlay.locator(':focus')).count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached' });
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

describe('the overlay once closed', () => {
  it('starts folded into its tab on the site’s next pages and reloads, until opened again', async () => {
    const page = await projectWithOverlay();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    const overlay = page.locator('open-commitments-overlay');
    await overlay.waitFor({ state: 'detached' });
    const tab = overlay.getByRole('button', { name: /^Commitments on this page/ });
    for (const path of ['/town/project-a-main.html', '/town/project-a-main.html']) {
      await page.goto(`${server.origin}${path}`);
      await tab.waitFor({ timeout: 15_000 });
      expect(await overlay.locator('section').count()).toBe(0);
    }
    // Reached with the keyboard, and opened: it stays open on the next page.
    await tab.focus();
    await page.keyboard.press('Enter');
    await overlay.getByRole('heading').waitFor();
    await page.reload();
    await overlay.getByRole('heading').waitFor({ timeout: 15_000 });
    expect(await tab.count()).toBe(0);
    await page.close();
  });
});

describe('the overlay over the page', () => {
  it('scrolls a link of the page that focus reaches beneath the panel clear of it', async () => {
    const { panel, before, after, focused } = await tabToCornerLink(
      session,
      `${server.origin}/town/project-a-corner.html`,
    );
    // Without the panel, the link would be in view where focus reaches it: under the panel.
    expect(before.y).toBeGreaterThan(panel.y);
    expect(before.x).toBeGreaterThan(panel.x);
    expect(focused).toBe('corner');
    expect(after.y + after.height).toBeLessThanOrEqual(panel.y);
  });
});

describe('the overlay for a pointer', () => {
  it('gives focus to the page’s main heading when closed from a click, not to its whole content', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a-main.html`);
    const overlay = page.locator('open-commitments-overlay');
    await overlay.getByRole('heading').waitFor();
    // Clicked into from nowhere in the page: focus has no place there to go back to.
    await overlay.getByRole('button', { name: 'Close', exact: true }).click();
    await overlay.waitFor({ state: 'detached' });
    await expect(
      page.evaluate(
        () => document.activeElement?.localName + ' ' + document.activeElement?.textContent,
      ),
    ).resolves.toBe('h1 Project A');
    await page.close();
  });

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
    // So narrow a window starts with the panel folded into a tab.
    await page.locator('open-commitments-overlay').getByRole('button').click();
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
    // Its check mark takes the button's own forced colour, so it shows on its highlight.
    await expect(
      follow.evaluate((button) => {
        const mark = getComputedStyle(button, '::before');
        return [mark.content.startsWith('"✓"'), mark.color === getComputedStyle(button).color];
      }),
    ).resolves.toEqual([true, true]);
    await popup.close();
    await page.close();
  });
});

describe('the extension’s pages at 400% zoom', () => {
  const fits = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('keep long addresses within a 320 px screen, and move focus to what Allow did', async () => {
    const feedUrl = `${server.origin}/far.json`;
    const options = await session.openPage('options.html');
    await options.setViewportSize({ width: 320, height: 640 });
    await options.getByLabel('Feed address').fill(feedUrl);
    await options.keyboard.press('Enter');
    const allow = options.locator('[data-outcome="added"]').getByRole('button', { name: /^Allow/ });
    await allow.waitFor();
    expect(await fits(options)).toBe(true);
    // A headless browser cannot answer the permission prompt: the person grants it here.
    await options.evaluate(() => {
      chrome.permissions.request = async () => true;
    });
    await allow.focus();
    await options.keyboard.press('Enter');
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.textContent))
      .toBe(
        'Commitments are now shown on https://participation-citoyenne.agglomeration-grand-valfleurie.example/*.',
      );
    expect(await axeViolations(options)).toEqual([]);
    await options.evaluate(
      (feedId) =>
        chrome.runtime.sendMessage({
          type: 'remember-question',
          feedId,
          commitmentId: 'GV1',
          url: 'https://participation-citoyenne.agglomeration-grand-valfleurie.example/transports',
        }),
      feedUrl,
    );
    await options.close();

    const dashboard = await session.openPage('dashboard.html');
    await dashboard.setViewportSize({ width: 320, height: 640 });
    await dashboard.locator('[data-section="questions"] [data-commitment-id="GV1"]').waitFor();
    expect(await fits(dashboard)).toBe(true);
    await dashboard.close();
  });

  it('keep the popup 380 px wide where there is room, and within a narrower window', async () => {
    const page = await session.context.newPage();
    const url = `${server.origin}/town/project-a.html`;
    await page.goto(url);
    const popup = await popupFor(session, url);
    await popup
      .getByRole('button', { name: /^Question this/ })
      .first()
      .click();
    const mainWidth = () => popup.locator('main').evaluate((main) => main.clientWidth);
    // Chromium sizes a popup's window to its document's min-content width, within 800 px of the
    // screen: 320 CSS px from a zoom of 250%, where the popup then lays out.
    const sizedTo = () =>
      popup.evaluate(() => {
        const html = document.documentElement;
        html.style.width = 'min-content';
        const width = html.offsetWidth;
        html.style.width = '';
        return width;
      });
    await popup.setViewportSize({ width: 1280, height: 640 });
    expect([await sizedTo(), await mainWidth()]).toEqual([380, 380]);
    await popup.setViewportSize({ width: 320, height: 640 });
    expect(await mainWidth()).toBe(320);
    expect(await fits(popup)).toBe(true);
    await popup.close();
    await page.close();
  });
});

describe('the extension’s pages with the keyboard', () => {
  it('lead from My commitments to the feeds page and back', async () => {
    const page = await session.openPage('dashboard.html');
    await page.getByRole('link', { name: 'Feeds' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Open Commitments: feeds' }).waitFor();
    await page.getByRole('link', { name: 'My commitments' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'My commitments' }).waitFor();
    await page.close();
  });
});
