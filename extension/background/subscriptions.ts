/**
 * Subscriptions: the bundled directory, seeded on install, and the feeds the person adds.
 * Adding validates the feed first: nothing that `parseFeed` refuses is ever stored.
 */
import { parsePattern, pickText, type Feed } from '../../shared/index.ts';
import { feedAddress, refreshFeed } from '../../shared/cache/index.ts';
import { bundledFeedId, directory, directoryEntry } from '../feeds/directory.ts';
import type { Responses, SubscriptionView } from '../messaging/protocol.ts';
import { missingOrigins, originOfUrl } from '../permissions/origins.ts';
import { announcedFeeds, isHtmlType } from '../feeds/announced-feed.ts';
import { namesOwnPages, usesPattern } from '../permissions/own-pages.ts';
import { db, type Subscription } from './db.ts';
import { bundledFeed, feedFetchNotingMoves, feedOf, feedStore } from './feeds.ts';
import { REFRESH_MINUTES } from './refresh.ts';
import { grantedOrigins } from './registration.ts';
import { uiLang } from '../i18n/messages.ts';

/** Adds the bundled feeds that are not there yet (a paused one stays paused). */
export async function seedDirectory(now: number): Promise<void> {
  const tx = (await db()).transaction('subscriptions', 'readwrite');
  for (const entry of directory) {
    const feedId = bundledFeedId(entry);
    if (await tx.store.get(feedId)) continue;
    await tx.store.put({
      feedId,
      ...(entry.feedUrl ? { url: entry.feedUrl } : {}),
      bundled: entry.id,
      paused: false,
      addedAt: now,
      failures: 0,
      nextRefreshAt: now,
    });
  }
  await tx.done;
}

type NamesPages = {
  site?: readonly string[];
  commitments: readonly { pages?: readonly string[] }[];
};

/** Every match pattern a feed names: its site and its commitments' pages. */
function allPatterns(feed: NamesPages): string[] {
  return [...(feed.site ?? []), ...feed.commitments.flatMap((c) => c.pages ?? [])];
}

/** Every match pattern a feed names that the extension uses: its site and its commitments' pages. */
export function feedPatterns(feed: NamesPages): string[] {
  return allPatterns(feed).filter(namesOwnPages);
}

/**
 * The patterns of a feed the extension leaves out because they name the sites of many owners
 * (`*://*.fr/*`), once each: the options page says so, as nothing is ever shown there.
 */
export function leftOutPatterns(feed: NamesPages): string[] {
  const unused = allPatterns(feed).filter((source) => {
    const pattern = parsePattern(source);
    return pattern !== null && !usesPattern(pattern);
  });
  return [...new Set(unused)];
}

/** `leftOut` for a view, only when the feed has any. */
function leftOut(feed: NamesPages | undefined): { leftOut?: string[] } {
  const patterns = feed ? leftOutPatterns(feed) : [];
  return patterns.length > 0 ? { leftOut: patterns } : {};
}

type Identity = {
  publisher: { id?: string | undefined; url?: string | undefined };
  plan?: { id?: string | undefined } | undefined;
  site?: readonly string[] | undefined;
};

/**
 * Whether two copies are the same plan of the same publisher shown on the same sites: the plan's
 * id, the publisher's id (else its address) and the `site` patterns alike. A bundled snapshot and
 * the publisher's live feed of it would otherwise list every commitment twice on those sites.
 */
export function samePlan(a: Identity, b: Identity): boolean {
  const publisher = (feed: Identity) => feed.publisher.id ?? feed.publisher.url;
  const sites = (feed: Identity) => [...(feed.site ?? [])].sort().join(' ');
  return (
    a.plan?.id !== undefined &&
    a.plan.id === b.plan?.id &&
    publisher(a) !== undefined &&
    publisher(a) === publisher(b) &&
    sites(a) === sites(b)
  );
}

/**
 * Whether the feed at `url` comes from the publisher of the bundled plan `feedId` (its `snapshot`):
 * at the live address its directory entry declares, or on the origin of the publisher's site as
 * the packaged copy gives it, never as the new copy claims it.
 */
function servedByPublisher(feedId: string, snapshot: Feed, url: string): boolean {
  const origin = (address: string | undefined) => {
    try {
      return address ? new URL(address).origin : undefined;
    } catch {
      return undefined;
    }
  };
  const declared = directoryEntry(feedId)?.feedUrl;
  const site = origin(snapshot.publisher.url);
  return (
    (declared !== undefined && feedAddress(declared) === url) || (!!site && site === origin(url))
  );
}

/** How much of a web page is read to find the feed it announces: its head comes first. */
const PAGE_READ_BYTES = 512 * 1024;

/** The first `max` bytes of a body as text, the rest left unread. */
async function readStart(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let read = 0;
  try {
    while (read < max) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return text;
}

/**
 * Downloads and validates the feed at `given`; stores it and subscribes only if it is a feed.
 * The answer names the errors with their JSON paths, and the hosts its pages need that are not
 * granted yet. A feed already followed at another address that redirects to this one, or that
 * this one redirects to, is not followed twice: the answer names the subscription it already has,
 * and says that it was one already unless it was paused (subscribing resumes it).
 *
 * A web page given instead (people paste the address of the site's page) is read for the feed it
 * announces (feed-v1 "Discovery"), which is subscribed to in its place, the answer saying so
 * (`found`); on a host not granted yet, the answer names it (`announced`) for the page to ask for
 * it first. `foundOn` is the page that announced `given`: a feed is looked for once, not again.
 */
export async function subscribe(
  given: string,
  now: number,
  foundOn?: string,
): Promise<Responses['subscribe']> {
  // One spelling per feed (the host's case, a fragment the server never sees), so that the same
  // feed is never followed, fetched and notified twice.
  const url = feedAddress(given);
  const noting = feedFetchNotingMoves();
  const store = await feedStore();
  // A web page's answer, kept aside unread, to look for the feed it announces if it is no feed.
  const held: { page?: { url: string; response: Response } } = {};
  const fetchKeepingPage: typeof noting.fetch = async (address, init) => {
    const response = await noting.fetch(address, init);
    if (!foundOn && response.ok && isHtmlType(response.headers.get('content-type'))) {
      held.page = { url: response.url || address, response: response.clone() };
    }
    return response;
  };
  const result = await refreshFeed(url, { fetch: fetchKeepingPage, store, now: () => Date.now() });
  if (result.kind === 'failed' && !result.entry) {
    const { page } = held;
    if (page) {
      return subscribeAnnounced(page.url, await readStart(page.response, PAGE_READ_BYTES), now);
    }
    const { message, errors = [], reason, status } = result.error;
    return { ok: false, message, errors, reason, ...(status !== undefined ? { status } : {}) };
  }
  void held.page?.response.body?.cancel().catch(() => undefined);
  const found = foundOn ? { found: url } : {};
  const entry = result.entry!;
  const movedTo = noting.movedTo();
  const database = await db();
  const subs = await database.getAll('subscriptions');
  // Another subscription to this feed: at an address it moved from or to, or a plan that comes
  // with the extension already following it here.
  const same = subs.find(
    (sub) =>
      sub.feedId !== url &&
      sub.url !== undefined &&
      (sub.url === url ||
        sub.url === movedTo ||
        sub.movedTo === url ||
        (movedTo && sub.movedTo === movedTo)),
  );
  // Subscribed and not paused already: said so, rather than "Subscribed" again.
  const already = (same ?? subs.find((sub) => sub.feedId === url))?.paused === false;
  // The live feed of a plan that comes with the extension: the bundled subscription follows it
  // from now on (its follows and questions kept), rather than a second one listing it again. Only
  // when the plan's publisher serves it: a copy on any other host, however alike, is a feed of its
  // own, or it would speak under the extension's name for that plan.
  const bundled =
    same || subs.some((sub) => sub.feedId === url)
      ? undefined
      : subs.find((sub) => {
          const snapshot = sub.bundled && !sub.url ? bundledFeed(sub.feedId) : undefined;
          return (
            snapshot !== undefined &&
            samePlan(snapshot, entry.feed) &&
            servedByPublisher(sub.feedId, snapshot, movedTo ?? url)
          );
        });
  if (bundled) {
    await database.put('subscriptions', {
      ...bundled,
      url,
      paused: false,
      failures: 0,
      nextRefreshAt: now + REFRESH_MINUTES * 60_000,
      ...(movedTo ? { movedTo } : {}),
    });
  } else if (same) {
    if (!subs.some((sub) => sub.url === url)) await store.delete(url);
    if (same.paused) await database.put('subscriptions', { ...same, paused: false });
  } else {
    const existing = subs.find((sub) => sub.feedId === url);
    await database.put('subscriptions', {
      feedId: url,
      url,
      paused: false,
      addedAt: existing?.addedAt ?? now,
      failures: 0,
      nextRefreshAt: now + REFRESH_MINUTES * 60_000,
      ...(movedTo ? { movedTo } : {}),
    });
  }
  const lang = uiLang();
  const kept = bundled ?? same;
  const entryOf = kept?.bundled ? directoryEntry(kept.feedId) : undefined;
  return {
    ok: true,
    feedId: bundled?.feedId ?? same?.feedId ?? url,
    name:
      entryOf?.name[lang] ??
      pickText(entry.feed.publisher.name, lang, entry.feed.languages)?.text ??
      url,
    warnings: entry.warnings,
    missingOrigins: missingOrigins(feedPatterns(entry.feed), await grantedOrigins()),
    ...leftOut(entry.feed),
    ...(already ? { already } : {}),
    ...found,
  };
}

/**
 * Subscribes to the feed the web page at `pageUrl` announces in `html`, when the host it is on
 * may be read; else names it, or says that the page announces none.
 */
async function subscribeAnnounced(
  pageUrl: string,
  html: string,
  now: number,
): Promise<Responses['subscribe']> {
  const [announced] = announcedFeeds(html, pageUrl);
  if (!announced) {
    const message = `${pageUrl} is a web page that announces no commitments feed`;
    return { ok: false, message, errors: [], reason: 'web-page' };
  }
  const origin = originOfUrl(announced);
  if (origin && missingOrigins([origin], await grantedOrigins()).length > 0) {
    const message = `${pageUrl} announces ${announced}, on a host not granted`;
    return { ok: false, message, errors: [], reason: 'web-page', announced };
  }
  return subscribe(announced, now, pageUrl);
}

/**
 * Removes a subscription and what was kept for it, its follows with it. The questions kept about
 * its commitments stay: they are the person's record of what they sent. A bundled feed is paused
 * instead.
 */
export async function unsubscribe(feedId: string): Promise<void> {
  const database = await db();
  const sub = await database.get('subscriptions', feedId);
  if (!sub) return;
  if (sub.bundled) {
    await database.put('subscriptions', { ...sub, paused: true });
    return;
  }
  const tx = database.transaction(['subscriptions', 'follows', 'baselines'], 'readwrite');
  await tx.objectStore('subscriptions').delete(feedId);
  await tx.objectStore('baselines').delete(feedId);
  const follows = tx.objectStore('follows');
  for (const key of await follows.index('byFeed').getAllKeys(feedId)) await follows.delete(key);
  await tx.done;
  if (sub.url) await (await feedStore()).delete(sub.url);
}

/** Pauses or resumes a subscription. */
export async function setPaused(feedId: string, paused: boolean): Promise<void> {
  const database = await db();
  const sub = await database.get('subscriptions', feedId);
  if (sub) await database.put('subscriptions', { ...sub, paused });
}

/**
 * The subscriptions as the options page lists them, with their health, and how many of their
 * commitments the person follows or keeps a question about (what removing one would touch).
 */
export async function listSubscriptions(): Promise<SubscriptionView[]> {
  const database = await db();
  const subs: Subscription[] = await database.getAll('subscriptions');
  const follows = await database.getAll('follows');
  const questions = await database.getAll('questions');
  const grants = await grantedOrigins();
  const lang = uiLang();
  const views: SubscriptionView[] = [];
  for (const sub of subs) {
    const stored = sub.url ? await (await feedStore()).get(sub.url) : undefined;
    const feed = await feedOf(sub);
    const entry = sub.bundled ? directoryEntry(sub.feedId) : undefined;
    // The directory's names are the extension's own, in the browser's language.
    const name = entry || !feed ? undefined : pickText(feed.publisher.name, lang, feed.languages);
    // Those My commitments lists: a followed commitment missing from the copy is not there.
    const listed = new Set(feed?.commitments.map((c) => c.id));
    const followed = follows.filter(
      (f) => f.feedId === sub.feedId && listed.has(f.commitmentId),
    ).length;
    // One per commitment, as My commitments lists them.
    const asked = new Set(
      questions.filter((q) => q.feedId === sub.feedId).map((q) => q.commitmentId),
    ).size;
    views.push({
      feedId: sub.feedId,
      ...(sub.url ? { url: sub.url } : {}),
      ...(sub.bundled ? { bundled: sub.bundled } : {}),
      ...(entry?.fictional ? { fictional: true } : {}),
      name: entry ? entry.name[lang] : feed ? name?.text : sub.url,
      ...(name?.lang ? { nameLang: name.lang } : {}),
      paused: sub.paused,
      ...(sub.movedTo ? { movedTo: sub.movedTo } : {}),
      ...(feed ? { commitments: feed.commitments.length } : {}),
      ...(stored ? { checkedAt: stored.checkedAt } : {}),
      ...(stored?.lastError ? { lastError: stored.lastError } : {}),
      missingOrigins: feed ? missingOrigins(feedPatterns(feed), grants) : [],
      ...leftOut(feed),
      ...(followed > 0 ? { followed } : {}),
      ...(asked > 0 ? { questions: asked } : {}),
    });
  }
  // By name as a person reads it, in their language ("Commune 2" before "Commune 10"), the plans
  // that come with the extension after those the person chose.
  const collator = new Intl.Collator(lang, { numeric: true });
  return views.sort(
    (a, b) =>
      Number(Boolean(a.bundled)) - Number(Boolean(b.bundled)) ||
      collator.compare(a.name ?? a.feedId, b.name ?? b.feedId),
  );
}
