import type { FeedState } from './feed-source.ts';

/** What a component last announced, so that each copy and each failure is announced once. */
export interface Announced {
  entry?: unknown;
  error?: unknown;
}

/**
 * Fires `oc-load` (detail: the feed) for a copy not yet announced, and `oc-error` (detail:
 * `{url, reason, message, errors}`) for a failure not yet announced, a failed refresh behind a
 * stale copy included. The dashboard and the badge both announce through here, so a host page
 * hears the same events from either.
 */
export function announceFeedState(
  host: HTMLElement,
  state: FeedState,
  url: string | undefined,
  announced: Announced,
): void {
  const { entry, error } = state;
  if (entry && entry !== announced.entry) {
    announced.entry = entry;
    host.dispatchEvent(
      new CustomEvent('oc-load', { detail: entry.feed, bubbles: true, composed: true }),
    );
  }
  if (error && error !== announced.error) {
    announced.error = error;
    host.dispatchEvent(
      new CustomEvent('oc-error', {
        detail: { url, reason: error.reason, message: error.message, errors: error.errors ?? [] },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
