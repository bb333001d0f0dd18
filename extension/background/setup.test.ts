import { beforeEach, describe, expect, it, vi } from 'vitest';

const registered: { id: string }[] = [];
vi.mock('wxt/browser', () => ({
  browser: { scripting: { getRegisteredContentScripts: async () => registered } },
}));
const steps: string[] = [];
const step = (name: string) => async () => void steps.push(name);
vi.mock('./subscriptions.ts', () => ({ seedDirectory: step('seed') }));
vi.mock('./refresh.ts', () => ({ ensureRefreshAlarm: step('alarm') }));
vi.mock('./registration.ts', () => ({
  CONTENT_SCRIPT_ID: 'open-commitments-overlay',
  syncRegistration: step('register'),
}));
vi.mock('./notifications.ts', () => ({ notifyPending: step('notify') }));

const { setUp, setUpIfLost } = await import('./setup.ts');

beforeEach(() => {
  steps.length = 0;
  registered.length = 0;
});

describe('setting up', () => {
  it('runs once when the browser starts and the starting worker finds no registration', async () => {
    await Promise.all([setUp(0), setUpIfLost(0)]);
    expect(steps).toEqual(['seed', 'alarm', 'register', 'notify']);
    // Once done, a later call runs again.
    await setUp(0);
    expect(steps).toHaveLength(8);
  });

  it('leaves an ordinary wake alone when the content script is registered', async () => {
    registered.push({ id: 'open-commitments-overlay' });
    await setUpIfLost(0);
    expect(steps).toEqual([]);
  });
});
