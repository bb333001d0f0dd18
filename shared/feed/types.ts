/**
 * The Open Commitments feed, version 1, as TypeScript types.
 *
 * These mirror `docs/format.md` (and the design in the feed-v1 spec): field names are an interface
 * that other tools rely on. A `Feed` value is always the output of `parseFeed`, so every URL in it
 * is absolute http(s), every date is a real calendar date and every identifier is well formed.
 */

/** The only major version this code reads. */
export const FORMAT = 'open-commitments/1';

/** Plain text, either one string or one string per language tag. Never HTML. */
export type Text = string | Readonly<Record<string, string>>;

/** `YYYY-MM-DD`, a real calendar date. */
export type DateString = string;

/** RFC 3339 date-time. */
export type DateTimeString = string;

/** The canonical status categories (OGP IRM completion scale, plus withdrawn and unknown). */
export const CATEGORIES = [
  'not-started',
  'limited',
  'substantial',
  'complete',
  'withdrawn',
  'unknown',
] as const;

/** One canonical status category; every status resolves to one. */
export type Category = (typeof CATEGORIES)[number];

/** Kinds of public body that publish feeds. */
export const PUBLISHER_KINDS = [
  'state',
  'region',
  'department',
  'municipality',
  'intercommunality',
  'university',
  'agency',
  'parliament',
  'other',
] as const;

/** One kind of public body. */
export type PublisherKind = (typeof PUBLISHER_KINDS)[number];

/** Who makes the commitments. */
export interface Publisher {
  readonly name: Text;
  readonly kind: PublisherKind;
  readonly url?: string;
  readonly logo?: string;
  /** An official identifier, such as a SIREN number. */
  readonly id?: string;
}

/** The action plan the commitments belong to. */
export interface Plan {
  readonly id?: string;
  readonly title?: Text;
  readonly period?: { readonly start: DateString; readonly end: DateString };
  readonly url?: string;
}

/** A publisher's own status word, mapped to a canonical category. */
export interface StatusDef {
  readonly key: string;
  readonly label: Text;
  readonly category: Category;
  /** 0–100. */
  readonly progress?: number;
}

/** How a citizen formally questions the publisher (droit d'interpellation). */
export interface Channel {
  /** A URL template: `{id}`, `{title}`, `{plan}`, `{page}` are replaced, percent-encoded. */
  readonly url?: string;
  readonly email?: string;
  /** The publisher's promise: an answer within this many days. */
  readonly responseDays?: number;
  /** Supporters needed for a formal answer or a council debate. */
  readonly threshold?: number;
  /** The rules of the process. */
  readonly rules?: string;
}

/** A step of a commitment; done when it has a `done` date. */
export interface Milestone {
  readonly id?: string;
  readonly title: Text;
  readonly due?: DateString;
  readonly done?: DateString;
  /** > 0, default 1. */
  readonly weight?: number;
}

/** One dated entry of a commitment's timeline. */
export interface Update {
  readonly date: DateString;
  readonly status?: string;
  readonly progress?: number;
  readonly note?: Text;
  readonly evidence?: readonly string[];
}

/** The publisher's answer to an interpellation. */
export interface Answer {
  readonly date: DateString;
  readonly text: Text;
  readonly url?: string;
  readonly by?: Text;
}

/** Where an interpellation stands. */
export const INTERPELLATION_STATUSES = ['open', 'answered', 'declined', 'inadmissible'] as const;

/** One interpellation status. */
export type InterpellationStatus = (typeof INTERPELLATION_STATUSES)[number];

/** A question a citizen asked about a commitment, as the publisher published it. */
export interface Interpellation {
  readonly id: string;
  /** When it was asked. */
  readonly date: DateString;
  readonly question: Text;
  readonly supporters?: number;
  readonly status: InterpellationStatus;
  /** Required when `status` is `answered`. */
  readonly answer?: Answer;
}

/** One public commitment. */
export interface Commitment {
  readonly id: string;
  readonly title: Text;
  readonly summary?: Text;
  readonly description?: Text;
  readonly themes?: readonly string[];
  /** The lead institution. */
  readonly lead?: Text;
  readonly partners?: readonly Text[];
  /** A category or the `key` of one of the feed's `statuses`. */
  readonly status: string;
  /** 0–100. */
  readonly progress?: number;
  readonly start?: DateString;
  readonly due?: DateString;
  /** The commitment's own page. */
  readonly url?: string;
  /** Match patterns of official pages about it. */
  readonly pages?: readonly string[];
  /** References elsewhere: `ogp` (e.g. `FR0067`), `decidim` (a URL), others. */
  readonly refs?: Readonly<Record<string, string>>;
  readonly milestones?: readonly Milestone[];
  readonly updates?: readonly Update[];
  readonly interpellations?: readonly Interpellation[];
}

/** A whole feed, as `parseFeed` returns it. */
export interface Feed {
  readonly format: typeof FORMAT;
  readonly publisher: Publisher;
  readonly plan?: Plan;
  readonly updated: DateTimeString;
  readonly languages?: readonly string[];
  /** Match patterns of the publisher's pages where the extension may show the plan. */
  readonly site?: readonly string[];
  readonly statuses?: readonly StatusDef[];
  readonly interpellation?: Channel;
  readonly commitments: readonly Commitment[];
}

/** An error or warning about a feed, located by a JSON path such as `commitments[3].status`. */
export interface FeedIssue {
  /** `$` for the document itself, else dotted keys and `[index]`. */
  readonly path: string;
  /** What is wrong and what was expected, in English, for publishers and logs. */
  readonly message: string;
  /**
   * Why a feed was refused, for readers to word in their own language, on the errors that have
   * such a reason: `not-json` (no JSON text, or cut off), `newer-version` (a major version of the
   * format this reader predates), `too-large` (over a limit of size or count).
   */
  readonly code?: FeedIssueCode;
}

/** The reasons of refusal a reader words for citizens (see `FeedIssue.code`). */
export type FeedIssueCode = 'not-json' | 'newer-version' | 'too-large';

/** The outcome of `parseFeed`: never an exception. */
export type ParseResult =
  | { readonly ok: true; readonly feed: Feed; readonly warnings: readonly FeedIssue[] }
  | {
      readonly ok: false;
      readonly errors: readonly FeedIssue[];
      readonly warnings: readonly FeedIssue[];
    };

/** How strictly `parseFeed` reads. */
export type ParseMode = 'strict' | 'tolerant';

/** Options of `parseFeed`. */
export interface ParseOptions {
  /**
   * `strict` (publishers, the validator): every departure is an error.
   * `tolerant` (readers, the default): invalid optional fields and invalid commitments are dropped
   * with a warning; only an unusable top level is refused.
   */
  readonly mode?: ParseMode;
  /** Largest accepted document, in bytes of UTF-8. Default 20 MiB. */
  readonly maxBytes?: number;
}
