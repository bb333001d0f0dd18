/**
 * The extension from its first run, with only the bundled directory: the overlay on a real
 * feed's page (France's OGP plan, routed so no network is needed), each of its two plans named
 * on its member page and above its commitments, nothing on a page no feed names, the fictional
 * Valfleurie's statuses, interpellation offer and inline badges, the popup, accessibility of
 * the overlay, the feeds page opened once on installing, and, in French, the two plans' names
 * whole in the options on a narrow screen.
 */
import { readFileSync } from 'node:fs';
import type { WxtBrowser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  htmlPage,
  launchExtension,
  waitForRegistration,
  type ExtensionSession,
} from './fixtures/extension/harness.ts';

/** The extension API inside the service worker, for `worker.evaluate` callbacks. */
declare const chrome: WxtBrowser;

let session: ExtensionSession;

const ogpPage = 'https://www.opengovpartnership.org/members/france/commitments/FR0051/';

beforeAll(async () => {
  session = await launchExtension();
  await session.context.route('https://www.opengovpartnership.org/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: htmlPage(
        'Support for the digital commons',
        '<p>Commitment FR0051 of the 2021-2023 plan.</p>',
      ),
    }),
  );
  await session.context.route('https://www.valfleurie.example/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = path.startsWith('/assemblee-climat')
      ? htmlPage('Assemblée citoyenne pour le climat', '<p>Page about one commitment.</p>')
      : htmlPage(
          'Commune de Valfleurie',
          '<p>Le plan : <a href="https://www.valfleurie.example/commune-ouverte/marches-publics">marchés publics</a>.</p>' +
            '<h2 data-commitment="VF-02">Un engagement marqué</h2>',
        );
    return route.fulfill({ contentType: 'text/html', body });
  });
  await waitForRegistration(session);
});

afterAll(async () => {
  await session?.context.close();
});

describe('bundled feeds', () => {
  it('registers the content script only on the bundled feeds’ pages', async () => {
    const matches = await waitForRegistration(session);
    expect(
      matches.every(
        (p) => p.includes('opengovpartnership.org') || p.includes('valfleurie.example'),
      ),
    ).toBe(true);
    expect(matches).not.toContain('<all_urls>');
    const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('opens its popup with Alt+Shift+O, a keyboard way to the page’s commitments', async () => {
    const worker = await session.worker();
    const commands = await worker.evaluate(async () => chrome.commands.getAll());
    expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+O');
  });

  it('shows a real plan’s commitment in the overlay on its OGP page', async () => {
    const page = await session.context.newPage();
    await page.goto(ogpPage);
    const row = page.locator('open-commitments-overlay [data-commitment-id="FR0051"]');
    await row.waitFor({ timeout: 15_000 });
    await expect(row.textContent()).resolves.toContain('Support for the digital commons');
    await expect(row.locator('.oc-status').getAttribute('data-category')).resolves.toBe('unknown');
    await expect(row.locator('.oc-status').textContent()).resolves.toBe('Unknown');
    // Heard as "Status: Unknown", not a bare word.
    await expect(row.locator('.oc-meta').textContent()).resolves.toMatch(/^Status: Unknown/);
    // The real plan publishes no interpellation channel: no link is invented.
    await expect(row.locator('text=Question this').count()).resolves.toBe(0);
    await page.close();
  });

  it('names each of France’s two plans summed up on its OGP member page', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.opengovpartnership.org/members/france/');
    const summaries = page.locator('open-commitments-overlay [data-feed-summary]');
    await summaries.first().waitFor({ timeout: 15_000 });
    const lines = (await summaries.allTextContents()).sort();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^Government of France\u00a0· France Action Plan 2018-2020\u00a0· 18 commitments/,
    );
    expect(lines[1]).toMatch(
      /^Government of France\u00a0· France Action Plan 2021-2023\u00a0· 19 commitments/,
    );
    await page.close();
  });

  it('names publisher and plan above each plan’s rows, and says once per plan that none can be questioned', async () => {
    const list = 'https://www.opengovpartnership.org/members/france/commitments/';
    const links = ['FR0034', 'FR0051', 'FR0054']
      .map((id) => `<li><a href="/members/france/commitments/${id}/">${id}</a></li>`)
      .join('');
    await session.context.route(list, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: htmlPage('Commitments', `<ul>${links}</ul>`),
      }),
    );
    const page = await session.context.newPage();
    await page.goto(list);
    const heads = page.locator('open-commitments-overlay [data-feed-publisher]');
    await expect
      .poll(() => heads.allTextContents(), { timeout: 15_000 })
      .toEqual([
        'Government of France · France Action Plan 2018-2020',
        'Government of France · France Action Plan 2021-2023',
      ]);
    // Neither plan offers a way to question it: said once above the 2021-2023 plan's two rows,
    // and on the 2018-2020 plan's one row.
    const overlay = page.locator('open-commitments-overlay');
    const noChannel = overlay.getByText('This publisher offers no way to question it formally.');
    await expect(noChannel.count()).resolves.toBe(2);
    await expect(overlay.locator('li.oc-row .oc-no-channel').count()).resolves.toBe(1);
    await page.close();
    await session.context.unroute(list);
  });

  it('injects nothing on a page no feed names', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.opengovpartnership.org/about/');
    await page.waitForTimeout(1500);
    await expect(page.locator('open-commitments-overlay').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows status, interpellation details and inline badges on the fictional town’s pages', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.valfleurie.example/assemblee-climat/seance-1');
    const row = page.locator('open-commitments-overlay li[data-commitment-id]').first();
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: 'Question this' }).click();
    const details = row.locator('.oc-interpellate');
    await expect(details.textContent()).resolves.toContain(
      'Opens on participer.valfleurie.example',
    );
    await expect(details.textContent()).resolves.toContain('within 30 days');
    await expect(details.textContent()).resolves.toContain('50 supporters');
    const href = await row.locator('[data-interpellation-link]').getAttribute('href');
    expect(href).toMatch(/^https:\/\/participer\.valfleurie\.example\/interpeller\?engagement=/);
    expect(decodeURIComponent(href!)).toContain(
      'https://www.valfleurie.example/assemblee-climat/seance-1',
    );

    await page.goto('https://www.valfleurie.example/');
    const marked = page.locator(
      'h2[data-commitment="VF-02"] open-commitments-badge[data-commitment-id="VF-02"]',
    );
    await marked.waitFor({ timeout: 15_000 });
    await expect(marked.locator('.oc-status').count()).resolves.toBe(1);
    await page.close();
  });

  it('lists the tab’s commitments in the popup', async () => {
    const page = await session.context.newPage();
    await page.goto(ogpPage);
    const tabId = await (
      await session.worker()
    ).evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return tab?.id;
    }, ogpPage);
    const popup = await session.openPage(`popup.html?tab=${tabId}`);
    await popup.locator('[data-commitment-id="FR0051"]').waitFor({ timeout: 15_000 });
    await popup.close();
    await page.close();
  });

  it('is accessible: overlay on a page, popup, options and dashboard (axe-core)', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.valfleurie.example/assemblee-climat/seance-1');
    await page.locator('open-commitments-overlay li[data-commitment-id]').first().waitFor();
    await page
      .locator('open-commitments-overlay')
      .getByRole('button', { name: 'Question this' })
      .first()
      .click();
    expect(await axeViolations(page)).toEqual([]);
    const tabId = await (
      await session.worker()
    ).evaluate(
      async () => (await chrome.tabs.query({ url: 'https://www.valfleurie.example/*' }))[0]?.id,
    );
    for (const path of [`popup.html?tab=${tabId}`, 'options.html', 'dashboard.html']) {
      const extensionPage = await session.openPage(path);
      await extensionPage.locator('main h1').waitFor();
      await extensionPage.waitForLoadState('networkidle');
      expect(await axeViolations(extensionPage), path).toEqual([]);
      await extensionPage.close();
    }
    await page.close();
  });

  it('offers to undo hiding it on a site, and shows it there again when undone', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.valfleurie.example/');
    const overlay = page.locator('open-commitments-overlay');
    const firstRow = overlay.locator('li[data-commitment-id]').first();
    await firstRow.waitFor();
    const badges = page.locator('open-commitments-badge');
    await page.locator('h2 open-commitments-badge[data-commitment-id="VF-02"]').waitFor();
    const badgeCount = await badges.count();
    await page.getByRole('button', { name: 'Never on this site' }).click();
    // A polite status takes the panel's place, its Undo button focused; the inline badges go at
    // once, long before the notice ends.
    const notice = overlay.getByRole('status');
    await expect(notice.textContent()).resolves.toBe('Panel and badges hidden on this site. Undo');
    await expect(firstRow.isVisible()).resolves.toBe(false);
    await badges.first().waitFor({ state: 'detached', timeout: 2000 });
    // What the page adds meanwhile gets no badge either.
    await page.evaluate(() => {
      const added = document.createElement('p');
      added.id = 'added';
      added.dataset['commitment'] = 'VF-02';
      added.textContent = 'Ajouté plus tard';
      document.body.append(added);
    });
    await page.waitForTimeout(1000);
    await expect(badges.count()).resolves.toBe(0);
    const undo = notice.getByRole('button', { name: 'Undo' });
    await expect(
      undo.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b),
    ).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // A click the page's own script makes does not undo it.
    await page.evaluate(() =>
      document
        .querySelector('open-commitments-overlay')
        ?.shadowRoot?.querySelector<HTMLElement>('[role="status"] button')
        ?.click(),
    );
    await expect(notice.textContent()).resolves.toBe('Panel and badges hidden on this site. Undo');

    await undo.click();
    await firstRow.waitFor();
    await expect(notice.textContent()).resolves.toBe('');
    // The badges come back, the one for what the page added too.
    await page.locator('#added open-commitments-badge[data-commitment-id="VF-02"]').waitFor();
    await expect(badges.count()).resolves.toBe(badgeCount + 1);
    const hidden = await (
      await session.worker()
    ).evaluate(async () => (await chrome.storage.local.get('hiddenOrigins'))['hiddenOrigins']);
    expect(hidden ?? []).not.toContain('https://www.valfleurie.example');
    await page.reload();
    await firstRow.waitFor();
    await page.close();
  });

  it('stays away from a site where the person hid it, until shown again', async () => {
    const page = await session.context.newPage();
    const url = 'https://www.valfleurie.example/';
    await page.goto(url);
    await page.locator('open-commitments-overlay li[data-commitment-id]').first().waitFor();
    await page.locator('open-commitments-badge').first().waitFor();
    await page.getByRole('button', { name: 'Never on this site' }).click();
    await expect(
      page.locator('open-commitments-overlay').getByRole('status').textContent(),
    ).resolves.toBe('Panel and badges hidden on this site. Undo');
    // Not undone, the notice goes by itself after a few seconds.
    await page.locator('open-commitments-overlay').waitFor({ state: 'detached', timeout: 15_000 });
    await page.reload();
    await page.waitForTimeout(1500);
    await expect(
      page.locator('open-commitments-overlay, open-commitments-badge').count(),
    ).resolves.toBe(0);

    const options = await session.openPage('options.html');
    const hidden = options
      .getByRole('listitem')
      .filter({ hasText: 'https://www.valfleurie.example' });
    await hidden.getByRole('button', { name: 'Show again' }).click();
    await hidden.waitFor({ state: 'detached' });
    await options.close();
    await page.reload();
    await page.locator('open-commitments-overlay li[data-commitment-id]').first().waitFor();
    await page.locator('open-commitments-badge').first().waitFor();
    await page.close();
  });
});

describe('installing', () => {
  it('opens the feeds page once, saying what the extension does and that it sends no one the pages visited, and not at the next start', async () => {
    const fresh = await launchExtension({ keepWelcome: true });
    const feedsPages = (s: ExtensionSession) =>
      s.context
        .pages()
        .filter((p) => p.url() === `chrome-extension://${s.extensionId}/options.html`);
    await waitForRegistration(fresh);
    expect(feedsPages(fresh)).toHaveLength(1);
    const page = feedsPages(fresh)[0]!;
    await page.getByRole('heading', { name: 'Open Commitments: feeds', level: 1 }).waitFor();
    await expect(page.locator('[data-about]').textContent()).resolves.toBe(
      'On the official pages that your feeds name, this extension shows how far each commitment has got and how to question the body in charge. ' +
        'The pages you visit are sent to nobody, and everything here stays in this browser.',
    );
    await page.close();
    await fresh.context.close();
    const again = await launchExtension({ profileDir: fresh.profileDir });
    await waitForRegistration(again);
    // The browser's start is set up (the content script registered again) and opened nothing.
    await (await again.worker()).evaluate(() => new Promise((r) => setTimeout(r, 500)));
    expect(feedsPages(again)).toHaveLength(0);
    await again.context.close();
  });
});

describe('bundled feeds in French', () => {
  it('names each of France’s two plans whole in the options within a 320 px screen', async () => {
    const french = await launchExtension({ locale: 'fr-FR' });
    try {
      const options = await french.openPage('options.html');
      await options.setViewportSize({ width: 320, height: 800 });
      const rows = options.locator('[data-feed-id^="bundled:fr-"] th');
      await expect.poll(() => rows.count()).toBe(2);
      const names = await rows.evaluateAll((ths) =>
        ths.map((th) => {
          const name = th.querySelector('strong')!;
          // Nothing of the name is cut off: no box inside it hides what overflows.
          const cut = [name, ...name.querySelectorAll('*')].some(
            (box) =>
              box.scrollHeight > box.clientHeight + 1 &&
              getComputedStyle(box).overflow === 'hidden',
          );
          return { text: name.textContent, cut };
        }),
      );
      expect(names).toEqual([
        { text: 'Plan d’action national pour un gouvernement ouvert 2018-2020', cut: false },
        { text: 'Plan d’action national pour un gouvernement ouvert 2021-2023', cut: false },
      ]);
    } finally {
      await french.context.close();
    }
  });
});
