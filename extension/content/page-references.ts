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

/** What an element of the page points at: its `data-commitment` mark, else its `href`. */
export interface Pointer {
  readonly marked: string | null;
  readonly href: string | null;
}

/** A pointer matched to a commitment. */
export type PointerMatch = Omit<Reference, 'element'>;

/**
 * A matcher from pointers to the commitments of `feeds`, its lookup tables built once. The
 * content script reads pointers from elements; the popup reads them from the tab with
 * `scripting.executeScript`; both match them here, so that they find the same commitments.
 */
export function pointerMatcher(
  feeds: readonly PageFeed[],
): (pointer: Pointer, base: string) => PointerMatch | undefined {
  const byUrl = new Map<string, { feed: PageFeed; commitment: Commitment }>();
  const byId = new Map<string, { feed: PageFeed; commitment: Commitment }>();
  for (const feed of feeds) {
    for (const commitment of feed.feed.commitments) {
      const url = commitment.url && comparableUrl(commitment.url);
      if (url && !byUrl.has(url)) byUrl.set(url, { feed, commitment });
      if (!byId.has(commitment.id)) byId.set(commitment.id, { feed, commitment });
    }
  }
  return ({ marked, href }, base) => {
    if (marked !== null) {
      const hit = byId.get(marked.trim());
      return hit && { kind: 'marked', ...hit };
    }
    const url = href && comparableUrl(href, base);
    const hit = url ? byUrl.get(url) : undefined;
    return hit && { kind: 'link', ...hit };
  };
}

/** The pointers of a document, in document order (runs in the tab for the popup). */
export function documentPointers(selector: string): { base: string; pointers: Pointer[] } {
  return {
    base: document.baseURI,
    pointers: Array.from(document.querySelectorAll(selector), (element) => ({
      marked: element.getAttribute('data-commitment'),
      href: element.getAttribute('href'),
    })),
  };
}

/** The elements that may point at a commitment. */
export const POINTER_SELECTOR = SELECTOR;

/**
 * A finder for the commitments of `feeds`, their lookup tables built once: the inline badges
 * scan every batch of content a page adds, and rebuilding the tables each time would cost more
 * than the scan.
 */
export function referenceFinder(feeds: readonly PageFeed[]): FindReferences {
  const match = pointerMatcher(feeds);
  return (root, skip) => {
    const out: Reference[] = [];
    const base = document.baseURI;
    const visit = (element: Element) => {
      if (skip?.(element)) return;
      const pointer = {
        marked: element.getAttribute('data-commitment'),
        href: element.getAttribute('href'),
      };
      const hit = match(pointer, base);
      if (hit) out.push({ element, ...hit });
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
