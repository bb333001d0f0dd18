/**
 * A list of origins kept in the extension's local storage under one key (never synced, never
 * sent): the sites where the person hid the overlay, or folded its panel.
 */
import { browser } from 'wxt/browser';

/** The origins stored under `key`, and how to read and change them. */
export function originList(key: string) {
  const all = async (): Promise<string[]> => {
    const stored = (await browser.storage.local.get(key))[key];
    return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string') : [];
  };
  return {
    all,
    has: async (origin: string): Promise<boolean> => (await all()).includes(origin),
    /** Puts `origin` in the list, or with `on` false, takes it out. */
    set: async (origin: string, on: boolean): Promise<void> => {
      const sites = await all();
      if (sites.includes(origin) === on) return;
      const others = sites.filter((o) => o !== origin);
      await browser.storage.local.set({ [key]: on ? [...others, origin] : others });
    },
  };
}
