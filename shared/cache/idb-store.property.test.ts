/**
 * The IndexedDB store over generated series of writes and reads, from two connections as two tabs
 * would open: it answers as one memory store does.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Feed } from '../feed/types.ts';
import { createMemoryFeedStore, type StoredFeed } from './feed-store.ts';
import { openIdbFeedStore } from './idb-store.ts';

const RUNS = { numRuns: 40, seed: 20261205 };

function feedOf(commitments: number, title: string): Feed {
  return {
    format: 'open-commitments/1',
    publisher: { name: { fr: title, en: 'x' }, kind: 'municipality' },
    updated: '2026-11-30T09:00:00Z',
    commitments: Array.from({ length: commitments }, (_, i) => ({
      id: `E${i}`,
      title,
      status: 'limited',
    })),
  };
}

/** Feeds of no commitment, a few, and more than one chunk of them; odd text included. */
const feeds = [feedOf(0, 'a'), feedOf(3, 'Ville « ouverte » \uD800 \u2028'), feedOf(600, 'b')];
const urls = [
  'https://a.exemple.fr/f.json',
  'https://a.exemple.fr/f.json?x',
  'https://b.exemple.fr/',
  'https://a.exemple.fr/f.json\u0000',
];

type Op = { tab: number } & (
  | { op: 'put'; url: number; feed: number; checkedAt: number; same: boolean }
  | { op: 'get'; url: number }
  | { op: 'delete'; url: number }
  | { op: 'list' }
);

const opArb: fc.Arbitrary<Op> = fc
  .tuple(
    fc.nat(1),
    fc.oneof(
      fc.record({
        op: fc.constant('put' as const),
        url: fc.nat(urls.length - 1),
        feed: fc.nat(feeds.length - 1),
        checkedAt: fc.nat(10),
        same: fc.boolean(),
      }),
      fc.record({ op: fc.constant('get' as const), url: fc.nat(urls.length - 1) }),
      fc.record({ op: fc.constant('delete' as const), url: fc.nat(urls.length - 1) }),
      fc.constant({ op: 'list' as const }),
    ),
  )
  .map(([tab, op]) => ({ tab, ...op }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('openIdbFeedStore over generated series of operations', () => {
  it('gives back what the memory store gives back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        vi.stubGlobal('indexedDB', new IDBFactory());
        const tabs = [
          await openIdbFeedStore('open-commitments-property'),
          await openIdbFeedStore('open-commitments-property'),
        ];
        const memory = createMemoryFeedStore();
        // The feed object each tab last stored or read at each URL, as a tab puts it back.
        const held = new Map<string, Feed>();
        for (const op of ops) {
          const idb = tabs[op.tab] ?? tabs[0];
          if (op.op === 'put') {
            const url = urls[op.url] as string;
            // `same`: the very feed object last stored there, as a 304 puts it back.
            const last = op.same ? held.get(`${op.tab} ${url}`) : undefined;
            const entry: StoredFeed = {
              url,
              feed: last ?? (feeds[op.feed] as Feed),
              warnings: [],
              fetchedAt: 1,
              checkedAt: op.checkedAt,
            };
            await idb?.put(entry);
            await memory.put(entry);
            held.set(`${op.tab} ${url}`, entry.feed);
          } else if (op.op === 'get') {
            const url = urls[op.url] as string;
            const got = await idb?.get(url);
            expect(got).toEqual(await memory.get(url));
            if (got !== undefined) held.set(`${op.tab} ${url}`, got.feed);
          } else if (op.op === 'delete') {
            const url = urls[op.url] as string;
            await idb?.delete(url);
            await memory.delete(url);
          } else {
            expect(await idb?.list()).toEqual(await memory.list());
          }
        }
        for (const tab of tabs) expect(await tab.list()).toEqual(await memory.list());
      }),
      RUNS,
    );
  });
});
