import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../shared/index.ts';
import { focusIfLost } from '../dom/focus.ts';
import { t } from '../i18n/messages.ts';
import type { PageRow, PlanSummary } from '../state/page-commitments.ts';
import {
  cornerAfter,
  createPanelPosition,
  keyDelta,
  placeStyle,
  type Place,
} from '../state/panel-position.ts';
import { FILTER_FROM, useRowFilter } from '../state/row-filter.ts';
import { staleNotice } from '../state/stale-notice.ts';
import { CommitmentRow } from './CommitmentRow.tsx';
import { FeedRows } from './FeedRows.tsx';
import { FilterField } from './FilterField.tsx';
import { PlanSummaryLine } from './PlanSummaryLine.tsx';

/**
 * Focuses an element as it appears: the notice's Undo, in place of the button just pressed (which
 * a hidden panel still holds focus on until the browser's next rendering, so focus is not yet
 * lost for `focusIfLost`).
 */
const focus = (element: HTMLElement | null) => element?.focus();

/**
 * Shows a `popover` element in the top layer, above everything of the page whatever its stacking
 * (a cookie banner at the highest z-index, every element of its body raised, a `transform` that
 * would hold a fixed element in its box). A browser without the popover API keeps it fixed at a
 * high z-index.
 */
function lift(element: HTMLElement | null): void {
  if (element?.isConnected && 'showPopover' in element && !element.matches(':popover-open')) {
    element.showPopover();
  }
}

/**
 * A viewport this narrow or this short (a phone, held upright or turned) shows the panel folded
 * into a tab that says how many rows it has, so that the page the person came to read stays in
 * view.
 */
export const NARROW = '(max-width: 480px), (max-height: 480px)';

/**
 * The small panel over a page: the page's commitments, movable by its handle (pointer or arrow
 * keys) or from corner to corner by a button, closable (its button, or Escape from inside it),
 * and with a way never to show it on this site again. Its heading says how many rows it has;
 * past a few, a field filters them by their words, and past a hundred only the first hundred
 * that match are drawn. That last button can be pressed by
 * mistake (a page can lure a click onto it), so a notice takes the panel's place for a few
 * seconds with a button that undoes it. On a narrow or short screen it is a tab that opens it,
 * folding and unfolding as the window changes until the person opens it; it starts as that tab
 * too on a site where the person closed it, until they open it again.
 */
export function Overlay({
  rows,
  summaries,
  lang,
  place,
  folded = false,
  onPlace,
  onUnfold,
  onClose,
  onHideSite,
  onRemember,
}: {
  rows: readonly PageRow[];
  summaries: readonly PlanSummary[];
  lang: Lang;
  /** Where the person last put the panel. */
  place?: Place;
  /** Whether the panel starts folded into its tab (the person closed it on the site before). */
  folded?: boolean;
  /** Called with where the person put the panel, to remember it. */
  onPlace: (place: Place) => void;
  /** Called when the person opens the panel from the tab it started folded into. */
  onUnfold?: () => void;
  /** Called when the person closes the panel, or the notice that replaced it. */
  onClose: () => void;
  /**
   * Called with true when the person hides the panel on this site, false when they undo it. The
   * caller ends the notice, with `onClose`'s effect, a few seconds after the first.
   */
  onHideSite: (hidden: boolean) => void;
  onRemember: (feedId: string, commitmentId: string) => Promise<void>;
}) {
  const m = t(lang);
  const position = useMemo(() => createPanelPosition(place), []);
  const panel = useRef<HTMLElement>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const tab = useRef<HTMLButtonElement>(null);
  const undo = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => [panel, tab, undo].forEach((e) => lift(e.current)));
  const [hidden, setHidden] = useState(false);
  // Set once the tab of a narrow screen is pressed: focus goes to the opened panel, which then
  // stays open. Until then the panel follows the window: a phone turned, a window resized.
  const [open, setOpen] = useState<true>();
  const [narrow, setNarrow] = useState(() => matchMedia(NARROW).matches);
  // Drawn once more when the panel appears (at first, or opened from its tab), now that its size
  // is known: the corner button's arrow is worked out from it.
  const [, setDrawn] = useState<HTMLElement | null>();
  useEffect(() => setDrawn(panel.current), [open]);
  useEffect(() => {
    const media = matchMedia(NARROW);
    const follow = () => setNarrow(media.matches);
    // A control of the page that focus reaches beneath the panel, which would hide it, is
    // scrolled clear of it (WCAG 2.4.11): above it when the panel is low, else below it. What
    // scrolls is the nearest of its containers that does (a page may scroll an inner one, its
    // window never moving), else the root, which is the window's: at once, since a smooth
    // scroll would not have moved yet when it is checked.
    const clear = ({ target }: FocusEvent) => {
      const box = panel.current?.getBoundingClientRect();
      const at = (target as Element).getBoundingClientRect();
      if (
        box &&
        at.top >= box.top &&
        at.bottom <= box.bottom &&
        at.left >= box.left &&
        at.right <= box.right
      ) {
        const top = box.top > innerHeight / 2 ? at.bottom - box.top + 8 : at.top - box.bottom - 8;
        for (let e = (target as Element).parentElement; e; e = e.parentElement) {
          const was = e.scrollTop;
          e.scrollBy({ top, behavior: 'instant' });
          if (e.scrollTop !== was) break;
        }
      }
    };
    media.addEventListener('change', follow);
    addEventListener('focusin', clear);
    return () => {
      media.removeEventListener('change', follow);
      removeEventListener('focusin', clear);
    };
  }, []);
  const { query, setQuery, groups, shown } = useRowFilter(rows, summaries);
  const keep = () => onPlace(position.at.value);

  const onPointerDown = (event: PointerEvent) => {
    const element = panel.current;
    if (!element || event.button !== 0) return;
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    let last = event;
    const move = (e: PointerEvent) => {
      const { clientX, clientY } = last;
      position.moveBy(
        element.getBoundingClientRect(),
        e.clientX - clientX,
        e.clientY - clientY,
        window,
      );
      last = e;
    };
    const drag = new AbortController();
    handle.addEventListener('pointermove', move, drag);
    // Released or cancelled, the pointer is let go either way: remember where it left the panel.
    handle.addEventListener(
      'lostpointercapture',
      () => {
        drag.abort();
        keep();
      },
      drag,
    );
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const delta = keyDelta(event.key, event.shiftKey);
    if (!delta || !panel.current) return;
    event.preventDefault();
    position.moveBy(panel.current.getBoundingClientRect(), delta.x, delta.y, window);
    keep();
  };
  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };

  const at = position.at.value;
  // The panel's size as last drawn (a move leaves it unchanged), so that the arrow shows, and the
  // button goes to, the corner after the one nearest the panel's centre.
  const to = cornerAfter(at, window, panel.current?.getBoundingClientRect());
  const style = placeStyle(at);
  const count = rows.length > 0 && `\u00a0${m.overlayCount(shown, rows.length)}`;
  if ((narrow || folded) && !open && !hidden)
    return (
      <button
        type="button"
        class="oc-root oc-panel oc-tab"
        ref={tab}
        popover="manual"
        style={style}
        lang={lang}
        aria-expanded="false"
        onClick={() => {
          setOpen(true);
          if (folded) onUnfold?.();
        }}
        onKeyDown={onEscape}
      >
        {m.overlayTitle}
        {count}
      </button>
    );
  return (
    <>
      <section
        class="oc-root oc-panel"
        ref={panel}
        popover="manual"
        style={style}
        hidden={hidden}
        aria-labelledby="oc-overlay-title"
        lang={lang}
        onKeyDown={onEscape}
      >
        <header>
          <button
            type="button"
            class="oc-handle"
            aria-label={m.overlayMove}
            title={m.overlayMove}
            ref={open && focus}
            onPointerDown={onPointerDown}
            onKeyDown={onKeyDown}
          >
            ⠿
          </button>
          <h2 id="oc-overlay-title">
            {m.overlayTitle}
            {count && <span aria-live="polite">{count}</span>}
          </h2>
          <button
            type="button"
            class="oc-corner"
            aria-label={m.overlayCorner}
            title={m.overlayCorner}
            onClick={() => {
              position.at.value = to;
              keep();
            }}
          >
            {'↘↙↗↖'[to]}
          </button>
          <button
            type="button"
            class="oc-close"
            aria-label={m.overlayClose}
            title={m.overlayClose}
            onClick={onClose}
          >
            ×
          </button>
        </header>
        {rows.length > FILTER_FROM && <FilterField query={query} onQuery={setQuery} lang={lang} />}
        <div class="oc-body">
          {query && !shown && <p>{m.overlayNoMatch}</p>}
          {groups.map((group) => (
            <FeedRows
              key={group.feedId}
              feedId={group.feedId}
              publisher={group.publisher}
              plan={group.plan}
              noChannel={group.noChannel}
              lang={lang}
              notice={staleNotice(group.stale, lang)}
            >
              {group.rows.map(({ feedId, row }) => (
                <CommitmentRow
                  key={`${feedId}#${row.id}`}
                  row={row}
                  lang={lang}
                  noChannelSaid={group.noChannel}
                  onRemember={() => onRemember(feedId, row.id)}
                />
              ))}
            </FeedRows>
          ))}
          {/* Under the heading, a plan's count would read as that of the page's commitments. */}
          {summaries.length > 0 && <p>{m.sitePlans}</p>}
          {summaries.map((s) => (
            <PlanSummaryLine key={s.feedId} summary={s} lang={lang} />
          ))}
        </div>
        <footer>
          <button
            type="button"
            class="oc-link-button"
            ref={hideButton}
            onClick={() => {
              onHideSite(true);
              setHidden(true);
            }}
          >
            {m.overlayHideSite}
          </button>
        </footer>
      </section>
      {/* Present before its text, so that screen readers announce the text when it appears. */}
      <div
        role="status"
        class="oc-root oc-undo"
        ref={undo}
        popover="manual"
        style={style}
        lang={lang}
        onKeyDown={onEscape}
      >
        {hidden && (
          <>
            {m.overlayHidden}{' '}
            <button
              type="button"
              class="oc-button"
              ref={focus}
              onClick={() => {
                onHideSite(false);
                setHidden(false);
                focusIfLost(hideButton.current);
              }}
            >
              {m.undo}
            </button>
          </>
        )}
      </div>
    </>
  );
}
