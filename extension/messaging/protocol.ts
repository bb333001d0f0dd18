/**
 * Every message between the extension's parts, validated with valibot before it is acted on,
 * and who may send it. Content scripts run beside untrusted pages, so they may only ask for the
 * commitments of their own tab's URL and keep a question about one of those; everything else
 * (subscriptions, follows, the person's list, a question asked from no page) is accepted only
 * from the extension's own pages.
 */
import * as v from 'valibot';
import type { Commitment, DateString, Feed, FeedIssue } from '../../shared/index.ts';
import type { RefreshFailure } from '../../shared/cache/index.ts';
import type { RecordedChange } from '../state/change-words.ts';
import type { QuestionPlace } from '../state/question-place.ts';

/**
 * Why a feed could not be read or added: the core's refresh failures, and `not-http` for an
 * address the options page refuses before asking, `web-page` for a web page that announces no feed
 * (or one on a host not granted yet). The pages word each one in the viewer's
 * language; the core's English message is kept for logs only.
 */
export type FailureReason = RefreshFailure | 'not-http' | 'web-page';

/** A failure as the pages show it: its reason, the HTTP status, the parser's issues. */
export interface FailureView {
  readonly reason?: FailureReason;
  readonly status?: number;
  readonly errors?: readonly FeedIssue[];
}

const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(4096),
  v.check((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'an absolute http(s) URL'),
);
const FeedIdSchema = v.pipe(
  v.string(),
  v.maxLength(4096),
  v.check(
    (s) => /^bundled:[a-z0-9-]{1,64}$/.test(s) || v.is(HttpUrl, s),
    'a feed URL or bundled:<id>',
  ),
);
const CommitmentIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/));

/** The schema of every request a part may send to the background. */
export const RequestSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('page-matches'),
    url: HttpUrl,
    /** Include paused subscriptions (the popup; the overlay shows active feeds only). */
    paused: v.optional(v.boolean()),
  }),
  v.strictObject({
    type: v.literal('remember-question'),
    feedId: FeedIdSchema,
    commitmentId: CommitmentIdSchema,
    /**
     * The page the commitment was questioned from; absent from "My commitments", which is no
     * page: the commitment must then be one the person follows.
     */
    url: v.exactOptional(HttpUrl),
  }),
  v.strictObject({
    type: v.literal('subscribe'),
    url: HttpUrl,
    /** The web page that announced this feed: the feed is not looked for again from here. */
    foundOn: v.exactOptional(HttpUrl),
  }),
  v.strictObject({ type: v.literal('unsubscribe'), feedId: FeedIdSchema }),
  v.strictObject({ type: v.literal('set-paused'), feedId: FeedIdSchema, paused: v.boolean() }),
  v.strictObject({ type: v.literal('subscriptions') }),
  v.strictObject({ type: v.literal('refresh'), feedId: v.optional(FeedIdSchema) }),
  v.strictObject({ type: v.literal('sync-registration') }),
  v.strictObject({
    type: v.literal('follow'),
    feedId: FeedIdSchema,
    commitmentId: CommitmentIdSchema,
    follow: v.boolean(),
  }),
  v.strictObject({ type: v.literal('dashboard') }),
  v.strictObject({
    type: v.literal('delete-question'),
    id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
]);

/** A request, once validated. */
export type Request = v.InferOutput<typeof RequestSchema>;

/** The requests a content script may send; the others need an extension page. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<Request['type']> = new Set([
  'page-matches',
  'remember-question',
]);

/** What the background knows of a message's sender (a subset of `runtime.MessageSender`). */
export interface Sender {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: { readonly id?: number; readonly url?: string };
  readonly frameId?: number;
}

/** The URL without its fragment: a page's `#section` does not change which commitments it shows. */
export function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * Validates `raw` and decides whether `sender` may send it. Extension pages are recognised by
 * their id and origin; a content script must be in a top frame and may only name its own URL.
 */
export function acceptRequest(
  raw: unknown,
  sender: Sender,
  self: { readonly id: string; readonly origin: string },
): { ok: true; request: Request } | { ok: false; error: string } {
  const parsed = v.safeParse(RequestSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '$';
    return { ok: false, error: `invalid message at ${path || '$'}: ${issue.message}` };
  }
  const request = parsed.output;
  if (sender.id !== self.id) return { ok: false, error: 'message from another extension' };
  const origin = self.origin.endsWith('/') ? self.origin : self.origin + '/';
  if (sender.url?.startsWith(origin)) return { ok: true, request };
  if (!CONTENT_SCRIPT_REQUESTS.has(request.type)) {
    return { ok: false, error: `${request.type} is accepted only from extension pages` };
  }
  if (sender.frameId !== undefined && sender.frameId !== 0) {
    return { ok: false, error: 'only the top frame may ask' };
  }
  const own = sender.tab?.url ?? sender.url;
  const url = 'url' in request ? request.url : undefined;
  if (!own || url === undefined || withoutHash(own) !== withoutHash(url)) {
    return { ok: false, error: 'a content script may only ask about its own page' };
  }
  return { ok: true, request };
}

/** One feed as a page or a list needs it: the feed with only the commitments concerned. */
export interface FeedSlice {
  /** The feed URL, or `bundled:<id>`. */
  readonly feedId: string;
  /** The feed, its `commitments` narrowed to those concerned. */
  readonly feed: Feed;
  /** The last refresh failed: the copy shown was last confirmed current at `asOf` (ms). */
  readonly stale?: Stale;
}

/** When a copy in use was last confirmed current, and when refreshing it last failed (ms). */
export interface Stale {
  readonly asOf: number;
  readonly failedAt: number;
}

/** A feed the person follows commitments of, as the dashboard lists it. */
export interface FollowedSlice extends FeedSlice {
  /** The subscription is paused: its copy is no longer refreshed. */
  readonly paused: boolean;
}

/** A feed that names the page, as the content script and the popup receive it. */
export interface PageFeed extends FeedSlice {
  /** Commitments whose `pages` match the URL. */
  readonly pageCommitmentIds: readonly string[];
  /** The URL matches the feed's `site`: every commitment is sent, for inline badges. */
  readonly site: boolean;
  /** Commitments of this feed the person follows. */
  readonly followed: readonly string[];
  /** The subscription is paused (sent only to the popup, which asks for paused feeds). */
  readonly paused?: boolean;
}

/** A subscription as the options page lists it. */
export interface SubscriptionView {
  readonly feedId: string;
  readonly url?: string;
  readonly bundled?: string;
  readonly fictional?: boolean;
  readonly name?: string;
  /** The language of `name`, when the feed names it (for screen readers' pronunciation). */
  readonly nameLang?: string;
  readonly paused: boolean;
  /** Where its URL redirected last time it was read: the same feed, not to be offered again. */
  readonly movedTo?: string;
  readonly commitments?: number;
  readonly checkedAt?: number;
  readonly lastError?: FailureView & { readonly at: number; readonly message: string };
  /** Host permissions its pages need that are not granted. */
  readonly missingOrigins: readonly string[];
  /** Its patterns left out, as they name the sites of many owners (absent when none). */
  readonly leftOut?: readonly string[];
  /**
   * How many of its commitments listed in My commitments the person follows (absent when none):
   * removing the subscription takes them from there, so the page says so first.
   */
  readonly followed?: number;
  /**
   * How many of its commitments the person keeps a question about (absent when none): they stay
   * in My commitments when the subscription is removed, and the page says so before.
   */
  readonly questions?: number;
}

/** A question the person asked, kept on this device only. */
export interface QuestionView {
  readonly id: number;
  readonly feedId: string;
  readonly commitmentId: string;
  readonly title: string;
  /** The language of `title`, when the feed names it (for screen readers' pronunciation). */
  readonly titleLang?: string;
  readonly askedOn: DateString;
  readonly channel: { readonly kind: 'url' | 'email'; readonly target: string };
  readonly dueOn?: DateString;
  readonly answeredOn?: DateString;
  /** Its publisher, plan and links, found in its feed when listed while that feed is subscribed. */
  readonly place?: QuestionPlace;
}

/** One recorded change of a followed (or asked-about) commitment, worded by the page. */
export interface ChangeView extends RecordedChange {
  readonly id: number;
  readonly feedId: string;
  readonly at: number;
}

/** What the dashboard shows. */
export interface DashboardData {
  readonly followed: readonly FollowedSlice[];
  readonly changes: readonly ChangeView[];
  readonly questions: readonly QuestionView[];
}

/** The answer to each request type. */
export interface Responses {
  'page-matches': { feeds: PageFeed[] };
  'remember-question': { question: QuestionView };
  subscribe:
    | {
        ok: true;
        feedId: string;
        name: string;
        warnings: readonly FeedIssue[];
        missingOrigins: string[];
        /** Its patterns left out, as they name the sites of many owners (absent when none). */
        leftOut?: string[];
        /** It was subscribed to, and not paused, already. */
        already?: true;
        /** The feed's address, when the address given was a web page that announced it. */
        found?: string;
      }
    | {
        ok: false;
        message: string;
        errors: readonly FeedIssue[];
        reason: FailureReason;
        status?: number;
        /**
         * With `web-page`: the feed the page announces, on a host not granted yet (the page asks
         * for it, then subscribes to it).
         */
        announced?: string;
      };
  unsubscribe: { done: true };
  'set-paused': { done: true };
  subscriptions: { subscriptions: SubscriptionView[] };
  refresh: { refreshed: number };
  'sync-registration': { patterns: string[] };
  follow: { followed: boolean };
  dashboard: DashboardData;
  'delete-question': { done: true };
}

/**
 * What the background sends the extension's pages when a change notification brings an open "My
 * commitments" forward: that page reads its data again and goes to its recent changes. A tab
 * already in front at them is told nothing else (neither shown again nor given a new address).
 */
export const SHOW_CHANGES_MESSAGE = 'open-commitments:show-changes';

/** The envelope of every answer: the result, or why it was refused. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** A commitment looked up in a slice. */
export function findCommitment(slice: FeedSlice, id: string): Commitment | undefined {
  return slice.feed.commitments.find((c) => c.id === id);
}
