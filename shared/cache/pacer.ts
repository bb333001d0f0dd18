import type { ParseSlicing } from '../feed/parse-feed.ts';

/**
 * A checkpoint for a long loop on a page's main thread: awaiting it yields (through the injected
 * `yieldToMain`) once the current slice has run `sliceMs`, and costs nothing otherwise. Without
 * slicing, it never yields: the loop runs at once, as in the extension's background.
 */
export function pacer(slicing: ParseSlicing | undefined): () => Promise<void> {
  if (!slicing) return () => Promise.resolve();
  const now = slicing.now ?? Date.now;
  const sliceMs = slicing.sliceMs ?? 8;
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < sliceMs) return;
    await slicing.yieldToMain();
    sliceStart = now();
  };
}
