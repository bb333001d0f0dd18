/**
 * Sites where the person closed the overlay for good, remembered per origin in the extension's
 * local storage (never synced, never sent). The options page lists them and can show one again;
 * the popup, opened on such a site, says so and can show it again there.
 */
import { originList } from './origin-list.ts';

const hidden = originList('hiddenOrigins');

/** The origins where the overlay stays away. */
export const hiddenSites = hidden.all;

/** Whether the overlay stays away from `origin`. */
export const isHidden = hidden.has;

/**
 * Never shows the overlay on `origin` again, until shown again from the options page, the popup
 * or the undo the page offers right after; or, with `hidden` false, shows it there again.
 */
export const setSiteHidden = hidden.set;

/** Shows the overlay on `origin` again. */
export async function showSite(origin: string): Promise<void> {
  await setSiteHidden(origin, false);
}
