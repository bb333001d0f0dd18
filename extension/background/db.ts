/**
 * The extension's own IndexedDB database: subscriptions, follows, recorded changes, the person's
 * questions and the diff baselines. Feeds themselves live in the core's feed store, in its own
 * database (`open-commitments-feeds`, see `feeds.ts`), so that its schema stays the core's.
 *
 * The schema is versioned: `migrations[n]` upgrades version n to n + 1, and opening runs every
 * step between the stored version and `DB_VERSION`, so an update never loses data.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { DateString, Feed, Text } from '../../shared/index.ts';
import type { RecordedChange } from '../state/change-words.ts';

/** The database name. */
export const DB_NAME = 'open-commitments-extension';

/** A feed the person (or the bundled directory) subscribed to. */
export interface Subscription {
  /** The feed URL, or `bundled:<id>` for a bundled snapshot. */
  feedId: string;
  /** The URL refreshed on schedule; absent for a snapshot only. */
  url?: string;
  /** The directory entry it comes from. */
  bundled?: string;
  paused: boolean;
  addedAt: number;
  /** Consecutive failed refreshes, for backoff. */
  failures: number;
  /** Not refreshed before this time (ms). */
  nextRefreshAt: number;
  /** Where the feed's URL redirected last time it was read, when it did: the same feed. */
  movedTo?: string;
}

/** A commitment the person follows. */
export interface Follow {
  feedId: string;
  commitmentId: string;
  since: number;
}

/**
 * A change of a followed or asked-about commitment, found by a refresh: its facts, worded when
 * shown (records made before facts were kept have their words, `lines`, instead).
 */
export interface ChangeRecord extends RecordedChange {
  id?: number;
  feedId: string;
  at: number;
  /** The browser notification was shown (cleared by a stopped worker: shown at next wake). */
  notified: boolean;
}

/** A question the person asked through a feed's channel. */
export interface Question {
  id?: number;
  feedId: string;
  commitmentId: string;
  /** The commitment's title in every language the feed gives (one string in older records). */
  title: Text;
  /** The feed's languages, to pick the title in when the viewer's is missing. */
  languages?: readonly string[];
  askedOn: DateString;
  channel: { kind: 'url' | 'email'; target: string };
  dueOn?: DateString;
  answeredOn?: DateString;
}

/** The last copy of a feed that changes were computed against. */
export interface Baseline {
  feedId: string;
  fetchedAt: number;
  feed: Feed;
}

/** The database schema, for idb's typed API. */
export interface ExtensionDb extends DBSchema {
  subscriptions: { key: string; value: Subscription };
  follows: { key: [string, string]; value: Follow; indexes: { byFeed: string } };
  changes: { key: number; value: ChangeRecord; indexes: { byAt: number } };
  questions: { key: number; value: Question; indexes: { byCommitment: [string, string] } };
  baselines: { key: string; value: Baseline };
}

type Upgrade = (
  db: IDBPDatabase<ExtensionDb>,
  tx: IDBPTransaction<ExtensionDb, StoreNames<ExtensionDb>[], 'versionchange'>,
) => void;

/** Schema steps, from version 0; append, never edit a released step. */
export const migrations: readonly Upgrade[] = [
  (db) => {
    db.createObjectStore('subscriptions', { keyPath: 'feedId' });
    db.createObjectStore('follows', { keyPath: ['feedId', 'commitmentId'] }).createIndex(
      'byFeed',
      'feedId',
    );
    db.createObjectStore('changes', { keyPath: 'id', autoIncrement: true }).createIndex(
      'byAt',
      'at',
    );
    db.createObjectStore('questions', { keyPath: 'id', autoIncrement: true }).createIndex(
      'byCommitment',
      ['feedId', 'commitmentId'],
    );
    db.createObjectStore('baselines', { keyPath: 'feedId' });
  },
];

/** The current schema version. */
export const DB_VERSION = migrations.length;

let opening: Promise<IDBPDatabase<ExtensionDb>> | undefined;

/**
 * The open database. The connection is cached for the worker's lifetime only; nothing else is
 * kept in memory, so a stopped worker loses nothing.
 */
export function db(): Promise<IDBPDatabase<ExtensionDb>> {
  opening ??= openDB<ExtensionDb>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      for (let version = oldVersion; version < (newVersion ?? DB_VERSION); version++) {
        migrations[version]!(database, tx);
      }
    },
    terminated() {
      opening = undefined;
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
