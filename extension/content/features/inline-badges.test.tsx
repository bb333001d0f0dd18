// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFeed } from '../../../shared/feed/parse-feed.ts';
import type { PageFeed } from '../../messaging/protocol.ts';
import type { PageContext } from '../feature.ts';
import { BADGE_TAG, feature } from './inline-badges.tsx';

const TOWN = 'https://www.town.example';

function pageFeed(): PageFeed {
  const parsed = parseFeed({
    format: 'open-commitments/1',
    updated: '2026-11-01T09:00:00Z',
    publisher: { name: 'Town', kind: 'municipality' },
    commitments: [
      {
        id: 'A1',
        title: 'Open data',
        status: 'limited',
        url: `${TOWN}/c/A1`,
        due: '2027-06-30',
      },
      { id: 'B1', title: 'Budget', status: 'complete', url: `${TOWN}/c/B1` },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return {
    feedId: `${TOWN}/feed.json`,
    feed: parsed.feed,
    pageCommitmentIds: [],
    site: true,
    followed: [],
  };
}

const controllers: AbortController[] = [];

/** Replaces the page's content with the test's own markup. */
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

/** Starts the feature on `html`; returns the controller that stops it. */
async function start(html: string): Promise<AbortController> {
  setBody(html);
  const controller = new AbortController();
  controllers.push(controller);
  const page = {
    url: `${TOWN}/page`,
    lang: 'en',
    today: '2026-12-04',
    feeds: [pageFeed()],
    stop: () => controller.abort(),
  } as unknown as PageContext;
  await feature.init(controller.signal, page);
  return controller;
}

const badges = (id?: string) =>
  [...document.querySelectorAll(BADGE_TAG)].filter(
    (b) => id === undefined || b.getAttribute('data-commitment-id') === id,
  );

/** Appends `element` to the body and waits until the page's additions have been scanned. */
async function addLater(...elements: Element[]): Promise<void> {
  const probe = Object.assign(document.createElement('a'), { href: `${TOWN}/c/A1` });
  document.body.append(...elements, probe);
  await vi.waitFor(() => expect(probe.nextElementSibling?.localName).toBe(BADGE_TAG));
  probe.nextElementSibling!.remove();
  probe.remove();
}

afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.body.replaceChildren();
});

describe('inline badges', () => {
  it('speak the interface language and give their details without a tooltip', async () => {
    document.documentElement.lang = 'fr';
    await start(`<p>Voir <a href="${TOWN}/c/A1">les données</a>.</p>`);
    const badge = badges('A1')[0]!.shadowRoot!.querySelector('.oc-badge')!;
    expect(badge.getAttribute('lang')).toBe('en');
    const details = badge.querySelector('[data-badge-details]');
    expect(details?.className).toBe('oc-visually-hidden');
    expect(details?.textContent).toBe(' (Open data · Due June 30, 2027)');
    document.documentElement.removeAttribute('lang');
  });

  it('puts a link’s badge after it and a marked heading’s badge at its end', async () => {
    await start(
      `<p>See <a id="l" href="${TOWN}/c/B1">the budget</a>.</p><h2 id="h" data-commitment="A1">Open data</h2>`,
    );
    expect(document.getElementById('l')!.nextElementSibling?.localName).toBe(BADGE_TAG);
    expect(document.getElementById('h')!.lastElementChild?.localName).toBe(BADGE_TAG);
    expect(badges('B1')[0]!.shadowRoot!.textContent).toContain('Complete');
  });

  it('keeps badges of marked rows, list items and definitions inside their table or list', async () => {
    await start(`
      <table><tbody>
        <tr id="row" data-commitment="A1"><td>Open data</td><td>2027</td></tr>
      </tbody></table>
      <ul><li id="item" data-commitment="B1">Budget</li></ul>
      <ol id="list" data-commitment="A1"><li>One</li></ol>
      <dl><dt>Budget</dt><dd id="def" data-commitment="B1">Voted</dd></dl>
      <table><tr><td id="cell" data-commitment="B1">Budget</td></tr></table>`);
    expect(document.querySelector('#row > td:first-child')!.lastElementChild?.localName).toBe(
      BADGE_TAG,
    );
    expect(document.getElementById('item')!.lastElementChild?.localName).toBe(BADGE_TAG);
    expect(document.getElementById('list')!.nextElementSibling?.localName).toBe(BADGE_TAG);
    expect(document.getElementById('def')!.lastElementChild?.localName).toBe(BADGE_TAG);
    expect(document.getElementById('cell')!.lastElementChild?.localName).toBe(BADGE_TAG);
    expect(badges()).toHaveLength(5);
    for (const badge of badges()) {
      expect(badge.parentElement!.localName).not.toMatch(/^(table|tbody|tr|ul|ol|dl)$/);
    }
  });

  it('puts nothing inside a select or its options', async () => {
    const html = `<select data-commitment="A1"><option data-commitment="B1">Budget</option></select>`;
    await start(`<form>${html}</form>`);
    expect(badges()).toHaveLength(0);
    expect(document.querySelector('form')!.innerHTML).toBe(html);
  });

  it('puts nothing in what the person can edit', async () => {
    const html =
      `<p contenteditable="true">Edit <a href="${TOWN}/c/A1">the data</a>.</p>` +
      `<div contenteditable=""><p contenteditable="false"><a href="${TOWN}/c/B1">Budget</a></p></div>`;
    await start(html);
    expect(badges()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(html);
  });

  it('puts nothing anywhere in an editable document', async () => {
    document.designMode = 'on';
    try {
      await start(`<p>Edit <a href="${TOWN}/c/A1">the data</a>.</p>`);
      expect(badges()).toHaveLength(0);
    } finally {
      document.designMode = 'off';
    }
  });

  it('puts a badge after a button or a summary, not in the name they read', async () => {
    await start(`
      <p><button id="b" data-commitment="A1">Open</button> and
      <button id="lb"><span><a href="${TOWN}/c/B1">the budget</a></span></button></p>
      <details><summary id="s" data-commitment="B1">More</summary>text</details>
      <p><span role="button" id="r" data-commitment="A1">Go</span></p>`);
    for (const id of ['b', 'lb', 'r']) {
      const control = document.getElementById(id)!;
      expect(control.querySelector(BADGE_TAG)).toBeNull();
      expect(control.nextElementSibling?.localName).toBe(BADGE_TAG);
    }
    // After a summary, the badge shows with the details' content.
    expect(document.getElementById('s')!.querySelector(BADGE_TAG)).toBeNull();
    expect(badges()).toHaveLength(4);
  });

  it('gives a marked region one badge even when it links to the same commitment', async () => {
    await start(`
      <section id="s" data-commitment="B1"><h3>Budget</h3><a href="${TOWN}/c/B1">More</a></section>
      <a id="both" href="${TOWN}/c/A1" data-commitment="A1">Open data</a>`);
    expect(badges('B1')).toHaveLength(1);
    expect(document.getElementById('s')!.lastElementChild?.localName).toBe(BADGE_TAG);
    expect(badges('A1')).toHaveLength(1);

    // A link the page adds to the region later gets no badge either.
    const inside = Object.assign(document.createElement('a'), { href: `${TOWN}/c/B1` });
    document.getElementById('s')!.prepend(inside);
    await addLater();
    expect(badges('B1')).toHaveLength(1);
  });

  it('adds none where the page’s own widget shows the commitment, nor around it', async () => {
    await start(`
      <section id="a1" data-commitment="A1"><h3>Open data</h3>
        <open-commitment-badge src="/feed.json" commitment="A1"></open-commitment-badge></section>
      <section id="b1" data-commitment="B1"><h3>Budget</h3>
        <open-commitments src="${TOWN}/feed.json"></open-commitments></section>
      <p>See <a id="elsewhere" href="${TOWN}/c/A1">open data</a>.</p>
      <section id="other" data-commitment="B1">
        <open-commitment-badge src="${TOWN}/feed.json"></open-commitment-badge></section>`);
    // The section holding the town's badge of A1, and the one holding its dashboard of the whole
    // plan, get none; a link to A1 elsewhere does, as does a section whose badge names nothing.
    expect(document.querySelector(`#a1 ${BADGE_TAG}, #b1 ${BADGE_TAG}`)).toBeNull();
    expect(document.getElementById('elsewhere')!.nextElementSibling?.localName).toBe(BADGE_TAG);
    expect(document.getElementById('other')!.lastElementChild?.localName).toBe(BADGE_TAG);
    expect(badges()).toHaveLength(2);
  });

  it('gives the same link twice in a row one badge, after the second', async () => {
    await start(`
      <p><a href="${TOWN}/c/B1">Budget</a> (<a id="second" href="${TOWN}/c/B1">details</a>)</p>
      <p><a id="again" href="${TOWN}/c/B1">The budget</a> again, elsewhere.</p>`);
    expect(badges('B1')).toHaveLength(2);
    expect(document.getElementById('second')!.nextElementSibling?.localName).toBe(BADGE_TAG);
    expect(document.getElementById('again')!.nextElementSibling?.localName).toBe(BADGE_TAG);
  });

  it('badges a link the page adds later, even when it is the added node itself', async () => {
    await start('<main></main>');
    const late = Object.assign(document.createElement('a'), { href: `${TOWN}/c/B1` });
    await addLater(late);
    expect(late.nextElementSibling?.localName).toBe(BADGE_TAG);
  });

  it('takes a badge away at once when the page points its link elsewhere, and badges it anew', async () => {
    await start(
      `<p><a id="l" href="${TOWN}/c/B1">Budget</a> (<a id="again" href="${TOWN}/c/B1">more</a>)</p>` +
        `<p id="m" data-commitment="B1">Budget</p><p><a id="n" href="${TOWN}/news">News</a></p>`,
    );
    const status = (id: string) => badges(id).map((b) => b.shadowRoot!.textContent);
    expect(badges('B1')).toHaveLength(2);
    // Set again to the same value, as some frameworks do on each render: the badge stays.
    const marked = document.getElementById('m')!.lastElementChild;
    expect(marked?.localName).toBe(BADGE_TAG);
    document.getElementById('m')!.setAttribute('data-commitment', 'B1');
    await Promise.resolve();
    expect(marked?.isConnected).toBe(true);
    // A list redrawn in place for its next page: same elements, other commitments.
    document.getElementById('l')!.setAttribute('href', `${TOWN}/c/A1`);
    document.getElementById('m')!.setAttribute('data-commitment', 'A1');
    await Promise.resolve();
    // No badge says B1 any more beside what now points at A1.
    expect(badges('B1')).toHaveLength(0);
    await addLater();
    expect(badges('A1')).toHaveLength(2);
    expect(
      document.getElementById('again')!.nextElementSibling?.getAttribute('data-commitment-id'),
    ).toBe('B1');
    expect(
      document.getElementById('l')!.nextElementSibling?.getAttribute('data-commitment-id'),
    ).toBe('A1');
    expect(status('A1').every((text) => text?.includes('Due June 30, 2027'))).toBe(true);
    document.getElementById('l')!.setAttribute('href', `${TOWN}/elsewhere`);
    await addLater();
    expect(badges('A1')).toHaveLength(1);
    // A link that named no commitment and now names one gets its badge.
    document.getElementById('n')!.setAttribute('href', `${TOWN}/c/A1`);
    await addLater();
    expect(
      document.getElementById('n')!.nextElementSibling?.getAttribute('data-commitment-id'),
    ).toBe('A1');
  });

  it('badges many links a slice at a time, and a link pointed elsewhere meanwhile as it is now', async () => {
    const many = Array.from({ length: 400 }, (_, i) => `<p><a href="${TOWN}/c/A1">A ${i}</a></p>`);
    setBody(`${many.join('')}<p><a id="last" href="${TOWN}/c/A1">Last</a></p>`);
    const controller = new AbortController();
    controllers.push(controller);
    const page = { lang: 'en', today: '2026-12-04', feeds: [pageFeed()] } as unknown as PageContext;
    const done = feature.init(controller.signal, page);
    // Back from its first slice, before the last links have their badges.
    expect(badges().length).toBeGreaterThan(0);
    expect(badges().length).toBeLessThan(401);
    const last = document.getElementById('last')!;
    last.setAttribute('href', `${TOWN}/c/B1`);
    await done;
    expect(badges('A1')).toHaveLength(400);
    await addLater();
    expect(badges('B1')).toHaveLength(1);
    expect(last.nextElementSibling?.getAttribute('data-commitment-id')).toBe('B1');
  });

  it('badges what a page adds even while a clock on it changes all the time', async () => {
    await start('<p id="clock"></p><main></main>');
    vi.useFakeTimers();
    try {
      const late = Object.assign(document.createElement('a'), { href: `${TOWN}/c/B1` });
      document.querySelector('main')!.append(late);
      // The clock redraws itself every 100 ms, so the page is never quiet for long.
      for (let tick = 0; tick < 50; tick++) {
        document.getElementById('clock')!.replaceChildren(document.createElement('time'));
        await vi.advanceTimersByTimeAsync(100);
      }
      expect(late.nextElementSibling?.localName).toBe(BADGE_TAG);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves the page as it was once aborted, and badges nothing added afterwards', async () => {
    const html = `<p><a href="${TOWN}/c/B1">Budget</a></p><table><tr data-commitment="A1"><td>Open data</td></tr></table>`;
    setBody(html);
    const original = document.body.innerHTML;
    const controller = await start(html);
    const late = document.createElement('p');
    late.append(Object.assign(document.createElement('a'), { href: `${TOWN}/c/A1` }));
    await addLater(late);
    expect(badges()).toHaveLength(3);

    late.remove();
    controller.abort();
    expect(document.body.innerHTML).toBe(original);

    const after = Object.assign(document.createElement('a'), { href: `${TOWN}/c/B1` });
    document.body.append(after);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(badges()).toHaveLength(0);
  });

  it('adds nothing when its page was left before it started', async () => {
    setBody(`<a href="${TOWN}/c/B1">Budget</a>`);
    const original = document.body.innerHTML;
    const controller = new AbortController();
    controller.abort();
    await feature.init(controller.signal, {
      url: `${TOWN}/page`,
      lang: 'en',
      today: '2026-12-04',
      feeds: [pageFeed()],
      stop: () => undefined,
    } as unknown as PageContext);
    expect(document.body.innerHTML).toBe(original);
  });
});
