// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './define.ts';
import type { OpenCommitments } from './open-commitments.ts';

const valfleurie = readFileSync('shared/feeds/valfleurie.json', 'utf8');

let requests: string[];

beforeEach(() => {
  requests = [];
  history.replaceState(null, '', '/page');
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    return new Response(valfleurie, {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

let feedCounter = 0;

/** A dashboard on a fresh feed URL (sources are shared per URL for the whole page). */
async function mount(attributes: Record<string, string> = {}): Promise<OpenCommitments> {
  const element = document.createElement('open-commitments');
  element.setAttribute('src', `https://www.valfleurie.example/feed-${(feedCounter += 1)}.json`);
  element.setAttribute('lang', 'fr');
  element.setAttribute('no-refresh', '');
  element.setAttribute('today', '2026-12-04');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  // The list is drawn a few rows per task: wait until it no longer says it is busy.
  await vi.waitFor(() => {
    expect(element.shadowRoot?.querySelector('[part="list"]')).toBeTruthy();
    expect(element.shadowRoot?.querySelector('[aria-busy="true"]')).toBeNull();
  });
  return element;
}

function ids(element: OpenCommitments): string[] {
  return [...element.shadowRoot!.querySelectorAll('[data-commitment-id]')].map((item) =>
    item.getAttribute('data-commitment-id')!,
  );
}

describe('<open-commitments>', () => {
  it('lists every commitment of the feed with its status category', async () => {
    const element = await mount();
    const category = (id: string) =>
      element
        .shadowRoot!.querySelector(`[data-commitment-id="${id}"] [part="status"]`)
        ?.getAttribute('data-category');
    // The feed's own statuses ("en-cours-de-marche", "livre"…) are filed under their category.
    expect(Object.fromEntries(ids(element).map((id) => [id, category(id)]))).toEqual({
      'VF-01': 'limited',
      'VF-02': 'complete',
      'VF-03': 'substantial',
      'VF-04': 'limited',
      'VF-05': 'limited',
      'VF-06': 'not-started',
      'VF-07': 'withdrawn',
      'VF-08': 'unknown',
      'VF-09': 'complete',
      'VF-10': 'not-started',
    });
  });

  it('says in words, not with a dash, that a plan without questions has no answer figures yet', async () => {
    const feed = JSON.parse(valfleurie) as { commitments: { interpellations?: unknown }[] };
    for (const commitment of feed.commitments) delete commitment.interpellations;
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(feed), { status: 200 }));
    const element = await mount();
    for (const stat of ['rate', 'median']) {
      const figure = element.shadowRoot!.querySelector(`[data-stat="${stat}"]`)!;
      expect(figure.querySelector('[aria-hidden="true"]')?.textContent).toBe('—');
      expect(figure.querySelector('.sr-only')?.textContent).toBe('pas encore de chiffre');
    }
  });

  it('narrows the list with the search box, ignoring accents, and records it in the hash', async () => {
    const element = await mount();
    const changes: unknown[] = [];
    element.addEventListener('oc-change', (event) => changes.push(event.detail));
    const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="q"]')!;
    input.value = 'MARCHES PUBLICS';
    input.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(ids(element).length).toBeGreaterThan(0);
    expect(ids(element).length).toBeLessThan(10);
    expect(location.hash).toBe('#oc-q=MARCHES%20PUBLICS');
    expect(changes).toEqual([expect.objectContaining({ q: 'MARCHES PUBLICS' })]);
  });

  it('keeps each commitment’s element when the list is sorted or filtered', async () => {
    const element = await mount();
    const item = (id: string) => element.shadowRoot!.querySelector(`[data-commitment-id="${id}"]`);
    const before = item('VF-03');
    const order = ids(element);
    const sort = element.shadowRoot!.querySelector<HTMLSelectElement>('select[name="sort"]')!;
    sort.value = 'title';
    sort.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(ids(element)).not.toEqual(order);
    expect(item('VF-03')).toBe(before);
    const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="q"]')!;
    input.value = 'VF-03';
    input.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(ids(element)).toEqual(['VF-03']);
    expect(item('VF-03')).toBe(before);
  });

  it('keeps a linked commitment far down a long list shown after it is scrolled to', async () => {
    const feed = JSON.parse(valfleurie) as { commitments: { id: string }[] };
    const first = feed.commitments[0]!;
    feed.commitments = Array.from({ length: 130 }, (_, i) => ({ ...first, id: `C-${i}` }));
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(feed), { status: 200 }));
    history.replaceState(null, '', '/page#commitment=C-120');
    const element = await mount();
    const busy = () => element.shadowRoot!.querySelector('[aria-busy="true"]');
    await vi.waitFor(
      () => {
        expect(ids(element)).toContain('C-120');
        expect(busy()).toBeNull();
      },
      { timeout: 5000 },
    );
    // Later renders (another language, so a new model drawn step by step) keep it in the list.
    element.setAttribute('lang', 'en');
    await vi.waitFor(
      () => {
        expect(element.shadowRoot!.querySelector('.count')?.textContent).toMatch(/130 commitments/);
        expect(busy()).toBeNull();
      },
      { timeout: 5000 },
    );
    expect(ids(element)).toContain('C-120');
    expect(ids(element)).toHaveLength(130);
  });

  it('says how many commitments match when more match than are shown', async () => {
    const feed = JSON.parse(valfleurie) as { commitments: { id: string }[] };
    const [limited, , complete] = feed.commitments;
    feed.commitments = Array.from({ length: 120 }, (_, i) => ({
      ...(i % 5 < 3 ? limited! : complete!),
      id: `C-${i}`,
    }));
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(feed), { status: 200 }));
    const element = await mount();
    const count = () => element.shadowRoot!.querySelector('.count span')?.textContent;
    expect(count()).toBe('50 engagements affichés sur 120');
    const chip = element.shadowRoot!.querySelector<HTMLElement>('.chip[data-category="limited"]')!;
    chip.click();
    await vi.waitFor(() =>
      expect(count()).toBe('72 engagements correspondent sur 120, 50 affichés'),
    );
    element.setAttribute('lang', 'en');
    await vi.waitFor(() => expect(count()).toBe('72 of 120 commitments match, 50 shown'));
  });

  it('restores filters from the hash when it changes', async () => {
    const element = await mount();
    location.hash = '#oc-status=complete';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await element.updateComplete;
    const categories = [
      ...element.shadowRoot!.querySelectorAll('[part="commitment"] [part="status"]'),
    ].map((s) => s.getAttribute('data-category'));
    expect(categories.length).toBeGreaterThan(0);
    expect(new Set(categories)).toEqual(new Set(['complete']));
  });

  it('says how many commitments the filters of a new address show', async () => {
    const element = await mount();
    const spoken = () => element.shadowRoot!.querySelector('.count [role="status"]')?.textContent;
    expect(spoken()).toBe('');
    location.hash = '#oc-status=complete';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(spoken()).toMatch(/^\d+ engagements? affichés? sur 10$/), {
      timeout: 3000,
    });
  });

  it('follows the documented links alone on its page with an id, writing under its id', async () => {
    history.replaceState(null, '', '/page#oc-status=complete');
    const element = await mount({ id: 'ville' });
    const categories = () =>
      new Set(
        [...element.shadowRoot!.querySelectorAll('[part="commitment"] [part="status"]')].map((s) =>
          s.getAttribute('data-category'),
        ),
      );
    expect(categories()).toEqual(new Set(['complete']));
    const late = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="late"]')!;
    late.click();
    await element.updateComplete;
    expect(location.hash).toBe('#ville.status=complete&ville.late=1');
  });

  it('asks once, in the console, for an id on dashboards that share the address', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await mount({ id: 'ville' });
    await mount();
    await mount({ commitment: 'VF-01' });
    expect(warn).not.toHaveBeenCalled();
    await mount();
    await mount();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).toMatch(/\bid attribute\b/);
    warn.mockRestore();
  });

  it('presets the status filter from its attribute', async () => {
    const element = await mount({ status: 'limited' });
    const categories = [
      ...element.shadowRoot!.querySelectorAll('[part="commitment"] [part="status"]'),
    ].map((s) => s.getAttribute('data-category'));
    expect(new Set(categories)).toEqual(new Set(['limited']));
  });

  it('presets the theme filter from its attribute', async () => {
    const element = await mount({ themes: 'Environnement et climat' });
    expect(ids(element)).toEqual(expect.arrayContaining(['VF-03', 'VF-04']));
    expect(ids(element)).not.toContain('VF-01');
    // The preset is the default: nothing to record in the address.
    expect(location.hash).toBe('');
  });

  it('opens a commitment as a disclosure and names it in the hash', async () => {
    const element = await mount();
    const button = element.shadowRoot!.querySelector<HTMLButtonElement>(
      '[data-commitment-id="VF-03"] .toggle',
    )!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(element.shadowRoot!.querySelector('#d-VF-03')?.hasAttribute('hidden')).toBe(false);
    expect(location.hash).toBe('#commitment=VF-03');
  });

  it('forgets the commitments opened in one feed when it shows another, and drops it from the hash', async () => {
    history.replaceState(null, '', '/page#oc-q=march&commitment=VF-01');
    const element = await mount();
    const opened = () =>
      [...element.shadowRoot!.querySelectorAll('[aria-expanded="true"]')].map((button) =>
        button.closest('[data-commitment-id]')?.getAttribute('data-commitment-id'),
      );
    expect(opened()).toEqual(['VF-01']);
    element.setAttribute('src', `https://www.valfleurie.example/feed-${(feedCounter += 1)}.json`);
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    await vi.waitFor(() =>
      expect(element.shadowRoot?.querySelector('[aria-busy="true"]')).toBeNull(),
    );
    await element.updateComplete;
    expect(opened()).toEqual([]);
    // The reader's search stays: it is no commitment of the other feed.
    expect(location.hash).toBe('#oc-q=march');
  });

  it('names in the hash a commitment still open when another one is closed', async () => {
    const element = await mount();
    const toggle = (id: string) =>
      element
        .shadowRoot!.querySelector<HTMLButtonElement>(`[data-commitment-id="${id}"] .toggle`)!
        .click();
    toggle('VF-01');
    toggle('VF-02');
    await element.updateComplete;
    expect(location.hash).toBe('#commitment=VF-02');
    toggle('VF-02');
    await element.updateComplete;
    expect(location.hash).toBe('#commitment=VF-01');
    toggle('VF-01');
    await element.updateComplete;
    expect(location.hash).toBe('');
  });

  it('shows one commitment, opened, with the commitment attribute', async () => {
    const element = await mount({ commitment: 'VF-02' });
    expect(ids(element)).toEqual(['VF-02']);
    expect(element.shadowRoot!.querySelector('[part="filters"]')).toBeNull();
  });

  it('says in its own language why a feed is refused, without the reader’s English', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ format: 'open-commitments/9' }));
    const element = document.createElement('open-commitments');
    element.setAttribute('src', `https://www.valfleurie.example/feed-${(feedCounter += 1)}.json`);
    element.setAttribute('lang', 'fr');
    element.setAttribute('no-refresh', '');
    document.body.append(element);
    const notice = () => element.shadowRoot?.querySelector('[part="notice"]')?.textContent ?? '';
    await vi.waitFor(() => expect(notice()).toContain('version plus récente du format'));
    expect(notice()).not.toContain('is not read here');
    element.setAttribute('lang', 'en');
    await element.updateComplete;
    expect(notice()).toContain('written in a newer version of the format');
  });

  it('writes a label and its value as each language does', async () => {
    const note = (element: OpenCommitments) =>
      element
        .shadowRoot!.querySelector('.overall .figure-note:last-child')!
        .textContent!.replace(/[ \n]+/g, ' ')
        .trim();
    expect(note(await mount())).toMatch(/^Engagements\u00a0: 10 ·\u00a0En retard\u00a0: \d+$/);
    expect(note(await mount({ lang: 'en' }))).toMatch(/^Commitments: 10 ·\u00a0Late: \d+$/);
  });

  it('shows one commitment under its plan’s title without the plan’s figures, which would read as its own', async () => {
    const element = await mount({ commitment: 'VF-02' });
    const root = element.shadowRoot!;
    expect(root.querySelector('[part="title"]')?.textContent).toContain('Plan d');
    expect(root.querySelector('[part="summary"]')).toBeNull();
    expect(root.textContent).not.toContain('Avancement global');
    expect(root.querySelectorAll('[part~="commitment"]')).toHaveLength(1);
    const full = await mount();
    expect(full.shadowRoot!.querySelectorAll('.legend button.chip').length).toBeGreaterThan(0);
  });

  it('says of how many commitments the overall progress is the mean, when some give none', async () => {
    const feed = JSON.parse(valfleurie) as { commitments: { id: string; progress?: number }[] };
    const element = await mount();
    const overall = element.shadowRoot!.querySelector('.figure.overall')!;
    const known = Number(/Moyenne de (\d+) engagements sur 10/.exec(overall.textContent!)?.[1]);
    expect(known).toBeGreaterThan(0);
    expect(known).toBeLessThan(10);
    expect(overall.textContent).toContain('les autres ne donnent pas d’avancement');
    // Every commitment with a progress of its own: the mean is the whole plan's, said as such.
    for (const commitment of feed.commitments) commitment.progress = 50;
    vi.stubGlobal('fetch', async () => Response.json(feed));
    const whole = await mount();
    const figure = whole.shadowRoot!.querySelector('.figure.overall')!;
    expect(figure.textContent).toContain('50');
    expect(figure.textContent).not.toContain('Moyenne');
  });

  it('says the one commitment left without a progress in the singular', async () => {
    const feed = JSON.parse(valfleurie) as { commitments: { id: string; progress?: number }[] };
    for (const commitment of feed.commitments)
      if (commitment.id !== 'VF-08') commitment.progress = 50;
    vi.stubGlobal('fetch', async () => Response.json(feed));
    const note = async (lang: string) =>
      (await mount({ lang }))
        .shadowRoot!.querySelector('.figure.overall .figure-note')
        ?.textContent?.trim();
    expect(await note('fr')).toBe(
      'Moyenne de 9 engagements sur 10\u00a0; l’autre ne donne pas d’avancement.',
    );
    expect(await note('en')).toBe(
      'Mean of 9 commitments out of 10; the other reports no progress.',
    );
  });

  it('titles a feed without a plan with its publisher, named once and linked', async () => {
    const { plan: _plan, ...feed } = JSON.parse(valfleurie) as Record<string, unknown>;
    vi.stubGlobal('fetch', async () => Response.json(feed));
    const element = await mount();
    const header = element.shadowRoot!.querySelector('[part="header"]')!;
    const title = header.querySelector('[part="title"]')!;
    expect(title.textContent?.trim()).toBe('Commune de Valfleurie (fictive)');
    expect(title.querySelector('a')?.getAttribute('href')).toBe('https://www.valfleurie.example/');
    expect(header.textContent!.split('Commune de Valfleurie (fictive)')).toHaveLength(2);
    expect(header.querySelector('.kind')?.textContent).toBe('Commune');
  });

  it('shows no overall progress nor status breakdown for a plan without commitments', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ ...JSON.parse(valfleurie), commitments: [] }),
    );
    const element = document.createElement('open-commitments');
    element.setAttribute('src', `https://www.valfleurie.example/feed-${(feedCounter += 1)}.json`);
    element.setAttribute('no-refresh', '');
    document.body.append(element);
    await vi.waitFor(() => expect(element.shadowRoot?.querySelector('.notice.empty')).toBeTruthy());
    expect(element.shadowRoot!.querySelector('.overall')).toBeNull();
    expect(element.shadowRoot!.querySelector('.breakdown')).toBeNull();
  });

  it('names references in words, linking those that are addresses', async () => {
    const element = await mount({ commitment: 'VF-01' });
    const items = [
      ...element.shadowRoot!.querySelectorAll('[data-commitment-id="VF-01"] .links li'),
    ].map((li) => [li.textContent?.trim(), li.querySelector('a')?.getAttribute('href') ?? null]);
    expect(items).toContainEqual([
      'Sur Decidim',
      'https://participer.valfleurie.example/processes/commune-ouverte/f/12/results/41',
    ]);
    expect(items).toContainEqual([
      'Référence «\u00a0deliberation\u00a0»\u00a0: DEL-2026-014',
      null,
    ]);
  });

  it('fetches a feed once for two dashboards', async () => {
    const first = await mount();
    const second = document.createElement('open-commitments');
    second.setAttribute('src', first.getAttribute('src')!);
    second.setAttribute('no-refresh', '');
    document.body.append(second);
    await vi.waitFor(() => expect(second.shadowRoot?.querySelector('[part="list"]')).toBeTruthy());
    expect(requests.filter((url) => url === first.getAttribute('src'))).toHaveLength(1);
  });

  it('passes the page without its query or fragment to the interpellation form', async () => {
    history.replaceState(null, '', '/conseil.html?mois=12&email=lea%40example.org#oc-sort=due');
    const element = await mount();
    const item = element.shadowRoot!.querySelector('[data-commitment-id="VF-03"]')!;
    item.querySelector<HTMLButtonElement>('.toggle')!.click();
    await element.updateComplete;
    expect(location.hash).toContain('commitment=VF-03');
    await vi.waitFor(() => expect(item.querySelector('[part="ask"] button')).toBeTruthy());
    item.querySelector<HTMLButtonElement>('[part="ask"] button')!.click();
    const href = item.querySelector<HTMLAnchorElement>('a.ask-go')!.href;
    expect(new URL(href).searchParams.get('engagement')).toBe('VF-03');
    expect(new URL(href).searchParams.get('page')).toBe(`${location.origin}/conseil.html`);
  });

  it('links only the official pages that name one place, by host and path', async () => {
    const element = await mount({ commitment: 'VF-03' });
    const links = [
      ...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>(
        '[data-commitment-id="VF-03"] .links a',
      ),
    ].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    // `…/marches-publics/2026-0*-ecoles*` stands for many pages: it is not linked.
    expect(links).toEqual([
      [
        'www.valfleurie.example/ecoles/renovation/',
        'https://www.valfleurie.example/ecoles/renovation/',
      ],
    ]);
  });
});
