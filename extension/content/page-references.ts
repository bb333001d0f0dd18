/**
 * Commitments a page points at by itself: links to a commitment's `url`, elements marked
 * `data-commitment="ID"`, and the commitments its own Open Commitments widget shows (a badge, or
 * a dashboard of one commitment or of its whole plan). Used by the overlay (to list them on a
 * site page) and by inline badges (which add none where the page's widget shows the status).
 */
import type { Commitment } from '../../shared/index.ts';
import type { PageFeed } from '../messaging/protocol.ts';

/** One place in the page that refers to a commitment. */
export interface Reference {
  readonly element: Element;
  /** `shown`: the page's own widget shows it (`<open-commitment-badge>`, `<open-commitments>`). */
  readonly kind: 'link' | 'marked' | 'shown';
  readonly feed: PageFeed;
  readonly commitment: Commitment;
}

/** Finds references under a root (the root included); see {@link referenceFinder}. */
export type FindReferences = (root: ParentNode, skip?: (e: Element) => boolean) => Reference[];

const SELECTOR = 'a[href], [data-commitment], open-commitment-badge, open-commitments';

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
 * What an element of the page points at: for the page's widget, the commitment it shows (`shows`,
 * `''` for a dashboard of the whole plan, null for a badge naming none) in the feed at `src`;
 * else its `data-commitment` mark, else its `href`.
 */
export interface Pointer {
  readonly marked: string | null;
  readonly href: string | null;
  readonly shows?: string | null;
  readonly src?: string | null;
}

/** A pointer matched to a commitment. */
export type PointerMatch = Omit<Reference, 'element'>;

/**
 * A matcher from pointers to the commitments of `feeds`, its lookup tables built once. The
 * content script reads pointers from elements; the popup reads them from the tab with
 * `scripting.executeScript`; both match them here, so that they find the same commitments. A
 * pointer matches one commitment, none, or for a dashboard of a whole plan every commitment the
 * extension has of that feed.
 */
export function pointerMatcher(
  feeds: readonly PageFeed[],
): (pointer: Pointer, base: string) => PointerMatch[] {
  const byUrl = new Map<string, { feed: PageFeed; commitment: Commitment }>();
  const byId = new Map<string, { feed: PageFeed; commitment: Commitment }>();
  const bySrc = new Map<string, PageFeed>();
  for (const feed of feeds) {
    const src = comparableUrl(feed.feedId);
    if (src && !bySrc.has(src)) bySrc.set(src, feed);
    for (const commitment of feed.feed.commitments) {
      const url = commitment.url && comparableUrl(commitment.url);
      if (url && !byUrl.has(url)) byUrl.set(url, { feed, commitment });
      if (!byId.has(commitment.id)) byId.set(commitment.id, { feed, commitment });
    }
  }
  return ({ marked, href, shows, src }, base) => {
    if (shows !== undefined) {
      // The page's widget: the feed it reads, when the person subscribes to it at that address.
      const feed = bySrc.get(src ? (comparableUrl(src, base) ?? '') : '');
      const id = shows?.trim();
      if (id === undefined) return [];
      if (!id) {
        return feed
          ? feed.feed.commitments.map((commitment) => ({ kind: 'shown', feed, commitment }))
          : [];
      }
      const commitment = feed?.feed.commitments.find((c) => c.id === id);
      const hit = feed && commitment ? { feed, commitment } : byId.get(id);
      return hit ? [{ kind: 'shown', ...hit }] : [];
    }
    if (marked !== null) {
      const hit = byId.get(marked.trim());
      return hit ? [{ kind: 'marked', ...hit }] : [];
    }
    const url = href && comparableUrl(href, base);
    const hit = url ? byUrl.get(url) : undefined;
    return hit ? [{ kind: 'link', ...hit }] : [];
  };
}

/**
 * What one element points at. The widget's tags are those of `widget/`, read by name: the
 * extension never imports the widget. `documentPointers` repeats this, as it runs in the tab on
 * its own; a test checks that both read the same.
 */
function pointerOf(element: Element): Pointer {
  const name = element.localName;
  const widget = name === 'open-commitments' || name === 'open-commitment-badge';
  return {
    marked: element.getAttribute('data-commitment'),
    href: element.getAttribute('href'),
    ...(widget && {
      shows: element.getAttribute('commitment') ?? (name === 'open-commitments' ? '' : null),
      src: element.getAttribute('src'),
    }),
  };
}

/**
 * The pointers of a document, in document order: run in the tab for the popup, serialised on its
 * own, so that it reads each element as `pointerOf` does without calling it.
 */
export function documentPointers(selector: string): { base: string; pointers: Pointer[] } {
  return {
    base: document.baseURI,
    pointers: Array.from(document.querySelectorAll(selector), (element) => {
      const name = element.localName;
      const widget = name === 'open-commitments' || name === 'open-commitment-badge';
      return {
        marked: element.getAttribute('data-commitment'),
        href: element.getAttribute('href'),
        ...(widget && {
          shows: element.getAttribute('commitment') ?? (name === 'open-commitments' ? '' : null),
          src: element.getAttribute('src'),
        }),
      };
    }),
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
      for (const hit of match(pointerOf(element), base)) out.push({ element, ...hit });
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
