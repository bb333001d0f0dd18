/**
 * The dashboard as a reader meets it, in real Chromium, on the built bundle: the bundled national
 * plan, the fictional town that uses every field (with a fixed day), every state, every theme,
 * filters shared through the URL hash, the interpellation action, and axe-core on each of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  daysOverdue,
  interpellationLink,
  interpellationStats,
  parseFeed,
  type Feed,
} from '../../shared/index.ts';
import { generatedFeed } from '../bench/generated-feed.ts';
import {
  axeViolations,
  bundledFeed,
  hostPage,
  serveFeed,
  settled,
  widgetChromium,
} from './fixtures/widget/harness.ts';
import { applyTextSpacing } from './support/text-spacing.ts';

const TODAY = '2026-12-04';

const chromium = widgetChromium();

/** A fresh browser profile (no cached feed) with errors collected. */
async function newPage(
  options: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' } = {},
): Promise<{
  page: Page;
  problems: string[];
  context: BrowserContext;
}> {
  const context = await chromium.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  return { page, problems, context };
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // The fictional town's logo lives on a host that does not exist.
    if (message.type() === 'error' && !message.text().includes('ERR_NAME_NOT_RESOLVED')) {
      problems.push(`console: ${message.text()}`);
    }
  });
}

const dashboard = 'open-commitments';
const ids = (page: Page) =>
  page
    .locator(`${dashboard} [data-commitment-id]`)
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-commitment-id')));

function valfleurie(): Feed {
  const result = parseFeed(JSON.stringify(bundledFeed('valfleurie')));
  if (!result.ok) throw new Error('the bundled Valfleurie feed does not parse');
  return result.feed;
}

describe('the bundled national plan', () => {
  it('shows the plan, its publisher and every commitment, with no axe violation', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/national-plan.html`);
    await settled(page);
    expect(await page.locator(`${dashboard} [part="title"]`).textContent()).toContain(
      "Plan d'action de la France 2021-2023",
    );
    const shown = await ids(page);
    expect(shown).toHaveLength(19);
    expect(shown).toContain('FR0051');
    expect(
      await page.locator(`${dashboard} [data-commitment-id="FR0051"] h3`).textContent(),
    ).toContain('Support for the digital commons');
    // An English title in a French page carries its own language.
    expect(
      await page.locator(`${dashboard} [data-commitment-id="FR0051"] h3 [lang="en"]`).count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('links to its feed, the open data behind it, by its full address', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/national-plan.html`);
    await settled(page);
    const data = page.locator(`${dashboard} .meta a`);
    await expect(data.textContent()).resolves.toBe('Données ouvertes (JSON)');
    await expect(data.getAttribute('href')).resolves.toBe(
      `${chromium.server.origin}/feeds/fr-2021-2023.json`,
    );
    const served = await page.request.get((await data.getAttribute('href'))!);
    expect((await served.json()) as unknown).toEqual(bundledFeed('fr-2021-2023'));
  });
});

describe('a feed that uses every field, on a fixed day', () => {
  it('shows the interpellation figures of the whole plan in the header', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    const stats = interpellationStats(valfleurie(), undefined, TODAY);
    const stat = (name: string) => page.locator(`${dashboard} [data-stat="${name}"]`).textContent();
    expect(Number((await stat('asked'))?.trim())).toBe(stats.asked);
    expect(Number((await stat('answered'))?.trim())).toBe(stats.answered);
    expect(Number((await stat('overdue'))?.trim())).toBe(stats.overdue);
    expect((await stat('rate'))?.replace(/\s/g, '')).toBe(`${Math.round(stats.answerRate!)}%`);
    expect(await stat('median')).toContain(String(stats.medianDaysToAnswer));
    expect(stats.overdue).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('says "answers overdue" where it counts them, never a bare "late" a commitment could wear', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    const words = (text: string | null) => text?.replace(/\s+/g, ' ').trim();
    // Delivered on time, with one question whose answer is overdue.
    const row = page.locator(`${dashboard} [data-commitment-id="VF-02"]`);
    expect(await row.locator('.late').count()).toBe(0);
    const meta = words(await row.locator('.item-meta').textContent());
    expect(meta).toContain('Réponses en retard : 1');
    expect(meta).not.toContain('En retard');
    // The header's two figures: late commitments, and answers overdue.
    expect(words(await page.locator(`${dashboard} .stats .overdue dt`).textContent())).toBe(
      'Réponses en retard',
    );
    await row.locator('.toggle').click();
    const questions = words(await row.locator('.q-stats').textContent());
    expect(questions).toContain('Réponses en retard : 1');
    expect(questions).not.toContain('En retard');
  });

  it('opens a commitment with its milestones, timeline, evidence and questions, overdue in days', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    const item = page.locator(`${dashboard} [data-commitment-id="VF-03"]`);
    await item.locator('.toggle').click();
    expect(await item.locator('.toggle').getAttribute('aria-expanded')).toBe('true');
    // Each milestone's date in words that agree with any title: « école » is feminine.
    expect(
      await item
        .locator('.milestone')
        .evaluateAll((list) =>
          list.map((li) => [
            li.getAttribute('data-state'),
            li.textContent?.replace(/[ \n\t]+/g, ' ').trim(),
          ]),
        ),
    ).toEqual([
      ['done', 'École des Tilleuls (réalisation\u00a0: 28 août 2026)'],
      ['late', 'École du Moulin (en retard, échéance\u00a0: 30 septembre 2026)'],
      ['upcoming', 'École Jules-Ferry (échéance\u00a0: 31 août 2027)'],
    ]);
    expect(await item.locator('.timeline > li').count()).toBe(1);
    const evidence = await item
      .locator('.evidence a')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(evidence.length).toBeGreaterThan(0);
    for (const href of evidence) expect(href).toMatch(/^https?:\/\//);
    // A reference that is no page, under a heading that does not call it one.
    const links = item.locator('.links');
    // Its key, which the format does not name, shown as a reference's.
    expect((await links.locator('li').last().textContent())?.trim()).toBe(
      'Référence «\u00a0deliberation\u00a0»\u00a0: DEL-2025-088',
    );
    expect(await links.evaluate((list) => list.previousElementSibling?.textContent?.trim())).toBe(
      'Pages et références',
    );

    const feed = valfleurie();
    const commitment = feed.commitments.find((c) => c.id === 'VF-03')!;
    for (const question of commitment.interpellations ?? []) {
      const days = daysOverdue(question, feed.interpellation, TODAY);
      const shown = item.locator(`[data-interpellation-id="${question.id}"] [data-overdue-days]`);
      if (days > 0) {
        expect(await shown.getAttribute('data-overdue-days')).toBe(String(days));
        expect(await shown.textContent()).toContain(`${days} jours`);
      } else {
        expect(await shown.count()).toBe(0);
      }
    }
    expect(await item.locator('[data-overdue-days]').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).hash).toBe('#commitment=VF-03');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says in English on which day a question was answered, and by whom', async () => {
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/answer-en.html', {
        lang: 'en',
        body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const item = page.locator(`${dashboard} [data-commitment-id="VF-01"]`);
    await item.locator('.toggle').click();
    const head = await item.locator('.answer-head').first().textContent();
    expect(head?.replace(/\s+/g, ' ').trim()).toBe(
      'Answered on June 3, 2026 by Deputy mayor for finance',
    );
  });

  it('counts the commitments shown in plain English', async () => {
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/count-en.html', {
        lang: 'en',
        body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const count = page.locator(`${dashboard} .count > span`).first();
    expect(await count.textContent()).toBe('10 of 10 commitments shown');
    await page.locator(`${dashboard} input[name="q"]`).fill('schools');
    await expect.poll(() => count.textContent()).toBe('1 of 10 commitments shown');
  });

  it('says where the interpellation goes before leaving, and links exactly there', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    const item = page.locator(`${dashboard} [data-commitment-id="VF-01"]`);
    await item.locator('.toggle').click();
    const ask = item.locator('[part="ask"]');
    const button = ask.locator('button[aria-expanded]');
    expect(await button.textContent()).toContain('Interpeller');
    // Its name names the commitment, the colon as French writes it, after the word shown.
    const title = valfleurie().commitments.find((c) => c.id === 'VF-01')!.title;
    await expect(button.evaluate((el) => el.ariaLabel)).resolves.toBe(
      `Interpeller\u00a0: ${typeof title === 'string' ? title : title['fr']}`,
    );
    await expect(ask.getByRole('button', { name: /^Interpeller\s: \S/ }).count()).resolves.toBe(1);
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const panel = ask.locator('[role="region"]');
    const feed = valfleurie();
    const link = interpellationLink(
      feed,
      feed.commitments.find((c) => c.id === 'VF-01')!,
      {
        lang: 'fr',
        page: `${chromium.server.origin}/fixtures/valfleurie.html`,
      },
    )!;
    expect(await panel.locator('.ask-target').textContent()).toBe(link.target);
    expect(link.target).toBe('participer.valfleurie.example');
    const text = await panel.textContent();
    expect(text).toContain('30 jours');
    expect(text).toContain('50 soutiens');
    expect(await panel.locator('a', { hasText: 'Règles' }).getAttribute('href')).toBe(link.rules);
    expect(await panel.locator('a.ask-go').getAttribute('href')).toBe(link.href);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('offers no interpellation when the publisher has no channel, and says so', async () => {
    const { page } = await newPage();
    const feed = bundledFeed('valfleurie');
    delete feed.interpellation;
    serveFeed(chromium.server, '/feeds/no-channel.json', feed);
    await page.goto(
      hostPage(chromium.server, '/no-channel.html', {
        body: `<open-commitments src="/feeds/no-channel.json" commitment="VF-01" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    expect(await page.locator(`${dashboard} [part="ask"]`).count()).toBe(0);
    expect(await page.locator(`${dashboard} [part="no-channel"]`).textContent()).toContain(
      'ne propose pas',
    );
  });
});

describe('filters and the URL hash', () => {
  it('records filters in the hash, restores them from a shared link, and opens #commitment', async () => {
    const { page, context } = await newPage();
    const changes: unknown[] = [];
    await page.exposeFunction('recordChange', (detail: unknown) => changes.push(detail));
    await page.addInitScript(() => {
      document.addEventListener('oc-change', (event) =>
        (window as unknown as { recordChange: (d: unknown) => void }).recordChange(
          (event as CustomEvent).detail,
        ),
      );
    });
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    await page.locator(`${dashboard} input[name="q"]`).fill('ecoles');
    await page.locator(`${dashboard} input[name="late"]`).check();
    await expect.poll(() => new URL(page.url()).hash).toBe('#oc-late=1&oc-q=ecoles');
    const filtered = await ids(page);
    expect(filtered).toEqual(['VF-03']);
    expect(changes.at(-1)).toMatchObject({ q: 'ecoles', late: true });

    // A status chip of the legend filters too.
    await page.locator(`${dashboard} .chip[data-category="complete"]`).click();
    expect(await ids(page)).toEqual([]);
    await page.locator(`${dashboard} .chip[data-category="complete"]`).click();

    // Another reader opens the shared link.
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await settled(other);
    expect(await ids(other)).toEqual(filtered);
    expect(await other.locator(`${dashboard} input[name="q"]`).inputValue()).toBe('ecoles');

    // Going to a commitment by the hash opens it and brings it into view.
    await other.goto(`${chromium.server.origin}/fixtures/valfleurie.html#commitment=VF-10`);
    await settled(other);
    const item = other.locator(`${dashboard} [data-commitment-id="VF-10"]`);
    await expect.poll(() => item.locator('.toggle').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => item.locator('.details').isVisible()).toBe(true);
    await other.evaluate(() => {
      location.hash = 'oc-status=complete';
    });
    await expect.poll(() => ids(other)).toEqual(['VF-02', 'VF-09']);
  });

  it('keeps the reader’s filters when a link of the page goes to one of its own anchors', async () => {
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/anchors.html', {
        body: `<a id="skip" href="#contenu">Aller au contenu</a>
          <div id="contenu"><open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments></div>
          <p><a id="top" href="#haut">Haut de page</a></p>`,
      }),
    );
    await settled(page);
    await page.locator(`${dashboard} input[name="late"]`).check();
    await page.locator(`${dashboard} [data-commitment-id="VF-03"] .toggle`).click();
    const filtered = await ids(page);
    expect(filtered).toEqual(['VF-03', 'VF-05']);
    for (const link of ['#top', '#skip']) {
      // Once the dashboard has heard of the new address (it listened first) and drawn what it does.
      const heard = page.evaluate(
        () =>
          new Promise((resolve) =>
            addEventListener('hashchange', () => setTimeout(resolve), { once: true }),
          ),
      );
      await page.locator(link).click();
      await heard;
      expect(new URL(page.url()).hash).toBe(link === '#top' ? '#haut' : '#contenu');
      expect(await ids(page)).toEqual(filtered);
      expect(await page.locator(`${dashboard} input[name="late"]`).isChecked()).toBe(true);
      expect(
        await page
          .locator(`${dashboard} [data-commitment-id="VF-03"] .toggle`)
          .getAttribute('aria-expanded'),
      ).toBe('true');
    }
    // The next change records the whole view again, beside the page's anchor.
    await page.locator(`${dashboard} input[name="q"]`).fill('ecoles');
    await expect.poll(() => new URL(page.url()).hash).toBe('#contenu&oc-late=1&oc-q=ecoles');
  });

  it('says the count a link of the page sets, as when the reader filters', async () => {
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/status-link.html', {
        body: `<p><a href="#oc-status=complete">Engagements tenus</a></p><open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const spoken = page.locator(`${dashboard} .count [role="status"]`);
    expect(await spoken.textContent()).toBe('');
    await page.getByRole('link', { name: 'Engagements tenus' }).click();
    await expect.poll(() => spoken.textContent()).toMatch(/^\d+ engagements? affichés? sur 10$/);
    expect(await spoken.textContent()).toBe(
      await page.locator(`${dashboard} .count span`).first().textContent(),
    );
  });

  it('offers no "late only" in a plan without a due date, and says why a shared link’s finds nothing', async () => {
    const { page } = await newPage();
    // The national plan 2021-2023 gives none of its commitments a due date.
    await page.goto(`${chromium.server.origin}/fixtures/national-plan.html`);
    await settled(page);
    const late = page.locator(`${dashboard} input[name="late"]`);
    expect(await late.count()).toBe(0);
    expect(await page.locator(`${dashboard} input[name="q"]`).count()).toBe(1);
    // A link shared with the box ticked.
    await page.goto(`${chromium.server.origin}/fixtures/national-plan.html#oc-late=1`);
    await settled(page);
    const why = 'Aucun engagement de ce plan n’a d’échéance : aucun ne peut être en retard.';
    const words = (text: string | null) => text?.replace(/\s+/g, ' ').trim();
    await expect
      .poll(async () => words(await page.locator(`${dashboard} .notice.empty`).textContent()))
      .toBe(why);
    expect(await late.isChecked()).toBe(true);
    // Unticked, it stays where the reader's focus is.
    await late.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => ids(page)).toHaveLength(19);
    expect(
      await page
        .locator(dashboard)
        .evaluate((element) => element.shadowRoot!.activeElement?.getAttribute('name')),
    ).toBe('late');
  });

  it('says the count again when as many other commitments are shown', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    const search = page.locator(`${dashboard} input[name="q"]`);
    const region = page.locator(`${dashboard} .count [role="status"]`);
    const said = () => region.evaluate((el) => el.textContent!.replace(/\s+/g, ' ').trim());
    await search.fill('marché');
    await expect.poll(() => ids(page)).toHaveLength(1);
    await expect.poll(said, { timeout: 5000 }).toMatch(/^1 engagement affiché sur 10/);
    const first = await said();
    const [before] = await ids(page);
    // What the live region says from now on, each time its text changes.
    await region.evaluate((el) => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => heard.push(el.textContent!.trim())).observe(el, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    await search.fill('arbres');
    await expect.poll(() => ids(page)).toHaveLength(1);
    expect((await ids(page))[0]).not.toBe(before);
    // Emptied, then the same words again: a screen reader reads them out anew.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard), {
        timeout: 5000,
      })
      .toEqual(['', first]);
  });

  it('finds a commitment by a word of its description or its milestones, accents aside', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    const item = page.locator(`${dashboard} [data-commitment-id="VF-03"]`);
    await item.locator('.toggle').click();
    // Words the opened commitment shows, neither in its title nor in a summary.
    const shown = await item.locator('.details').textContent();
    expect(shown).toContain('écoles des Tilleuls');
    expect(shown).toContain('École Jules-Ferry');
    const search = page.locator(`${dashboard} input[name="q"]`);
    await search.fill('tilleuls');
    await expect.poll(() => ids(page)).toEqual(['VF-03']);
    await search.fill('ecole jules-ferry');
    await expect.poll(() => ids(page)).toEqual(['VF-03']);
  });
});

/** What has keyboard focus, looking into shadow roots. */
function focused(page: Page): Promise<{ name: string; row?: string; text: string } | null> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    const row = active.closest('[data-commitment-id]')?.getAttribute('data-commitment-id');
    return {
      name: active.getAttribute('name') ?? active.tagName.toLowerCase(),
      ...(row ? { row } : {}),
      text: (active.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/** Whether the whole of `locator`'s box is within the window. */
function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
}

describe('keyboard focus', () => {
  it('stays in the dashboard when the control it was on goes away', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);

    // Clearing the filters: the button goes, focus moves to the search field.
    await page.locator(`${dashboard} input[name="q"]`).fill('ecoles');
    await page.locator(`${dashboard} .count button`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ name: 'q' });
    expect(await ids(page)).toHaveLength(10);

    // Cancelling an interpellation: focus goes back to the button that opened it.
    const item = page.locator(`${dashboard} [data-commitment-id="VF-01"]`);
    await item.locator('.toggle').click();
    await item.locator('[part="ask"] button[aria-expanded]').click();
    await item.locator('[part="ask"] .ask-panel button').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => focused(page))
      .toMatchObject({ row: 'VF-01', text: expect.stringMatching(/^Interpeller/) });
    expect(
      await item.locator('[part="ask"] button[aria-expanded]').getAttribute('aria-expanded'),
    ).toBe('false');
  });

  it('moves focus to the first commitment "show more" added', async () => {
    const { page } = await newPage();
    serveFeed(chromium.server, '/feeds/long-focus.json', generatedFeed(60));
    await page.goto(
      hostPage(chromium.server, '/long-focus.html', {
        body: `<open-commitments src="/feeds/long-focus.json" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const before = await ids(page);
    expect(before).toHaveLength(50);
    await page.locator(`${dashboard} button.more`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => ids(page)).toHaveLength(60);
    const added = (await ids(page))[50];
    await expect.poll(() => focused(page)).toMatchObject({ row: added });
    expect(await page.locator(`${dashboard} button.more`).count()).toBe(0);
  });

  it('says when a shared link names a commitment the filters hide, and shows it on request', async () => {
    const { page } = await newPage();
    await page.goto(
      `${chromium.server.origin}/fixtures/valfleurie.html#oc-status=complete&commitment=VF-01`,
    );
    await settled(page);
    expect(await ids(page)).toEqual(['VF-02', 'VF-09']);
    const notice = page.locator(`${dashboard} .hidden-link`);
    const title = valfleurie().commitments.find((c) => c.id === 'VF-01')!.title as {
      fr: string;
    };
    expect(await notice.locator('strong').textContent()).toBe(title.fr);
    // The reader lands on the notice, as on the commitment's title had it been shown.
    await expect
      .poll(() => focused(page))
      .toMatchObject({ text: expect.stringMatching(/^Les filtres masquent/) });
    expect(await inView(notice)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // An address without those filters takes the notice away; going back brings it again.
    await page.evaluate(() => {
      location.hash = 'commitment=VF-01';
    });
    await expect.poll(() => ids(page)).toHaveLength(10);
    expect(await notice.count()).toBe(0);
    await page.goBack();
    await expect.poll(() => ids(page)).toEqual(['VF-02', 'VF-09']);
    expect(await notice.count()).toBe(1);
    // The same filters without the link: the notice goes too.
    await page.evaluate(() => {
      location.hash = 'oc-status=complete';
    });
    await expect.poll(() => notice.count()).toBe(0);
    await page.goBack();
    await expect.poll(() => notice.count()).toBe(1);

    // Removing the filter by hand no longer jumps to the commitment of the link.
    await page.locator(`${dashboard} .chip[data-category="complete"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => ids(page)).toHaveLength(10);
    expect(await focused(page)).toMatchObject({
      name: 'button',
      text: expect.stringContaining('Terminé'),
    });
    expect(await notice.count()).toBe(0);

    // Asked for, it is shown opened, with the filters cleared.
    await page.goto(
      `${chromium.server.origin}/fixtures/valfleurie.html#oc-status=complete&commitment=VF-01`,
    );
    await page.reload();
    await settled(page);
    await page.locator(`${dashboard} .hidden-link button`).click();
    const item = page.locator(`${dashboard} [data-commitment-id="VF-01"]`);
    await expect.poll(() => item.locator('.toggle').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => focused(page)).toMatchObject({ row: 'VF-01' });
    expect(new URL(page.url()).hash).toBe('#commitment=VF-01');
  });

  it('says where the reader lands when a shared link names a commitment the plan does not hold', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html#commitment=VF-99`);
    await settled(page);
    expect(await ids(page)).toHaveLength(10);
    const notice = page.locator(`${dashboard} .hidden-link`);
    await expect
      .poll(() => focused(page))
      .toMatchObject({
        text: 'L’engagement « VF-99 » ne figure pas dans ce plan.',
      });
    expect(await inView(notice)).toBe(true);
    expect(await notice.locator('button').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // A link to a commitment it holds takes the notice away.
    await page.evaluate(() => {
      location.hash = 'commitment=VF-02';
    });
    await expect.poll(() => focused(page)).toMatchObject({ row: 'VF-02' });
    expect(await notice.count()).toBe(0);
  });
});

describe('a narrow screen', () => {
  it('fits 320 px with every commitment opened, late milestones and questions included', async () => {
    const context = await chromium.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    for (const toggle of await page.locator(`${dashboard} .toggle`).all()) await toggle.click();
    await expect
      .poll(() => page.locator(`${dashboard} .details:visible`).count())
      .toBe((await ids(page)).length);
    expect(
      await page.locator(`${dashboard} .milestone[data-state="late"]`).count(),
    ).toBeGreaterThan(0);
    const width = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(width.scroll).toBe(width.client);
  });
});

describe('a narrow screen with wider text spacing', () => {
  it('fits 320 px, a figure in words included', async () => {
    const context = await chromium.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    // No progress is known in this plan: the overall figure is words, not a percentage; and the
    // host page, like most, keeps a margin around its content.
    const url = hostPage(chromium.server, '/national-plan-padded.html', {
      body: '<div style="padding: 0 1.5rem"><open-commitments src="/feeds/fr-2021-2023.json" no-refresh></open-commitments></div>',
    });
    await page.goto(url);
    await settled(page);
    await applyTextSpacing(page);
    const width = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(width.scroll).toBe(width.client);
  });

  it('fits 320 px with every commitment opened, overdue answers included', async () => {
    const context = await chromium.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    const url = hostPage(chromium.server, '/valfleurie-padded.html', {
      body: `<div style="padding: 0 1.5rem"><open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments></div>`,
    });
    await page.goto(url);
    await settled(page);
    for (const toggle of await page.locator(`${dashboard} .toggle`).all()) await toggle.click();
    await expect
      .poll(() => page.locator(`${dashboard} .details:visible`).count())
      .toBe((await ids(page)).length);
    expect(await page.locator(`${dashboard} .q-stats .late`).count()).toBeGreaterThan(0);
    await applyTextSpacing(page);
    const width = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(width.scroll).toBe(width.client);
  });
});

describe('what assistive technologies and other displays meet', () => {
  it('says how many commitments are shown once typing stops, not at every key', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    // Every change of what the dashboard's live regions say, as a screen reader would hear it.
    await page.evaluate(() => {
      const root = document.querySelector('open-commitments')!.shadowRoot!;
      const said: string[] = [];
      Object.assign(window, { said });
      const live = () =>
        [...root.querySelectorAll('[role="status"], [role="alert"], [aria-live]')]
          .map((region) => region.textContent?.trim())
          .filter(Boolean)
          .join(' | ');
      let last = live();
      new MutationObserver(() => {
        const now = live();
        if (now !== last) said.push(now);
        last = now;
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said);
    await page.locator(`${dashboard} input[name="q"]`).pressSequentially('budget', { delay: 80 });
    await expect.poll(said).not.toEqual([]);
    await page.waitForTimeout(1500);
    const count = await page.locator(`${dashboard} .count > span:not([role])`).textContent();
    expect(await said()).toEqual([count]);
  });

  it('shows the late marks’ warning sign without reading it out', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    const note = page.locator(`${dashboard} .overall .figure-note:last-child`);
    expect(await note.ariaSnapshot()).toMatch(/En retard\s: 2/);
    expect(await note.ariaSnapshot()).not.toContain('⚠');
  });

  it('says under the overall progress how many commitments it is the mean of', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    // Seven of Valfleurie's ten commitments give a progress (their own, or their status's).
    const overall = page.locator(`${dashboard} .overall`);
    await expect(overall.locator('.figure-note').first().innerText()).resolves.toBe(
      'Moyenne de 7 engagements sur 10\u00a0; les autres ne donnent pas d’avancement.',
    );
    const [value, mean] = await Promise.all([
      overall.locator('.figure-value').boundingBox(),
      overall.locator('.figure-note').first().boundingBox(),
    ]);
    expect(mean!.y).toBeGreaterThan(value!.y + value!.height);
  });

  it('says that a row’s label is its status, which the publisher words its own way', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    const meta = page.locator(`${dashboard} [data-commitment-id="VF-04"] .item-meta`);
    expect(await meta.ariaSnapshot()).toMatch(/^- text: "État\s: Voté en conseil"/);
    // On screen, the label alone, first on its line.
    const line = await meta.boundingBox();
    const label = await meta.locator('[part="status"]').boundingBox();
    expect(Math.abs(label!.x - line!.x)).toBeLessThanOrEqual(1);
  });

  it('draws the overall progress bar as long as its value', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    const bar = page.locator(`${dashboard} .overall [role="progressbar"]`);
    const value = Number(await bar.getAttribute('aria-valuenow'));
    const width = await bar.evaluate((element) => ({
      track: element.getBoundingClientRect().width,
      fill: element.firstElementChild!.getBoundingClientRect().width,
    }));
    expect(width.track).toBeGreaterThan(100);
    expect(Math.abs((100 * width.fill) / width.track - value)).toBeLessThan(2);
  });

  it('still shows progress bars and the pressed status filter in forced colours', async () => {
    const { page } = await newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${chromium.server.origin}/fixtures/badges.html`);
    await settled(page);
    await settled(page, 'open-commitment-badge');
    const bars = await page.locator('[role="progressbar"]').evaluateAll((elements) =>
      elements.map((bar) => {
        const fill = bar.firstElementChild!;
        return {
          where: bar.getAttribute('aria-label'),
          outlined: parseFloat(getComputedStyle(bar).borderTopWidth) >= 1,
          // A bar at 0 % has nothing filled.
          filled:
            bar.getAttribute('aria-valuenow') === '0' ||
            (fill.getBoundingClientRect().width > 0 &&
              getComputedStyle(fill).backgroundColor !== getComputedStyle(bar).backgroundColor),
        };
      }),
    );
    expect(bars.length).toBeGreaterThan(3);
    for (const bar of bars) expect(bar).toEqual({ where: bar.where, outlined: true, filled: true });
    const chips = page.locator(`${dashboard} .legend button`);
    await chips.first().click();
    const background = (index: number) =>
      chips.nth(index).evaluate((chip) => getComputedStyle(chip).backgroundColor);
    expect(await background(0)).not.toBe(await background(1));
    // Its focus ring in the reader's text colour, not in a theme colour chosen for another ground.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const ring = await chips.first().evaluate((chip) => ({
      colour: getComputedStyle(chip).outlineColor,
      style: getComputedStyle(chip).outlineStyle,
    }));
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    expect(ring).toEqual({ colour: text, style: 'solid' });
  });

  it('draws borders and bar tracks in the muted text colour when more contrast is asked for', async () => {
    const { page } = await newPage();
    await page.emulateMedia({ contrast: 'more' });
    await page.goto(`${chromium.server.origin}/fixtures/badges.html`);
    await settled(page);
    await settled(page, 'open-commitment-badge');
    const seen = (selector: string) =>
      page.locator(selector).evaluate((host) => {
        const root = host.shadowRoot!;
        const muted = getComputedStyle(root.querySelector('.root')!).getPropertyValue(
          '--oc-color-muted',
        );
        const probe = document.createElement('span');
        probe.style.color = muted;
        root.querySelector('.root')!.append(probe);
        const mutedRgb = getComputedStyle(probe).color;
        probe.remove();
        const bar = root.querySelector('.bar')!;
        const row = root.querySelector('.item');
        return {
          mutedRgb,
          bar: `${getComputedStyle(bar).outlineStyle} ${getComputedStyle(bar).outlineColor}`,
          row: row && getComputedStyle(row).borderTopColor,
        };
      });
    const dashboardSeen = await seen('open-commitments');
    expect(dashboardSeen.bar).toBe(`solid ${dashboardSeen.mutedRgb}`);
    expect(dashboardSeen.row).toBe(dashboardSeen.mutedRgb);
    const badgeSeen = await seen('open-commitment-badge >> nth=0');
    expect(badgeSeen.bar).toBe(`solid ${badgeSeen.mutedRgb}`);
  });

  it('outlines the status colours and fills done milestones in forced colours, whatever the theme', async () => {
    const { page } = await newPage();
    // A theme chosen by the site, for a ground the reader's forced colours replace.
    await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    await page.goto(
      hostPage(chromium.server, '/forced-dsfr.html', {
        body: `<open-commitments src="/feeds/valfleurie.json" theme="dsfr" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    const outlines = await page
      .locator(`${dashboard} .stack > span, ${dashboard} .swatch`)
      .evaluateAll((parts) =>
        parts.map((part) => {
          const style = getComputedStyle(part);
          return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
        }),
      );
    expect(outlines.length).toBeGreaterThan(4);
    expect(new Set(outlines)).toEqual(new Set([`solid 1px ${text}`]));
    const item = page.locator(`${dashboard} [data-commitment-id="VF-03"]`);
    await item.locator('.toggle').click();
    const marks = await item
      .locator('.milestone')
      .evaluateAll((list) =>
        list.map((li) => [
          li.getAttribute('data-state'),
          getComputedStyle(li.querySelector('.mark')!).backgroundColor,
        ]),
      );
    expect(marks).toEqual([
      ['done', text],
      ['late', 'rgba(0, 0, 0, 0)'],
      ['upcoming', 'rgba(0, 0, 0, 0)'],
    ]);
  });
});

describe('several dashboards on one page', () => {
  it('keeps each one’s filters and opened commitment under its id in the hash', async () => {
    const { page, context } = await newPage();
    const url = hostPage(chromium.server, '/two-dashboards.html', {
      body:
        `<open-commitments id="ville" src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>` +
        `<open-commitments id="national" src="/feeds/fr-2021-2023.json" today="${TODAY}" no-refresh></open-commitments>`,
    });
    const ville = page.locator('#ville');
    const national = page.locator('#national');
    const idsOf = (element: typeof ville) =>
      element
        .locator('[data-commitment-id]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-commitment-id')));
    await page.goto(url);
    await settled(page, '#ville');
    await settled(page, '#national');
    const nationalBefore = await idsOf(national);
    expect(nationalBefore).toHaveLength(19);

    await ville.locator('input[name="q"]').fill('ecoles');
    await expect.poll(() => idsOf(ville)).toEqual(['VF-03']);
    await expect.poll(() => new URL(page.url()).hash).toBe('#ville.q=ecoles');
    expect(await idsOf(national)).toEqual(nationalBefore);
    expect(await national.locator('input[name="q"]').inputValue()).toBe('');

    // A shared link restores each dashboard's own view, and opens a commitment in its own one.
    const other = await context.newPage();
    await other.goto(`${url}#ville.q=ecoles&national.commitment=FR0051`);
    await settled(other, '#ville');
    await settled(other, '#national');
    expect(await idsOf(other.locator('#ville'))).toEqual(['VF-03']);
    expect(await idsOf(other.locator('#national'))).toHaveLength(19);
    const opened = other.locator('#national [data-commitment-id="FR0051"] .toggle');
    await expect.poll(() => opened.getAttribute('aria-expanded')).toBe('true');
    expect(await other.locator('#ville [aria-expanded="true"]').count()).toBe(0);
  });

  it('lets a dashboard alone on its page follow the documented keys though it has an id', async () => {
    const { page } = await newPage();
    const url = hostPage(chromium.server, '/lone-with-id.html', {
      body: `<open-commitments id="ville" src="/feeds/valfleurie.json" today="${TODAY}" no-refresh></open-commitments>`,
    });
    await page.goto(`${url}#oc-status=complete&commitment=VF-09`);
    await settled(page);
    await expect
      .poll(() =>
        page
          .locator(`${dashboard} [data-commitment-id="VF-09"] .toggle`)
          .getAttribute('aria-expanded'),
      )
      .toBe('true');
    expect(
      await page
        .locator(`${dashboard} [part="commitment"] [part="status"]`)
        .evaluateAll((labels) => [...new Set(labels.map((l) => l.getAttribute('data-category')))]),
    ).toEqual(['complete']);
  });

  // A ministry's page of two national plans, neither dashboard with an id: both follow
  // `#commitment=ID`, which names a commitment of one plan.
  const older = `${dashboard}[src$="fr-2018-2020.json"]`;
  const newer = `${dashboard}[src$="fr-2021-2023.json"]`;
  const twoPlans = readFileSync('test/e2e/fixtures/widget/dashboard-two-plans.html', 'utf8');
  /** Which of the two plans holds the focus, and what the focused element says. */
  const focusedPlan = (page: Page) =>
    page.evaluate(() => ({
      plan: document.activeElement?.getAttribute('src'),
      text: (document.activeElement?.shadowRoot?.activeElement?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    }));

  it('opens a shared link’s commitment in the plan that holds it, the other plan saying nothing', async () => {
    const { page, problems } = await newPage();
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    const url = `${chromium.server.origin}/fixtures/dashboard-two-plans.html`;
    const notices = page.locator(`${dashboard} .hidden-link`);
    await page.goto(`${url}#commitment=FR0051`);
    await settled(page, older);
    await settled(page, newer);
    const opened = (plan: string, id: string) =>
      page.locator(`${plan} [data-commitment-id="${id}"] .toggle`).getAttribute('aria-expanded');
    await expect.poll(() => opened(newer, 'FR0051')).toBe('true');
    await expect.poll(() => focusedPlan(page)).toMatchObject({ plan: '/feeds/fr-2021-2023.json' });
    expect(await inView(page.locator(`${newer} [data-commitment-id="FR0051"] h3`))).toBe(true);
    expect(await notices.count()).toBe(0);

    // A link of the page to a commitment of the other plan.
    await page.evaluate(() => {
      location.hash = 'commitment=FR0030';
    });
    await expect.poll(() => opened(older, 'FR0030')).toBe('true');
    await expect.poll(() => focusedPlan(page)).toMatchObject({ plan: '/feeds/fr-2018-2020.json' });
    expect(await notices.count()).toBe(0);

    // A commitment of neither plan: each says it does not hold it; the first one is where the
    // reader lands.
    await page.evaluate(() => {
      location.hash = 'commitment=FR9999';
    });
    await expect.poll(() => notices.count()).toBe(2);
    await expect
      .poll(() => focusedPlan(page))
      .toEqual({
        plan: '/feeds/fr-2018-2020.json',
        text: 'L’engagement « FR9999 » ne figure pas dans ce plan.',
      });
    expect(await inView(page.locator(`${older} .hidden-link`))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    // The web team is told, once, how to keep the two dashboards' filters apart.
    expect(warnings).toEqual([expect.stringContaining('id attribute')]);
  });

  it('waits for a plan still loading before saying that no plan of the page holds a linked commitment', async () => {
    const { page } = await newPage();
    const slow = (path: string, answer: { status?: number; body?: string }) => {
      chromium.server.route(path, { delay: 1500, ...answer });
      chromium.server.route(
        path.replace('.json', '.html'),
        // The fixture's page, its second plan slow to come.
        { body: twoPlans.replace('/feeds/fr-2021-2023.json', path) },
      );
      return `${chromium.server.origin}${path.replace('.json', '.html')}`;
    };
    const notices = page.locator(`${dashboard} .hidden-link`);

    const late = slow('/two-plans-slow.json', {
      body: readFileSync('shared/feeds/fr-2021-2023.json', 'utf8'),
    });
    await page.goto(`${late}#commitment=FR0051`);
    await settled(page, older);
    await settled(page, `${dashboard}[src$="two-plans-slow.json"]`);
    const item = page.locator(`${dashboard} [data-commitment-id="FR0051"]`);
    await expect.poll(() => item.locator('.toggle').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => focusedPlan(page)).toMatchObject({ plan: '/two-plans-slow.json' });
    expect(await notices.count()).toBe(0);

    // A plan whose feed fails holds nothing: the other one says it lacks the commitment.
    const failing = slow('/two-plans-failing.json', { status: 500 });
    await page.goto(`${failing}#commitment=FR0051`);
    await settled(page, older);
    await expect.poll(() => notices.count()).toBe(0);
    await settled(page, `${dashboard}[src$="two-plans-failing.json"]`);
    await expect
      .poll(() => page.locator(`${older} .hidden-link`).textContent())
      .toContain('FR0051');
  });
});

describe('preset filters', () => {
  it('starts filtered by the status and themes attributes, and shows them chosen', async () => {
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/preset.html', {
        body: `<open-commitments src="/feeds/valfleurie.json" status="substantial,limited" themes="Environnement et climat" today="${TODAY}" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    expect(await ids(page)).toEqual(['VF-03', 'VF-04']);
    expect(await page.locator(`${dashboard} select[name="theme"]`).inputValue()).toBe(
      'Environnement et climat',
    );
    expect(
      await page
        .locator(`${dashboard} .chip[aria-pressed="true"]`)
        .evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-category'))),
    ).toEqual(['limited', 'substantial']);
    expect(new URL(page.url()).hash).toBe('');
  });
});

describe('states', () => {
  it('shows a fixed-height skeleton while loading, then the feed without a layout jump above it', async () => {
    const { page } = await newPage();
    chromium.server.route('/feeds/slow.json', {
      body: JSON.stringify(bundledFeed('valfleurie')),
      delay: 1500,
    });
    await page.goto(
      hostPage(chromium.server, '/slow.html', {
        body: `<open-commitments src="/feeds/slow.json" no-refresh></open-commitments><p id="after">after</p>`,
      }),
    );
    const skeleton = page.locator(`${dashboard} [aria-busy="true"]`);
    await skeleton.waitFor();
    const box = await page.locator(`${dashboard} .loading`).boundingBox();
    expect(box?.height).toBeGreaterThan(300);
    expect(await axeViolations(page)).toEqual([]);
    await settled(page);
    expect(await ids(page)).toHaveLength(10);
  });

  it('keeps the skeleton and bars still for a reader who asks for reduced motion', async () => {
    const motion = async (options: { reducedMotion?: 'reduce' }) => {
      const { page } = await newPage(options);
      chromium.server.route('/feeds/slow-motion.json', {
        body: JSON.stringify(bundledFeed('valfleurie')),
        delay: 1500,
      });
      await page.goto(
        hostPage(chromium.server, '/motion.html', {
          body: `<open-commitments src="/feeds/slow-motion.json" no-refresh></open-commitments>`,
        }),
      );
      const bone = page.locator(`${dashboard} .bone`).first();
      await bone.waitFor();
      const animation = await bone.evaluate((el) => getComputedStyle(el).animationName);
      await settled(page);
      const bar = page.locator(`${dashboard} .bar > span`).first();
      const transition = await bar.evaluate((el) => getComputedStyle(el).transitionProperty);
      const duration = await bar.evaluate((el) => getComputedStyle(el).transitionDuration);
      return { animation, transition, duration };
    };
    expect(await motion({})).toEqual({ animation: 'pulse', transition: 'width', duration: '0.3s' });
    expect(await motion({ reducedMotion: 'reduce' })).toEqual({
      animation: 'none',
      transition: 'all',
      duration: '0s',
    });
  });

  it('says a feed is unreachable, with its address, and fires oc-error', async () => {
    const { page } = await newPage();
    await page.addInitScript(() => {
      document.addEventListener('oc-error', (event) => {
        (window as unknown as { ocError: unknown }).ocError = (event as CustomEvent).detail;
      });
    });
    await page.goto(
      hostPage(chromium.server, '/unreachable.html', {
        body: `<open-commitments src="http://127.0.0.1:9/feed.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const notice = page.locator(`${dashboard} [part="notice"]`);
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain('injoignable');
    expect(await notice.locator('.feed-url').textContent()).toBe('http://127.0.0.1:9/feed.json');
    expect(
      await page.evaluate(
        () => (window as unknown as { ocError: { reason: string } }).ocError.reason,
      ),
    ).toBe('network');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says in a badge, in two words on its line, that its commitment is unavailable', async () => {
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/badge-unreachable.html', {
        body: `<p style="line-height: 40px">État de l’engagement : <open-commitment-badge id="badge" src="http://127.0.0.1:9/feed.json" commitment="E1"></open-commitment-badge>.</p>`,
      }),
    );
    const alert = page.locator('#badge [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Engagement indisponible');
    const lines = await page
      .locator('p')
      .evaluate((p) =>
        Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)),
      );
    expect(lines).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says in a badge’s details, in words, why the refresh behind its copy failed', async () => {
    const { page } = await newPage();
    const good = JSON.stringify(bundledFeed('valfleurie'));
    serveFeed(chromium.server, '/feeds/badge-cut.json', good);
    const url = hostPage(chromium.server, '/badge-cut.html', {
      body: `<p><open-commitment-badge id="badge" src="/feeds/badge-cut.json" commitment="VF-03"></open-commitment-badge></p>`,
    });
    await page.goto(url);
    await page.locator('#badge [part="status"]').waitFor();
    serveFeed(chromium.server, '/feeds/badge-cut.json', good.slice(0, 300));
    await page.reload();
    await page.locator('#badge [part="toggle"]').click();
    const details = page.locator('#badge [part="popover"]');
    await expect
      .poll(() => details.locator('p').first().textContent())
      .toMatch(/échoué\. Le flux a été refusé car il est illisible \(son JSON est incomplet/);
    expect(await details.textContent()).not.toMatch(/Unexpected|\$/);
  });

  it('names a server that lets no other site read its feed as a cause of an unreachable feed', async () => {
    // The most common failure of a dashboard on another site than its feed: the feed's server
    // sends no Access-Control-Allow-Origin for the page's origin, and the browser hides the answer.
    chromium.server.route('/cors/closed.json', {
      body: readFileSync('shared/feeds/valfleurie.json', 'utf8'),
      headers: { 'access-control-allow-origin': 'https://elsewhere.example' },
    });
    const src = `http://localhost:${chromium.server.port}/cors/closed.json`;
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/cors-closed.html', {
        body: `<open-commitments src="${src}" lang="en" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const notice = page.locator(`${dashboard} [part="notice"]`);
    expect(await notice.textContent()).toContain(
      'network down, wrong address, or a server that does not let other sites read it',
    );
    expect(await notice.locator('.feed-url').textContent()).toBe(src);
  });

  it('refuses a feed of a newer format in words, leaving the parser’s to oc-error', async () => {
    const { page } = await newPage();
    serveFeed(chromium.server, '/feeds/invalid.json', {
      format: 'open-commitments/9',
      commitments: [],
    });
    await page.addInitScript(() => {
      document.addEventListener('oc-error', (event) => {
        (window as unknown as { ocError: unknown }).ocError = (event as CustomEvent).detail;
      });
    });
    await page.goto(
      hostPage(chromium.server, '/invalid.html', {
        lang: 'en',
        body: `<open-commitments src="/feeds/invalid.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const notice = page.locator(`${dashboard} [part="notice"]`);
    expect(await notice.locator('p').first().textContent()).toBe(
      'This feed is written in a newer version of the format, which this dashboard cannot read.',
    );
    expect(await notice.textContent()).not.toMatch(/open-commitments\/1|version 9|\$/);
    expect(await notice.locator('.feed-url').textContent()).toBe(
      `${chromium.server.origin}/feeds/invalid.json`,
    );
    const detail = await page.evaluate(
      () =>
        (window as unknown as { ocError: { errors: { path: string; message: string }[] } }).ocError
          .errors,
    );
    expect(detail[0]?.path).toBe('format');
    expect(detail[0]?.message).toMatch(/version 9 of the format is not read here/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says in French that a cut-off feed is unreadable, without JSON paths or parser text', async () => {
    const { page } = await newPage();
    serveFeed(
      chromium.server,
      '/feeds/cut-off.json',
      JSON.stringify(bundledFeed('valfleurie')).slice(0, 500),
    );
    await page.goto(
      hostPage(chromium.server, '/cut-off.html', {
        body: `<open-commitments src="/feeds/cut-off.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const notice = page.locator(`${dashboard} [part="notice"]`);
    expect(await notice.locator('p').first().textContent()).toBe(
      'Le flux a été refusé car il est illisible (son JSON est incomplet ou mal formé).',
    );
    expect(await notice.textContent()).not.toMatch(/\$|JSON input|Unexpected/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('tells the site’s web team, in a dashboard and a badge, that no feed address is given', async () => {
    const { page } = await newPage();
    await page.goto(
      hostPage(chromium.server, '/no-src.html', {
        body: `<open-commitments no-refresh></open-commitments>
          <p><open-commitment-badge id="empty" src="" commitment="VF-01"></open-commitment-badge></p>
          <p><open-commitment-badge id="absent" commitment="VF-01"></open-commitment-badge></p>`,
      }),
    );
    await page.locator(`${dashboard} [part="notice"]`).waitFor();
    expect(await page.locator(`${dashboard} [part="notice"] p`).textContent()).toBe(
      'Aucune adresse de flux indiquée\u00a0: renseignez l’attribut src.',
    );
    for (const id of ['empty', 'absent']) {
      await expect
        .poll(() => page.locator(`#${id} [part="base"]`).textContent())
        .toBe('Aucune adresse de flux indiquée\u00a0: renseignez l’attribut src.');
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says a feed is missing when its server answers 404', async () => {
    const { page } = await newPage();
    serveFeed(chromium.server, '/feeds/gone.json', 'Not found', 404);
    await page.goto(
      hostPage(chromium.server, '/missing.html', {
        body: `<open-commitments src="/feeds/gone.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    expect(await page.locator(`${dashboard} [part="notice"] p`).first().textContent()).toBe(
      'Aucun flux ne se trouve à cette adresse (erreur 404).',
    );
  });

  it('says when a plan has no commitments', async () => {
    const { page } = await newPage();
    serveFeed(chromium.server, '/feeds/empty.json', {
      ...bundledFeed('valfleurie'),
      commitments: [],
    });
    await page.goto(
      hostPage(chromium.server, '/empty.html', {
        body: `<open-commitments src="/feeds/empty.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    expect(await page.locator(`${dashboard} .notice.empty`).textContent()).toContain(
      'aucun engagement',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps showing the last good copy when the feed breaks, and says it is stale', async () => {
    const { page, problems } = await newPage();
    chromium.server.route('/feeds/flaky.json', { body: JSON.stringify(bundledFeed('valfleurie')) });
    const url = hostPage(chromium.server, '/flaky.html', {
      body: `<open-commitments src="/feeds/flaky.json" no-refresh></open-commitments>`,
    });
    await page.goto(url);
    await settled(page);
    expect(await ids(page)).toHaveLength(10);
    chromium.server.route('/feeds/flaky.json', { status: 500, body: 'oops' });
    await page.reload();
    await settled(page);
    await expect.poll(() => page.locator(`${dashboard} .notice.stale`).count()).toBe(1);
    expect(await page.locator(`${dashboard} .notice.stale`).textContent()).toContain('HTTP 500');
    expect(await ids(page)).toHaveLength(10);
    // A refused copy never replaces the good one either.
    chromium.server.route('/feeds/flaky.json', { body: '{"format": "open-commitments/1"}' });
    await page.reload();
    await settled(page);
    await expect
      .poll(() => page.locator(`${dashboard} .notice.stale`).textContent())
      .toContain('refusé');
    expect(await ids(page)).toHaveLength(10);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.filter((p) => !p.includes('500'))).toEqual([]);
  });
});

describe('progress not given', () => {
  it('is not mentioned for a commitment done or given up, nor overall in a plan without commitments', async () => {
    const { page } = await newPage();
    const feed = bundledFeed('valfleurie');
    feed.commitments = feed.commitments.map((c) => {
      if (c.id !== 'VF-09' && c.id !== 'VF-07' && c.id !== 'VF-05') return c;
      const { progress: _progress, milestones: _milestones, ...rest } = c;
      return rest;
    });
    serveFeed(chromium.server, '/feeds/no-figures.json', feed);
    serveFeed(chromium.server, '/feeds/no-commitments.json', {
      ...feed,
      plan: { ...(feed.plan as object), title: { fr: 'Plan encore vide' } },
      commitments: [],
    });
    await page.goto(
      hostPage(chromium.server, '/no-figures.html', {
        body: `<open-commitments id="plan" src="/feeds/no-figures.json" today="${TODAY}" no-refresh></open-commitments>
          <p><open-commitment-badge id="done" src="/feeds/no-figures.json" commitment="VF-09"></open-commitment-badge>
          <open-commitment-badge id="limited" src="/feeds/no-figures.json" commitment="VF-05"></open-commitment-badge></p>
          <open-commitments id="empty" src="/feeds/no-commitments.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    const meta = (id: string) =>
      page.locator(`#plan [data-commitment-id="${id}"] .item-meta`).textContent();
    expect(await meta('VF-09')).toContain('Terminé');
    expect(await meta('VF-09')).not.toContain('Avancement');
    expect(await meta('VF-07')).not.toContain('Avancement');
    expect(await meta('VF-05')).toContain('Avancement non communiqué');
    await page.locator('#done [part="status"]').waitFor();
    expect(await page.locator('#done [part="base"]').textContent()).not.toContain('Avancement');
    expect(await page.locator('#limited [part="base"]').textContent()).toContain(
      'Avancement non communiqué',
    );
    await page.locator('#empty .notice.empty').waitFor();
    const empty = await page.locator('#empty [part="summary"]').textContent();
    expect(empty).not.toContain('Avancement');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the page passed to the interpellation form', () => {
  it('is the host page’s address without its query, which may carry a visitor’s e-mail', async () => {
    const { page } = await newPage();
    await page.goto(
      `${chromium.server.origin}/fixtures/valfleurie.html?email=lea%40example.org&token=s3cr3t#commitment=VF-03`,
    );
    await settled(page);
    const item = page.locator(`${dashboard} [data-commitment-id="VF-03"]`);
    await item.locator('[part="ask"] button[aria-expanded]').click();
    const href = await item.locator('a.ask-go').getAttribute('href');
    expect(new URL(href!).searchParams.get('page')).toBe(
      `${chromium.server.origin}/fixtures/valfleurie.html`,
    );
    expect(href).not.toMatch(/s3cr3t|example\.org/);
  });
});

describe('the search', () => {
  it('finds a title written with a non-breaking hyphen when typed with a plain one', async () => {
    const { page } = await newPage();
    const feed = bundledFeed('valfleurie');
    feed.commitments = feed.commitments.map((c) =>
      c.id === 'VF-05' ? { ...c, title: { fr: 'Égalité femmes\u2011hommes au conseil' } } : c,
    );
    serveFeed(chromium.server, '/feeds/hyphen.json', feed);
    await page.goto(
      hostPage(chromium.server, '/hyphen.html', {
        body: `<open-commitments src="/feeds/hyphen.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    await page.locator(`${dashboard} input[name="q"]`).fill('egalite femmes-hommes');
    await expect.poll(() => ids(page)).toEqual(['VF-05']);
  });
});

describe('evidence links', () => {
  it('are told apart in a list of links by their update’s date', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html#commitment=VF-01`);
    await settled(page);
    const timeline = page.locator(`${dashboard} [data-commitment-id="VF-01"] .timeline`);
    const names = await timeline
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.textContent!.replace(/\s+/g, ' ').trim()));
    expect(names).toEqual([
      'Justificatif du 5 octobre 2026',
      'Justificatif 2 du 5 octobre 2026',
      'Justificatif du 22 avril 2026',
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the status chips', () => {
  it('are a filter named as such, and each count is read once', async () => {
    const { page } = await newPage();
    await page.goto(`${chromium.server.origin}/fixtures/valfleurie.html`);
    await settled(page);
    const group = page.locator(dashboard).getByRole('group', { name: 'Filtrer par état' });
    expect(await group.getByRole('button').count()).toBeGreaterThan(2);
    const label = page.locator(`${dashboard} #oc-status-filter`);
    expect(await label.isVisible()).toBe(true);
    expect((await label.boundingBox())!.height).toBeGreaterThan(8);
    // What a screen reader hears of the breakdown: each status and its count once.
    const heard = await page.locator(`${dashboard} .breakdown`).ariaSnapshot();
    const chip = await group.getByRole('button').first().textContent();
    const name = chip!.replace(/\s*\d+\s*$/, '').trim();
    expect(heard.split(name).length - 1).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a copy shown after a failed refresh', () => {
  it('says so first, above the figures, on the first screen of a phone', async () => {
    const { page, context } = await newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    const good = JSON.stringify(bundledFeed('valfleurie'));
    serveFeed(chromium.server, '/feeds/stale-first.json', good);
    await page.goto(
      hostPage(chromium.server, '/stale-first.html', {
        body: `<open-commitments src="/feeds/stale-first.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page);
    serveFeed(chromium.server, '/feeds/stale-first.json', 'down', 503);
    await page.reload();
    await settled(page);
    const notice = page.locator(`${dashboard} .notice.stale`);
    await notice.waitFor();
    const order = await page
      .locator(dashboard)
      .evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('.notice.stale, [part="summary"]')].map((e) =>
          e.classList.contains('stale') ? 'notice' : 'figures',
        ),
      );
    expect(order).toEqual(['notice', 'figures']);
    const box = (await notice.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(740);
    await context.close();
  });

  it('marks a badge’s line, in words, when its copy could not be refreshed', async () => {
    const { page, context } = await newPage();
    const good = JSON.stringify(bundledFeed('valfleurie'));
    serveFeed(chromium.server, '/feeds/stale-badge.json', good);
    await page.goto(
      hostPage(chromium.server, '/stale-badge.html', {
        body: `<p><open-commitment-badge id="badge" src="/feeds/stale-badge.json" commitment="VF-03"></open-commitment-badge></p>`,
      }),
    );
    await page.locator('#badge [part="status"]').waitFor();
    expect(await page.locator('#badge [part="stale"]').count()).toBe(0);
    serveFeed(chromium.server, '/feeds/stale-badge.json', 'down', 503);
    await page.reload();
    const mark = page.locator('#badge [part="stale"]');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('Non actualisé');
    expect(await page.locator('#badge [part="status"]').textContent()).toBe('En travaux');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('themes', () => {
  for (const theme of ['default', 'dsfr', 'dark', 'preferred-dark']) {
    it(`passes axe, colour contrast included, in the ${theme} theme`, async () => {
      const { page } = await newPage({
        colorScheme: theme === 'preferred-dark' ? 'dark' : 'light',
      });
      const attribute = theme === 'preferred-dark' ? '' : ` theme="${theme}"`;
      await page.goto(
        hostPage(chromium.server, `/theme-${theme}.html`, {
          body: `<open-commitments src="/feeds/valfleurie.json" today="${TODAY}" no-refresh${attribute}></open-commitments>`,
        }),
      );
      await settled(page);
      await page.locator(`${dashboard} [data-commitment-id="VF-03"] .toggle`).click();
      await page.locator(`${dashboard} [data-commitment-id="VF-03"] [part="ask"] button`).click();
      const background = await page
        .locator(`${dashboard} [part="base"]`)
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      if (theme === 'dark' || theme === 'preferred-dark')
        expect(background).toBe('rgb(28, 36, 49)');
      else expect(background).not.toBe('rgb(28, 36, 49)');
      if (theme === 'dsfr') {
        const accent = await page
          .locator(`${dashboard} [part="base"]`)
          .evaluate((el) => getComputedStyle(el).getPropertyValue('--oc-color-accent').trim());
        expect(accent).toBe('#000091');
      }
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

describe('live refresh', () => {
  it('asks again every 5 minutes while visible, redraws only on change, and never with no-refresh', async () => {
    const { page } = await newPage();
    await page.clock.install();
    let body = JSON.stringify(bundledFeed('valfleurie'));
    chromium.server.route('/feeds/live.json', () => ({ body }));
    chromium.server.route('/feeds/quiet.json', () => ({ body }));
    await page.addInitScript(() => {
      (window as unknown as { loads: number }).loads = 0;
      document.addEventListener('oc-load', () => {
        (window as unknown as { loads: number }).loads += 1;
      });
    });
    await page.goto(
      hostPage(chromium.server, '/live.html', {
        body: `<open-commitments id="live" src="/feeds/live.json"></open-commitments>
          <open-commitments id="quiet" src="/feeds/quiet.json" no-refresh></open-commitments>`,
      }),
    );
    await settled(page, '#live');
    await settled(page, '#quiet');
    const count = (path: string) => chromium.server.requests.filter((r) => r === path).length;
    expect(count('/feeds/live.json')).toBe(1);
    // Mark a rendered commitment: an unchanged feed must leave the very same element in place.
    await page.evaluate(() => {
      const item = document
        .querySelector('#live')!
        .shadowRoot!.querySelector('[data-commitment-id="VF-01"]');
      (item as unknown as { marked: boolean }).marked = true;
    });

    await page.clock.runFor(5 * 60 * 1000 + 1000);
    await expect.poll(() => count('/feeds/live.json')).toBe(2);
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(
        () =>
          (
            document
              .querySelector('#live')!
              .shadowRoot!.querySelector('[data-commitment-id="VF-01"]') as unknown as {
              marked?: boolean;
            }
          ).marked,
      ),
    ).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { loads: number }).loads)).toBe(2);

    // The publisher changes a status: the next refresh shows it.
    const changed = bundledFeed('valfleurie');
    changed.commitments[0]!.status = 'complete';
    body = JSON.stringify(changed);
    await page.clock.runFor(5 * 60 * 1000 + 1000);
    await expect
      .poll(() =>
        page
          .locator('#live [data-commitment-id="VF-01"] [part="status"]')
          .getAttribute('data-category'),
      )
      .toBe('complete');
    expect(count('/feeds/quiet.json')).toBe(1);
  });

  it('says a failed refresh in a live region that was there before, so that it is heard', async () => {
    const { page } = await newPage();
    await page.clock.install();
    chromium.server.route('/feeds/failing.json', {
      body: JSON.stringify(bundledFeed('valfleurie')),
    });
    await page.goto(
      hostPage(chromium.server, '/failing.html', {
        body: '<open-commitments src="/feeds/failing.json"></open-commitments>',
      }),
    );
    await settled(page);
    // Screen readers announce what changes inside a live region, not a region added with its text.
    await page.evaluate(() => {
      const root = document.querySelector('open-commitments')!.shadowRoot!;
      for (const region of root.querySelectorAll('[role="status"], [aria-live]')) {
        region.setAttribute('data-was-there', '');
      }
    });
    chromium.server.route('/feeds/failing.json', { status: 500, body: 'oops' });
    await page.clock.runFor(5 * 60 * 1000 + 1000);
    const notice = page.locator(`${dashboard} .notice.stale`);
    await notice.waitFor();
    expect(
      await notice.evaluate((element) =>
        element.closest('[role="status"]')?.hasAttribute('data-was-there'),
      ),
    ).toBe(true);
  });
});

describe('long plans', () => {
  it('renders 50 commitments at a time, and a shared link to a far one shows it', async () => {
    const { page } = await newPage();
    serveFeed(chromium.server, '/feeds/long.json', generatedFeed(130));
    const url = hostPage(chromium.server, '/long.html', {
      body: `<open-commitments src="/feeds/long.json" today="${TODAY}" no-refresh></open-commitments>`,
    });
    await page.goto(url);
    await settled(page);
    expect(await ids(page)).toHaveLength(50);
    expect(await page.locator(`${dashboard} .count`).textContent()).toContain(
      '50 engagements affichés sur 130',
    );
    await page.locator(`${dashboard} button.more`).click();
    await expect.poll(() => ids(page)).toHaveLength(100);
    await page.locator(`${dashboard} button.more`).click();
    await expect.poll(() => ids(page)).toHaveLength(130);
    expect(await page.locator(`${dashboard} button.more`).count()).toBe(0);

    await page.goto(`${url}#commitment=C-120`);
    await page.reload();
    await settled(page);
    const item = page.locator(`${dashboard} [data-commitment-id="C-120"]`);
    await expect.poll(() => item.locator('.toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await item.isVisible()).toBe(true);

    // Filtered to more than a page: how many match, not only how many are drawn.
    const wanted = ['limited', 'substantial', 'complete'];
    const { commitments } = generatedFeed(130) as { commitments: { status: string }[] };
    const matched = commitments.filter((c) => wanted.includes(c.status)).length;
    await page.goto(`${url}#oc-status=${wanted.join(',')}`);
    await page.reload();
    await settled(page);
    expect(await ids(page)).toHaveLength(50);
    expect(await page.locator(`${dashboard} .count span`).first().textContent()).toBe(
      `${matched} engagements correspondent sur 130, 50 affichés`,
    );
  });
});
