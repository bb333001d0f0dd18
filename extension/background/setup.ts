/**
 * What the background does when the extension is installed, updated or the browser starts:
 * seed the bundled directory, make sure the refresh alarm exists, restore the content script's
 * registration (registrations do not persist across sessions), and show notifications a stopped
 * worker left pending. Idempotent, so it also runs on every wake.
 */
import { browser } from 'wxt/browser';
import { seedDirectory } from './subscriptions.ts';
import { ensureRefreshAlarm } from './refresh.ts';
import { CONTENT_SCRIPT_ID, syncRegistration } from './registration.ts';
import { notifyPending } from './notifications.ts';

let running: Promise<void> | undefined;

/**
 * Brings the extension to a working state from whatever was stored. A call while one runs joins
 * it: at a browser's start, `onStartup` and a starting worker that finds no registration (none
 * persists across sessions) both ask.
 */
export function setUp(now: number): Promise<void> {
  running ??= (async () => {
    try {
      await seedDirectory(now);
      await ensureRefreshAlarm();
      await syncRegistration();
      await notifyPending();
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/**
 * Sets up again when the worker starts and finds the content script unregistered. Turning the
 * extension off and on again in the browser's settings drops its registration and fires neither
 * `onInstalled` nor `onStartup`: without this, no page would show its commitments again until
 * the browser restarts. Checking first keeps an ordinary wake cheap.
 */
export async function setUpIfLost(now: number): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({
    ids: [CONTENT_SCRIPT_ID],
  });
  if (registered.length === 0) await setUp(now);
}
