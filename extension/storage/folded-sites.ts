/**
 * Sites where the person closed the overlay's panel: on their next pages it starts folded into its
 * small tab, until the person opens it there again. Remembered per origin in the extension's local
 * storage (never synced, never sent), for sites of subscribed feeds only, the only ones it shows on.
 */
import { originList } from './origin-list.ts';

const folded = originList('foldedOrigins');

/** Whether the panel starts folded on `origin`. */
export const isFolded = folded.has;

/** Starts the panel folded on `origin` from now on, or with `folded` false, open again. */
export const setSiteFolded = folded.set;
