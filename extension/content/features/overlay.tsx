/**
 * The overlay: a small panel, in an open shadow root, listing the commitments of the page (those
 * whose `pages` match, and those the page links to or marks), or a one-line summary of the plan
 * on a site page that names none.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay } from '../../components/Overlay.tsx';
import { ask } from '../../messaging/send.ts';
import { pageCommitments, type PageRow, type PlanSummary } from '../../state/page-commitments.ts';
import { asPlace } from '../../state/panel-position.ts';
import { isFolded, setSiteFolded } from '../../storage/folded-sites.ts';
import { setSiteHidden } from '../../storage/hidden-sites.ts';
import css from '../../styles/commitments.css?inline';
import type { Feature, PageContext } from '../feature.ts';
import { findReferences } from '../page-references.ts';
import { returnFocusToPage } from '../../dom/focus.ts';

/** The overlay's host element. */
export const OVERLAY_TAG = 'open-commitments-overlay';

/**
 * Where the person last put the panel, in the extension's local storage: one place for every
 * site, so that it records no site.
 */
const PLACE_KEY = 'overlayPlace';

/** Seconds the notice that the overlay is hidden on this site stays, offering to undo it. */
export const UNDO_SECONDS = 8;

function content(page: PageContext): { rows: PageRow[]; summaries: PlanSummary[] } {
  const inPage = (e: Element) => e.closest(OVERLAY_TAG) !== null;
  const references = findReferences(document, page.feeds, inPage).map((ref) => ({
    feedId: ref.feed.feedId,
    commitmentId: ref.commitment.id,
  }));
  return pageCommitments(page.feeds, references, page);
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
    // Closed on one of the site's pages, the panel starts as its tab on the next ones.
    const [stored, folded] = await Promise.all([
      browser.storage.local.get(PLACE_KEY),
      isFolded(location.origin),
    ]);
    const place = asPlace(stored[PLACE_KEY]);
    // While the site is hidden, the timer that ends the notice offering to undo it, and the
    // whole page's features with it; the other features stop at once, and start again on undo.
    let hiding: ReturnType<typeof setTimeout> | undefined;
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
            place={place}
            onPlace={(at) => void browser.storage.local.set({ [PLACE_KEY]: at })}
            folded={folded}
            onUnfold={() => void setSiteFolded(location.origin, false)}
            onClose={() => {
              if (hiding) return page.stop();
              void setSiteFolded(location.origin, true);
              closed.abort();
            }}
            onHideSite={(hide) => {
              clearTimeout(hiding);
              hiding = hide ? setTimeout(page.stop, UNDO_SECONDS * 1000) : undefined;
              page.pauseOthers(hide);
              void setSiteHidden(location.origin, hide);
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
    // A page zoomed with CSS (`html { zoom: 2 }`) would zoom the panel too, beyond the window:
    // the panel takes back the zoom the page gives it.
    const zoom = (ui.shadowHost.parentElement as { currentCSSZoom?: number } | null)
      ?.currentCSSZoom;
    if (zoom && zoom !== 1) ui.uiContainer.style.zoom = String(1 / zoom);
    // The page's own scripts can reach into the open shadow root; a click they fake could hide
    // the overlay from the site for good or record a question the person never asked.
    ui.shadow.addEventListener('click', refuseUntrusted, { capture: true });
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

/** Stops an event the browser did not make from a person's action (`element.click()`, …). */
function refuseUntrusted(event: Event): void {
  if (event.isTrusted) return;
  event.preventDefault();
  event.stopImmediatePropagation();
}
