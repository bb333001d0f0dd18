/**
 * Sites where the person closed the overlay's panel: on their next pages it starts folded into its
 * small tab, until the person opens it there again. Remembered per origin in the extension's local
 * storage (never synced, never sent), for sites of subscribed feeds only, the only ones it shows on.
 */
import { browser } from 'wxt/browser';

const KEY = 'foldedOrigins';

async function foldedSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string') : [];
}

/** Whether the panel starts folded on `origin`. */
export async function isFolded(origin: string): Promise<boolean> {
  return (await foldedSites()).includes(origin);
}

/** Starts the panel folded on `origin` from now on, or with `folded` false, open again. */
export async function setSiteFolded(origin: string, folded: boolean): Promise<void> {
  const sites = await foldedSites();
  if (sites.includes(origin) === folded) return;
  const others = sites.filter((o) => o !== origin);
  await browser.storage.local.set({ [KEY]: folded ? [...others, origin] : others });
}
