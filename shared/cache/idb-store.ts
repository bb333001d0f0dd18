import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { ParseSlicing } from '../feed/parse-feed.ts';
import type { Feed } from '../feed/types.ts';
import { createMemoryFeedStore, type FeedStore, type StoredFeed } from './feed-store.ts';
import { pacer } from './pacer.ts';

/**
 * The schema version this code writes.
 *
 * - 1: one `feeds` object store keyed by `url`, values `{url, feed, etag?, lastModified?,
 *   fetchedAt, lastError?}`.
 * - 2: values also carry `checkedAt` (a 304 confirms a copy without downloading it again) and
 *   `warnings`; entries from version 1 get `checkedAt = fetchedAt` and no warnings.
 * - 3: `feeds` is split in two: `meta`, keyed by `url` (everything but the feed, and the `stamp`
 *   of the body it goes with), and `parts`, keyed by `[url, index]` (`{url, index, stamp, text}`:
 *   part 0 is the feed without its commitments as JSON, the next ones its commitments in JSON
 *   arrays of `CHUNK`). Cloning a feed of 10,000 commitments as objects blocked a page for 150 ms;
 *   parts are strings, written and read one request (one task) at a time, and a 304 rewrites only
 *   the small `meta`.
 */
export const FEED_DB_VERSION = 3;

/** Every database of this project starts with this, so that it is recognisable in devtools. */
export const FEED_DB_PREFIX = 'open-commitments';

/** What `meta` holds for one feed: a `StoredFeed` without its feed, and the body's stamp. */
type Meta = Omit<StoredFeed, 'feed'> & { readonly stamp: string };

/** One record of `parts`: a piece of a feed's JSON text. */
interface Part {
  readonly url: string;
  /** 0: the feed without `commitments`; 1 and on: the commitments, `CHUNK` at a time. */
  readonly index: number;
  readonly stamp: string;
  readonly text: string;
}

/** A feed's JSON text as stored: the head (the feed without commitments), then the chunks. */
interface Body {
  readonly stamp: string;
  readonly texts: readonly [head: string, ...chunks: string[]];
}

/** A record of `feeds`, the store of versions 1 and 2 (version 1 lacks `checkedAt`, `warnings`). */
type LegacyEntry = Partial<StoredFeed> & { readonly url: string; readonly feed: Feed };

/** The stores of `FEED_DB_VERSION`, typed for idb; `feeds` exists only while upgrading. */
interface FeedDb extends DBSchema {
  meta: { key: string; value: Meta };
  parts: { key: [string, number]; value: Part };
  feeds: { key: string; value: LegacyEntry };
}

/** Commitments per chunk: one chunk is parsed or written in about a millisecond. */
const CHUNK = 250;

/** Options of the IndexedDB store. */
export interface IdbStoreOptions {
  /**
   * Give the thread back while a large feed is turned into text or back (a page passes it; the
   * extension's background need not). Without it, each read or write runs at once.
   */
  readonly slicing?: ParseSlicing;
}

/**
 * Opens (creating or upgrading) the IndexedDB feed store named `dbName`, through idb and the
 * global `indexedDB`. Rejects when IndexedDB is missing or refuses; `openFeedStore` falls back
 * instead.
 *
 * When another tab opens a newer version, this connection closes itself so that the upgrade is
 * not blocked, and reopens on the next call.
 */
export async function openIdbFeedStore(
  dbName: string,
  options: IdbStoreOptions = {},
): Promise<FeedStore> {
  if (!dbName.startsWith(FEED_DB_PREFIX)) {
    throw new TypeError(`Feed database names start with "${FEED_DB_PREFIX}": got "${dbName}"`);
  }
  let opening: Promise<IDBPDatabase<FeedDb>> | undefined;
  const open = (): Promise<IDBPDatabase<FeedDb>> => {
    if (opening) return opening;
    // A connection that failed or was closed under us is opened again on next use.
    const forget = () => {
      if (opening === attempt) opening = undefined;
    };
    const attempt = openDb(dbName, forget);
    attempt.catch(forget);
    return (opening = attempt);
  };
  // Fail now, not on first use, so that the caller can fall back to memory.
  await open();

  // The feed object last written or read for each URL, with its body's stamp: a put of the same
  // object (a 304 bumping `checkedAt`) rewrites only `meta`, and a get of an unchanged body
  // returns it without parsing.
  const known = new Map<string, { feed: Feed; stamp: string }>();

  // Inside a transaction, only its own requests are awaited: IndexedDB commits a transaction once
  // a task ends with none of its requests pending, so encoding and decoding (which may yield to
  // the page) happen before or after it, never inside.
  const get = async (url: string): Promise<StoredFeed | undefined> => {
    const tx = quiet((await open()).transaction(['meta', 'parts'], 'readonly'));
    const meta = await tx.objectStore('meta').get(url);
    // A record without `checkedAt` (damaged, or written by another build) would never be
    // revalidated: it is no copy, and the next download replaces it.
    if (!meta || !(meta.checkedAt >= 0)) return undefined;
    const { stamp, ...rest } = meta;
    const seen = known.get(url);
    if (seen?.stamp === stamp) return { ...rest, feed: seen.feed };
    const texts = await readBody(tx.objectStore('parts'), url, stamp);
    if (!texts) return undefined;
    const feed = await decode(texts, options.slicing);
    known.set(url, { feed, stamp });
    return { ...rest, feed };
  };

  return {
    get,
    async put(entry) {
      const { feed, ...rest } = entry;
      const seen = known.get(entry.url);
      if (seen?.feed === feed) {
        const tx = quiet((await open()).transaction('meta', 'readwrite'));
        const current = await tx.store.get(entry.url);
        // Unless another tab stored another body meanwhile, only the small record changes.
        if (current?.stamp === seen.stamp) {
          await commit(tx, tx.store.put({ ...rest, stamp: seen.stamp } satisfies Meta));
          return;
        }
      }
      const body = await encode(feed, options.slicing);
      const tx = (await open()).transaction(['meta', 'parts'], 'readwrite');
      await commit(
        tx,
        tx.objectStore('meta').put({ ...rest, stamp: body.stamp } satisfies Meta),
        writeBody(tx.objectStore('parts'), entry.url, body),
      );
      known.set(entry.url, { feed, stamp: body.stamp });
    },
    async delete(url) {
      const tx = (await open()).transaction(['meta', 'parts'], 'readwrite');
      await commit(
        tx,
        tx.objectStore('meta').delete(url),
        tx.objectStore('parts').delete(partsOf(url)),
      );
      known.delete(url);
    },
    async list() {
      const urls = await quiet((await open()).transaction('meta')).store.getAllKeys();
      // One feed at a time, each whole: one deleted meanwhile is left out.
      const entries: StoredFeed[] = [];
      for (const url of urls) {
        const entry = await get(url);
        if (entry) entries.push(entry);
      }
      return entries;
    },
  };
}

/**
 * Opens the IndexedDB feed store, or a memory store when IndexedDB is missing, throws or errors
 * (private modes, disabled storage). The page keeps working; it just forgets on reload.
 */
export async function openFeedStore(
  dbName: string,
  options: IdbStoreOptions = {},
): Promise<FeedStore> {
  try {
    return await openIdbFeedStore(dbName, options);
  } catch {
    return createMemoryFeedStore();
  }
}

/** How long an upgrade may wait for older connections elsewhere to close. */
const BLOCKED_GRACE_MS = 2000;

/**
 * Opens the database at `FEED_DB_VERSION`; `closed` runs when it is closed under us. Rejects when
 * an older connection elsewhere does not give way to the upgrade within `BLOCKED_GRACE_MS` (the
 * request would wait until that tab closes, the feed with it); if it opens later, it is closed.
 */
function openDb(dbName: string, closed: () => void): Promise<IDBPDatabase<FeedDb>> {
  let gaveUp = false;
  return new Promise((resolve, reject) => {
    openDB<FeedDb>(dbName, FEED_DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        // idb does not wait for this promise: on failure, abort, so that opening fails and the
        // older data stays as it was.
        upgrade(db, oldVersion, quiet(tx)).catch(() => abort(tx));
      },
      // Another tab opens a newer version: give way rather than block its upgrade.
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        closed();
      },
      blocked() {
        // Settles nothing if the database opened meanwhile.
        setTimeout(() => {
          gaveUp = true;
          reject(new Error(`Feed database ${dbName}: blocked by an older connection`));
        }, BLOCKED_GRACE_MS);
      },
      terminated: closed,
    }).then((db) => (gaveUp ? db.close() : resolve(db)), reject);
  });
}

/** Brings a database of any older version up to `FEED_DB_VERSION`, step by step. */
async function upgrade(
  db: IDBPDatabase<FeedDb>,
  oldVersion: number,
  tx: IDBPTransaction<FeedDb, StoreNames<FeedDb>[], 'versionchange'>,
): Promise<void> {
  if (oldVersion < 1) db.createObjectStore('feeds', { keyPath: 'url' });
  if (oldVersion < 3) {
    const meta = db.createObjectStore('meta', { keyPath: 'url' });
    const parts = db.createObjectStore('parts', { keyPath: ['url', 'index'] });
    for (let at = await tx.objectStore('feeds').openCursor(); at; at = await at.continue()) {
      // Version 1 entries lack `checkedAt` and `warnings` (version 2 added them).
      const old = at.value;
      // A record with no feed to convert (damaged elsewhere) has nothing to keep: were it to fail
      // the upgrade, every later visit would fall back to memory and keep nothing at all.
      if (!Array.isArray(old.feed?.commitments)) continue;
      const { feed, ...rest } = old;
      // Only microtasks pass while encoding without slicing, so the upgrade stays active.
      const body = await encode(feed);
      await Promise.all([
        meta.put({
          ...rest,
          checkedAt: old.checkedAt ?? old.fetchedAt ?? 0,
          fetchedAt: old.fetchedAt ?? 0,
          warnings: old.warnings ?? [],
          stamp: body.stamp,
        } satisfies Meta),
        writeBody(parts, old.url, body),
      ]);
    }
    db.deleteObjectStore('feeds');
  }
}

/**
 * Marks idb's `tx.done` as handled for a transaction whose requests are awaited one by one: a
 * failed request already rejects, and the abort it causes must not come back unhandled.
 */
function quiet<T extends { readonly done: Promise<void> }>(tx: T): T {
  tx.done.catch(() => undefined);
  return tx;
}

/**
 * Waits for `requests` and the commit of `tx`, or aborts it when one fails: a request that failed
 * or threw after an `await` would otherwise let the others commit without it (IndexedDB aborts
 * when a request handler throws; idb turns that into a rejection). Half a body is never stored.
 */
async function commit(
  tx: { readonly done: Promise<void>; abort(): void },
  ...requests: Promise<unknown>[]
): Promise<void> {
  try {
    await Promise.all([...requests, tx.done]);
  } catch (error) {
    abort(tx);
    throw error;
  }
}

/** Aborts `tx` unless it has already finished or aborted (then its outcome stands). */
function abort(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Finished already: nothing to undo.
  }
}

/**
 * Turns a feed into a body with a new stamp (a value never used before for a body, so that meta
 * and body can be matched), giving the thread back between chunks of commitments per `slicing`.
 */
async function encode(feed: Feed, slicing?: ParseSlicing): Promise<Body> {
  const pace = pacer(slicing);
  const { commitments, ...head } = feed;
  const texts: [string, ...string[]] = [JSON.stringify(head)];
  for (let i = 0; i < commitments.length; i += CHUNK) {
    await pace();
    texts.push(JSON.stringify(commitments.slice(i, i + CHUNK)));
  }
  return { stamp: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`, texts };
}

/**
 * The feed of a body's texts. It was validated before it was stored, by this page's origin; like
 * the objects version 2 stored, it is not validated again.
 */
async function decode(texts: Body['texts'], slicing?: ParseSlicing): Promise<Feed> {
  const pace = pacer(slicing);
  const [head, ...chunks] = texts;
  const commitments: Feed['commitments'][number][] = [];
  for (const chunk of chunks) {
    await pace();
    commitments.push(...(JSON.parse(chunk) as Feed['commitments']));
  }
  return { ...(JSON.parse(head) as Omit<Feed, 'commitments'>), commitments };
}

/** Every part of the feed at `url`. */
function partsOf(url: string): IDBKeyRange {
  return IDBKeyRange.bound([url, 0], [url, Infinity]);
}

/** The `parts` store in a transaction of `Mode`. */
type PartsStore<Mode extends IDBTransactionMode> = IDBPObjectStore<
  FeedDb,
  ArrayLike<StoreNames<FeedDb>>,
  'parts',
  Mode
>;

/**
 * Replaces the parts of `url` with `body`'s, one request after the other: each is cloned in the
 * task of the previous one's success, so that no task clones the whole feed.
 */
async function writeBody(
  store: PartsStore<'readwrite' | 'versionchange'>,
  url: string,
  body: Body,
): Promise<void> {
  await store.delete(partsOf(url));
  for (const [index, text] of body.texts.entries()) {
    await store.put({ url, index, stamp: body.stamp, text } satisfies Part);
  }
}

/**
 * The texts of the parts of `url`, read one at a time through a cursor; undefined when they are
 * missing or not all of the body `stamp` (meta and body are written in one transaction: a mismatch
 * would be a store broken elsewhere).
 */
async function readBody(
  store: PartsStore<'readonly'>,
  url: string,
  stamp: string,
): Promise<Body['texts'] | undefined> {
  const texts: string[] = [];
  for (let at = await store.openCursor(partsOf(url)); at; at = await at.continue()) {
    const part = at.value;
    if (part.index !== texts.length || part.stamp !== stamp) return undefined;
    texts.push(part.text);
  }
  const [head, ...chunks] = texts;
  return head === undefined ? undefined : [head, ...chunks];
}
