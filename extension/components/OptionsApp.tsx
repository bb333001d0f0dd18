import { useRef, useState } from 'preact/hooks';
import type { Lang } from '../../shared/index.ts';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { t } from '../i18n/page-messages.ts';
import { useLoadOnShow } from '../state/load-on-show.ts';
import type { OptionsModel } from '../state/options.ts';
import { codeOf, IssueList, PublisherDetails } from './IssueList.tsx';
import { Sentence } from './Sentence.tsx';
import { focusLost, removeKeepingFocus } from '../dom/focus.ts';
import { useActionFailure } from './ActionFailed.tsx';

const closest = (event: Event, selector: string) =>
  (event.currentTarget as HTMLElement).closest(selector);

/** The options page: subscribe by URL, the subscriptions and their health, hidden sites. */
export function OptionsApp({ model, lang }: { model: OptionsModel; lang: Lang }) {
  const m = t(lang);
  const [url, setUrl] = useState('');
  useLoadOnShow(model);
  const outcome = model.outcome.value;
  const when = (ms: number) => formatDateTime(new Date(ms).toISOString(), lang);
  const subs = model.subscriptions.value;
  /**
   * What the last action on a row did (what "Refresh now" found, hosts allowed, a feed paused,
   * resumed or removed, a site shown again), said once it is done: the row's change is silent, or
   * takes the row away.
   */
  const [said, say] = useState('');
  /**
   * The feed a "Refresh now" last succeeded on: its row says so, since the time it was checked
   * may read as before (to the minute) and a sighted person would see nothing happen.
   */
  const [refreshed, setRefreshed] = useState<string>();
  // A row's action the background did not do is said in the row, read again as it stands.
  const { attempt, failure } = useActionFailure(model.load);
  const refresh = (feedId: string, name: string) => {
    const started = Date.now();
    // Emptied first, so that the same result twice is said twice.
    say('');
    setRefreshed(undefined);
    void attempt(feedId, m.notDone(m.refreshNow, name), () => model.refresh(feedId)).then(
      (done) => {
        if (!done) return;
        const sub = model.subscriptions.value.find((s) => s.feedId === feedId);
        const error = sub?.lastError && sub.lastError.at >= started ? sub.lastError : undefined;
        if (!error) setRefreshed(feedId);
        const result = error
          ? m.failure(
              when(error.at),
              m.failureReason(error.reason, error.status, codeOf(error.errors)),
            )
          : sub?.checkedAt !== undefined
            ? m.lastChecked(when(sub.checkedAt))
            : '';
        say(`${name}${m.colon}${result}`);
      },
    );
  };
  const allowed = useRef<HTMLParagraphElement>(null);
  /**
   * Asks for missing hosts. Granted, the line with the Allow button goes: focus moves to
   * `target()` once the page shows it, unless the person put it somewhere meanwhile.
   */
  const allow = (
    at: string,
    name: string,
    origins: readonly string[],
    target: () => HTMLElement | null | undefined,
  ) => {
    let granted = false;
    return attempt(at, m.notDone(m.allow, name), () =>
      model.allow(origins).then((given) => void (granted = given)),
    ).then(() => {
      if (granted)
        setTimeout(() => {
          if (focusLost(document)) target()?.focus();
        }, 0);
      return granted;
    });
  };
  // A row's button's name, heard in a list of the page's buttons: its word, then what it acts on.
  // A label of its own, as from hidden text after the word browsers put a space before the colon.
  const named = (word: string, name: string) => `${word}${m.colon}${name}`;
  // Site patterns and hosts: code, which wraps anywhere on a narrow screen.
  const sites = (patterns: readonly string[]) => <code>{patterns.join(', ')}</code>;
  // A separator kept at the end of the words before it: a narrow row never starts a line with it.
  const sep = <span class="oc-sep"> ·</span>;
  /**
   * The feed whose removal is being asked about in its row: removing a feed takes the commitments
   * followed in it from My commitments, which the person hears before, and may cancel.
   */
  const [asking, setAsking] = useState<string>();
  /** Puts focus, once the page shows it, on what `selector` finds in `row`. */
  const focusIn = (row: Element | null, selector: string) =>
    setTimeout(() => row?.querySelector<HTMLElement>(selector)?.focus(), 0);
  /** Removes a feed's row, focus on the next row's first button; resolves to whether it went. */
  const remove = (row: Element | null, feedId: string, name: string) =>
    attempt(feedId, m.notDone(m.remove, name), () =>
      removeKeepingFocus(row, 'oc-subscriptions', () => model.remove(feedId)),
    ).then((done) => {
      if (done) say(m.removed(name));
      return done;
    });
  /** Closes the question of a row, focus back on its Remove button. */
  const cancel = (row: Element | null) => {
    setAsking(undefined);
    focusIn(row, '[data-remove]');
  };
  return (
    <main class="oc-root">
      <h1>{m.optionsTitle}</h1>
      <p data-about="">
        {m.about} {m.privacy}
      </p>
      <p>{m.optionsHow}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // The button stays focusable while busy (aria-disabled): a disabled one drops focus.
          if (outcome?.kind !== 'busy') void model.subscribe(url);
        }}
      >
        <label for="oc-feed-url">{m.feedUrl}</label>
        <div class="oc-form-row">
          <input
            id="oc-feed-url"
            type="url"
            required
            placeholder="https://…"
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          <button
            type="submit"
            class="oc-button oc-primary"
            aria-disabled={outcome?.kind === 'busy' ? 'true' : undefined}
          >
            {m.subscribe}
          </button>
        </div>
        <p>{m.permissionWhy}</p>
      </form>
      <div role="status" aria-live="polite">
        {outcome?.kind === 'busy' && <p>{m.subscribing}</p>}
        {outcome?.kind === 'denied' && <p class="oc-error">{m.permissionDenied}</p>}
        {outcome?.kind === 'elsewhere' && (
          <div data-outcome="elsewhere">
            <p data-found="">
              <Sentence message={m.foundFeed} value={<code>{outcome.announced}</code>} />
            </p>
            <p>
              <Sentence
                message={m.foundElsewhere}
                value={<code>{new URL(outcome.announced).host}</code>}
              />
            </p>
            <button
              type="button"
              class="oc-button oc-primary"
              onClick={() => void model.subscribeAnnounced(outcome.announced, outcome.foundOn)}
            >
              {m.allowAndSubscribe(new URL(outcome.announced).host)}
            </button>
          </div>
        )}
        {outcome?.kind === 'refused' && (
          <div class="oc-error" data-outcome="refused">
            {outcome.failure.reason === 'web-page' ? (
              <p>{m.webPage}</p>
            ) : (
              <p>
                {m.refused}{' '}
                {outcome.detail
                  ? m.extensionFailed
                  : m.failureReason(
                      outcome.failure.reason,
                      outcome.failure.status,
                      codeOf(outcome.failure.errors),
                    )}
                .
              </p>
            )}
            {outcome.detail && (
              <p lang="en">
                <code>{outcome.detail}</code>
              </p>
            )}
            <PublisherDetails issues={outcome.failure.errors} lead={m.issuesForPublisher} />
          </div>
        )}
        {outcome?.kind === 'added' && (
          <div data-outcome="added">
            {outcome.found && (
              <p data-found="">
                <Sentence message={m.foundFeed} value={<code>{outcome.found}</code>} />
              </p>
            )}
            {outcome.already ? (
              <p data-already="">
                {/* Its row, already listed: the link goes to it. */}
                <Sentence
                  message={m.alreadySubscribed}
                  value={
                    <a href={`#oc-feed-${subs.findIndex((s) => s.feedId === outcome.already)}`}>
                      <bdi>{outcome.name}</bdi>
                    </a>
                  }
                />
              </p>
            ) : (
              <p class="oc-ok">
                <Sentence message={m.subscribed} value={<bdi>{outcome.name}</bdi>} />
              </p>
            )}
            {outcome.warnings.length > 0 && (
              <>
                <p>{m.warnings(outcome.warnings.length)}</p>
                <IssueList issues={outcome.warnings} />
              </>
            )}
            {outcome.leftOut && (
              <p data-left-out="">
                <Sentence message={m.leftOut} value={sites(outcome.leftOut)} />
              </p>
            )}
            {outcome.missingOrigins.length > 0 && (
              <p>
                <Sentence message={m.allowSites} value={sites(outcome.missingOrigins)} />{' '}
                <button
                  type="button"
                  class="oc-button"
                  aria-label={named(m.allow, outcome.name)}
                  onClick={() =>
                    void allow('added', outcome.name, outcome.missingOrigins, () => allowed.current)
                  }
                >
                  {m.allow}
                </button>
              </p>
            )}
            {failure('added')}
            {/* In the button's place once allowed; focus comes here from the button. */}
            {outcome.allowed && (
              <p class="oc-ok" tabIndex={-1} ref={allowed} data-allowed="">
                <Sentence message={m.allowed} value={sites(outcome.allowed)} />
              </p>
            )}
          </div>
        )}
      </div>

      <h2 id="oc-subscriptions" tabIndex={-1}>
        {m.subscriptions}
      </h2>
      {model.error.value && (
        <p class="oc-error" role="alert">
          {m.loadFailed} {/* The browser's or the background's reason, in English. */}
          <code lang="en">{model.error.value}</code>
        </p>
      )}
      <table class="oc-table">
        <tbody>
          {subs.map((s, i) => (
            <tr key={s.feedId} data-feed-id={s.feedId}>
              {/* The row's header: a screen reader names the feed on moving to its buttons. */}
              <th scope="row" id={`oc-feed-${i}`} tabIndex={-1}>
                <strong>
                  {/* The directory's names are the extension's own, short, and some tell two plans
                      apart only by their end (their years): never cut like a feed's. */}
                  {s.bundled ? (
                    s.name
                  ) : (
                    <bdi lang={s.nameLang !== lang ? s.nameLang : undefined}>{s.name}</bdi>
                  )}
                </strong>
                {s.fictional && <> ({m.fictional})</>}
                {s.bundled && (
                  <>
                    {sep} {m.directory}
                  </>
                )}
                {/* A mark of its own, not a separator's word: a narrow row may break after the
                    name's box whatever joins them, and a line would start with the separator. */}
                {s.paused && (
                  <>
                    {' '}
                    <span class="oc-paused" data-paused="">
                      {m.paused}
                    </span>
                  </>
                )}
                {/* What subscribing brought: a feed that reads as empty is seen at once. */}
                {s.commitments !== undefined && (
                  <div data-commitments="">{m.overlayPlan(s.commitments)}</div>
                )}
                {s.url && (
                  <div>
                    <code>{s.url}</code>
                  </div>
                )}
                {s.checkedAt !== undefined && (
                  <div>
                    {m.lastChecked(when(s.checkedAt))}
                    {refreshed === s.feedId && (
                      <span class="oc-ok" data-refreshed="">
                        {sep} {m.refreshedNow}
                      </span>
                    )}
                  </div>
                )}
                {s.lastError && (
                  <div class="oc-error" data-feed-error="">
                    {m.failure(
                      when(s.lastError.at),
                      m.failureReason(
                        s.lastError.reason,
                        s.lastError.status,
                        codeOf(s.lastError.errors),
                      ),
                    )}
                    <PublisherDetails issues={s.lastError.errors} lead={m.issuesForPublisher} />
                  </div>
                )}
                {s.leftOut && (
                  <div data-left-out="">
                    <Sentence message={m.leftOut} value={sites(s.leftOut)} />
                  </div>
                )}
                {s.missingOrigins.length > 0 && (
                  <div>
                    {m.notAllowed}
                    {m.colon}
                    {sites(s.missingOrigins)}{' '}
                    <button
                      type="button"
                      class="oc-button"
                      aria-label={named(m.allow, s.name ?? s.feedId)}
                      onClick={(event) => {
                        const row = closest(event, 'tr');
                        void allow(s.feedId, s.name ?? s.feedId, s.missingOrigins, () =>
                          row?.querySelector('button'),
                        ).then((granted) => {
                          if (granted)
                            say(m.allowedFor(s.name ?? s.feedId, s.missingOrigins.join(', ')));
                        });
                      }}
                    >
                      {m.allow}
                    </button>
                  </div>
                )}
              </th>
              <td>
                <div class="oc-actions">
                  <button
                    type="button"
                    class="oc-button"
                    aria-label={named(s.paused ? m.resume : m.pause, s.name ?? s.feedId)}
                    onClick={() =>
                      void attempt(
                        s.feedId,
                        m.notDone(s.paused ? m.resume : m.pause, s.name ?? s.feedId),
                        () => model.setPaused(s.feedId, !s.paused),
                      ).then(
                        // The row's mark is silent, and the button's new word not heard by all.
                        (done) =>
                          done &&
                          say(
                            (s.paused ? m.subscriptionResumed : m.subscriptionPaused)(
                              s.name ?? s.feedId,
                            ),
                          ),
                      )
                    }
                  >
                    {s.paused ? m.resume : m.pause}
                  </button>
                  {/* A paused feed is not downloaded: resuming it downloads it when due. */}
                  {s.url && !s.paused && (
                    <button
                      type="button"
                      class="oc-button"
                      aria-label={named(m.refreshNow, s.name ?? s.feedId)}
                      onClick={() => refresh(s.feedId, s.name ?? s.feedId)}
                    >
                      {m.refreshNow}
                    </button>
                  )}
                  {!s.bundled && (
                    <button
                      type="button"
                      class="oc-button"
                      aria-label={named(m.remove, s.name ?? s.feedId)}
                      data-remove=""
                      {...(s.followed || s.questions
                        ? {
                            'aria-expanded': asking === s.feedId ? 'true' : 'false',
                            'aria-controls': `oc-remove-${i}`,
                          }
                        : {})}
                      onClick={(event) => {
                        const row = closest(event, 'tr');
                        if (!s.followed && !s.questions) {
                          void remove(row, s.feedId, s.name ?? s.feedId);
                          return;
                        }
                        setAsking(s.feedId);
                        focusIn(row, '[data-remove-ask]');
                      }}
                    >
                      {m.remove}
                    </button>
                  )}
                </div>
                {/* What removing takes away, or keeps, said before it is done; Escape cancels. */}
                {asking === s.feedId && (s.followed || s.questions) && (
                  <div
                    role="group"
                    id={`oc-remove-${i}`}
                    aria-labelledby={`oc-remove-${i}-ask`}
                    class="oc-confirm"
                    data-remove-confirm=""
                    onKeyDown={(event) => {
                      if (event.key !== 'Escape') return;
                      event.preventDefault();
                      cancel(closest(event, 'tr'));
                    }}
                  >
                    {/* Focused when it opens: read out, and no button that a second Enter presses. */}
                    <p tabIndex={-1} data-remove-ask="">
                      <span id={`oc-remove-${i}-ask`}>
                        <Sentence
                          message={m.removeAsk}
                          value={
                            <bdi lang={s.nameLang !== lang ? s.nameLang : undefined}>
                              {s.name ?? s.feedId}
                            </bdi>
                          }
                        />
                      </span>
                      {s.followed ? <> {m.removeFollowed(s.followed)}</> : null}
                      {s.questions ? <> {m.removeQuestionsKept(s.questions)}</> : null}
                    </p>
                    <div class="oc-actions">
                      <button
                        type="button"
                        class="oc-button oc-danger"
                        aria-label={named(m.removeConfirm, s.name ?? s.feedId)}
                        // Not done, the question stays, focus on this button, the reason below.
                        onClick={(event) =>
                          void remove(closest(event, 'tr'), s.feedId, s.name ?? s.feedId).then(
                            (done) => done && setAsking(undefined),
                          )
                        }
                      >
                        {m.removeConfirm}
                      </button>
                      <button
                        type="button"
                        class="oc-button"
                        aria-label={named(m.removeCancel, s.name ?? s.feedId)}
                        onClick={(event) => cancel(closest(event, 'tr'))}
                      >
                        {m.removeCancel}
                      </button>
                    </div>
                  </div>
                )}
                {failure(s.feedId)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="oc-visually-hidden" role="status" data-refresh-result="">
        {said}
      </p>

      <h2 id="oc-hidden-sites" tabIndex={-1}>
        {m.hiddenSites}
      </h2>
      {model.hidden.value.length === 0 ? (
        !model.error.value && <p>{m.none}</p>
      ) : (
        <ul class="oc-hidden-list">
          {model.hidden.value.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>{' '}
              <button
                type="button"
                class="oc-button"
                aria-label={named(m.showAgain, origin)}
                onClick={(event) =>
                  void removeKeepingFocus(closest(event, 'li'), 'oc-hidden-sites', () =>
                    model.unhide(origin),
                  ).then(() => say(m.shownAgain(origin)))
                }
              >
                {m.showAgain}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="dashboard.html">{m.popupDashboard}</a>
      </p>
    </main>
  );
}
