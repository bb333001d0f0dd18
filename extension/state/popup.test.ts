import { beforeEach, describe, expect, it, vi } from 'vitest';

const requests: string[][] = [];
/** What the tab's page announces, as the function run in it returns it. */
let announced: unknown = [];
let gesture = true;
vi.mock('wxt/browser', () => ({
  browser: {
    permissions: {
      request: async ({ origins }: { origins: string[] }) => {
        requests.push(origins);
        // The browser asks only within a click's first seconds.
        if (!gesture) throw new Error('This function must be called during a user gesture');
        gesture = false;
        return true;
      },
    },
    tabs: { get: async (id: number) => ({ id, url: 'https://www.exemple.fr/' }) },
    scripting: { executeScript: async () => [{ result: announced }] },
    storage: { local: { get: async () => ({}) } },
  },
}));
const asked: string[] = [];
vi.mock('../messaging/send.ts', () => ({
  ask: vi.fn(async (request: { type: string }) => {
    asked.push(request.type);
    if (request.type === 'subscribe')
      return {
        ok: true,
        feedId: 'https://data.exemple.fr/feed.json',
        name: 'Ville',
        warnings: [],
        missingOrigins: ['https://participer.exemple.fr/*'],
      };
    if (request.type === 'page-matches') return { feeds: [] };
    if (request.type === 'subscriptions') return { subscriptions: [] };
    return {};
  }),
}));

const { createPopupModel, offerTitle, OFFER_TITLE_MAX } = await import('./popup.ts');
const url = 'https://data.exemple.fr/feed.json';

beforeEach(() => {
  requests.length = 0;
  asked.length = 0;
  gesture = true;
  announced = [];
});

describe('the offer’s name for a feed', () => {
  it('is the page’s title for its link, as text on one line without direction characters', () => {
    expect(offerTitle('  Plan\n climat\u202e 2026 ')).toBe('Plan climat 2026');
    expect(offerTitle('<b>Plan</b>')).toBe('<b>Plan</b>');
    expect(offerTitle(' \u200b ')).toBeUndefined();
    expect(offerTitle(42)).toBeUndefined();
  });
  it('is cut at a word when the page gives a long one', () => {
    const cut = offerTitle('mot '.repeat(500))!;
    expect(cut.length).toBeLessThanOrEqual(OFFER_TITLE_MAX);
    expect(cut).toMatch(/^(mot )+mot…$/);
  });
  it('is read for each offered feed, and none comes from what is not a link', async () => {
    announced = [
      { href: 'https://data.exemple.fr/feed.json', title: 'Plan de la ville' },
      { href: 'https://data.exemple.fr/feed.json', title: 'Second name' },
      { href: 'https://data.exemple.fr/other.json', title: '' },
      { href: 'data:application/json,{}', title: 'Not a feed' },
      'https://data.exemple.fr/text.json',
    ];
    const model = createPopupModel(7);
    await model.load();
    expect(model.offers.value).toEqual([
      'https://data.exemple.fr/feed.json',
      'https://data.exemple.fr/other.json',
    ]);
    expect(model.offerNames.value).toEqual({
      'https://data.exemple.fr/feed.json': 'Plan de la ville',
    });
  });
});

describe('subscribing from the popup', () => {
  it('keeps the sites its pages are on to allow in a click of their own, when the browser would not ask', async () => {
    const model = createPopupModel(7);
    await model.subscribeOffer(url);
    expect(requests).toEqual([['https://data.exemple.fr/*'], ['https://participer.exemple.fr/*']]);
    expect(model.offerStates.value[url]).toEqual({ missing: ['https://participer.exemple.fr/*'] });
    expect(model.subscribedAs.value[url]).toEqual({ name: 'Ville' });
    // The Allow button's click.
    gesture = true;
    await model.allowOffer(url, ['https://participer.exemple.fr/*']);
    expect(model.offerStates.value[url]).toEqual({
      missing: ['https://participer.exemple.fr/*'],
      allowed: true,
    });
    expect(asked.filter((type) => type === 'sync-registration')).toHaveLength(2);
  });
  it('says why a subscription failed when the background does not answer', async () => {
    const { ask } = await import('../messaging/send.ts');
    const real = vi.mocked(ask).getMockImplementation();
    vi.mocked(ask).mockImplementation(async (request) => {
      if (request.type === 'subscribe') throw new Error('no answer to subscribe');
      return real!(request);
    });
    const model = createPopupModel(7);
    await model.subscribeOffer(url);
    expect(model.offerStates.value[url]).toEqual({ error: {}, detail: 'no answer to subscribe' });
    vi.mocked(ask).mockImplementation(real!);
  });
});
