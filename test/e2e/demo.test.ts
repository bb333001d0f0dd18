/**
 * The demo site as a visitor meets it, in real Chromium: every page answers and runs without a
 * console error under its CSP, every link of a demo feed into the demo leads to a page or a
 * document, the national plan shows the bundled real commitments, feeds answer conditional
 * requests, and the fictional city hall's demo feed names the demo's own pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { createPageIndex, parseFeed } from '../../shared/index.ts';
import {
  demoFeedPath,
  demoPages,
  startDemoServer,
  type DemoServer,
} from '../../widget/demo/serve.ts';
import { launchBrowser } from './support/browser.ts';
import { startServer } from './support/server.ts';
import { axeViolations } from './fixtures/widget/harness.ts';
import { applyTextSpacing } from './support/text-spacing.ts';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What a visit to one page produced. */
interface Visit {
  status: number | undefined;
  problems: string[];
  links: string[];
}

/** Opens `path`, waits for the network to settle, and collects errors and same-origin page links. */
async function visit(page: Page, path: string): Promise<Visit> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  const notModified = new Set<Request>();
  page.on('response', (response) => {
    if (response.status() === 304) notModified.add(response.request());
  });
  page.on('requestfailed', (request) => {
    // Chromium reports a 304 handed to fetch() (the widget revalidating its stored copy) as
    // failed with net::ERR_ABORTED: that one is not a failure.
    if (notModified.has(request)) return;
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  const response = await page.goto(server.origin + path, { waitUntil: 'networkidle' });
  // A custom element left undefined means its script did not load or did not define it.
  const undefinedTags = await page.evaluate(() =>
    [...new Set([...document.querySelectorAll(':not(:defined)')].map((e) => e.localName))].filter(
      (tag) => tag.includes('-'),
    ),
  );
  for (const tag of undefinedTags) problems.push(`<${tag}> was never defined`);
  const links = await page.evaluate(() =>
    [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
  );
  // A copy: what happens while the page closes is not the page's doing.
  return { status: response?.status(), problems: [...problems], links };
}

/** The feeds the demo serves, the fictional town's as published and as moved into the demo. */
const demoFeeds = [
  '/feeds/fr-2021-2023.json',
  '/feeds/fr-2018-2020.json',
  '/feeds/paris.json',
  '/feeds/valfleurie.json',
  demoFeedPath,
];

/**
 * Every address the demo's feeds link to on the demo server itself, as a reader of the feed would
 * follow it: evidence, answers, commitments' pages, the interpellation form (its template filled
 * in). Match patterns (`site`, `pages`) are no links.
 */
async function feedLinksIntoDemo(): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (const feedPath of demoFeeds) {
    const feed = (await (await fetch(server.origin + feedPath)).json()) as unknown;
    const walk = (node: unknown, path: string, key: string): void => {
      if (typeof node === 'string') {
        if (key === 'site' || key === 'pages' || !node.startsWith(`${server.origin}/`)) return;
        const filled = node.replace(/\{(id|title|plan|page)\}/g, (_, name: string) =>
          encodeURIComponent(name === 'page' ? `${server.origin}/valfleurie/` : `VF-01 ${name}`),
        );
        links.set(filled, `${feedPath} ${path}`);
      } else if (Array.isArray(node)) {
        node.forEach((item, i) => walk(item, `${path}[${i}]`, key));
      } else if (node !== null && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`, k);
      }
    };
    walk(feed, '$', '');
  }
  return links;
}

describe('the demo site', () => {
  it('serves every page it links to, each without a console error', async () => {
    const seen = new Set<string>();
    // The interpellation form and the pages the feeds give as evidence are linked from inside
    // the widget only: start there too.
    const fromFeeds = [...(await feedLinksIntoDemo()).keys()]
      .map((link) => new URL(link).pathname)
      .filter((path) => !/\.(svg|pdf)$/.test(path));
    const queue = ['/', '/valfleurie/participer/interpeller/?engagement=VF-05', ...fromFeeds];
    const failures: string[] = [];
    const context = await browser.newContext();
    try {
      while (queue.length > 0) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        // A document (the fictional town's PDFs) is fetched, not opened as a page.
        if (path.endsWith('.pdf')) {
          const response = await fetch(server.origin + path);
          if (response.status !== 200) failures.push(`${path}: HTTP ${response.status}`);
          continue;
        }
        const page = await context.newPage();
        const result = await visit(page, path);
        await page.close();
        if (result.status !== 200) failures.push(`${path}: HTTP ${result.status}`);
        failures.push(...result.problems.map((problem) => `${path}: ${problem}`));
        for (const href of result.links) {
          const url = new URL(href);
          if (url.origin !== server.origin) continue;
          // Feeds and scripts are not pages.
          if (url.pathname.startsWith('/feeds/') || url.pathname.startsWith('/dist/')) continue;
          queue.push(url.pathname);
        }
      }
    } finally {
      await context.close();
    }
    expect(failures).toEqual([]);
    // The crawl reached the real plans and the fictional town's official pages.
    expect([...seen]).toEqual(
      expect.arrayContaining([
        '/plans/france-2021-2023.html',
        '/plans/france-2018-2020.html',
        '/plans/paris.html',
        '/valfleurie/',
        '/valfleurie/marches-publics/',
        '/valfleurie/budget-participatif/',
        '/playground.html',
      ]),
    );
  });

  it('leads every link of the demo feeds that points into the demo to a page or a document', async () => {
    const links = await feedLinksIntoDemo();
    // The fictional town's evidence, answers and platform pages, at least.
    expect(links.size).toBeGreaterThan(15);
    const broken: string[] = [];
    for (const [link, where] of links) {
      const response = await fetch(link);
      const type = response.headers.get('content-type') ?? '';
      const body = await response.text();
      if (response.status !== 200) broken.push(`${where}: ${link}: HTTP ${response.status}`);
      else if (!/^(text\/html|application\/pdf|image\/)/.test(type)) {
        broken.push(`${where}: ${link}: ${type}`);
      } else if (body.includes('Page introuvable')) broken.push(`${where}: ${link}: not found`);
    }
    expect(broken).toEqual([]);
  });

  it('shows the real 2021-2023 national plan in the widget', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/plans/france-2021-2023.html`, { waitUntil: 'networkidle' });
      const items = page.locator('open-commitments [data-commitment-id]');
      await expect.poll(() => items.count()).toBe(19);
      const ids = await items.evaluateAll((nodes) =>
        nodes.map((node) => node.getAttribute('data-commitment-id')),
      );
      expect(ids).toEqual(expect.arrayContaining(['FR0051', 'FR0067', 'FR0109', 'FR-2021-47']));
      await expect
        .poll(() => items.filter({ hasText: 'Make public procurement more transparent' }).count())
        .toBe(1);
      const procurement = items.filter({ hasText: 'Make public procurement more transparent' });
      expect(await procurement.getAttribute('data-commitment-id')).toBe('FR0067');
      // Nothing is invented: no completion level could be read, so every status is unknown.
      expect(
        await page
          .locator('open-commitments [data-category]')
          .evaluateAll((nodes) => [
            ...new Set(nodes.map((node) => node.getAttribute('data-category'))),
          ]),
      ).toEqual(['unknown']);
    } finally {
      await page.close();
    }
  });

  it('answers conditional requests on feeds with 304, readable across origins', async () => {
    for (const feed of ['fr-2021-2023', 'fr-2018-2020', 'paris', 'valfleurie', 'valfleurie.demo']) {
      const url = `${server.origin}/feeds/${feed}.json`;
      const first = await fetch(url);
      expect(first.status, url).toBe(200);
      expect(first.headers.get('access-control-allow-origin'), url).toBe('*');
      expect(first.headers.get('access-control-expose-headers'), url).toMatch(/ETag/i);
      const etag = first.headers.get('etag');
      const lastModified = first.headers.get('last-modified');
      expect(etag, url).toBeTruthy();
      expect(lastModified, url).toBeTruthy();
      expect(parseFeed(await first.text()).ok, url).toBe(true);

      const byTag = await fetch(url, { headers: { 'if-none-match': etag! } });
      expect(byTag.status, url).toBe(304);
      const byDate = await fetch(url, { headers: { 'if-modified-since': lastModified! } });
      expect(byDate.status, url).toBe(304);
      const changed = await fetch(url, { headers: { 'if-none-match': '"another-version"' } });
      expect(changed.status, url).toBe(200);
    }
    // A page elsewhere asking with If-None-Match sends a preflight first.
    const preflight = await fetch(`${server.origin}/feeds/paris.json`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/if-none-match/i);
  });

  it('lets a page on another site load the widget from it, as the playground’s code does', async () => {
    // The page comes from another origin (another port); the bundle and the feed from the demo
    // server, as in the code the playground gives to copy.
    const elsewhere = await startServer();
    const page = await browser.newPage();
    try {
      elsewhere.route('/page.html', {
        body: `<!doctype html><html lang="fr"><title>Ailleurs</title>
          <script type="module" src="${server.origin}/dist/widget/open-commitments.js"></script>
          <open-commitments src="${server.origin}${demoFeedPath}" no-refresh></open-commitments>`,
      });
      await page.goto(`${elsewhere.origin}/page.html`);
      await expect
        .poll(() => page.locator('open-commitments [part="commitment"]').count(), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
    } finally {
      await page.close();
      await elsewhere.close();
    }
  });

  it('keeps the demo pages accessible (axe-core, WCAG 2.1 A and AA)', async () => {
    // Evaluated through the browser's debugging protocol, which the pages' CSP does not govern.
    const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
    const page = await browser.newPage();
    const report: Record<string, string[]> = {};
    try {
      for (const path of [
        '/',
        '/plans/france-2021-2023.html',
        '/valfleurie/',
        '/valfleurie/marches-publics/',
        '/valfleurie/participer/interpeller/',
      ]) {
        await page.goto(server.origin + path, { waitUntil: 'networkidle' });
        await page.evaluate(axeSource);
        const violations = await axeViolations(page);
        if (violations.length > 0) {
          report[path] = violations.map((v) => `${v.id} (${v.impact}): ${v.targets.join(' ')}`);
        }
      }
    } finally {
      await page.close();
    }
    expect(report).toEqual({});
  });

  it('fits every demo page in a 320 px wide screen, without scrolling sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const wide: Record<string, number> = {};
    // Every page of the demo's folder, those the index lists and those its pages link to.
    const paths = readdirSync('widget/demo', { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .map((file) => `/${file.replaceAll('\\', '/').replace(/index\.html$/, '')}`);
    expect(paths).toEqual(expect.arrayContaining(demoPages.map(({ path }) => path)));
    expect(paths.length).toBeGreaterThan(demoPages.length);
    try {
      for (const path of paths) {
        await page.goto(server.origin + path, { waitUntil: 'networkidle' });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide[path] = width;
        // And with the wider text spacing a reader may set (WCAG 1.4.12).
        await applyTextSpacing(page);
        const spaced = await page.evaluate(() => document.documentElement.scrollWidth);
        if (spaced > 320) wide[`${path} (text spacing)`] = spaced;
      }
    } finally {
      await page.close();
    }
    expect(wide).toEqual({});
  });

  it('scrolls a data table in its own named region on a phone, rather than cut words in its cells', async () => {
    const paths = [
      '/',
      '/valfleurie/marches-publics/',
      '/valfleurie/budget-participatif/',
      '/valfleurie/conseil-municipal/',
    ];
    const broken: string[] = [];
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    try {
      for (const width of [360, 320]) {
        for (const spaced of [false, true]) {
          if (spaced && width === 360) continue;
          await page.setViewportSize({ width, height: 640 });
          for (const path of paths) {
            await page.goto(server.origin + path, { waitUntil: 'networkidle' });
            if (spaced) await applyTextSpacing(page);
            // Each table is in a region named by its heading, which the keyboard reaches.
            const regions = await page.locator('table').evaluateAll((tables) =>
              tables.map((table) => {
                const region = table.parentElement!;
                const name = document.getElementById(region.getAttribute('aria-labelledby') ?? '');
                return {
                  role: region.getAttribute('role'),
                  name: name?.textContent ?? null,
                  tabIndex: region.tabIndex,
                  scrolls: getComputedStyle(region).overflowX,
                };
              }),
            );
            expect(regions.length, path).toBeGreaterThan(0);
            for (const region of regions) {
              expect(region, path).toMatchObject({ role: 'region', tabIndex: 0, scrolls: 'auto' });
              expect(region.name, path).toBeTruthy();
            }
            // A word of a cell (between spaces, or up to a hyphen a line may end on) on two lines.
            const cut = await page.locator('th, td').evaluateAll((cells) =>
              cells.flatMap((cell) => {
                const words: string[] = [];
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const text = node.textContent ?? '';
                  for (const match of text.matchAll(/[^ \n\t-]+-?/g)) {
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const lines = new Set(
                      [...range.getClientRects()].map((box) => Math.round(box.bottom)),
                    );
                    if (lines.size > 1) words.push(match[0]);
                  }
                }
                return words;
              }),
            );
            for (const word of cut) {
              broken.push(`${path} at ${width} px${spaced ? ' (text spacing)' : ''}: ${word}`);
            }
          }
        }
      }
    } finally {
      await page.close();
    }
    expect(broken).toEqual([]);
  });

  it('keeps a range of years and a short code on one line at any phone width', async () => {
    const page = await browser.newPage();
    const split: string[] = [];
    try {
      for (const path of [
        '/',
        '/plans/paris.html',
        '/plans/france-2021-2023.html',
        '/plans/france-2018-2020.html',
        '/valfleurie/',
        '/playground.html',
      ]) {
        await page.goto(server.origin + path, { waitUntil: 'networkidle' });
        for (let width = 320; width <= 420; width += 4) {
          await page.setViewportSize({ width, height: 640 });
          const found = await page.evaluate(() => {
            const lines = (range: Range) =>
              new Set([...range.getClientRects()].map((box) => Math.round(box.bottom))).size;
            const out: string[] = [];
            const main = document.querySelector('main')!;
            const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const match of (node.textContent ?? '').matchAll(/\b(19|20)\d\d-\d{2,4}\b/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                if (lines(range) > 1) out.push(match[0]);
              }
            }
            for (const code of main.querySelectorAll('code')) {
              const text = code.textContent ?? '';
              if (text.length > 24 || code.closest('pre')) continue;
              const range = document.createRange();
              range.selectNodeContents(code);
              if (lines(range) > 1) out.push(text);
            }
            return out;
          });
          split.push(...found.map((text) => `${path} at ${width} px: ${text}`));
        }
      }
    } finally {
      await page.close();
    }
    expect(split).toEqual([]);
  });

  it('shows the question panel a badge opens on a phone, inside its details, the page left still', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const out: string[] = [];
    try {
      await page.goto(`${server.origin}/valfleurie/`, { waitUntil: 'networkidle' });
      const badges = page.locator('open-commitment-badge');
      const count = await badges.count();
      for (let i = 0; i < count; i += 1) {
        const badge = badges.nth(i);
        await badge.locator('[part="toggle"]').click();
        const ask = badge.locator('[part="ask"] > button');
        if ((await ask.count()) === 0) continue;
        await ask.scrollIntoViewIfNeeded();
        const scrolled = await page.evaluate(() => scrollY);
        await ask.click();
        await page.waitForTimeout(300);
        const where = await badge.locator('.ask-panel').evaluate((panel) => {
          const box = panel.getBoundingClientRect();
          const details = panel.closest('.popover')!.getBoundingClientRect();
          return {
            shown: box.top >= details.top - 1 && box.bottom <= details.bottom + 1,
            inWindow: box.top >= 0 && box.bottom <= innerHeight,
            pageMoved: scrollY,
          };
        });
        expect(where, `badge ${i}`).toEqual({ shown: true, inWindow: true, pageMoved: scrolled });
        out.push(`badge ${i}`);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
      }
    } finally {
      await page.close();
    }
    expect(out.length).toBeGreaterThan(0);
  });

  it('fills the fictional interpellation form with the commitment questioned', async () => {
    const page = await browser.newPage();
    try {
      const query = new URLSearchParams({ engagement: 'VF-05', titre: '<b>Délibérations</b>' });
      await page.goto(`${server.origin}/valfleurie/participer/interpeller?${query}`);
      await expect.poll(() => page.inputValue('#engagement')).toBe('VF-05');
      // The title arrives from a URL: it is shown as text, never as markup.
      expect(await page.locator('#titre').textContent()).toBe('<b>Délibérations</b>');
      expect(await page.locator('#titre b').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it("points the fictional city hall's demo feed at the demo's own pages", async () => {
    const response = await fetch(server.origin + demoFeedPath);
    const parsed = parseFeed(await response.text(), { mode: 'strict' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const feed = parsed.feed;
    const patterns = [...(feed.site ?? []), ...feed.commitments.flatMap((c) => c.pages ?? [])];
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of patterns) expect(pattern).toMatch(/^http:\/\/127\.0\.0\.1\/valfleurie\//);
    expect(feed.publisher.url).toBe(`${server.origin}/valfleurie/`);
    expect(feed.interpellation?.url).toMatch(
      new RegExp(`^${server.origin}/valfleurie/participer/interpeller\\?`),
    );
    expect(JSON.stringify(feed)).not.toContain('www.valfleurie.example');

    // The official pages the demo serves are the ones the feed names, commitment by commitment.
    const index = createPageIndex([{ feedId: 'valfleurie', feed }]);
    const expected: Record<string, string[]> = {
      '/valfleurie/': [],
      '/valfleurie/marches-publics/': ['VF-01'],
      '/valfleurie/marches-publics/2026-047-ecoles-moulin/': ['VF-01', 'VF-03'],
      '/valfleurie/budget-participatif/': ['VF-02'],
      '/valfleurie/conseil-municipal/': ['VF-05'],
      '/valfleurie/commune-ouverte/engagements/marches-publics/': ['VF-01'],
    };
    for (const [path, ids] of Object.entries(expected)) {
      const [match] = index.match(server.origin + path);
      expect(match?.site, path).toBe(true);
      expect(match?.commitmentIds.toSorted(), path).toEqual(ids);
      const page = await (await fetch(server.origin + path)).text();
      expect(page, path).toMatch(
        /<link\s+rel="alternate"\s+type="application\/vnd\.open-commitments\+json"\s+href="\/feeds\/valfleurie\.demo\.json"/,
      );
    }
  });
});
