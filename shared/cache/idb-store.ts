import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { createMemoryFeedStore, type FeedStore, type StoredFeed } from './feed-store.ts';

/**
 * The schema version this code writes.
 *
 * - 1: one `feeds` object store keyed by `url`, values `{url, feed, etag?, lastModified?,
 *   fetchedAt, lastError?}`.
 * - 2: values also carry `checkedAt` (a 304 confirms a copy without downloading it again) and
 *   `warnings`; entries from version 1 get `checkedAt = fetchedAt` and no warnings.
 */
export const FEED_DB_VERSION = 2;

/** Every database of this project starts with this, so that it is recognisable in devtools. */
export const FEED_DB_PREFIX = 'open-commitments';

interface FeedDb extends DBSchema {
  feeds: { key: string; value: StoredFeed };
}

type UpgradeTransaction = IDBPTransaction<FeedDb, 'feeds'[], 'versionchange'>;

/**
 * Opens (creating or upgrading) the IndexedDB feed store named `dbName`, through the global
 * `indexedDB`. Rejects when IndexedDB is missing or refuses; `openFeedStore` falls back instead.
 *
 * When another tab opens a newer version, this connection closes itself so that the upgrade is
 * not blocked, and reopens on the next call.
 */
export async function openIdbFeedStore(dbName: string): Promise<FeedStore> {
  if (!dbName.startsWith(FEED_DB_PREFIX)) {
    throw new TypeError(`Feed database names start with "${FEED_DB_PREFIX}": got "${dbName}"`);
  }
  let opening: Promise<IDBPDatabase<FeedDb>> | undefined;
  const open = (): Promise<IDBPDatabase<FeedDb>> => {
    if (opening) return opening;
    const attempt = openDB<FeedDb>(dbName, FEED_DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
      blocking: () => {
        if (opening === attempt) opening = undefined;
        void attempt.then((db) => db.close());
      },
      terminated: () => {
        if (opening === attempt) opening = undefined;
      },
    });
    attempt.catch(() => {
      if (opening === attempt) opening = undefined;
    });
    opening = attempt;
    return attempt;
  };
  // Fail now, not on first use, so that the caller can fall back to memory.
  await open();
  return {
    get: async (url) => (await open()).get('feeds', url),
    put: async (entry) => {
      await (await open()).put('feeds', entry);
    },
    delete: async (url) => (await open()).delete('feeds', url),
    list: async () => (await open()).getAll('feeds'),
  };
}

/**
 * Opens the IndexedDB feed store, or a memory store when IndexedDB is missing, throws or errors
 * (private modes, disabled storage). The page keeps working; it just forgets on reload.
 */
export async function openFeedStore(dbName: string): Promise<FeedStore> {
  try {
    return await openIdbFeedStore(dbName);
  } catch {
    return createMemoryFeedStore();
  }
}

/** Brings a database of any older version up to `FEED_DB_VERSION`, step by step. */
function upgrade(db: IDBPDatabase<FeedDb>, oldVersion: number, tx: UpgradeTransaction): void {
  if (oldVersion < 1) {
    db.createObjectStore('feeds', { keyPath: 'url' });
  }
  if (oldVersion >= 1 && oldVersion < 2) {
    void backfillCheckedAt(tx);
  }
}

/** Version 1 to 2: every entry gains `checkedAt` and `warnings`. */
async function backfillCheckedAt(tx: UpgradeTransaction): Promise<void> {
  let cursor = await tx.objectStore('feeds').openCursor();
  while (cursor) {
    const old = cursor.value as Partial<StoredFeed> & { url: string };
    await cursor.update({
      ...old,
      checkedAt: old.checkedAt ?? old.fetchedAt ?? 0,
      warnings: old.warnings ?? [],
    } as StoredFeed);
    cursor = await cursor.continue();
  }
}
