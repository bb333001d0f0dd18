/**
 * The background's message handler: validates every request (`acceptRequest`), checks who sent
 * it, and dispatches. The tab URL a content script or the popup sends is matched here, in the
 * browser, and goes nowhere else.
 */
import { browser } from 'wxt/browser';
import type { PageFeed, Reply, Request, Responses, Sender } from '../messaging/protocol.ts';
import { acceptRequest } from '../messaging/protocol.ts';
import { grantCovers, originOfUrl } from '../permissions/origins.ts';
import { db } from './db.ts';
import { pageIndex, subscribedFeeds } from './feeds.ts';
import { followedSlices, setFollowed } from './follows.ts';
import { deleteQuestion, listQuestions, rememberQuestion } from './questions.ts';
import { refreshDue } from './refresh.ts';
import { grantedOrigins, syncRegistration } from './registration.ts';
import { listSubscriptions, setPaused, subscribe, unsubscribe } from './subscriptions.ts';

/**
 * The feeds and commitments that name `url`, with what the person follows; with `paused`, paused
 * subscriptions' too, marked as paused.
 */
export async function pageMatches(
  url: string,
  options: { paused?: boolean } = {},
): Promise<PageFeed[]> {
  const { index, feeds, used } = await pageIndex(options);
  const follows = await (await db()).getAll('follows');
  const out: PageFeed[] = [];
  for (const match of index.match(url)) {
    const feed = feeds.get(match.feedId);
    if (!feed) continue;
    const ids = new Set(match.commitmentIds);
    const stale = used.get(match.feedId)?.stale;
    out.push({
      ...(stale ? { stale } : {}),
      ...(used.get(match.feedId)?.paused ? { paused: true } : {}),
      feedId: match.feedId,
      feed: {
        ...feed,
        commitments: match.site ? feed.commitments : feed.commitments.filter((c) => ids.has(c.id)),
      },
      pageCommitmentIds: match.commitmentIds,
      site: match.site,
      followed: follows.filter((f) => f.feedId === match.feedId).map((f) => f.commitmentId),
    });
  }
  return out;
}

async function dispatch(request: Request): Promise<Responses[Request['type']]> {
  const now = Date.now();
  switch (request.type) {
    case 'page-matches':
      return { feeds: await pageMatches(request.url, { paused: request.paused ?? false }) };
    case 'remember-question': {
      // Only a commitment of the page it names, or, from "My commitments", one the person
      // follows in a feed they subscribe to: never whatever the message says.
      const slices =
        request.url === undefined
          ? await followedSlices()
          : await pageMatches(request.url, { paused: true });
      const slice = slices.find((f) => f.feedId === request.feedId);
      const commitment = slice?.feed.commitments.find((c) => c.id === request.commitmentId);
      if (!slice || !commitment) {
        throw new Error(
          `${request.commitmentId} is ${request.url === undefined ? 'not followed' : 'not on this page'}`,
        );
      }
      return {
        question: await rememberQuestion(slice.feedId, slice.feed, commitment, new Date(now)),
      };
    }
    case 'subscribe': {
      const result = await subscribe(request.url, now, request.foundOn);
      if (result.ok) await syncRegistration();
      return result;
    }
    case 'unsubscribe':
      await unsubscribe(request.feedId);
      await syncRegistration();
      return { done: true };
    case 'set-paused':
      await setPaused(request.feedId, request.paused);
      // A feed resumed after its time is downloaded now, not at the next alarm.
      if (!request.paused) await refreshDue(now, { feedId: request.feedId });
      await syncRegistration();
      return { done: true };
    case 'subscriptions':
      return { subscriptions: await listSubscriptions() };
    case 'refresh':
      return {
        refreshed: await refreshDue(now, {
          force: true,
          ...(request.feedId !== undefined ? { feedId: request.feedId } : {}),
        }),
      };
    case 'sync-registration':
      return { patterns: await syncRegistration() };
    case 'follow':
      return { followed: await setFollowed(request.feedId, request.commitmentId, request.follow) };
    case 'dashboard': {
      // Both lists are found in the same copies: each read once (a feed may weigh megabytes).
      const feeds = await subscribedFeeds({ paused: true });
      // A record made before changes kept their publisher's name takes it from the feed's copy.
      const publishers = new Map(feeds.map((f) => [f.feedId, f.feed.publisher.name]));
      // Every change kept (at most `MAX_CHANGES`), newest first: a plan revised as a whole
      // changes each followed commitment at once, and none of them may go unlisted. One refresh
      // records its changes at the same millisecond: the last recorded (highest id) comes first.
      const changes = (await (await db()).getAll('changes'))
        .sort((a, b) => b.at - a.at || b.id! - a.id!)
        .map(({ notified: _n, ...c }) => {
          const publisher = c.publisher ?? publishers.get(c.feedId);
          return { ...c, id: c.id!, ...(publisher !== undefined ? { publisher } : {}) };
        });
      return {
        followed: await followedSlices(feeds),
        changes,
        questions: await listQuestions(feeds),
      };
    }
    case 'delete-question':
      await deleteQuestion(request.id);
      return { done: true };
  }
}

/** Whether a host permission granted now covers `url`. */
async function allowed(url: string): Promise<boolean> {
  const origin = originOfUrl(url);
  return origin !== undefined && (await grantedOrigins()).some((g) => grantCovers(g, origin));
}

/** Validates, authorises and answers one message. Never throws: errors become a refusal. */
export async function handleMessage(raw: unknown, sender: Sender): Promise<Reply<unknown>> {
  const accepted = acceptRequest(raw, sender, {
    id: browser.runtime.id,
    origin: browser.runtime.getURL('/'),
  });
  if (!accepted.ok) return { ok: false, error: accepted.error };
  const { request } = accepted;
  try {
    // A content script is shown nothing on a page of a site the person no longer allows (one it
    // was running on when its permission was removed), and so takes everything away.
    if (
      request.type === 'page-matches' &&
      !sender.url?.startsWith(browser.runtime.getURL('/')) &&
      !(await allowed(request.url))
    ) {
      return { ok: true, value: { feeds: [] } };
    }
    return { ok: true, value: await dispatch(request) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
