import type { ComponentChildren } from 'preact';
import type { Lang, LocalText } from '../../shared/index.ts';
import { LocalizedText } from './LocalizedText.tsx';

/**
 * The commitments of one feed in the popup, the overlay or "My commitments": its publisher and
 * plan when the page shows other feeds too, the feed's notice (paused, or its last refresh
 * failed) said once above them, then their rows.
 */
export function FeedRows({
  feedId,
  publisher,
  plan,
  lang,
  notice,
  children,
}: {
  feedId: string;
  /** Named when the page shows other feeds too. */
  publisher?: LocalText | undefined;
  /** Its plan, named after the publisher (one publisher may have several plans). */
  plan?: LocalText | undefined;
  lang: Lang;
  notice: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <>
      {publisher && (
        <p class="oc-publisher" data-feed-publisher={feedId}>
          <strong>
            <LocalizedText value={publisher} lang={lang} />
          </strong>
          {plan && (
            <>
              {' · '}
              <LocalizedText value={plan} lang={lang} />
            </>
          )}
        </p>
      )}
      {notice && (
        <p class="oc-notice" data-feed-notice={feedId}>
          {notice}
        </p>
      )}
      <ul class="oc-list">{children}</ul>
    </>
  );
}
