// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
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
    offerStates: signal<Record<string, OfferState>>({}),
    loading: signal(false),
    error: signal(null),
    load: async () => undefined,
    toggleFollow: async () => undefined,
    subscribeOffer: async () => undefined,
    rememberQuestion: async () => undefined,
  };
}

describe('the popup', () => {
  it('writes the feed offer with each language’s colon', () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<PopupApp model={fakeModel()} lang="fr" />, root);
    expect(root.querySelector('[data-feed-offer] p')?.textContent).toBe(
      `Ce site publie un flux d'engagements\u00a0: ${offer}`,
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
});
