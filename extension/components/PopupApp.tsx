import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Lang } from '../../shared/index.ts';
import { todayString } from '../../shared/status/dates.ts';
import { t } from '../i18n/page-messages.ts';
import { pageCommitments } from '../state/page-commitments.ts';
import { FILTER_FROM, useRowFilter } from '../state/row-filter.ts';
import { staleNotice } from '../state/stale-notice.ts';
import type { PopupModel } from '../state/popup.ts';
import { CommitmentRow } from './CommitmentRow.tsx';
import { FeedRows } from './FeedRows.tsx';
import { FilterField } from './FilterField.tsx';
import { codeOf, PublisherDetails } from './IssueList.tsx';
import { PlanSummaryLine } from './PlanSummaryLine.tsx';
import { Sentence } from './Sentence.tsx';
import { focusIfLost } from '../dom/focus.ts';
import { useActionFailure } from './ActionFailed.tsx';

/** The toolbar popup: the tab's commitments to follow or question, and the subscribe offer. */
export function PopupApp({ model, lang }: { model: PopupModel; lang: Lang }) {
  const m = t(lang);
  useEffect(() => void model.load(), [model]);
  const today = todayString(new Date());
  const page = model.tabUrl.value ?? undefined;
  const feeds = model.feeds.value;
  const { rows, summaries } = pageCommitments(feeds, model.references.value, {
    lang,
    today,
    ...(page !== undefined ? { url: page } : {}),
  });
  // As in the page's panel: a filter past a few rows, and the first hundred that match drawn.
  const { query, setQuery, groups, shown } = useRowFilter(rows, summaries);
  const followed = (feedId: string, id: string) =>
    feeds.find((f) => f.feedId === feedId)?.followed.includes(id) ?? false;
  // The follow state stays as it was: the background did not say it changed.
  const { attempt, failure } = useActionFailure();
  return (
    <main class="oc-root">
      <h1>
        {m.overlayTitle}
        {rows.length > 0 && (
          <span aria-live="polite">{`\u00a0${m.overlayCount(shown, rows.length)}`}</span>
        )}
      </h1>
      {model.offers.value.map((url) => {
        const state = model.offerStates.value[url] ?? 'idle';
        const left = typeof state === 'object' && 'missing' in state ? state : undefined;
        const subscribed = state === 'done' || left !== undefined;
        const hosts = <code>{left?.missing.join(', ')}</code>;
        // The page's own name for the feed, when its link gives one: its address comes after.
        const title = model.offerNames.value[url];
        const as = model.subscribedAs.value[url];
        return (
          <section key={url} aria-label={m.offerTitle} data-feed-offer={url}>
            <p>
              {m.offerTitle}
              {m.colon}
              {title ? <bdi data-offer-title="">{title}</bdi> : <code>{url}</code>}
            </p>
            {title && (
              <p data-offer-address="">
                <small>
                  <code>{url}</code>
                </small>
              </p>
            )}
            {!subscribed && <p>{m.permissionWhy}</p>}
            {subscribed ? (
              <p class="oc-ok" role="status" tabIndex={-1} ref={focusIfLost}>
                {/* The name the feed gives itself, so that of two offers one knows which it was. */}
                {as ? (
                  <Sentence
                    message={as.already ? m.alreadySubscribed : m.subscribed}
                    value={<bdi>{as.name}</bdi>}
                  />
                ) : (
                  m.offerDone
                )}
              </p>
            ) : (
              <button
                type="button"
                class="oc-button oc-primary"
                aria-disabled={state === 'busy' ? 'true' : undefined}
                // A page may offer several feeds: each button names its own (a label of its own, as
                // from hidden text after the word browsers put a space before the colon).
                aria-label={`${m.offerSubscribe}${m.colon}${title ?? url}`}
                onClick={() => {
                  if (state !== 'busy') void model.subscribeOffer(url);
                }}
              >
                {m.offerSubscribe}
              </button>
            )}
            {left &&
              (left.allowed ? (
                <p class="oc-ok" role="status" tabIndex={-1} ref={focusIfLost}>
                  <Sentence message={m.allowed} value={hosts} />
                </p>
              ) : (
                // Its pages on other hosts: the button asks for them in a click of its own.
                <p data-offer-missing="">
                  <Sentence message={m.allowSites} value={hosts} />{' '}
                  <button
                    type="button"
                    class="oc-button"
                    aria-label={`${m.allow}${m.colon}${title ?? url}`}
                    onClick={() => void model.allowOffer(url, left.missing)}
                  >
                    {m.allow}
                  </button>
                </p>
              ))}
            {typeof state === 'object' && 'error' in state && (
              <div class="oc-error" role="alert">
                {state.error === 'permission' ? (
                  <p>{m.permissionDenied}</p>
                ) : (
                  <>
                    <p>
                      {m.refused}{' '}
                      {state.detail
                        ? m.extensionFailed
                        : m.failureReason(
                            state.error.reason,
                            state.error.status,
                            codeOf(state.error.errors),
                          )}
                      .
                    </p>
                    {state.detail && (
                      <p lang="en">
                        <code>{state.detail}</code>
                      </p>
                    )}
                    <PublisherDetails issues={state.error.errors} lead={m.issuesForPublisher} />
                  </>
                )}
              </div>
            )}
          </section>
        );
      })}
      {model.hiddenHere.value === true && (
        <p data-hidden-here="">
          {m.popupHidden}{' '}
          <button type="button" class="oc-button" onClick={() => void model.showHere()}>
            {m.showAgain}
          </button>
        </p>
      )}
      {model.hiddenHere.value === 'shown' && page && (
        <p class="oc-ok" role="status" tabIndex={-1} ref={focusIfLost}>
          {m.shownAgain(new URL(page).origin)}
        </p>
      )}
      {!model.loading.value &&
        !model.error.value &&
        rows.length === 0 &&
        summaries.length === 0 && (
          <>
            <p>{m.popupNothing}</p>
            {/* Most often the first thing one reads after installing it: what it is for. */}
            <p data-about="">
              {[m.about, model.offers.value.length === 0 && m.popupHow, m.privacy]
                .filter(Boolean)
                .join(' ')}
            </p>
          </>
        )}
      {model.error.value && (
        <p class="oc-error" role="alert">
          {m.loadFailed} {/* The browser's or the background's reason, in English. */}
          <code lang="en">{model.error.value}</code>
        </p>
      )}
      {rows.length > FILTER_FROM && <FilterField query={query} onQuery={setQuery} lang={lang} />}
      {query && !shown && <p>{m.overlayNoMatch}</p>}
      {groups.map((group) => (
        <FeedRows
          key={group.feedId}
          feedId={group.feedId}
          publisher={group.publisher}
          plan={group.plan}
          noChannel={group.noChannel}
          lang={lang}
          notice={group.paused ? m.pausedFeed : staleNotice(group.stale, lang)}
        >
          {group.rows.map(({ feedId, row }) => {
            const key = `${feedId}#${row.id}`;
            return (
              <CommitmentRow
                key={key}
                row={row}
                lang={lang}
                noChannelSaid={group.noChannel}
                followed={followed(feedId, row.id)}
                onFollow={() =>
                  void attempt(
                    key,
                    m.notDone(followed(feedId, row.id) ? m.unfollow : m.follow, row.title.text),
                    () => model.toggleFollow(feedId, row.id),
                  )
                }
                onRemember={() => model.rememberQuestion(feedId, row.id)}
                // The browser closes the popup as the form opens: the choice is made before.
                rememberFirst
              >
                {failure(key)}
              </CommitmentRow>
            );
          })}
        </FeedRows>
      ))}
      {/* Under the heading, a plan's count would read as that of the page's commitments. */}
      {summaries.length > 0 && <p data-site-plans="">{m.sitePlans}</p>}
      {summaries.map((s) => (
        <PlanSummaryLine key={s.feedId} summary={s} lang={lang} />
      ))}
      <p class="oc-actions">
        <a href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noopener">
          {m.popupDashboard}
        </a>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          {m.popupOptions}
        </a>
      </p>
    </main>
  );
}
