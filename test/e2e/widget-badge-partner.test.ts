/**
 * The badge as a partner site places it (a university's or a ministry's page showing another body's
 * commitment), in real Chromium: a page zoomed by a text-size tool, a feed that stays down, a modal
 * dialog of the page, details taller than a window zoomed to 200%, a badge's words alone on a dark
 * page or in a dark theme, a keyboard reader going back to the details button, and a table of
 * badges of a feed that is down.
 */
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  bundledFeed,
  hostPage,
  serveFeed,
  settled,
  widgetChromium,
} from './fixtures/widget/harness.ts';

const TODAY = '2026-12-04';

const chromium = widgetChromium();

const badge = (id: string, src = '/feeds/valfleurie.json') =>
  `<open-commitment-badge src="${src}" commitment="${id}" today="${TODAY}"></open-commitment-badge>`;

describe('a page zoomed with CSS, as text-size tools do', () => {
  it('opens the details next to their badge and inside the window', async () => {
    for (const width of [390, 1000]) {
      const context = await chromium.newContext({ viewport: { width, height: 700 } });
      const page = await context.newPage();
      await page.goto(
        hostPage(chromium.server, `/partner-zoom-${width}.html`, {
          scripts: ['/dist/open-commitment-badge.js'],
          head: '<style>body { zoom: 2 }</style>',
          // The second badge further down the page, which scrolls to it.
          body: `<p>État : ${badge('VF-01')}</p><div style="height: 250px"></div><p>Livré : ${badge('VF-02')}</p>
            <p style="height: 1200px">Suite de la page.</p>`,
        }),
      );
      for (const id of ['VF-01', 'VF-02']) {
        const host = `open-commitment-badge[commitment="${id}"]`;
        await settled(page, host);
        const toggle = page.locator(`${host} [part="toggle"]`);
        await toggle.click();
        const line = (await page.locator(`${host} .line`).boundingBox())!;
        const box = (await page.locator(`${host} [part="popover"]`).boundingBox())!;
        const where = `${id} at ${width} px`;
        expect(box.x, where).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, where).toBeLessThanOrEqual(width);
        expect(box.y, where).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, where).toBeLessThanOrEqual(700);
        // Right under the badge, or right above it when there is more room there.
        const distance =
          box.y >= line.y + line.height
            ? box.y - (line.y + line.height)
            : line.y - (box.y + box.height);
        expect(distance, where).toBeGreaterThanOrEqual(0);
        expect(distance, where).toBeLessThan(40);
        if (id === 'VF-01') expect(await axeViolations(page), where).toEqual([]);
        await page.keyboard.press('Escape');
      }
      await context.close();
    }
  });
});

describe('a feed that stays down', () => {
  it('says once that the commitment is unavailable, not again at each failed retry', async () => {
    chromium.server.route('/feeds/partner-down.json', { status: 503, body: 'Service unavailable' });
    const context = await chromium.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const failures = { count: 0 };
      Object.assign(window, { failures });
      document.addEventListener('oc-error', () => (failures.count += 1));
    });
    await page.goto(
      hostPage(chromium.server, '/partner-down.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        body: `<p>État : ${badge('VF-01', '/feeds/partner-down.json')}</p>`,
      }),
    );
    const alert = page.locator('open-commitment-badge [role="alert"]');
    await alert.waitFor();
    const said = await alert.elementHandle();
    const failures = () =>
      page.evaluate(() => (window as unknown as { failures: { count: number } }).failures.count);
    expect(await failures()).toBe(1);
    // Back online, the badge asks again, and the feed fails again.
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(failures).toBe(2);
    expect(await alert.textContent()).toBe('Engagement indisponible');
    expect(await alert.count()).toBe(1);
    // The alert the reader heard, not a new one read out again.
    expect(await said!.evaluate((element) => element.isConnected)).toBe(true);
  });
});

describe('a badge in a dialog of the page', () => {
  it('closes its details on Escape and leaves the dialog open, focus on its button', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    await page.goto(
      hostPage(chromium.server, '/partner-dialog.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        body: `<button type="button" id="open">Voir la fiche</button>
          <dialog aria-labelledby="sheet"><h2 id="sheet">Fiche</h2><p>État : ${badge('VF-01')}</p>
          <form method="dialog"><button>Fermer</button></form></dialog>
          <script type="module">
            document.getElementById('open').addEventListener('click', () => document.querySelector('dialog').showModal());
          </script>`,
      }),
    );
    await page.locator('#open').click();
    await settled(page, 'open-commitment-badge');
    const dialogOpen = () => page.locator('dialog').evaluate((d) => (d as HTMLDialogElement).open);
    const toggle = page.locator('open-commitment-badge [part="toggle"]');
    const popover = page.locator('open-commitment-badge [part="popover"]');
    await page.locator('open-commitment-badge [part="link"]').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await popover.isVisible()).toBe(false);
    expect(await dialogOpen()).toBe(true);
    expect(
      await toggle.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el),
    ).toBe(true);
    // Escape again, the details closed: the dialog's to close.
    await page.keyboard.press('Escape');
    expect(await dialogOpen()).toBe(false);
  });
});

describe('details taller than the window', () => {
  it('let the keyboard reach them to scroll them, in a page in English zoomed to 200%', async () => {
    // A publisher with no interpellation channel: nothing to focus in the details.
    const feed = bundledFeed('valfleurie');
    delete feed.interpellation;
    serveFeed(chromium.server, '/feeds/partner-no-channel.json', feed);
    // A window of 1280 × 720 at 200%.
    const context = await chromium.newContext({
      viewport: { width: 640, height: 360 },
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    await page.goto(
      hostPage(chromium.server, '/partner-tall-details.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        lang: 'en',
        body: `<p>Status: ${badge('VF-01', '/feeds/partner-no-channel.json')}</p>
          <p style="height: 1200px">More of the page.</p>`,
      }),
    );
    await settled(page, 'open-commitment-badge');
    const popover = page.locator('open-commitment-badge [part="popover"]');
    await page.locator('open-commitment-badge [part="link"]').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await popover.textContent()).toContain('This publisher offers no way to question it');
    expect(await axeViolations(page)).toEqual([]);
    // From the details button, Tab goes into them, and Escape brings focus back.
    await page.keyboard.press('Tab');
    const focused = () =>
      page
        .locator('open-commitment-badge')
        .evaluate((host) => host.shadowRoot!.activeElement?.getAttribute('part'));
    expect(await focused()).toBe('popover');
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('toggle');
    expect(await popover.isVisible()).toBe(false);
  });
});

describe('a badge without its commitment to show', () => {
  it('says so readably on a light page read in a dark theme, and on a dark page', async () => {
    chromium.server.route('/feeds/partner-unreadable.json', { status: 503, body: 'Down' });
    const pages = [
      { scheme: 'dark', background: '#fff', color: '#1a1a1a' },
      { scheme: 'light', background: '#121212', color: '#eee' },
    ] as const;
    for (const { scheme, background, color } of pages) {
      const context = await chromium.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(
        hostPage(chromium.server, `/partner-unavailable-${scheme}.html`, {
          scripts: ['/dist/open-commitment-badge.js'],
          head: `<style>body { background: ${background}; color: ${color} }</style>`,
          body: `<p>Marchés publics : ${badge('VF-01', '/feeds/partner-unreadable.json')}</p>
            <p>Écoles : ${badge('VF-99')}</p>`,
        }),
      );
      const unavailable = page.locator('open-commitment-badge [role="alert"]');
      await unavailable.waitFor();
      expect(await unavailable.textContent()).toBe('Engagement indisponible');
      const missing = page.locator('open-commitment-badge[commitment="VF-99"] [part="base"]');
      await expect
        .poll(() => missing.textContent())
        .toBe('L’engagement «\u00a0VF-99\u00a0» ne figure pas dans ce plan.');
      expect(await axeViolations(page), `${scheme} theme, page ${background}`).toEqual([]);
    }
  });
});

describe('a keyboard reader going back to the details button', () => {
  it('finds the details as they left them, the interpellation action still open', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    await page.goto(
      hostPage(chromium.server, '/partner-keyboard-back.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        body: `<p>État : ${badge('VF-01')}</p><p><a href="#suite">Suite</a></p>`,
      }),
    );
    await settled(page, 'open-commitment-badge');
    const ask = page.locator('open-commitment-badge [part="ask"] > button');
    const focused = () =>
      page
        .locator('open-commitment-badge')
        .evaluate((host) => host.shadowRoot!.activeElement?.getAttribute('part'));
    await page.locator('open-commitment-badge [part="link"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await ask.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('toggle');
    expect(await ask.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('open-commitment-badge .ask-panel').isVisible()).toBe(true);
    // And on again to where they were.
    await page.keyboard.press('Tab');
    expect(await ask.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(
      true,
    );
  });
});

describe('several badges of a feed that is down', () => {
  it('say once in an alert that their commitments are unavailable, each showing it', async () => {
    chromium.server.route('/feeds/partner-table-down.json', { status: 503, body: 'Down' });
    const context = await chromium.newContext();
    const page = await context.newPage();
    const row = (id: string) =>
      `<tr><th scope="row">${id}</th><td>${badge(id, '/feeds/partner-table-down.json')}</td></tr>`;
    await page.goto(
      hostPage(chromium.server, '/partner-table-down.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        body: `<table><caption>Engagements de la commune</caption>
          <tr><th scope="col">Engagement</th><th scope="col">État</th></tr>
          ${['VF-01', 'VF-02', 'VF-03'].map(row).join('')}</table>`,
      }),
    );
    const shown = page.locator('open-commitment-badge [part="base"]');
    await expect
      .poll(() => shown.allTextContents())
      .toEqual(['Engagement indisponible', 'Engagement indisponible', 'Engagement indisponible']);
    expect(await page.locator('open-commitment-badge [role="alert"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a badge in a card that is a link, as news pages wrap their cards', () => {
  it('opens its details and its question without following the card, its links their own', async () => {
    const { origin } = chromium.server;
    const feed = bundledFeed('valfleurie');
    feed.commitments[0]!.url = `${origin}/engagements/VF-01.html`;
    (feed.interpellation as Record<string, unknown>).url = `${origin}/interpeller?engagement={id}`;
    serveFeed(chromium.server, '/feeds/partner-card.json', feed);
    for (const path of ['/news/1.html', '/engagements/VF-01.html', '/interpeller'])
      chromium.server.route(path, { body: `<!doctype html><title>${path}</title>` });
    const context = await chromium.newContext();
    const page = await context.newPage();
    const url = hostPage(chromium.server, '/partner-card.html', {
      scripts: ['/dist/open-commitment-badge.js'],
      body: `<a class="card" href="/news/1.html"><h2>Marchés publics</h2>
        <p>État : ${badge('VF-01', '/feeds/partner-card.json')}</p></a>`,
    });
    await page.goto(url);
    await settled(page, 'open-commitment-badge');
    const host = 'open-commitment-badge';
    const toggle = page.locator(`${host} [part="toggle"]`);
    const popover = page.locator(`${host} [part="popover"]`);
    const ask = page.locator(`${host} [part="ask"] > button`);
    const askPanel = page.locator(`${host} .ask-panel`);
    const stayed = async (after: string) => {
      // A navigation would have asked for the card's page by now.
      await page.waitForTimeout(150);
      expect(page.url(), after).toBe(url);
      expect(chromium.server.requests, after).not.toContain('/news/1.html');
    };

    // A middle click opens a link in a new tab: not the card's.
    await toggle.click({ button: 'middle' });
    await stayed('a middle click on the details button');
    await toggle.click();
    await stayed('a click on the details button');
    expect(await popover.isVisible()).toBe(true);
    await ask.click();
    await stayed('a click on Interpeller');
    expect(await askPanel.isVisible()).toBe(true);
    await askPanel.getByRole('button').click();
    await stayed('a click on Annuler');
    expect(await askPanel.isVisible()).toBe(false);
    // By keyboard: focus is back on Interpeller.
    for (const key of ['Enter', 'Space']) {
      await page.keyboard.press(key);
      await stayed(`${key} on Interpeller`);
      expect(await askPanel.isVisible(), key).toBe(true);
      await askPanel.getByRole('button').focus();
      await page.keyboard.press(key);
      await stayed(`${key} on Annuler`);
      expect(await askPanel.isVisible(), key).toBe(false);
    }
    await page.keyboard.press('Escape');
    expect(await popover.isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await stayed('Enter on the details button');
    expect(await popover.isVisible()).toBe(true);
    await page.keyboard.press('Space');
    await stayed('Space on the details button');
    expect(await popover.isVisible()).toBe(false);
    await page.keyboard.press('Space');
    expect(await popover.isVisible()).toBe(true);

    // The badge's own links open what they name, not the card.
    await ask.click();
    await askPanel.locator('.ask-go').click();
    await expect.poll(() => chromium.server.requests).toContain('/interpeller?engagement=VF-01');
    await stayed('a click on the link to the form');
    await Promise.all([
      page.waitForURL(`${origin}/engagements/VF-01.html`),
      page.locator(`${host} [part="link"]`).click(),
    ]);
    expect(chromium.server.requests).not.toContain('/news/1.html');
  });
});

describe('a newer copy of the feed while a reader is in a badge’s question', () => {
  it('keeps the details and the question open, focus on the same control', async () => {
    const context = await chromium.newContext();
    const page = await context.newPage();
    await page.clock.install();
    const feed = bundledFeed('valfleurie');
    let body = JSON.stringify(feed);
    chromium.server.route('/feeds/partner-newer.json', () => ({ body }));
    await page.goto(
      hostPage(chromium.server, '/partner-newer.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        body: `<p>État : ${badge('VF-01', '/feeds/partner-newer.json')}</p><p id="more"></p>`,
      }),
    );
    await settled(page, 'open-commitment-badge');
    const host = page.locator('open-commitment-badge').first();
    const status = host.locator('[part="status"]');
    const askPanel = host.locator('.ask-panel');
    const focused = () =>
      host.evaluate((element) => {
        const active = element.shadowRoot!.activeElement;
        return (
          active &&
          `${active.localName}: ${active.getAttribute('aria-label') ?? active.textContent}`
        );
      });
    // A newer copy of the feed, brought by a badge the page shows later (more news loaded) once
    // the copy is old enough to be asked for again.
    const newer = async (
      category: string,
      change: (commitment: Record<string, unknown>) => void,
    ) => {
      change(feed.commitments[0]!);
      body = JSON.stringify(feed);
      await page.clock.runFor(5 * 60_000 + 1000);
      await page.evaluate(() => {
        const more = document.createElement('open-commitment-badge');
        more.setAttribute('src', '/feeds/partner-newer.json');
        more.setAttribute('commitment', 'VF-02');
        document.getElementById('more')!.append(more);
      });
      await expect.poll(() => status.getAttribute('data-category')).toBe(category);
    };
    await host.locator('[part="link"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await askPanel.isVisible()).toBe(true);
    await askPanel.getByRole('button', { name: 'Annuler' }).focus();
    await newer('substantial', (commitment) => (commitment.status = 'en-travaux'));
    expect(await host.locator('[part="popover"]').isVisible()).toBe(true);
    expect(await askPanel.isVisible()).toBe(true);
    expect(await focused()).toBe('button: Annuler');

    await page.keyboard.press('Shift+Tab');
    const link = await focused();
    expect(link).toMatch(/^a: Continuer vers/);
    await newer('complete', (commitment) => (commitment.status = 'livre'));
    expect(await askPanel.isVisible()).toBe(true);
    expect(await focused()).toBe(link);
    // Where the reader goes on from there, the panel is as it was.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button: Annuler');
  });
});
