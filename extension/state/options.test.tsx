// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({
  browser: { storage: { local: { get: async () => ({}) } } },
}));
vi.mock('../messaging/send.ts', () => ({
  ask: async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  },
}));

const { createOptionsModel } = await import('./options.ts');
const { OptionsApp } = await import('../components/OptionsApp.tsx');

describe('the options model', () => {
  it('says that the subscriptions could not be read, rather than list none', async () => {
    const model = createOptionsModel();
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<OptionsApp model={model} lang="fr" />, root);
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')).not.toBeNull());
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'L’extension n’a pas pu lire ses données\u00a0: ' +
        'Could not establish connection. Receiving end does not exist.',
    );
    expect(root.querySelector('tbody tr')).toBeNull();
    // Nor are the hidden sites said to be none: they were not read either.
    expect(root.textContent).not.toContain('Aucun.');
  });
});
