import type { ComponentChildren } from 'preact';
import type { Lang, LocalText } from '../../shared/index.ts';
import { LocalizedText } from './LocalizedText.tsx';

/**
 * The commitments of one feed in the popup or the overlay: its publisher when the page shows
 * other feeds too, the feed's notice (paused, or its last refresh failed) said once above them,
 * then their rows.
 */
export function FeedRows({
  feedId,
  publisher,
  lang,
  notice,
  children,
}: {
  feedId: string;
  /** Named when the page shows other feeds too. */
  publisher?: LocalText | undefined;
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
