/**
 * The dashboard and the badge in their `dsfr` theme on a site built with the French State design
 * system (DSFR): a host page with that system's global rules (typography, links, lists, focus ring,
 * buttons, badges, and its dark theme set on the root), in French and English, at a phone's, a
 * tablet's and a desktop's width.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, settled, widgetChromium } from './fixtures/widget/harness.ts';

const chromium = widgetChromium();

const site = readFileSync('test/e2e/fixtures/widget/dsfr-site.html', 'utf8');

/** Opens the DSFR site in `lang`, in the system's dark theme when `dark`, at `width`. */
async function openSite(width: number, lang: 'fr' | 'en', dark = false): Promise<Page> {
  let body = site.replace('<html lang="fr"', `<html lang="${lang}"`);
  if (dark)
    body = body.replace('data-fr-scheme="light"', 'data-fr-scheme="dark" data-fr-theme="dark"');
  const path = `/dsfr-${lang}${dark ? '-dark' : ''}.html`;
  chromium.server.route(path, { body });
  const context = await chromium.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${chromium.server.origin}${path}`);
  await settled(page);
  await page.locator('open-commitment-badge .status').first().waitFor();
  return page;
}

describe('a site of the French State design system', () => {
  it('shows status labels no smaller than the small badge of the system', async () => {
    const page = await openSite(768, 'fr');
    // A timeline entry holds a status label too.
    await page.locator('open-commitments [data-commitment-id="VF-03"] .toggle').click();
    const size = (el: Element) => ({
      font: parseFloat(getComputedStyle(el).fontSize),
      height: Math.round(el.getBoundingClientRect().height),
    });
    const small = await page.locator('#small-badge').evaluate(size);
    expect(small).toEqual({ font: 12, height: 20 });
    for (const label of [
      'open-commitments [data-commitment-id="VF-01"] .item-meta .status',
      'open-commitments [data-commitment-id="VF-03"] .timeline .status',
      'open-commitment-badge .line .status',
    ]) {
      const shown = await page.locator(label).first().evaluate(size);
      expect(shown.font, label).toBeGreaterThanOrEqual(small.font);
      expect(shown.height, label).toBeGreaterThanOrEqual(small.height);
    }
  });

  it('colours each status label as the badge of the system of the same meaning', async () => {
    const page = await openSite(768, 'fr');
    const colours = (el: Element) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    };
    for (const [category, badge] of [
      ['not-started', '.fr-badge:not([class*="--"])'],
      ['limited', '.fr-badge--warning'],
      ['substantial', '.fr-badge--info'],
      ['complete', '.fr-badge--success'],
      ['withdrawn', '.fr-badge--error'],
    ]) {
      const label = page
        .locator(`open-commitments [part~="status"][data-category="${category}"]`)
        .first();
      expect(await label.evaluate(colours), category).toEqual(
        await page.locator(badge).first().evaluate(colours),
      );
    }
  });

  for (const width of [320, 768, 1440]) {
    for (const lang of ['fr', 'en'] as const) {
      it(`passes axe at ${width}px in ${lang}, the page never wider than the window`, async () => {
        const page = await openSite(width, lang);
        expect(
          await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ),
        ).toBe(0);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  }

  it('keeps the light panel of its theme, readable, when the site is in its dark theme', async () => {
    const page = await openSite(768, 'fr', true);
    const colours = (el: Element) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    };
    expect(await page.locator('open-commitments [part="base"]').evaluate(colours)).toEqual({
      color: 'rgb(22, 22, 22)',
      background: 'rgb(246, 246, 246)',
    });
    expect(await page.locator('open-commitment-badge .line').first().evaluate(colours)).toEqual({
      color: 'rgb(22, 22, 22)',
      background: 'rgb(255, 255, 255)',
    });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('follows the dark theme of the site with the script and properties of the README', async () => {
    const page = await openSite(768, 'fr', true);
    const readme = readFileSync('widget/README.md', 'utf8');
    // The README's code blocks of that language which name `word`, without their language line.
    const snippet = (lang: string, word: string) =>
      readme
        .split('```')
        .find((block) => block.startsWith(`${lang}\n`) && block.includes(word))!
        .slice(lang.length + 1);
    await page.addStyleTag({ content: snippet('css', 'Marianne') });
    await page.evaluate(snippet('js', 'data-fr-theme'));
    const look = () =>
      page.locator('open-commitments [part="base"]').evaluate((el) => {
        const style = getComputedStyle(el);
        return { background: style.backgroundColor, radius: style.borderTopLeftRadius };
      });
    await expect.poll(look).toEqual({ background: 'rgb(28, 36, 49)', radius: '0px' });
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.setAttribute('data-fr-theme', 'light'));
    await expect.poll(look).toEqual({ background: 'rgb(246, 246, 246)', radius: '0px' });
    expect(await page.locator('open-commitment-badge').first().getAttribute('theme')).toBe('dsfr');
  });
});
