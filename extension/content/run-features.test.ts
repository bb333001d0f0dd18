// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Feature, PageContext } from './feature.ts';

/** What the background sends the content script, and the feeds it names for the page. */
const listeners: ((message: unknown) => void)[] = [];
let pageFeeds = [{ feedId: 'town' }];
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      onMessage: {
        addListener: (l: (message: unknown) => void) => listeners.push(l),
        removeListener: () => undefined,
      },
    },
  },
}));
vi.mock('../storage/hidden-sites.ts', () => ({ isHidden: async () => false }));
vi.mock('../messaging/send.ts', () => ({ ask: async () => ({ feeds: pageFeeds }) }));
const { runFeatures } = await import('./run-features.ts');
const { RECHECK_MESSAGE } = await import('./script-file.ts');

const ctx = {
  isValid: true,
  onInvalidated: () => undefined,
  addEventListener: () => undefined,
} as unknown as ContentScriptContext;

/**
 * A feature that shows one element, with `id`, on a page that feeds name, for as long as its
 * signal lets it.
 */
function showing(id: string, pages: PageContext[] = []): Feature {
  return {
    id,
    appliesTo: (page) => page.feeds.length > 0,
    init(signal, page) {
      pages.push(page);
      const element = Object.assign(document.createElement('p'), { id });
      document.body.append(element);
      signal.addEventListener('abort', () => element.remove(), { once: true });
    },
  };
}

const shown = () => [...document.body.children].map((e) => e.id);

afterEach(() => {
  document.body.replaceChildren();
  listeners.length = 0;
  pageFeeds = [{ feedId: 'town' }];
});

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

  it('takes everything away when told to ask again and the page shows nothing any more', async () => {
    await runFeatures(ctx, [showing('notice'), showing('badge')]);
    // Asked again while the page still shows something: it stays.
    for (const listener of listeners) listener(RECHECK_MESSAGE);
    await new Promise((resolve) => setTimeout(resolve));
    expect(shown()).toEqual(['notice', 'badge']);
    // Another extension's message changes nothing.
    pageFeeds = [];
    for (const listener of listeners) listener('something else');
    await new Promise((resolve) => setTimeout(resolve));
    expect(shown()).toEqual(['notice', 'badge']);
    // Its site no longer allowed: the page shows nothing.
    for (const listener of listeners) listener(RECHECK_MESSAGE);
    await vi.waitFor(() => expect(shown()).toEqual([]));
  });

  it('runs again with the feeds left when one that named the page is gone', async () => {
    const pages: PageContext[] = [];
    pageFeeds = [{ feedId: 'town' }, { feedId: 'region' }];
    await runFeatures(ctx, [showing('notice', pages)]);
    expect(pages.map((p) => p.feeds.length)).toEqual([2]);
    pageFeeds = [{ feedId: 'region' }];
    for (const listener of listeners) listener(RECHECK_MESSAGE);
    await vi.waitFor(() => expect(pages.map((p) => p.feeds.length)).toEqual([2, 1]));
    expect(shown()).toEqual(['notice']);
  });
});
