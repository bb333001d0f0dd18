/**
 * The extension in a dark system theme, in Chromium: its own pages (the popup, the feeds page and
 * My commitments) turn dark with every colour still readable, while the panel on a site keeps its
 * light ground, since it sits on the site's colours rather than on those pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { startServer, type TestServer } from './support/server.ts';
import {
  ageQuestions,
  axeViolations,
  type ExtensionSession,
  launchExtension,
  popupFor,
  subscribe,
} from './fixtures/extension/harness.ts';
import { projectPage, townFeed } from './fixtures/extension/town-feed.ts';

/** The extension API in its pages, for `page.evaluate` callbacks. */
declare const chrome: WxtBrowser;

let session: ExtensionSession;
let server: TestServer;
let feedUrl: string;
const pageUrl = () => `${server.origin}/town/project-a.html`;

beforeAll(async () => {
  server = await startServer();
  feedUrl = `${server.origin}/feed.json`;
  server.route('/feed.json', { body: JSON.stringify(townFeed(server.origin)) });
  server.route('/town/project-a.html', { body: projectPage(server.origin) });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'], locale: 'en-US' });
  await subscribe(session, feedUrl, 'http://127.0.0.1/town/*');
  // A commitment followed (C1, whose due date has passed) and a question kept, as a person would.
  const options = await session.openPage('options.html');
  await options.evaluate(
    async ({ feedId, url }) => {
      await chrome.runtime.sendMessage({
        type: 'follow',
        feedId,
        commitmentId: 'C1',
        follow: true,
      });
      await chrome.runtime.sendMessage({
        type: 'remember-question',
        feedId,
        commitmentId: 'A1',
        url,
      });
    },
    { feedId: feedUrl, url: pageUrl() },
  );
  await options.close();
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

/** The page's background and its main text's colour, as the browser paints them. */
const colours = (page: Page) =>
  page.evaluate(() => ({
    page: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector('main')!).color,
  }));

const dark = { page: 'rgb(20, 26, 36)', text: 'rgb(232, 236, 242)' };
const light = { page: 'rgb(255, 255, 255)', text: 'rgb(31, 41, 55)' };

describe('a dark system theme', () => {
  it('turns the popup dark, with a followed commitment and a question opened still readable', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(pageUrl());
    const popup = await popupFor(session, pageUrl());
    await expect(colours(popup)).resolves.toEqual(light);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await expect(colours(popup)).resolves.toEqual(dark);
    const row = popup.locator('main li.oc-row[data-commitment-id="A1"]');
    await row.getByRole('button', { name: /^Follow/ }).click();
    await expect
      .poll(() => row.getByRole('button', { name: /^Follow/ }).getAttribute('aria-pressed'))
      .toBe('true');
    // The pressed toggle's check mark is in its dark words, on its light fill.
    await expect(
      row
        .getByRole('button', { name: /^Follow/ })
        .evaluate((button) => [
          getComputedStyle(button, '::before').content.startsWith('"✓"'),
          getComputedStyle(button, '::before').color,
        ]),
    ).resolves.toEqual([true, 'rgb(13, 19, 32)']);
    await row.getByRole('button', { name: /^Question this/ }).click();
    await row.locator('.oc-interpellate').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();

    // The panel on the site keeps its light ground and its colours.
    const panel = page.locator('open-commitments-overlay .oc-panel');
    await panel.getByRole('heading').first().waitFor();
    await expect(panel.evaluate((p) => getComputedStyle(p).backgroundColor)).resolves.toBe(
      'rgb(255, 255, 255)',
    );
    await page.close();
  });

  it('turns My commitments dark, with a late commitment and an overdue question readable', async () => {
    const dashboard = await session.openPage('dashboard.html');
    // The kept question, asked long ago and still unanswered: its row is flagged as overdue.
    await ageQuestions(dashboard, '2020-01-01', '2020-01-31');
    await dashboard.reload();
    await dashboard.emulateMedia({ colorScheme: 'dark' });
    await dashboard
      .locator('[data-section="questions"] tr.oc-overdue[data-commitment-id="A1"]')
      .waitFor();
    await dashboard.locator('[data-commitment-id="C1"] .oc-late').first().waitFor();
    await expect(colours(dashboard)).resolves.toEqual(dark);
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.close();
  });

  it('turns the feeds page dark, with a removal question readable and still set apart', async () => {
    const options = await session.openPage('options.html');
    await options.emulateMedia({ colorScheme: 'dark' });
    await expect(colours(options)).resolves.toEqual(dark);
    const row = options.locator(`[data-feed-id="${feedUrl}"]`);
    await row.getByRole('button', { name: 'Remove: Test Town', exact: true }).click();
    const ask = row.getByRole('group', { name: 'Remove Test Town?' });
    await ask.waitFor();
    expect(await axeViolations(options)).toEqual([]);
    const looks = (name: string) =>
      ask
        .getByRole('button', { name, exact: true })
        .evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(await looks('Yes, remove: Test Town')).not.toBe(await looks('Cancel: Test Town'));
    await ask.getByRole('button', { name: 'Cancel: Test Town', exact: true }).click();
    await options.close();
  });
});

type Rgb = readonly [number, number, number];

/**
 * The colours a progress bar is painted in, read from a screenshot of it: its filled part near
 * its start and its track near its end, across the middle line.
 */
async function barPaint(page: Page, bar: Locator): Promise<{ start: Rgb; end: Rgb }> {
  const png = (await bar.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const at = (x: number) => {
      const [r = 0, g = 0, b = 0] = context.getImageData(x, bitmap.height >> 1, 1, 1).data;
      return [r, g, b] as const;
    };
    return { start: at(4), end: at(bitmap.width - 5) };
  }, png);
}

/** WCAG contrast ratio of two sRGB colours. */
function contrast(a: Rgb, b: Rgb): number {
  const lum = (c: Rgb) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A computed `rgb(…)` colour as numbers. */
const rgb = (css: string): Rgb => css.match(/\d+/g)!.slice(0, 3).map(Number) as unknown as Rgb;

/** Whether two colours are the same within a step of rounding. */
const near = (a: Rgb, b: Rgb) => a.every((v, i) => Math.abs(v - b[i]!) <= 2);

/**
 * The bars of A1 (30 %, "Under way", limited) and B1 (complete, 100 %) in `root`: each one's fill
 * and A1's track, with their status labels' grounds.
 */
async function bars(page: Page, root: Locator) {
  const row = (id: string) => root.locator(`li.oc-row[data-commitment-id="${id}"]`);
  const label = (id: string) =>
    row(id)
      .locator('.oc-status')
      .evaluate((l) => getComputedStyle(l).backgroundColor)
      .then(rgb);
  const a1 = await barPaint(page, row('A1').locator('progress'));
  const b1 = await barPaint(page, row('B1').locator('progress'));
  return {
    limited: a1.start,
    complete: b1.start,
    track: a1.end,
    limitedLabel: await label('A1'),
    completeLabel: await label('B1'),
  };
}

describe('progress bars', () => {
  it('draws each bar in its status label’s colour, apart from its track, in every theme', async () => {
    // B1, complete, with its progress given, so that it has a bar.
    const feed = townFeed(server.origin);
    server.route('/feed.json', {
      body: JSON.stringify({
        ...feed,
        updated: '2026-11-02T09:00:00Z',
        commitments: feed.commitments.map((c) => (c.id === 'B1' ? { ...c, progress: 100 } : c)),
      }),
    });
    const options = await session.openPage('options.html');
    await options.evaluate(
      (feedId) => chrome.runtime.sendMessage({ type: 'refresh', feedId }),
      feedUrl,
    );
    await options.close();
    const page = await session.context.newPage();
    await page.goto(pageUrl());
    const popup = await popupFor(session, pageUrl());
    const list = popup.locator('main');
    await list.locator('li.oc-row[data-commitment-id="B1"] progress').waitFor();

    for (const contrastWish of ['no-preference', 'more'] as const) {
      await popup.emulateMedia({ colorScheme: 'light', contrast: contrastWish });
      const light = await bars(popup, list);
      expect(near(light.limited, light.limitedLabel), `${light.limited} ${contrastWish}`).toBe(
        true,
      );
      expect(near(light.complete, light.completeLabel), `${light.complete}`).toBe(true);
      expect(contrast(light.limited, light.track)).toBeGreaterThanOrEqual(3);
      expect(contrast(light.complete, light.track)).toBeGreaterThanOrEqual(3);
    }

    // Dark: lighter tones of the same colours, each still apart from the other and its track.
    await popup.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' });
    const dark = await bars(popup, list);
    expect(near(dark.limited, dark.complete)).toBe(false);
    expect(dark.complete[1]).toBeGreaterThan(dark.complete[0]);
    expect(dark.limited[0]).toBeGreaterThan(dark.limited[2]);
    expect(contrast(dark.limited, dark.track)).toBeGreaterThanOrEqual(3);
    expect(contrast(dark.complete, dark.track)).toBeGreaterThanOrEqual(3);
    expect(await axeViolations(popup)).toEqual([]);

    // Forced colours: the reader's own text and ground, apart.
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme, forcedColors: 'active' });
      const forced = await bars(popup, list);
      expect(contrast(forced.limited, forced.track)).toBeGreaterThanOrEqual(3);
      expect(contrast(forced.complete, forced.track)).toBeGreaterThanOrEqual(3);
    }
    await popup.close();

    // The panel on the site, in its light colours.
    const panel = page.locator('open-commitments-overlay .oc-panel');
    await panel.locator('li.oc-row[data-commitment-id="B1"] progress').waitFor();
    const onSite = await bars(page, panel);
    expect(near(onSite.limited, onSite.limitedLabel)).toBe(true);
    expect(near(onSite.complete, onSite.completeLabel)).toBe(true);
    expect(contrast(onSite.complete, onSite.track)).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
