// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { feedJson } from '../../shared/cache/test-support.ts';
import { feedSource, type FeedState } from './feed-source.ts';

const MINUTE = 60_000;

/** Serves `body` for every request, counting them by URL. */
function serve(body = feedJson()): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return new Response(body);
  });
  return asked;
}

/** Subscribes a view and waits for the feed to be shown. */
async function show(url: string): Promise<{ states: FeedState[]; leave: () => void }> {
  const states: FeedState[] = [];
  const leave = feedSource(url).subscribe((state) => states.push(state));
  await vi.waitFor(() => expect(feedSource(url).state.phase).toBe('ready'));
  await vi.waitFor(() => expect(feedSource(url).checkedAt).toBeGreaterThan(0));
  return { states, leave };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('feedSource', () => {
  it('shares one request between spellings of one feed address', async () => {
    const asked = serve();
    const plain = await show('https://www.exemple.fr/a/feed.json');
    const spelt = feedSource('https://WWW.exemple.fr:443/a/feed.json#E1');
    spelt.subscribe(() => undefined);
    expect(spelt.state.phase).toBe('ready');
    expect(asked).toEqual(['https://www.exemple.fr/a/feed.json']);
    plain.leave();
  });

  it('asks again when a view comes back long after the last check, not soon after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const asked = serve();
    const url = 'https://www.exemple.fr/b/feed.json';
    const first = await show(url);
    first.leave();
    vi.advanceTimersByTime(MINUTE);
    const soon = await show(url);
    soon.leave();
    expect(asked).toHaveLength(1);

    vi.advanceTimersByTime(30 * MINUTE);
    serve(feedJson({ updated: '2026-12-10T09:00:00Z' }));
    const later = await show(url);
    await vi.waitFor(() => expect(feedSource(url).state.entry?.feed.updated).toMatch(/12-10/));
    expect(later.states.at(-1)?.entry?.feed.updated).toBe('2026-12-10T09:00:00Z');
  });
});
