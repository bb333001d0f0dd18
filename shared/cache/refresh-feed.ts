import { DEFAULT_LIMITS } from '../feed/limits.ts';
import { parseFeed, parseFeedInSlices, type ParseSlicing } from '../feed/parse-feed.ts';
import type { FeedIssue } from '../feed/types.ts';
import {
  readStored,
  type FeedStore,
  type RefreshFailure,
  type StoredError,
  type StoredFeed,
} from './feed-store.ts';

export type { RefreshFailure } from './feed-store.ts';
import { pacer } from './pacer.ts';
import { sameJson } from './same-json.ts';

/** The part of `fetch` that the cache uses; the extension and the widget pass the real one. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Everything `refreshFeed` touches, passed in so that tests can fake the network and the clock. */
export interface RefreshDeps {
  readonly fetch: FetchLike;
  readonly store: FeedStore;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** Largest body accepted, in bytes. Default `DEFAULT_LIMITS.maxBytes` (20 MiB). */
  readonly maxBytes?: number;
  /** Cancels the request; a cancelled refresh records no error on the stored copy. */
  readonly signal?: AbortSignal;
  /** Gives up on a request (headers and body) after this long. Default 30 s. */
  readonly timeoutMs?: number;
  /**
   * Send `If-None-Match` / `If-Modified-Since` from the stored copy. Default true. Pass false for
   * a cross-origin fetch from a web page: those headers force a CORS preflight that many static
   * hosts refuse (a refused one is retried once without them, at the cost of a failed request
   * each time); the request then lets the browser's HTTP cache revalidate instead. A function
   * decides per feed URL (a page sends them to its own origin only).
   */
  readonly conditionalHeaders?: boolean | ((url: string) => boolean);
  /**
   * Validate and compare a download in slices, giving the thread back between them: a page's
   * main thread passes it, so that a large feed never blocks input for long. Default: at once.
   */
  readonly slicing?: ParseSlicing;
}

/** A failed refresh. */
export interface RefreshError {
  readonly reason: RefreshFailure;
  /** In English, naming the feed URL: for logs and the publisher. */
  readonly message: string;
  /** The HTTP status, when `reason` is `http`. */
  readonly status?: number;
  /** The parser's errors, when `reason` is `refused`. */
  readonly errors?: readonly FeedIssue[];
}

/**
 * The outcome of a refresh. `unchanged` means nothing a reader sees has changed (a 304, or the
 * same content again), so callers can skip re-rendering; the copy is confirmed current, so a view
 * marked stale after a failure can drop that mark. `updated` gives a copy the caller did not have:
 * downloaded, or stored by another tab while this one heard a 304 about the older copy. `failed`
 * carries the last good copy, if any, which stays in the store.
 */
export type RefreshResult =
  | { readonly kind: 'updated' | 'unchanged'; readonly entry: StoredFeed }
  | { readonly kind: 'failed'; readonly entry?: StoredFeed; readonly error: RefreshError };

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Asks the publisher for a newer copy of the feed at `url` and stores it if it is usable. Never
 * throws and never replaces a good copy with a refused, truncated or oversized one: on failure the
 * stored copy is kept and only its `lastError` is set.
 */
export async function refreshFeed(url: string, deps: RefreshDeps): Promise<RefreshResult> {
  const maxBytes = deps.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // A broken store (closed database, storage disabled) must not stop the download.
  const stored = await readStored(deps.store, url);
  const controller = new AbortController();
  const { signal } = controller;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => controller.abort();
  if (deps.signal?.aborted) controller.abort();
  deps.signal?.addEventListener('abort', forwardAbort, { once: true });

  // Every message names the feed, for logs and the publisher.
  const fail = async (
    reason: RefreshFailure,
    detail: string,
    extra?: Pick<RefreshError, 'status' | 'errors'>,
  ): Promise<RefreshResult> => {
    const error: RefreshError = { reason, message: `Feed ${url}: ${detail}`, ...extra };
    if (!stored || reason === 'aborted') return { kind: 'failed', entry: stored, error };
    const { errors, status } = extra ?? {};
    const lastError: StoredError = {
      at: deps.now(),
      message: error.message,
      reason,
      ...(status !== undefined ? { status } : {}),
      ...(errors ? { errors } : {}),
    };
    // Another tab may have stored a newer copy meanwhile: mark that one, never put this one back.
    const entry: StoredFeed = { ...((await readStored(deps.store, url)) ?? stored), lastError };
    await save(deps.store, entry);
    return { kind: 'failed', entry, error };
  };
  // What went wrong when a request or its body rejects.
  const failThrown = (error: unknown): Promise<RefreshResult> =>
    !signal.aborted
      ? fail('network', describe(error))
      : timedOut
        ? fail('timeout', `no complete answer within ${Math.round(timeoutMs / 100) / 10} s`)
        : fail('aborted', 'cancelled');
  const tooLarge = () => fail('too-large', `larger than the limit of ${maxBytes} bytes`);

  try {
    const { conditionalHeaders: validate = true } = deps;
    const conditional =
      (typeof validate === 'function' ? validate(url) : validate) &&
      !!(stored?.etag || stored?.lastModified);
    const ask = (validatorsOf?: StoredFeed) =>
      deps.fetch(url, requestInit(validatorsOf, signal, deps.now()));
    let response: Response;
    try {
      response = await ask(conditional ? stored : undefined).catch((error: unknown) => {
        // A cross-origin host that refuses the CORS preflight these headers need fails like the
        // network does: ask once more as a simple request, which the browser cache revalidates.
        if (signal.aborted || !conditional) throw error;
        return ask();
      });
    } catch (error) {
      return await failThrown(error);
    }

    const { status } = response;
    if (!response.ok || Number(response.headers.get('content-length')) > maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      if (status === 304 && stored) {
        // Another tab may have stored a newer copy meanwhile: give that one, never put this back.
        const current = (await readStored(deps.store, url)) ?? stored;
        if (current.fetchedAt !== stored.fetchedAt) return { kind: 'updated', entry: current };
        const { lastError: _cleared, ...rest } = current;
        const entry: StoredFeed = { ...rest, ...validators(response), checkedAt: deps.now() };
        await save(deps.store, entry);
        return { kind: 'unchanged', entry };
      }
      if (response.ok) return await tooLarge();
      const text =
        status === 304
          ? ' Not Modified, but no copy is stored'
          : response.statusText && ` ${response.statusText}`;
      return await fail('http', `HTTP ${status}${text}`, { status });
    }
    let body: Uint8Array | string | undefined;
    try {
      body = await readCapped(response, maxBytes, signal, deps.slicing);
    } catch (error) {
      return await failThrown(error);
    }
    if (body === undefined) return await tooLarge();

    const options = { mode: 'tolerant', maxBytes } as const;
    let parsed = deps.slicing
      ? await parseFeedInSlices(body, options, deps.slicing)
      : parseFeed(body, options);
    // Not one commitment of a list read (fields renamed by an export gone wrong): refused, rather
    // than emptying the views and telling followers that every commitment was taken out.
    if (
      parsed.ok &&
      !parsed.feed.commitments.length &&
      parsed.warnings.some((w) => w.path.startsWith('commitments['))
    ) {
      parsed = { ok: false, errors: parsed.warnings, warnings: [] };
    }
    if (!parsed.ok) {
      const { errors } = parsed;
      const [first] = errors;
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      return await fail(
        'refused',
        `refused: ${first ? `${first.path}: ${first.message}` : 'invalid'}${more}`,
        { errors },
      );
    }

    const now = deps.now();
    // A copy older than the one kept, as a lagging cache or mirror serves for a while, leaves the
    // kept one in place, as it is in the store now (another tab may have stored a newer one):
    // going back would undo what readers saw and tell followers of changes in reverse. The store
    // is read again only for such a copy, not for every download.
    if (stored && Date.parse(parsed.feed.updated) < Date.parse(stored.feed.updated)) {
      const current = (await readStored(deps.store, url)) ?? stored;
      if (keptIsNewer(current, parsed.feed.updated, now)) {
        return {
          kind: current.fetchedAt === stored.fetchedAt ? 'unchanged' : 'updated',
          entry: current,
        };
      }
    }
    const fresh: StoredFeed = {
      url,
      feed: parsed.feed,
      warnings: parsed.warnings,
      ...validators(response),
      fetchedAt: now,
      checkedAt: now,
    };
    const same = stored !== undefined && (await sameContent(stored, fresh, pacer(deps.slicing)));
    // The same content again (a host whose ETag changes on every answer, or a browser cache
    // answering a cross-origin refresh with its copy) keeps the stored feed: only the small
    // record is rewritten, not the whole body.
    const entry = same ? { ...fresh, feed: stored.feed, fetchedAt: stored.fetchedAt } : fresh;
    await save(deps.store, entry);
    return { kind: same ? 'unchanged' : 'updated', entry };
  } finally {
    clearTimeout(timer);
    deps.signal?.removeEventListener('abort', forwardAbort);
  }
}

/** How long a kept copy wins over older ones served after it: the time a lagging cache catches up. */
const LAG_MS = 24 * 60 * 60 * 1000;
/** How far the publisher's clock may run ahead of the reader's. */
const SKEW_MS = 60 * 60 * 1000;

/**
 * Whether `kept` is newer than a copy dated `updated`, and to be kept over it: only for a day
 * after it came, past which an older copy is the publisher's (a backup put back), and only if it
 * was not dated after it came (a date typed in the future proves nothing). An unreadable date
 * never keeps it.
 */
function keptIsNewer(kept: StoredFeed, updated: string, now: number): boolean {
  const date = Date.parse(kept.feed.updated);
  return (
    now - kept.fetchedAt < LAG_MS && date <= kept.fetchedAt + SKEW_MS && Date.parse(updated) < date
  );
}

/** Whether two copies show a reader the same thing, compared a commitment at a time. */
async function sameContent(
  a: StoredFeed,
  b: StoredFeed,
  pace: () => Promise<void>,
): Promise<boolean> {
  const { commitments: left, ...leftHead } = a.feed;
  const { commitments: right, ...rightHead } = b.feed;
  if (left.length !== right.length || !sameJson(leftHead, rightHead)) return false;
  if (!sameJson(a.warnings, b.warnings)) return false;
  for (let i = 0; i < left.length; i += 1) {
    await pace();
    if (!sameJson(left[i], right[i])) return false;
  }
  return true;
}

/**
 * Stores `entry` if the store can. A full or closed store, even one that throws instead of
 * rejecting, must not turn a good download into a failure: the copy is still given to the caller.
 */
async function save(store: FeedStore, entry: StoredFeed): Promise<void> {
  try {
    await store.put(entry);
  } catch {
    // Nothing kept: the next visit downloads it again.
  }
}

/**
 * Headers and options of the request, with the validators of `validatorsOf` when given. Feeds are
 * public: no cookies.
 */
function requestInit(
  validatorsOf: StoredFeed | undefined,
  signal: AbortSignal,
  now: number,
): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  const { etag, lastModified } = validatorsOf ?? {};
  if (etag) headers['if-none-match'] = etag;
  // A date in the future (a server clock once set ahead) would make a server that compares dates
  // call every later version "not modified" until then: it is left out.
  if (lastModified && !(Date.parse(lastModified) > now)) {
    headers['if-modified-since'] = lastModified;
  }
  return {
    headers,
    signal,
    credentials: 'omit',
    // With our own validators, the browser cache must not turn the server's 304 into a 200;
    // without, it revalidates its copy itself.
    cache: validatorsOf ? 'no-store' : 'no-cache',
  };
}

/** The validators the response sends; a 304 that omits one keeps the stored copy's. */
function validators(response: Response): Pick<StoredFeed, 'etag' | 'lastModified'> {
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/**
 * Reads the whole body, or returns undefined as soon as it grows past `maxBytes`. Gives the text,
 * decoded as UTF-8 chunk by chunk as it arrives (with `slicing`, yielding between chunks: a body
 * already downloaded arrives in one task otherwise, reads resolving as microtasks), or the bytes
 * when they are not UTF-8, for the parser to refuse them as it would have.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  slicing?: ParseSlicing,
): Promise<Uint8Array | string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text: string | undefined = '';
  const decode = (chunk?: Uint8Array): void => {
    try {
      if (text !== undefined) text += decoder.decode(chunk, { stream: chunk !== undefined });
    } catch {
      text = undefined;
    }
  };
  const pace = pacer(slicing);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // A cancelled reader reports `done`: never take a cut body for a whole one.
      if (signal.aborted) throw new Error('aborted');
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        cancel();
        return undefined;
      }
      chunks.push(value);
      decode(value);
      await pace();
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  decode();
  return text ?? new Uint8Array(await new Blob(chunks).arrayBuffer());
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
