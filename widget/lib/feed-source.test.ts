// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferred, feedJson, hang } from '../../shared/cache/test-support.ts';
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

/** Holds every answer until `answer` is called; records each request's signal. */
function serveSlowly(body = feedJson()): { signals: AbortSignal[]; answer: () => void } {
  const signals: AbortSignal[] = [];
  const gate = deferred<void>();
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    if (init.signal) signals.push(init.signal);
    await Promise.race([gate.promise, hang(init)]);
    return new Response(body);
  });
  return { signals, answer: () => gate.resolve() };
}

/** Lets the page run the tasks already queued (an element put back, a view gone for good). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Subscribes a view and waits for the feed to be shown. */
async function show(url: string): Promise<{ states: FeedState[]; leave: () => void }> {
  const states: FeedState[] = [];
  const leave = feedSource(url).subscribe((state) => states.push(state));
  await vi.waitFor(() => expect(feedSource(url).state.phase).toBe('ready'));
  await vi.waitFor(() => expect(feedSource(url).checkedAt).toBeGreaterThan(0));
  return { states, leave };
}

/**
 * Subscribes a view while the publisher is slow to answer, lets it leave, and waits until the
 * request is aborted and the page has run its tasks; gives what the view heard.
 */
async function leaveWhileAsking(url: string): Promise<FeedState[]> {
  const slow = serveSlowly();
  const states: FeedState[] = [];
  const leave = feedSource(url).subscribe((state) => states.push(state));
  await vi.waitFor(() => expect(slow.signals).toHaveLength(1));
  leave();
  await vi.waitFor(() => expect(slow.signals[0]?.aborted).toBe(true));
  await nextTask();
  return states;
}

/** Answers 503 until `mend` is called, then the feed; counts the requests. */
function serveBroken(): { asked: string[]; mend: () => void } {
  const asked: string[] = [];
  let broken = true;
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return broken ? new Response('down', { status: 503 }) : new Response(feedJson());
  });
  return { asked, mend: () => (broken = false) };
}

/** Sets the page's visibility as switching tabs would, telling the page. */
function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, 'visibilityState');
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

  it('stops the download when the last view leaves, and starts again for the next one', async () => {
    const url = 'https://www.exemple.fr/c/feed.json';
    const states = await leaveWhileAsking(url);
    expect(feedSource(url).state.phase).toBe('loading');

    const asked = serve();
    const next = await show(url);
    expect(asked).toEqual([url]);
    expect(next.states.at(-1)?.entry?.feed.commitments).toHaveLength(1);
    expect([...states, ...next.states].filter((state) => state.error)).toEqual([]);
    next.leave();
  });

  it('keeps the download of a view moved in the page', async () => {
    const slow = serveSlowly();
    const url = 'https://www.exemple.fr/d/feed.json';
    const leave = feedSource(url).subscribe(() => undefined);
    await vi.waitFor(() => expect(slow.signals).toHaveLength(1));
    leave();
    const states: FeedState[] = [];
    feedSource(url).subscribe((state) => states.push(state));
    await nextTask();
    expect(slow.signals[0]?.aborted).toBe(false);
    slow.answer();
    await vi.waitFor(() => expect(feedSource(url).state.phase).toBe('ready'));
    expect(slow.signals).toHaveLength(1);
  });

  it('asks again every 5 minutes while kept fresh, once for all its elements, and mends a failure', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { asked, mend } = serveBroken();
    const source = feedSource('https://www.exemple.fr/f/feed.json');
    source.subscribe(() => undefined);
    const releases = [source.keepFresh(), source.keepFresh(), source.keepFresh()];
    await vi.waitFor(() => expect(source.state.phase).toBe('error'));

    mend();
    vi.advanceTimersByTime(5 * MINUTE);
    await vi.waitFor(() => expect(source.state.phase).toBe('ready'));
    expect(asked).toHaveLength(2);

    for (const release of releases) release();
    vi.advanceTimersByTime(30 * MINUTE);
    await nextTask();
    expect(asked).toHaveLength(2);
  });

  it('asks a hidden page nothing, and asks at once when it is shown again after 5 minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { asked, mend } = serveBroken();
    const source = feedSource('https://www.exemple.fr/g/feed.json');
    source.subscribe(() => undefined);
    source.keepFresh();
    await vi.waitFor(() => expect(source.state.phase).toBe('error'));

    setVisibility('hidden');
    mend();
    vi.advanceTimersByTime(20 * MINUTE);
    await nextTask();
    expect(asked).toHaveLength(1);

    setVisibility('visible');
    await vi.waitFor(() => expect(source.state.phase).toBe('ready'));
    expect(asked).toHaveLength(2);
  });

  it('keeps showing the stored copy when a check is stopped, and checks again for the next view', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    serve();
    const url = 'https://www.exemple.fr/e/feed.json';
    (await show(url)).leave();
    vi.advanceTimersByTime(30 * MINUTE);

    const states = await leaveWhileAsking(url);
    expect(feedSource(url).state.phase).toBe('ready');
    expect(feedSource(url).state.error).toBeUndefined();
    expect(states).toEqual([]);

    const asked = serve(feedJson({ updated: '2026-12-10T09:00:00Z' }));
    feedSource(url).subscribe(() => undefined);
    await vi.waitFor(() => expect(feedSource(url).state.entry?.feed.updated).toMatch(/12-10/));
    expect(asked).toEqual([url]);
    expect(feedSource(url).state.error).toBeUndefined();
  });
});
