/**
 * Which feeds the popup offers to subscribe to, of those the page announces. The page is any web
 * site, so it decides nothing on its own: only http(s) addresses not followed yet, each once, and
 * the first few only, so that a page cannot fill the popup with offers.
 */
import { feedAddress } from '../../shared/cache/feed-address.ts';
import { originOfUrl } from '../permissions/origins.ts';

/** The most feeds offered from one page; official sites announce one, rarely two. */
export const MAX_OFFERS = 3;

/** The announced feeds worth offering, in the page's order. */
export function feedOffers(
  announced: readonly string[],
  subscribed: Iterable<string | undefined>,
): string[] {
  const followed = new Set<string>();
  for (const url of subscribed) if (url && originOfUrl(url)) followed.add(feedAddress(url));
  const offers = new Set<string>();
  for (const url of announced) {
    if (originOfUrl(url) === undefined) continue;
    const address = feedAddress(url);
    if (!followed.has(address)) offers.add(address);
  }
  return [...offers].slice(0, MAX_OFFERS);
}
