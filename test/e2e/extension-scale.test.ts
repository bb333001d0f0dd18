/**
 * The extension at the scale of a national plan, in Chromium: a feed of 300 commitments with
 * 3,000 pages patterns, one of them titled in 20,000 characters, a city's feed on the same pages
 * whose publisher's name is as long, a page that names 150 of them and links to all 300, a page of
 * 3,000 links to them, and a person who follows 200 of them when the publisher revises them all
 * at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { startServer, type TestServer } from './support/server.ts';
import {
  axeViolations,
  type ExtensionSession,
  htmlPage,
  launchExtension,
  popupFor,
  subscribe,
} from './fixtures/extension/harness.ts';

/** The extension API inside its pages and service worker, for `evaluate` callbacks. */
declare const chrome: WxtBrowser;

const COUNT = 300;

/** The commitment whose title is as long as a feed may give (20,000 characters). */
const LONG = 3;
const longTitle = 'Open the data of every public service '.repeat(527).slice(0, 20_000);

/** Links in the page of links. */
const MANY = 3_000;

/**
 * The page of links' own script: it notes the height of a line, scrolls to its end, and records
 * on each frame it draws how many badges there are, and whether its last link (in view) and its
 * middle one (far above the view) have their badges.
 */
const FRAMES_SCRIPT = `<script>
  // Before the content script, which runs once the document is parsed and its events are out.
  addEventListener('DOMContentLoaded', () => {
    window.lineHeight_ = document.querySelector('li').getBoundingClientRect().height;
    scrollTo(0, document.body.scrollHeight);
  });
  window.frames_ = [];
  const note = () => {
    const badged = (selector) =>
      document.querySelector(selector)?.nextElementSibling?.localName === 'open-commitments-badge';
    const count = document.querySelectorAll('open-commitments-badge').length;
    if (count > 0)
      frames_.push({
        count,
        last: badged('li:last-child > a'),
        middle: badged('li:nth-child(${MANY / 2}) > a'),
      });
    if (count < ${MANY}) requestAnimationFrame(note);
  };
  requestAnimationFrame(note);
</script>`;

let session: ExtensionSession;
let server: TestServer;
let feedUrl: string;

/** A plan of `COUNT` commitments, each with ten pages patterns; the first 150 name `/plan/all`. */
function bigFeed(origin: string, revised = false) {
  return {
    format: 'open-commitments/1',
    publisher: { name: { en: 'Republic' }, kind: 'national', url: `${origin}/plan/` },
    plan: { id: 'NAP', title: { en: 'National action plan' } },
    updated: revised ? '2026-11-20T09:00:00Z' : '2026-11-01T09:00:00Z',
    languages: ['en'],
    site: ['http://127.0.0.1/plan/*'],
    interpellation: { url: `${origin}/q?e={id}`, responseDays: 30 },
    commitments: Array.from({ length: COUNT }, (_, i) => ({
      id: `C${i}`,
      title: { en: i === LONG ? longTitle : `Commitment ${i}: open the data of policy ${i % 7}` },
      status: revised ? 'complete' : 'not-started',
      url: `${origin}/plan/c/${i}`,
      pages: [
        ...(i < 150 ? ['http://127.0.0.1/plan/all*'] : []),
        ...Array.from({ length: 10 }, (_, j) => `http://127.0.0.1/plan/p${i}-${j}*`),
      ],
    })),
  };
}

/** A city's feed on the same pages, whose publisher's name is 20,000 characters long. */
function cityFeed(origin: string) {
  return {
    format: 'open-commitments/1',
    publisher: { name: { en: longTitle }, kind: 'municipality', url: `${origin}/plan/` },
    plan: { id: 'CITY', title: { en: 'City plan' } },
    updated: '2026-11-01T09:00:00Z',
    languages: ['en'],
    site: ['http://127.0.0.1/plan/*'],
    commitments: [
      {
        id: 'K1',
        title: { en: 'City commitment' },
        status: 'limited',
        pages: ['http://127.0.0.1/plan/all*'],
      },
    ],
  };
}

beforeAll(async () => {
  server = await startServer();
  feedUrl = `${server.origin}/feed.json`;
  server.route('/city.json', { body: JSON.stringify(cityFeed(server.origin)) });
  server.route('/feed.json', { body: JSON.stringify(bigFeed(server.origin)) });
  const links = Array.from(
    { length: COUNT },
    (_, i) => `<li><a href="${server.origin}/plan/c/${i}">Commitment ${i}</a></li>`,
  ).join('');
  server.route('/plan/all.html', { body: htmlPage('All our commitments', `<ul>${links}</ul>`) });
  server.route('/plan/news.html', { body: htmlPage('News', '<p>Nothing about the plan.</p>') });
  // 3,000 links, ten to each commitment, in a page that starts scrolled to its end and notes, on
  // every frame it draws, which links have their badge then.
  const many = Array.from(
    { length: MANY },
    (_, i) => `<li><a href="${server.origin}/plan/c/${i % COUNT}">Commitment ${i % COUNT}</a></li>`,
  ).join('');
  server.route('/plan/many.html', {
    body: htmlPage('Every link', `<ul>${many}</ul><input aria-label="Search">`, FRAMES_SCRIPT),
  });
  session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  await subscribe(session, feedUrl, 'http://127.0.0.1/plan/*');
  await subscribe(session, `${server.origin}/city.json`, 'http://127.0.0.1/plan/*');
});

afterAll(async () => {
  await session?.context.close();
  await server?.close();
});

/** The height of a title or a name, in lines of its text, and its text's length. */
function titleLines(title: Element): { lines: number; length: number } {
  const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
  return {
    lines: Math.round(title.getBoundingClientRect().height / lineHeight),
    length: title.textContent!.length,
  };
}

describe('a title of 20,000 characters', () => {
  it('takes three lines in the overlay and the popup, and is still there whole', async () => {
    const url = `${server.origin}/plan/all.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const overlay = page.locator('open-commitments-overlay');
    await overlay.getByRole('heading').waitFor();
    const title = `[data-commitment-id="C${LONG}"] .oc-title`;
    const inOverlay = await overlay.locator(title).evaluate(titleLines);
    expect(inOverlay).toEqual({ lines: 3, length: 20_000 });
    const popup = await popupFor(session, url);
    const inPopup = await popup.locator(title).evaluate(titleLines);
    expect(inPopup).toEqual({ lines: 3, length: 20_000 });
    await popup.close();
    await page.close();
  });

  it('is cut at a word in its inline badge’s tooltip and hidden details', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/plan/all.html`);
    const badge = page.locator(`a[href$="/plan/c/${LONG}"] + open-commitments-badge .oc-badge`);
    await badge.waitFor();
    const tooltip = (await badge.getAttribute('title'))!;
    const details = (await badge.locator('[data-badge-details]').textContent())!;
    for (const text of [tooltip, details]) {
      expect(text.length).toBeLessThan(200);
      expect(text).toContain('Open the data of every public service Open the data');
      expect(text).toContain('public…');
    }
    await page.close();
  });

  it('names a publisher in three lines in the overlay, the popup and the options', async () => {
    const url = `${server.origin}/plan/all.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const overlay = page.locator('open-commitments-overlay');
    await overlay.getByRole('heading').waitFor();
    // The name takes three lines, the plan's title the fourth.
    const publisher = `[data-feed-publisher="${server.origin}/city.json"]`;
    await expect(overlay.locator(publisher).evaluate(titleLines)).resolves.toMatchObject({
      lines: 4,
    });
    await expect(overlay.locator(publisher).getByText('City plan').isVisible()).resolves.toBe(true);
    const popup = await popupFor(session, url);
    await expect(popup.locator(publisher).evaluate(titleLines)).resolves.toMatchObject({
      lines: 4,
    });
    await popup.close();
    await page.close();
    // On a page of the site naming none of its commitments, the plan's line says how many it has.
    const other = await session.context.newPage();
    await other.goto(`${server.origin}/plan/news.html`);
    const summary = other
      .locator('open-commitments-overlay [data-feed-summary]')
      .filter({ hasText: 'City plan' });
    await expect(summary.evaluate(titleLines)).resolves.toMatchObject({ lines: 4 });
    const count = summary.getByText('1 commitment');
    await expect(count.isVisible()).resolves.toBe(true);
    await other.close();
    const options = await session.openPage('options.html');
    const name = options.locator(`tr[data-feed-id="${server.origin}/city.json"] strong > bdi`);
    await expect(name.evaluate(titleLines)).resolves.toEqual({ lines: 3, length: 20_000 });
    await options.close();
  });
});

describe('a page of 3,000 links to commitments', () => {
  it('gets every badge, those in view first, and draws itself while they come', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/plan/many.html`);
    const badges = page.locator('li > a + open-commitments-badge');
    await expect.poll(() => badges.count(), { timeout: 30_000 }).toBe(MANY);
    // One badge for each link, never two.
    await expect(page.locator('open-commitments-badge').count()).resolves.toBe(MANY);
    const frames = await page.evaluate(
      () =>
        (window as unknown as { frames_: { count: number; last: boolean; middle: boolean }[] })
          .frames_,
    );
    // The page drew frames with some of the badges only, the first of them with none far above
    // the view, and its last link, in view, had its badge long before the page had all of them:
    // it was held neither until all were there nor until those above had theirs. (How many the
    // first frame holds depends on the machine's speed, so it is not counted.)
    expect(frames.filter((f) => f.count < MANY).length).toBeGreaterThan(1);
    expect(frames[0]!.middle).toBe(false);
    expect(frames.findIndex((f) => f.last)).toBeLessThan(frames.findIndex((f) => f.middle));
    // Each line of the page keeps its height with its badge: the page does not shift as they come.
    const heights = await page.evaluate(() => ({
      before: (window as unknown as { lineHeight_: number }).lineHeight_,
      after: document.querySelector('li')!.getBoundingClientRect().height,
    }));
    expect(heights.after).toBe(heights.before);
    // The page answers its reader: typing goes into its field.
    await page.getByRole('textbox', { name: 'Search' }).fill('budget');
    await expect(page.getByRole('textbox', { name: 'Search' }).inputValue()).resolves.toBe(
      'budget',
    );
    await page.close();
  });
});

describe('the panel of a page naming 301 commitments', () => {
  it('says how many it lists, and finds one by its words, accents ignored', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/plan/all.html`);
    const overlay = page.locator('open-commitments-overlay');
    const heading = overlay.getByRole('heading', { level: 2 });
    await expect
      .poll(() => heading.textContent())
      .toBe('Commitments on this page\u00a0(100 of 301)');
    const row = overlay.locator('[data-commitment-id="C299"]');
    await expect(row.count()).resolves.toBe(0);
    await overlay.getByRole('searchbox', { name: 'Filter by words' }).fill('cömmitment  299');
    await expect.poll(() => heading.textContent()).toBe('Commitments on this page\u00a0(1 of 301)');
    await expect(row.isVisible()).resolves.toBe(true);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await overlay.getByRole('searchbox').fill('commitment 299 budget');
    await overlay.getByText('No commitment here has all these words.').waitFor();
    await page.close();
  });
});

describe('the popup of a page naming 301 commitments', () => {
  it('lists the first hundred, says so, and finds one by its words', async () => {
    const url = `${server.origin}/plan/all.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const popup = await popupFor(session, url);
    const heading = popup.getByRole('heading', { level: 1 });
    await expect
      .poll(() => heading.textContent())
      .toBe('Commitments on this page\u00a0(100 of 301)');
    await expect(popup.locator('li.oc-row').count()).resolves.toBe(100);
    const row = popup.locator('[data-commitment-id="C299"]');
    await expect(row.count()).resolves.toBe(0);
    await popup.getByRole('searchbox', { name: 'Filter by words' }).fill('cömmitment  299');
    await expect.poll(() => heading.textContent()).toBe('Commitments on this page\u00a0(1 of 301)');
    await expect(row.isVisible()).resolves.toBe(true);
    await expect(axeViolations(popup)).resolves.toEqual([]);
    await popup.getByRole('searchbox').fill('commitment 299 budget');
    await popup.getByText('No commitment here has all these words.').waitFor();
    await popup.close();
    await page.close();
  });
});

describe('the popup of a page naming 150 commitments', () => {
  it('keeps its links to My commitments and the feeds in view, and focus clear of them', async () => {
    const url = `${server.origin}/plan/all.html`;
    const page = await session.context.newPage();
    await page.goto(url);
    const popup = await popupFor(session, url);
    await popup.setViewportSize({ width: 380, height: 600 });
    const link = popup.getByRole('link', { name: 'My commitments' });
    /** Whether the link is in the window and on top there (no row drawn over it). */
    const reachable = () =>
      link.evaluate((a) => {
        const box = a.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        return y > 0 && y < innerHeight && a.contains(document.elementFromPoint(x, y));
      });
    await expect(reachable()).resolves.toBe(true);
    await popup.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect(reachable()).resolves.toBe(true);
    // Each row's link and button reached by the keyboard, one after the other, is not hidden
    // behind them.
    await popup.evaluate(() => scrollTo(0, 0));
    await popup
      .getByRole('button', { name: /^Follow/ })
      .first()
      .focus();
    const covered: string[] = [];
    for (let i = 0; i < 40; i++) {
      await popup.keyboard.press('Tab');
      const hidden = await popup.evaluate(() => {
        const active = document.activeElement!;
        const foot = document.querySelector('main > .oc-actions:last-child')!;
        // What of it shows: a title cut to three lines shows no more of its link.
        const clip = active.closest('.oc-title') ?? active;
        const bottom = Math.min(
          active.getBoundingClientRect().bottom,
          clip.getBoundingClientRect().bottom,
        );
        return !foot.contains(active) && bottom > foot.getBoundingClientRect().top
          ? active.textContent!.slice(0, 40)
          : null;
      });
      if (hidden) covered.push(hidden);
    }
    expect(covered).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('a followed plan revised as a whole', () => {
  it('tells 200 changes in one notification, and lists each in My commitments', async () => {
    const options = await session.openPage('options.html');
    for (let i = 0; i < 200; i++) {
      await options.evaluate(
        ([feedId, commitmentId]) =>
          chrome.runtime.sendMessage({ type: 'follow', feedId, commitmentId, follow: true }),
        [feedUrl, `C${i}`] as const,
      );
    }
    await (
      await session.worker()
    ).evaluate(() => {
      const g = globalThis as unknown as { ocNotes: { title: string; message: string }[] };
      g.ocNotes = [];
      const create = chrome.notifications.create.bind(chrome.notifications);
      chrome.notifications.create = ((...args: Parameters<typeof create>) => {
        g.ocNotes.push(args[1] as unknown as { title: string; message: string });
        return create(...args);
      }) as typeof create;
    });
    server.route('/feed.json', { body: JSON.stringify(bigFeed(server.origin, true)) });
    await expect(
      options.evaluate(() => chrome.runtime.sendMessage({ type: 'refresh' })),
    ).resolves.toMatchObject({ ok: true });
    await options.close();
    const notes = () =>
      session
        .worker()
        .then((w) =>
          w.evaluate(
            () =>
              (globalThis as unknown as { ocNotes: { title: string; message: string }[] }).ocNotes,
          ),
        );
    await expect.poll(notes, { timeout: 10_000 }).toHaveLength(1);
    // A moment more: no other notification follows it.
    await new Promise((r) => setTimeout(r, 1000));
    const shown = await notes();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.message).toContain('200 changes');
    const dash = await session.openPage('dashboard.html');
    // Each change is listed, the oldest of them too.
    const changes = dash.locator('[data-section="changes"] li[data-commitment-id]');
    await expect.poll(() => changes.count()).toBe(200);
    await expect(
      dash.locator('[data-section="followed"] li[data-commitment-id]').count(),
    ).resolves.toBe(200);
    await dash.close();
    // Opened from the notification, it shows the changes, after the 200 followed commitments.
    const atChanges = await session.openPage('dashboard.html#oc-changes');
    const heading = atChanges.getByRole('heading', { name: 'Recent changes' });
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
    const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(-1);
    expect(top).toBeLessThan(await atChanges.evaluate(() => innerHeight));
    await atChanges.close();
  });
});

describe('a page open when one of its two feeds is unsubscribed', () => {
  it('shows the other one’s commitments alone, without a reload', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/plan/all.html`);
    const overlay = page.locator('open-commitments-overlay');
    const city = overlay.locator('[data-commitment-id="K1"]');
    await city.waitFor();
    const options = await session.openPage('options.html');
    await options.evaluate(
      (feedId) => chrome.runtime.sendMessage({ type: 'unsubscribe', feedId }),
      `${server.origin}/city.json`,
    );
    await options.close();
    await city.waitFor({ state: 'detached' });
    // The panel is drawn again with the other feed's rows, and the badges with it.
    await overlay.locator('[data-commitment-id="C0"]').waitFor();
    await expect(city.count()).resolves.toBe(0);
    await expect.poll(() => page.locator('open-commitments-badge').count()).toBe(COUNT);
    await page.close();
  });
});

// Last: it takes the site's permission away for good.
describe('a page open when its site is no longer allowed', () => {
  it('loses its panel and badges at once, without a reload', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/plan/all.html`);
    const overlay = page.locator('open-commitments-overlay');
    await overlay.getByRole('heading').waitFor();
    await expect.poll(() => page.locator('open-commitments-badge').count()).toBe(COUNT);
    const options = await session.openPage('options.html');
    await expect(
      options.evaluate(() => chrome.permissions.remove({ origins: ['http://127.0.0.1/*'] })),
    ).resolves.toBe(true);
    await options.close();
    await overlay.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('open-commitments-badge').count()).toBe(0);
    // The page itself is left as it was.
    await expect(page.getByRole('link', { name: 'Commitment 299' }).isVisible()).resolves.toBe(
      true,
    );
    await page.close();
  });
});
