/**
 * The toolbar popup against the overlay, in Chromium: it lists the same commitments for a page,
 * those the page links to or marks included, opens a question's details without moving its
 * button, keeps a question the person chose to keep before its form opened (the browser closes
 * the popup then), in a tab behind too (a middle or Ctrl click), on a site page that names none it
 * sums the plan up instead of listing the whole feed, saying first that none is on the page, and
 * on a site where the person hid the panel it says so and shows it again.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.ts';
import {
  type ExtensionSession,
  htmlPage,
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
  server.route('/town/interpeller', {
    body: htmlPage('Question the town', '<form></form>'),
    headers: { 'content-type': 'text/html' },
  });
  server.route('/about.html', { body: htmlPage('About', '<p>No plan here.</p>') });
  server.route('/town/news.html', { body: htmlPage('News', '<p>Nothing about the plan.</p>') });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, `${server.origin}/feed.json`, 'http://127.0.0.1/town/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

const rowIds = (page: Page, scope: string) =>
  page
    .locator(`${scope} li.oc-row`)
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-commitment-id')));

describe('the popup', () => {
  it('lists the commitments the overlay lists, those the page links to or marks included', async () => {
    const url = `${server.origin}/town/project-a.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    await page.locator('open-commitments-overlay li.oc-row').first().waitFor();
    const overlay = await rowIds(page, 'open-commitments-overlay');
    expect(overlay).toEqual(['A1', 'B1', 'C1']);
    const popup = await popupFor(session, url);
    await expect.poll(() => rowIds(popup, 'main')).toEqual(overlay);

    // "Question this" stays on the line of "Follow" once opened; its details take the next line.
    const row = popup.locator('main li.oc-row[data-commitment-id="A1"]');
    const ask = row.getByRole('button', { name: /^Question this/ });
    await ask.click();
    const asked = (await ask.boundingBox())!;
    expect(asked.y).toBe((await row.getByRole('button', { name: /^Follow/ }).boundingBox())!.y);
    const details = (await row.locator('.oc-interpellate').boundingBox())!;
    expect(details.y).toBeGreaterThan(asked.y + asked.height);
    await popup.close();
    await page.close();
  });

  it('keeps a question chosen before the form opens, though the popup closes as it opens', async () => {
    const url = `${server.origin}/town/project-a.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const popup = await popupFor(session, url);
    const row = popup.locator('main li.oc-row[data-commitment-id="A1"]');
    await row.getByRole('button', { name: /^Question this/ }).click();
    await row.getByRole('checkbox', { name: 'Remember this question on this device' }).check();
    const opened = session.context.waitForEvent('page');
    await row.getByRole('link', { name: 'Open the official form' }).click();
    const form = await opened;
    // The browser closes the popup as soon as the form's tab takes focus.
    await popup.close();
    await form.waitForLoadState();
    expect(form.url()).toContain('/town/interpeller?engagement=A1');

    const dash = await session.openPage('dashboard.html');
    const question = dash.locator('[data-section="questions"] [data-commitment-id="A1"]');
    await question.waitFor();
    await expect(question.textContent()).resolves.toContain('Open procurement data');
    await Promise.all([dash.close(), form.close(), page.close()]);
  });

  it('keeps a question chosen before or after its form opens in a tab behind (middle or Ctrl click)', async () => {
    const url = `${server.origin}/town/project-a.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const popup = await popupFor(session, url);
    const forms: Page[] = [];
    const clicks: [string, Parameters<Locator['click']>[0], 'before' | 'after'][] = [
      ['B1', { button: 'middle' }, 'before'],
      ['C1', { modifiers: ['ControlOrMeta'] }, 'after'],
    ];
    for (const [id, click, when] of clicks) {
      const row = popup.locator(`main li.oc-row[data-commitment-id="${id}"]`);
      const keep = row.getByRole('checkbox', { name: 'Remember this question on this device' });
      await row.getByRole('button', { name: /^Question this/ }).click();
      if (when === 'before') await keep.check();
      const opened = session.context.waitForEvent('page');
      await row.getByRole('link', { name: 'Open the official form' }).click(click);
      forms.push(await opened);
      // Ticked once the form is open, the question is kept at once and the box gives way to the
      // status below: a click, as `check()` would wait to see it ticked after it is gone.
      if (when === 'after') await keep.click();
      // A tab opened behind it leaves the popup open: it says the question is kept.
      await expect(row.getByRole('status').textContent()).resolves.toBe(
        'Kept on this device. Nothing leaves your browser.',
      );
    }

    const dash = await session.openPage('dashboard.html');
    const questions = dash.locator('[data-section="questions"] [data-commitment-id]');
    await expect
      .poll(() => questions.evaluateAll((rows) => rows.map((r) => r.dataset['commitmentId'])))
      .toEqual(expect.arrayContaining(['B1', 'C1']));
    await Promise.all([dash.close(), popup.close(), page.close(), ...forms.map((f) => f.close())]);
  });

  it('offers to keep a question after its form is opened from the panel by middle click', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a.html`);
    const row = page.locator('open-commitments-overlay li.oc-row[data-commitment-id="A1"]');
    await row.getByRole('button', { name: /^Question this/ }).click();
    const opened = session.context.waitForEvent('page');
    await row.getByRole('link', { name: 'Open the official form' }).click({ button: 'middle' });
    const form = await opened;
    await row.getByRole('button', { name: 'Remember this question on this device' }).click();
    await expect(row.getByRole('status').textContent()).resolves.toBe(
      'Kept on this device. Nothing leaves your browser.',
    );
    await Promise.all([form.close(), page.close()]);
  });

  it('sums the plan up on a site page that names none of its commitments', async () => {
    const url = `${server.origin}/town/news.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    await page.locator('open-commitments-overlay [data-feed-summary]').waitFor();
    const popup = await popupFor(session, url);
    await popup.locator('[data-feed-summary]').waitFor();
    await expect(popup.locator('[data-feed-summary]').textContent()).resolves.toBe(
      'Test Town\u00a0· Plan 2026\u00a0· 3 commitments\u00a0· 1 late',
    );
    await expect(popup.locator('li.oc-row').count()).resolves.toBe(0);
    // Said first that they are not on this page: under its heading the count would read as theirs.
    await expect(popup.locator('main').innerText()).resolves.toMatch(
      /^Commitments on this page\n+Plans of this site with no commitment on this page:\n+Test Town\u00a0· Plan 2026\u00a0· 3 commitments\u00a0· 1 late\n/,
    );
    await popup.close();
    await page.close();
  });

  it('shows the panel again on a site where it was hidden, without a reload', async () => {
    const url = `${server.origin}/town/project-a.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const overlay = page.locator('open-commitments-overlay');
    await overlay.getByRole('button', { name: 'Never on this site' }).click();
    // The notice that offers to undo it goes after a few seconds, and the panel with it.
    await expect.poll(() => overlay.count(), { timeout: 15_000 }).toBe(0);

    const popup = await popupFor(session, url);
    const hidden = popup.locator('[data-hidden-here]');
    await expect(hidden.textContent()).resolves.toMatch(
      /^The panel and badges are hidden on this site\./,
    );
    await hidden.getByRole('button', { name: 'Show again' }).click();
    await expect(popup.getByRole('status').textContent()).resolves.toBe(
      `The panel and badges show again on ${server.origin}`,
    );
    await overlay.locator('li.oc-row[data-commitment-id="A1"]').waitFor();
    await Promise.all([popup.close(), page.close()]);
  });
  it('says, on a page no feed names, what the extension does and that it sends nobody the pages visited', async () => {
    const url = `${server.origin}/about.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const popup = await popupFor(session, url);
    await popup.getByText('None of your feeds names this page.').waitFor();
    const about = popup.locator('[data-about]');
    await expect(about.textContent()).resolves.toBe(
      'On the official pages that your feeds name, this extension shows how far each commitment has got and how to question the body in charge. ' +
        'On a site that publishes a feed, this window offers to subscribe to it. ' +
        'The pages you visit are sent to nobody, and everything here stays in this browser.',
    );
    await expect(about.isVisible()).resolves.toBe(true);
    await popup.close();
    await page.close();
  });
});
