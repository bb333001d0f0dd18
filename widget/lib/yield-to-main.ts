/**
 * Gives the main thread back to the browser (input, rendering) and resolves when work may go on:
 * `scheduler.yield()` where it exists (the continuation keeps its priority), else a macrotask.
 * Long loops over a feed (validation, storage, building rows) await it between slices.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The slicing every long task of the widget uses: about 8 ms of work, then yield. */
export const WIDGET_SLICING = {
  yieldToMain,
  sliceMs: 8,
  now: () => performance.now(),
} as const;
