/**
 * My questions, in Chromium: each kept question names the publisher it was put to (and its plan,
 * when that publisher has two plans subscribed), links to its commitment's page and, when it was
 * asked on a web form, to that form again; found in the subscribed feed, so that a question kept
 * in an older record's form gets them too. Nothing there breaks axe's rules.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { startServer, type TestServer } from './support/server.ts';
import {
  axeViolations,
  type ExtensionSession,
  launchExtension,
  subscribe,
} from './fixtures/extension/harness.ts';
import { townFeed } from './fixtures/extension/town-feed.ts';

/** The extension API inside an extension page, for `page.evaluate` callbacks. */
declare const chrome: WxtBrowser;

let session: ExtensionSession;
let server: TestServer;

/** The same town's next plan, in its own feed, questioned by e-mail. */
function nextPlan(origin: string) {
  const town = townFeed(origin);
  return {
    ...town,
    plan: { id: 'TT-2027', title: { fr: 'Plan 2027', en: 'Plan 2027' } },
    site: ['http://127.0.0.1/plan-2027/*'],
    interpellation: { email: 'questions@town.example', responseDays: 30 },
    commitments: [
      {
        id: 'D1',
        title: { fr: 'Pistes cyclables', en: 'Bike lanes' },
        status: 'en-cours',
        url: `${origin}/plan-2027/D1`,
        pages: ['http://127.0.0.1/plan-2027/D1*'],
      },
    ],
  };
}

/** Keeps a question about `commitmentId`, asked on `page`, as its "Remember" button does. */
async function keep(feedId: string, commitmentId: string, page: string): Promise<void> {
  const options = await session.openPage('options.html');
  const reply = await options.evaluate((request) => chrome.runtime.sendMessage(request), {
    type: 'remember-question',
    feedId,
    commitmentId,
    url: page,
  });
  expect(reply).toMatchObject({ ok: true });
  await options.close();
}

async function dashboard(): Promise<Page> {
  const page = await session.openPage('dashboard.html');
  await page.locator('[data-section="questions"] tr').first().waitFor();
  return page;
}

beforeAll(async () => {
  server = await startServer();
  const { origin } = server;
  server.route('/feed.json', { body: JSON.stringify(townFeed(origin)) });
  server.route('/plan-2027.json', { body: JSON.stringify(nextPlan(origin)) });
  for (const path of ['/town/commitments/A1', '/town/interpeller']) {
    server.route(path, {
      body: '<!doctype html><title>Town</title><h1>Town</h1>',
      headers: { 'content-type': 'text/html' },
    });
  }
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, `${origin}/feed.json`, 'http://127.0.0.1/town/*');
  await subscribe(session, `${origin}/plan-2027.json`, 'http://127.0.0.1/plan-2027/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

describe('My questions', () => {
  it('names whom each question was put to and leads back to its commitment and its form', async () => {
    const { origin } = server;
    await keep(`${origin}/feed.json`, 'A1', `${origin}/town/project-a.html`);
    await keep(`${origin}/plan-2027.json`, 'D1', `${origin}/plan-2027/D1.html`);
    const dash = await dashboard();
    const a1 = dash.locator('[data-section="questions"] tr[data-commitment-id="A1"]');
    const d1 = dash.locator('[data-section="questions"] tr[data-commitment-id="D1"]');

    // One town, two plans: each question says which.
    await expect(a1.locator('[data-question-publisher]').textContent()).resolves.toBe(
      'Test Town · Plan 2026',
    );
    await expect(d1.locator('[data-question-publisher]').textContent()).resolves.toBe(
      'Test Town · Plan 2027',
    );
    const links = (row: typeof a1) =>
      row
        .getByRole('link')
        .evaluateAll((all) =>
          all.map((a) => [
            a.getAttribute('aria-label') ?? a.textContent,
            (a as HTMLAnchorElement).href,
          ]),
        );
    await expect(links(a1)).resolves.toEqual([
      ['Open procurement data', `${origin}/town/commitments/A1`],
      [
        'Open the official form: Open procurement data',
        `${origin}/town/interpeller?engagement=A1&page=`,
      ],
    ]);
    // Asked by e-mail: its page, and no form.
    await expect(links(d1)).resolves.toEqual([['Bike lanes', `${origin}/plan-2027/D1`]]);

    // From the keyboard, the commitment's page, then its form, each in a tab of its own.
    await a1.getByRole('link', { name: 'Open procurement data', exact: true }).focus();
    let opened = session.context.waitForEvent('page');
    await dash.keyboard.press('Enter');
    const commitment = await opened;
    await commitment.waitForLoadState();
    expect(commitment.url()).toBe(`${origin}/town/commitments/A1`);
    await commitment.close();
    await dash.bringToFront();
    await a1.getByRole('link', { name: 'Open procurement data', exact: true }).focus();
    await dash.keyboard.press('Tab');
    opened = session.context.waitForEvent('page');
    await dash.keyboard.press('Enter');
    const form = await opened;
    await form.waitForLoadState();
    expect(form.url()).toContain('/town/interpeller?engagement=A1');
    await form.close();

    expect(await axeViolations(dash)).toEqual([]);
    await dash.close();
  });

  it('gives a question kept in an older record’s form, its title one string, the same', async () => {
    const { origin } = server;
    const dash = await dashboard();
    await dash.evaluate(
      (feedId) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('open-commitments-extension');
          open.onsuccess = () => {
            const tx = open.result.transaction('questions', 'readwrite');
            tx.objectStore('questions').add({
              feedId,
              commitmentId: 'B1',
              title: 'Participatory budget',
              askedOn: '2026-01-15',
              channel: { kind: 'url', target: '127.0.0.1' },
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      `${origin}/feed.json`,
    );
    await dash.reload();
    const b1 = dash.locator('[data-section="questions"] tr[data-commitment-id="B1"]');
    await expect(b1.locator('[data-question-publisher]').textContent()).resolves.toBe(
      'Test Town · Plan 2026',
    );
    await expect(
      b1.getByRole('link', { name: 'Participatory budget', exact: true }).getAttribute('href'),
    ).resolves.toBe(`${origin}/town/commitments/B1`);
    await expect(
      b1
        .getByRole('link', { name: 'Open the official form: Participatory budget' })
        .getAttribute('href'),
    ).resolves.toBe(`${origin}/town/interpeller?engagement=B1&page=`);
    await dash.close();
  });
});
