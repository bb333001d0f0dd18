/**
 * What the background does when the extension is installed, updated or the browser starts:
 * seed the bundled directory, make sure the refresh alarm exists, restore the content script's
 * registration (registrations do not persist across sessions), and show notifications a stopped
 * worker left pending. Idempotent, so it also runs on every wake.
 */
import { seedDirectory } from './subscriptions.ts';
import { ensureRefreshAlarm } from './refresh.ts';
import { syncRegistration } from './registration.ts';
import { notifyPending } from './notifications.ts';

/** Brings the extension to a working state from whatever was stored. */
export async function setUp(now: number): Promise<void> {
  await seedDirectory(now);
  await ensureRefreshAlarm();
  await syncRegistration();
  await notifyPending();
}
