/**
 * The widget on pages it does not control, in real Chromium: the badge and its popover, one request
 * shared by badges and a dashboard, a strict CSP with Trusted Types, the script included twice and
 * next to the badge bundle, hostile page CSS, and another copy of Lit on the page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer } from './support/server.ts';
import {
  axeViolations,
  bundledFeed,
  hostPage,
  serveFeed,
  settled,
  widgetChromium,
} from './fixtures/widget/harness.ts';

const TODAY = '2026-12-04';
const STRICT_CSP =
  "default-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const chromium = widgetChromium();

/** A fresh profile; CSP violations and errors are collected from the first script on. */
async function newPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await chromium.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('ERR_NAME_NOT_RESOLVED')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
      list.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return { page, problems };
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

const feedRequests = (path: string) =>
  chromium.server.requests.filter((r) => r.split('?')[0] === path).length;

const badge = (id: string) => `open-commitment-badge[commitment="${id}"]`;

/**
 * How a badge's line lies in its card: how many of its boxes stick out of the card, how many rows
 * its parts make, whether its title is cut, the title's width and the line's inner width.
 */
function badgeLayout(page: Page, id: string) {
  return page.locator(badge(id)).evaluate((host) => {
    const card = (host.closest('.card') ?? document.body).getBoundingClientRect();
    const line = host.shadowRoot!.querySelector('.line')!;
    const title = host.shadowRoot!.querySelector<HTMLElement>('.title')!;
    const name = host.shadowRoot!.querySelector('.name')!.getBoundingClientRect();
    const middle = (box: DOMRect) => box.top + box.height / 2;
    const toggle = host.shadowRoot!.querySelector('.toggle')!.getBoundingClientRect();
    const style = getComputedStyle(line);
    const inner =
      line.getBoundingClientRect().width -
      parseFloat(style.paddingLeft) -
      parseFloat(style.paddingRight) -
      parseFloat(style.borderLeftWidth) -
      parseFloat(style.borderRightWidth);
    const outside = [line, ...line.children]
      .map((el) => el.getBoundingClientRect())
      .filter((box) => box.left < card.left - 0.5 || box.right > card.right + 0.5);
    // Parts of one row share a vertical middle (the line centres them).
    const middles = [...line.children]
      .map((el) => el.getBoundingClientRect())
      .map((box) => box.top + box.height / 2)
      .sort((a, b) => a - b);
    const rows = 1 + middles.filter((m, i) => i > 0 && m - middles[i - 1]! > 2).length;
    return {
      outside: outside.length,
      rows,
      // Cut short: on one line, the rest of its words are past its end or below it.
      cut: title.scrollWidth > title.clientWidth || title.scrollHeight > title.clientHeight,
      nameWidth: name.width,
      toggleBesideTitle: Math.abs(middle(toggle) - middle(title.getBoundingClientRect())) < 2,
      inner,
    };
  });
}

/** Serves `feed` as a hostile publisher would, shows it in a dashboard and opens commitment `id`. */
async function openHostileFeed(name: string, feed: unknown, id: string) {
  serveFeed(chromium.server, `/hostile/${name}.json`, feed);
  const { page } = await newPage();
  await page.goto(
    hostPage(chromium.server, `/hostile-${name}.html`, {
      body: `<open-commitments src="/hostile/${name}.json" today="${TODAY}" no-refresh></open-commitments>`,
    }),
  );
  await settled(page);
  const item = page.locator(`open-commitments [data-commitment-id="${id}"]`);
  await item.locator('.toggle').click();
  return { page, item };
}

describe('<open-commitment-badge>', () => {
  it('shows status, progress and late mark on one line, linking to the commitment page', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/badges.html`);
    await settled(page, badge('VF-03'));
    const line = page.locator(`${badge('VF-03')} .line`);
    await line.waitFor();
    expect(await line.locator('[part="status"]').textContent()).toBe('En travaux');
    expect(await line.locator('[part="status"]').getAttribute('data-category')).toBe('substantial');
    expect(await line.locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('60');
    expect(await line.locator('.late').textContent()).toBe('En retard');
    expect(await page.locator(`${badge('VF-01')} [part="link"]`).getAttribute('href')).toBe(
      'https://www.valfleurie.example/commune-ouverte/engagements/marches-publics',
    );
    const box = await line.boundingBox();
    expect(box!.height).toBeLessThan(60);
    expect(problems).toEqual([]);
  });

  it('opens its popover on click and on keyboard focus, and Escape closes it', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/badges.html`);
    await settled(page, badge('VF-01'));
    const toggle = page.locator(`${badge('VF-01')} [part="toggle"]`);
    const popover = page.locator(`${badge('VF-01')} [part="popover"]`);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await popover.isVisible()).toBe(true);
    expect(await popover.getAttribute('role')).toBe('region');
    expect(await popover.textContent()).toContain('Interpeller');
    await popover.locator('[part="ask"] button').click();
    expect(await popover.locator('a.ask-go').getAttribute('href')).toMatch(
      /^https:\/\/participer\.valfleurie\.example\/interpeller\?engagement=VF-01&/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await popover.isVisible()).toBe(false);
    expect(
      await toggle.evaluate(
        (el) =>
          el.getRootNode() instanceof ShadowRoot &&
          (el.getRootNode() as ShadowRoot).activeElement === el,
      ),
    ).toBe(true);

    // Keyboard: tab from the commitment link onto the button opens the details.
    await page.locator(`${badge('VF-02')} [part="link"]`).focus();
    await page.keyboard.press('Tab');
    const second = page.locator(`${badge('VF-02')} [part="toggle"]`);
    await expect.poll(() => second.getAttribute('aria-expanded')).toBe('true');
    // Pressing the button it is on, as one does, leaves them open to be read (a screen reader
    // moving there and clicking does the same); the next press closes them.
    await page.keyboard.press('Enter');
    expect(await second.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await second.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Space');
    expect(await second.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await second.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes its popover on a click outside and on Escape with focus outside, leaving focus there', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/badges.html`);
    await settled(page, badge('VF-01'));
    const toggle = page.locator(`${badge('VF-01')} [part="toggle"]`);
    const popover = page.locator(`${badge('VF-01')} [part="popover"]`);
    const focusOnBody = () => page.evaluate(() => document.activeElement === document.body);

    await toggle.click();
    // A click on the details' text keeps them open, and takes focus off the button.
    await popover.locator('.pop-title').click();
    expect(await popover.isVisible()).toBe(true);
    expect(await focusOnBody()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await popover.isVisible()).toBe(false);
    expect(await focusOnBody()).toBe(true);

    await toggle.click();
    expect(await popover.isVisible()).toBe(true);
    await page.locator('h1').click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await popover.isVisible()).toBe(false);
    expect(await focusOnBody()).toBe(true);
  });

  it('opens its popover above a badge at the bottom of the window, where it has room', async () => {
    const { page } = await newPage();
    const line = (id: string) =>
      `<p>État : <open-commitment-badge src="/feeds/valfleurie.json" commitment="${id}" today="${TODAY}"></open-commitment-badge></p>`;
    await page.goto(
      hostPage(chromium.server, '/badge-bottom.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        // The second badge on the 800 px window's last lines, the page above it.
        body: `${line('VF-01')}<div style="height: 640px"></div>${line('VF-02')}`,
      }),
    );
    for (const id of ['VF-01', 'VF-02']) {
      await settled(page, badge(id));
      await page.locator(`${badge(id)} [part="toggle"]`).click();
      const badgeBox = (await page.locator(badge(id)).boundingBox())!;
      const box = (await page.locator(`${badge(id)} [part="popover"]`).boundingBox())!;
      expect(box.y, id).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, id).toBeLessThanOrEqual(800);
      // Below the first badge, which has room under it; above the second.
      if (id === 'VF-01') expect(box.y, id).toBeGreaterThan(badgeBox.y + badgeBox.height);
      else expect(box.y + box.height, id).toBeLessThan(badgeBox.y);
      await page.locator('h1').click();
    }
  });

  it('shows its details whole in a card of the page that clips what overflows it', async () => {
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/badge-card.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        head: `<style>
          .card { overflow: hidden; border: 1px solid #ccc; border-radius: 8px; padding: 1rem; max-width: 26rem; }
          .card.contained { container-type: inline-size; }
        </style>`,
        body: `<article class="card"><h2>Écoles</h2><open-commitment-badge id="clipped" src="/feeds/valfleurie.json" commitment="VF-03" today="${TODAY}"></open-commitment-badge></article>
          <article class="card contained"><open-commitment-badge id="contained" src="/feeds/valfleurie.json" commitment="VF-01" today="${TODAY}"></open-commitment-badge></article>
          <p style="height: 600px">Suite de la page.</p>`,
      }),
    );
    for (const id of ['clipped', 'contained']) {
      await settled(page, `#${id}`);
      await page.locator(`#${id} [part="toggle"]`).click();
      const popover = page.locator(`#${id} [part="popover"]`);
      const box = (await popover.boundingBox())!;
      const card = (await page.locator(`#${id}`).locator('xpath=..').boundingBox())!;
      // The details reach below their card, and what is drawn there is them, not the page.
      expect(box.y + box.height, id).toBeGreaterThan(card.y + card.height + 20);
      const shown = await page.evaluate(
        ([id, x, y]) => {
          const host = document.getElementById(id as string)!;
          const hit = host.shadowRoot!.elementFromPoint(x as number, y as number);
          return !!hit?.closest('[part="popover"]');
        },
        [id, box.x + box.width / 2, box.y + box.height - 10] as const,
      );
      expect(shown, id).toBe(true);
      await page.locator('h1').click();
      expect(await popover.isVisible(), id).toBe(false);
    }
  });

  it('keeps the interpellation link of its details in the window once the action opens, on a phone', async () => {
    const context = await chromium.newContext({ viewport: { width: 320, height: 600 } });
    const page = await context.newPage();
    await page.goto(
      hostPage(chromium.server, '/badge-ask-phone.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        body: `<p>État : <open-commitment-badge src="/feeds/valfleurie.json" commitment="VF-03" today="${TODAY}"></open-commitment-badge></p>
          <p style="height: 1200px">Suite de la page.</p>`,
      }),
    );
    await settled(page, badge('VF-03'));
    await page.locator(`${badge('VF-03')} [part="toggle"]`).click();
    const popover = page.locator(`${badge('VF-03')} [part="popover"]`);
    await popover.locator('[part="ask"] button').click();
    const go = popover.locator('a.ask-go');
    await go.focus();
    const box = (await go.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    // Seen, not hidden under the details' own edge.
    const seen = await page.evaluate(
      ([x, y]) => {
        const host = document.querySelector('open-commitment-badge')!;
        return host
          .shadowRoot!.elementFromPoint(x!, y!)
          ?.closest('a')
          ?.classList.contains('ask-go');
      },
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(seen).toBe(true);
  });

  it('shows its details button pressed while they are open, in forced colours too', async () => {
    const { page } = await newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${chromium.server.origin}/fixtures/badges.html`);
    await settled(page, badge('VF-01'));
    await settled(page, badge('VF-03'));
    const look = (id: string) =>
      page
        .locator(`${badge(id)} [part="toggle"]`)
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    const closed = await look('VF-01');
    expect(await look('VF-03')).toEqual(closed);
    await page.locator(`${badge('VF-01')} [part="toggle"]`).click();
    const open = await look('VF-01');
    expect(open[0]).not.toBe(closed[0]);
    expect(open[1]).not.toBe(closed[1]);
  });

  it('fits a 320 px wide phone: the line wraps in its card and the popover stays on screen', async () => {
    const feed = bundledFeed('valfleurie');
    // A title short enough to share a row, next to the feed's long ones.
    feed.commitments[1]!.title = { fr: 'Budget des jeunes', en: 'Youth budget' };
    serveFeed(chromium.server, '/feeds/narrow.json', feed);
    const context = await chromium.newContext({
      viewport: { width: 320, height: 700 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    const badges = ['VF-01', 'VF-02', 'VF-03', 'VF-04']
      .map(
        (id) =>
          `<p>État : <open-commitment-badge src="/feeds/narrow.json" commitment="${id}" today="${TODAY}"></open-commitment-badge></p>`,
      )
      .join('');
    await page.goto(
      hostPage(chromium.server, '/narrow.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        head: `<style>
          body { margin: 0; font-family: sans-serif; }
          main { padding: 0 1rem; }
          .card { border: 1px solid #ccc; padding: 1rem 1.25rem; }
        </style>`,
        body: `<article class="card"><h2>Actualités</h2>${badges}</article>`,
      }),
    );
    for (const id of ['VF-01', 'VF-02', 'VF-03', 'VF-04']) await settled(page, badge(id));
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    expect(await overflow()).toBe(0);

    for (const id of ['VF-01', 'VF-02', 'VF-03', 'VF-04']) {
      const layout = await badgeLayout(page, id);
      expect(layout.outside, id).toBe(0);
      expect(layout.rows, id).toBeGreaterThan(1);
      // The title is cut only when it has a row to itself and the details button, and is still
      // too long for it; the button stays beside it.
      if (layout.cut) expect(layout.nameWidth, id).toBeCloseTo(layout.inner, 0);
      expect(layout.toggleBesideTitle, id).toBe(true);
      if (id === 'VF-02') expect(layout.cut, id).toBe(false);

      const toggle = page.locator(`${badge(id)} [part="toggle"]`);
      const popover = page.locator(`${badge(id)} [part="popover"]`);
      await toggle.tap();
      expect(await popover.isVisible(), id).toBe(true);
      const box = (await popover.boundingBox())!;
      expect(box.x, id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, id).toBeLessThanOrEqual(320);
      expect(await overflow(), id).toBe(0);
      // A tap in the page's margin, outside the card (the popover may cover the heading).
      await page.touchscreen.tap(2, 350);
      expect(await popover.isVisible(), id).toBe(false);
    }

    // With room, each badge is one line again, its title whole.
    await page.setViewportSize({ width: 1000, height: 700 });
    for (const id of ['VF-01', 'VF-02', 'VF-03', 'VF-04']) {
      const { rows, cut } = await badgeLayout(page, id);
      expect({ rows, cut }, id).toEqual({ rows: 1, cut: false });
    }
  });

  it('takes the properties a page set before its script loaded, and follows later changes', async () => {
    const { page, problems } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/badge-before-script.html', {
        body: '<p id="here"></p>',
        scripts: [],
      }),
    );
    await page.evaluate(async () => {
      const early = document.createElement('open-commitment-badge');
      Object.assign(early, {
        src: '/feeds/valfleurie.json',
        commitment: 'VF-03',
        today: '2026-12-04',
      });
      document.getElementById('here')!.append(early);
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '/dist/open-commitment-badge.js';
      document.head.append(script);
      await new Promise((resolve) => script.addEventListener('load', resolve));
    });
    const status = page.locator('open-commitment-badge [part="status"]');
    await expect.poll(() => status.textContent()).toBe('En travaux');
    await page.evaluate(() => {
      (
        document.querySelector('open-commitment-badge') as unknown as { commitment: string }
      ).commitment = 'VF-01';
    });
    await expect.poll(() => status.getAttribute('data-category')).toBe('limited');
    expect(problems).toEqual([]);
  });

  it('shares one request between three badges and a dashboard of the same feed', async () => {
    const { page } = await newPage();
    const before = feedRequests('/feeds/valfleurie.json');
    await page.goto(`${chromium.server.origin}/fixtures/badges.html`);
    await settled(page);
    for (const id of ['VF-01', 'VF-02', 'VF-03']) await settled(page, badge(id));
    await page.waitForTimeout(300);
    expect(feedRequests('/feeds/valfleurie.json') - before).toBe(1);
  });
});

describe('on any host page', () => {
  it('works under a strict CSP with Trusted Types, with no violation', async () => {
    const { page, problems } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/strict.html', {
        csp: STRICT_CSP,
        // axe from the page's own origin: Trusted Types forbid injecting it later.
        head: '<script src="/axe/axe.min.js"></script>',
        body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>
          <p><open-commitment-badge src="/feeds/valfleurie.json" commitment="VF-01" today="${TODAY}"></open-commitment-badge></p>`,
      }),
    );
    await settled(page);
    expect(await page.locator('open-commitments [data-commitment-id]').count()).toBe(10);
    // Widths set through the CSS object model survive style-src 'self'.
    const ratio = await page
      .locator('open-commitments [data-commitment-id="VF-03"] [role="progressbar"] > span')
      .evaluate(
        (el) => el.getBoundingClientRect().width / el.parentElement!.getBoundingClientRect().width,
      );
    expect(ratio).toBeCloseTo(0.6, 1);
    const stack = await page
      .locator('open-commitments .stack > span')
      .evaluateAll((spans) => spans.map((s) => Math.round(s.getBoundingClientRect().width)));
    expect(new Set(stack).size).toBeGreaterThan(1);
    await page.locator('open-commitments [data-commitment-id="VF-03"] .toggle').click();
    await page.locator(`${badge('VF-01')} [part="toggle"]`).click();
    // The page's own img-src refuses the publisher's logo from elsewhere: the widget hides it.
    const violations = await cspViolations(page);
    expect(violations.filter((v) => !v.startsWith('img-src'))).toEqual([]);
    expect(await page.locator('open-commitments .logo').isVisible()).toBe(false);
    expect(problems.filter((p) => !p.includes("img-src 'self'"))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('works with both bundles under Trusted Types when duplicate Lit policies are allowed', async () => {
    const { page, problems } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/strict-both.html', {
        csp: `${STRICT_CSP} 'allow-duplicates'`,
        scripts: ['/dist/open-commitment-badge.js', '/dist/open-commitments.js'],
        body: `<open-commitments src="/feeds/valfleurie.json" no-refresh></open-commitments>
          <p><open-commitment-badge src="/feeds/valfleurie.json" commitment="VF-02"></open-commitment-badge></p>`,
      }),
    );
    await settled(page);
    await settled(page, badge('VF-02'));
    expect(await page.locator('open-commitments [data-commitment-id]').count()).toBe(10);
    const violations = await cspViolations(page);
    expect(violations.filter((v) => !v.startsWith('img-src'))).toEqual([]);
    expect(problems.filter((p) => !p.includes("img-src 'self'"))).toEqual([]);
  });

  it('works with the script included twice and next to the badge bundle, with one request', async () => {
    const { page, problems } = await newPage();
    chromium.server.route('/feeds/twice.json', {
      body: JSON.stringify(
        JSON.parse(await (await fetch(`${chromium.server.origin}/feeds/valfleurie.json`)).text()),
      ),
    });
    await page.goto(
      hostPage(chromium.server, '/twice.html', {
        scripts: [
          '/dist/open-commitment-badge.js',
          '/dist/open-commitments.js',
          '/dist/open-commitments.js?v=2',
        ],
        body: `<open-commitments src="/feeds/twice.json" no-refresh></open-commitments>
          <p><open-commitment-badge src="/feeds/twice.json" commitment="VF-02"></open-commitment-badge></p>`,
      }),
    );
    await settled(page);
    await settled(page, badge('VF-02'));
    expect(await page.locator('open-commitments [data-commitment-id]').count()).toBe(10);
    expect(await page.locator(`${badge('VF-02')} [part="status"]`).textContent()).toBe('Livré');
    expect(feedRequests('/feeds/twice.json')).toBe(1);
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is not broken by hostile page CSS', async () => {
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/hostile.html', {
        head: `<style>
          * { all: unset !important; }
          div, section, ul, li, button, span { display: none !important; color: red !important; }
          open-commitments, open-commitment-badge { font-size: 0 !important; color: transparent !important; }
        </style>`,
        body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>
          <open-commitment-badge src="/feeds/valfleurie.json" commitment="VF-01"></open-commitment-badge>`,
      }),
    );
    await settled(page);
    const title = page.locator('open-commitments [data-commitment-id="VF-01"] h3');
    expect(await title.isVisible()).toBe(true);
    const style = await title.evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        size: parseFloat(s.fontSize),
        color: s.color,
        display: getComputedStyle(el.closest('li')!).display,
      };
    });
    expect(style.size).toBeGreaterThan(12);
    expect(style.color).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.display).not.toBe('none');
    await settled(page, badge('VF-01'));
    expect(await page.locator(`${badge('VF-01')} [part="status"]`).isVisible()).toBe(true);
    const widgetViolations = (await axeViolations(page)).filter((v) =>
      v.targets.some((t) => t.includes('open-commitment')),
    );
    expect(widgetViolations).toEqual([]);
  });

  it('keeps its colours when the page names its own custom properties as short as --c', async () => {
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/short-properties.html', {
        head: `<style>:root { --c: #f0f; --cb: #0f0; }</style>`,
        body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    // The overall progress bar, of no status category, is filled in the accent colour.
    const fill = await page
      .locator('open-commitments .figure .bar > span')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(fill).toBe('rgb(31, 79, 184)');
  });

  it('lives next to another copy of Lit without sharing it', async () => {
    const { page, problems } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/other-lit.html', {
        head: `<script type="module">
          import { html, render } from '/vendor/lit-html/lit-html.js';
          const host = document.createElement('div');
          document.body.append(host);
          render(html\`<p id="own">The page's own Lit: \${'works'}</p>\`, host);
        </script>`,
        body: `<open-commitments src="/feeds/valfleurie.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    await page.locator('#own').waitFor();
    expect(await page.locator('#own').textContent()).toBe("The page's own Lit: works");
    expect(await page.locator('open-commitments [data-commitment-id]').count()).toBe(10);
    expect(
      await page.evaluate(
        () => (window as unknown as { litHtmlVersions: string[] }).litHtmlVersions.length,
      ),
    ).toBe(2);
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('on a single-page app that routes by the hash', () => {
  // The host's router reads the hash up to its query as the page to show, as Vue Router's hash
  // mode, Angular's useHash and React's HashRouter do.
  const ROUTED = `<p id="view"></p><open-commitments src="/feeds/fr-2021-2023.json" today="${TODAY}" no-refresh></open-commitments>
    <script>
      function route() {
        const path = location.hash.slice(1).split('?')[0] || '/accueil';
        view.textContent = { '/accueil': 'Accueil', '/engagements': 'Nos engagements' }[path] ?? 'Page introuvable';
      }
      addEventListener('hashchange', route);
      route();
    </script>`;
  const view = (page: Page) => page.locator('#view').textContent();

  it('keeps the host’s route when the reader sorts and opens a commitment, and after a reload', async () => {
    const { page, problems } = await newPage();
    const url = hostPage(chromium.server, '/routed.html', { body: ROUTED });
    await page.goto(`${url}#/engagements`);
    await settled(page);
    expect(await view(page)).toBe('Nos engagements');

    await page.locator('open-commitments select[name="sort"]').selectOption('title');
    await expect.poll(() => new URL(page.url()).hash).toBe('#/engagements?oc-sort=title');
    await page.locator('open-commitments [data-commitment-id="FR0051"] .toggle').click();
    await expect
      .poll(() => new URL(page.url()).hash)
      .toBe('#/engagements?oc-sort=title&commitment=FR0051');

    await page.reload();
    await settled(page);
    expect(await view(page)).toBe('Nos engagements');
    expect(await page.locator('open-commitments select[name="sort"]').inputValue()).toBe('title');
    await expect
      .poll(() =>
        page
          .locator('open-commitments [data-commitment-id="FR0051"] .toggle')
          .getAttribute('aria-expanded'),
      )
      .toBe('true');
    expect(problems).toEqual([]);
  });
});

describe('a hostile feed', () => {
  it('tells neither the feed’s host nor its logo’s which page shows the dashboard', async () => {
    const elsewhere = await startServer();
    const referers: Record<string, string | undefined> = {};
    const feed = bundledFeed('valfleurie');
    feed.publisher = { ...(feed.publisher as object), logo: `${elsewhere.origin}/logo.svg` };
    elsewhere.route('/logo.svg', (req) => {
      referers.logo = req.headers.referer;
      return { body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' };
    });
    elsewhere.route('/feed.json', (req) => {
      referers.feed = req.headers.referer;
      return { body: JSON.stringify(feed) };
    });
    try {
      const { page } = await newPage();
      await page.goto(
        hostPage(chromium.server, '/private/account.html', {
          // A page that would otherwise send its full address with every request.
          head: '<meta name="referrer" content="unsafe-url">',
          body: `<open-commitments src="${elsewhere.origin}/feed.json" today="${TODAY}" no-refresh></open-commitments>`,
        }) + '?user=42',
      );
      await settled(page);
      await expect.poll(() => Object.keys(referers).sort()).toEqual(['feed', 'logo']);
      expect(referers).toEqual({ feed: undefined, logo: undefined });
    } finally {
      await elsewhere.close();
    }
  });

  it('keeps a right-to-left override in a feed text from turning the dashboard’s words around', async () => {
    const feed = bundledFeed('valfleurie');
    const first = feed.commitments[0]!;
    const [milestone, ...others] = first.milestones as Record<string, unknown>[];
    first.milestones = [
      { ...milestone, title: { fr: '\u202ECahier', en: '\u202ESpecification' } },
      ...others,
    ];
    const { item } = await openHostileFeed('bidi', feed, String(first.id));
    // The date after the milestone's title: its first character left of its last.
    const when = item.locator('.milestone .when').first();
    const leftToRight = await when.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let text = walker.nextNode()!;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent!.length > text.textContent!.length) text = node;
      }
      const x = (offset: number) => {
        const range = document.createRange();
        range.setStart(text, offset);
        range.setEnd(text, offset + 1);
        return range.getBoundingClientRect().left;
      };
      return x(0) < x(text.textContent!.length - 1);
    });
    expect(leftToRight).toBe(true);
  });

  it('keeps huge unbroken texts inside the dashboard and the badge', async () => {
    const long = (word: string) => word.repeat(2000);
    const feed = bundledFeed('valfleurie');
    const first = feed.commitments[0]!;
    first.title = long('Titre');
    first.lead = long('Direction');
    first.summary = long('Résumé');
    first.refs = { deliberation: long('DEL-') };
    const [milestone, ...others] = first.milestones as Record<string, unknown>[];
    first.milestones = [{ ...milestone, title: long('Étape') }, ...others];
    serveFeed(chromium.server, '/hostile/long.json', feed);
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/hostile-long.html', {
        body: `<div style="width: 600px"><open-commitments src="/hostile/long.json" today="${TODAY}" no-refresh></open-commitments>
          <open-commitment-badge src="/hostile/long.json" commitment="${String(first.id)}"></open-commitment-badge></div>`,
      }),
    );
    await settled(page);
    await settled(page, badge(String(first.id)));
    const item = page.locator(`open-commitments [data-commitment-id="${String(first.id)}"]`);
    await item.locator('.toggle').click();
    await page.locator(`${badge(String(first.id))} button`).click();
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      dashboard: document.querySelector('open-commitments')!.getBoundingClientRect().width,
    }));
    expect(overflow).toEqual({ page: 0, dashboard: 600 });
  });

  it('links only to plain http(s) addresses and shows its markup as text', async () => {
    const feed = bundledFeed('valfleurie');
    const first = feed.commitments[0]!;
    first.title = '<img src=x onerror="window.pwned=1">\u202E Titre';
    first.refs = {
      ogp: 'https://www.valfleurie.example@evil.example/',
      owner: 'https://user:secret@www.valfleurie.example/',
      // Built so that the linter's script-URL rule stays on for real code.
      script: ['javascript', 'window.pwned=1'].join(':'),
      spaced: ' https://evil.example/',
      slashes: 'https:\\\\evil.example/',
    };
    const { page, item } = await openHostileFeed('links', feed, String(first.id));
    await item.locator('.details').waitFor();
    expect(await item.locator('h3').textContent()).toContain('<img src=x');
    const hrefs = await page
      .locator('open-commitments a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(3);
    const unsafe = hrefs.filter(
      (href) => !/^(https?:\/\/[^/@\\\s]+(\/[^\s]*)?|mailto:.*)$/.test(href),
    );
    expect(unsafe).toEqual([]);
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
  });
});
