/**
 * The overlay: a small panel, in an open shadow root, listing the commitments of the page (those
 * whose `pages` match, and those the page links to or marks), or a one-line summary of the plan
 * on a site page that names none.
 */
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { pickText } from '../../../shared/text/pick-text.ts';
import { summariseFeed } from '../../../shared/status/view-commitment.ts';
import { Overlay, type OverlayRow, type OverlaySummary } from '../../components/Overlay.tsx';
import { ask } from '../../messaging/send.ts';
import { commitmentRow } from '../../state/commitment-row.ts';
import { hideSite } from '../../storage/hidden-sites.ts';
import css from '../../styles/commitments.css?inline';
import type { Feature, PageContext } from '../feature.ts';
import { findReferences } from '../page-references.ts';
import { returnFocusToPage } from '../../dom/focus.ts';

/** The overlay's host element. */
export const OVERLAY_TAG = 'open-commitments-overlay';

function content(page: PageContext): { rows: OverlayRow[]; summaries: OverlaySummary[] } {
  const rows: OverlayRow[] = [];
  const seen = new Set<string>();
  const add = (feedId: string, id: string) => {
    const key = `${feedId}#${id}`;
    const slice = page.feeds.find((f) => f.feedId === feedId);
    const commitment = slice?.feed.commitments.find((c) => c.id === id);
    if (!slice || !commitment || seen.has(key)) return;
    seen.add(key);
    rows.push({
      feedId,
      row: commitmentRow(slice.feed, commitment, page.lang, page.today, page.url),
    });
  };
  for (const feed of page.feeds) for (const id of feed.pageCommitmentIds) add(feed.feedId, id);
  const inPage = (e: Element) => e.closest(OVERLAY_TAG) !== null;
  for (const ref of findReferences(document, page.feeds, inPage))
    add(ref.feed.feedId, ref.commitment.id);
  const summaries: OverlaySummary[] = page.feeds
    .filter((f) => f.site && !rows.some((r) => r.feedId === f.feedId))
    .map((f) => {
      const summary = summariseFeed(f.feed, page.today);
      return {
        feedId: f.feedId,
        publisher: pickText(f.feed.publisher.name, page.lang, f.feed.languages) ?? {
          text: f.feedId,
        },
        total: summary.total,
        late: summary.late,
      };
    });
  return { rows, summaries };
}

/** The overlay feature. */
export const feature: Feature = {
  id: 'overlay',
  appliesTo: (page) => page.feeds.length > 0,
  async init(pageSignal, page) {
    // Closing the panel removes it alone; the badges stay until the page's signal aborts.
    const closed = new AbortController();
    const signal = AbortSignal.any([pageSignal, closed.signal]);
    for (const stale of document.querySelectorAll(OVERLAY_TAG)) stale.remove();
    const { rows, summaries } = content(page);
    if (rows.length === 0 && summaries.length === 0) return;
    const ui = await createShadowRootUi(page.ctx, {
      name: OVERLAY_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css,
      isolateEvents: true,
      onMount(container) {
        render(
          <Overlay
            rows={rows}
            summaries={summaries}
            lang={page.lang}
            onClose={() => closed.abort()}
            onHideSite={() => {
              void hideSite(location.origin);
              page.stop();
            }}
            onRemember={async (feedId, commitmentId) => {
              await ask({ type: 'remember-question', feedId, commitmentId, url: location.href });
            }}
          />,
          container,
        );
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    if (signal.aborted) return;
    // Where focus was before it entered the panel, to give it back when the panel closes.
    const active = document.activeElement;
    let returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
    ui.mount();
    ui.shadow.addEventListener('focusin', (event) => {
      const from = (event as FocusEvent).relatedTarget;
      if (from instanceof HTMLElement && from !== ui.shadowHost && !ui.shadow.contains(from)) {
        returnTo = from;
      }
    });
    signal.addEventListener(
      'abort',
      () => {
        const hadFocus = document.activeElement === ui.shadowHost;
        ui.remove();
        if (hadFocus) returnFocusToPage(returnTo);
      },
      { once: true },
    );
  },
};
