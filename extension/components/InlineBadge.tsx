import type { Lang } from '../../shared/index.ts';
import { formatPercent } from '../../shared/i18n/format.ts';
import { clampText } from '../../shared/text/clamp-text.ts';
import { isolate } from '../../shared/text/isolate.ts';
import { t } from '../i18n/messages.ts';
import type { CommitmentRowData } from '../state/commitment-row.ts';
import { LocalizedText } from './LocalizedText.tsx';
import { StatusLabel } from './StatusLabel.tsx';

/**
 * The most characters of a commitment's title that a badge carries: a feed's 20,000-character
 * title makes neither a tooltip over the whole page nor minutes of speech; the link beside the
 * badge and the commitment's page have it whole.
 */
export const BADGE_TITLE_MAX = 150;

/**
 * A small status badge put next to a link to, or an element about, a commitment. It carries the
 * interface language (the host page's may differ), and its details (title, due date) are in
 * visually hidden text as well as the tooltip, so that keyboard, touch and screen reader users
 * get them without hovering. The tooltip is plain text, so the feed's title is isolated in it;
 * both cut a long title (see `BADGE_TITLE_MAX`).
 */
export function InlineBadge({ row, lang }: { row: CommitmentRowData; lang: Lang }) {
  const m = t(lang);
  const title = { ...row.title, text: clampText(row.title.text, BADGE_TITLE_MAX) };
  const details = [isolate(title.text), row.due ? m.due(row.due) : '', row.late ? m.late : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <span class="oc-root oc-badge" lang={lang} title={details}>
      <StatusLabel category={row.category} label={row.statusLabel} lang={lang} />
      {/* Spaces between its parts rather than margins, so that a screen reader or a braille
          display gives "60% Late", not "60%Late". */}
      {row.progress !== undefined && (
        <>
          {' '}
          <span>{formatPercent(row.progress, lang)}</span>
        </>
      )}
      {row.late && (
        <>
          {' '}
          <span class="oc-late">{m.late}</span>
        </>
      )}
      <span class="oc-visually-hidden" data-badge-details="">
        {' ('}
        <LocalizedText value={title} lang={lang} />
        {row.due && <>{` · ${m.due(row.due)}`}</>})
      </span>
    </span>
  );
}
