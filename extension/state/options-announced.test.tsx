// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const request = vi.fn<(permissions: { origins: string[] }) => Promise<boolean>>();
const ask = vi.fn();
vi.mock('wxt/browser', () => ({
  browser: {
    storage: { local: { get: async () => ({}) } },
    permissions: { request: (permissions: { origins: string[] }) => request(permissions) },
  },
}));
vi.mock('../messaging/send.ts', () => ({ ask: (request: unknown) => ask(request) }));

const { createOptionsModel } = await import('./options.ts');
const { OptionsApp } = await import('../components/OptionsApp.tsx');

const page = 'https://www.ville.example/engagements/';
const feed = 'https://data.ville.example/engagements.json';

beforeEach(() => {
  request.mockReset();
  ask.mockReset();
  ask.mockImplementation(async (message: { type: string; url?: string; foundOn?: string }) => {
    if (message.type === 'subscriptions') return { subscriptions: [] };
    if (message.type !== 'subscribe') throw new Error(`unexpected ${message.type}`);
    return message.url === page
      ? { ok: false, message: 'web page', errors: [], reason: 'web-page', announced: feed }
      : {
          ok: true,
          feedId: feed,
          name: 'Ville d’Exemple',
          warnings: [],
          missingOrigins: [],
          ...(message.foundOn ? { found: message.url } : {}),
        };
  });
});

function mount() {
  const model = createOptionsModel();
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<OptionsApp model={model} lang="fr" />, root);
  return { model, root };
}

describe('subscribing through a page that announces a feed on another host', () => {
  it('asks for that host at once while the browser still counts the click', async () => {
    request.mockResolvedValue(true);
    const { model, root } = mount();
    await model.subscribe(page);
    expect(request.mock.calls.map(([p]) => p.origins)).toEqual([
      ['https://www.ville.example/*'],
      ['https://data.ville.example/*'],
    ]);
    await vi.waitFor(() => expect(root.querySelector('[data-outcome="added"]')).not.toBeNull());
    expect(root.querySelector('[data-found]')?.textContent).toBe(
      `Cette page annonce le flux ${feed}.`,
    );
  });

  it('offers a button for that host when the browser no longer counts the click', async () => {
    request
      .mockResolvedValueOnce(true)
      .mockRejectedValueOnce(
        new Error('permissions.request may only be called from a user input handler'),
      )
      .mockResolvedValueOnce(true);
    const { model, root } = mount();
    await model.subscribe(page);
    await vi.waitFor(() => expect(root.querySelector('[data-outcome="elsewhere"]')).not.toBeNull());
    const offer = root.querySelector('[data-outcome="elsewhere"]')!;
    expect(offer.textContent).toContain(
      'Il se trouve sur un autre site, data.ville.example, que l’extension n’a pas encore le droit de lire.',
    );
    // Nothing was subscribed to, and no refusal is shown.
    expect(ask.mock.calls.filter(([m]) => m.type === 'subscribe')).toHaveLength(1);
    expect(root.querySelector('[data-outcome="refused"]')).toBeNull();
    const button = offer.querySelector('button')!;
    expect(button.textContent).toBe('Autoriser data.ville.example et s’abonner');
    button.click();
    await vi.waitFor(() => expect(root.querySelector('[data-outcome="added"]')).not.toBeNull());
    expect(request.mock.calls.at(-1)?.[0].origins).toEqual(['https://data.ville.example/*']);
    expect(ask).toHaveBeenCalledWith({ type: 'subscribe', url: feed, foundOn: page });
    expect(root.querySelector('[data-found]')?.textContent).toBe(
      `Cette page annonce le flux ${feed}.`,
    );
  });

  it('says the permission was refused when the person refuses that host', async () => {
    request.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    const { model, root } = mount();
    await model.subscribe(page);
    await vi.waitFor(() => expect(root.textContent).toContain('Autorisation refusée'));
    expect(ask.mock.calls.filter(([m]) => m.type === 'subscribe')).toHaveLength(1);
  });
});
