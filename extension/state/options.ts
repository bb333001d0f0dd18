/**
 * The options page's model: subscribe by URL (validated by the background; errors shown with
 * their JSON paths; nothing invalid stored), the subscriptions with their health, pause, remove,
 * refresh, host permissions still missing, and the sites where the overlay is hidden.
 *
 * `browser.permissions.request` must run inside the click: every action that asks for a host
 * calls it before its first `await`.
 */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { FeedIssue } from '../../shared/index.ts';
import { ask } from '../messaging/send.ts';
import type { FailureView, Responses, SubscriptionView } from '../messaging/protocol.ts';
import { originOfUrl } from '../permissions/origins.ts';
import { hiddenSites, showSite } from '../storage/hidden-sites.ts';

/** The outcome of the last subscription attempt. */
export type SubscribeOutcome =
  | { kind: 'busy' }
  | { kind: 'denied' }
  /** A pasted web page announces a feed on another host, which is still to be allowed. */
  | { kind: 'elsewhere'; announced: string; foundOn: string }
  | { kind: 'refused'; failure: FailureView; detail?: string }
  | {
      kind: 'added';
      name: string;
      /** It was subscribed to already, as this feed id: nothing was added. */
      already?: string;
      /** The feed's address, when a web page that announces it was given. */
      found?: string;
      warnings: readonly FeedIssue[];
      missingOrigins: string[];
      leftOut?: readonly string[];
      /** The hosts the person allowed from this outcome, said in place of the button. */
      allowed?: readonly string[];
    };

/** Creates the model. */
export function createOptionsModel() {
  const subscriptions = signal<SubscriptionView[]>([]);
  const hidden = signal<string[]>([]);
  const outcome = signal<SubscribeOutcome | null>(null);
  /** Why the page's data could not be read (the background's or the browser's reason). */
  const error = signal<string | null>(null);

  /**
   * Reads the subscriptions and hidden sites. A failure is said rather than shown as an empty
   * list, which would read as subscriptions lost.
   */
  async function load(): Promise<void> {
    try {
      subscriptions.value = (await ask({ type: 'subscriptions' })).subscriptions;
      hidden.value = await hiddenSites();
      error.value = null;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  /** Says what a subscription request came to. */
  async function settle(result: Responses['subscribe']): Promise<void> {
    outcome.value = result.ok
      ? {
          kind: 'added',
          name: result.name,
          ...(result.already ? { already: result.feedId } : {}),
          ...(result.found ? { found: result.found } : {}),
          warnings: result.warnings,
          missingOrigins: result.missingOrigins,
          ...(result.leftOut ? { leftOut: result.leftOut } : {}),
        }
      : {
          kind: 'refused',
          failure: {
            reason: result.reason,
            errors: result.errors,
            ...(result.status !== undefined ? { status: result.status } : {}),
          },
        };
    await load();
  }

  /** Says the browser's or the background's reason (no answer, an error) after the words. */
  function fail(e: unknown): void {
    outcome.value = {
      kind: 'refused',
      failure: {},
      detail: e instanceof Error ? e.message : String(e),
    };
  }

  /**
   * Asks for `origin` (call it inside the click), then does `then`; says that the permission was
   * refused, or why it could not be asked, otherwise.
   */
  function withHost(origin: string, then: () => Promise<void>): Promise<void> {
    outcome.value = { kind: 'busy' };
    return browser.permissions
      .request({ origins: [origin] })
      .then((granted) => {
        if (granted) return then();
        outcome.value = { kind: 'denied' };
      })
      .catch(fail);
  }

  function subscribe(url: string): Promise<void> {
    const origin = originOfUrl(url.trim());
    if (!origin) {
      outcome.value = { kind: 'refused', failure: { reason: 'not-http' } };
      return Promise.resolve();
    }
    return withHost(origin, async () => {
      const result = await ask({ type: 'subscribe', url: url.trim() });
      // A web page announcing a feed on another host: that host is asked for, then the feed.
      const announced = result.ok ? undefined : result.announced;
      const announcedOrigin = announced && originOfUrl(announced);
      if (!announced || !announcedOrigin) return settle(result);
      // The browser may no longer count the click once the page is read (Firefox allows a
      // second, and Chromium five, after it): then the person is asked to click again.
      let allowed: boolean;
      try {
        allowed = await browser.permissions.request({ origins: [announcedOrigin] });
      } catch {
        outcome.value = { kind: 'elsewhere', announced, foundOn: url.trim() };
        return;
      }
      if (!allowed) {
        outcome.value = { kind: 'denied' };
        return;
      }
      return settle(await ask({ type: 'subscribe', url: announced, foundOn: url.trim() }));
    });
  }

  /**
   * Subscribes to the feed a pasted page announced on another host, asking for that host first.
   * Call it inside the click.
   */
  function subscribeAnnounced(announced: string, foundOn: string): Promise<void> {
    const origin = originOfUrl(announced);
    if (!origin) return Promise.resolve();
    return withHost(origin, async () =>
      settle(await ask({ type: 'subscribe', url: announced, foundOn })),
    );
  }

  /** Asks for `origins` (call it inside the click); resolves to whether they were granted. */
  function allow(origins: readonly string[]): Promise<boolean> {
    return browser.permissions.request({ origins: [...origins] }).then(async (granted) => {
      if (granted) await ask({ type: 'sync-registration' });
      const current = outcome.value;
      // The outcome's hosts, when these are they (a row's button may allow another feed's).
      const missing = current?.kind === 'added' ? current.missingOrigins : [];
      if (
        granted &&
        current?.kind === 'added' &&
        missing.length > 0 &&
        missing.every((origin) => origins.includes(origin))
      )
        outcome.value = { ...current, missingOrigins: [], allowed: missing };
      await load();
      return granted;
    });
  }

  async function setPaused(feedId: string, paused: boolean): Promise<void> {
    await ask({ type: 'set-paused', feedId, paused });
    await load();
  }

  async function remove(feedId: string): Promise<void> {
    await ask({ type: 'unsubscribe', feedId });
    await load();
  }

  async function refresh(feedId: string): Promise<void> {
    await ask({ type: 'refresh', feedId });
    await load();
  }

  async function unhide(origin: string): Promise<void> {
    await showSite(origin);
    await load();
  }

  return {
    subscriptions,
    hidden,
    outcome,
    error,
    load,
    subscribe,
    subscribeAnnounced,
    allow,
    setPaused,
    remove,
    refresh,
    unhide,
  };
}

/** The options model's type. */
export type OptionsModel = ReturnType<typeof createOptionsModel>;
