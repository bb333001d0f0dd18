import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import {
  CATEGORIES,
  type Category,
  type Commitment,
  type Feed,
} from '../../../shared/feed/types.ts';
import { coreMessages } from '../../../shared/i18n/core-messages.ts';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
} from '../../../shared/i18n/format.ts';
import type { Lang } from '../../../shared/i18n/lang.ts';
import {
  interpellationLink,
  type InterpellationLink,
} from '../../../shared/interpellation/interpellation-link.ts';
import {
  interpellationStats,
  type InterpellationStats,
} from '../../../shared/interpellation/interpellation-stats.ts';
import { daysOverdue, isLate, isSettled } from '../../../shared/status/late.ts';
import { resolveStatus } from '../../../shared/status/resolve-status.ts';
import { feedSource, type FeedSource, type FeedState } from '../../lib/feed-source.ts';
import {
  applyFilters,
  commitmentKey,
  hasOwnKeys,
  limitToShow,
  NO_FILTERS,
  PAGE_SIZE,
  parseCategories,
  readHash,
  sameFilters,
  SORT_KEYS,
  writeHash,
  type FilterState,
  type Row,
  type SortKey,
} from '../../lib/filters.ts';
import { commonMessages } from '../../lib/messages.ts';
import { dashboardMessages, type WidgetMessages } from './open-commitments.messages.ts';
import { askAction } from '../../lib/ask-action.ts';
import { pageLink } from '../../lib/page-link.ts';
import { paragraphs, progressBar, safeHref, show, textSpan } from '../../lib/render-helpers.ts';
import { foldForSearch } from '../../../shared/text/search.ts';
import { buildModel, type Model } from '../../lib/model.ts';
import { styles } from './open-commitments.styles.ts';
import { sheet } from '../../lib/css.ts';
import { setOrRemove, upgradeProperties } from '../../lib/dom.ts';
import { yieldToMain } from '../../lib/yield-to-main.ts';
import { followFrTheme } from '../../lib/follow-fr-theme.ts';
import { viewerLang, viewerToday, watchPageLang } from '../../lib/viewer.ts';
import { announceFeedState, type Announced } from '../../lib/announce.ts';
import { describeFailure } from '../../lib/describe-failure.ts';

/**
 * Rows drawn per task when a list is first shown, filtered or extended: fifty new rows at once
 * took a task of 60–110 ms on a busy machine; the list is marked busy until the rest have
 * followed, a task for each step. Rows already drawn are kept (keyed by commitment).
 */
const ROWS_PER_TASK = 10;

/**
 * How long the filters stay unchanged before screen readers hear how many commitments are shown:
 * once after a word is typed in the search field, not at every key.
 */
const SPEAK_COUNT_MS = 1000;

let stylesheet: CSSStyleSheet | undefined;

/** Whether the page was told that two dashboards without an `id` share the hash's keys. */
let warnedShared = false;

/**
 * A live dashboard of a public body's open-government commitments, read from an Open Commitments
 * feed: overall progress, a breakdown by status, every commitment with its status, progress, lead,
 * due date, milestones, timeline and citizens' questions, and a way to formally question the
 * publisher (droit d'interpellation).
 *
 * Lit's templates (lit-html) draw it, but the element is a plain custom element rather than a
 * `LitElement`: its properties are its attributes, and every change in a task is drawn once, in a
 * microtask, as Lit would. The reactive base class weighed 2.5 KB gzip of the bundle every
 * embedding page downloads, for seven attributes and a render per change.
 *
 * Filters and the opened commitment live in the URL hash (`#oc-status=limited&commitment=ID`).
 * A page that shows several dashboards gives each an `id`: each then keeps its own keys under it
 * (`#ville.status=limited&metropole.commitment=ID`). Those without one share the keys: a link's
 * `#commitment=ID` opens in the one whose plan holds the commitment, and only when none does (once
 * each has loaded or failed) does each say that its plan does not hold it.
 *
 * @summary Live dashboard of open-government commitments from an Open Commitments feed.
 *
 * @attr src - URL of the feed (JSON, `open-commitments/1`).
 * @attr lang - Interface language, `fr` or `en`; defaults to the closest `lang` up the page.
 * @attr theme - `default` (light), `dsfr` (French State design system look), `dark`; without it,
 *   light or dark follows `prefers-color-scheme`. `dsfr` turns dark with a site of that system
 *   (`data-fr-theme="dark"` on `<html>`).
 * @attr commitment - Shows only the commitment with this id, opened, under the plan's title but
 *   without its figures.
 * @attr status - Preset status filter: categories separated by commas (`limited,substantial`).
 * @attr themes - Preset theme filter: a theme as written in the feed.
 * @attr no-refresh - Do not ask the publisher again every 5 minutes while the page is visible.
 * @attr today - The day to compute lateness and overdue answers for (`YYYY-MM-DD`); defaults to
 *   the viewer's today. For previews and tests.
 * @attr heading-level - The level of the plan's title among the page's headings, 1 to 4 (default
 *   2); the commitments' titles are one level below, their sections two.
 *
 * @cssstate fr-dark - Theme `dsfr` on a page in the design system's dark theme: dark colours.
 *
 * @fires oc-load - A feed is shown (from the cache at once, then each time it changes); `detail`
 *   is the normalised feed.
 * @fires oc-error - Loading or refreshing the feed failed; `detail` is `{url, reason, message,
 *   errors}` (`errors`: the parser's issues with their JSON paths, when the feed was refused).
 * @fires oc-change - The reader changed the filters or the sort; `detail` is the filter state
 *   (`status`, `theme`, `lead`, `late`, `questions`, `overdue`, `q`, `sort`).
 *
 * @csspart base - The whole dashboard (a `section`).
 * @csspart header - Publisher, plan, figures.
 * @csspart title - The plan's title.
 * @csspart summary - Overall progress, breakdown by status, questions figures.
 * @csspart filters - The search and filter form.
 * @csspart list - The list of commitments.
 * @csspart commitment - One commitment (carries `data-commitment-id`).
 * @csspart status - A status label (carries `data-category`).
 * @csspart progress - A progress bar.
 * @csspart late - A commitment's late mark.
 * @csspart ask - The interpellation action.
 * @csspart no-channel - The sentence shown when the publisher offers no interpellation channel.
 * @csspart notice - The loading, error, empty and stale notices.
 *
 * @cssprop --oc-font - Font family.
 * @cssprop --oc-font-size - Base font size (default `1rem`).
 * @cssprop --oc-color-text - Text colour.
 * @cssprop --oc-color-muted - Secondary text colour.
 * @cssprop --oc-color-bg - Background of cards.
 * @cssprop --oc-color-surface - Background of the dashboard and panels.
 * @cssprop --oc-color-border - Borders.
 * @cssprop --oc-color-accent - Links, buttons, overall progress.
 * @cssprop --oc-color-on-accent - Text on accent buttons.
 * @cssprop --oc-color-focus - Focus outline.
 * @cssprop --oc-color-late - Late marks and overdue answers.
 * @cssprop --oc-color-track - Empty part of progress bars.
 * @cssprop --oc-radius - Corner radius (0 in the `dsfr` theme).
 * @cssprop --oc-status-not-started - Colour of the "not started" category (text and bars).
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
export class OpenCommitments extends HTMLElement {
  static readonly observedAttributes = [
    'src',
    'theme',
    'commitment',
    'status',
    'themes',
    'no-refresh',
    'today',
    'lang',
    'heading-level',
  ];

  readonly #root: ShadowRoot;
  #feedState: FeedState = { phase: 'loading', revision: 0 };
  #filters: FilterState = NO_FILTERS;
  #opened: ReadonlySet<string> = new Set();
  #limit = PAGE_SIZE;
  /** What changed since the last render: attribute names, and `feed` for a new feed state. */
  #changed = new Set<string>();
  /** The render scheduled, resolved once it has run. */
  #update: Promise<boolean> | undefined;
  #filtered: { rows: readonly Row[]; filters: FilterState; result: Row[] } | undefined;
  /**
   * Each opened commitment's interpellation action, kept across renders (it holds its own open
   * state and focus) while its link and language stay the same.
   */
  readonly #askActions = new Map<string, { key: string; element: HTMLElement }>();
  /** The `li` of each row drawn, by commitment id (see `#row`). */
  readonly #rows = new Map<string, HTMLLIElement>();
  /** Watches the rows drawn, for the height of those not laid out yet (see `#onRowsResized`). */
  #rowResizes: ResizeObserver | undefined;
  /** The height of each closed row laid out at the list's width `#rowsWidth`, by id. */
  readonly #rowHeights = new Map<string, number>();
  #rowsWidth = 0;
  /** Their median, in pixels: what a row not laid out yet counts for in the page's height. */
  #rowEstimate = '';
  #source: FeedSource | undefined;
  #unsubscribe: (() => void) | undefined;
  /** Lets the feed go unrefreshed by this dashboard (`no-refresh`, or gone from the page). */
  #release: (() => void) | undefined;
  #unwatchLang: (() => void) | undefined;
  #model: Model | undefined;
  #building: { feed: Feed; lang: Lang; today: string } | undefined;
  readonly #announced: Announced = {};
  #pendingScroll: string | undefined;
  /** A commitment a shared link named, that the filters hide or the plan does not hold. */
  #hiddenLink: string | undefined;
  /** The notice about `#hiddenLink` is to be scrolled to and focused, as the link's row would. */
  #showNotice = false;
  #hashRead = false;
  /** "Late only" was shown ticked in a plan where nothing can be late: it stays offered. */
  #lateKept = false;
  /** The rows shown before printing drew them all (see `#onPrint`). */
  #printedFrom: number | undefined;
  /** Rows of the list drawn so far after a new model; Infinity once all are. */
  #drawn = Infinity;
  #drawnOf = 0;
  #drawing = false;
  /** The count of commitments shown, as drawn, and as last said in the live region. */
  #count = '';
  #spokenCount = '';
  #speakTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [(stylesheet ??= sheet(styles))];
  }

  /** URL of the feed. */
  get src(): string | undefined {
    return this.getAttribute('src') ?? undefined;
  }
  set src(value: string | undefined) {
    setOrRemove(this, 'src', value);
  }

  /** `default`, `dsfr` or `dark`; absent: follows the reader's colour scheme. */
  get theme(): string | undefined {
    return this.getAttribute('theme') ?? undefined;
  }
  set theme(value: string | undefined) {
    setOrRemove(this, 'theme', value);
  }

  /** Only this commitment, opened. */
  get commitment(): string | undefined {
    return this.getAttribute('commitment') ?? undefined;
  }
  set commitment(value: string | undefined) {
    setOrRemove(this, 'commitment', value);
  }

  /** Preset status categories, comma-separated. */
  get status(): string | undefined {
    return this.getAttribute('status') ?? undefined;
  }
  set status(value: string | undefined) {
    setOrRemove(this, 'status', value);
  }

  /** Preset theme. */
  get themes(): string | undefined {
    return this.getAttribute('themes') ?? undefined;
  }
  set themes(value: string | undefined) {
    setOrRemove(this, 'themes', value);
  }

  /** No periodic refresh. */
  get noRefresh(): boolean {
    return this.hasAttribute('no-refresh');
  }
  set noRefresh(value: boolean) {
    this.toggleAttribute('no-refresh', value);
  }

  /** The day lateness is computed for, `YYYY-MM-DD`; defaults to today. */
  get today(): string | undefined {
    return this.getAttribute('today') ?? undefined;
  }
  set today(value: string | undefined) {
    setOrRemove(this, 'today', value);
  }

  /** Resolves once what the dashboard shows is up to date, like a Lit element's. */
  get updateComplete(): Promise<boolean> {
    return this.#update ?? Promise.resolve(true);
  }

  /**
   * The `aria-level` of a heading `depth` levels below the plan's title, whose level the
   * `heading-level` attribute sets (1 to 4; the `h2`, `h3` and `h4` elements' own by default), so
   * that the dashboard's headings follow those of the page around it.
   */
  #level(depth: number): number | typeof nothing {
    const level = Math.trunc(Number(this.getAttribute('heading-level')));
    return level > 0 && level < 5 && level !== 2 ? level + depth : nothing;
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if (name === 'theme') followFrTheme(this);
    this.#requestUpdate(name);
  }

  connectedCallback(): void {
    upgradeProperties(this, [
      'src',
      'theme',
      'commitment',
      'status',
      'themes',
      'noRefresh',
      'today',
    ]);
    // Each would write over the other's filters in the address and apply them on reload; one that
    // shows a single commitment ignores the address.
    if (
      !warnedShared &&
      document.querySelectorAll('open-commitments:not([id],[commitment])').length > 1
    ) {
      warnedShared = true;
      console.warn(
        'open-commitments: give each dashboard an id attribute to keep their filters apart',
      );
    }
    window.addEventListener('hashchange', this.#onHashChange);
    window.addEventListener('beforeprint', this.#onPrint);
    window.addEventListener('afterprint', this.#onPrint);
    this.#unwatchLang = watchPageLang(() => this.#requestUpdate());
    followFrTheme(this);
    this.#subscribe();
    this.#requestUpdate();
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
    window.removeEventListener('beforeprint', this.#onPrint);
    window.removeEventListener('afterprint', this.#onPrint);
    this.#unwatchLang?.();
    followFrTheme(this);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#keepFresh();
    clearTimeout(this.#speakTimer);
  }

  /**
   * Renders once for every change made in this task (`what`: an attribute name, or `feed`), in a
   * microtask, as Lit elements do; not before the element is in a document.
   */
  #requestUpdate(what?: string): void {
    if (what !== undefined) this.#changed.add(what);
    if (this.isConnected) this.#update ??= Promise.resolve().then(() => this.#performUpdate());
  }

  #performUpdate(): boolean {
    const changed = this.#changed;
    // What these steps change is drawn by this render, not by another one.
    if (changed.has('src') && this.isConnected) this.#subscribe();
    if (changed.has('no-refresh')) this.#keepFresh();
    if (!this.#hashRead || changed.has('status') || changed.has('themes')) {
      this.#hashRead = true;
      this.#readLocation(false);
    }
    if (changed.has('feed')) this.#announce();
    this.#changed = new Set();
    this.#update = undefined;
    render(this.#render(), this.#root, { host: this });
    this.#updated();
    return true;
  }

  #updated(): void {
    this.#drawMore();
    this.#applyRowEstimate();
    const notice = this.#showNotice && this.#root.querySelector<HTMLElement>('.hidden-link');
    if (notice) {
      this.#showNotice = false;
      // In the middle of the window, below the filters that may be the reason.
      notice.scrollIntoView({ block: 'center', behavior: 'instant' });
      notice.focus({ preventScroll: true });
    }
    const id = this.#pendingScroll;
    if (id === undefined || !this.#model) return;
    const item = this.#root.querySelector<HTMLElement>(`[data-commitment-id="${CSS.escape(id)}"]`);
    if (!item) return;
    this.#pendingScroll = undefined;
    // At once, whatever the page's scroll-behavior: a smooth scroll aims where the row was before
    // the rows it passes are laid out, and moves a reader who asked for no motion.
    item.scrollIntoView({ block: 'start', behavior: 'instant' });
    item.querySelector<HTMLElement>('.toggle')?.focus({ preventScroll: true });
  }

  /**
   * Keeps the height the rows not laid out yet count for (they are skipped, `content-visibility:
   * auto`) close to that of the rows laid out at the list's width: a fixed guess made the page
   * grow or shrink as the reader scrolled, and its scrollbar jump. The sizes come from the
   * observer, after layout, so that no row is measured by a layout forced in the middle of a task;
   * a skipped row, at the guessed size, tells nothing and is left out.
   */
  #onRowsResized = (entries: ResizeObserverEntry[]): void => {
    for (const entry of entries) {
      const item = entry.target as HTMLElement;
      // The size contain-intrinsic-size gives: that of the content box.
      const size = entry.contentBoxSize[0];
      const id = item.dataset['commitmentId'];
      if (!size || id === undefined || !this.#rows.has(id)) continue;
      if (Math.abs(size.inlineSize - this.#rowsWidth) >= 1) {
        this.#rowsWidth = size.inlineSize;
        this.#rowHeights.clear();
      }
      // A skipped row's content is hidden from checkVisibility, not the row itself.
      const skipped = !item.firstElementChild?.checkVisibility({ contentVisibilityAuto: true });
      if (item.classList.contains('open') || skipped) this.#rowHeights.delete(id);
      else this.#rowHeights.set(id, size.blockSize);
    }
    // The median: the first rows of a plan, the only ones laid out at first, are often its
    // longest, and one of them would make the mean too high.
    const heights = [...this.#rowHeights.values()].sort((a, b) => a - b);
    if (heights.length === 0) return;
    const estimate = `${Math.round(heights[heights.length >> 1]!)}px`;
    if (estimate === this.#rowEstimate) return;
    this.#rowEstimate = estimate;
    // In the next frame: rows resized within this observer's callback would be left unreported.
    requestAnimationFrame(() => this.#applyRowEstimate());
  };

  #applyRowEstimate(): void {
    if (this.#rowEstimate)
      this.#root
        .querySelector<HTMLElement>('.list')
        ?.style.setProperty('--oc_row', this.#rowEstimate);
  }

  /**
   * Printed, the whole list the filters show, not its first rows: drawn at once, before the
   * browser lays the page out for paper. After printing, the rows drawn before come back, so that
   * a plan of 10,000 commitments does not stay whole in the page; the rows above the reader's
   * place are the same, so that place stays.
   */
  #onPrint = (event: Event): void => {
    if (event.type === 'beforeprint') {
      this.#printedFrom ??= this.#limit;
      this.#limit = this.#drawn = Infinity;
    } else if (this.#printedFrom !== undefined) {
      this.#limit = this.#printedFrom;
      this.#printedFrom = undefined;
    } else return;
    this.#performUpdate();
  };

  /**
   * The dashboards of the page that read the same keys of the hash as this one (this one too, in
   * the page's order): those without an `id`, when this one has none. A link shared from a page
   * of two plans names a commitment of one of them; the other one need not say it lacks it.
   */
  #peers(): OpenCommitments[] {
    const key = commitmentKey(this.id);
    return [...document.querySelectorAll('open-commitments')].filter(
      (peer): peer is OpenCommitments =>
        peer instanceof OpenCommitments && !peer.commitment && commitmentKey(peer.id) === key,
    );
  }

  /** Draws again the dashboards that wait for this one's plan to tell where a link goes. */
  #wakePeers(): void {
    for (const peer of this.#peers()) if (peer.#pendingScroll !== undefined) peer.#requestUpdate();
  }

  /** Draws the next rows of a list shown partly, in a task of its own. */
  #drawMore(): void {
    if (this.#drawn === Infinity || this.#drawing) return;
    this.#drawing = true;
    void yieldToMain().then(() => {
      this.#drawing = false;
      this.#drawn =
        this.#drawn + ROWS_PER_TASK >= this.#drawnOf ? Infinity : this.#drawn + ROWS_PER_TASK;
      this.#requestUpdate();
    });
  }

  /** Filters preset by attributes, the base the hash is written against. */
  get #presetFilters(): FilterState {
    return {
      ...NO_FILTERS,
      status: parseCategories(this.status),
      theme: this.themes?.trim() ?? '',
    };
  }

  #subscribe(): void {
    const source = this.src ? feedSource(this.src) : undefined;
    if (this.#unsubscribe && source === this.#source) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#keepFresh();
    this.#model = undefined;
    if (this.#source && source !== this.#source) {
      // Another feed: what was opened, and linked to, in the last one names none of its own.
      this.#opened = new Set();
      this.#pendingScroll = this.#hiddenLink = undefined;
      this.#writeLocation(undefined);
    }
    this.#source = source;
    if (!source) return;
    this.#feedState = source.state;
    this.#unsubscribe = source.subscribe((state) => {
      this.#feedState = state;
      this.#requestUpdate('feed');
      this.#wakePeers();
    });
    this.#keepFresh();
    this.#announce();
    this.#requestUpdate('feed');
  }

  /** Has the feed asked for again every few minutes, with the page's other elements showing it. */
  #keepFresh(): void {
    this.#release?.();
    this.#release = this.#unsubscribe && !this.noRefresh ? this.#source?.keepFresh() : undefined;
  }

  /**
   * The scope of this dashboard's keys in the hash (its `id`), and whether it is alone on its
   * page: then it follows the plain keys too while the hash names none under its id.
   */
  #scope(): [string | undefined, boolean] {
    return [this.id || undefined, document.querySelectorAll('open-commitments').length < 2];
  }

  #onHashChange = (): void => {
    // The page's own anchors (a skip link, "back to top") name none of the dashboard's keys: the
    // reader's filters stay. An empty hash still clears them, as going back to the bare address.
    if (location.hash.length > 1 && !hasOwnKeys(location.hash, ...this.#scope())) return;
    this.#readLocation(true);
  };

  /** Applies the filters and the opened commitment that the URL hash records. */
  #readLocation(fromNavigation: boolean): void {
    if (this.commitment) return;
    // Drawn again from the new address, if it still names a commitment its filters hide.
    if (this.#hiddenLink !== undefined) {
      this.#hiddenLink = undefined;
      this.#requestUpdate();
    }
    const state = readHash(location.hash, ...this.#scope());
    const filters = { ...this.#presetFilters, ...state.filters };
    if (!sameFilters(filters, this.#filters)) {
      this.#filters = filters;
      this.#limit = PAGE_SIZE;
      this.#requestUpdate();
      // Filters set by a link of the page or by the reader in the address are said as others are.
      if (fromNavigation) {
        this.#emitChange();
        this.#speakCount();
      }
    }
    if (state.commitment !== undefined) {
      if (!this.#opened.has(state.commitment))
        this.#opened = new Set([...this.#opened, state.commitment]);
      this.#pendingScroll = state.commitment;
      this.#requestUpdate();
    }
  }

  #setFilters(next: Partial<FilterState>): void {
    this.#hiddenLink = undefined;
    this.#filters = { ...this.#filters, ...next };
    this.#limit = PAGE_SIZE;
    this.#drawn = ROWS_PER_TASK;
    this.#requestUpdate();
    this.#writeLocation(undefined);
    this.#emitChange();
    this.#speakCount();
  }

  /**
   * Says the count of commitments shown once the reader has stopped changing what is shown. The
   * same count as last said (other commitments, or another order) is said again: the live region
   * is emptied first, as screen readers read out a change of its text only.
   */
  #speakCount(): void {
    clearTimeout(this.#speakTimer);
    const say = (): void => {
      this.#spokenCount = this.#count;
      this.#requestUpdate();
    };
    this.#speakTimer = setTimeout(() => {
      if (this.#spokenCount !== this.#count) return say();
      this.#spokenCount = '';
      this.#requestUpdate();
      this.#speakTimer = setTimeout(say, 100);
    }, SPEAK_COUNT_MS);
  }

  /** Clears the filters; focus goes to the search field, as the button it was on goes. */
  #clearFilters = (): void => {
    this.#setFilters({ ...NO_FILTERS, sort: this.#filters.sort });
    this.#focusAfterUpdate('input[name="q"]');
  };

  /** The title of the commitment `id`, in a span marking its language when it is another. */
  #titleOf(model: Model, id: string): TemplateResult | string | typeof nothing {
    const commitment = model.feed.commitments.find((c) => c.id === id);
    const title = show(commitment?.title, model.lang, model.feed.languages);
    return title ? textSpan(title) : id;
  }

  /** Clears the filters that hide a linked commitment, then opens and scrolls to it. */
  #showHiddenLink = (): void => {
    const id = this.#hiddenLink;
    this.#setFilters({ ...NO_FILTERS, sort: this.#filters.sort });
    if (id === undefined) return;
    this.#opened = new Set([...this.#opened, id]);
    this.#pendingScroll = id;
    this.#writeLocation(id);
  };

  /** Draws now, then focuses what `selector` finds in the shadow root. */
  #focusAfterUpdate(selector: string): void {
    this.#requestUpdate();
    void this.updateComplete.then(() => this.#root.querySelector<HTMLElement>(selector)?.focus());
  }

  #writeLocation(commitment: string | undefined): void {
    if (this.commitment) return;
    const hash = writeHash(
      location.hash,
      this.#filters,
      commitment,
      this.#presetFilters,
      ...this.#scope(),
    );
    if (hash === location.hash || (hash === '' && location.hash === '')) return;
    const url = `${location.pathname}${location.search}${hash}`;
    history.replaceState(history.state, '', hash === '' ? url || location.pathname : url);
  }

  #emitChange(): void {
    this.dispatchEvent(
      new CustomEvent<FilterState>('oc-change', {
        detail: this.#filters,
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** Fires `oc-load` / `oc-error` once per new copy or failure. */
  #announce(): void {
    announceFeedState(this, this.#feedState, this.#source?.url, this.#announced);
  }

  /**
   * Rows, figures and choices for the current feed, language and day, built in slices (a
   * 10,000-commitment plan would otherwise block the page); meanwhile the last ones, for another
   * copy, language or day, or undefined at first. A skeleton in place of the last ones would drop
   * the reader's focus and place at each new copy or language.
   */
  #modelFor(feed: Feed): Model | undefined {
    const lang = viewerLang(this);
    const today = viewerToday(this.today);
    const fits = (m: { feed: Feed; lang: Lang; today: string } | undefined) =>
      m !== undefined && m.feed === feed && m.lang === lang && m.today === today;
    if (!fits(this.#model) && !fits(this.#building)) {
      const building = { feed, lang, today };
      this.#building = building;
      void buildModel(feed, lang, today).then((model) => {
        if (this.#building !== building) return;
        this.#building = undefined;
        this.#model = model;
        this.#drawn = ROWS_PER_TASK;
        this.#requestUpdate();
        this.#wakePeers();
      });
    }
    return this.#model;
  }

  #render(): TemplateResult {
    const { phase, entry, error } = this.#feedState;
    const model = this.src && entry ? this.#modelFor(entry.feed) : undefined;
    // The model's language while one in another is built: the words around feed text match it.
    const lang = model?.lang ?? viewerLang(this);
    const m: WidgetMessages = { ...commonMessages[lang], ...dashboardMessages[lang] };
    if (!this.src) return this.#frame(lang, this.#alert(m.errorTitle, html`<p>${m.noSource}</p>`));
    if (!entry) {
      return phase === 'error' ? this.#frame(lang, this.#errorNotice(m, lang)) : this.#skeleton(m);
    }
    if (!model) return this.#skeleton(m);
    return this.#frame(
      lang,
      // The live region is there before a failed refresh fills it, so that it is heard; first,
      // above the plan's figures, which it says may be old, where a narrow screen shows it.
      html`<div role="status">${error ? this.#staleNotice(m, lang, entry.checkedAt) : nothing}</div>
        ${this.#header(model, m)} ${this.#body(model, m)}`,
    );
  }

  #frame(lang: Lang, content: TemplateResult): TemplateResult {
    // Showing one commitment, the region is named after it too: a page may show several.
    const label = this.commitment ? `oc-title t-${this.commitment}` : 'oc-title';
    return html`<section class="root" part="base" lang=${lang} aria-labelledby=${label}>
      ${content}
    </section>`;
  }

  #skeleton(m: WidgetMessages): TemplateResult {
    return html`<section
      class="root skeleton"
      part="base"
      aria-labelledby="oc-title"
      aria-busy="true"
    >
      <h2 id="oc-title" class="sr-only" aria-level=${this.#level(0)}>${m.loading}</h2>
      <div class="notice loading" part="notice" role="status">
        <span class="sr-only">${m.loading}</span>
        <div class="bone bone-title"></div>
        <div class="bone bone-line"></div>
        <div class="bone bone-bar"></div>
        <div class="bone bone-card"></div>
        <div class="bone bone-card"></div>
        <div class="bone bone-card"></div>
      </div>
    </section>`;
  }

  /** The notice that nothing can be shown, and why. */
  #alert(title: string, body: TemplateResult): TemplateResult {
    return html`<div class="notice error" part="notice" role="alert">
      <h2 id="oc-title" class="notice-title" aria-level=${this.#level(0)}>${title}</h2>
      ${body}
    </div>`;
  }

  #errorNotice(m: WidgetMessages, lang: Lang): TemplateResult {
    const error = this.#feedState.error;
    return this.#alert(
      m.errorTitle,
      html`<p>${error ? describeFailure(error, m, lang) : nothing}</p>
        <p>${m.feedAddress} <code class="feed-url">${this.#source?.url ?? this.src}</code></p>`,
    );
  }

  #staleNotice(m: WidgetMessages, lang: Lang, checkedAt: number): TemplateResult {
    const error = this.#feedState.error;
    const when = formatDateTime(new Date(checkedAt).toISOString(), lang);
    return html`<div class="notice stale" part="notice">
      <p class="notice-title"><strong>${m.staleTitle}</strong></p>
      <p>${m.stale(when)} ${error ? describeFailure(error, m, lang) : nothing}</p>
    </div>`;
  }

  #header(model: Model, m: WidgetMessages): TemplateResult {
    const { feed, lang } = model;
    const core = coreMessages[lang];
    const publisher = show(feed.publisher.name, lang, feed.languages);
    const plan = show(feed.plan?.title, lang, feed.languages);
    const logo = safeHref(feed.publisher.logo);
    const publisherUrl = safeHref(feed.publisher.url);
    // A feed without a plan is titled with its publisher's name, said once, with its link.
    const title = plan ?? publisher;
    const planUrl = plan ? safeHref(feed.plan?.url) : publisherUrl;
    // The feed itself, open data that anyone may reuse.
    const data = safeHref(this.#source?.url);
    const period = feed.plan?.period;
    return html`<header class="header" part="header">
      <div class="publisher">
        ${
          logo
            ? html`<img
                class="logo"
                src=${logo}
                alt=""
                referrerpolicy="no-referrer"
                @error=${hideImage}
              />`
            : nothing
        }
        <div>
          ${
            plan
              ? html`<p class="publisher-name">
                  ${
                    publisherUrl
                      ? html`<a href=${publisherUrl} rel="noopener noreferrer"
                          >${textSpan(publisher)}</a
                        >`
                      : textSpan(publisher)
                  }
                </p>`
              : nothing
          }
          <p class="kind">${core.publisherKind[feed.publisher.kind]}</p>
        </div>
      </div>
      <h2 id="oc-title" class="title" part="title" aria-level=${this.#level(0)}>
        ${planUrl ? html`<a href=${planUrl} rel="noopener noreferrer">${textSpan(title)}</a>` : textSpan(title)}
      </h2>
      <p class="meta">
        ${
          period
            ? html`<span
                >${m.period(formatDate(period.start, lang), formatDate(period.end, lang))}</span
              >`
            : nothing
        }
        <span>${core.updated(formatDateTime(feed.updated, lang))}</span>
        ${data ? html`<a href=${data} type="application/json">${m.data}</a>` : nothing}
      </p>
      ${
        // One commitment shown: the plan's figures would read as its own.
        this.commitment ? nothing : this.#figures(model, m)
      }
    </header>`;
  }

  /** The plan's figures: overall progress, commitments by status, questions and answers. */
  #figures(model: Model, m: WidgetMessages): TemplateResult {
    const { feed, lang, summary, stats } = model;
    const core = coreMessages[lang];
    const total = summary.total;
    const counts = CATEGORIES.filter((c) => summary.byCategory[c] > 0);
    const n = (value: number) => formatNumber(value, lang);
    // A plan without commitments has no progress to speak of: its body says it has none.
    return html`<div class="figures" part="summary">
      ${
        total > 0
          ? html`<div class="figure overall">
              <h3 class="figure-label" aria-level=${this.#level(1)}>${m.overall}</h3>
              <p class="figure-value ${summary.progress !== undefined ? '' : 'words'}">
                ${summary.progress !== undefined ? formatPercent(summary.progress, lang) : m.unknownProgress}
              </p>
              ${summary.progress !== undefined ? progressBar(summary.progress, lang, m.overall, '') : nothing}
              ${
                // A mean of only some commitments says so, rather than read as the whole plan's.
                summary.progress !== undefined && summary.known < total
                  ? html`<p class="figure-note">
                      ${m.progressOf(n(summary.known), n(total), summary.known, total - summary.known)}
                    </p>`
                  : nothing
              }
              <p class="figure-note">
                ${core.commitments}${m.colon}${n(total)}${summary.late > 0 ? html` ·&nbsp;<span class="late">${core.late}${m.colon}${n(summary.late)}</span>` : nothing}
              </p>
            </div>`
          : nothing
      }
      ${
        total > 0
          ? html`<div class="figure breakdown">
              <h3 class="figure-label" id="oc-breakdown" aria-level=${this.#level(1)}>
                ${m.byStatus}
              </h3>
              <div class="stack" aria-hidden="true">
                ${counts.map(
                  (c) =>
                    html`<span
                      class="cat-${c}"
                      .style=${`flex-grow:${summary.byCategory[c]}`}
                    ></span>`,
                )}
              </div>
              <div class="status-filter" role="group" aria-labelledby="oc-status-filter">
                <p class="filter-label" id="oc-status-filter">${m.filterByStatus}</p>
                <ul class="legend" role="list">
                  ${counts.map((c) => {
                    const pressed = this.#filters.status.includes(c);
                    return html`<li>
                      <button
                        type="button"
                        class="chip cat-${c}"
                        aria-pressed=${pressed ? 'true' : 'false'}
                        data-category=${c}
                        @click=${() => this.#toggleCategory(c)}
                      >
                        <span class="swatch" aria-hidden="true"></span>${core.category[c]}
                        <span class="n">${n(summary.byCategory[c])}</span>
                      </button>
                    </li>`;
                  })}
                </ul>
              </div>
            </div>`
          : nothing
      }
      ${feed.interpellation || model.hasQuestions ? this.#questionFigures(stats, lang, m) : nothing}
    </div>`;
  }

  #questionFigures(stats: InterpellationStats, lang: Lang, m: WidgetMessages): TemplateResult {
    const n = (value: number) => formatNumber(value, lang);
    // A dash on screen, words for screen readers (which would say "em dash").
    const none = html`<span aria-hidden="true">—</span><span class="sr-only">${m.noFigure}</span>`;
    return html`<div class="figure questions">
      <h3 class="figure-label" aria-level=${this.#level(1)}>${m.questions}</h3>
      <dl class="stats">
        <div>
          <dt>${m.statsAsked}</dt>
          <dd data-stat="asked">${n(stats.asked)}</dd>
        </div>
        <div>
          <dt>${m.statsAnswered}</dt>
          <dd data-stat="answered">${n(stats.answered)}</dd>
        </div>
        <div>
          <dt>${m.statsRate}</dt>
          <dd data-stat="rate">
            ${stats.answerRate !== undefined ? formatPercent(stats.answerRate, lang) : none}
          </dd>
        </div>
        <div>
          <dt>${m.statsMedian}</dt>
          <dd data-stat="median">
            ${
              stats.medianDaysToAnswer !== undefined
                ? m.days(n(stats.medianDaysToAnswer), stats.medianDaysToAnswer)
                : none
            }
          </dd>
        </div>
        <div class=${stats.overdue > 0 ? 'overdue' : ''}>
          <dt>${m.statsOverdue}</dt>
          <dd data-stat="overdue">${n(stats.overdue)}</dd>
        </div>
      </dl>
    </div>`;
  }

  #toggleCategory(category: Category): void {
    const current = this.#filters.status;
    const status = current.includes(category)
      ? current.filter((c) => c !== category)
      : [...current, category];
    this.#setFilters({ status: CATEGORIES.filter((c) => status.includes(c)) });
  }

  #body(model: Model, m: WidgetMessages): TemplateResult {
    const { rows, lang } = model;
    if (rows.length === 0) {
      return html`<div class="notice empty" part="notice" role="status">
        <p>${m.emptyFeed}</p>
      </div>`;
    }
    if (this.commitment) {
      const row = rows.find((r) => r.id === this.commitment);
      if (!row) {
        return html`<div class="notice empty" part="notice" role="status">
          <p>${m.commitmentMissing(this.commitment)}</p>
        </div>`;
      }
      return html`<ul class="list" part="list" role="list">
        ${this.#row(model, row, m, true)}
      </ul>`;
    }
    const filtered = this.#filteredRows(rows);
    const hidden = this.#hiddenLink;
    if (hidden !== undefined && filtered.some((row) => row.id === hidden)) {
      // A new copy brings the commitment a link named, and the filters show it: the reader is
      // taken there, as the link would have taken them, rather than told it is hidden.
      this.#hiddenLink = undefined;
      this.#pendingScroll = hidden;
    }
    const linked = this.#pendingScroll;
    if (linked !== undefined && !filtered.some((row) => row.id === linked)) {
      // A shared link to a commitment the filters hide, or that no plan of the page holds: say so
      // where the reader lands, rather than leave them at the top of a list without it. Another
      // plan of the page may hold it: its dashboard shows it, and this one says nothing; while
      // one of them is still to be shown, this one waits.
      const peers = model.byId.has(linked) ? [] : this.#peers();
      if (peers.some((peer) => peer.#model?.byId.has(linked))) this.#pendingScroll = undefined;
      else if (
        !peers.some(
          (peer) =>
            peer.src &&
            !peer.#model &&
            (peer.#feedState.phase !== 'error' || peer.#feedState.entry),
        )
      ) {
        this.#pendingScroll = undefined;
        this.#hiddenLink = linked;
        // When each says it, the first of them is where the reader lands.
        this.#showNotice = (peers[0] ?? this) === this;
      }
    }
    const limit = limitToShow(filtered, this.#pendingScroll, this.#limit);
    // A linked commitment far down the list stays shown once scrolled to, by later renders too.
    this.#limit = limit;
    const visible = filtered.length > limit ? filtered.slice(0, limit) : filtered;
    const more = Math.min(PAGE_SIZE, filtered.length - visible.length);
    this.#drawnOf = visible.length;
    // Rows past those drawn so far that are on screen already stay as they are until their turn,
    // so that the reader's focus and place stay with them.
    const drawnRows = new Map<string, HTMLLIElement>();
    for (const [i, row] of visible.entries()) {
      const kept = this.#rows.get(row.id);
      if (i < this.#drawn)
        drawnRows.set(row.id, this.#row(model, row, m, this.#opened.has(row.id)));
      else if (kept) drawnRows.set(row.id, kept);
    }
    for (const [id, item] of this.#rows) {
      if (drawnRows.has(id)) continue;
      this.#rows.delete(id);
      this.#rowHeights.delete(id);
      this.#rowResizes?.unobserve(item);
    }
    const n = (value: number) => formatNumber(value, lang);
    const filtering = !sameFilters({ ...this.#filters, sort: 'plan' }, { ...NO_FILTERS });
    // A filtered list cut to its first pages says how many match, not only how many are drawn.
    const shown =
      visible.length < filtered.length && filtered.length < rows.length
        ? m.matching(n(filtered.length), n(rows.length), n(visible.length))
        : m.shown(n(visible.length), n(rows.length), visible.length, rows.length);
    // "Late only" in a plan without a due date finds nothing: said where the list would be, and
    // heard with the count.
    const why = this.#filters.late && !rows.some((row) => row.due) ? m.noDue : m.noMatch;
    this.#count = filtered.length === 0 ? `${shown}. ${why}` : shown;
    return html`${this.#filterForm(model, m)}
      ${
        this.#hiddenLink !== undefined
          ? html`<div class="notice hidden-link" part="notice" tabindex="-1">
              ${
                model.byId.has(this.#hiddenLink)
                  ? html`<p>
                        ${m.linkHidden}${m.colon}<strong
                          >${this.#titleOf(model, this.#hiddenLink)}</strong
                        >
                      </p>
                      <button type="button" class="button" @click=${this.#showHiddenLink}>
                        ${m.showLinked}
                      </button>`
                  : html`<p>${m.commitmentMissing(this.#hiddenLink)}</p>`
              }
            </div>`
          : nothing
      }
      <div class="count">
        <span>${shown}</span>
        <span class="sr-only" role="status">${this.#spokenCount}</span>
        ${
          filtering
            ? html`<button type="button" class="link-button" @click=${this.#clearFilters}>
                ${m.clearFilters}
              </button>`
            : nothing
        }
      </div>
      ${
        filtered.length === 0
          ? html`<div class="notice empty" part="notice"><p>${why}</p></div>`
          : html`<ul
              class="list"
              part="list"
              role="list"
              aria-busy=${this.#drawn < visible.length ? 'true' : nothing}
            >
              ${[...drawnRows.values()]}
            </ul>`
      }
      ${
        more > 0
          ? html`<button
              type="button"
              class="button more"
              @click=${() => {
                this.#drawn = limit + ROWS_PER_TASK;
                this.#limit = limit + PAGE_SIZE;
                this.#speakCount();
                // The button goes once all is shown: focus moves to the first row it added.
                this.#focusAfterUpdate(
                  `[data-commitment-id="${CSS.escape(filtered[limit]!.id)}"] .toggle`,
                );
              }}
            >
              ${m.showMore(n(more))}
            </button>`
          : nothing
      }`;
  }

  #filterForm(model: Model, m: WidgetMessages): TemplateResult {
    const f = this.#filters;
    const { feed, lang } = model;
    // Named after its plan too: a page of two plans has two such search landmarks.
    const plan =
      show(feed.plan?.title, lang, feed.languages) ??
      show(feed.publisher.name, lang, feed.languages);
    const select = (
      label: string,
      value: string,
      options: readonly string[],
      onChange: (value: string) => void,
      name: string,
      langs?: ReadonlyMap<string, string>,
    ) =>
      html`<label class="field">
        <span>${label}</span>
        <select
          name=${name}
          @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}
        >
          <option value="" .selected=${value === ''}>${m.any}</option>
          ${options.map(
            (o) =>
              html`<option value=${o} .selected=${o === value} lang=${langs?.get(o) ?? nothing}>
                ${o}
              </option>`,
          )}
          ${
            // A choice this feed or language does not offer (a shared link, another language):
            // shown chosen, so that the reader sees why the list is empty and can pick another.
            value === '' || options.includes(value)
              ? nothing
              : html`<option value=${value} .selected=${true}>${value}</option>`
          }
        </select>
      </label>`;
    const check = (
      label: string,
      checked: boolean,
      onChange: (checked: boolean) => void,
      name: string,
    ) =>
      html`<label class="check">
        <input
          type="checkbox"
          name=${name}
          .checked=${checked}
          @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)}
        />
        <span>${label}</span>
      </label>`;
    return html`<form
      class="filters"
      part="filters"
      role="search"
      aria-label=${`${m.filters}${m.colon}${plan?.text}`}
      @submit=${preventDefault}
    >
      <div class="fields">
        <label class="field search">
          <span>${m.search}</span>
          <input
            type="search"
            name="q"
            .value=${f.q}
            placeholder=${m.searchHint}
            autocomplete="off"
            @input=${(e: Event) => this.#setFilters({ q: (e.target as HTMLInputElement).value })}
          />
        </label>
        ${model.themes.length > 0 ? select(m.theme, f.theme, model.themes, (theme) => this.#setFilters({ theme }), 'theme') : nothing}
        ${model.leads.length > 1 ? select(coreMessages[model.lang].lead, f.lead, model.leads, (lead) => this.#setFilters({ lead }), 'lead', model.leadLangs) : nothing}
        <label class="field">
          <span>${m.sort}</span>
          <select
            name="sort"
            @change=${(e: Event) => this.#setFilters({ sort: (e.target as HTMLSelectElement).value as SortKey })}
          >
            ${SORT_KEYS.map((key) => html`<option value=${key} .selected=${key === f.sort}>${m.sortBy[key]}</option>`)}
          </select>
        </label>
      </div>
      <div class="checks">
        ${
          // Offered only where a commitment can be late, or ticked already (a shared link): else
          // it would always find nothing. Once shown ticked, it stays, with focus, when unticked.
          model.canBeLate || (this.#lateKept ||= f.late)
            ? check(m.lateOnly, f.late, (late) => this.#setFilters({ late }), 'late')
            : nothing
        }
        ${
          // Also while one is ticked in a plan without questions (a shared link, an older copy):
          // else nothing would say why the list is empty, nor untick it.
          model.hasQuestions || f.questions || f.overdue
            ? html`${check(m.openQuestions, f.questions, (questions) => this.#setFilters({ questions }), 'questions')}
              ${check(m.statsOverdue, f.overdue, (overdue) => this.#setFilters({ overdue }), 'overdue')}`
            : nothing
        }
      </div>
    </form>`;
  }

  #toggle(id: string): void {
    const opened = new Set(this.#opened);
    if (opened.has(id)) {
      opened.delete(id);
      // The hash names the last commitment opened of those still open.
      this.#writeLocation([...opened].at(-1));
    } else {
      opened.add(id);
      this.#writeLocation(id);
    }
    this.#opened = opened;
    this.#requestUpdate();
  }

  /**
   * A row's `li`, the same element for as long as the row stays drawn: like Lit's `repeat`, a row
   * keeps its DOM (focus, its interpellation action, its progress bar) when the list is filtered,
   * sorted or refreshed, without the directive's weight (0.8 KB gzip).
   */
  #row(model: Model, row: Row, m: WidgetMessages, open: boolean): HTMLLIElement {
    let item = this.#rows.get(row.id);
    if (!item) {
      item = document.createElement('li');
      item.setAttribute('part', 'commitment');
      item.setAttribute('data-commitment-id', row.id);
      this.#rows.set(row.id, item);
      (this.#rowResizes ??= new ResizeObserver(this.#onRowsResized)).observe(item);
    }
    item.className = `item cat-${row.category}${open ? ' open' : ''}`;
    render(this.#item(model, row, m, open), item, { host: this });
    return item;
  }

  /** What a row's `li` holds. */
  #item(model: Model, row: Row, m: WidgetMessages, open: boolean): TemplateResult {
    const { feed, lang } = model;
    const commitment = model.byId.get(row.id)!;
    const core = coreMessages[lang];
    const status = resolveStatus(feed, commitment.status);
    const label = status.label
      ? show(status.label, lang, feed.languages)
      : { text: core.category[row.category] };
    const title = show(commitment.title, lang, feed.languages) ?? { text: commitment.id };
    const lead = show(commitment.lead, lang, feed.languages);
    const details = `d-${row.id}`;
    const single = this.commitment !== undefined;
    return html`<h3 class="item-title" id=${`t-${row.id}`} aria-level=${this.#level(1)}>
        ${
          single
            ? textSpan(title)
            : html`<button
                type="button"
                class="toggle"
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls=${details}
                @click=${() => this.#toggle(row.id)}
              >
                <span class="chevron" aria-hidden="true"></span>${textSpan(title)}
              </button>`
        }
      </h3>
      <div class="item-meta">
        <span class="sr-only">${m.status}${m.colon}</span
        ><span
          class="status"
          part="status"
          data-category=${row.category}
          lang=${label?.lang ?? nothing}
          >${label?.text}</span
        >
        ${row.late ? html`<span class="late" part="late">${core.late}</span>` : nothing}
        ${
          // Done or given up, a commitment without a figure has nothing more to say of progress.
          row.progress === undefined && isSettled(row.category)
            ? nothing
            : progressBar(
                row.progress,
                lang,
                `${core.progress}${m.colon}${title.text}`,
                m.noProgress,
              )
        }
        ${lead ? html`<span class="lead"><span class="sr-only">${core.lead}${m.colon}</span>${textSpan(lead)}</span>` : nothing}
        ${
          commitment.due
            ? html`<span class="due ${row.late ? 'is-late' : ''}"
                >${core.dueOn(formatDate(commitment.due, lang))}</span
              >`
            : nothing
        }
        ${row.openQuestions > 0 || row.overdueAnswers > 0 ? this.#itemQuestionBadge(model, commitment, m) : nothing}
      </div>
      <div id=${details} class="details" ?hidden=${!open}>
        ${open ? this.#details(model, commitment, m) : nothing}
      </div>`;
  }

  #itemQuestionBadge(model: Model, commitment: Commitment, m: WidgetMessages): TemplateResult {
    const stats = interpellationStats(model.feed, [commitment], model.today);
    const n = (value: number) => formatNumber(value, model.lang);
    return html`<span class="q-badge ${stats.overdue > 0 ? 'overdue' : ''}">
      ${m.commitmentStats(n(stats.asked), n(stats.answered), stats.asked, stats.answered)}${
        stats.overdue > 0 ? html` ·&nbsp;${m.statsOverdue}${m.colon}${n(stats.overdue)}` : nothing
      }
    </span>`;
  }

  #details(model: Model, commitment: Commitment, m: WidgetMessages): TemplateResult {
    const { feed, lang, today } = model;
    const summary = show(commitment.summary, lang, feed.languages);
    const description = show(commitment.description, lang, feed.languages);
    const own = safeHref(commitment.url);
    const pages = (commitment.pages ?? []).map(pageLink).filter((link) => link !== undefined);
    const refs = Object.entries(commitment.refs ?? {});
    return html`${summary ? html`<div class="summary">${paragraphs(summary)}</div>` : nothing}
    ${
      description
        ? html`<h4 aria-level=${this.#level(2)}>${m.description}</h4>
            ${paragraphs(description)}`
        : nothing
    }
    ${this.#milestones(model, commitment, m)} ${this.#timeline(model, commitment, m)}
    ${
      own || pages.length > 0 || refs.length > 0
        ? html`<h4 aria-level=${this.#level(2)}>${m.pages}</h4>
            <ul class="links">
              ${own ? html`<li><a href=${own} rel="noopener noreferrer">${m.ownPage}</a></li>` : nothing}
              ${pages.map(
                (link) =>
                  html`<li><a href=${link.href} rel="noopener noreferrer">${link.label}</a></li>`,
              )}
              ${refs.map(([key, value]) => {
                const href = safeHref(value);
                return href && href !== own
                  ? html`<li><a href=${href} rel="noopener noreferrer">${m.refLabel(key)}</a></li>`
                  : !href
                    ? html`<li>${m.refLabel(key)}${m.colon}${value}</li>`
                    : nothing;
              })}
            </ul>`
        : nothing
    }
    ${this.#questions(model, commitment, m, today)}`;
  }

  #milestones(
    model: Model,
    commitment: Commitment,
    m: WidgetMessages,
  ): TemplateResult | typeof nothing {
    const list = commitment.milestones ?? [];
    if (list.length === 0) return nothing;
    const { feed, lang, today } = model;
    return html`<h4 aria-level=${this.#level(2)}>${coreMessages[lang].milestones}</h4>
      <ol class="milestones">
        ${list.map((milestone) => {
          // Late by the commitment's own rule: never once it is complete or withdrawn.
          const state = milestone.done
            ? 'done'
            : isLate(feed, { ...commitment, due: milestone.due }, today)
              ? 'late'
              : 'upcoming';
          const when = milestone.done
            ? m.milestoneDone(formatDate(milestone.done, lang))
            : milestone.due
              ? state === 'late'
                ? m.milestoneLate(formatDate(milestone.due, lang))
                : m.milestoneUpcoming(formatDate(milestone.due, lang))
              : m.milestoneUndated;
          return html`<li class="milestone is-${state}" data-state=${state}>
            <span class="mark" aria-hidden="true"></span>
            <span
              >${textSpan(show(milestone.title, lang, feed.languages))}
              <span class="when">(${when})</span></span
            >
          </li>`;
        })}
      </ol>`;
  }

  #timeline(
    model: Model,
    commitment: Commitment,
    m: WidgetMessages,
  ): TemplateResult | typeof nothing {
    const updates = [...(commitment.updates ?? [])].sort((a, b) =>
      a.date < b.date ? 1 : a.date > b.date ? -1 : 0,
    );
    if (updates.length === 0) return nothing;
    const { feed, lang } = model;
    const core = coreMessages[lang];
    return html`<h4 aria-level=${this.#level(2)}>${core.updates}</h4>
      <ol class="timeline">
        ${updates.map((update) => {
          const status = update.status ? resolveStatus(feed, update.status) : undefined;
          const label = status
            ? (show(status.label, lang, feed.languages) ?? { text: core.category[status.category] })
            : undefined;
          const evidence = (update.evidence ?? [])
            .map(safeHref)
            .filter((u): u is string => u !== undefined);
          const date = formatDate(update.date, lang);
          return html`<li>
            <time datetime=${update.date}>${date}</time>
            ${
              status && label
                ? html`<span class="status cat-${status.category}" data-category=${status.category}
                    >${textSpan(label)}</span
                  >`
                : nothing
            }
            ${update.progress !== undefined ? html`<span class="percent">${formatPercent(update.progress, lang)}</span>` : nothing}
            ${update.note ? paragraphs(show(update.note, lang, feed.languages)) : nothing}
            ${
              evidence.length > 0
                ? html`<p class="evidence">
                    ${evidence.map(
                      (href, i) =>
                        html`<a href=${href} rel="noopener noreferrer"
                          >${m.evidence(evidence.length > 1 ? i + 1 : 1)}<span class="sr-only"
                            >${m.evidenceOf(date)}</span
                          ></a
                        > `,
                    )}
                  </p>`
                : nothing
            }
          </li>`;
        })}
      </ol>`;
  }

  #questions(
    model: Model,
    commitment: Commitment,
    m: WidgetMessages,
    today: string,
  ): TemplateResult {
    const { feed, lang } = model;
    const channel = feed.interpellation;
    const list = commitment.interpellations ?? [];
    const link = interpellationLink(feed, commitment, { lang, page: location.href });
    const n = (value: number) => formatNumber(value, lang);
    const stats = list.length > 0 ? interpellationStats(feed, [commitment], today) : undefined;
    const core = coreMessages[lang];
    return html`<h4 aria-level=${this.#level(2)}>${m.questions}</h4>
      ${
        stats
          ? html`<p class="q-stats">
              ${m.commitmentStats(n(stats.asked), n(stats.answered), stats.asked, stats.answered)}${
                stats.answerRate !== undefined
                  ? html` ·&nbsp;${m.statsRate}${m.colon}${formatPercent(stats.answerRate, lang)}`
                  : nothing
              }${
                stats.medianDaysToAnswer !== undefined
                  ? html` ·&nbsp;${m.statsMedian}${m.colon}${m.days(n(stats.medianDaysToAnswer), stats.medianDaysToAnswer)}`
                  : nothing
              }${stats.overdue > 0 ? html` ·&nbsp;<span class="late">${m.statsOverdue}${m.colon}${n(stats.overdue)}</span>` : nothing}
            </p>`
          : nothing
      }
      ${
        list.length > 0
          ? html`<ul class="questions-list" role="list">
              ${list.map((q) => {
                const late = daysOverdue(q, channel, today);
                const answer = q.answer;
                const answerUrl = safeHref(answer?.url);
                const supportersOf =
                  q.supporters !== undefined && channel?.threshold
                    ? m.supportersOf(
                        n(q.supporters),
                        n(channel.threshold),
                        q.supporters,
                        channel.threshold,
                      )
                    : '';
                return html`<li class="question" data-interpellation-id=${q.id}>
                  <blockquote>${paragraphs(show(q.question, lang, feed.languages))}</blockquote>
                  <p class="q-meta">
                    <span>${m.asked(formatDate(q.date, lang))}</span>
                    <span class="q-status q-${q.status}"
                      >${core.interpellationStatus[q.status]}</span
                    >
                    ${
                      late > 0
                        ? html`<span class="late" data-overdue-days=${late}
                            >${m.overdueBy(n(late), late)}</span
                          >`
                        : nothing
                    }
                  </p>
                  ${
                    q.supporters !== undefined
                      ? channel?.threshold
                        ? html`<p class="supporters">
                            ${progressBar(
                              (100 * q.supporters) / channel.threshold,
                              lang,
                              supportersOf,
                              '',
                            )}
                            <span>${supportersOf}</span>
                          </p>`
                        : html`<p class="supporters">
                            ${m.supporters(n(q.supporters), q.supporters)}
                          </p>`
                      : nothing
                  }
                  ${
                    answer
                      ? html`<div class="answer">
                          <p class="answer-head">
                            <strong>${m.answeredOn(formatDate(answer.date, lang))}</strong>
                            ${answer.by ? html` ${m.answeredBy} ${textSpan(show(answer.by, lang, feed.languages))}` : nothing}
                          </p>
                          ${paragraphs(show(answer.text, lang, feed.languages))}
                          ${answerUrl ? html`<p><a href=${answerUrl} rel="noopener noreferrer">${m.readAnswer}</a></p>` : nothing}
                        </div>`
                      : nothing
                  }
                </li>`;
              })}
            </ul>`
          : nothing
      }
      ${this.#askActionOf(commitment.id, link, lang, m, show(commitment.title, lang, feed.languages)?.text ?? commitment.id)}`;
  }

  /**
   * The rows the filters keep, computed again only when the rows or the filters change: a render
   * for anything else (opening a commitment, drawing more rows) need not walk 10,000 rows again.
   */
  #filteredRows(rows: readonly Row[]): Row[] {
    const kept = this.#filtered;
    if (kept?.rows === rows && kept.filters === this.#filters) return kept.result;
    const result = applyFilters(rows, this.#filters, foldForSearch(this.#filters.q));
    this.#filtered = { rows, filters: this.#filters, result };
    return result;
  }

  #askActionOf(
    id: string,
    link: InterpellationLink | undefined,
    lang: Lang,
    m: WidgetMessages,
    title: string,
  ): HTMLElement {
    const key = `${lang} ${title} ${JSON.stringify(link ?? null)}`;
    const kept = this.#askActions.get(id);
    if (kept?.key === key) return kept.element;
    const element = askAction(id, link, lang, m, title);
    this.#askActions.set(id, { key, element });
    return element;
  }
}

function preventDefault(event: Event): void {
  event.preventDefault();
}

function hideImage(event: Event): void {
  (event.target as HTMLElement).hidden = true;
}

declare global {
  interface HTMLElementEventMap {
    'oc-change': CustomEvent<FilterState>;
  }
}
