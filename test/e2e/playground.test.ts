/**
 * The playground's try-it form, served by the demo server under its strict CSP and Trusted Types:
 * a pasted feed URL, theme and language give the dashboard drawn from that feed and the exact
 * embed code; the copy button says "Copié" when the clipboard took it and selects the code when it
 * did not; a URL that is not http(s) is refused with a message; nothing logs an error.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../widget/demo/serve.ts';
import { launchBrowser } from './support/browser.ts';
import { axeViolations } from './fixtures/widget/harness.ts';

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];
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

    expect(await previewIds(page, 8)).toEqual([
      'PAR0001',
      'PAR0002',
      'PAR0003',
      'PAR0007',
      'PAR0008',
      'FRPA0002',
      'FRPA0003',
      'FRPA0004',
    ]);
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

    await page.reload();
    await previewIds(page, 8);
    await expect(page.locator('#pg-form').getByLabel('Langue').inputValue()).resolves.toBe('en');
    expect(await page.locator('#pg-snippet').textContent()).toBe(snippet);
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
      .toBe('Le code est sélectionné : copiez-le avec Ctrl+C (⌘+C sur Mac).');
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
      `« ${SCRIPT_URL} » n’est pas une adresse http ou https : le widget ne lit que celles-là.`,
    );
    await expect(
      page.locator('#pg-form').getByLabel('Adresse du flux (URL)').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expect(page.locator('#pg-preview open-commitments').getAttribute('src')).resolves.toBe(
      `${server.origin}/feeds/valfleurie.demo.json`,
    );
    await page.close();
    expect(problems).toEqual([]);
  });
});
