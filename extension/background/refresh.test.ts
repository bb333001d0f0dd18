import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: {} }));
const { backoffMinutes, MAX_BACKOFF_MINUTES, REFRESH_MINUTES } = await import('./refresh.ts');

describe('refresh backoff', () => {
  it('waits the normal period when healthy, doubling after each failure up to a day', () => {
    expect(backoffMinutes(0)).toBe(REFRESH_MINUTES);
    expect([1, 2, 3].map(backoffMinutes)).toEqual([60, 120, 240]);
    expect(backoffMinutes(30)).toBe(MAX_BACKOFF_MINUTES);
    expect(MAX_BACKOFF_MINUTES).toBe(24 * 60);
  });
});
