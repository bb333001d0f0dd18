import type { Commitment, Feed } from '../../../shared/feed/types.ts';
import { coreMessages } from '../../../shared/i18n/core-messages.ts';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
} from '../../../shared/i18n/format.ts';
import type { Lang } from '../../../shared/i18n/lang.ts';
import { interpellationLink } from '../../../shared/interpellation/interpellation-link.ts';
import { interpellationStats } from '../../../shared/interpellation/interpellation-stats.ts';
import { viewCommitment } from '../../../shared/status/view-commitment.ts';
import { isSettled } from '../../../shared/status/late.ts';
import { sheet } from '../../lib/css.ts';
import { askAction } from '../../lib/ask-action.ts';
import { h, present, setOrRemove, upgradeProperties, type Child } from '../../lib/dom.ts';
import { feedSource, type FeedSource, type FeedState } from '../../lib/feed-source.ts';
import { commonMessages, type CommonMessages } from '../../lib/messages.ts';
import { safeHref, show, type Shown } from '../../lib/show.ts';
import { styles } from './open-commitment-badge.styles.ts';
import { followFrTheme } from '../../lib/follow-fr-theme.ts';
import { viewerLang, viewerToday, watchPageLang } from '../../lib/viewer.ts';
import { announceFeedState, type Announced } from '../../lib/announce.ts';
import { describeFailure } from '../../lib/describe-failure.ts';

let stylesheet: CSSStyleSheet | undefined;

/** The failures a badge has said in an alert: the other badges of the feed show them without one. */
const alerted = new WeakSet<object>();

/**
 * One commitment's status on one line, for any page about it: the publisher's status label, its
 * progress, a late mark and a link to the commitment's page, with a details popover (summary,
 * lead, due date, last update, citizens' questions, and the way to question the publisher).
 * Several badges and a dashboard showing the same feed share one request.
 *
 * Written on the DOM alone, not Lit (unlike the dashboard): a page that embeds only badges loads
 * the badge bundle, and Lit was a third of it. Feed text only ever becomes text nodes
 * (`textContent`, `append` of strings) and attribute values; the only links are http(s) ones.
 *
 * @summary One commitment's status, progress and late mark, with a details popover.
 *
 * @attr src - URL of the feed (JSON, `open-commitments/1`).
 * @attr commitment - Id of the commitment to show.
 * @attr lang - Interface language, `fr` or `en`; defaults to the closest `lang` up the page.
 * @attr theme - `default`, `dsfr` or `dark`; without it, follows `prefers-color-scheme`. `dsfr`
 *   turns dark with a site of the French State design system (`data-fr-theme="dark"` on `<html>`).
 * @attr today - The day lateness is computed for (`YYYY-MM-DD`); defaults to the viewer's today.
 * @attr no-refresh - Do not ask the publisher again every 5 minutes while the page is visible.
 *
 * @cssstate fr-dark - Theme `dsfr` on a page in the design system's dark theme: dark colours.
 *
 * @fires oc-load - The feed is shown; `detail` is the normalised feed.
 * @fires oc-error - Loading or refreshing the feed failed; `detail` is `{url, reason, message, errors}`.
 *
 * @csspart base - The one-line badge.
 * @csspart status - The status label (carries `data-category`).
 * @csspart progress - The progress bar.
 * @csspart stale - The mark shown when the latest refresh failed and the copy shown is older.
 * @csspart late - The late mark.
 * @csspart link - The link to the commitment's page.
 * @csspart toggle - The button that opens the details.
 * @csspart popover - The details.
 * @csspart ask - The interpellation action.
 * @csspart no-channel - The sentence shown when the publisher offers no interpellation channel.
 *
 * @cssprop --oc-font - Font family.
 * @cssprop --oc-font-size - Base font size (default `1rem`).
 * @cssprop --oc-color-text - Text colour.
 * @cssprop --oc-color-muted - Secondary text colour.
 * @cssprop --oc-color-bg - Background.
 * @cssprop --oc-color-surface - Background of the popover panels.
 * @cssprop --oc-color-border - Borders.
 * @cssprop --oc-color-accent - Links and buttons.
 * @cssprop --oc-color-on-accent - Text on the details button while the details are open.
 * @cssprop --oc-color-focus - Focus outline.
 * @cssprop --oc-color-late - Late mark.
 * @cssprop --oc-color-track - Empty part of the progress bar.
 * @cssprop --oc-radius - Corner radius.
 * @cssprop --oc-status-not-started - Colour of the "not started" category.
 * @cssprop --oc-status-not-started-bg - Background of its label.
 * @cssprop --oc-status-limited - Colour of the "limited" category.
 * @cssprop --oc-status-limited-bg - Background of its label.
 * @cssprop --oc-status-substantial - Colour of the "substantial" category.
 * @cssprop --oc-status-substantial-bg - Background of its label.
 * @cssprop --oc-status-complete - Colour of the "complete" category.
 * @cssprop --oc-status-complete-bg - Background of its label.
 * @cssprop --oc-status-withdrawn - Colour of the "withdrawn" category.
 * @cssprop --oc-status-withdrawn-bg - Background of its label.
 * @cssprop --oc-status-unknown - Colour of the "unknown" category.
 * @cssprop --oc-status-unknown-bg - Background of its label.
 */
export class OpenCommitmentBadge extends HTMLElement {
  static readonly observedAttributes = [
    'src',
    'commitment',
    'theme',
    'today',
    'lang',
    'no-refresh',
  ];

  #feedState: FeedState = { phase: 'loading', revision: 0 };
  #open = false;
  /**
   * The details were opened by keyboard focus on their button, which still has it: the press that
   * comes next (Enter, Space, or a screen reader's click after moving there) leaves them open
   * rather than close what the person is about to read.
   */
  #focusOpened = false;
  #unsubscribe: (() => void) | undefined;
  #source: FeedSource | undefined;
  #unwatchLang: (() => void) | undefined;
  readonly #announced: Announced = {};
  readonly #shadow: ShadowRoot;
  #toggleButton: HTMLButtonElement | undefined;
  #details: HTMLElement | undefined;
  #drawDetails: (() => Child[]) | undefined;
  /** Aborted to remove the listeners on the page that exist while the details are open. */
  #pageListeners: AbortController | undefined;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = [(stylesheet ??= sheet(styles))];
  }

  /** URL of the feed. */
  get src(): string | undefined {
    return this.getAttribute('src') ?? undefined;
  }
  set src(value: string | undefined) {
    setOrRemove(this, 'src', value);
  }

  /** Id of the commitment shown. */
  get commitment(): string | undefined {
    return this.getAttribute('commitment') ?? undefined;
  }
  set commitment(value: string | undefined) {
    setOrRemove(this, 'commitment', value);
  }

  /** `default`, `dsfr` or `dark`. */
  get theme(): string | undefined {
    return this.getAttribute('theme') ?? undefined;
  }
  set theme(value: string | undefined) {
    setOrRemove(this, 'theme', value);
  }

  /** The day lateness is computed for, `YYYY-MM-DD`. */
  get today(): string | undefined {
    return this.getAttribute('today') ?? undefined;
  }
  set today(value: string | undefined) {
    setOrRemove(this, 'today', value);
  }

  /** No periodic refresh. */
  get noRefresh(): boolean {
    return this.hasAttribute('no-refresh');
  }
  set noRefresh(value: boolean) {
    this.toggleAttribute('no-refresh', value);
  }

  /**
   * Resolves once what the badge shows is up to date, like a Lit element's: rendering here is
   * synchronous, so it is always already the case.
   */
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }

  connectedCallback(): void {
    upgradeProperties(this, ['src', 'commitment', 'theme', 'noRefresh', 'today']);
    this.#unwatchLang = watchPageLang(() => this.#draw());
    followFrTheme(this);
    this.#subscribe();
  }

  disconnectedCallback(): void {
    this.#unwatchLang?.();
    followFrTheme(this);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#listen(false);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if ((name === 'src' || name === 'no-refresh') && this.isConnected) this.#subscribe();
    else if (name === 'theme') followFrTheme(this);
    else this.#draw();
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const src = this.src;
    this.#source = undefined;
    if (src) {
      const source = (this.#source = feedSource(src));
      this.#feedState = source.state;
      const unsubscribe = source.subscribe((state) => {
        this.#feedState = state;
        this.#announce();
        this.#draw();
      });
      // Alone on a page, badges keep their feed fresh as a dashboard does: a failure or a stale
      // copy mends itself without a reload.
      const release = this.hasAttribute('no-refresh') ? undefined : source.keepFresh();
      this.#unsubscribe = () => {
        unsubscribe();
        release?.();
      };
    }
    this.#announce();
    this.#draw();
  }

  /** Fires `oc-load` / `oc-error` once per new copy or failure. */
  #announce(): void {
    announceFeedState(this, this.#feedState, this.#source?.url, this.#announced);
  }

  /** Opens or closes the details, keeping the button and the panel (and focus) in place. */
  #setOpen(open: boolean): void {
    this.#open = open;
    if (!open) this.#focusOpened = false;
    const panel = this.#details;
    this.#toggleButton?.setAttribute('aria-expanded', String(open));
    this.#listen(open && !!panel && this.isConnected);
    if (!panel) return;
    panel.hidden = !open;
    panel.replaceChildren(...present(open && this.#drawDetails ? this.#drawDetails() : []));
    // In the top layer where browsers have it: a card of the page that clips what overflows it
    // (overflow: hidden) would otherwise cut the details off, and a click would seem to do nothing.
    if (panel.showPopover && panel.isConnected && open !== panel.matches(':popover-open')) {
      if (open) panel.showPopover();
      else panel.hidePopover();
    }
    this.#place();
  }

  /**
   * Listens to the page while the details are open, and only then: Escape anywhere and a
   * pointer pressed outside the badge close them, as WCAG 1.4.13 asks of content shown on demand
   * (https://www.w3.org/WAI/WCAG22/Understanding/content-on-hover-or-focus).
   */
  #listen(on: boolean): void {
    if (on === !!this.#pageListeners) return;
    this.#pageListeners?.abort();
    this.#pageListeners = undefined;
    if (!on) return;
    this.#pageListeners = new AbortController();
    const { signal } = this.#pageListeners;
    document.addEventListener('keydown', this.#onPageKeydown, { signal });
    document.addEventListener('pointerdown', this.#onPagePointerDown, { signal, capture: true });
    window.addEventListener('resize', this.#place, { signal });
    // Placed in the window, not in the page: they follow the badge when the page scrolls.
    document.addEventListener('scroll', this.#place, { signal, capture: true, passive: true });
  }

  /**
   * Places the open details in the window (they are fixed, to escape a clipping card): under the
   * badge from its left edge, shifted left as far as needed to end inside the viewport (the badge
   * may sit near the page's right edge or in a narrow column). When they do not fit below, they
   * open above the badge if there is more room there, else a click on the button would seem to do
   * nothing; taller than the room they have, they scroll. A page zoomed with CSS (`zoom` on its
   * body, as some text-size tools do) zooms them too: the window and the badge, measured as drawn,
   * are counted in their own pixels, else they would open past the window's edge.
   */
  #place = (): void => {
    const panel = this.#details;
    const line = panel?.previousElementSibling;
    if (!panel || panel.hidden || !line) return;
    const margin = 8;
    const gap = 6;
    const zoom = panel.currentCSSZoom || 1;
    const drawn = line.getBoundingClientRect();
    const badge = { left: drawn.left / zoom, top: drawn.top / zoom, bottom: drawn.bottom / zoom };
    const windowWidth = document.documentElement.clientWidth / zoom;
    const windowHeight = innerHeight / zoom;
    panel.style.setProperty('max-width', `${windowWidth - 2 * margin}px`);
    const width = panel.offsetWidth;
    // Their whole height, though they may be scrolling now (without undoing their max-height,
    // which would send a reader scrolling them back to their top).
    const height = panel.scrollHeight + panel.offsetHeight - panel.clientHeight;
    const below = windowHeight - badge.bottom - gap - margin;
    const above = badge.top - gap - margin;
    const up = height > below && above > below;
    const room = Math.max(up ? above : below, 0);
    const scrolls = height > room;
    if (scrolls) panel.style.setProperty('max-height', `${room}px`);
    else panel.style.removeProperty('max-height');
    // Scrolling with nothing in them to focus (no interpellation action), they take keyboard focus,
    // for arrow keys to scroll them in every browser; with a button, Tab goes through them.
    setOrRemove(panel, 'tabindex', scrolls && !panel.querySelector('button') ? '0' : undefined);
    const left = Math.min(badge.left, windowWidth - margin - width);
    panel.style.setProperty('left', `${Math.max(left, margin)}px`);
    panel.style.setProperty(
      'top',
      `${up ? badge.top - gap - Math.min(height, room) : badge.bottom + gap}px`,
    );
  };

  /** Escape with focus elsewhere in the page closes the details and leaves focus there. */
  #onPageKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.#setOpen(false);
  };

  /** A click or a tap outside the badge closes the details; focus goes where the person put it. */
  #onPagePointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.#setOpen(false);
  };

  /**
   * Escape with focus in the badge closes the details and puts focus back on the button, and
   * nothing else: not a modal dialog of the page that holds the badge, which Escape would close too.
   */
  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.#open) {
      event.preventDefault();
      event.stopPropagation();
      // Focus first: keyboard focus on the button opens the details, and they must end closed.
      this.#toggleButton?.focus();
      this.#setOpen(false);
    }
  };

  /**
   * A badge in a link (a card of the page wrapped in `<a href>`, invalid but common): a click on one
   * of its buttons or in its details, by mouse or keyboard, would follow that link too, taking the
   * reader away from what they asked for. Its own links still open what they name.
   */
  #onClick = (event: Event): void => {
    const target = event.target as Element;
    if (!target.closest('a') && target.closest('.toggle,.popover')) event.preventDefault();
  };

  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (this.#open && next !== null && !this.contains(next) && !this.#shadow.contains(next)) {
      this.#setOpen(false);
    }
  };

  /** Renders everything again from the feed state and the attributes. */
  #draw(): void {
    const lang = viewerLang(this);
    const m = commonMessages[lang];
    const { entry, error, phase } = this.#feedState;
    // The control that holds focus, focused again once drawn anew (else the details button): a
    // new copy, a failed refresh or another language left a keyboard reader at the page's top. In
    // the details, the interpellation action is opened again too, for a reader in it.
    const active = this.#shadow.activeElement;
    const focused = active && control(active);
    const asking = !!this.#details?.querySelector("[aria-expanded='true']");
    const open = this.#open;
    this.#toggleButton = undefined;
    this.#details = undefined;
    this.#drawDetails = undefined;
    this.#listen(false);
    if (!this.src) {
      this.#shadow.replaceChildren(
        h('span', { class: 'root badge muted line', part: 'base', lang }, m.noSource),
      );
      return;
    }
    if (!entry) {
      const words = phase === 'error' ? m.badgeError : m.badgeLoading;
      // Already said: kept, as an alert put in the page again is heard again (at each failed retry).
      // Words alone are drawn as the line is, on the badge's background: in its muted colour on the
      // page's own, a dark page (or a dark theme on a light page) left them unreadable.
      // One alert for a failure, however many badges of the feed show it: each was read out.
      if (this.#shadow.textContent !== words) {
        const alert = !!error && !alerted.has(error);
        if (error) alerted.add(error);
        this.#shadow.replaceChildren(
          h(
            'span',
            {
              class: 'root badge muted line',
              part: 'base',
              lang,
              role: alert ? 'alert' : error ? undefined : 'status',
            },
            words,
          ),
        );
      }
      return;
    }
    const feed = entry.feed;
    const commitment = feed.commitments.find((c) => c.id === this.commitment);
    if (!commitment) {
      this.#shadow.replaceChildren(
        h(
          'span',
          { class: 'root badge muted line', part: 'base', lang },
          m.commitmentMissing(this.commitment ?? ''),
        ),
      );
      return;
    }
    this.#shadow.replaceChildren(this.#badge(feed, commitment, lang, m));
    const find = () =>
      [...this.#shadow.querySelectorAll<HTMLElement>('a,button,[tabindex]')].find(
        (element) => control(element) === focused,
      );
    // A control of the line first: keyboard focus on the button opens the details.
    find()?.focus();
    // Open or closed as they were, whatever focus on the button did.
    this.#setOpen(open);
    if (asking) this.#shadow.querySelector<HTMLElement>('.ask>button')?.click();
    if (focused) (find() ?? this.#toggleButton)?.focus();
  }

  #badge(feed: Feed, commitment: Commitment, lang: Lang, m: CommonMessages): HTMLElement {
    const today = viewerToday(this.today);
    const core = coreMessages[lang];
    const view = viewCommitment(feed, commitment, today);
    const category = view.status.category;
    const label = view.status.label
      ? show(view.status.label, lang, feed.languages)
      : { text: core.category[category] };
    const title = show(commitment.title, lang, feed.languages) ?? { text: commitment.id };
    const url = safeHref(commitment.url);
    const popoverId = 'oc-popover';
    const toggle = h(
      'button',
      { type: 'button', class: 'toggle', part: 'toggle', 'aria-controls': popoverId },
      h('span', { 'aria-hidden': 'true' }, 'i'),
      h('span', { class: 'sr-only' }, m.badgeDetails(title.text)),
    ) as HTMLButtonElement;
    toggle.addEventListener('click', () => {
      if (this.#focusOpened) this.#focusOpened = false;
      else this.#setOpen(!this.#open);
    });
    toggle.addEventListener('focus', () => {
      // Keyboard focus opens the details; a click decides for itself. Open already (a reader back
      // on the button from them), they are left as they are, the interpellation action open or not.
      if (!this.#open && toggle.matches(':focus-visible')) {
        this.#setOpen(true);
        this.#focusOpened = true;
      }
    });
    toggle.addEventListener('blur', () => (this.#focusOpened = false));
    const popover = h('div', {
      id: popoverId,
      class: 'popover',
      part: 'popover',
      popover: 'manual',
      role: 'region',
      'aria-label': m.badgeDetails(title.text),
    });
    // Opening or closing the interpellation action changes their height: placed again, they
    // keep its link in the window, where keyboard focus can be seen on it.
    popover.addEventListener('click', this.#place);
    this.#toggleButton = toggle;
    this.#details = popover;
    this.#drawDetails = () => this.#detailsOf(feed, commitment, lang, m, today);
    const root = h(
      'span',
      {
        class: `root badge cat-${category}`,
        part: 'base',
        lang,
        'data-commitment-id': commitment.id,
      },
      h(
        'span',
        { class: 'line' },
        h(
          'span',
          { class: 'status', part: 'status', 'data-category': category, lang: label?.lang },
          label?.text ?? '',
        ),
        // Done or given up, a commitment without a figure has nothing more to say of progress.
        (view.progress !== undefined || !isSettled(category)) &&
          progressBar(view.progress, lang, `${core.progress}${m.colon}${title.text}`, m.noProgress),
        view.late && h('span', { class: 'late', part: 'late' }, core.late),
        // The copy shown is the last good one: said on the line, its date in the details.
        this.#feedState.error && h('span', { class: 'stale', part: 'stale' }, m.badgeStaleMark),
        // The details button stays beside the title: a title too long for its row is cut first.
        h(
          'span',
          { class: 'name' },
          url
            ? h(
                'a',
                { class: 'title', part: 'link', href: url, rel: 'noopener noreferrer' },
                textSpan(title),
              )
            : h('span', { class: 'title' }, textSpan(title)),
          toggle,
        ),
      ),
      popover,
    );
    root.addEventListener('keydown', this.#onKeydown);
    // Before the buttons' own listeners, which may take them out of the details. A middle click
    // on them opened the link in a new tab.
    root.addEventListener('click', this.#onClick, true);
    root.addEventListener('auxclick', this.#onClick, true);
    root.addEventListener('focusout', this.#onFocusOut);
    return root;
  }

  #detailsOf(
    feed: Feed,
    commitment: Commitment,
    lang: Lang,
    m: CommonMessages,
    today: string,
  ): Child[] {
    const core = coreMessages[lang];
    const publisher = show(feed.publisher.name, lang, feed.languages);
    const title = show(commitment.title, lang, feed.languages);
    const summary = show(commitment.summary, lang, feed.languages);
    const lead = show(commitment.lead, lang, feed.languages);
    const last = [...(commitment.updates ?? [])].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    const stats = interpellationStats(feed, [commitment], today);
    const n = (value: number) => formatNumber(value, lang);
    const link = interpellationLink(feed, commitment, { lang, page: location.href });
    const fact = (term: string, ...value: Child[]) =>
      h('div', {}, h('dt', {}, term, m.colon), h('dd', {}, ...value));
    // The last good copy, shown after a failed refresh: said so, with when it was last refreshed.
    const { entry, error } = this.#feedState;
    return [
      error &&
        entry &&
        h(
          'p',
          { class: 'by' },
          m.badgeStale(formatDateTime(new Date(entry.checkedAt).toISOString(), lang)),
          ' ',
          describeFailure(error, m, lang),
        ),
      h('p', { class: 'by' }, publisher && `${m.by} `, textSpan(publisher)),
      h('p', { class: 'pop-title' }, h('strong', {}, textSpan(title))),
      summary && paragraphs(summary),
      h(
        'dl',
        { class: 'facts' },
        lead && fact(core.lead, textSpan(lead)),
        commitment.due && fact(core.due, formatDate(commitment.due, lang)),
        last &&
          fact(
            m.badgeLatest,
            formatDate(last.date, lang),
            last.progress !== undefined && ` ·\u00a0${formatPercent(last.progress, lang)}`,
            last.note && ' —\u00a0',
            last.note && textSpan(show(last.note, lang, feed.languages)),
          ),
        stats.asked > 0 &&
          fact(
            m.questions,
            m.commitmentStats(n(stats.asked), n(stats.answered), stats.asked, stats.answered),
            stats.overdue > 0 && ' ·\u00a0',
            stats.overdue > 0 &&
              h('span', { class: 'late' }, `${m.statsOverdue}${m.colon}${n(stats.overdue)}`),
          ),
      ),
      askAction(`badge-${commitment.id}`, link, lang, m, title?.text ?? commitment.id),
    ];
  }
}

/** A focusable element of the badge told apart from the others: its part, else its name. */
function control(element: Element): string | null {
  return element.getAttribute('part') ?? element.ariaLabel ?? element.textContent;
}

/**
 * Feed text, isolated in a `<bdi>` (a right-to-left override in it cannot turn the badge's own
 * words after it around), carrying its language when it differs from the viewer's.
 */
function textSpan(shown: Shown | undefined): Child {
  return shown && h('bdi', { lang: shown.lang }, shown.text);
}

/** Feed text as paragraphs, one per line-break-separated block, each in its own direction. */
function paragraphs(shown: Shown): HTMLElement {
  const blocks = shown.text.split(/\r?\n\s*/).filter((block) => block.trim() !== '');
  return h(
    'div',
    { class: 'prose', lang: shown.lang },
    ...blocks.map((block) => h('p', { dir: 'auto' }, block)),
  );
}

/**
 * The progress bar with its percentage in words; the width goes through the CSS object model,
 * which a page's strict `style-src` allows, unlike a `style` attribute.
 */
function progressBar(
  progress: number | undefined,
  lang: Lang,
  label: string,
  none: string,
): HTMLElement {
  if (progress === undefined) return h('span', { class: 'progress unknown' }, none);
  const value = Math.round(Math.max(0, Math.min(100, progress)));
  const fill = h('span');
  fill.style.setProperty('width', `${value}%`);
  return h(
    'span',
    { class: 'progress' },
    h(
      'span',
      {
        class: 'bar',
        part: 'progress',
        role: 'progressbar',
        'aria-label': label,
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-valuenow': String(value),
      },
      fill,
    ),
    h('span', { class: 'percent' }, formatPercent(value, lang)),
  );
}
