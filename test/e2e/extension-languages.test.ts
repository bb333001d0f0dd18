/**
 * The extension in English for a feed written in French alone, in Chromium: what its pages show
 * of the feed (the publisher's name on the feeds page, a question's title on My commitments)
 * carries the feed's language, so that a screen reader reads it with a French voice rather than
 * spelling French words out in English; and a row's buttons are named in English typography,
 * "Follow: title", not "Follow : title".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { startServer, type TestServer } from './support/server.ts';
import {
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

/** The town's feed with its texts in French only. */
function frenchFeed(origin: string) {
  const feed = townFeed(origin);
  return {
    ...feed,
    languages: ['fr'],
    publisher: { ...feed.publisher, name: { fr: feed.publisher.name.fr } },
    commitments: feed.commitments.map((c) => ({ ...c, title: { fr: c.title.fr } })),
  };
}

beforeAll(async () => {
  server = await startServer();
  feedUrl = `${server.origin}/feed.json`;
  server.route('/feed.json', { body: JSON.stringify(frenchFeed(server.origin)) });
  server.route('/town/project-a.html', { body: projectPage(server.origin) });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'], locale: 'en-US' });
  await subscribe(session, feedUrl, 'http://127.0.0.1/town/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

describe('a feed in French on the English pages', () => {
  it('names its publisher on the feeds page in French, marked as such', async () => {
    const options = await session.openPage('options.html');
    const name = options.locator(`tr[data-feed-id="${feedUrl}"] th strong bdi`);
    await expect(name.textContent()).resolves.toBe('Ville de Test');
    await expect(name.getAttribute('lang')).resolves.toBe('fr');
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });

  it('titles a question kept about it in French on My commitments, marked as such', async () => {
    const options = await session.openPage('options.html');
    await options.evaluate(
      ({ feedId, url }) =>
        chrome.runtime.sendMessage({
          type: 'remember-question',
          feedId,
          commitmentId: 'A1',
          url,
        }),
      { feedId: feedUrl, url: `${server.origin}/town/project-a.html` },
    );
    await options.close();
    const dashboard = await session.openPage('dashboard.html');
    const title = dashboard.locator(
      '[data-section="questions"] [data-commitment-id="A1"] th strong bdi',
    );
    await expect(title.textContent()).resolves.toBe('Ouvrir les données des marchés');
    await expect(title.getAttribute('lang')).resolves.toBe('fr');
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.close();
  });

  it('names a row’s buttons with no space before the colon, in the panel, the popup and My commitments', async () => {
    const title = 'Ouvrir les données des marchés';
    const url = `${server.origin}/town/project-a.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const overlay = page.locator('open-commitments-overlay');
    await overlay.getByRole('heading').waitFor();
    const exactly = (name: string) => ({ name: `${name}: ${title}`, exact: true });
    await expect(overlay.getByRole('button', exactly('Question this')).count()).resolves.toBe(1);
    const popup = await popupFor(session, url);
    await popup.getByRole('button', exactly('Question this')).waitFor();
    await popup.getByRole('button', exactly('Follow')).click();
    await expect
      .poll(() => popup.getByRole('button', exactly('Follow')).getAttribute('aria-pressed'))
      .toBe('true');
    await popup.close();
    await page.close();
    const dashboard = await session.openPage('dashboard.html');
    await dashboard.getByRole('button', exactly('Unfollow')).waitFor();
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.close();
  });
});
