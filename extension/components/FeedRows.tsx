import type { ComponentChildren } from 'preact';

/**
 * The commitments of one feed in the popup or the overlay: the feed's notice (paused, or its last
 * refresh failed) said once above them, then their rows.
 */
export function FeedRows({
  feedId,
  notice,
  children,
}: {
  feedId: string;
  notice: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <>
      {notice && (
        <p class="oc-notice" data-feed-notice={feedId}>
          {notice}
        </p>
      )}
      <ul class="oc-list">{children}</ul>
    </>
  );
}
