/**
 * Following and questioning, in Chromium: My commitments tells a person who follows nothing which
 * button follows one; follow a commitment from the popup; a refresh that changes it shows a
 * notification and a dated entry in the dashboard, a new update with its own words, a citizen's
 * new interpellation with its question; a service worker stopped in the middle of a refresh loses
 * nothing; a question kept from the overlay is answered, flagged when overdue, exported and
 * deleted, and one asked from the dashboard is kept too; a dashboard left open in a tab is up to
 * date when the person comes back to it, and brought forward at its recent changes by a change
 * notification rather than opened again; what was recorded in English reads in French once the
 * browser speaks French; revoking the host permission removes the content script.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { startServer, type TestServer } from './support/server.ts';
import {
  ageQuestions,
  type ExtensionSession,
  launchExtension,
  popupFor,
  subscribe,
} from './fixtures/extension/harness.ts';
import { projectPage, townFeed, type TownFeed } from './fixtures/extension/town-feed.ts';

/** The extension API inside the service worker, for `worker.evaluate` callbacks. */
declare const chrome: WxtBrowser;

let session: ExtensionSession;
let server: TestServer;
let feedUrl: string;
let feed: TownFeed;

function publish(edit: (feed: TownFeed) => void, delay = 0): void {
  edit(feed);
  feed.updated = new Date().toISOString();
  server.route('/feed.json', { body: JSON.stringify(feed), delay });
}

/**
 * Asks for a refresh from an extension page, as the options page's "Refresh now" button does, and
 * waits for the background's answer (the refresh and its change records are then done).
 */
async function refreshFromOptions(): Promise<void> {
  const options = await session.openPage('options.html');
  const reply = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }));
  expect(reply).toMatchObject({ ok: true });
  await options.close();
}

async function spyOnNotifications(): Promise<void> {
  await (
    await session.worker()
  ).evaluate(() => {
    const g = globalThis as unknown as { ocNotes: unknown[] };
    g.ocNotes = [];
    const create = chrome.notifications.create.bind(chrome.notifications);
    chrome.notifications.create = ((...args: Parameters<typeof create>) => {
      g.ocNotes.push(args);
      return create(...args);
    }) as typeof create;
  });
}

async function notifications(): Promise<{ title: string; message: string }[]> {
  return (await session.worker()).evaluate(() =>
    (
      (globalThis as unknown as { ocNotes?: [string, { title: string; message: string }][] })
        .ocNotes ?? []
    ).map(([, o]) => ({
      title: o.title,
      message: o.message,
    })),
  );
}

async function dashboard(): Promise<Page> {
  const page = await session.openPage('dashboard.html');
  await page.getByRole('heading', { name: 'Recent changes' }).waitFor();
  return page;
}

beforeAll(async () => {
  server = await startServer();
  feedUrl = `${server.origin}/feed.json`;
  feed = townFeed(server.origin);
  publish(() => undefined);
  server.route('/town/project-a.html', { body: projectPage(server.origin) });
  server.route('/town/interpeller', {
    body: '<!doctype html><title>Form</title><h1>Form</h1>',
    headers: { 'content-type': 'text/html' },
  });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, feedUrl, 'http://127.0.0.1/town/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

describe('following', () => {
  it('says in the popup’s row that following did not go through when the background does not answer, and leaves it unfollowed', async () => {
    const page = await session.context.newPage();
    const url = `${server.origin}/town/project-a.html`;
    await page.goto(url);
    const popup = await popupFor(session, url);
    const row = popup.locator('li.oc-row[data-commitment-id="B1"]');
    await row.waitFor();
    // A background that has stopped answering, as after the extension was updated under the popup.
    await popup.evaluate(() => {
      chrome.runtime.sendMessage = (async () => undefined) as typeof chrome.runtime.sendMessage;
    });
    const follow = row.getByRole('button', { name: 'Follow' });
    await follow.click();
    const alert = row.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(
      /^“Follow” did not go through for .+\. Try again\. Reason: no answer to follow$/,
    );
    await expect(follow.getAttribute('aria-pressed')).resolves.toBe('false');
    await popup.close();
    await page.close();
  });

  it('tells a person who follows nothing yet which button follows one, and where it is', async () => {
    const dash = await dashboard();
    const none = dash.getByText(/^You follow no commitment yet\./);
    await none.waitFor();
    const said = await none.innerText();
    await dash.close();
    // The popup's own word on its button: the panel on the page has none that follows.
    const page = await session.context.newPage();
    const url = `${server.origin}/town/project-a.html`;
    await page.goto(url);
    const popup = await popupFor(session, url);
    const word = await popup
      .locator('li.oc-row[data-commitment-id="A1"]')
      .getByRole('button', { name: /^Follow/ })
      .innerText();
    expect(said).toContain(`then click “${word}”`);
    // A browser may keep the extension's button in its extensions menu, off the toolbar.
    expect(said).toContain('extensions menu');
    await popup.close();
    await page.close();
  });

  it('follows a commitment from the popup', async () => {
    const page = await session.context.newPage();
    const url = `${server.origin}/town/project-a.html`;
    await page.goto(url);
    const tabId = await (
      await session.worker()
    ).evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
    const popup = await session.openPage(`popup.html?tab=${tabId}`);
    const follow = popup
      .locator('[data-commitment-id="A1"]')
      .getByRole('button', { name: 'Follow' });
    const mark = () => follow.evaluate((button) => getComputedStyle(button, '::before').content);
    await expect(mark()).resolves.toBe('none');
    await follow.click();
    await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
    // Pressed, it shows a check mark, which screen readers do not read: its name stays the same.
    await expect(mark()).resolves.toMatch(/^"✓"/);
    await expect(
      popup
        .getByRole('button', { name: 'Follow: Open procurement data', exact: true, pressed: true })
        .count(),
    ).resolves.toBe(1);
    await popup.close();
    await page.close();
    const dash = await dashboard();
    const followed = dash.locator('[data-section="followed"]');
    await followed.locator('[data-commitment-id="A1"]').waitFor();
    // Away from the town's site, the page says whose commitment it is, above it.
    await expect(followed.innerText()).resolves.toMatch(
      /^Test Town · Plan 2026\n+Open procurement data\n/,
    );
    await dash.close();
  });

  it('notifies a change of a followed commitment and lists it with its date', async () => {
    await spyOnNotifications();
    publish((f) => {
      const a1 = f.commitments[0]!;
      Object.assign(a1, { status: 'avance', progress: 70 });
      a1.updates?.push(
        { date: '2026-11-20', note: { en: 'Contract signed', fr: 'Marché signé' } },
        { date: '2026-11-21', note: { en: '<em>Lot 2</em>\nawarded', fr: '<em>Lot 2</em>' } },
      );
      Object.assign(a1, {
        interpellations: [
          {
            id: 'Q0',
            date: '2026-11-20',
            question: {
              en: 'Why is the <b>register</b> late?',
              fr: 'Pourquoi le registre est-il en retard ?',
            },
            status: 'open',
          },
        ],
      });
    });
    await refreshFromOptions();
    await expect.poll(notifications, { timeout: 10_000 }).toHaveLength(1);
    const [note] = await notifications();
    expect(note!.title).toBe('Open procurement data');
    // Whose commitment it is comes first: with several feeds, its title alone does not say.
    expect(note!.message.split('\n')[0]).toBe('Test Town');
    // The notification carries no direction controls, which many notification centres draw as
    // boxes; My commitments isolates the publisher's words (U+2068 … U+2069) inside its sentences.
    expect(note!.message).not.toMatch(/[\u2066-\u2069\u202a-\u202e]/);
    expect(note!.message).toContain('Status: Under way → Well advanced');
    expect(note!.message).toContain('Progress: 30% → 70%');
    // A new update is told with its own words, in the reader's language.
    expect(note!.message).toContain('New update (November 20, 2026): Contract signed');
    // So is a citizen's new interpellation, with the date it was asked and its words, quoted.
    expect(note!.message).toContain(
      'New citizen question (November 20, 2026): “Why is the <b>register</b> late?”',
    );
    const statusLine = 'Status: \u2068Under way\u2069 → \u2068Well advanced\u2069';
    const updateLine = 'New update (November 20, 2026): \u2068Contract signed\u2069';
    const questionLine =
      'New citizen question (November 20, 2026): “\u2068Why is the <b>register</b> late?\u2069”';
    const dash = await dashboard();
    const change = dash.locator('[data-section="changes"] [data-commitment-id="A1"]');
    await change.waitFor();
    await expect(change.locator('[data-change-publisher]').innerText()).resolves.toBe('Test Town');
    await expect(change.textContent()).resolves.toContain(statusLine);
    await expect(change.getByText(updateLine, { exact: true }).count()).resolves.toBe(1);
    // A note's markup is shown as the text it is, on the line.
    await expect(
      change
        .getByText('New update (November 21, 2026): \u2068<em>Lot 2</em> awarded\u2069', {
          exact: true,
        })
        .count(),
    ).resolves.toBe(1);
    await expect(change.getByText(questionLine, { exact: true }).count()).resolves.toBe(1);
    await expect(change.locator('em, b').count()).resolves.toBe(0);
    await expect(change.locator('time').getAttribute('datetime')).resolves.toMatch(
      /^\d{4}-\d{2}-\d{2}T/,
    );
    await dash.close();
  });

  it('loses nothing when the service worker is stopped in the middle of a refresh', async () => {
    publish((f) => Object.assign(f.commitments[0]!, { due: '2027-12-31' }), 4000);
    const seen = server.requests.length;
    const options = await session.openPage('options.html');
    void options
      .evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' }))
      .catch(() => undefined);
    await expect
      .poll(() => server.requests.slice(seen).includes('/feed.json'), { timeout: 10_000 })
      .toBe(true);
    const cdp = await session.context.newCDPSession(options);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions)
        if (v.scriptURL.endsWith('/background.js')) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('stopped');
    await options.close();
    // The publisher answers normally now; the next refresh (here asked for, else the alarm) runs.
    publish(() => undefined);
    await refreshFromOptions();
    const dash = await dashboard();
    const dueChanges = dash.locator('[data-section="changes"] li.oc-row', {
      hasText: 'Due date: June 30, 2027 → December 31, 2027',
    });
    await expect.poll(() => dueChanges.count(), { timeout: 10_000 }).toBe(1);
    await dash.close();
  });
});

describe('questioning', () => {
  it('keeps a question, notifies its answer, flags it when overdue, exports and deletes it, and keeps one asked from My commitments', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/town/project-a.html`);
    const row = page.locator('open-commitments-overlay li[data-commitment-id="A1"]');
    await row.getByRole('button', { name: 'Question this' }).click();
    const opened = session.context.waitForEvent('page');
    await row.getByRole('link', { name: 'Open the official form' }).click();
    const form = await opened;
    await form.waitForLoadState();
    expect(form.url()).toContain('/town/interpeller?engagement=A1');
    await form.close();
    await row.getByRole('button', { name: 'Remember this question on this device' }).click();
    await row.getByRole('status').waitFor();
    await page.close();

    const dash = await dashboard();
    const question = dash.locator('[data-section="questions"] [data-commitment-id="A1"]');
    await question.waitFor();
    await expect(question.textContent()).resolves.toMatch(/answer due \w+ \d+, \d{4}/);

    await spyOnNotifications();
    const today = new Date().toISOString().slice(0, 10);
    publish((f) =>
      Object.assign(f.commitments[0]!, {
        interpellations: [
          {
            id: 'Q1',
            date: today,
            question: 'When?',
            status: 'answered',
            answer: { date: today, text: 'Next spring.' },
          },
        ],
      }),
    );
    await refreshFromOptions();
    await expect
      .poll(async () => (await notifications()).map((n) => n.message).join('\n'), {
        timeout: 10_000,
      })
      .toContain('Answer published');
    await dash.reload();
    await expect(question.textContent()).resolves.toContain('Answer published');

    // Time passes: an unanswered question whose answer date is behind us is flagged.
    await ageQuestions(dash, '2020-01-01', '2020-01-31');
    await dash.reload();
    await expect(question.getAttribute('class')).resolves.toContain('oc-overdue');
    await expect(question.textContent()).resolves.toContain('Overdue');

    const download = dash.waitForEvent('download');
    await dash.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFfeed,commitment,title,asked_on,channel,channel_target,answer_due,answered_on',
    );
    expect(csv).toContain(
      `${feedUrl},A1,Open procurement data,2020-01-01,url,127.0.0.1:${server.port},2020-01-31,`,
    );

    // Asked first, since its date would go with it: Escape keeps it.
    await question.getByRole('button', { name: 'Delete' }).click();
    const ask = question.getByRole('group');
    await expect(ask.textContent()).resolves.toContain('The date you asked it goes with it.');
    // Focus is on the question, read out as it opens.
    await expect.poll(() => ask.evaluate((g) => g.contains(document.activeElement))).toBe(true);
    await dash.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    await question.getByRole('button', { name: 'Delete' }).click();
    await question.getByRole('button', { name: 'Yes, delete' }).click();
    await question.waitFor({ state: 'detached' });

    // Questioned again from My commitments itself, which has no page: kept all the same.
    const followed = dash.locator('[data-section="followed"] [data-commitment-id="A1"]');
    await followed.getByRole('button', { name: 'Question this' }).click();
    const again = session.context.waitForEvent('page');
    await followed.getByRole('link', { name: 'Open the official form' }).click();
    await (await again).close();
    await followed.getByRole('button', { name: 'Remember this question on this device' }).click();
    await expect(followed.getByRole('status').textContent()).resolves.toBe(
      'Kept on this device. Nothing leaves your browser.',
    );
    await expect(question.textContent()).resolves.toMatch(/answer due \w+ \d+, \d{4}/);
    await dash.close();
  });
});

describe('My commitments left open in a tab', () => {
  it('lists what was followed from the popup meanwhile once the person is back on its tab', async () => {
    const dash = await dashboard();
    const followed = dash.locator('[data-section="followed"] [data-commitment-id="C1"]');
    await expect(followed.count()).resolves.toBe(0);

    const url = `${server.origin}/town/project-a.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const popup = await popupFor(session, url);
    const follow = popup
      .locator('[data-commitment-id="C1"]')
      .getByRole('button', { name: 'Follow' });
    await follow.click();
    await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
    await Promise.all([popup.close(), page.close()]);

    // The browser tells a tab shown again (headless Chromium shows every tab, so it is told here).
    await dash.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await followed.waitFor();
    await dash.close();
  });

  it('is brought forward at its recent changes by a change notification, not opened again', async () => {
    const dashboards = () =>
      session.context.pages().filter((p) => p.url().includes('/dashboard.html'));
    // The person clicks a change notification (headless Chromium shows none to click).
    const click = async () =>
      (await session.worker()).evaluate(() =>
        (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(
          'oc-change-1',
        ),
      );
    await click();
    await expect.poll(() => dashboards().length).toBe(1);
    const dash = dashboards()[0]!;
    const heading = dash.getByRole('heading', { name: 'Recent changes' });
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
    // Small enough that the page scrolls.
    await dash.setViewportSize({ width: 320, height: 240 });
    const shown = () =>
      heading.evaluate(
        (h) =>
          h === document.activeElement &&
          h.getBoundingClientRect().top > -1 &&
          h.getBoundingClientRect().top < innerHeight,
      );
    const tabId = await dash.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
    const active = async () =>
      (await session.worker()).evaluate(async (id) => (await chrome.tabs.get(id)).active, tabId);

    // Another tab in front, the dashboard scrolled back to its top: a click brings it back there.
    for (const hash of ['', '#oc-changes']) {
      await dash.evaluate((h) => {
        history.replaceState(null, '', h || location.pathname);
        (document.activeElement as HTMLElement).blur();
        scrollTo(0, 0);
      }, hash);
      const other = await session.context.newPage();
      await expect.poll(active).toBe(false);
      await click();
      await expect.poll(active).toBe(true);
      await expect.poll(shown).toBe(true);
      expect(dashboards()).toHaveLength(1);
      await other.close();
    }
    await dash.close();
  });
});

describe('My commitments in front at its recent changes', () => {
  it('lists a change once its notification is clicked', async () => {
    const dash = await dashboard();
    await dash.evaluate(() => history.replaceState(null, '', '#oc-changes'));
    const change = dash.locator('[data-section="changes"] [data-commitment-id="C1"]');
    await expect(change.count()).resolves.toBe(0);
    publish((f) =>
      Object.assign(
        f.commitments.find((c) => c.id === 'C1')!,
        { status: 'limited' },
      ),
    );
    await refreshFromOptions();
    await dash.bringToFront();
    // The person clicks the notification (headless Chromium shows none to click).
    await (
      await session.worker()
    ).evaluate(() =>
      (chrome.notifications.onClicked as unknown as { dispatch(id: string): void }).dispatch(
        'oc-change-1',
      ),
    );
    await change.first().waitFor();
    await expect(change.first().textContent()).resolves.toContain('Lobby register');
    expect(session.context.pages().filter((p) => p.url().includes('/dashboard.html'))).toHaveLength(
      1,
    );
    await dash.close();
  });
});

describe('in another language', () => {
  it('words the changes and questions kept so far in French once the browser speaks French', async () => {
    await session.context.close();
    session = await launchExtension({ locale: 'fr-FR', profileDir: session.profileDir });
    const dash = await session.openPage('dashboard.html');
    await dash.getByRole('heading', { name: 'Changements récents' }).waitFor();
    const change = dash.locator('[data-section="changes"] [data-commitment-id="A1"]', {
      hasText: 'État',
    });
    await expect(change.textContent()).resolves.toContain(
      'Ouvrir les données des marchés' +
        'Ville de Test' +
        'État\u00a0: \u2068En cours\u2069 → \u2068Bien avancé\u2069' +
        'Avancement\u00a0: 30\u00a0% → 70\u00a0%' +
        'Nouvelle mise à jour (20 novembre 2026)\u00a0: \u2068Marché signé\u2069',
    );
    await expect(
      change
        .getByText(
          'Nouvelle interpellation (20 novembre 2026)\u00a0: «\u00a0\u2068Pourquoi le registre est-il en retard ?\u2069\u00a0»',
          { exact: true },
        )
        .count(),
    ).resolves.toBe(1);
    const question = dash.locator('[data-section="questions"] [data-commitment-id="A1"]');
    await expect(question.locator('strong').textContent()).resolves.toBe(
      'Ouvrir les données des marchés',
    );
    await dash.close();
  });
});

describe('permissions', () => {
  it('removes the content script when the person revokes the host permission', async () => {
    const worker = await session.worker();
    await worker.evaluate(() => chrome.permissions.remove({ origins: ['http://127.0.0.1/*'] }));
    await expect
      .poll(
        async () =>
          (
            await (
              await session.worker()
            ).evaluate(async () =>
              (await chrome.scripting.getRegisteredContentScripts()).flatMap(
                (s) => s.matches ?? [],
              ),
            )
          ).some((p) => p.includes('127.0.0.1')),
        { timeout: 10_000 },
      )
      .toBe(false);
  });
});
