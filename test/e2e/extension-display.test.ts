/**
 * The extension's inline badges and panel under the display settings a person may choose, on the
 * demo site's procurement page, in Chromium: wider text spacing on a phone (WCAG 1.4.12), forced
 * colours in a light and a dark theme, 400% zoom, and more contrast, on the site and on the
 * extension's own pages.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFeedPath, startDemoServer, type DemoServer } from '../../widget/demo/serve.ts';
import {
  type ExtensionSession,
  launchExtension,
  popupFor,
  subscribe,
} from './fixtures/extension/harness.ts';
import { applyTextSpacing } from './support/text-spacing.ts';

let session: ExtensionSession;
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, `${server.origin}${demoFeedPath}`, 'http://127.0.0.1/valfleurie/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

/** The procurement page, its two commitments linked from a table, once a badge is there. */
async function procurementPage(width: number, height: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`${server.origin}/valfleurie/marches-publics/`);
  await page.locator('td open-commitments-badge').first().waitFor({ timeout: 15_000 });
  await page.locator('open-commitments-overlay button').first().waitFor({ timeout: 15_000 });
  return page;
}

/** The page's panel, opened from its tab on a narrow screen. */
async function openPanel(page: Page): Promise<Locator> {
  const overlay = page.locator('open-commitments-overlay');
  const panel = overlay.locator('section.oc-panel');
  if (!(await panel.isVisible())) await overlay.locator('button.oc-tab').click();
  await panel.locator('li.oc-row').first().waitFor();
  return panel;
}

/** The first inline badge's box (inside its host's shadow root). */
const badge = (page: Page) => page.locator('td open-commitments-badge .oc-badge').first();

/** The contrast ratio of two `rgb()` colours (WCAG 2's relative luminance). */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = colour
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((part) => {
        const c = Number(part) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** An element's border (its top side) and the colour of the ground it is drawn on. */
function borderOf(locator: Locator) {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    let ground = 'rgba(0, 0, 0, 0)';
    for (let e: Element | null = element; e;) {
      const colour = getComputedStyle(e).backgroundColor;
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') {
        ground = colour;
        break;
      }
      e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null;
    }
    return {
      style: style.borderTopStyle,
      width: style.borderTopWidth,
      colour: style.borderTopColor,
      ground,
    };
  });
}

describe('the inline badges with wider text spacing', () => {
  it('add no width to the procurement page on a 320 px screen, their words wrapping', async () => {
    const page = await procurementPage(320, 640);
    await applyTextSpacing(page);
    const widths = await page.evaluate(() => {
      const badges = [...document.querySelectorAll<HTMLElement>('open-commitments-badge')];
      const right = Math.max(
        ...badges.flatMap((host) =>
          [...host.shadowRoot!.querySelectorAll('.oc-badge, .oc-status')].flatMap((e) =>
            [...e.getClientRects()].map((box) => box.right),
          ),
        ),
      );
      const lines = badges.map(
        (host) => host.shadowRoot!.querySelector('.oc-status')!.getClientRects().length,
      );
      const withBadges = document.documentElement.scrollWidth;
      for (const host of badges) host.style.display = 'none';
      const without = document.documentElement.scrollWidth;
      for (const host of badges) host.style.display = '';
      return { withBadges, without, right, lines, client: document.documentElement.clientWidth };
    });
    expect(widths.withBadges).toBe(widths.without);
    expect(widths.withBadges).toBe(widths.client);
    expect(widths.right).toBeLessThanOrEqual(widths.client);
    // The table cell's status label takes more than one line, its ground drawn on each.
    expect(Math.max(...widths.lines)).toBeGreaterThan(1);
    await page.close();
  });
});

describe.each(['light', 'dark'] as const)('in forced colours, a %s theme', (colorScheme) => {
  it('outlines the inline badges and the panel’s status labels', async () => {
    const page = await procurementPage(1024, 768);
    await page.emulateMedia({ forcedColors: 'active', colorScheme });
    const panel = await openPanel(page);
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    for (const element of [badge(page), panel.locator('.oc-status').first()]) {
      const border = await borderOf(element);
      expect({ style: border.style, width: border.width }).toEqual({
        style: 'solid',
        width: '1px',
      });
      // Drawn in the theme's colour of text, so it shows on its ground.
      expect(border.colour).toBe(text);
      expect(contrast(border.colour, border.ground)).toBeGreaterThanOrEqual(3);
    }
    await page.screenshot({ path: `/tmp/oc-display-forced-${colorScheme}.png` });
    await page.close();
  });
});

describe('the panel at 400% zoom', () => {
  it('shows its first commitment’s whole title and status, its foot scrolling after them', async () => {
    const page = await procurementPage(320, 256);
    const panel = await openPanel(page);
    const row = panel.locator('li.oc-row').first();
    // The part of the panel where its rows are seen: below its header, above its foot when that
    // is in view, within every box that scrolls.
    const inView = (selector: string) =>
      row.evaluate((element, selector) => {
        const panel = element.closest('section')!;
        let top = panel.querySelector('header')!.getBoundingClientRect().bottom;
        let bottom = Infinity;
        for (let e = element.parentElement; e; e = e.parentElement) {
          if (getComputedStyle(e).overflowY === 'visible') continue;
          top = Math.max(top, e.getBoundingClientRect().top);
          bottom = Math.min(bottom, e.getBoundingClientRect().bottom);
        }
        const footer = panel.querySelector('footer')!.getBoundingClientRect();
        if (footer.top < bottom) bottom = Math.max(top, footer.top);
        const box = element.querySelector(selector)!.getBoundingClientRect();
        return { rows: Math.round(bottom - top), whole: box.top >= top && box.bottom <= bottom };
      }, selector);
    const title = await inView('.oc-title');
    const status = await inView('.oc-status');
    await page.screenshot({ path: '/tmp/oc-display-zoom.png' });
    expect({ title: title.whole, status: status.whole }).toEqual({ title: true, status: true });
    expect(title.rows).toBeGreaterThanOrEqual(70);
    // The panel still leaves half of the screen to the page, and its foot is in reach.
    expect((await panel.boundingBox())!.height).toBeLessThanOrEqual(128 + 2);
    const hide = panel.getByRole('button', { name: 'Never on this site' });
    await hide.scrollIntoViewIfNeeded();
    const [hideBox, panelBox] = [(await hide.boundingBox())!, (await panel.boundingBox())!];
    expect(hideBox.y + hideBox.height).toBeLessThanOrEqual(panelBox.y + panelBox.height);
    await page.screenshot({ path: '/tmp/oc-display-zoom-end.png' });
    await page.close();
  });
});

describe('the panel’s foot', () => {
  it('draws the focus ring of “Never on this site” around its words, clear of its first letter', async () => {
    const page = await procurementPage(1024, 768);
    const panel = await openPanel(page);
    const hide = panel.getByRole('button', { name: 'Never on this site' });
    // Reached by the keyboard, as its ring shows then.
    await page.keyboard.press('Shift');
    await hide.focus();
    const ring = await hide.evaluate((button) => {
      const style = getComputedStyle(button);
      return {
        shown: button.matches(':focus-visible'),
        style: style.outlineStyle,
        // Where the ring starts, out from the button's box, which its letters touch.
        gap: parseFloat(style.outlineOffset),
      };
    });
    expect(ring).toMatchObject({ shown: true, style: 'solid' });
    expect(ring.gap).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});

describe('with more contrast', () => {
  it('draws the panel’s lines between rows and the badges’ edges at 3:1 or more', async () => {
    const page = await procurementPage(1024, 768);
    await page.emulateMedia({ contrast: 'more' });
    const panel = await openPanel(page);
    for (const element of [panel.locator('li.oc-row').nth(1), panel, badge(page)]) {
      const border = await borderOf(element);
      expect(border.style).toBe('solid');
      expect(contrast(border.colour, border.ground)).toBeGreaterThanOrEqual(3);
    }
    await page.screenshot({ path: '/tmp/oc-display-contrast.png' });
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'draws the popup’s lines between rows at 3:1 or more, in a %s theme',
    async (colorScheme) => {
      const page = await procurementPage(1024, 768);
      const popup = await popupFor(session, page.url());
      await popup.emulateMedia({ contrast: 'more', colorScheme });
      const row = popup.locator('li.oc-row').nth(1);
      await row.waitFor();
      const border = await borderOf(row);
      expect(border.style).toBe('solid');
      expect(contrast(border.colour, border.ground)).toBeGreaterThanOrEqual(3);
      await popup.screenshot({ path: `/tmp/oc-display-contrast-popup-${colorScheme}.png` });
      await popup.close();
      await page.close();
    },
  );
});
