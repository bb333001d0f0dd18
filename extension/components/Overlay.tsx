import { useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../shared/index.ts';
import { t } from '../i18n/messages.ts';
import { rowsByFeed, type PageRow, type PlanSummary } from '../state/page-commitments.ts';
import { createPanelPosition, keyDelta } from '../state/panel-position.ts';
import { staleNotice } from '../state/stale-notice.ts';
import { CommitmentRow } from './CommitmentRow.tsx';
import { FeedRows } from './FeedRows.tsx';
import { PlanSummaryLine } from './PlanSummaryLine.tsx';

/**
 * The small panel over a page: the page's commitments, movable by its handle (pointer or arrow
 * keys), closable (its button, or Escape from inside it), and with a way never to show it on
 * this site again.
 */
export function Overlay({
  rows,
  summaries,
  lang,
  onClose,
  onHideSite,
  onRemember,
}: {
  rows: readonly PageRow[];
  summaries: readonly PlanSummary[];
  lang: Lang;
  onClose: () => void;
  onHideSite: () => void;
  onRemember: (feedId: string, commitmentId: string) => Promise<void>;
}) {
  const m = t(lang);
  const position = useMemo(createPanelPosition, []);
  const panel = useRef<HTMLElement>(null);
  const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });

  const onPointerDown = (event: PointerEvent) => {
    const element = panel.current;
    if (!element || event.button !== 0) return;
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    let last = { x: event.clientX, y: event.clientY };
    const move = (e: PointerEvent) => {
      position.moveBy(
        element.getBoundingClientRect(),
        e.clientX - last.x,
        e.clientY - last.y,
        viewport(),
      );
      last = { x: e.clientX, y: e.clientY };
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const delta = keyDelta(event.key, event.shiftKey);
    if (!delta || !panel.current) return;
    event.preventDefault();
    position.moveBy(panel.current.getBoundingClientRect(), delta.x, delta.y, viewport());
  };

  const at = position.at.value;
  const style = at ? { left: `${at.x}px`, top: `${at.y}px` } : { right: '16px', bottom: '16px' };
  return (
    <section
      class="oc-root oc-panel"
      ref={panel}
      style={style}
      aria-labelledby="oc-overlay-title"
      lang={lang}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header>
        <button
          type="button"
          class="oc-handle"
          aria-label={m.overlayMove}
          title={m.overlayMove}
          onPointerDown={onPointerDown}
          onKeyDown={onKeyDown}
        >
          ⠿
        </button>
        <h2 id="oc-overlay-title">{m.overlayTitle}</h2>
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
      <div class="oc-body">
        {rowsByFeed(rows).map((group) => (
          <FeedRows
            key={group.feedId}
            feedId={group.feedId}
            notice={staleNotice(group.stale, lang)}
          >
            {group.rows.map(({ feedId, row }) => (
              <CommitmentRow
                key={`${feedId}#${row.id}`}
                row={row}
                lang={lang}
                onRemember={() => onRemember(feedId, row.id)}
              />
            ))}
          </FeedRows>
        ))}
        {summaries.map((s) => (
          <PlanSummaryLine key={s.feedId} summary={s} lang={lang} />
        ))}
      </div>
      <footer>
        <button type="button" class="oc-link-button" onClick={onHideSite}>
          {m.overlayHideSite}
        </button>
      </footer>
    </section>
  );
}
