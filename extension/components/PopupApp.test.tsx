// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import type { PageFeed } from '../messaging/protocol.ts';
import type { OfferState, PopupModel } from '../state/popup.ts';

vi.mock('wxt/browser', () => ({
  browser: { runtime: { getURL: (path: string) => `chrome-extension://test${path}` } },
}));
const { PopupApp } = await import('./PopupApp.tsx');

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const offer = 'https://www.exemple.fr/feed.json';

function fakeModel(): PopupModel {
  return {
    tabUrl: signal('https://www.exemple.fr/'),
    feeds: signal([]),
    references: signal([]),
    offers: signal([offer]),
    offerNames: signal<Record<string, string>>({}),
    offerStates: signal<Record<string, OfferState>>({}),
    subscribedAs: signal<Record<string, { name: string; already?: true }>>({}),
    loading: signal(false),
    error: signal(null),
    hiddenHere: signal<boolean | 'shown'>(false),
    load: async () => undefined,
    toggleFollow: async () => undefined,
    subscribeOffer: async () => undefined,
    allowOffer: async () => undefined,
    showHere: async () => undefined,
    rememberQuestion: async () => undefined,
  };
}

/** A feed naming the page with two commitments, whose last refresh failed. */
function staleFeed(): PageFeed {
  const parsed = parseFeed({
    format: 'open-commitments/1',
    updated: '2026-11-01T09:00:00Z',
    publisher: { name: 'Town', kind: 'municipality' },
    commitments: ['A1', 'B1'].map((id) => ({ id, title: id, status: 'limited' })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return {
    feedId: 'town',
    feed: parsed.feed,
    pageCommitmentIds: ['A1', 'B1'],
    site: false,
    followed: [],
    stale: { asOf: Date.UTC(2026, 10, 2, 9), failedAt: Date.UTC(2026, 11, 3, 9) },
  };
}

describe('the popup', () => {
  it('lists the first hundred of a page’s 150 commitments, and finds the others by their words', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `E${i}`);
    const parsed = parseFeed({
      format: 'open-commitments/1',
      updated: '2026-11-01T09:00:00Z',
      publisher: { name: 'Ville', kind: 'municipality' },
      commitments: ids.map((id, i) => ({ id, title: `Engagement ${i}`, status: 'limited' })),
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const model = fakeModel();
    model.offers.value = [];
    model.feeds.value = [
      { feedId: 'ville', feed: parsed.feed, pageCommitmentIds: ids, site: false, followed: [] },
    ];
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={model} lang="fr" />, root);
    expect(root.querySelector('h1')?.textContent).toBe(
      'Engagements sur cette page\u00a0(100 sur 150)',
    );
    expect(root.querySelectorAll('li.oc-row')).toHaveLength(100);
    const field = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(field.getAttribute('aria-label')).toBe('Filtrer par mots');
    field.value = 'engagement 149';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect([...root.querySelectorAll('li.oc-row')].map((row) => row.textContent)).toEqual([
      expect.stringContaining('Engagement 149'),
    ]);
    expect(root.querySelector('h1')?.textContent).toBe(
      'Engagements sur cette page\u00a0(1 sur 150)',
    );
  });

  it('says once per feed, not on each row, that its last refresh failed', () => {
    const model = fakeModel();
    model.offers.value = [];
    model.feeds.value = [staleFeed()];
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={model} lang="en" />, root);
    expect(root.querySelectorAll('li.oc-row')).toHaveLength(2);
    expect(root.textContent?.match(/the last refresh failed/g)).toHaveLength(1);
  });

  it('writes the feed offer with each language’s colon', () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={fakeModel()} lang="fr" />, root);
    expect(root.querySelector('[data-feed-offer] p')?.textContent).toBe(
      `Ce site publie un flux d’engagements\u00a0: ${offer}`,
    );
    render(<PopupApp model={fakeModel()} lang="en" />, root);
    expect(root.querySelector('[data-feed-offer] p')?.textContent).toBe(
      `This site publishes a commitments feed: ${offer}`,
    );
  });

  it('keeps focus on the offer while subscribing, then moves it to the confirmation', async () => {
    const model = fakeModel();
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={model} lang="en" />, root);
    const button = root.querySelector<HTMLButtonElement>('[data-feed-offer] button')!;
    button.focus();
    model.offerStates.value = { [offer]: 'busy' };
    await settle();
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    model.offerStates.value = { [offer]: 'done' };
    await settle();
    const status = root.querySelector('[data-feed-offer] [role="status"]');
    expect(status?.textContent).toBe('Subscribed');
    expect(document.activeElement).toBe(status);
  });

  it('names each offered feed’s button after its address, as a page may offer several', () => {
    const model = fakeModel();
    const other = 'https://www.exemple.fr/metropole.json';
    model.offers.value = [offer, other];
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={model} lang="en" />, root);
    const names = [...root.querySelectorAll('[data-feed-offer] button')].map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(names).toEqual([`Subscribe: ${offer}`, `Subscribe: ${other}`]);
  });

  it('names each offer as the page does, its address after, and says which feed was subscribed by its own name', async () => {
    const model = fakeModel();
    const other = 'https://www.exemple.fr/metropole.json';
    model.offers.value = [offer, other];
    model.offerNames.value = { [offer]: 'Plan de la ville', [other]: 'Plan de la métropole' };
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={model} lang="fr" />, root);
    const sections = [...root.querySelectorAll('[data-feed-offer]')];
    expect(sections.map((s) => s.querySelector('p')?.textContent)).toEqual([
      'Ce site publie un flux d’engagements\u00a0: Plan de la ville',
      'Ce site publie un flux d’engagements\u00a0: Plan de la métropole',
    ]);
    expect(sections.map((s) => s.querySelector('[data-offer-address]')?.textContent)).toEqual([
      offer,
      other,
    ]);
    expect(sections.map((s) => s.querySelector('button')?.getAttribute('aria-label'))).toEqual([
      'S’abonner\u00a0: Plan de la ville',
      'S’abonner\u00a0: Plan de la métropole',
    ]);
    model.subscribedAs.value = { [other]: { name: 'Métropole de Test' } };
    model.offerStates.value = { [other]: 'done' };
    await settle();
    expect(root.querySelector(`[data-feed-offer="${other}"] [role="status"]`)?.textContent).toBe(
      'Abonnement enregistré\u00a0: Métropole de Test.',
    );
    expect(root.querySelector(`[data-feed-offer="${offer}"] [role="status"]`)).toBeNull();
    render(<PopupApp model={model} lang="en" />, root);
    expect(root.querySelector(`[data-feed-offer="${other}"] [role="status"]`)?.textContent).toBe(
      'Subscribed to Métropole de Test.',
    );
  });

  it('announces an error that comes after it opened, in French, and no longer says the page is named by none', async () => {
    const model = fakeModel();
    model.offers.value = [];
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={model} lang="fr" />, root);
    expect(root.textContent).toContain('Aucun de vos flux ne cite cette page.');
    model.error.value = 'no answer to page-matches';
    await settle();
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(
      'L’extension n’a pas pu lire ses données\u00a0: no answer to page-matches',
    );
    expect(alert?.querySelector('[lang="en"]')?.textContent).toBe('no answer to page-matches');
    expect(root.textContent).not.toContain('Aucun de vos flux ne cite cette page.');
  });
  it('says in the row that following did not go through, and leaves it not followed', async () => {
    const model = fakeModel();
    model.offers.value = [];
    model.feeds.value = [staleFeed()];
    model.toggleFollow = async () => {
      throw new Error('no answer to follow');
    };
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={model} lang="fr" />, root);
    const follow = root.querySelector<HTMLButtonElement>('[data-commitment-id="B1"] button')!;
    follow.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[data-commitment-id="B1"] [role="alert"]')?.textContent).toBe(
        '«\u00a0Suivre\u00a0» n’a pas abouti pour B1. Réessayez. Raison\u00a0: no answer to follow',
      ),
    );
    expect(follow.getAttribute('aria-pressed')).toBe('false');
  });
  it('says what it does and that the pages visited are sent to nobody when the page shows nothing', () => {
    const model = fakeModel();
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={model} lang="fr" />, root);
    // The page offers its feed: why the browser will ask, before the button.
    expect(root.querySelector('[data-feed-offer]')?.textContent).toContain(
      'Votre navigateur vous demandera alors d’autoriser l’extension à lire vos données sur le site du flux',
    );
    expect(root.querySelector('[data-about]')?.textContent).toBe(
      'Sur les pages officielles que citent vos flux, cette extension montre où en est chaque engagement et comment interpeller l’organisme responsable. ' +
        'Les pages que vous visitez ne sont envoyées à personne, et tout ceci reste dans ce navigateur.',
    );
    model.offers.value = [];
    render(<PopupApp model={model} lang="fr" />, root);
    expect(root.querySelector('[data-about]')?.textContent).toContain(
      'Sur un site qui publie un flux, cette fenêtre propose de s’y abonner.',
    );
    model.feeds.value = [staleFeed()];
    render(<PopupApp model={model} lang="fr" />, root);
    expect(root.querySelector('[data-about]')).toBeNull();
  });
  it('offers to allow the feed’s other sites when the browser would not ask for them as it subscribed', async () => {
    const model = fakeModel();
    const asked: string[][] = [];
    model.allowOffer = async (url, missing) => {
      asked.push(missing);
      model.offerStates.value = { [url]: { missing, allowed: true } };
    };
    model.offerStates.value = { [offer]: { missing: ['https://participer.exemple.fr/*'] } };
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={model} lang="en" />, root);
    await settle();
    const section = root.querySelector('[data-feed-offer]')!;
    expect(section.querySelector('[role="status"]')?.textContent).toBe('Subscribed');
    expect(section.querySelector('[data-offer-missing]')?.textContent).toBe(
      'Show commitments on https://participer.exemple.fr/* Allow',
    );
    expect(section.textContent).not.toContain('Your browser will then ask');
    const allow = section.querySelector<HTMLButtonElement>('[data-offer-missing] button')!;
    expect(allow.getAttribute('aria-label')).toBe(`Allow: ${offer}`);
    allow.focus();
    allow.click();
    await settle();
    expect(asked).toEqual([['https://participer.exemple.fr/*']]);
    expect(section.querySelector('[data-offer-missing]')).toBeNull();
    const said = [...section.querySelectorAll('[role="status"]')].map((p) => p.textContent);
    expect(said).toEqual([
      'Subscribed',
      'Commitments are now shown on https://participer.exemple.fr/*.',
    ]);
    expect(document.activeElement?.textContent).toBe(said[1]);
  });
  it('says why subscribing failed when the background did not answer, its reason marked as English', () => {
    const model = fakeModel();
    model.offerStates.value = { [offer]: { error: {}, detail: 'no answer to subscribe' } };
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={model} lang="fr" />, root);
    const alert = root.querySelector('[data-feed-offer] [role="alert"]');
    expect(alert?.textContent).toBe(
      'Ce flux n’a pas été ajouté\u00a0: l’extension n’a pas pu le faire.no answer to subscribe',
    );
    expect(alert?.querySelector('[lang="en"]')?.textContent).toBe('no answer to subscribe');
  });
});
