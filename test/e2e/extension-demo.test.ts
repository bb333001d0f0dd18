/**
 * The extension on the demo site, following its fictional city hall's demo feed, in Chromium: the
 * inline badges fit a phone's screen, keep to their link's line and give a screen reader their
 * words apart, the panel is there a small tab that opens it (a phone upright or turned, following
 * the window until it is opened), and the popup still lists a page's commitments when their feed
 * is paused, marked as such, as the dashboard does.
 */
import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoFeedPath, startDemoServer, type DemoServer } from '../../widget/demo/serve.ts';
import {
  axeViolations,
  type ExtensionSession,
  launchExtension,
  popupFor,
  subscribe,
} from './fixtures/extension/harness.ts';

/** The extension API in its service worker, for `worker.evaluate` callbacks. */
declare const chrome: WxtBrowser;

let session: ExtensionSession;
let server: DemoServer;
let feedUrl: string;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  feedUrl = `${server.origin}${demoFeedPath}`;
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, feedUrl, 'http://127.0.0.1/valfleurie/*');
});

// A test that closes the panel leaves it folded on the site: the next one starts with it open.
afterEach(async () => {
  await (await session.worker()).evaluate(() => chrome.storage.local.remove('foldedOrigins'));
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

  it('gives a screen reader a late badge’s progress and lateness as two words', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/valfleurie/marches-publics/`);
    await page.locator('td open-commitments-badge').first().waitFor({ timeout: 15_000 });
    // The name of the table cell the badge is in, as Chromium's accessibility tree gives it.
    const cdp = await session.context.newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const cell = nodes
      .filter((node) => node.role?.value === 'cell')
      .map((node) => String(node.name?.value))
      .find((name) => name.includes('Works under way'));
    expect(cell).toContain('Works under way 60% Late (Energy renovation of the three schools');
    await page.close();
  });

  it('keeps an inline badge on the line of its link’s last word and against the full stop after it', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.origin}/valfleurie/budget-participatif/`);
    const host = page.locator('p > open-commitments-badge');
    await host.waitFor({ timeout: 15_000 });
    // At every width of a phone: whether the badge begins on the line of the link's last letter,
    // and ends on the line of the stop (its middle within that character's box).
    const together = () =>
      host.evaluate((badge) => {
        const range = document.createRange();
        const onLineOf = (box: DOMRect, text: Node, at: number) => {
          range.setStart(text, at);
          range.setEnd(text, at + 1);
          const char = range.getBoundingClientRect();
          const middle = (box.top + box.bottom) / 2;
          return middle >= char.top && middle <= char.bottom;
        };
        const link = badge.previousElementSibling!.lastChild!;
        const boxes = badge.shadowRoot!.querySelector('.oc-badge')!.getClientRects();
        return (
          onLineOf(boxes[0]!, link, link.textContent!.length - 1) &&
          onLineOf(boxes[boxes.length - 1]!, badge.nextSibling!, 0)
        );
      });
    const split: number[] = [];
    for (let width = 300; width <= 430; width += 5) {
      await page.setViewportSize({ width, height: 640 });
      if (!(await together())) split.push(width);
    }
    expect(split).toEqual([]);
    // The stop sits against the badge, as against a word, with no gap of the badge's own.
    const gap = await host.evaluate((badge) => {
      const range = document.createRange();
      range.setStart(badge.nextSibling!, 0);
      range.setEnd(badge.nextSibling!, 1);
      const boxes = badge.shadowRoot!.querySelector('.oc-badge')!.getClientRects();
      return range.getBoundingClientRect().left - boxes[boxes.length - 1]!.right;
    });
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(1);
    await page.close();
  });

  describe.each([
    [320, 640],
    [375, 667],
  ])('on a %i by %i px phone screen', (width, height) => {
    /** The procurement page at that size, once its overlay is there. */
    async function procurementPage(): Promise<Page> {
      const page = await session.context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${server.origin}/valfleurie/marches-publics/`);
      await page.locator('open-commitments-overlay button').first().waitFor({ timeout: 15_000 });
      return page;
    }

    it('folds the panel into a tab with the count, hiding little of the page', async () => {
      const page = await procurementPage();
      const overlay = page.locator('open-commitments-overlay');
      const tab = overlay.getByRole('button', { name: 'Commitments on this page (2)' });
      const box = (await tab.boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(48);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.width * box.height).toBeLessThanOrEqual((width * height) / 10);
      await expect(overlay.locator('section').count()).resolves.toBe(0);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.close();
    });

    it('opens it from the keyboard, its rows and links within reach, and closes it', async () => {
      const page = await procurementPage();
      const overlay = page.locator('open-commitments-overlay');
      // From the page's last link, Tab reaches the tab; Enter opens the panel, focus in it.
      await page.locator('footer a').last().focus();
      await page.keyboard.press('Tab');
      const focusedName = () =>
        overlay.evaluate((host) => host.shadowRoot?.activeElement?.textContent?.trim());
      await expect(focusedName()).resolves.toBe('Commitments on this page\u00a0(2)');
      await page.keyboard.press('Enter');
      await expect(
        overlay.evaluate((host) => host.shadowRoot?.activeElement?.getAttribute('aria-label')),
      ).resolves.toBe('Move the panel (arrow keys)');
      const panel = overlay.getByRole('region', { name: 'Commitments on this page (2)' });
      const rows = panel.locator('li.oc-row');
      await expect(rows.count()).resolves.toBe(2);
      // The last row's question, opened, and its last link scrolled into the panel's view.
      await rows.last().getByRole('button', { name: 'Question this' }).click();
      const link = panel.getByRole('link').last();
      await link.scrollIntoViewIfNeeded();
      const linkBox = (await link.boundingBox())!;
      const panelBox = (await panel.boundingBox())!;
      expect(linkBox.y).toBeGreaterThanOrEqual(panelBox.y);
      expect(linkBox.y + linkBox.height).toBeLessThanOrEqual(panelBox.y + panelBox.height);
      expect(panelBox.y + panelBox.height).toBeLessThanOrEqual(height);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await panel.getByRole('button', { name: 'Close' }).click();
      await overlay.waitFor({ state: 'detached' });
      await page.close();
    });
  });

  it('folds the panel on a phone turned sideways and follows the window until the reader opens it', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 640, height: 360 });
    await page.goto(`${server.origin}/valfleurie/marches-publics/`);
    const overlay = page.locator('open-commitments-overlay');
    const name = 'Commitments on this page (2)';
    const tab = overlay.getByRole('button', { name, exact: true });
    const panel = overlay.getByRole('region', { name });
    // What the reader sees once the window's change is drawn: the tab, or the panel.
    const seen = async () => {
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      return `${await tab.count()} tab, ${await panel.count()} panel`;
    };
    await tab.waitFor({ timeout: 15_000 });
    const shown: string[] = [];
    // Turned upright, then a tablet's or a computer's window, then the phone sideways again.
    for (const [width, height] of [
      [360, 640],
      [1024, 768],
      [640, 360],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      shown.push(`${width}×${height}: ${await seen()}`);
    }
    expect(shown).toEqual([
      '360×640: 1 tab, 0 panel',
      '1024×768: 0 tab, 1 panel',
      '640×360: 1 tab, 0 panel',
      '1280×720: 0 tab, 1 panel',
    ]);
    // Opened by the reader on the phone, it stays open however the phone is turned.
    await page.setViewportSize({ width: 640, height: 360 });
    await tab.click();
    await panel.waitFor();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.setViewportSize({ width: 360, height: 640 });
    await expect(seen()).resolves.toBe('0 tab, 1 panel');
    await page.close();
  });

  it('lists what the town’s own widget shows, with no second badge of its own beside it', async () => {
    // The participatory budget's page: a block about VF-02 holds the town's badge of it, and a
    // link to the commitment's page follows the block.
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/valfleurie/budget-participatif/`);
    const overlay = page.locator('open-commitments-overlay');
    await overlay.locator('li.oc-row[data-commitment-id="VF-02"]').waitFor({ timeout: 15_000 });
    const link = page.locator('a[href$="/engagements/budget-participatif/"]');
    await link.locator('xpath=following-sibling::open-commitments-badge').waitFor();
    await expect(
      page.locator('[data-commitment="VF-02"] open-commitments-badge').count(),
    ).resolves.toBe(0);
    await expect(
      page.locator('[data-commitment="VF-02"] open-commitment-badge').count(),
    ).resolves.toBe(1);

    // The plan's page shows the whole plan with the town's dashboard: the panel and the popup list
    // its ten commitments, rather than call it a plan with no commitment on this page.
    const url = `${server.origin}/valfleurie/commune-ouverte/plan-2026-2028/`;
    await page.goto(url);
    await expect
      .poll(() => overlay.getByRole('heading').first().textContent(), { timeout: 15_000 })
      .toBe('Commitments on this page\u00a0(10)');
    await expect(overlay.getByText('Plans of this site', { exact: false }).count()).resolves.toBe(
      0,
    );
    const popup = await popupFor(session, url);
    await expect.poll(() => popup.locator('main li.oc-row').count()).toBe(10);
    await expect(popup.getByText('Plans of this site', { exact: false }).count()).resolves.toBe(0);
    expect(await axeViolations(popup)).toEqual([]);
    await Promise.all([popup.close(), page.close()]);
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
