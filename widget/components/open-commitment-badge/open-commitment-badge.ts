import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Commitment, Feed } from '../../../shared/feed/types.ts';
import { coreMessages } from '../../../shared/i18n/core-messages.ts';
import { formatDate, formatNumber, formatPercent } from '../../../shared/i18n/format.ts';
import { pickLang, type Lang } from '../../../shared/i18n/lang.ts';
import { interpellationLink } from '../../../shared/interpellation/interpellation-link.ts';
import { interpellationStats } from '../../../shared/interpellation/interpellation-stats.ts';
import { todayString } from '../../../shared/status/dates.ts';
import { viewCommitment } from '../../../shared/status/view-commitment.ts';
import { feedSource, type FeedState } from '../../lib/feed-source.ts';
import { commonMessages, type CommonMessages } from '../../lib/messages.ts';
import {
  askAction,
  paragraphs,
  progressBar,
  safeHref,
  show,
  textSpan,
} from '../../lib/render-helpers.ts';
import { styles } from './open-commitment-badge.styles.ts';

/**
 * One commitment's status on one line, for any page about it: the publisher's status label, its
 * progress, a late mark and a link to the commitment's page, with a details popover (summary,
 * lead, due date, last update, citizens' questions, and the way to question the publisher).
 * Several badges and a dashboard showing the same feed share one request.
 *
 * @summary One commitment's status, progress and late mark, with a details popover.
 *
 * @attr src - URL of the feed (JSON, `open-commitments/1`).
 * @attr commitment - Id of the commitment to show.
 * @attr lang - Interface language, `fr` or `en`; defaults to the closest `lang` up the page.
 * @attr theme - `default`, `dsfr` or `dark`; without it, follows `prefers-color-scheme`.
 * @attr today - The day lateness is computed for (`YYYY-MM-DD`); defaults to the viewer's today.
 *
 * @fires oc-load - The feed is shown; `detail` is the normalised feed.
 * @fires oc-error - Loading the feed failed; `detail` is `{url, reason, message, errors}`.
 *
 * @csspart base - The one-line badge.
 * @csspart status - The status label (carries `data-category`).
 * @csspart progress - The progress bar.
 * @csspart link - The link to the commitment's page.
 * @csspart toggle - The button that opens the details.
 * @csspart popover - The details.
 * @csspart ask - The interpellation action.
 *
 * @cssprop --oc-font - Font family.
 * @cssprop --oc-font-size - Base font size (default `1rem`).
 * @cssprop --oc-color-text - Text colour.
 * @cssprop --oc-color-muted - Secondary text colour.
 * @cssprop --oc-color-bg - Background.
 * @cssprop --oc-color-surface - Background of the popover panels.
 * @cssprop --oc-color-border - Borders.
 * @cssprop --oc-color-accent - Links and buttons.
 * @cssprop --oc-color-focus - Focus outline.
 * @cssprop --oc-color-late - Late mark.
 * @cssprop --oc-color-track - Empty part of the progress bar.
 * @cssprop --oc-radius - Corner radius.
 * @cssprop --oc-status-limited - Colour of a category (likewise `not-started`, `substantial`,
 *   `complete`, `withdrawn`, `unknown`, each with a `-bg` background).
 */
export class OpenCommitmentBadge extends LitElement {
  static override styles = styles;

  static override properties = {
    src: { type: String },
    commitment: { type: String },
    theme: { type: String, reflect: true },
    today: { type: String },
    feedState: { state: true, attribute: false },
    open: { state: true, attribute: false },
    asking: { state: true, attribute: false },
  };

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** URL of the feed. */
  declare src: string | undefined;
  /** Id of the commitment shown. */
  declare commitment: string | undefined;
  /** `default`, `dsfr` or `dark`. */
  declare theme: string | undefined;
  /** The day lateness is computed for, `YYYY-MM-DD`. */
  declare today: string | undefined;

  declare private feedState: FeedState;
  declare private open: boolean;
  declare private asking: boolean;

  private unsubscribe: (() => void) | undefined;
  private shownEntry: unknown;
  private shownError: unknown;

  constructor() {
    super();
    this.feedState = { phase: 'loading', revision: 0 };
    this.open = false;
    this.asking = false;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.isConnected && changed.get('src') !== undefined)
      this.subscribe();
  }

  protected override update(changed: PropertyValues): void {
    if (changed.has('feedState')) this.announce();
    super.update(changed);
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!this.src) return;
    const source = feedSource(this.src);
    this.feedState = source.state;
    this.unsubscribe = source.subscribe((state) => {
      this.feedState = state;
    });
  }

  private announce(): void {
    const { entry, error } = this.feedState;
    if (entry && entry !== this.shownEntry) {
      this.shownEntry = entry;
      this.dispatchEvent(
        new CustomEvent('oc-load', { detail: entry.feed, bubbles: true, composed: true }),
      );
    }
    if (error && error !== this.shownError && !entry) {
      this.shownError = error;
      this.dispatchEvent(
        new CustomEvent('oc-error', {
          detail: {
            url: this.src,
            reason: error.reason,
            message: error.message,
            errors: error.errors ?? [],
          },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  private get viewerLang(): Lang {
    const tagged = this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    return pickLang(tagged || navigator.language);
  }

  private get todayDate(): string {
    return this.today && /^\d{4}-\d{2}-\d{2}$/.test(this.today)
      ? this.today
      : todayString(new Date());
  }

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      // Focus first: keyboard focus on the button opens the details, and they must end closed.
      this.renderRoot.querySelector<HTMLElement>('.toggle')?.focus();
      this.open = false;
      this.asking = false;
    }
  };

  private onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (this.open && next !== null && !this.contains(next) && !this.renderRoot.contains(next)) {
      this.open = false;
      this.asking = false;
    }
  };

  private onToggleFocus = (event: FocusEvent): void => {
    // Keyboard focus opens the details; a click decides for itself.
    if ((event.target as HTMLElement).matches(':focus-visible')) this.open = true;
  };

  protected override render(): TemplateResult {
    const lang = this.viewerLang;
    const m = commonMessages[lang];
    const { entry, phase } = this.feedState;
    if (!entry) {
      return html`<span
        class="root badge muted"
        part="base"
        lang=${lang}
        role=${phase === 'error' ? 'alert' : 'status'}
        >${phase === 'error' ? m.errorTitle : m.loading}</span
      >`;
    }
    const feed = entry.feed;
    const commitment = feed.commitments.find((c) => c.id === this.commitment);
    if (!commitment) {
      return html`<span class="root badge muted" part="base" lang=${lang}
        >${m.commitmentMissing(this.commitment ?? '')}</span
      >`;
    }
    return this.badge(feed, commitment, lang, m);
  }

  private badge(feed: Feed, commitment: Commitment, lang: Lang, m: CommonMessages): TemplateResult {
    const today = this.todayDate;
    const core = coreMessages[lang];
    const view = viewCommitment(feed, commitment, today);
    const category = view.status.category;
    const label = view.status.label
      ? show(view.status.label, lang, feed.languages)
      : { text: core.category[category] };
    const title = show(commitment.title, lang, feed.languages) ?? { text: commitment.id };
    const url = safeHref(commitment.url);
    const popover = 'oc-popover';
    return html`<span
      class="root badge cat-${category}"
      part="base"
      lang=${lang}
      data-commitment-id=${commitment.id}
      @keydown=${this.onKeydown}
      @focusout=${this.onFocusOut}
    >
      <span class="line">
        <span class="status" part="status" data-category=${category} lang=${ifDefined(label?.lang)}
          >${label?.text}</span
        >
        ${progressBar(view.progress, lang, `${core.progress} : ${title.text}`, m.noProgress)}
        ${view.late ? html`<span class="late" part="late">${core.late}</span>` : nothing}
        ${
          url
            ? html`<a class="title" part="link" href=${url} rel="noopener noreferrer"
                >${textSpan(title)}</a
              >`
            : html`<span class="title">${textSpan(title)}</span>`
        }
        <button
          type="button"
          class="toggle"
          part="toggle"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls=${popover}
          @click=${() => (this.open = !this.open)}
          @focus=${this.onToggleFocus}
        >
          <span aria-hidden="true">i</span
          ><span class="sr-only">${m.badgeDetails(title.text)}</span>
        </button>
      </span>
      <div
        id=${popover}
        class="popover"
        part="popover"
        role="region"
        aria-label=${m.badgeDetails(title.text)}
        ?hidden=${!this.open}
      >
        ${this.open ? this.details(feed, commitment, lang, m, today) : nothing}
      </div>
    </span>`;
  }

  private details(
    feed: Feed,
    commitment: Commitment,
    lang: Lang,
    m: CommonMessages,
    today: string,
  ): TemplateResult {
    const core = coreMessages[lang];
    const publisher = show(feed.publisher.name, lang, feed.languages);
    const title = show(commitment.title, lang, feed.languages);
    const summary = show(commitment.summary, lang, feed.languages);
    const lead = show(commitment.lead, lang, feed.languages);
    const last = [...(commitment.updates ?? [])].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    const stats = interpellationStats(feed, [commitment], today);
    const n = (value: number) => formatNumber(value, lang);
    const link = interpellationLink(feed, commitment, { lang, page: location.href });
    return html`<p class="by">${publisher ? m.by(publisher.text) : nothing}</p>
      <p class="pop-title"><strong>${textSpan(title)}</strong></p>
      ${summary ? paragraphs(summary) : nothing}
      <dl class="facts">
        ${
          lead
            ? html`<div>
                <dt>${core.lead}</dt>
                <dd>${textSpan(lead)}</dd>
              </div>`
            : nothing
        }
        ${
          commitment.due
            ? html`<div>
                <dt>${core.due}</dt>
                <dd>${formatDate(commitment.due, lang)}</dd>
              </div>`
            : nothing
        }
        ${
          last
            ? html`<div>
                <dt>${m.timeline}</dt>
                <dd>
                  ${formatDate(last.date, lang)}${last.progress !== undefined ? ` · ${formatPercent(last.progress, lang)}` : ''}
                  ${last.note ? html`— ${textSpan(show(last.note, lang, feed.languages))}` : nothing}
                </dd>
              </div>`
            : nothing
        }
        ${
          stats.asked > 0
            ? html`<div>
                <dt>${m.questions}</dt>
                <dd>
                  ${m.commitmentStats(n(stats.asked), n(stats.answered), stats.asked, stats.answered)}${
                    stats.overdue > 0
                      ? html` · <span class="late">${m.statsOverdue} : ${n(stats.overdue)}</span>`
                      : nothing
                  }
                </dd>
              </div>`
            : nothing
        }
      </dl>
      ${askAction({
        id: `badge-${commitment.id}`,
        link,
        open: this.asking,
        toggle: () => (this.asking = !this.asking),
        lang,
        m,
      })}`;
  }
}
