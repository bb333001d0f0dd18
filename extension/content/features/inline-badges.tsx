/**
 * Inline badges: a status badge after every link to a commitment's `url` and inside every element
 * marked `data-commitment="ID"`, each in its own open shadow root so that the page's styles
 * neither leak in nor out. All removed on abort.
 */
import { render } from 'preact';
import { InlineBadge } from '../../components/InlineBadge.tsx';
import { commitmentRow } from '../../state/commitment-row.ts';
import css from '../../styles/commitments.css?inline';
import type { Feature } from '../feature.ts';
import { findReferences } from '../page-references.ts';
import { OVERLAY_TAG } from './overlay.tsx';

/** The host element of one badge. */
export const BADGE_TAG = 'open-commitments-badge';

/** How long the page must stay quiet before added content is scanned again. */
const RESCAN_DELAY_MS = 400;

/** The inline badges feature. */
export const feature: Feature = {
  id: 'inline-badges',
  appliesTo: (page) => page.feeds.length > 0,
  init(signal, page) {
    for (const stale of document.querySelectorAll(BADGE_TAG)) stale.remove();
    const styles = `:host{all:initial;display:inline}\n${css}`;
    const hosts: Element[] = [];
    const badged = new WeakSet<Element>();
    const skip = (e: Element) =>
      badged.has(e) || e.closest(`${OVERLAY_TAG}, ${BADGE_TAG}`) !== null;

    const scan = () => {
      for (const ref of findReferences(document, page.feeds, skip)) {
        const host = document.createElement(BADGE_TAG);
        host.setAttribute('data-commitment-id', ref.commitment.id);
        const shadow = host.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = styles;
        shadow.append(style);
        const mount = document.createElement('span');
        shadow.append(mount);
        render(
          <InlineBadge
            row={commitmentRow(ref.feed.feed, ref.commitment, page.lang, page.today)}
            lang={page.lang}
          />,
          mount,
        );
        if (ref.kind === 'link') ref.element.after(host);
        else ref.element.append(host);
        badged.add(ref.element);
        hosts.push(host);
      }
    };
    scan();

    // Pages that render late (or load more) get their badges too: scan again once the page
    // has been quiet for a moment, ignoring the badges' own insertion.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver((records) => {
      const added = records.some((r) =>
        [...r.addedNodes].some((n) => n instanceof Element && n.localName !== BADGE_TAG),
      );
      if (!added) return;
      clearTimeout(timer);
      timer = setTimeout(scan, RESCAN_DELAY_MS);
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });

    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        clearTimeout(timer);
        for (const host of hosts) {
          const mount = host.shadowRoot?.lastElementChild;
          if (mount) render(null, mount);
          host.remove();
        }
      },
      { once: true },
    );
  },
};
