/**
 * The extension in a dark system theme, in Chromium: its own pages (the popup, the feeds page and
 * My commitments) turn dark with every colour still readable, while the panel on a site keeps its
 * light ground, since it sits on the site's colours rather than on those pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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
