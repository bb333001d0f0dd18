// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './define.ts';
import type { OpenCommitmentBadge } from './open-commitment-badge.ts';
import { feedSource } from '../../lib/feed-source.ts';

const valfleurie = readFileSync('shared/feeds/valfleurie.json', 'utf8');
let requests: string[];
let feedCounter = 0;

beforeEach(() => {
  requests = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requests.push(url);
    return new Response(valfleurie, { status: 200 });
  });
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function mount(commitment: string, src?: string): Promise<OpenCommitmentBadge> {
  const badge = document.createElement('open-commitment-badge');
  badge.setAttribute(
    'src',
    src ?? `https://www.valfleurie.example/badge-${(feedCounter += 1)}.json`,
  );
  badge.setAttribute('commitment', commitment);
  badge.setAttribute('lang', 'en');
  badge.setAttribute('today', '2026-12-04');
  document.body.append(badge);
  await vi.waitFor(() => expect(badge.shadowRoot?.querySelector('[part="status"]')).toBeTruthy());
  return badge;
}

describe('<open-commitment-badge>', () => {
  it('says in two words that it is loading, then that its commitment is unavailable', async () => {
    let answer: ((response: Response) => void) | undefined;
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    const badge = document.createElement('open-commitment-badge');
    badge.setAttribute('src', `https://www.valfleurie.example/badge-${(feedCounter += 1)}.json`);
    badge.setAttribute('commitment', 'VF-01');
    badge.setAttribute('lang', 'fr');
    document.body.append(badge);
    await vi.waitFor(() =>
      expect(badge.shadowRoot?.querySelector('[role="status"]')?.textContent).toBe('Chargement…'),
    );
    await vi.waitFor(() => expect(answer).toBeDefined());
    answer!(new Response('Service Unavailable', { status: 503 }));
    await vi.waitFor(() =>
      expect(badge.shadowRoot?.querySelector('[role="alert"]')?.textContent).toBe(
        'Engagement indisponible',
      ),
    );
  });

  it('takes the properties a page set before its script ran, and follows later changes', async () => {
    const { OpenCommitmentBadge } = await import('./open-commitment-badge.ts');
    const badge = document.createElement('late-badge') as OpenCommitmentBadge;
    Object.assign(badge, {
      src: `https://www.valfleurie.example/badge-${(feedCounter += 1)}.json`,
      commitment: 'VF-03',
      noRefresh: true,
    });
    badge.setAttribute('lang', 'en');
    document.body.append(badge);
    customElements.define('late-badge', class extends OpenCommitmentBadge {});
    const status = () => badge.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim();
    await vi.waitFor(() => expect(status()).toBe('Works under way'));
    expect(badge.hasAttribute('no-refresh')).toBe(true);
    badge.commitment = 'VF-01';
    await vi.waitFor(() => expect(status()).toBe('Tender under way'));
  });

  it('shows the status label with its category and a link to the commitment page', async () => {
    const badge = await mount('VF-01');
    const status = badge.shadowRoot!.querySelector('[part="status"]')!;
    // VF-01 is "en-cours-de-marche", which the feed labels and files under "limited".
    expect(status.textContent?.trim()).toBe('Tender under way');
    expect(status.getAttribute('data-category')).toBe('limited');
    const link = badge.shadowRoot!.querySelector<HTMLAnchorElement>('[part="link"]');
    expect(link?.href).toBe(
      'https://www.valfleurie.example/commune-ouverte/engagements/marches-publics',
    );
  });

  it('says in its details since when its copy dates when the latest refresh failed', async () => {
    const url = `https://www.valfleurie.example/badge-${(feedCounter += 1)}.json`;
    const badge = await mount('VF-03', url);
    const button = badge.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    button.click();
    const popover = () => badge.shadowRoot!.querySelector<HTMLElement>('[part="popover"]')!;
    expect(popover().textContent).not.toContain('refresh failed');
    vi.stubGlobal('fetch', async () => new Response('Bad Gateway', { status: 502 }));
    await feedSource(url).refresh();
    await vi.waitFor(() =>
      expect(popover().textContent).toMatch(/^As of \w+ \d+, \d{4}.*; the latest refresh failed\./),
    );
    // The status stays the last good copy's.
    expect(badge.shadowRoot!.querySelector('[part="status"]')?.getAttribute('data-category')).toBe(
      'substantial',
    );
  });

  it('opens its details on click and closes them with Escape, back on the button', async () => {
    const badge = await mount('VF-03');
    const button = badge.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    const popover = badge.shadowRoot!.querySelector<HTMLElement>('[part="popover"]')!;
    expect(popover.hidden).toBe(true);
    button.click();
    await badge.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(popover.hidden).toBe(false);
    expect(popover.textContent).toContain('Question this');
    button.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await badge.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(popover.hidden).toBe(true);
  });

  it('closes its details on Escape pressed elsewhere in the page, leaving focus there', async () => {
    const badge = await mount('VF-03');
    const elsewhere = document.body.appendChild(document.createElement('input'));
    const button = badge.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    elsewhere.focus();
    elsewhere.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(badge.shadowRoot!.querySelector<HTMLElement>('[part="popover"]')!.hidden).toBe(true);
    expect(document.activeElement).toBe(elsewhere);
  });

  it('closes its details on a pointer pressed outside it, not inside', async () => {
    const badge = await mount('VF-03');
    const outside = document.body.appendChild(document.createElement('p'));
    const button = badge.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    const popover = badge.shadowRoot!.querySelector<HTMLElement>('[part="popover"]')!;
    button.click();
    popover
      .querySelector('.pop-title')!
      .dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(popover.hidden).toBe(false);
    outside.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(popover.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('listens to the page for its details only while they are open, and not at all once gone', async () => {
    const live = new Set<unknown>();
    const add = document.addEventListener.bind(document);
    vi.spyOn(document, 'addEventListener').mockImplementation((type, listener, options) => {
      add(type, listener, options);
      live.add(listener);
      if (typeof options === 'object' && options.signal) {
        options.signal.addEventListener('abort', () => live.delete(listener));
      }
    });
    const remove = document.removeEventListener.bind(document);
    vi.spyOn(document, 'removeEventListener').mockImplementation((type, listener, options) => {
      remove(type, listener, options);
      live.delete(listener);
    });
    const badge = await mount('VF-03');
    const button = badge.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    // Its feed's return to a visible page, which it keeps fresh, is heard while it is there.
    const closed = live.size;
    button.click();
    expect(live.size).toBeGreaterThan(closed);
    button.click();
    expect(live.size).toBe(closed);
    button.click();
    badge.remove();
    expect(live.size).toBe(0);
  });

  it('gives in oc-error the feed’s absolute address, as the dashboard does', async () => {
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
    const urls: unknown[] = [];
    const listening = new AbortController();
    document.addEventListener('oc-error', (event) => urls.push((event as CustomEvent).detail.url), {
      signal: listening.signal,
    });
    const badge = document.createElement('open-commitment-badge');
    badge.setAttribute('src', `feeds/badge-${(feedCounter += 1)}.json`);
    badge.setAttribute('commitment', 'VF-01');
    document.body.append(badge);
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    expect(urls).toEqual([new URL(`feeds/badge-${feedCounter}.json`, document.baseURI).href]);
    expect(urls[0]).toMatch(/^https?:\/\//);
    listening.abort();
  });

  it('names the one update its details show the latest, not a timeline', async () => {
    const badge = await mount('VF-03');
    badge.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    const terms = () =>
      [...badge.shadowRoot!.querySelectorAll('.facts dt')].map((term) => term.textContent);
    expect(terms()).toContain('Latest update: ');
    expect(terms()).not.toContain('Timeline: ');
    badge.setAttribute('lang', 'fr');
    expect(terms()).toContain('Dernier point\u00a0: ');
  });

  it('writes a fact and its value as the reader’s language does', async () => {
    const badge = await mount('VF-03');
    badge.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    const facts = () =>
      [...badge.shadowRoot!.querySelectorAll('.facts > div')].map((fact) => fact.textContent);
    expect(facts()).toContain('Lead: Buildings department');
    badge.setAttribute('lang', 'fr');
    expect(facts()).toContain('Pilote\u00a0: Direction des bâtiments');
  });

  it('names each badge’s question button after its commitment, as a page lists its buttons', async () => {
    const src = 'https://www.valfleurie.example/named-badges.json';
    const badges = await Promise.all([mount('VF-01', src), mount('VF-03', src)]);
    const names = badges.map((badge) => {
      badge.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      return badge.shadowRoot!.querySelector('[part="ask"] button')!.getAttribute('aria-label');
    });
    expect(names).toEqual([
      'Question this: Publish every public contract as open data',
      'Question this: Energy renovation of the three schools',
    ]);
  });

  it('shares one request between badges of one feed', async () => {
    const src = 'https://www.valfleurie.example/shared-badges.json';
    await Promise.all([mount('VF-01', src), mount('VF-02', src), mount('VF-03', src)]);
    expect(requests.filter((url) => url === src)).toHaveLength(1);
  });

  it('says so when the commitment is not in the feed', async () => {
    const badge = document.createElement('open-commitment-badge');
    badge.setAttribute('src', 'https://www.valfleurie.example/missing.json');
    badge.setAttribute('commitment', 'NOPE');
    badge.setAttribute('lang', 'en');
    document.body.append(badge);
    await vi.waitFor(() =>
      expect(badge.shadowRoot?.textContent).toContain('“NOPE” is not in this plan'),
    );
  });

  it('tells the page’s editor to name a commitment when its attribute is missing', async () => {
    const badge = document.createElement('open-commitment-badge');
    badge.setAttribute('src', 'https://www.valfleurie.example/unnamed.json');
    badge.setAttribute('lang', 'fr');
    document.body.append(badge);
    await vi.waitFor(() =>
      expect(badge.shadowRoot?.textContent).toBe(
        'Aucun engagement indiqué\u00a0: renseignez l’attribut commitment.',
      ),
    );
  });

  it('passes the page without its query or fragment to the interpellation form', async () => {
    // A dashboard on the same page has opened another commitment and set a filter.
    history.replaceState(null, '', '/conseil.html?token=s3cr3t#commitment=VF-02&oc-q=budget');
    const badge = await mount('VF-01');
    badge.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    badge.shadowRoot!.querySelector<HTMLButtonElement>('[part="ask"] button')!.click();
    const href = badge.shadowRoot!.querySelector<HTMLAnchorElement>('a.ask-go')!.href;
    expect(new URL(href).searchParams.get('engagement')).toBe('VF-01');
    expect(new URL(href).searchParams.get('page')).toBe(`${location.origin}/conseil.html`);
  });
});
