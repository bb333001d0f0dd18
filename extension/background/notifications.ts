/**
 * Browser notifications for recorded changes. A change is marked notified only after its
 * notification was created, so one recorded just before the worker stopped is shown at next wake.
 */
import { browser } from 'wxt/browser';
import { db } from './db.ts';

/** Prefix of the notification ids this extension creates. */
export const NOTIFICATION_PREFIX = 'oc-change-';

let queue: Promise<void> = Promise.resolve();

/**
 * Shows a notification for every recorded change not yet shown. Calls run one after the other:
 * two feeds refreshed at once would otherwise both find a change unshown and show it twice.
 */
export function notifyPending(): Promise<void> {
  const run = queue.then(showPending);
  queue = run.catch(() => undefined);
  return run;
}

async function showPending(): Promise<void> {
  const database = await db();
  const pending = (await database.getAll('changes')).filter((c) => !c.notified);
  for (const change of pending) {
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${change.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: change.title,
      message: change.lines.join('\n'),
    });
    const current = await database.get('changes', change.id!);
    if (current) await database.put('changes', { ...current, notified: true });
  }
}

/** Opens the dashboard when a change notification is clicked. */
export function onNotificationClicked(id: string): void {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return;
  void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
  void browser.notifications.clear(id);
}
