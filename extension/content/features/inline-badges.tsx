/**
 * Inline badges: a status badge after every link to a commitment's `url` and at the end of every
 * element marked `data-commitment="ID"`, each in its own open shadow root so that the page's
 * styles neither leak in nor out. One badge per commitment per place: a link inside an element
 * marked for the same commitment, or the same link again with nothing readable in between, adds
 * none. A page with thousands of such links gets its badges in slices that give the main thread
 * back, those in view first, so that it stays responsive meanwhile. All removed on abort.
 */
import { render } from 'preact';
import { InlineBadge } from '../../components/InlineBadge.tsx';
import { commitmentRow } from '../../state/commitment-row.ts';
import css from '../../styles/commitments.css?inline';
import { badgeSpot, nothingBetween, type BadgeSpot } from '../badge-spot.ts';
import type { Feature } from '../feature.ts';
import { referenceFinder, type Reference } from '../page-references.ts';
import { OVERLAY_TAG } from './overlay.tsx';

/** The host element of one badge. */
export const BADGE_TAG = 'open-commitments-badge';

/** How long the page must stay quiet before added content is scanned. */
const RESCAN_DELAY_MS = 400;

/**
 * The longest added content waits for its scan on a page that is never quiet for that long (a
 * clock, a ticker or a carousel redrawn every few hundred milliseconds).
 */
const RESCAN_MAX_DELAY_MS = 1500;

/**
 * The longest the badges take the main thread at once before giving it back, ms. A macrotask
 * follows each slice (not `scheduler.yield()`, whose continuation comes before the browser's
 * rendering): the page draws what it has between two slices and stays responsive.
 */
const SLICE_MS = 12;

/**
 * The most badges put in at once: the browser then lays out and draws what a slice added, in a
 * task of its own that grows with it. 12 ms of script put in several hundred badges, and laying
 * them out took 55 to 75 ms; 50 keep it near 25 to 45 ms.
 */
const SLICE_BADGES = 50;

const ownHost = (node: Element) => node.localName === BADGE_TAG || node.localName === OVERLAY_TAG;

/** The inline badges feature. */
export const feature: Feature = {
  id: 'inline-badges',
  appliesTo: (page) => page.feeds.length > 0,
  init(signal, page) {
    if (signal.aborted) return;
    for (const stale of document.querySelectorAll(BADGE_TAG)) stale.remove();
    // The host's own line takes no height (the shared sheet gives `:host` the panel's line
    // height): the badge sits in the page's line without making it taller, so that the page does
    // not shift as badges come. Word joiners on either side, in a host whose own lines do not wrap
    // (elsewhere Chromium breaks beside an inline-block even after a word joiner), keep the badge
    // on the line of the word before it (a link's last) and of the punctuation after it; the
    // badge's own words still wrap.
    const styles = `:host{all:initial;display:inline;white-space:nowrap}\n${css}\n:host{line-height:0}`;
    const find = referenceFinder(page.feeds);
    const hosts = new Set<Element>();
    // The host of each badged element (one host for the same link twice in a row), so that an
    // element whose `href` or mark the page changes loses its badge, now wrong, at once.
    const hostOf = new Map<Element, Element>();
    // Elements already seen (waiting for their badge, badged or deduplicated), so that a rescan
    // skips them, each with the reference it was found with: one the page has since pointed
    // elsewhere while it waited is no longer badged.
    const seen = new WeakMap<Element, Reference>();
    // Per commitment, the elements that have its badge: nothing inside or around them gets another.
    const badgedBy = new Map<string, Element[]>();
    let lastLink: { key: string; element: Element; host: Element } | undefined;

    const insert = (host: Element, spot: BadgeSpot) => spot.parent.insertBefore(host, spot.before);

    const createHost = (ref: Reference): Element => {
      const host = document.createElement(BADGE_TAG);
      host.setAttribute('data-commitment-id', ref.commitment.id);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = styles;
      const mount = document.createElement('span');
      shadow.append(style, '\u2060', mount, '\u2060');
      render(
        <InlineBadge
          row={commitmentRow(ref.feed.feed, ref.commitment, page.lang, page.today)}
          lang={page.lang}
        />,
        mount,
      );
      return host;
    };

    const badge = (ref: Badged) => {
      if (seen.get(ref.element) !== ref) return;
      const key = keyOf(ref);
      const others = badgedBy.get(key) ?? [];
      const overlaps = others.some(
        (e) => e.isConnected && (e.contains(ref.element) || ref.element.contains(e)),
      );
      if (overlaps) return;
      const spot = badgeSpot(ref.element, ref.kind);
      if (!spot) return;
      if (
        ref.kind === 'link' &&
        lastLink?.key === key &&
        lastLink.host.isConnected &&
        lastLink.element.isConnected &&
        nothingBetween(lastLink.element, ref.element, ownHost)
      ) {
        // The same link again, right after: its one badge moves after the last of the two.
        insert(lastLink.host, spot);
        lastLink.element = ref.element;
        hostOf.set(ref.element, lastLink.host);
      } else {
        const host = createHost(ref);
        insert(host, spot);
        hosts.add(host);
        hostOf.set(ref.element, host);
        lastLink = ref.kind === 'link' ? { key, element: ref.element, host } : undefined;
      }
      badgedBy.set(key, [...others, ref.element]);
    };

    const removeHost = (host: Element) => {
      const mount = host.shadowRoot?.lastElementChild;
      if (mount) render(null, mount);
      host.remove();
      hosts.delete(host);
    };

    const skip = (e: Element) => seen.has(e);
    // References waiting for their badge, in the order they get them, and the next one's index.
    let queue: Badged[] = [];
    let next = 0;
    let draining = false;
    // Badges the queue, a slice at a time; resolves at once when it is already being badged.
    const enqueue = async (refs: Reference[]) => {
      for (const ref of refs) {
        seen.set(ref.element, ref);
        // What the page's own widget shows has its status there already: no badge of ours on it,
        // nor inside or around it (a block marked for the commitment that holds the widget).
        if (ref.kind !== 'shown') queue.push(ref as Badged);
        else badgedBy.set(keyOf(ref), [...(badgedBy.get(keyOf(ref)) ?? []), ref.element]);
      }
      if (draining) return;
      draining = true;
      while (next < queue.length && !signal.aborted) {
        const end = performance.now() + SLICE_MS;
        const last = next + SLICE_BADGES;
        while (next < last && next < queue.length && performance.now() < end) badge(queue[next++]!);
        if (next < queue.length) await new Promise((resolve) => setTimeout(resolve));
      }
      queue = [];
      next = 0;
      draining = false;
    };
    const initial = find(document, skip);
    // Those in view or below first: a page opened scrolled (at an anchor, or reloaded) gets the
    // badges it shows without waiting for those above; the links of a pair that reads as one
    // (the same link twice in a row) are never split.
    let first = Math.max(
      0,
      initial.findIndex((ref) => ref.element.getBoundingClientRect().bottom > 0),
    );
    while (first > 0 && first < initial.length && sameLink(initial[first - 1]!, initial[first]!)) {
      first += 1;
    }
    const done = enqueue([...initial.slice(first), ...initial.slice(0, first)]);

    // Content a page adds later (late rendering, "load more") gets its badges too: once the page
    // has been quiet for a moment, or at the latest a little later on a page that never is, only
    // what was added is scanned, in one pass per batch. The extension's own hosts are ignored
    // (their content is in shadow roots, which this does not observe).
    const added = new Set<Element>();
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let latest: ReturnType<typeof setTimeout> | undefined;
    const cancelScan = () => {
      clearTimeout(quiet);
      clearTimeout(latest);
      quiet = latest = undefined;
    };
    // An element the page points elsewhere (a list redrawn in place for its next page): its badge
    // goes, with that of a link sharing it, and they are scanned again like added content. One
    // never seen named no commitment, and has nothing to take away.
    const forget = (element: Element) => {
      added.add(element);
      if (!seen.delete(element)) return;
      for (const [key, elements] of badgedBy) {
        badgedBy.set(
          key,
          elements.filter((e) => e !== element),
        );
      }
      const host = hostOf.get(element);
      hostOf.delete(element);
      if (!host) return;
      removeHost(host);
      if (lastLink?.host === host) lastLink = undefined;
      for (const [other, shared] of hostOf) if (shared === host) forget(other);
    };
    const scanAdded = () => {
      cancelScan();
      const underAdded = (e: Element) => {
        for (let p = e.parentElement; p; p = p.parentElement) if (added.has(p)) return true;
        return false;
      };
      for (const root of added) {
        if (root.isConnected && !underAdded(root)) void enqueue(find(root, skip));
      }
      added.clear();
    };
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        // A page that sets the same value again (some frameworks do on every render) changes
        // nothing: its badge stays rather than blinking.
        if (
          record.type === 'attributes' &&
          !ownHost(target) &&
          record.oldValue !== target.getAttribute(record.attributeName!)
        ) {
          forget(target);
        }
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && !ownHost(node as Element)) {
            added.add(node as Element);
          }
        }
      }
      if (added.size === 0) return;
      clearTimeout(quiet);
      quiet = setTimeout(scanAdded, RESCAN_DELAY_MS);
      latest ??= setTimeout(scanAdded, RESCAN_MAX_DELAY_MS);
    });
    observer.observe(document.body ?? document.documentElement, {
      childList: true,
      subtree: true,
      attributeFilter: ['href', 'data-commitment'],
      attributeOldValue: true,
    });

    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        cancelScan();
        added.clear();
        for (const host of hosts) removeHost(host);
        hostOf.clear();
        badgedBy.clear();
      },
      { once: true },
    );
    return done;
  },
};

/** A reference that gets a badge of ours: a link or a marked element. */
type Badged = Reference & { kind: 'link' | 'marked' };

/** One commitment of one feed, as the badges keep count of them. */
const keyOf = (ref: Reference) => `${ref.feed.feedId}#${ref.commitment.id}`;

/** Whether two references are the same commitment's link, one right after the other. */
function sameLink(a: Reference, b: Reference): boolean {
  return (
    a.kind === 'link' &&
    b.kind === 'link' &&
    a.commitment === b.commitment &&
    nothingBetween(a.element, b.element, ownHost)
  );
}
