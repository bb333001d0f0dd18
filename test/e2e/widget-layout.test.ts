/**
 * The dashboard and the badge under what real feeds bring, in real Chromium, on the built bundle:
 * the filter bar of plans with many themes and leads at any width, feed words longer than a phone
 * is wide in every place a feed puts text, a reader's focus across a change of language or day,
 * a shared link naming a choice the feed does not offer or a commitment, feed text in another
 * language or direction than the dashboard's, and late marks on commitments the publisher closed.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  bundledFeed,
  hostPage,
  serveFeed,
  settled,
  widgetChromium,
} from './fixtures/widget/harness.ts';
import { generatedFeed } from '../bench/generated-feed.ts';

const TODAY = '2026-12-04';

const chromium = widgetChromium();

async function newPage(width: number): Promise<Page> {
  const context = await chromium.newContext({ viewport: { width, height: 900 } });
  return context.newPage();
}

/** The boxes of the filter bar's fields (search and selects), in order. */
function fieldBoxes(page: Page) {
  return page.locator('open-commitments .filters .field').evaluateAll((fields) =>
    fields.map((field) => {
      const box = field.getBoundingClientRect();
      return { top: Math.round(box.top), left: Math.round(box.left), width: Math.round(box.width) };
    }),
  );
}

/** The horizontal scroll the page has gained, in CSS pixels. */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The commitment whose row holds the focus, in the page's one dashboard. */
const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('open-commitments')!.shadowRoot!.activeElement;
    return active?.closest('[data-commitment-id]')?.getAttribute('data-commitment-id');
  });

describe('the filter bar', () => {
  // Paris's plan: themes and leads to choose from, no questions, so four fields and one check box.
  const body = (width: string) =>
    `<div style="width: ${width}; margin: auto"><open-commitments src="/feeds/paris.json" today="${TODAY}" no-refresh></open-commitments></div>`;

  it('lays its fields out in one row of equal widths when they fit', async () => {
    const page = await newPage(1280);
    await page.goto(
      hostPage(chromium.server, '/layout-filters-wide.html', { body: body('960px') }),
    );
    await settled(page);
    const boxes = await fieldBoxes(page);
    expect(boxes).toHaveLength(4);
    expect(new Set(boxes.map((box) => box.top)).size).toBe(1);
    expect(
      Math.max(...boxes.map((b) => b.width)) - Math.min(...boxes.map((b) => b.width)),
    ).toBeLessThanOrEqual(1);
  });

  it('spreads its fields over the whole row of a wide page, leaving no empty column', async () => {
    const page = await newPage(1600);
    await page.goto(
      hostPage(chromium.server, '/layout-filters-widest.html', { body: body('1560px') }),
    );
    await settled(page);
    const boxes = await fieldBoxes(page);
    expect(boxes).toHaveLength(4);
    expect(new Set(boxes.map((box) => box.top)).size).toBe(1);
    const row = await page
      .locator('open-commitments .filters')
      .evaluate((form) => form.getBoundingClientRect().right);
    const last = boxes.at(-1)!;
    expect(Math.abs(row - (last.left + last.width))).toBeLessThanOrEqual(1);
  });

  it('shows the search field’s hint whole in a quarter of the row, in French and in English', async () => {
    for (const lang of ['fr', 'en']) {
      const page = await newPage(1280);
      await page.goto(
        hostPage(chromium.server, `/layout-filters-hint-${lang}.html`, {
          body: body('960px'),
          lang,
        }),
      );
      await settled(page);
      const { hint, room } = await page
        .locator('open-commitments .filters input[type="search"]')
        .evaluate((input: HTMLInputElement) => {
          const style = getComputedStyle(input);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          return {
            hint: context.measureText(input.placeholder).width,
            room:
              input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
          };
        });
      expect(hint, lang).toBeGreaterThan(0);
      expect(hint, lang).toBeLessThanOrEqual(room);
    }
  });

  it('lays them out in even columns when they do not, down to one at 320 px', async () => {
    for (const [viewport, width, columns] of [
      [1280, '600px', 2],
      [320, '100%', 1],
    ] as const) {
      const page = await newPage(viewport);
      await page.goto(
        hostPage(chromium.server, `/layout-filters-${viewport}.html`, { body: body(width) }),
      );
      await settled(page);
      const boxes = await fieldBoxes(page);
      const lefts = [...new Set(boxes.map((box) => box.left))];
      expect(lefts, `${width} wide`).toHaveLength(columns);
      // Every row full but perhaps the last, every field as wide as the others.
      const rows = new Set(boxes.map((box) => box.top)).size;
      expect(rows).toBe(Math.ceil(boxes.length / columns));
      expect(new Set(boxes.map((box) => box.width)).size).toBe(1);
      expect(await pageOverflow(page)).toBe(0);
    }
  });

  it('writes its fields at 16 px at least on a phone, which iOS Safari does not zoom into on focus', async () => {
    const page = await newPage(360);
    await page.goto(
      hostPage(chromium.server, '/layout-filters-phone.html', { body: body('100%') }),
    );
    await settled(page);
    const sizes = await page
      .locator('open-commitments .filters .field')
      .evaluateAll((fields) =>
        fields.map((field) => [
          getComputedStyle(field).fontSize,
          getComputedStyle(field.querySelector('input, select')!).fontSize,
        ]),
      );
    expect(sizes).toHaveLength(4);
    // The labels keep their smaller size.
    for (const [label, control] of sizes) expect([label, control]).toEqual(['14.4px', '16px']);
  });
});

describe('in the host page’s own layout', () => {
  it('fits a grid column, a flex row and a table cell, however long the choices of its filters', async () => {
    // The national plan names some leads in a whole sentence: a select is as wide as its longest
    // choice, and these boxes are as wide as what they hold can get narrow.
    const body = `<div style="display: grid; grid-template-columns: 1fr"><open-commitments id="grid" src="/feeds/fr-2021-2023.json" today="${TODAY}" no-refresh></open-commitments></div>
      <div style="display: flex; gap: 1rem"><nav>Menu</nav><open-commitments id="flex" src="/feeds/fr-2021-2023.json" today="${TODAY}" no-refresh></open-commitments></div>
      <table><tr><td><open-commitments id="cell" src="/feeds/fr-2021-2023.json" today="${TODAY}" no-refresh></open-commitments></td></tr></table>`;
    for (const width of [320, 1280]) {
      const page = await newPage(width);
      await page.goto(hostPage(chromium.server, `/layout-containers-${width}.html`, { body }));
      for (const id of ['grid', 'flex', 'cell']) await settled(page, `#${id}`);
      expect(await pageOverflow(page), `${width} px`).toBe(0);
    }
  });
});

describe('a badge in the host page’s own layout', () => {
  it('fits a table cell and a grid column on a phone, its title cut short on one line', async () => {
    const page = await newPage(320);
    const badge = (id: string) =>
      `<open-commitment-badge id="${id}" src="/feeds/valfleurie.json" commitment="VF-04" today="${TODAY}"></open-commitment-badge>`;
    await page.goto(
      hostPage(chromium.server, '/layout-badge-boxes.html', {
        scripts: ['/dist/open-commitment-badge.js'],
        body: `<table><tr><td>VF-04</td><td>${badge('cell')}</td></tr></table>
          <div style="display: grid; grid-template-columns: 1fr">${badge('column')}</div>`,
      }),
    );
    for (const id of ['cell', 'column']) await settled(page, `#${id}`);
    expect(await pageOverflow(page)).toBe(0);
    for (const id of ['cell', 'column']) {
      const title = await page.locator(`#${id} .title`).evaluate((element) => ({
        cut: element.scrollHeight > element.clientHeight,
        lines: Math.round(element.clientHeight / parseFloat(getComputedStyle(element).lineHeight)),
      }));
      expect(title, id).toEqual({ cut: true, lines: 1 });
    }
  });
});

describe('a page whose root font size is not the reader’s', () => {
  it('draws the dashboard and the badge after --oc-font-size alone, as on any other page', async () => {
    // Bootstrap 3 sets the root to 10px: without --oc-font-size the widget follows it.
    const body = `<div style="width: 960px"><p>État : <open-commitment-badge id="badge" src="/feeds/valfleurie.json" commitment="VF-03" today="${TODAY}"></open-commitment-badge></p>
      <open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments></div>`;
    const boxes = async (path: string, head: string) => {
      const page = await newPage(1280);
      await page.goto(hostPage(chromium.server, path, { body, head }));
      await settled(page);
      await settled(page, '#badge');
      const box = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => {
            const { width, height } = element.getBoundingClientRect();
            const size = getComputedStyle(element).fontSize;
            return `${Math.round(width)}×${Math.round(height)} ${size}`;
          });
      return {
        dashboard: await box('open-commitments [part="base"]'),
        title: await box('open-commitments [part="title"]'),
        figures: await box('open-commitments .figures'),
        search: await box('open-commitments input[name="q"]'),
        row: await box('open-commitments [part~="commitment"]'),
        rowTitle: await box('open-commitments .item-title'),
        badge: await box('#badge .line'),
      };
    };
    const base = 'open-commitments, open-commitment-badge { --oc-font-size: 16px }';
    const usual = await boxes('/layout-root-usual.html', `<style>${base}</style>`);
    const shrunk = await boxes(
      '/layout-root-10px.html',
      `<style>html { font-size: 10px } ${base}</style>`,
    );
    expect(usual.rowTitle).toMatch(/ 16\.8px$/);
    expect(shrunk).toEqual(usual);
  });
});

describe('a printed page', () => {
  it('prints the dashboard and the badge in light colours in every theme, status colours and bars kept', async () => {
    const context = await chromium.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    const body = `<p><open-commitment-badge id="auto-badge" src="/feeds/valfleurie.json" commitment="VF-03" today="${TODAY}"></open-commitment-badge>
      <open-commitment-badge id="dark-badge" theme="dark" src="/feeds/valfleurie.json" commitment="VF-03" today="${TODAY}"></open-commitment-badge></p>
      <open-commitments id="auto" src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>
      <open-commitments id="dark" theme="dark" src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>`;
    await page.goto(hostPage(chromium.server, '/layout-print.html', { body }));
    for (const id of ['#auto', '#dark', '#auto-badge', '#dark-badge']) await settled(page, id);
    const colours = () =>
      page.evaluate(() =>
        ['auto', 'dark', 'auto-badge', 'dark-badge'].map((id) => {
          const shadow = document.getElementById(id)!.shadowRoot!;
          // VF-03's status, "En travaux", of the category substantial.
          const status = getComputedStyle(
            shadow.querySelector('[data-commitment-id="VF-03"] .status, .line .status')!,
          );
          return {
            id,
            text: getComputedStyle(shadow.querySelector('.root')!).color,
            status: status.color,
            kept: status.getPropertyValue('-webkit-print-color-adjust'),
          };
        }),
      );
    // On a dark screen, both are dark.
    for (const { text } of await colours()) expect(text).toBe('rgb(232, 236, 242)');
    await page.emulateMedia({ media: 'print' });
    expect(await colours()).toEqual(
      ['auto', 'dark', 'auto-badge', 'dark-badge'].map((id) => ({
        id,
        // --oc-color-text and --oc-status-substantial of the light theme, dark on paper.
        text: 'rgb(29, 36, 51)',
        status: 'rgb(11, 92, 171)',
        kept: 'exact',
      })),
    );
    // A row is not cut between two pages.
    await expect(
      page
        .locator('#auto [part~="commitment"]')
        .first()
        .evaluate((row) => getComputedStyle(row).breakInside),
    ).resolves.toBe('avoid');
    await context.close();
  });
});

describe('the dashboard’s headings', () => {
  /** The headings screen readers get from Chromium, as `level name`, in order. */
  async function headings(page: Page): Promise<string[]> {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        role?: { value: string };
        name?: { value: string };
        properties?: { name: string; value: { value: unknown } }[];
      }[];
    };
    return nodes
      .filter((node) => node.role?.value === 'heading')
      .map((node) => {
        const level = node.properties?.find((p) => p.name === 'level')?.value.value;
        return `${String(level)} ${node.name?.value ?? ''}`;
      });
  }

  it('follow the page’s own, one level below the heading the page gives them', async () => {
    const page = await newPage(1280);
    const body = (level: string) =>
      `<h2>Nos engagements</h2>
      <open-commitments ${level} src="/feeds/valfleurie.json" today="${TODAY}" no-refresh lang="fr"></open-commitments>`;
    const open = async (path: string, level: string) => {
      await page.goto(hostPage(chromium.server, path, { body: body(level) }));
      await settled(page);
      await page.locator('open-commitments [data-commitment-id="VF-01"] .toggle').click();
      await page.locator('open-commitments [data-commitment-id="VF-01"].open h4').first().waitFor();
      const all = await headings(page);
      const own = all.indexOf('2 Nos engagements');
      // The page's, the plan's title, its figures' three titles, the first row, and the opened
      // row's milestones (their headings are in capitals on screen, and so in what Chromium gives
      // screen readers).
      return [...all.slice(own, own + 6), all.find((h) => /^\d ÉTAPES$/.test(h))];
    };
    expect(await open('/headings-default.html', '')).toEqual([
      '2 Nos engagements',
      "2 Plan d'action pour une commune ouverte 2026-2028 (exemple fictif)",
      '3 AVANCEMENT GLOBAL',
      '3 ENGAGEMENTS PAR ÉTAT',
      '3 QUESTIONS DES CITOYENS',
      '3 Publier tous les marchés publics en données ouvertes',
      '4 ÉTAPES',
    ]);
    expect(await open('/headings-3.html', 'heading-level="3"')).toEqual([
      '2 Nos engagements',
      "3 Plan d'action pour une commune ouverte 2026-2028 (exemple fictif)",
      '4 AVANCEMENT GLOBAL',
      '4 ENGAGEMENTS PAR ÉTAT',
      '4 QUESTIONS DES CITOYENS',
      '4 Publier tous les marchés publics en données ouvertes',
      '5 ÉTAPES',
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('feed words wider than a phone', () => {
  it('wrap in a status label and in a reference that is no link, in the dashboard and the badge', async () => {
    // Real feeds hold words without a break opportunity: a code, a URL-like identifier.
    const word = 'Conventioncadrepluriannuelle'.repeat(12);
    const feed = bundledFeed('valfleurie');
    const first = feed.commitments[0]!;
    feed.statuses = [
      ...(feed.statuses as Record<string, unknown>[]),
      { key: 'long', label: { fr: word, en: word }, category: 'limited' },
    ];
    first.status = 'long';
    first.refs = { convention: word };
    serveFeed(chromium.server, '/layout/long-words.json', feed);
    const page = await newPage(320);
    await page.goto(
      hostPage(chromium.server, '/layout-long-words.html', {
        body: `<open-commitments src="/layout/long-words.json" today="${TODAY}" no-refresh></open-commitments>
          <p><open-commitment-badge src="/layout/long-words.json" commitment="${String(first.id)}" today="${TODAY}"></open-commitment-badge></p>`,
      }),
    );
    await settled(page);
    const item = page.locator(`open-commitments [data-commitment-id="${String(first.id)}"]`);
    await item.locator('.toggle').click();
    await item.locator('.links').waitFor();
    await page.locator('open-commitment-badge .status').waitFor();
    expect(await pageOverflow(page)).toBe(0);
    // All of the label is there to read, within the dashboard.
    const label = await item.locator('.item-meta .status').evaluate((status) => ({
      text: status.textContent,
      inside:
        status.getBoundingClientRect().right <=
        document.querySelector('open-commitments')!.getBoundingClientRect().right,
    }));
    expect(label).toEqual({ text: word, inside: true });
  });
});

describe('a reader’s focus', () => {
  async function openedRow(page: Page) {
    await page.goto(
      hostPage(chromium.server, '/layout-focus.html', {
        body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const toggle = page.locator('open-commitments [data-commitment-id="VF-02"] .toggle');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    return toggle;
  }

  it('stays on the commitment it was on when the page switches the dashboard’s language', async () => {
    const page = await newPage(1000);
    const toggle = await openedRow(page);
    await page
      .locator('open-commitments')
      .evaluate((element) => element.setAttribute('lang', 'en'));
    await expect.poll(() => toggle.textContent()).toContain('Participatory budget');
    expect(await focusedRow(page)).toBe('VF-02');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    // The search field keeps it too, while a reader types and the language changes.
    await page.locator('open-commitments input[name="q"]').fill('budget');
    await page
      .locator('open-commitments')
      .evaluate((element) => element.setAttribute('lang', 'fr'));
    await expect.poll(() => toggle.textContent()).toContain('Budget participatif');
    expect(
      await page.evaluate(() =>
        document.querySelector('open-commitments')!.shadowRoot!.activeElement?.getAttribute('name'),
      ),
    ).toBe('q');
  });

  it('stays on the badge’s details button, open or closed as they were, when the page switches its language', async () => {
    const page = await newPage(1000);
    await page.goto(
      hostPage(chromium.server, '/layout-badge-focus.html', {
        body: `<p><a href="#top">Avant</a> <open-commitment-badge src="/feeds/valfleurie.json" commitment="VF-03" today="${TODAY}"></open-commitment-badge></p>`,
        scripts: ['/dist/open-commitment-badge.js'],
      }),
    );
    const badge = page.locator('open-commitment-badge');
    await badge.locator('.status').waitFor();
    const focusedPart = () =>
      badge.evaluate((element) =>
        element.shadowRoot!.activeElement?.closest('[part]')?.getAttribute('part'),
      );
    const switchTo = async (lang: string, word: string) => {
      await page.evaluate((l) => document.documentElement.setAttribute('lang', l), lang);
      await expect.poll(() => badge.locator('.status').textContent()).toBe(word);
    };
    // The keyboard on the details button opens them; Escape closes them, focus kept there.
    await page.locator('a[href="#top"]').focus();
    await page.keyboard.press('Tab');
    await expect.poll(focusedPart).toBe('toggle');
    const details = badge.locator('[part="popover"]');
    await expect.poll(() => details.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await switchTo('en', 'Works under way');
    expect(await focusedPart()).toBe('toggle');
    expect(await details.isVisible()).toBe(false);
    // In the open details, on their "Question this" button: back on the details button, open.
    await page.keyboard.press('Enter');
    await badge.locator('[part="ask"] button').focus();
    await switchTo('fr', 'En travaux');
    expect(await focusedPart()).toBe('toggle');
    expect(await details.isVisible()).toBe(true);
  });

  it('stays on the commitment it was on when the day lateness is computed for changes', async () => {
    const page = await newPage(1000);
    await openedRow(page);
    const late = page.locator('open-commitments .figure-note .late');
    const before = await late.textContent();
    await page
      .locator('open-commitments')
      .evaluate((element) => element.setAttribute('today', '2027-12-31'));
    await expect.poll(() => late.textContent()).not.toBe(before);
    expect(await focusedRow(page)).toBe('VF-02');
  });
});

/**
 * Where, left to right, the first and the last characters of the element's text are drawn (its
 * longest text node, which holds its words).
 */
function endsOf(element: Element): { first: number; last: number } {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = walker.nextNode()!;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent!.trim().length > text.textContent!.trim().length) text = node;
  }
  const content = text.textContent!;
  const x = (offset: number) => {
    const range = document.createRange();
    range.setStart(text, offset);
    range.setEnd(text, offset + 1);
    return range.getBoundingClientRect().left;
  };
  return {
    first: x(content.length - content.trimStart().length),
    last: x(content.trimEnd().length - 1),
  };
}

describe('late marks', () => {
  it('mark no milestone of a complete or withdrawn commitment late, as the commitment is not', async () => {
    const feed = bundledFeed('valfleurie');
    const byId = (id: string) => feed.commitments.find((c) => c.id === id)!;
    // Delivered, and withdrawn, each with a milestone past due that the publisher left undone.
    const past = {
      id: 'M-past',
      title: { fr: 'Étape passée', en: 'Past step' },
      due: '2026-05-31',
    };
    byId('VF-02').milestones = [...(byId('VF-02').milestones as unknown[]), past];
    byId('VF-07').milestones = [past];
    serveFeed(chromium.server, '/layout/closed-milestones.json', feed);
    const page = await newPage(1000);
    await page.goto(
      hostPage(chromium.server, '/layout-closed-milestones.html', {
        body: `<open-commitments src="/layout/closed-milestones.json" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const states = async (id: string) => {
      const row = page.locator(`open-commitments [data-commitment-id="${id}"]`);
      await row.locator('.toggle').click();
      await row.locator('.milestone').first().waitFor();
      return row
        .locator('.milestone')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-state')));
    };
    expect(await states('VF-02')).toEqual(['done', 'done', 'upcoming']);
    expect(await states('VF-07')).toEqual(['upcoming']);
    // A commitment under way still shows its milestone past due as late.
    expect(await states('VF-03')).toContain('late');
  });
});

/**
 * A page at `width` px showing `feed` (served under `name`) in a dashboard and in a badge for its
 * first commitment, that commitment opened in both.
 */
async function openedInBoth(
  name: string,
  feed: ReturnType<typeof bundledFeed>,
  width: number,
): Promise<Page> {
  const src = `/layout/${name}.json`;
  const id = String(feed.commitments[0]!.id);
  serveFeed(chromium.server, src, feed);
  const page = await newPage(width);
  await page.goto(
    hostPage(chromium.server, `/layout-${name}.html`, {
      body: `<open-commitments src="${src}" today="${TODAY}" no-refresh></open-commitments>
        <p><open-commitment-badge src="${src}" commitment="${id}" today="${TODAY}"></open-commitment-badge></p>`,
    }),
  );
  await settled(page);
  await page.locator(`open-commitments [data-commitment-id="${id}"] .toggle`).click();
  await page.locator('open-commitment-badge .toggle').click();
  return page;
}

describe('feed names inside the widget’s own sentences', () => {
  it('wrap, and carry their language, in the badge’s details and a question’s answer', async () => {
    const word = 'Communautedagglomeration'.repeat(12);
    const feed = bundledFeed('valfleurie');
    feed.publisher = { ...(feed.publisher as Record<string, unknown>), name: { en: word } };
    const first = feed.commitments[0]!;
    const [question, ...others] = first.interpellations as Record<string, unknown>[];
    const answer = question!.answer as Record<string, unknown>;
    first.interpellations = [{ ...question, answer: { ...answer, by: { en: word } } }, ...others];
    const page = await openedInBoth('long-names', feed, 320);
    const by = page.locator('open-commitment-badge .by bdi');
    const answeredBy = page.locator('open-commitments .answer-head bdi');
    expect(await by.textContent()).toBe(word);
    expect(await by.getAttribute('lang')).toBe('en');
    expect(await answeredBy.textContent()).toBe(word);
    expect(await answeredBy.getAttribute('lang')).toBe('en');
    expect(await pageOverflow(page)).toBe(0);
  });
});

describe('right-to-left text', () => {
  it('leaves the widget’s own words and numbers in order in a right-to-left page', async () => {
    const page = await newPage(1000);
    await page.addInitScript(`window.endsOf = ${endsOf.toString()}`);
    await page.goto(
      hostPage(chromium.server, '/layout-rtl-page.html', {
        body: `<div dir="rtl"><open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>
          <p><open-commitment-badge src="/feeds/valfleurie.json" commitment="VF-01" today="${TODAY}"></open-commitment-badge></p></div>`,
      }),
    );
    await settled(page);
    const ends = (selector: string) =>
      page
        .locator(selector)
        .evaluate((element) => (window as unknown as { endsOf: typeof endsOf }).endsOf(element));
    // "25 %", not "% 25".
    for (const selector of [
      'open-commitments [data-commitment-id="VF-01"] .percent',
      'open-commitment-badge .percent',
    ]) {
      const { first, last } = await ends(selector);
      expect(first, selector).toBeLessThan(last);
    }
  });

  it('lays a right-to-left summary out from the right, its full stop at its left end', async () => {
    const feed = bundledFeed('valfleurie');
    const first = feed.commitments[0]!;
    first.summary = { ar: 'نشر جميع العقود العامة كبيانات مفتوحة.' };
    const page = await openedInBoth('rtl-summary', feed, 1000);
    await page.addScriptTag({ content: `window.endsOf = ${endsOf.toString()}` });
    for (const selector of ['open-commitments .summary p', 'open-commitment-badge .prose p']) {
      const { first: start, last: stop } = await page
        .locator(selector)
        .evaluate((element) => (window as unknown as { endsOf: typeof endsOf }).endsOf(element));
      expect(stop, selector).toBeLessThan(start);
    }
  });
});

describe('a page that switches its language without loading again', () => {
  it('switches the dashboard and the badge that follow its language', async () => {
    const page = await newPage(1000);
    await page.goto(
      hostPage(chromium.server, '/layout-page-lang.html', {
        body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>
          <p><open-commitment-badge src="/feeds/valfleurie.json" commitment="VF-02" today="${TODAY}"></open-commitment-badge></p>
          <p lang="fr"><open-commitment-badge src="/feeds/valfleurie.json" commitment="VF-03" today="${TODAY}"></open-commitment-badge></p>`,
      }),
    );
    await settled(page);
    const search = page.locator('open-commitments .field.search > span');
    const badgeTitle = (id: string) =>
      page.locator(`open-commitment-badge[commitment="${id}"] .title`).textContent();
    expect(await search.textContent()).toBe('Rechercher');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
    await expect.poll(() => search.textContent()).toBe('Search');
    await expect.poll(() => badgeTitle('VF-02')).toBe('Participatory budget open from age 11');
    // A part of the page that keeps its own language keeps it.
    expect(await badgeTitle('VF-03')).toBe('Rénovation énergétique des trois écoles');
  });
});

describe('a new copy of the feed', () => {
  it('leaves the reader’s focus and place where they were', async () => {
    const page = await newPage(1000);
    await page.clock.install();
    let body = JSON.stringify(bundledFeed('valfleurie'));
    chromium.server.route('/layout/live.json', () => ({ body }));
    await page.goto(
      hostPage(chromium.server, '/layout-live.html', {
        body: `<open-commitments src="/layout/live.json" today="${TODAY}"></open-commitments>`,
      }),
    );
    await settled(page);
    const toggle = page.locator('open-commitments [data-commitment-id="VF-06"] .toggle');
    await toggle.click();
    const scrolled = await page.evaluate(() => scrollY);
    expect(scrolled).toBeGreaterThan(0);

    // The publisher changes a status; the dashboard asks again after 5 minutes.
    const changed = bundledFeed('valfleurie');
    changed.commitments[0]!.status = 'complete';
    body = JSON.stringify(changed);
    await page.clock.runFor(5 * 60 * 1000 + 1000);
    await expect
      .poll(() =>
        page
          .locator('open-commitments [data-commitment-id="VF-01"] [part="status"]')
          .getAttribute('data-category'),
      )
      .toBe('complete');
    expect(await focusedRow(page)).toBe('VF-06');
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  });
});

describe('a shared link naming a choice the feed does not offer', () => {
  it('shows that choice in its select, where the reader can pick another', async () => {
    const page = await newPage(1000);
    // A lead as an English reader's dashboard names it, opened in a French one.
    await page.goto(
      `${hostPage(chromium.server, '/layout-foreign-lead.html', {
        body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>`,
      })}#oc-lead=Procurement%20department`,
    );
    await settled(page);
    const lead = page.locator('open-commitments select[name="lead"]');
    const rows = page.locator('open-commitments [data-commitment-id]');
    expect(await rows.count()).toBe(0);
    expect(
      await lead.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent),
    ).toBe('Procurement department');
    await lead.selectOption('');
    await expect.poll(() => rows.count()).toBe(bundledFeed('valfleurie').commitments.length);
  });

  it('shows the question boxes it ticks in a plan without questions, to be unticked', async () => {
    // Paris's plan records no citizens' question: its dashboard has no such box of its own.
    const page = await newPage(1000);
    const url = hostPage(chromium.server, '/layout-foreign-questions.html', {
      body: `<open-commitments src="/feeds/paris.json" today="${TODAY}" no-refresh></open-commitments>`,
    });
    await page.goto(url);
    await settled(page);
    const questions = page.locator('open-commitments input[name="questions"]');
    await expect(questions.count()).resolves.toBe(0);

    const linked = await newPage(1000);
    await linked.goto(`${url}#oc-questions=1`);
    await settled(linked);
    const rows = linked.locator('open-commitments [data-commitment-id]');
    const ticked = linked.locator('open-commitments input[name="questions"]');
    await expect.poll(() => rows.count()).toBe(0);
    await expect(ticked.isChecked()).resolves.toBe(true);
    // A click: the box goes as it is unticked, which `uncheck` would wait to see unticked.
    await ticked.click();
    await expect.poll(() => rows.count()).toBe(bundledFeed('paris').commitments.length);
    // Unticked, the box goes, as the plan offers nothing to find with it.
    await expect.poll(() => ticked.count()).toBe(0);
  });
});

describe('a shared link to a commitment', () => {
  /**
   * Opens `feed` at `#commitment=id` in a page `width` wide, and says where the commitment's title
   * is at each of the next 30 frames, while the rows around it are drawn.
   */
  async function titleTops(width: number, feed: string, id: string, head = ''): Promise<number[]> {
    const page = await newPage(width);
    await page.goto(
      `${hostPage(chromium.server, `/layout-link-${width}-${feed}.html`, {
        head,
        body: `<open-commitments src="/feeds/${feed}.json" today="${TODAY}" no-refresh></open-commitments>`,
      })}#commitment=${id}`,
    );
    await settled(page);
    const toggle = page.locator(`open-commitments [data-commitment-id="${id}"] .toggle`);
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    return toggle.evaluate(
      (element) =>
        new Promise<number[]>((done) => {
          const seen: number[] = [];
          const look = () => {
            seen.push(Math.round(element.getBoundingClientRect().top));
            if (seen.length < 30) requestAnimationFrame(look);
            else done(seen);
          };
          look();
        }),
    );
  }

  /** The frames where the title is not at the top of the window. */
  const away = (tops: number[]) => tops.filter((top) => top < 0 || top > 100);

  it('scrolls to the commitment’s title, on a phone and on a wide screen', async () => {
    expect(away(await titleTops(320, 'valfleurie', 'VF-06')), 'phone').toEqual([]);
    expect(away(await titleTops(1280, 'fr-2021-2023', 'FR0051')), 'wide').toEqual([]);
  });

  it('goes there at once in a page that scrolls smoothly', async () => {
    const smooth = '<style>html { scroll-behavior: smooth }</style>';
    expect(away(await titleTops(320, 'valfleurie', 'VF-06', smooth))).toEqual([]);
  });
});

describe('feed text in another language than the dashboard’s', () => {
  it('marks the leads written in it among the lead filter’s choices', async () => {
    // The national plan names its leads in English only; the dashboard is in French.
    const page = await newPage(1000);
    await page.goto(
      hostPage(chromium.server, '/layout-lead-langs.html', {
        body: `<open-commitments src="/feeds/fr-2021-2023.json" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const options = await page
      .locator('open-commitments select[name="lead"] option')
      .evaluateAll((list) => list.map((option) => option.getAttribute('lang')));
    // "Tous", the dashboard's own word, then every lead, in English.
    expect(options.length).toBeGreaterThan(2);
    expect(options).toEqual([null, ...options.slice(1).map(() => 'en')]);
  });
});

describe('separators between figures', () => {
  /**
   * Each "·" and "—" between two figures or facts in the shadow root of `selector`, laid out at
   * every width of `box` from 200 to 360 px: whether it is on a line apart from what follows it.
   */
  const dangling = (page: Page, selector: string, box: string) =>
    page.locator(selector).evaluate((host, box) => {
      const root = host.shadowRoot!;
      const resized = root.querySelector<HTMLElement>(box) ?? host;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      // Every character drawn, in order, but for spaces and text heard alone.
      const chars: { node: Text; at: number }[] = [];
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text) {
        if (node.parentElement?.closest('.sr-only, [hidden]')) continue;
        for (const [at, char] of [...node.data].entries())
          if (char.trim() !== '') chars.push({ node, at });
      }
      const rect = ({ node, at }: { node: Text; at: number }) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect();
      };
      const found: string[] = [];
      let separators = 0;
      for (let width = 200; width <= 360; width += 1) {
        resized.style.width = `${width}px`;
        for (const [i, char] of chars.entries()) {
          const { data } = char.node;
          if (!'·—'.includes(data[char.at]!) || data[char.at - 1] !== ' ') continue;
          separators += 1;
          const next = chars[i + 1];
          const [a, b] = [rect(char), next && rect(next)];
          if (!b || a.bottom <= b.top || b.bottom <= a.top)
            found.push(`${width}px: ${char.node.data}${next?.node.data ?? ''}`);
        }
      }
      return { separators, found };
    }, box);

  it('keeps each "·" and "—" with what follows it, in the dashboard’s figures, rows and questions and in the badge’s details', async () => {
    const feed = bundledFeed('valfleurie');
    const page = await openedInBoth('separators', feed, 320);
    for (const commitment of feed.commitments.slice(1)) {
      if (!(commitment.interpellations as unknown[] | undefined)?.length) continue;
      await page
        .locator(`open-commitments [data-commitment-id="${commitment.id}"] .toggle`)
        .click();
    }
    // Opened last: a click elsewhere in the page closes its details.
    await page.locator('open-commitment-badge .toggle').click();
    await page.locator('open-commitment-badge .facts').waitFor();
    const dashboard = await dangling(page, 'open-commitments', '.root');
    const badge = await dangling(page, 'open-commitment-badge', '.popover');
    // The header's late count, the rows' and the questions' overdue answers, and the badge's.
    expect(dashboard.separators).toBeGreaterThan(3 * 161);
    expect(badge.separators).toBeGreaterThan(161);
    expect(dashboard.found).toEqual([]);
    expect(badge.found).toEqual([]);
  });
});

describe('a plan whose progress is not reported', () => {
  it('says so in whole words in its overall figure on a phone, in French and in English', async () => {
    for (const lang of ['fr', 'en']) {
      const page = await newPage(320);
      await page.goto(
        hostPage(chromium.server, `/layout-unknown-progress-${lang}.html`, {
          // The national plan 2021-2023, whose progress cannot be read, in a phone's column.
          body: `<div style="width: 260px"><open-commitments src="/feeds/fr-2021-2023.json" today="${TODAY}" no-refresh></open-commitments></div>`,
          lang,
        }),
      );
      await settled(page);
      const words = await page.locator('open-commitments .figure-value').evaluate((value) => {
        const text = [...value.childNodes].find(
          (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
        )!;
        const data = text.textContent!;
        // Each word and on how many lines it is drawn.
        return [...data.matchAll(/\S+/g)].map((word) => {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          return [word[0], range.getClientRects().length];
        });
      });
      expect(words, lang).toEqual(
        (lang === 'fr' ? ['non', 'communiqué'] : ['not', 'reported']).map((w) => [w, 1]),
      );
    }
  });
});

describe('one commitment shown under its plan’s title', () => {
  it('stands apart from the plan’s dates above it, as the figures do in the whole plan', async () => {
    const gap = async (attributes: string) => {
      const page = await newPage(900);
      await page.goto(
        hostPage(chromium.server, `/layout-single-${attributes ? 'one' : 'all'}.html`, {
          body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh ${attributes}></open-commitments>`,
        }),
      );
      await settled(page);
      return page.locator('open-commitments').evaluate((host) => {
        const root = host.shadowRoot!;
        const dates = root.querySelector('.meta')!.getBoundingClientRect();
        const below = root
          .querySelector('[part="summary"], [part~="commitment"]')!
          .getBoundingClientRect();
        return Math.round(below.top - dates.bottom);
      });
    };
    const whole = await gap('');
    expect(whole).toBeGreaterThanOrEqual(16);
    expect(await gap('commitment="VF-07"')).toBe(whole);
  });
});

describe('the printed dashboard', () => {
  it('prints every commitment the filters show, the filters in use in words, and no button', async () => {
    const feed = bundledFeed('paris');
    const model = feed.commitments[0]!;
    // 130 commitments, 65 of them parks: more than the first rows drawn on screen.
    // Due one day, so that "late only" is offered.
    feed.commitments = Array.from({ length: 130 }, (_, i) => ({
      ...model,
      id: `P-${i}`,
      title: `${i % 2 === 0 ? 'Parc' : 'Rue'} ${i}`,
      due: '2030-06-30',
    }));
    serveFeed(chromium.server, '/print.json', feed);
    const page = await newPage(1024);
    await page.goto(
      hostPage(chromium.server, '/print.html', {
        body: `<open-commitments src="/print.json" today="${TODAY}" no-refresh></open-commitments>`,
      }) + '#oc-q=parc',
    );
    await settled(page);
    const rows = page.locator('open-commitments [data-commitment-id]');
    const more = page.locator('open-commitments .more');
    await expect.poll(() => rows.count()).toBe(50);
    await expect(more.isVisible()).resolves.toBe(true);

    // What the page holds while it is printed.
    await page.evaluate(() =>
      addEventListener('beforeprint', () => {
        const root = document.querySelector('open-commitments')!.shadowRoot!;
        const drawn = [...root.querySelectorAll('[data-commitment-id]')];
        Object.assign(window, { printed: drawn.length, last: drawn.at(-1)?.textContent });
      }),
    );
    await page.pdf({ format: 'A4' });
    await expect(page.evaluate(() => Reflect.get(window, 'printed'))).resolves.toBe(65);
    await expect(page.evaluate(() => Reflect.get(window, 'last'))).resolves.toContain('Parc 128');

    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page
        .locator(`open-commitments ${selector}`)
        .evaluateAll((all) =>
          all.filter((el) => el.getClientRects().length > 0).map((el) => el.textContent!.trim()),
        );
    // The search in use, in words; the theme, the lead, the sort and the box left as they were
    // are not printed, nor any button of the filters.
    await expect(shown('.filters .field')).resolves.toEqual([
      expect.stringContaining('Rechercher'),
    ]);
    await expect(
      page.locator('open-commitments .filters input[name="q"]').inputValue(),
    ).resolves.toBe('parc');
    await expect(shown('.filters .check')).resolves.toEqual([]);
    await expect(shown('.count button, .more')).resolves.toEqual([]);
    await expect(shown('.count')).resolves.toEqual([expect.stringContaining('65')]);

    // A ticked box and a chosen sort are printed too.
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await page.locator('open-commitments .filters .check input[name="late"]').check();
    await page.locator('open-commitments .filters select[name="sort"]').selectOption('title');
    await page.emulateMedia({ media: 'print' });
    await expect(shown('.filters .check')).resolves.toEqual([expect.stringMatching(/retard/i)]);
    await expect(shown('.filters .field')).resolves.toHaveLength(2);
    await page.context().close();
  });

  it('prints an opened commitment without its interpellation button or the focus ring of a shared link', async () => {
    const page = await newPage(1024);
    await page.goto(
      hostPage(chromium.server, '/print-opened.html', {
        body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>`,
      }) + '#commitment=VF-03',
    );
    await settled(page);
    const toggle = page.locator('open-commitments [data-commitment-id="VF-03"] .toggle');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    // The link's commitment holds the focus, ringed on screen.
    const ring = () => toggle.evaluate((element) => getComputedStyle(element).outlineStyle);
    await expect.poll(ring).toBe('solid');
    const buttons = page.locator('open-commitments .list button:not(.toggle)');
    const shown = () =>
      buttons.evaluateAll((all) =>
        all.filter((el) => el.getClientRects().length > 0).map((el) => el.textContent!.trim()),
      );
    await expect(shown()).resolves.toContain('Interpeller');

    await page.emulateMedia({ media: 'print' });
    await expect(shown()).resolves.toEqual([]);
    await expect(ring()).resolves.toBe('none');
    await expect(
      page.locator('open-commitments [data-commitment-id="VF-03"] .details').textContent(),
    ).resolves.toContain('Pourquoi l');
    await page.context().close();
  });

  it('leaves the page as it was once printed: the rows drawn before, the reader’s place, a commitment opened', async () => {
    const feed = bundledFeed('paris');
    const model = feed.commitments[0]!;
    feed.commitments = Array.from({ length: 400 }, (_, i) => ({ ...model, id: `P-${i}` }));
    serveFeed(chromium.server, '/print-after.json', feed);
    const page = await newPage(1024);
    await page.goto(
      hostPage(chromium.server, '/print-after.html', {
        body: `<open-commitments src="/print-after.json" today="${TODAY}" no-refresh></open-commitments>`,
      }) + '#commitment=P-30',
    );
    await settled(page);
    const rows = page.locator('open-commitments [data-commitment-id]');
    const opened = page.locator('open-commitments [data-commitment-id="P-30"] .toggle');
    await expect.poll(() => opened.getAttribute('aria-expanded')).toBe('true');
    // The reader has shown a second page of rows and reads the 40th.
    await page.locator('open-commitments .more').click();
    await expect.poll(() => rows.count()).toBe(100);
    const reading = page.locator('open-commitments [data-commitment-id="P-40"]');
    await reading.evaluate((row) => row.scrollIntoView({ block: 'start', behavior: 'instant' }));
    const top = () => reading.evaluate((row) => Math.round(row.getBoundingClientRect().top));
    const before = { top: await top(), scroll: await page.evaluate(() => scrollY) };

    await page.pdf({ format: 'A4' });
    await expect.poll(() => rows.count()).toBe(100);
    await expect(page.locator('open-commitments .more').isVisible()).resolves.toBe(true);
    await expect(opened.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(Math.abs((await top()) - before.top)).toBeLessThanOrEqual(2);
    expect(Math.abs((await page.evaluate(() => scrollY)) - before.scroll)).toBeLessThanOrEqual(2);
    await page.context().close();
  });
});

describe('the page’s height as the reader scrolls the list', () => {
  const cases = [
    { width: 360, name: 'the national plan 2018-2020 on a phone', src: '/feeds/fr-2018-2020.json' },
    { width: 1280, name: '120 commitments on a wide screen', src: '/feeds/generated-120.json' },
  ];
  for (const { width, name, src } of cases) {
    it(`stays close to the same for ${name}: the scrollbar does not jump`, async () => {
      serveFeed(chromium.server, '/feeds/generated-120.json', generatedFeed(120));
      const page = await newPage(width);
      await page.goto(
        hostPage(chromium.server, `/layout-scroll-${width}.html`, {
          body: `<open-commitments src="${src}" today="${TODAY}" no-refresh></open-commitments>`,
        }),
      );
      await settled(page);
      const heights: number[] = [];
      for (let step = 0; step < 25; step += 1) {
        heights.push(
          await page.evaluate(async () => {
            scrollBy(0, 600);
            await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            return document.documentElement.scrollHeight;
          }),
        );
      }
      const [lowest, highest] = [Math.min(...heights), Math.max(...heights)];
      expect(highest / lowest, heights.join(' ')).toBeLessThan(1.05);
      await page.context().close();
    });
  }
});

/**
 * How far apart two screenshots look: the largest distance (summed over red, green and blue) from
 * a pixel of `b` to the nearest pixel of `a`. Two greys a few units apart measure under 20.
 */
async function apart(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, image.width, image.height).data;
        return Array.from({ length: data.length / 4 }, (_, i) => [
          ...data.subarray(i * 4, i * 4 + 3),
        ]);
      };
      const [from, to] = [await pixels(a), await pixels(b)];
      const distance = (p: number[], q: number[]) =>
        p.reduce((sum, v, i) => sum + Math.abs(v - q[i]!), 0);
      return Math.max(...to.map((q) => Math.min(...from.map((p) => distance(p, q)))));
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

describe('not started and unknown, of one grey in some themes', () => {
  for (const theme of ['default', 'dark', 'dsfr']) {
    it(`look different in the status bar, its legend and the rows’ edges in theme ${theme}`, async () => {
      // One commitment of each, so that their parts of the bar are as wide.
      const feed = bundledFeed('valfleurie');
      feed.commitments.find((c) => c.id === 'VF-10')!.status = 'livre';
      serveFeed(chromium.server, '/feeds/two-greys.json', feed);
      const page = await newPage(1280);
      await page.goto(
        hostPage(chromium.server, `/layout-two-greys-${theme}.html`, {
          body: `<open-commitments theme="${theme}" src="/feeds/two-greys.json" today="${TODAY}" no-refresh></open-commitments>`,
        }),
      );
      await settled(page);
      /** What the reader sees in the middle of a box, `width` by `height` pixels, left at `x`. */
      const middle = async (selector: string, width: number, height: number, x?: number) => {
        const element = page.locator(`open-commitments ${selector}`);
        await element.scrollIntoViewIfNeeded();
        const box = (await element.boundingBox())!;
        return page.screenshot({
          clip: {
            x: Math.round(box.x + (x ?? (box.width - width) / 2)),
            y: Math.round(box.y + (box.height - height) / 2),
            width,
            height,
          },
        });
      };
      const look = async (category: string, id: string) => [
        await middle(`.stack > .cat-${category}`, 10, 4),
        await middle(`.chip.cat-${category} .swatch`, 4, 4),
        // The row's coloured left edge, 5 px wide.
        await middle(`[data-commitment-id="${id}"]`, 3, 20, 1),
      ];
      const notStarted = await look('not-started', 'VF-06');
      const unknown = await look('unknown', 'VF-08');
      for (const [i, part] of ['bar', 'legend', 'edge'].entries()) {
        expect(await apart(page, notStarted[i]!, unknown[i]!), part).toBeGreaterThanOrEqual(60);
      }
      await page.context().close();
    });
  }
});
