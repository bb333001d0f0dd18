import type { Lang } from '../../shared/index.ts';
import { t } from '../i18n/messages.ts';
import type { PlanSummary } from '../state/page-commitments.ts';
import { staleNotice } from '../state/stale-notice.ts';
import { LocalizedText } from './LocalizedText.tsx';

/**
 * One line about a plan that names the site but none of the page's commitments: its publisher, its
 * title, how many commitments it has and how many are late. Each « · » keeps to the words before it,
 * so that no line of a narrow panel starts with one.
 */
export function PlanSummaryLine({ summary, lang }: { summary: PlanSummary; lang: Lang }) {
  const m = t(lang);
  const notice = summary.paused ? m.pausedFeed : staleNotice(summary.stale, lang);
  return (
    <p data-feed-summary="">
      <strong>
        <LocalizedText value={summary.publisher} lang={lang} />
      </strong>
      {summary.plan && (
        <>
          {'\u00a0· '}
          <LocalizedText value={summary.plan} lang={lang} />
        </>
      )}
      {'\u00a0· '}
      {m.overlayPlan(summary.total)}
      {summary.late > 0 && (
        <>
          {'\u00a0· '}
          <span class="oc-late">{m.overlayLate(summary.late)}</span>
        </>
      )}
      {notice && <span class="oc-notice">{`\u00a0· ${notice}`}</span>}
    </p>
  );
}
