/**
 * Fakes for the cache tests: a scripted `fetch` that records requests, a settable clock, and
 * feeds as a publisher would serve them. Not part of the library (imported by tests only).
 */
import type { FetchLike } from './refresh-feed.ts';

/** A feed document as JSON text; `edit` adds or replaces top-level fields. */
export function feedJson(edit: Record<string, unknown> = {}, space?: number): string {
  return JSON.stringify(
    {
      format: 'open-commitments/1',
      publisher: { name: "Ville d'Exemple", kind: 'municipality' },
      updated: '2026-11-30T09:00:00Z',
      commitments: [{ id: 'E1', title: 'Publier les marchés publics', status: 'limited' }],
      ...edit,
    },
    null,
    space,
  );
}

/** One recorded request. */
export interface Call {
  readonly url: string;
  readonly headers: Headers;
  readonly init: RequestInit;
}

/** Answers each request with the next handler (the last one repeats), recording the requests. */
export function scriptedFetch(
  ...handlers: ((init: RequestInit) => Response | Promise<Response>)[]
): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, headers: new Headers(init.headers), init });
    const handler = handlers[Math.min(calls.length - 1, handlers.length - 1)];
    if (!handler) throw new Error('no handler');
    return handler(init);
  };
  return { fetch, calls };
}

/** A 200 with the body and headers given. */
export function ok(body: string, headers: Record<string, string> = {}): () => Response {
  return () => new Response(body, { status: 200, headers });
}

/** Rejects like `fetch` does when the request's signal aborts; never answers otherwise. */
export function hang(init: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (init.signal?.aborted) abort();
    init.signal?.addEventListener('abort', abort);
  });
}

/** A clock the test moves by hand. */
export function fakeClock(start = Date.UTC(2026, 11, 1)): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

/** A promise with its resolver, to hold a response until the test releases it. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
