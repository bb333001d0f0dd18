/**
 * Long names and titles on a narrow screen, in Chromium: a publisher's name and its plan's title
 * that both wrap, and a long title of a commitment that has no page of its own to read it on.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { startServer, type TestServer } from './support/server.ts';
import {
  type ExtensionSession,
  htmlPage,
  launchExtension,
  popupFor,
  subscribe,
} from './fixtures/extension/harness.ts';

/** The extension API inside its pages, for `evaluate` callbacks. */
declare const chrome: WxtBrowser;

const publisherName =
  'Metropolitan Council of the Greater Valley and its Twenty-Three Member Towns and Villages';
const planTitle =
  'Local action plan for open government, transparency and citizen participation 2026–2028';
/** A title far longer than three lines, of a commitment with no page of its own. */
const longTitle = `Publish ${'every contract, grant and subsidy of the council and its agencies, '.repeat(6)}as open data`;

let session: ExtensionSession;
let server: TestServer;
let feedUrl: string;

beforeAll(async () => {
  server = await startServer();
  feedUrl = `${server.origin}/feed.json`;
  server.route('/feed.json', {
    body: JSON.stringify({
      format: 'open-commitments/1',
      publisher: { name: { en: publisherName }, kind: 'municipality' },
      plan: { id: 'LAP', title: { en: planTitle } },
      updated: '2026-11-01T09:00:00Z',
      languages: ['en'],
      site: ['http://127.0.0.1/town/*'],
      commitments: [
        {
          id: 'L1',
          title: { en: longTitle },
          status: 'limited',
          pages: ['http://127.0.0.1/town/data*'],
        },
      ],
    }),
  });
  server.route('/town/data.html', { body: htmlPage('Open data', '<p>Our open data.</p>') });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, feedUrl, 'http://127.0.0.1/town/*');
  const options = await session.openPage('options.html');
  await options.evaluate(
    (feedId) =>
      chrome.runtime.sendMessage({ type: 'follow', feedId, commitmentId: 'L1', follow: true }),
    feedUrl,
  );
  await options.close();
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

/** My commitments on a phone's width, once it lists the followed commitment. */
async function myCommitments(): Promise<Page> {
  const page = await session.openPage('dashboard.html');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator('[data-section="followed"] [data-commitment-id="L1"]').waitFor();
  return page;
}

describe('a publisher’s name and its plan’s title that both wrap', () => {
  it('never leave the separator between them alone on a line', async () => {
    const dash = await myCommitments();
    const heading = dash.locator(`[data-feed-publisher="${feedUrl}"]`);
    // The top of the separator's line and of the plan title's first line, and a line's height.
    const lines = await heading.evaluate((p) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let separator: Range | undefined;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('·');
        if (at < 0) continue;
        separator = document.createRange();
        separator.setStart(node, at);
        separator.setEnd(node, at + 1);
      }
      const plan = document.createRange();
      plan.selectNodeContents([...p.querySelectorAll('bdi')].at(-1)!);
      return {
        separator: separator!.getBoundingClientRect().top,
        plan: plan.getClientRects()[0]!.top,
        height: parseFloat(getComputedStyle(p).lineHeight),
      };
    });
    expect(Math.abs(lines.separator - lines.plan)).toBeLessThan(lines.height / 2);
    await dash.close();
  });
});

/** Whether a title shows all its lines, and how many. */
function shown(title: Element): { whole: boolean; lines: number } {
  const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
  return {
    whole: title.scrollHeight <= title.clientHeight + 1,
    lines: Math.round(title.getBoundingClientRect().height / lineHeight),
  };
}

describe('a long title of a commitment with no page of its own', () => {
  it('is shown whole in My commitments, the panel and the popup', async () => {
    const title = '[data-commitment-id="L1"] .oc-title';
    const dash = await myCommitments();
    const inDashboard = await dash.locator(`[data-section="followed"] ${title}`).evaluate(shown);
    expect(inDashboard.whole).toBe(true);
    expect(inDashboard.lines).toBeGreaterThan(3);
    await dash.close();
    const url = `${server.origin}/town/data.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const overlay = page.locator('open-commitments-overlay');
    await overlay.locator(title).waitFor();
    await expect(overlay.locator(title).evaluate(shown)).resolves.toMatchObject({ whole: true });
    const popup = await popupFor(session, url);
    await expect(popup.locator(title).evaluate(shown)).resolves.toMatchObject({ whole: true });
    await popup.close();
    await page.close();
  });
});
