/**
 * Sites where the person closed the overlay for good, remembered per origin in the extension's
 * local storage (never synced, never sent). The options page lists them and can show one again;
 * the popup, opened on such a site, says so and can show it again there.
 */
import { browser } from 'wxt/browser';

const KEY = 'hiddenOrigins';

/** The origins where the overlay stays away. */
export async function hiddenSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string') : [];
}

/** Whether the overlay stays away from `origin`. */
export async function isHidden(origin: string): Promise<boolean> {
  return (await hiddenSites()).includes(origin);
}

/**
 * Never shows the overlay on `origin` again, until shown again from the options page, the popup
 * or the undo the page offers right after; or, with `hidden` false, shows it there again.
 */
export async function setSiteHidden(origin: string, hidden: boolean): Promise<void> {
  const others = (await hiddenSites()).filter((o) => o !== origin);
  await browser.storage.local.set({ [KEY]: hidden ? [...others, origin] : others });
}

/** Shows the overlay on `origin` again. */
export async function showSite(origin: string): Promise<void> {
  await setSiteHidden(origin, false);
}
