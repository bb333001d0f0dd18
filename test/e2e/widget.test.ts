/**
 * The dashboard as a reader meets it, in real Chromium, on the built bundle: the bundled national
 * plan, every state, themes, filters and the hash, interpellation, and axe on each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { axeViolations, settled, widgetServer } from './fixtures/widget/harness.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await widgetServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}

describe('<open-commitments> with the bundled national plan', () => {
  it('shows the plan, its publisher and every commitment', async () => {
    const { page, problems } = await open(`${server.origin}/fixtures/national-plan.html`);
    await settled(page);
    await expect
      .poll(() => page.locator('open-commitments [part="title"]').textContent())
      .toContain('Plan d’action de la France 2021-2023'.replace('’', "'"));
    const ids = await page
      .locator('open-commitments [data-commitment-id]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-commitment-id')));
    expect(ids).toHaveLength(19);
    expect(ids).toContain('FR0051');
    await expect
      .poll(() => page.locator('open-commitments [data-commitment-id="FR0051"] h3').textContent())
      .toContain('Support for the digital commons');
    // The English title in a French page carries its own language.
    expect(
      await page.locator('open-commitments [data-commitment-id="FR0051"] h3 [lang="en"]').count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
