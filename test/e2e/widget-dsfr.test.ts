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

  it('follows the site into its dark theme and back by itself, readable in both, square and in its font', async () => {
    const page = await openSite(768, 'fr', true);
    const look = () =>
      page.evaluate(() =>
        [
          ['open-commitments', '[part="base"]'],
          ['open-commitment-badge', '.line'],
        ].map(([host, selector]) => {
          const shadow = document.querySelector(host!)!.shadowRoot!;
          const style = getComputedStyle(shadow.querySelector(selector!)!);
          return [
            style.color,
            style.backgroundColor,
            style.borderTopLeftRadius,
            style.fontFamily.split(',')[0],
          ];
        }),
      );
    // The dark theme's text on its surface (the dashboard) and its cards (the badge).
    expect(await look()).toEqual([
      ['rgb(232, 236, 242)', 'rgb(28, 36, 49)', '0px', 'Marianne'],
      ['rgb(232, 236, 242)', 'rgb(20, 26, 36)', '0px', 'Marianne'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    // The reader picks the light theme in the site's settings: its script sets the root's theme.
    await page.evaluate(() => document.documentElement.setAttribute('data-fr-theme', 'light'));
    await expect.poll(look).toEqual([
      ['rgb(22, 22, 22)', 'rgb(246, 246, 246)', '0px', 'Marianne'],
      ['rgb(22, 22, 22)', 'rgb(255, 255, 255)', '0px', 'Marianne'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    // A badge the page switches to another theme and back, and one added later, follow it too.
    await page.evaluate(() => {
      document.querySelector('open-commitment-badge')!.setAttribute('theme', 'dark');
      document.querySelector('open-commitment-badge')!.setAttribute('theme', 'dsfr');
      document.documentElement.setAttribute('data-fr-theme', 'dark');
    });
    await expect.poll(look).toEqual([
      ['rgb(232, 236, 242)', 'rgb(28, 36, 49)', '0px', 'Marianne'],
      ['rgb(232, 236, 242)', 'rgb(20, 26, 36)', '0px', 'Marianne'],
    ]);
    await page.evaluate(() => {
      const badge = document.createElement('open-commitment-badge');
      for (const [name, value] of [
        ['id', 'added'],
        ['theme', 'dsfr'],
        ['src', '/feeds/valfleurie.json'],
        ['commitment', 'VF-01'],
      ])
        badge.setAttribute(name!, value!);
      document.querySelector('main')!.append(badge);
    });
    expect(
      await page.locator('#added .line').evaluate((line) => getComputedStyle(line).color),
    ).toBe('rgb(232, 236, 242)');
    // Printed, light, as every theme.
    await page.emulateMedia({ media: 'print' });
    expect((await look())[0]!.slice(0, 2)).toEqual(['rgb(22, 22, 22)', 'rgb(246, 246, 246)']);
  });
});
