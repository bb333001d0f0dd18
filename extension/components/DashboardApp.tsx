import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../shared/index.ts';
import { pickText } from '../../shared/text/pick-text.ts';
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';
import { todayString } from '../../shared/status/dates.ts';
import { t } from '../i18n/page-messages.ts';
import { useLoadOnShow } from '../state/load-on-show.ts';
import { commitmentRow } from '../state/commitment-row.ts';
import { questionOverdue, type DashboardModel } from '../state/dashboard.ts';
import { staleNotice } from '../state/stale-notice.ts';
import { questionsToCsv, questionsToJson } from '../state/questions-export.ts';
import { feedsToNamePlan, questionPlace } from '../state/question-place.ts';
import { changeLines, changePublisher, changeTitle } from '../state/change-words.ts';
import { CommitmentRow } from './CommitmentRow.tsx';
import { FeedRows } from './FeedRows.tsx';
import { LocalizedText } from './LocalizedText.tsx';
import { Sentence } from './Sentence.tsx';
import { focusLost, removeKeepingFocus } from '../dom/focus.ts';
import { useActionFailure } from './ActionFailed.tsx';
import { SHOW_CHANGES_MESSAGE } from '../messaging/protocol.ts';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Runs `unfollow`, which takes `row` (an `li.oc-row` of "Followed commitments") out of the page,
 * then, if focus was lost, puts it on the first control of the row that was after it, else before
 * it, in another feed's list too (a feed's list goes with its last row), else on the heading.
 */
async function unfollowKeepingFocus(
  row: Element | null,
  unfollow: () => Promise<void>,
): Promise<void> {
  const rows = [...(row?.closest('[data-section]')?.querySelectorAll('li.oc-row') ?? [])];
  const at = row ? rows.indexOf(row) : -1;
  const neighbours = at < 0 ? [] : [rows[at + 1], rows[at - 1]];
  await unfollow();
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (row?.isConnected || !focusLost(document)) return;
  const next = neighbours.find((candidate) => candidate?.isConnected);
  (
    next?.querySelector<HTMLElement>('button, a[href]') ?? document.getElementById('oc-followed')
  )?.focus();
}

/** The dashboard page: followed commitments, recent changes with dates, and my questions. */
export function DashboardApp({ model, lang }: { model: DashboardModel; lang: Lang }) {
  const m = t(lang);
  useLoadOnShow(model);
  const today = todayString(new Date());
  const data = model.data.value;
  const questions = data?.questions ?? [];
  const places = questions.map((q) => ({ feedId: q.feedId, place: questionPlace(q) }));
  const namePlan = feedsToNamePlan(places);
  /** That a row was removed, said once it is gone: focus moves on to the next row silently. */
  const [said, say] = useState('');
  /**
   * The question whose deletion is being asked about in its row: a question kept again is dated
   * that day, the date it was first asked lost, so deleting one is confirmed first.
   */
  const [asking, setAsking] = useState<number>();
  /** Puts focus, once the page shows it, on what `selector` finds in `row`. */
  const focusIn = (row: Element | null, selector: string) =>
    setTimeout(() => row?.querySelector<HTMLElement>(selector)?.focus(), 0);
  /** Closes the question of a row, focus back on its Delete button. */
  const cancel = (row: Element | null) => {
    setAsking(undefined);
    focusIn(row, '[data-delete]');
  };
  // A row the background did not take away stays, saying so: the data is read again.
  const { attempt, failure } = useActionFailure(model.load);
  const loaded = data !== null;
  // Opened at one of its sections (a notification of changes opens it at them): the page is drawn
  // once its data comes, too late for the browser to find that section; it is gone to then. A
  // notification clicked while the page is open sends it to that section again.
  useEffect(() => {
    const go = () => {
      const section = location.hash && document.getElementById(location.hash.slice(1));
      if (!section) return;
      section.scrollIntoView();
      section.focus({ preventScroll: true });
    };
    // Brought forward by a notification: read again, so that it lists the change, then gone to.
    const show = () => void model.load().then(go);
    if (!loaded) return;
    go();
    addEventListener('hashchange', go);
    addEventListener(SHOW_CHANGES_MESSAGE, show);
    return () => {
      removeEventListener('hashchange', go);
      removeEventListener(SHOW_CHANGES_MESSAGE, show);
    };
  }, [loaded, model]);
  return (
    <main class="oc-root">
      <h1>{m.dashboardTitle}</h1>
      {model.error.value && (
        <p class="oc-error" role="alert">
          {m.loadFailed} {/* The browser's or the background's reason, in English. */}
          <code lang="en">{model.error.value}</code>
        </p>
      )}

      <h2 id="oc-followed" tabIndex={-1}>
        {m.followedTitle}
      </h2>
      {data && data.followed.length === 0 && (
        <p data-followed-none="">{m.followedNone(m.follow)}</p>
      )}
      <div data-section="followed">
        {data?.followed.map((slice) => {
          const rows = slice.feed.commitments.map((c) => commitmentRow(slice.feed, c, lang, today));
          // Said once above a feed's rows, rather than on each, when none of them has a channel.
          const noChannel = rows.length > 1 && rows.every((row) => !row.link);
          return (
            <FeedRows
              key={slice.feedId}
              feedId={slice.feedId}
              // Named even when all come from one feed: unlike the popup, this page is on no
              // publisher's site that would say whose commitments these are.
              publisher={pickText(slice.feed.publisher.name, lang, slice.feed.languages)}
              plan={pickText(slice.feed.plan?.title, lang, slice.feed.languages)}
              lang={lang}
              notice={slice.paused ? m.pausedFeed : staleNotice(slice.stale, lang)}
              noChannel={noChannel}
            >
              {rows.map((row) => {
                const key = `${slice.feedId}#${row.id}`;
                return (
                  <CommitmentRow
                    key={key}
                    row={row}
                    lang={lang}
                    noChannelSaid={noChannel}
                    onUnfollow={(event) => {
                      const item = (event.currentTarget as HTMLElement).closest('li.oc-row');
                      void attempt(key, m.notDone(m.unfollow, row.title.text), () =>
                        unfollowKeepingFocus(item, () => model.unfollow(slice.feedId, row.id)),
                      ).then((done) => done && say(m.unfollowed(row.title.text)));
                    }}
                    onRemember={() => model.rememberQuestion(slice.feedId, row.id)}
                  >
                    {failure(key)}
                  </CommitmentRow>
                );
              })}
            </FeedRows>
          );
        })}
      </div>

      <h2 id="oc-changes" tabIndex={-1}>
        {m.changesTitle}
      </h2>
      {data && data.changes.length === 0 && <p>{m.changesNone}</p>}
      {/* No empty list: a screen reader would announce a list of no items after "No change yet". */}
      {data && data.changes.length > 0 && (
        <ul class="oc-list" data-section="changes">
          {data.changes.map((change) => {
            const publisher = changePublisher(change, lang);
            return (
              <li key={change.id} class="oc-row" data-commitment-id={change.commitmentId}>
                <p class="oc-title">
                  <time dateTime={new Date(change.at).toISOString()}>
                    {formatDateTime(new Date(change.at).toISOString(), lang)}
                  </time>
                  {' · '}
                  <LocalizedText value={changeTitle(change, lang)} lang={lang} />
                </p>
                {/* Whose commitment it is: with several feeds, its title alone does not say. */}
                {publisher && (
                  <div class="oc-publisher" data-change-publisher="">
                    <LocalizedText value={publisher} lang={lang} />
                  </div>
                )}
                <ul>
                  {changeLines(change, lang).map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}

      <h2 id="oc-questions" tabIndex={-1}>
        {m.questionsTitle}
      </h2>
      {data && questions.length === 0 && <p>{m.questionsNone}</p>}
      {questions.length > 0 && (
        <>
          <table class="oc-table" data-section="questions">
            <tbody>
              {questions.map((q, i) => {
                const overdue = questionOverdue(q, today);
                const place = places[i]?.place;
                const title = (
                  <strong>
                    <LocalizedText value={{ text: q.title, lang: q.titleLang }} lang={lang} />
                  </strong>
                );
                return (
                  <tr
                    key={q.id}
                    class={overdue ? 'oc-overdue' : undefined}
                    data-commitment-id={q.commitmentId}
                  >
                    <th scope="row">
                      {/* The strong holds the title itself, so that a long one is cut to three lines. */}
                      {place?.url ? (
                        <a href={place.url} target="_blank" rel="noopener noreferrer">
                          {title}
                        </a>
                      ) : (
                        title
                      )}
                      {place && (
                        <div class="oc-publisher" data-question-publisher="">
                          <LocalizedText value={place.publisher} lang={lang} />
                          {place.plan && namePlan.has(q.feedId) && (
                            <>
                              {' '}
                              <span class="oc-plan">
                                {'· '}
                                <LocalizedText value={place.plan} lang={lang} />
                              </span>
                            </>
                          )}
                        </div>
                      )}
                      <div>
                        {m.askedOn(formatDate(q.askedOn, lang))} ·{' '}
                        <Sentence
                          message={q.channel.kind === 'url' ? m.opensOn : m.goesTo}
                          value={<bdi>{q.channel.target}</bdi>}
                        />
                        {q.dueOn && <> · {m.answerDue(formatDate(q.dueOn, lang))}</>}
                      </div>
                      {place?.form && (
                        <div>
                          <a
                            href={place.form}
                            target="_blank"
                            rel="noopener noreferrer"
                            // Named after its commitment: each row has one, each to its own form.
                            aria-label={`${m.continueToForm}${m.colon}${q.title}`}
                          >
                            {m.continueToForm}
                          </a>
                        </div>
                      )}
                      {overdue && <span class="oc-late">{m.overdue}</span>}
                      {q.answeredOn && (
                        <span class="oc-ok">{m.answered(formatDate(q.answeredOn, lang))}</span>
                      )}
                    </th>
                    <td>
                      <button
                        type="button"
                        class="oc-button"
                        // A label of its own: from hidden text, browsers put a space before the colon.
                        aria-label={`${m.delete}${m.colon}${q.title}`}
                        aria-expanded={asking === q.id ? 'true' : 'false'}
                        aria-controls={`oc-delete-${q.id}`}
                        data-delete=""
                        onClick={(event) => {
                          setAsking(q.id);
                          focusIn(event.currentTarget.closest('tr'), '[data-delete-ask]');
                        }}
                      >
                        {m.delete}
                      </button>
                      {/* Said before it is done, with the date it takes away; Escape cancels. */}
                      {asking === q.id && (
                        <div
                          role="group"
                          id={`oc-delete-${q.id}`}
                          aria-labelledby={`oc-delete-${q.id}-ask`}
                          class="oc-confirm"
                          data-delete-confirm=""
                          onKeyDown={(event) => {
                            if (event.key !== 'Escape') return;
                            event.preventDefault();
                            cancel(event.currentTarget.closest('tr'));
                          }}
                        >
                          {/* Focused when it opens: read out, and no button that a second Enter presses. */}
                          <p tabIndex={-1} id={`oc-delete-${q.id}-ask`} data-delete-ask="">
                            <Sentence message={m.deleteAsk} value={<bdi>{q.title}</bdi>} />
                          </p>
                          <div class="oc-actions">
                            <button
                              type="button"
                              class="oc-button oc-danger"
                              aria-label={`${m.deleteConfirm}${m.colon}${q.title}`}
                              onClick={(event) => {
                                const item = event.currentTarget.closest('tr');
                                void attempt(`q${q.id}`, m.notDone(m.delete, q.title), () =>
                                  removeKeepingFocus(item, 'oc-questions', () =>
                                    model.deleteQuestion(q.id),
                                  ),
                                ).then((done) => {
                                  if (!done) return;
                                  setAsking(undefined);
                                  say(m.deleted(q.title));
                                });
                              }}
                            >
                              {m.deleteConfirm}
                            </button>
                            <button
                              type="button"
                              class="oc-button"
                              aria-label={`${m.removeCancel}${m.colon}${q.title}`}
                              onClick={(event) => cancel(event.currentTarget.closest('tr'))}
                            >
                              {m.removeCancel}
                            </button>
                          </div>
                        </div>
                      )}
                      {failure(`q${q.id}`)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p class="oc-actions">
            <button
              type="button"
              class="oc-button"
              onClick={() =>
                download(`${m.questionsFile}.csv`, 'text/csv', questionsToCsv(questions, lang))
              }
            >
              {m.exportCsv}
            </button>
            <button
              type="button"
              class="oc-button"
              onClick={() =>
                download(`${m.questionsFile}.json`, 'application/json', questionsToJson(questions))
              }
            >
              {m.exportJson}
            </button>
          </p>
        </>
      )}
      <p class="oc-visually-hidden" role="status" data-said="">
        {said}
      </p>
      <p>{m.privacy}</p>
      {/* The pages' other way in is the toolbar popup: each links to the other. */}
      <p>
        <a href="options.html">{m.popupOptions}</a>
      </p>
    </main>
  );
}
