/**
 * The dashboard's filter state, how it is applied to commitments, and how it lives in the URL
 * hash (`#oc-status=limited&oc-q=budget`, `#commitment=FR0051`) so that a view can be shared and
 * comes back on reload. Pure functions: the component owns the DOM and the history.
 */
import { CATEGORIES, type Category } from '../../shared/feed/types.ts';
import { matchesQuery, queryWords } from '../../shared/text/search.ts';

/** The orders a reader can choose. `plan` is the publisher's order. */
export const SORT_KEYS = ['plan', 'due', 'progress', 'status', 'title'] as const;

/** One order of the list. */
export type SortKey = (typeof SORT_KEYS)[number];

/** What the reader has narrowed the list to. Sent as the detail of `oc-change`. */
export interface FilterState {
  /** Categories shown; empty means all. */
  readonly status: readonly Category[];
  readonly theme: string;
  readonly lead: string;
  readonly late: boolean;
  /** Commitments with at least one open question. */
  readonly questions: boolean;
  /** Commitments with at least one answer overdue. */
  readonly overdue: boolean;
  /** The search text, as typed. */
  readonly q: string;
  readonly sort: SortKey;
}

/** No filter at all, in the publisher's order. */
export const NO_FILTERS: FilterState = {
  status: [],
  theme: '',
  lead: '',
  late: false,
  questions: false,
  overdue: false,
  q: '',
  sort: 'plan',
};

/** Everything the filters look at for one commitment, computed once per feed. */
export interface Row {
  readonly id: string;
  /** Position in the feed, for the publisher's order. */
  readonly index: number;
  readonly category: Category;
  readonly progress?: number;
  readonly late: boolean;
  readonly due?: string;
  readonly themes: readonly string[];
  /** The lead institution in the viewer's language, as shown. */
  readonly lead: string;
  /** The title folded for sorting. */
  readonly sortTitle: string;
  /** Every searchable text of the commitment, folded (see `foldForSearch`). */
  readonly searchKey: string;
  readonly openQuestions: number;
  readonly overdueAnswers: number;
}

/** Keeps the rows that pass every filter, in the chosen order. `foldedQuery` is `foldForSearch(q)`. */
export function applyFilters(
  rows: readonly Row[],
  filters: FilterState,
  foldedQuery: string,
): Row[] {
  const statuses = filters.status.length > 0 ? new Set(filters.status) : undefined;
  const words = queryWords(foldedQuery);
  const kept = rows.filter(
    (row) =>
      (!statuses || statuses.has(row.category)) &&
      (filters.theme === '' || row.themes.includes(filters.theme)) &&
      (filters.lead === '' || row.lead === filters.lead) &&
      (!filters.late || row.late) &&
      (!filters.questions || row.openQuestions > 0) &&
      (!filters.overdue || row.overdueAnswers > 0) &&
      matchesQuery(row.searchKey, words),
  );
  return filters.sort === 'plan' ? kept : kept.sort(comparators[filters.sort]);
}

const byIndex = (a: Row, b: Row): number => a.index - b.index;

const comparators: Record<Exclude<SortKey, 'plan'>, (a: Row, b: Row) => number> = {
  // Soonest first; no due date last.
  due: (a, b) =>
    a.due === b.due
      ? byIndex(a, b)
      : a.due === undefined
        ? 1
        : b.due === undefined
          ? -1
          : a.due < b.due
            ? -1
            : 1,
  // Furthest along first; unknown progress last.
  progress: (a, b) => (b.progress ?? -1) - (a.progress ?? -1) || byIndex(a, b),
  // Along the completion scale, most advanced first, then withdrawn and unknown.
  status: (a, b) => statusRank(a.category) - statusRank(b.category) || byIndex(a, b),
  title: (a, b) => (a.sortTitle < b.sortTitle ? -1 : a.sortTitle > b.sortTitle ? 1 : byIndex(a, b)),
};

const statusOrder: readonly Category[] = [
  'complete',
  'substantial',
  'limited',
  'not-started',
  'withdrawn',
  'unknown',
];

function statusRank(category: Category): number {
  return statusOrder.indexOf(category);
}

/**
 * The hash keys of one dashboard: `oc-status`, `commitment`, or with a scope (the element's `id`,
 * for pages that show several dashboards) `ville.status`, `ville.commitment`. Anything else in the
 * hash belongs to the host page or to another dashboard.
 */
interface HashKeys {
  readonly prefix: string;
  readonly commitment: string;
}

/** What a scope may be: an element id that needs no escaping in a URL. */
const SCOPE_RE = /^[A-Za-z0-9_-]{1,64}$/;

function keysOf(scope: string | undefined): HashKeys {
  return scope !== undefined && SCOPE_RE.test(scope)
    ? { prefix: `${scope}.`, commitment: `${scope}.commitment` }
    : { prefix: 'oc-', commitment: 'commitment' };
}

/**
 * The hash key that opens a commitment for a dashboard of this `id` (`commitment`, or under the
 * id as a scope, `ville.commitment`): dashboards with the same key follow the same links.
 */
export function commitmentKey(id: string): string {
  return keysOf(id || undefined).commitment;
}

/** Every filter, in the order the hash lists them, each under its own name (`oc-late`). */
const FIELDS = [
  'status',
  'theme',
  'lead',
  'late',
  'questions',
  'overdue',
  'q',
  'sort',
] as const satisfies readonly (keyof FilterState)[];

/** A filter as the hash writes it: categories comma-separated, booleans `1` or `0`. */
function hashValue(filters: FilterState, field: keyof FilterState): string {
  const value = filters[field];
  if (typeof value === 'boolean') return value ? '1' : '0';
  return typeof value === 'string' ? value : value.join(',');
}

/** A filter read from the hash; undefined for a sort this dashboard does not know. */
function fromHash(
  field: keyof FilterState,
  value: string,
): FilterState[keyof FilterState] | undefined {
  if (field === 'status') return parseCategories(value);
  if (field === 'sort') return SORT_KEYS.find((key) => key === value);
  return typeof NO_FILTERS[field] === 'boolean' ? value === '1' : value;
}

/** What the hash says: the filters it sets, and the commitment to open. */
export interface HashState {
  readonly filters: Partial<FilterState>;
  readonly commitment?: string;
}

/**
 * Reads the dashboard's part of a location hash (`#oc-status=limited&commitment=FR0051`); with a
 * `scope`, only the keys under it (`#ville.status=limited`), or, for a dashboard `lone` on its
 * page, the plain keys while the hash names none under it.
 */
export function readHash(hash: string, scope?: string, lone = false): HashState {
  const keys = keysRead(hash, scope, lone);
  const filters: Partial<Record<keyof FilterState, FilterState[keyof FilterState]>> = {};
  let commitment: string | undefined;
  for (const [key, value] of ownParams(hash, keys)) {
    if (key === keys.commitment) {
      if (value !== '') commitment = value;
      continue;
    }
    const field = FIELDS.find((name) => keys.prefix + name === key);
    const read = field && fromHash(field, value);
    if (field && read !== undefined) filters[field] = read;
  }
  return {
    filters: filters as Partial<FilterState>,
    ...(commitment === undefined ? {} : { commitment }),
  };
}

/** A comma-separated list of categories; unknown words are ignored. */
export function parseCategories(list: string | null | undefined): Category[] {
  if (!list) return [];
  const wanted = new Set(list.split(',').map((s) => s.trim()));
  return CATEGORIES.filter((c) => wanted.has(c));
}

/**
 * The hash that records `filters` and the open `commitment` (under `scope`, when given), keeping
 * the host page's and other dashboards' hash parts as they were. Only what differs from
 * `defaults` is written, so an unfiltered view has a clean URL.
 */
export function writeHash(
  hash: string,
  filters: FilterState,
  commitment: string | undefined,
  defaults: FilterState = NO_FILTERS,
  scope?: string,
  lone = false,
): string {
  const keys = keysOf(scope);
  // The plain keys a lone dashboard read go, rewritten under its scope.
  const read = keysRead(hash, scope, lone);
  const foreign = hashParts(hash).filter((part) => !isOwn(part, read));
  const own = new URLSearchParams();
  for (const field of FIELDS) {
    const value = hashValue(filters, field);
    if (value !== hashValue(defaults, field)) own.set(keys.prefix + field, value);
  }
  if (commitment !== undefined) own.set(keys.commitment, commitment);
  const ownText = own.toString().replace(/\+/g, '%20');
  const all = ownText === '' ? foreign : [...foreign, ownText];
  const [route] = splitRoute(hash);
  const body = route + (all.length === 0 ? '' : (route && '?') + all.join('&'));
  return body && `#${body}`;
}

/**
 * A hash as the host page's route (`/engagements` of `#/engagements?oc-sort=title`, or of a `#!`
 * hashbang) and the part that holds the keys: the route's query, so that a router that reads the
 * hash as a path (Vue Router, Angular's `useHash`, React's `HashRouter`) still finds its page.
 * Any other hash has no route: it is all keys, joined by `&`.
 */
function splitRoute(hash: string): [string, string] {
  const body = hash.replace(/^#/, '');
  const route = /^([/!][^?]*)\??(.*)/.exec(body);
  return route ? [route[1]!, route[2]!] : ['', body];
}

function hashParts(hash: string): string[] {
  const body = splitRoute(hash)[1];
  return body === '' ? [] : body.split('&');
}

/**
 * The keys a dashboard reads: those under its scope; for one alone on its page, the plain ones
 * while the hash names none under its scope, so that the documented links (`#oc-status=…`,
 * `#commitment=ID`) work on it once it has an `id` too.
 */
function keysRead(hash: string, scope: string | undefined, lone: boolean): HashKeys {
  const keys = keysOf(scope);
  return lone && !hashParts(hash).some((part) => isOwn(part, keys)) ? keysOf(undefined) : keys;
}

function isOwn(part: string, keys: HashKeys): boolean {
  const key = part.split('=', 1)[0] ?? '';
  return key === keys.commitment || FIELDS.some((field) => key === keys.prefix + field);
}

function ownParams(hash: string, keys: HashKeys): [string, string][] {
  return hashParts(hash)
    .filter((part) => isOwn(part, keys))
    .flatMap((part) => [...new URLSearchParams(part)]);
}

/**
 * Whether a location hash names any of the dashboard's keys (under `scope`, when given, as
 * `readHash` reads them): a page's own anchor (`#main`, `#top`) names none.
 */
export function hasOwnKeys(hash: string, scope?: string, lone = false): boolean {
  const keys = keysRead(hash, scope, lone);
  return hashParts(hash).some((part) => isOwn(part, keys));
}

/** Whether two filter states show the same list. */
export function sameFilters(a: FilterState, b: FilterState): boolean {
  return FIELDS.every((field) => hashValue(a, field) === hashValue(b, field));
}

/** How many rows to render at first and per "show more": small enough to never block a frame. */
export const PAGE_SIZE = 50;

/**
 * How many rows to render so that `id` is among them (a shared link to the 5,000th commitment),
 * rounded up to whole pages; `limit` when it already is or `id` is not in `rows`.
 */
export function limitToShow(rows: readonly Row[], id: string | undefined, limit: number): number {
  if (id === undefined) return limit;
  const at = rows.findIndex((row) => row.id === id);
  if (at < limit) return limit;
  return Math.ceil((at + 1) / PAGE_SIZE) * PAGE_SIZE;
}
