import type { ComponentChildren } from 'preact';
import type { Lang, LocalText } from '../../shared/index.ts';
import { t } from '../i18n/messages.ts';
import { LocalizedText } from './LocalizedText.tsx';

/**
 * The commitments of one feed in the popup, the overlay or "My commitments": its publisher and
 * plan when the page shows other feeds too (always in "My commitments"), the feed's notice
 * (paused, or its last refresh failed) and that none of them can be questioned said once above
 * them, then their rows.
 */
export function FeedRows({
  feedId,
  publisher,
  plan,
  lang,
  notice,
  noChannel,
  children,
}: {
  feedId: string;
  /** Named when the page shows other feeds too, or is on no site of the publisher. */
  publisher?: LocalText | undefined;
  /** Its plan, named after the publisher (one publisher may have several plans). */
  plan?: LocalText | undefined;
  lang: Lang;
  notice: string | undefined;
  /** None of its rows offers a way to question the publisher: said once, above them. */
  noChannel?: boolean | undefined;
  children: ComponentChildren;
}) {
  return (
    <>
      {publisher && (
        <p class="oc-publisher" data-feed-publisher={feedId}>
          <strong>
            <LocalizedText value={publisher} lang={lang} />
          </strong>
          {/* The separator in the plan's box: a name that wraps would leave it alone on a line. */}
          {plan && (
            <>
              {' '}
              <span class="oc-plan">
                {'· '}
                <LocalizedText value={plan} lang={lang} />
              </span>
            </>
          )}
        </p>
      )}
      {notice && (
        <p class="oc-notice" data-feed-notice={feedId}>
          {notice}
        </p>
      )}
      {noChannel && <p class="oc-no-channel">{t(lang).noChannel}</p>}
      <ul class="oc-list">{children}</ul>
    </>
  );
}
