/**
 * The built content script, as WXT names it: the background registers it on the pages feeds name,
 * and it is run again in a tab open on such a page (a feed just subscribed, a site shown again).
 */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/**
 * What the background sends every open tab when the feeds or the permissions change (a site's
 * permission removed, a feed unsubscribed or paused): a content script running there asks again
 * which feeds name its page, and runs again with those when they changed.
 */
export const RECHECK_MESSAGE = 'open-commitments:recheck';
