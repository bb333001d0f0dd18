/**
 * The playground's try-it form, served by the demo server under its strict CSP and Trusted Types: a
 * pasted feed URL, theme and language give the dashboard drawn from that feed and the exact embed
 * code; the copy button says "Copié" when the clipboard took it and selects the code when it did
 * not; a URL that is not http(s), or has no scheme, is refused with a message, and the code kept
 * says whose it is; a feed on another site has its code and a note on why the preview cannot read
 * it; each sending of the form is said to a screen reader; each dashboard keeps its filters apart;
 * the code can be scrolled by keyboard; each example is captioned with its own code; nothing logs
 * an error; an address whose feed cannot be loaded is said so, with why, beside the form and when
 * its code is copied; an address whose feed the widget refuses has its problems listed with their
 * JSON paths, as text. A feed file not yet published, picked or dropped, is drawn with its badge, its
 * code reading it where it will be published, and every error and warning of the strict check
 * listed once, as text, each saying whether the widget refuses the feed or tolerates it, the
 * widget's refusal only counted above them; a file dropped anywhere on the page is taken,
 * not opened by the browser in place of the page; the server keeps such files for its own pages
 * only, within limits.
 */
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startDemoServer,
  uploadLimits,
  uploadPath,
  type DemoServer,
} from '../../widget/demo/serve.ts';
import { launchBrowser } from './support/browser.ts';
import { axeViolations } from './fixtures/widget/harness.ts';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];
/** The commitments of the bundled Paris feed, in the dashboard's order. */
const PARIS_IDS = [
  'PAR0001',
  'PAR0002',
  'PAR0003',
  'PAR0007',
  'PAR0008',
  'FRPA0002',
  'FRPA0003',
  'FRPA0004',
];
/** A pasted address that must never reach the dashboard. */
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  browser = await launchBrowser();
  context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the playground, recording console errors and uncaught exceptions in `problems`. */
async function openPlayground(query = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(`${server.origin}/playground.html${query}`);
  return page;
}

/**
 * The Paris feed with two problems that make the widget refuse it: markup for a format, which must
 * stay text wherever it is shown, and a date the format does not know.
 */
function brokenFeed(): Record<string, unknown> {
  const feed = JSON.parse(readFileSync('shared/feeds/paris.json', 'utf8')) as Record<
    string,
    unknown
  >;
  feed.format = '<img src=x onerror="window.ran=1">';
  feed.updated = 'hier';
  return feed;
}

/** Commitment ids the preview's dashboard shows, once it shows `count` of them. */
async function previewIds(page: Page, count: number): Promise<(string | null)[]> {
  const items = page.locator('#pg-preview open-commitments [data-commitment-id]');
  await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(count);
  return items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-commitment-id')));
}

describe('the playground', () => {
  it('shows the demo feed and its embed code at first', async () => {
    const page = await openPlayground();
    await expect(
      page.locator('#pg-form').getByLabel('Adresse du flux (URL)').inputValue(),
    ).resolves.toBe('/feeds/valfleurie.demo.json');
    expect(await previewIds(page, 10)).toEqual([
      'VF-01',
      'VF-02',
      'VF-03',
      'VF-04',
      'VF-05',
      'VF-06',
      'VF-07',
      'VF-08',
      'VF-09',
      'VF-10',
    ]);
    expect(await page.locator('pre > code#pg-snippet').textContent()).toBe(
      `<script type="module" src="${server.origin}/dist/widget/open-commitments.js"></script>\n` +
        `<open-commitments src="${server.origin}/feeds/valfleurie.demo.json" lang="fr"></open-commitments>`,
    );
    // axe is evaluated in the page: the demo's Trusted Types refuse a script element's URL.
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('draws a pasted feed in the chosen theme and language, and copies its code', async () => {
    const page = await openPlayground();
    await previewIds(page, 10);
    await page.locator('#pg-form').getByLabel('Adresse du flux (URL)').fill('/feeds/paris.json');
    await page.locator('#pg-form').getByLabel('Thème').selectOption('dsfr');
    await page.locator('#pg-form').getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Afficher' }).click();

    expect(await previewIds(page, 8)).toEqual(PARIS_IDS);
    const dashboard = page.locator('#pg-preview open-commitments');
    await expect(dashboard.count()).resolves.toBe(1);
    await expect(dashboard.getAttribute('theme')).resolves.toBe('dsfr');
    await expect(dashboard.locator('[part="title"]').textContent()).resolves.toContain(
      'City of Paris OGP Local action plans',
    );
    const snippet =
      `<script type="module" src="${server.origin}/dist/widget/open-commitments.js"></script>\n` +
      `<open-commitments src="${server.origin}/feeds/paris.json" theme="dsfr" lang="en"></open-commitments>`;
    expect(await page.locator('#pg-snippet').textContent()).toBe(snippet);
    // The choices are in the address, so that a reload or a shared link shows the same.
    expect(new URL(page.url()).search).toBe('?src=%2Ffeeds%2Fparis.json&theme=dsfr&lang=en');

    await page.getByRole('button', { name: 'Copier le code' }).click();
    // The clipboard answers asynchronously: wait for the status it leads to.
    await expect.poll(() => page.locator('#pg-copy-status').textContent()).toBe('Copié');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    // A second copy empties the status and says it again, so that a screen reader repeats it.
    await page.evaluate(() => {
      const status = document.getElementById('pg-copy-status')!;
      const said: string[] = [];
      new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      Object.assign(window, { said });
    });
    await page.getByRole('button', { name: 'Copier le code' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { said: string[] }).said))
      .toEqual(['', 'Copié']);

    await page.reload();
    await previewIds(page, 8);
    await expect(page.locator('#pg-form').getByLabel('Langue').inputValue()).resolves.toBe('en');
    expect(await page.locator('#pg-snippet').textContent()).toBe(snippet);
    await page.close();
  });

  it('copies code that draws the same dashboard once pasted into a page of the site', async () => {
    const page = await openPlayground('?src=%2Ffeeds%2Fparis.json&theme=dsfr&lang=en');
    await previewIds(page, 8);
    await page.getByRole('button', { name: 'Copier le code' }).click();
    await expect.poll(() => page.locator('#pg-copy-status').textContent()).toBe('Copié');
    const pasted = await page.evaluate(() => navigator.clipboard.readText());
    // A page of the webmaster's own, on the server of the script and the feed.
    await page.route(`${server.origin}/ma-page.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Ma page</title></head><body><h1>Ma page</h1>\n${pasted}\n</body></html>`,
      }),
    );
    await page.goto(`${server.origin}/ma-page.html`);
    const rows = page.locator('open-commitments [data-commitment-id]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(8);
    expect(await page.locator('open-commitments').getAttribute('theme')).toBe('dsfr');
    // In the language chosen, not the page's.
    expect(
      await page.locator('open-commitments').getByRole('searchbox', { name: 'Search' }).count(),
    ).toBe(1);
    await page.close();
  });

  it('selects the code for the person to copy when the clipboard refuses', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    });
    await page.goto(`${server.origin}/playground.html?theme=dark`);
    await previewIds(page, 10);
    await page.getByRole('button', { name: 'Copier le code' }).click();
    await expect
      .poll(() => page.locator('#pg-copy-status').textContent())
      .toBe('Le code est sélectionné\u00a0: copiez-le avec Ctrl+C (⌘+C sur Mac).');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
      `<script type="module" src="${server.origin}/dist/widget/open-commitments.js"></script>\n` +
        `<open-commitments src="${server.origin}/feeds/valfleurie.demo.json" theme="dark" lang="fr"></open-commitments>`,
    );
    await page.close();
  });

  it('refuses an address that is not http(s) and keeps the last preview', async () => {
    const page = await openPlayground();
    await previewIds(page, 10);
    await page.locator('#pg-form').getByLabel('Adresse du flux (URL)').fill(SCRIPT_URL);
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(page.locator('#pg-form').getByRole('alert').textContent()).resolves.toBe(
      `«\u00a0${SCRIPT_URL}\u00a0» n’est pas une adresse http ou https\u00a0: le widget ne lit que celles-là.`,
    );
    await expect(
      page.locator('#pg-form').getByLabel('Adresse du flux (URL)').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expect(page.locator('#pg-preview open-commitments').getAttribute('src')).resolves.toBe(
      `${server.origin}/feeds/valfleurie.demo.json`,
    );
    // The code kept with the preview says whose it is.
    expect(await page.locator('#pg-snippet').textContent()).toContain(
      `<open-commitments src="${server.origin}/feeds/valfleurie.demo.json" lang="fr">`,
    );
    const note = page.locator('#pg-snippet-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toBe(
      `Le code ci-dessous et l’aperçu restent ceux de la dernière adresse valable\u00a0: ${server.origin}/feeds/valfleurie.demo.json`,
    );
    await page.locator('#pg-form').getByLabel('Adresse du flux (URL)').fill('/feeds/paris.json');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await previewIds(page, 8);
    expect(await note.isVisible()).toBe(false);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('asks for a whole address when one is pasted without https://, rather than read it as a path here', async () => {
    const page = await openPlayground();
    await previewIds(page, 10);
    const field = page.locator('#pg-form').getByLabel('Adresse du flux (URL)');
    await field.fill('www.valfleurie.example/engagements.json');
    await field.press('Enter');
    await expect(page.locator('#pg-form').getByRole('alert').textContent()).resolves.toBe(
      '«\u00a0www.valfleurie.example/engagements.json\u00a0» n’est pas une adresse complète\u00a0: commencez-la par https:// (ou par / pour un flux de ce serveur).',
    );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#pg-snippet').textContent()).toContain(
      `<open-commitments src="${server.origin}/feeds/valfleurie.demo.json" lang="fr">`,
    );
    await page.close();
    expect(problems).toEqual([]);
  });

  it('says why the preview cannot read another site’s feed, and gives that feed’s code', async () => {
    // This page's policy blocks the request and logs it: not one of the errors the others count.
    const page = await context.newPage();
    await page.goto(`${server.origin}/playground.html`);
    await previewIds(page, 10);
    const field = page.locator('#pg-form').getByLabel('Adresse du flux (URL)');
    await field.fill('https://www.valfleurie.example/engagements.json');
    await field.press('Enter');
    const note = page.locator('#pg-snippet-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain(
      'cette démonstration ne lit que ceux de son propre serveur',
    );
    expect(await page.locator('#pg-form').getByRole('alert').textContent()).toBe('');
    expect(await page.locator('#pg-snippet').textContent()).toContain(
      '<open-commitments src="https://www.valfleurie.example/engagements.json" lang="fr">',
    );
    await field.fill('/feeds/paris.json');
    await field.press('Enter');
    await previewIds(page, 8);
    expect(await note.isVisible()).toBe(false);
    await page.close();
  });

  it('says a feed could not be loaded, and why, yet still lets its code be copied', async () => {
    // The browser logs the 404 itself: not one of the errors the others count.
    const page = await context.newPage();
    await page.goto(`${server.origin}/playground.html`);
    await previewIds(page, 10);
    const field = page.locator('#pg-form').getByLabel('Adresse du flux (URL)');
    await field.fill('/feeds/nope.json');
    await page.locator('#pg-form').getByRole('button', { name: 'Afficher' }).click();
    const alert = page.locator('#pg-form').getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe(
        'Le flux n’a pas pu être chargé\u00a0: le serveur répond 404\u00a0: il n’y a pas de flux à cette adresse. Le code ci-dessous le lit quand même à cette adresse\u00a0: corrigez-la, ou copiez-le si le flux doit y être publié.',
      );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#pg-form').getByRole('status').textContent()).toBe('');
    // Said once, in French: not again under the preview in the widget's English.
    expect(await page.locator('#pg-issues').textContent()).toBe('');
    const snippet = `<script type="module" src="${server.origin}/dist/widget/open-commitments.js"></script>\n<open-commitments src="${server.origin}/feeds/nope.json" lang="fr"></open-commitments>`;
    expect(await page.locator('#pg-snippet').textContent()).toBe(snippet);
    await page.getByRole('button', { name: 'Copier le code' }).click();
    await expect
      .poll(() => page.locator('#pg-copy-status').textContent())
      .toBe(
        'Copié, mais ce flux n’a pas pu être chargé\u00a0: le serveur répond 404\u00a0: il n’y a pas de flux à cette adresse.',
      );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    // A feed that loads clears all of it.
    await field.fill('/feeds/paris.json');
    await page.locator('#pg-form').getByRole('button', { name: 'Afficher' }).click();
    await previewIds(page, 8);
    await expect
      .poll(() => page.locator('#pg-form').getByRole('status').textContent())
      .toBe('Aperçu et code mis à jour.');
    expect(await alert.textContent()).toBe('');
    expect(await field.getAttribute('aria-invalid')).toBe(null);
    await page.getByRole('button', { name: 'Copier le code' }).click();
    await expect.poll(() => page.locator('#pg-copy-status').textContent()).toBe('Copié');
    await page.close();
  });

  it('says the preview and the code changed when the form is sent, each time, and not when refused', async () => {
    const page = await openPlayground();
    await previewIds(page, 10);
    const said = page.locator('#pg-form').getByRole('status');
    expect(await said.textContent()).toBe('');
    await page.locator('#pg-form').getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Afficher' }).press('Enter');
    await expect.poll(() => said.textContent()).toBe('Aperçu et code mis à jour.');
    // Cleared, then said again, so that a screen reader hears it the second time too.
    const heard = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const region = document.getElementById('pg-shown')!;
          const texts: string[] = [];
          new MutationObserver(() => {
            texts.push(region.textContent ?? '');
            if (texts.length === 2) resolve(texts);
          }).observe(region, { childList: true, characterData: true, subtree: true });
          document.querySelector<HTMLButtonElement>('#pg-form button[type="submit"]')!.click();
        }),
    );
    expect(heard).toEqual(['', 'Aperçu et code mis à jour.']);
    await page.locator('#pg-form').getByLabel('Adresse du flux (URL)').fill(SCRIPT_URL);
    await page.getByRole('button', { name: 'Afficher' }).click();
    expect(await said.textContent()).toBe('');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('gives every dashboard its own id, so that filtering one leaves the others alone', async () => {
    const page = await openPlayground();
    await previewIds(page, 10);
    const ids = await page
      .locator('open-commitments')
      .evaluateAll((dashboards) => dashboards.map((d) => d.id));
    expect(ids.every((id) => /^[\w-]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);

    const english = page.locator('open-commitments[lang="en"][status="limited"]');
    await english.locator('button.chip[data-category="complete"]').click();
    await expect.poll(() => new URL(page.url()).hash).toContain('status=');
    await page.reload();
    // The preview shows the whole feed; the English example has kept its filter.
    expect(await previewIds(page, 10)).toHaveLength(10);
    await expect
      .poll(() =>
        english.locator('button.chip[data-category="complete"]').getAttribute('aria-pressed'),
      )
      .toBe('true');
    await page.close();
  });

  it('lets the keyboard reach and scroll the code, under its heading’s name', async () => {
    const page = await openPlayground();
    await page.setViewportSize({ width: 600, height: 800 });
    await previewIds(page, 10);
    const code = page.getByRole('region', { name: 'Code à coller dans votre page' });
    expect(await code.evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
    await page.getByRole('button', { name: 'Prévisualiser ce fichier' }).focus();
    await page.keyboard.press('Tab');
    expect(await code.evaluate((pre) => pre === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => code.evaluate((pre) => pre.scrollLeft)).toBeGreaterThan(0);
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows above each example the code of that example', async () => {
    const page = await openPlayground();
    const wrong = await page.evaluate(() => {
      const source = (attributes: Attr[]) =>
        attributes.map((a) => `${a.name}="${a.value}"`).join(' ');
      const text = (code: Element | null | undefined) => code?.textContent?.replace(/\s+/g, ' ');
      const mismatches: string[] = [];
      for (const example of document.querySelectorAll('main > open-commitments')) {
        const expected = `<open-commitments ${source([...example.attributes].filter((a) => a.name !== 'id'))}>`;
        const shown = text(example.previousElementSibling?.querySelector('code'));
        if (shown !== expected) mismatches.push(`${expected} under ${shown}`);
      }
      for (const badge of document.querySelectorAll('main li > open-commitment-badge')) {
        const attributes = [...badge.attributes];
        const expected = source(attributes.filter((a) => a.name !== 'src'));
        const shown = text(badge.closest('li')!.querySelector('code'));
        if (shown !== expected) mismatches.push(`${expected} beside ${shown}`);
        const src = attributes.find((a) => a.name === 'src')!.value;
        const caption = badge.closest('ul')!.previousElementSibling?.querySelector('code');
        if (!text(caption)?.includes(`src="${src}"`))
          mismatches.push(`${src} under ${text(caption)}`);
      }
      return mismatches;
    });
    expect(wrong).toEqual([]);
    await page.close();
  });

  it('draws a feed file not yet published with its badge, and gives the code that reads it where it will be', async () => {
    const page = await openPlayground();
    await previewIds(page, 10);
    const fileForm = page.locator('#pg-file-form');
    await fileForm
      .getByLabel('Adresse où il sera publié')
      .fill('https://www.mairie.example/engagements.json');
    await page.locator('#pg-form').getByLabel('Thème').selectOption('dark');
    await fileForm.getByLabel('Fichier du flux (JSON), ou déposez-le dans ce cadre').setInputFiles({
      name: 'engagements.json',
      mimeType: 'application/json',
      buffer: readFileSync('shared/feeds/paris.json'),
    });

    expect(await previewIds(page, 8)).toEqual(PARIS_IDS);
    const dashboard = page.locator('#pg-preview open-commitments');
    expect(await dashboard.getAttribute('src')).toMatch(
      new RegExp(`^${server.origin}${uploadPath}[\\w-]+\\.json$`),
    );
    expect(await dashboard.getAttribute('theme')).toBe('dark');
    const badge = page.locator('#pg-badge open-commitment-badge');
    await expect.poll(() => badge.getAttribute('commitment')).toBe('PAR0001');
    await expect.poll(() => badge.locator('[part="status"]').count()).toBe(1);
    expect(await page.locator('#pg-snippet').textContent()).toBe(
      `<script type="module" src="${server.origin}/dist/widget/open-commitments.js"></script>\n` +
        `<open-commitments src="https://www.mairie.example/engagements.json" theme="dark" lang="fr"></open-commitments>`,
    );
    expect(await page.locator('#pg-snippet-note').textContent()).toBe(
      'L’aperçu montre le fichier «\u00a0engagements.json\u00a0»\u00a0; le code lit le flux là où vous le publierez\u00a0: https://www.mairie.example/engagements.json',
    );
    expect(await page.locator('#pg-issues').textContent()).toBe('');
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('lists the problems of a dropped broken file with their JSON paths, as text', async () => {
    const page = await openPlayground();
    await previewIds(page, 10);
    const broken = brokenFeed();
    await page.locator('#pg-drop').evaluate((frame, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'brouillon.json', { type: 'application/json' }));
      frame.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, JSON.stringify(broken));

    // The widget's refusal is counted; its problems are listed once, by the file's check, which
    // says which of them make the widget refuse the feed.
    const issues = page.locator('#pg-issues');
    await expect
      .poll(() => issues.textContent(), { timeout: 15_000 })
      .toBe(
        'Le widget refuse ce flux\u00a0: 2 problèmes, détaillés dans la vérification ci-dessous.',
      );
    expect(await issues.locator('li').count()).toBe(0);
    const checks = page.locator('#pg-check');
    await expect.poll(() => checks.locator('li code').allTextContents()).toContain('updated');
    const checked = await checks.locator('li').allTextContents();
    expect(checked[0]).toMatch(/^format, erreur, le widget refuse le flux\u00a0: /);
    for (const item of checked)
      expect(item).toContain(', erreur, le widget refuse le flux\u00a0: ');
    expect(await checks.locator('li').first().textContent()).toContain(
      '<img src=x onerror=\\"window.ran=1\\">',
    );
    expect(await checks.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => 'ran' in window)).toBe(false);
    expect(await page.locator('#pg-badge').isVisible()).toBe(false);
    // No address given yet: the code carries an example one, and says so.
    expect(await page.locator('#pg-snippet').textContent()).toContain(
      '<open-commitments src="https://www.example.org/engagements.json" lang="fr">',
    );
    expect(await page.locator('#pg-snippet-note').textContent()).toContain(
      'le code porte une adresse d’exemple',
    );
    // The text can be corrected where it was put, and shown again.
    const text = page.locator('#pg-file-form').getByLabel('Ou collez son contenu');
    await text.fill('{ "format": "open-commitments/1", ');
    await page.getByRole('button', { name: 'Prévisualiser ce fichier' }).click();
    await expect
      .poll(() => issues.textContent())
      .toBe(
        'Le widget refuse ce flux\u00a0: 1 problème, détaillé dans la vérification ci-dessous.',
      );
    expect(await checks.locator('li code').allTextContents()).toEqual(['$']);
    expect(await checks.locator('li').textContent()).toContain('the feed is not valid JSON');
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('lists the problems of a refused feed at an address with their JSON paths, as text', async () => {
    const page = await openPlayground();
    await previewIds(page, 10);
    const broken = brokenFeed();
    // Published on this server, as a feed the form can be given the address of.
    const path = await page.evaluate(async (text) => {
      const response = await fetch('/uploads/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
      });
      return ((await response.json()) as { url: string }).url;
    }, JSON.stringify(broken));
    await page.locator('#pg-form').getByLabel('Adresse du flux (URL)').fill(path);
    await page.locator('#pg-form').getByRole('button', { name: 'Afficher' }).click();

    const issues = page.locator('#pg-issues');
    await expect.poll(() => issues.locator('li').count(), { timeout: 15_000 }).toBe(2);
    expect(await issues.locator('p').textContent()).toBe(
      'Le widget refuse ce flux\u00a0: 2 problèmes (chemin JSON\u00a0: ce qui ne va pas, en anglais).',
    );
    expect(await issues.locator('li code').allTextContents()).toEqual(['format', 'updated']);
    expect(await issues.locator('li').first().textContent()).toContain(
      '<img src=x onerror=\\"window.ran=1\\">',
    );
    expect(await issues.locator('img').count()).toBe(0);
    expect(await page.locator('#pg-check').textContent()).toBe('');
    expect(await page.evaluate(() => 'ran' in window)).toBe(false);
    await page.close();
  });

  it('lists the problems the widget tolerates in a file, with their JSON paths, while drawing it', async () => {
    const page = await openPlayground();
    await previewIds(page, 10);
    const feed = JSON.parse(readFileSync('shared/feeds/paris.json', 'utf8')) as {
      commitments: Record<string, unknown>[];
    };
    feed.commitments[1]!.status = 'en-cours';
    feed.commitments[0]!.couleur = '<b>bleu</b>';
    await page
      .locator('#pg-file-form')
      .getByLabel('Fichier du flux (JSON), ou déposez-le dans ce cadre')
      .setInputFiles({
        name: 'engagements.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(feed)),
      });

    expect(await previewIds(page, 8)).toEqual(PARIS_IDS);
    const checks = page.locator('#pg-check');
    await expect.poll(() => checks.locator('li').count(), { timeout: 15_000 }).toBe(2);
    expect(await checks.locator('p').first().textContent()).toBe(
      'Vérification stricte du fichier\u00a0: 2 problèmes (chemin JSON, gravité\u00a0: ce qui ne va pas, en anglais).',
    );
    expect(await checks.locator('li code').allTextContents()).toEqual([
      'commitments[1].status',
      'commitments[0].couleur',
    ]);
    const items = await checks.locator('li').allTextContents();
    expect(items[0]).toMatch(
      /^commitments\[1\]\.status, erreur, le widget la tolère\u00a0: unknown status "en-cours"/,
    );
    expect(items[1]).toMatch(
      /^commitments\[0\]\.couleur, avertissement, le widget le tolère\u00a0: unknown field/,
    );
    expect(await checks.textContent()).toContain('npx open-commitments validate engagements.json');
    expect(await page.locator('#pg-issues').textContent()).toBe('');
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('takes a file dropped beside the frame rather than let the browser open it in place of the page', async () => {
    const page = await openPlayground();
    await previewIds(page, 10);
    const address = page.url();
    const canceled = await page.locator('body').evaluate(
      (body, text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'engagements.json', { type: 'application/json' }));
        const send = (type: string) =>
          !body.dispatchEvent(
            new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
          );
        return [send('dragover'), send('drop')];
      },
      readFileSync('shared/feeds/paris.json', 'utf8'),
    );
    // Both refused to the browser, which would otherwise open the file in place of the page.
    expect(canceled).toEqual([true, true]);
    expect(await previewIds(page, 8)).toEqual(PARIS_IDS);
    expect(page.url()).toBe(address);
    expect(await page.locator('#pg-snippet-note').textContent()).toContain(
      'L’aperçu montre le fichier «\u00a0engagements.json\u00a0»',
    );
    await expect
      .poll(() => page.locator('#pg-check p').first().textContent())
      .toBe('Vérification stricte du fichier\u00a0: aucun problème.');
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('keeps a sent feed for its own pages only, and never more than its limits', async () => {
    const upload = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${server.origin}${uploadPath}`, {
        method: 'POST',
        headers: { origin: server.origin, 'content-type': 'application/json', ...headers },
        body,
      });
    // Another site's page may not send one, nor a form that sends no JSON.
    expect((await upload('{}', { origin: 'https://elsewhere.example' })).status).toBe(403);
    expect((await upload('{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await upload(' '.repeat(uploadLimits.maxBytes + 1))).status).toBe(413);

    const sent = await upload('{"format":"open-commitments/1"}');
    expect(sent.status).toBe(201);
    const { url } = (await sent.json()) as { url: string };
    const read = await fetch(`${server.origin}${url}`);
    expect(await read.text()).toBe('{"format":"open-commitments/1"}');
    // Not readable by another site's script, nor embeddable by its page.
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    // Nor by a site whose name was made to point at this server.
    const rebound = await new Promise<number>((resolve, reject) => {
      const request = httpGet(
        `${server.origin}${url}`,
        { headers: { host: 'elsewhere.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
    });
    expect(rebound).toBe(404);

    for (let i = 0; i < uploadLimits.maxCount; i += 1) await upload('{}');
    expect((await fetch(`${server.origin}${url}`)).status).toBe(404);
  });
});
