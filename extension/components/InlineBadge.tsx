import type { Lang } from '../../shared/index.ts';
import { formatPercent } from '../../shared/i18n/format.ts';
import { t } from '../i18n/messages.ts';
import type { CommitmentRowData } from '../state/commitment-row.ts';
import { StatusLabel } from './StatusLabel.tsx';

/** A small status badge put next to a link to, or an element about, a commitment. */
export function InlineBadge({ row, lang }: { row: CommitmentRowData; lang: Lang }) {
  const m = t(lang);
  const details = [row.title.text, row.due ? m.due(row.due) : '', row.late ? m.late : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <span class="oc-root oc-badge" title={details}>
      <StatusLabel category={row.category} label={row.statusLabel} lang={lang} />
      {row.progress !== undefined && <span>{formatPercent(row.progress, lang)}</span>}
      {row.late && <span class="oc-late">{m.late}</span>}
    </span>
  );
}
