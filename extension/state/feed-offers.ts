/**
 * Which feeds the popup offers to subscribe to, of those the page announces. The page is any web
 * site, so it decides nothing on its own: only http(s) addresses not followed yet, each once, and
 * the first few only, so that a page cannot fill the popup with offers.
 */
import { originOfUrl } from '../permissions/origins.ts';

/** The most feeds offered from one page; official sites announce one, rarely two. */
export const MAX_OFFERS = 3;

/** The announced feeds worth offering, in the page's order. */
export function feedOffers(
  announced: readonly string[],
  subscribed: ReadonlySet<string | undefined>,
): string[] {
  return [...new Set(announced)]
    .filter((url) => originOfUrl(url) !== undefined && !subscribed.has(url))
    .slice(0, MAX_OFFERS);
}
