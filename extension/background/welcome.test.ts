import { beforeEach, describe, expect, it, vi } from 'vitest';

let opened = 0;
const stored: Record<string, unknown> = {};
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { openOptionsPage: async () => void (opened += 1) },
    storage: {
      local: {
        get: async (key: string) => ({ [key]: stored[key] }),
        set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
      },
    },
  },
}));

const { welcome } = await import('./welcome.ts');

beforeEach(() => {
  opened = 0;
  for (const key of Object.keys(stored)) delete stored[key];
});

describe('the feeds page after installing', () => {
  it('opens on a first install only, not when the extension or the browser is updated', async () => {
    await welcome('update');
    await welcome('chrome_update');
    await welcome('browser_update');
    expect(opened).toBe(0);
    await welcome('install');
    expect(opened).toBe(1);
  });

  it('opens once, though Chromium installs anew at every start an extension loaded from its command line', async () => {
    await welcome('install');
    await welcome('install');
    expect(opened).toBe(1);
  });
});
