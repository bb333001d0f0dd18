/**
 * The built content script, as WXT names it: the background registers it on the pages feeds name,
 * and it is run again in a tab open on such a page (a feed just subscribed, a site shown again).
 */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
