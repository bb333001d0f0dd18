/**
 * The popup's model: the commitments matched on the current tab (matched by the background; the
 * URL stays in the browser), follow toggles, and the offer to subscribe to a feed the page
 * announces with `<link rel="alternate" type="application/vnd.open-commitments+json">` (named by
 * its `title`, when it has one), found by running a one-off function in the tab (activeTab)
 * rather than a content script on every site.
 */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { ask } from '../messaging/send.ts';
import type { FailureView, PageFeed } from '../messaging/protocol.ts';
import {
  documentPointers,
  pointerMatcher,
  POINTER_SELECTOR,
  type Pointer,
} from '../content/page-references.ts';
import { originOfUrl } from '../permissions/origins.ts';
import { CONTENT_SCRIPT_FILE } from '../content/script-file.ts';
import { isHidden, showSite } from '../storage/hidden-sites.ts';
import { feedAddress } from '../../shared/cache/feed-address.ts';
import { clampText } from '../../shared/text/clamp-text.ts';
import { feedOffers } from './feed-offers.ts';
import { FEED_TYPE } from '../feeds/announced-feed.ts';
import type { PageReference } from './page-commitments.ts';

/**
 * Where one offered feed stands. Subscribed, its pages on other hosts may still wait for the
 * person's leave (`missing`; `allowed` once given): the browser refuses to ask for it again once
 * the click that subscribed is a few seconds old, as it is after its first prompt was read.
 */
export type OfferState =
  | 'idle'
  | 'busy'
  | 'done'
  | { error: 'permission' | FailureView; detail?: string }
  | { missing: string[]; allowed?: true };

/** The announced feeds of the current document, with their links' titles (runs in the tab). */
function announcedFeeds(type: string): { href: string; title: string }[] {
  return Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="alternate"][href]'))
    .filter((link) => link.type.toLowerCase() === type)
    .map((link) => ({ href: link.href, title: link.title }));
}

/** The most characters of a page's name for a feed that the offer shows. */
export const OFFER_TITLE_MAX = 100;

/**
 * The name a page gives a feed it announces (its link's `title`), as the offer shows it: any
 * page may set it, so it is only text, on one line, without control or direction characters,
 * and cut at a word to `OFFER_TITLE_MAX` characters. Undefined when there is nothing to show.
 */
export function offerTitle(given: unknown): string | undefined {
  if (typeof given !== 'string') return undefined;
  const text = given
    .slice(0, OFFER_TITLE_MAX * 4)
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? clampText(text, OFFER_TITLE_MAX) : undefined;
}

/** The page's name for each announced feed, by its address (the first link's that names it). */
function offerTitles(announced: readonly { href: string; title?: unknown }[]) {
  const titles: Record<string, string> = {};
  for (const { href, title } of announced) {
    const text = offerTitle(title);
    if (!originOfUrl(href) || !text) continue;
    titles[feedAddress(href)] ??= text;
  }
  return titles;
}

/**
 * The commitments the tab's page links to or marks, read from the tab as the content script
 * reads them, so that the popup lists what the overlay lists. Empty where the tab cannot be read.
 */
async function pageReferences(tabId: number, feeds: PageFeed[]): Promise<PageReference[]> {
  if (feeds.length === 0) return [];
  const found = await browser.scripting
    .executeScript({ target: { tabId }, func: documentPointers, args: [POINTER_SELECTOR] })
    .then((results) => results[0]?.result as { base: string; pointers: Pointer[] } | undefined)
    .catch(() => undefined);
  if (!found) return [];
  const match = pointerMatcher(feeds);
  return found.pointers.flatMap((pointer) =>
    match(pointer, found.base).map((hit) => ({
      feedId: hit.feed.feedId,
      commitmentId: hit.commitment.id,
    })),
  );
}

/** Creates the model; `tabId` overrides the active tab (the popup opened as a page). */
export function createPopupModel(tabId?: number) {
  const tabUrl = signal<string | null>(null);
  const feeds = signal<PageFeed[]>([]);
  const references = signal<PageReference[]>([]);
  const offers = signal<string[]>([]);
  const offerStates = signal<Record<string, OfferState>>({});
  /** The page's name for each offered feed (its link's title), when it gives one. */
  const offerNames = signal<Record<string, string>>({});
  /** The name each feed subscribed from here gives itself, and whether it was followed already. */
  const subscribedAs = signal<Record<string, { name: string; already?: true }>>({});
  const loading = signal(true);
  const error = signal<string | null>(null);
  /** Whether the person hid the overlay on the tab's site: 'shown' once shown again from here. */
  const hiddenHere = signal<boolean | 'shown'>(false);

  async function currentTab(): Promise<{ id?: number; url?: string } | undefined> {
    if (tabId !== undefined) return browser.tabs.get(tabId);
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  }

  async function loadPage(id: number, url: string): Promise<void> {
    feeds.value = (await ask({ type: 'page-matches', url, paused: true })).feeds;
    references.value = await pageReferences(id, feeds.value);
  }

  async function load(): Promise<void> {
    try {
      const tab = await currentTab();
      const url = tab?.url;
      if (!tab?.id || !url || !/^https?:/.test(url)) return;
      tabUrl.value = url;
      hiddenHere.value = await isHidden(new URL(url).origin);
      await loadPage(tab.id, url);
      const found = await browser.scripting
        .executeScript({ target: { tabId: tab.id }, func: announcedFeeds, args: [FEED_TYPE] })
        .then((results) => results[0]?.result)
        .catch(() => undefined);
      // What the page sent back is the page's: only links with an address are kept.
      const announced = (Array.isArray(found) ? (found as unknown[]) : []).flatMap((link) =>
        link && typeof link === 'object' && typeof (link as { href?: unknown }).href === 'string'
          ? [link as { href: string; title?: unknown }]
          : [],
      );
      const subscribed = new Set(
        (await ask({ type: 'subscriptions' })).subscriptions.flatMap((s) => [s.url, s.movedTo]),
      );
      offerNames.value = offerTitles(announced);
      offers.value = feedOffers(
        announced.map((link) => link.href),
        subscribed,
      );
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }

  async function toggleFollow(feedId: string, commitmentId: string): Promise<void> {
    const feed = feeds.value.find((f) => f.feedId === feedId);
    if (!feed) return;
    const follow = !feed.followed.includes(commitmentId);
    await ask({ type: 'follow', feedId, commitmentId, follow });
    feeds.value = feeds.value.map((f) =>
      f.feedId !== feedId
        ? f
        : {
            ...f,
            followed: follow
              ? [...f.followed, commitmentId]
              : f.followed.filter((id) => id !== commitmentId),
          },
    );
  }

  /** Subscribes to an offered feed. Call from the click handler: it asks for the host first. */
  function subscribeOffer(url: string): Promise<void> {
    const origin = originOfUrl(url);
    const set = (state: OfferState): void => {
      offerStates.value = { ...offerStates.value, [url]: state };
    };
    if (!origin) return Promise.resolve();
    set('busy');
    return (
      browser.permissions
        .request({ origins: [origin] })
        .then(async (granted) => {
          if (!granted) return set({ error: 'permission' });
          const result = await ask({ type: 'subscribe', url });
          if (!result.ok) {
            const { reason, status, errors } = result;
            return set({ error: { reason, errors, ...(status !== undefined ? { status } : {}) } });
          }
          subscribedAs.value = {
            ...subscribedAs.value,
            [url]: { name: result.name, ...(result.already ? { already: true as const } : {}) },
          };
          const missing = result.missingOrigins;
          const allowed =
            missing.length === 0 ||
            (await browser.permissions.request({ origins: missing }).catch(() => false));
          await showNewFeed();
          set(allowed ? 'done' : { missing });
        })
        // The browser's or the background's reason (no answer, an error), said after the words.
        .catch((e: unknown) =>
          set({ error: {}, detail: e instanceof Error ? e.message : String(e) }),
        )
    );
  }

  /** Registers the content script for what was granted, and lists what the page now shows. */
  async function showNewFeed(): Promise<void> {
    await ask({ type: 'sync-registration' });
    // The new feed may name this page: list its commitments now.
    const tab = await currentTab();
    if (tab?.id !== undefined && tabUrl.value) await loadPage(tab.id, tabUrl.value);
  }

  /** Asks for the hosts a subscribed offer still misses. Call from the click handler. */
  function allowOffer(url: string, missing: string[]): Promise<void> {
    return browser.permissions
      .request({ origins: missing })
      .then(async (granted) => {
        if (!granted) return;
        await showNewFeed();
        offerStates.value = { ...offerStates.value, [url]: { missing, allowed: true } };
      })
      .catch(() => undefined);
  }

  /**
   * Shows the overlay again on the tab's site, and runs the content script in the tab again so
   * that the panel comes back without a reload (the running one stopped when it was hidden).
   */
  async function showHere(): Promise<void> {
    const tab = await currentTab();
    if (!tab?.id || !tabUrl.value) return;
    await showSite(new URL(tabUrl.value).origin);
    await browser.scripting
      .executeScript({ target: { tabId: tab.id }, files: [`/${CONTENT_SCRIPT_FILE}` as const] })
      .catch(() => undefined);
    hiddenHere.value = 'shown';
  }

  async function rememberQuestion(feedId: string, commitmentId: string): Promise<void> {
    if (tabUrl.value)
      await ask({ type: 'remember-question', feedId, commitmentId, url: tabUrl.value });
  }

  return {
    tabUrl,
    feeds,
    references,
    offers,
    offerNames,
    offerStates,
    subscribedAs,
    loading,
    error,
    hiddenHere,
    load,
    toggleFollow,
    subscribeOffer,
    allowOffer,
    showHere,
    rememberQuestion,
  };
}

/** The popup model's type. */
export type PopupModel = ReturnType<typeof createPopupModel>;
