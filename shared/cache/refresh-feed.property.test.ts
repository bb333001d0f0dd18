/**
 * `refreshFeed` over generated series of answers: the stored feed is always what the last usable
 * download gave (a refused, cut, oversized or failed one never replaces it), and a body read in
 * chunks, however they split it, gives what `parseFeed` gives of the whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed.ts';
import type { Feed } from '../feed/types.ts';
import { createMemoryFeedStore } from './feed-store.ts';
import { refreshFeed } from './refresh-feed.ts';
import { feedJson } from './test-support.ts';

const RUNS = { numRuns: 150, seed: 20261205 };
const URL_ = 'https://www.exemple.fr/engagements.json';
const MAX_BYTES = 4096;

type Answer =
  | { kind: 'body'; text: string; bom: boolean; cuts: number[]; etag?: string }
  | { kind: 'status'; status: number }
  | { kind: 'network' };

const texts = fc.constantFrom(
  feedJson(),
  feedJson({ updated: '2026-12-01T09:00:00Z' }),
  feedJson({
    commitments: [
      { id: 'E1', title: 'Ouvrir les données « publiques » 🗳️', status: 'complete', progress: -0 },
    ],
  }),
  feedJson({
    commitments: [{ id: 'E1', title: 't', status: 'nope', url: ['javascript', 'x'].join(':') }],
  }),
  feedJson({ format: 'open-commitments/2' }),
  feedJson({ commitments: 'none' }),
  `${feedJson()} x`,
  feedJson({ note: 'é'.repeat(MAX_BYTES) }),
  '',
);

const answerArb: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constant('body' as const),
        text: texts,
        bom: fc.boolean(),
        cuts: fc.array(fc.nat(), { maxLength: 4 }),
        etag: fc.constantFrom(undefined, '"a"', '"b"'),
      },
      { requiredKeys: ['kind', 'text', 'bom', 'cuts'] },
    ),
  },
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(304, 404, 500) }),
  fc.constant({ kind: 'network' as const }),
);

function bytesOf(answer: Extract<Answer, { kind: 'body' }>): Uint8Array {
  const bytes = new TextEncoder().encode(answer.text);
  return answer.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

/** The body in chunks cut at the given places, possibly inside a multi-byte character. */
function respond(answer: Answer): Response {
  if (answer.kind === 'network') throw new TypeError('Failed to fetch');
  if (answer.kind === 'status') return new Response(null, { status: answer.status });
  const bytes = bytesOf(answer);
  const cuts = [...new Set(answer.cuts.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks = [0, ...cuts, bytes.length].flatMap((start, i, all) => {
    const end = all[i + 1];
    return end === undefined || end === start ? [] : [bytes.slice(start, end)];
  });
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: answer.etag ? { etag: answer.etag } : {} });
}

describe('refreshFeed over generated series of answers', () => {
  it('keeps the feed of the last usable download, and reads it as parseFeed reads the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answerArb, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (answers, sliced) => {
          const store = createMemoryFeedStore();
          let time = Date.UTC(2026, 11, 1);
          let kept: Feed | undefined;
          for (const answer of answers) {
            time += 1000;
            const result = await refreshFeed(URL_, {
              fetch: async () => respond(answer),
              store,
              now: () => time,
              maxBytes: MAX_BYTES,
              ...(sliced ? { slicing: { yieldToMain: () => Promise.resolve(), sliceMs: 0 } } : {}),
            });
            if (answer.kind === 'body') {
              const expected = parseFeed(bytesOf(answer), { maxBytes: MAX_BYTES });
              if (expected.ok) {
                expect(result.kind, answer.text).not.toBe('failed');
                expect(result.entry?.feed).toEqual(expected.feed);
                kept = expected.feed;
              } else {
                expect(result.kind).toBe('failed');
              }
            } else if (answer.kind === 'status' && answer.status === 304 && kept !== undefined) {
              expect(result.kind).toBe('unchanged');
            } else {
              expect(result.kind).toBe('failed');
            }
            expect((await store.get(URL_))?.feed).toEqual(kept);
            expect(result.entry?.feed).toEqual(kept);
          }
        },
      ),
      RUNS,
    );
  });
});
