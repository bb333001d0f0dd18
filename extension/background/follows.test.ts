import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({
  browser: {
    i18n: { getUILanguage: () => 'en-GB' },
    runtime: { getURL: (path: string) => `chrome-extension://test${path}` },
    notifications: { create: async (id: string) => id },
  },
}));

const { followedSlices, setFollowed } = await import('./follows.ts');
const { setPaused } = await import('./subscriptions.ts');
const { db } = await import('./db.ts');

const feedId = 'bundled:valfleurie';

beforeEach(async () => {
  const database = await db();
  for (const name of ['subscriptions', 'follows', 'baselines', 'changes'] as const)
    await database.clear(name);
  await database.put('subscriptions', {
    feedId,
    bundled: 'valfleurie',
    paused: false,
    addedAt: 0,
    failures: 0,
    nextRefreshAt: 0,
  });
  await setFollowed(feedId, 'VF-01', true);
});

describe('followed commitments', () => {
  it('lists a followed commitment of an active feed', async () => {
    const slices = await followedSlices();
    expect(slices.map((s) => [s.feedId, s.paused, s.feed.commitments.map((c) => c.id)])).toEqual([
      [feedId, false, ['VF-01']],
    ]);
  });

  it('keeps listing it, marked as paused, after its feed is paused', async () => {
    await setPaused(feedId, true);
    const slices = await followedSlices();
    expect(slices.map((s) => [s.feedId, s.paused, s.feed.commitments.map((c) => c.id)])).toEqual([
      [feedId, true, ['VF-01']],
    ]);
  });
});
