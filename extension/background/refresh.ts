/**
 * Scheduled refresh of subscribed feeds: an alarm every 30 minutes, conditional requests through
 * the core's `refreshFeed` (a 304 costs nothing), exponential backoff per feed on failure, and the
 * last good copy kept whatever happens. Changes are then recorded by `changes.ts`.
 */
import { browser } from 'wxt/browser';
import { refreshFeed } from '../../shared/cache/index.ts';
import { db, type Subscription } from './db.ts';
import { feedFetchNotingMoves, feedStore } from './feeds.ts';
import { recordChanges } from './changes.ts';
import { syncRegistration } from './registration.ts';

/** The alarm's name. */
export const REFRESH_ALARM = 'open-commitments-refresh';

/** Minutes between scheduled refreshes of a healthy feed. */
export const REFRESH_MINUTES = 30;

/** The longest wait after repeated failures. */
export const MAX_BACKOFF_MINUTES = 24 * 60;

/** Minutes to wait after `failures` consecutive failures (30, 60, 120… up to a day). */
export function backoffMinutes(failures: number): number {
  if (failures <= 0) return REFRESH_MINUTES;
  return Math.min(REFRESH_MINUTES * 2 ** failures, MAX_BACKOFF_MINUTES);
}

/** Creates the periodic alarm unless it exists (alarms survive a stopped worker). */
export async function ensureRefreshAlarm(): Promise<void> {
  if (!(await browser.alarms.get(REFRESH_ALARM))) {
    await browser.alarms.create(REFRESH_ALARM, {
      delayInMinutes: 1,
      periodInMinutes: REFRESH_MINUTES,
    });
  }
}

const running = new Map<string, Promise<void>>();

/**
 * Refreshes one subscription, updates its backoff, records changes. A refresh of the same feed
 * already under way (the alarm delivered twice, the person asking meanwhile) is joined, not
 * started again.
 */
export function refreshOne(sub: Subscription, now: number): Promise<void> {
  const pending = running.get(sub.feedId);
  if (pending) return pending;
  const started = refreshNow(sub, now).finally(() => running.delete(sub.feedId));
  running.set(sub.feedId, started);
  return started;
}

async function refreshNow(sub: Subscription, now: number): Promise<void> {
  if (!sub.url) return;
  const store = await feedStore();
  const noting = feedFetchNotingMoves();
  const result = await refreshFeed(sub.url, { fetch: noting.fetch, store, now: () => Date.now() });
  // No answer while the browser is offline says nothing of the publisher: it is asked again at
  // the usual period, not hours after the connection is back because the wait kept doubling.
  const offline =
    result.kind === 'failed' && result.error.reason === 'network' && navigator.onLine === false;
  const failures = result.kind !== 'failed' ? 0 : offline ? sub.failures : sub.failures + 1;
  const database = await db();
  const current = await database.get('subscriptions', sub.feedId);
  if (!current) {
    // Removed while it was being refreshed: keep nothing of it, unless another subscription
    // reads the same URL.
    const subs = await database.getAll('subscriptions');
    if (!subs.some((other) => other.url === sub.url)) await store.delete(sub.url);
    return;
  }
  // Where the feed now redirects (it moved), so that the popup does not offer it again there.
  const { movedTo: _was, ...kept } = current;
  const movedTo = result.kind === 'failed' ? current.movedTo : noting.movedTo();
  await database.put('subscriptions', {
    ...kept,
    failures,
    nextRefreshAt: now + (offline ? REFRESH_MINUTES : backoffMinutes(failures)) * 60_000,
    ...(movedTo ? { movedTo } : {}),
  });
  await recordChanges(sub.feedId, sub.url);
  // A new copy may name other pages: register the content script on those.
  if (result.kind === 'updated') await syncRegistration();
}

/**
 * Whether `sub` is due at `now`. A next refresh further away than its longest wait means the
 * clock went back (it had been set ahead): then it is due, or it would wait until the clock
 * catches up, for days or years.
 */
function isDue(sub: Subscription, now: number): boolean {
  const wait = sub.nextRefreshAt - now;
  return wait <= 0 || wait > backoffMinutes(sub.failures) * 60_000;
}

/**
 * Refreshes every subscription that is due (or all, or the one named, when `force`).
 * Returns how many were tried.
 */
export async function refreshDue(
  now: number,
  options: { force?: boolean; feedId?: string } = {},
): Promise<number> {
  const subs = await (await db()).getAll('subscriptions');
  const due = subs.filter(
    (sub) =>
      sub.url &&
      !sub.paused &&
      (options.feedId === undefined || sub.feedId === options.feedId) &&
      (options.force || isDue(sub, now)),
  );
  await Promise.all(due.map((sub) => refreshOne(sub, now)));
  return due.length;
}
