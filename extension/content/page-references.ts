/**
 * Commitments a page points at by itself: links to a commitment's `url`, and elements marked
 * `data-commitment="ID"`. Used by the overlay (to list them on a site page) and by inline badges.
 */
import type { Commitment } from '../../shared/index.ts';
import type { PageFeed } from '../messaging/protocol.ts';

/** One place in the page that refers to a commitment. */
export interface Reference {
  readonly element: Element;
  readonly kind: 'link' | 'marked';
  readonly feed: PageFeed;
  readonly commitment: Commitment;
}

/** Finds references under a root (the root included); see {@link referenceFinder}. */
export type FindReferences = (root: ParentNode, skip?: (e: Element) => boolean) => Reference[];

const SELECTOR = 'a[href], [data-commitment]';

/** A URL compared without its fragment and trailing slash. */
export function comparableUrl(url: string, base?: string): string | undefined {
  try {
    const u = new URL(url, base);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    u.hash = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/**
 * A finder for the commitments of `feeds`, their lookup tables built once: the inline badges
 * scan every batch of content a page adds, and rebuilding the tables each time would cost more
 * than the scan.
 */
export function referenceFinder(feeds: readonly PageFeed[]): FindReferences {
  const byUrl = new Map<string, { feed: PageFeed; commitment: Commitment }>();
  const byId = new Map<string, { feed: PageFeed; commitment: Commitment }>();
  for (const feed of feeds) {
    for (const commitment of feed.feed.commitments) {
      const url = commitment.url && comparableUrl(commitment.url);
      if (url && !byUrl.has(url)) byUrl.set(url, { feed, commitment });
      if (!byId.has(commitment.id)) byId.set(commitment.id, { feed, commitment });
    }
  }
  return (root, skip) => {
    const out: Reference[] = [];
    const base = document.baseURI;
    const visit = (element: Element) => {
      if (skip?.(element)) return;
      const marked = element.getAttribute('data-commitment');
      if (marked !== null) {
        const hit = byId.get(marked.trim());
        if (hit) out.push({ element, kind: 'marked', ...hit });
        return;
      }
      const href = element.getAttribute('href');
      const url = href && comparableUrl(href, base);
      const hit = url ? byUrl.get(url) : undefined;
      if (hit) out.push({ element, kind: 'link', ...hit });
    };
    if (root.nodeType === Node.ELEMENT_NODE && (root as Element).matches(SELECTOR)) {
      visit(root as Element);
    }
    for (const element of root.querySelectorAll(SELECTOR)) visit(element);
    return out;
  };
}

/** Every reference to a commitment of `feeds` in `root`, in document order, skipping `skip`. */
export function findReferences(
  root: ParentNode,
  feeds: readonly PageFeed[],
  skip?: (e: Element) => boolean,
): Reference[] {
  return referenceFinder(feeds)(root, skip);
}
