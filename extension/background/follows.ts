/**
 * Commitments the person follows, and the slices of feeds the popup and dashboard show for them.
 */
import { db } from './db.ts';
import { subscribedFeeds, type SubscribedFeed } from './feeds.ts';
import { recordChanges } from './changes.ts';
import type { FollowedSlice } from '../messaging/protocol.ts';

/**
 * Follows or unfollows one commitment; a first follow also sets the feed's diff baseline. A feed
 * no longer subscribed to (removed from the feeds page while the popup was open) is refused:
 * its follow would be listed nowhere, and come back unasked if the feed were added again.
 */
export async function setFollowed(
  feedId: string,
  commitmentId: string,
  follow: boolean,
): Promise<boolean> {
  const database = await db();
  if (!follow) {
    await database.delete('follows', [feedId, commitmentId]);
    return false;
  }
  const sub = await database.get('subscriptions', feedId);
  if (!sub) throw new Error(`${feedId} is not subscribed to`);
  await database.put('follows', { feedId, commitmentId, since: Date.now() });
  if (sub.url) await recordChanges(feedId, sub.url);
  return true;
}

/**
 * The followed commitments, grouped by feed, as they stand in the current copies. A paused feed's
 * follows are kept and listed, marked as paused: pausing stops refreshes and the overlay, not the
 * person's list. `feeds`, the subscribed feeds paused ones included, when already read.
 */
export async function followedSlices(feeds?: readonly SubscribedFeed[]): Promise<FollowedSlice[]> {
  const follows = await (await db()).getAll('follows');
  const slices: FollowedSlice[] = [];
  for (const { feedId, feed, paused, stale } of feeds ??
    (await subscribedFeeds({ paused: true }))) {
    const ids = new Set(follows.filter((f) => f.feedId === feedId).map((f) => f.commitmentId));
    if (ids.size === 0) continue;
    slices.push({
      feedId,
      feed: { ...feed, commitments: feed.commitments.filter((c) => ids.has(c.id)) },
      paused,
      ...(stale ? { stale } : {}),
    });
  }
  return slices;
}
