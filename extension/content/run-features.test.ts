// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Feature, PageContext } from './feature.ts';

vi.mock('wxt/browser', () => ({ browser: {} }));
vi.mock('../storage/hidden-sites.ts', () => ({ isHidden: async () => false }));
vi.mock('../messaging/send.ts', () => ({ ask: async () => ({ feeds: [{ feedId: 'town' }] }) }));
const { runFeatures } = await import('./run-features.ts');

const ctx = {
  isValid: true,
  onInvalidated: () => undefined,
  addEventListener: () => undefined,
} as unknown as ContentScriptContext;

/** A feature that shows one element, with `id`, for as long as its signal lets it. */
function showing(id: string, pages: PageContext[] = []): Feature {
  return {
    id,
    appliesTo: () => true,
    init(signal, page) {
      pages.push(page);
      const element = Object.assign(document.createElement('p'), { id });
      document.body.append(element);
      signal.addEventListener('abort', () => element.remove(), { once: true });
    },
  };
}

const shown = () => [...document.body.children].map((e) => e.id);

afterEach(() => document.body.replaceChildren());

describe('running the content features', () => {
  it('lets one feature take the others off the page at once and put them back', async () => {
    const pages: PageContext[] = [];
    await runFeatures(ctx, [showing('notice', pages), showing('badge'), showing('other')]);
    expect(shown()).toEqual(['notice', 'badge', 'other']);

    pages[0]!.pauseOthers(true);
    expect(shown()).toEqual(['notice']);
    pages[0]!.pauseOthers(false);
    await vi.waitFor(() => expect(shown()).toEqual(['notice', 'badge', 'other']));
    // Starting them again twice shows each once.
    pages[0]!.pauseOthers(false);
    await Promise.resolve();
    expect(shown()).toEqual(['notice', 'badge', 'other']);
  });

  it('starts nothing again once the page is stopped', async () => {
    const pages: PageContext[] = [];
    await runFeatures(ctx, [showing('notice', pages), showing('badge')]);
    pages[0]!.pauseOthers(true);
    pages[0]!.stop();
    expect(shown()).toEqual([]);
    pages[0]!.pauseOthers(false);
    await Promise.resolve();
    expect(shown()).toEqual([]);
  });
});
