/**
 * Browser notifications for recorded changes. A change is marked notified only after its
 * notification was created, so one recorded just before the worker stopped is shown at next wake.
 */
import { browser } from 'wxt/browser';
import { uiLang } from '../i18n/messages.ts';
import { t } from '../i18n/page-messages.ts';
import { changeLines, changePublisher, changeTitle } from '../state/change-words.ts';
import { db } from './db.ts';
import { SHOW_CHANGES_MESSAGE } from '../messaging/protocol.ts';

/** Prefix of the notification ids this extension creates. */
export const NOTIFICATION_PREFIX = 'oc-change-';

/**
 * The most changes shown one notification each; more at once (a publisher revising its whole plan
 * in one update) are told in one notification with their count, rather than a flood of them.
 */
export const MAX_NOTIFICATIONS = 3;

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

/**
 * Notification text without Unicode's direction controls: many notification centres draw the
 * isolates that hold a feed's words inside our sentences (`isolate`) as boxes, and an override in
 * a feed's words, left without them, would turn the rest of its line around.
 */
export function withoutDirectionControls(text: string): string {
  return text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

async function showPending(): Promise<void> {
  const database = await db();
  const pending = (await database.getAll('changes')).filter((c) => !c.notified);
  if (pending.length > MAX_NOTIFICATIONS) {
    const m = t(uiLang());
    await browser.notifications.create(`${NOTIFICATION_PREFIX}many-${pending.at(-1)!.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: m.manyChangesTitle,
      message: m.manyChanges(pending.length),
    });
    const tx = database.transaction('changes', 'readwrite');
    for (const change of pending) {
      const current = await tx.store.get(change.id!);
      if (current) await tx.store.put({ ...current, notified: true });
    }
    await tx.done;
    return;
  }
  const lang = uiLang();
  for (const change of pending) {
    // The publisher's name is the message's first line: with several feeds, the title alone does
    // not say whose commitment changed. Not `contextMessage`, which Firefox does not support.
    const publisher = changePublisher(change, lang)?.text;
    const lines = [...(publisher ? [publisher] : []), ...changeLines(change, lang)];
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${change.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: withoutDirectionControls(changeTitle(change, lang).text),
      message: withoutDirectionControls(lines.join('\n')),
    });
    const current = await database.get('changes', change.id!);
    if (current) await database.put('changes', { ...current, notified: true });
  }
}

/**
 * Shows the dashboard at its recent changes when a change notification is clicked: they come
 * after the followed commitments, which may be hundreds. A dashboard already open is brought
 * forward in its window, and told to read its data again, rather than opened once more for every
 * click. `runtime.getContexts` finds
 * it, in Chromium and Firefox, without the "tabs" permission; Chromium's service worker cannot do
 * it with its own `clients`: it does not control the extension's pages, so
 * `WindowClient.navigate()` fails, and `focus()` is allowed only in a web notification's click
 * (and Firefox runs the background as a page, without `clients`). Where `getContexts` fails, a
 * tab is opened.
 */
export async function onNotificationClicked(id: string): Promise<void> {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return;
  void browser.notifications.clear(id);
  const url = browser.runtime.getURL('/dashboard.html#oc-changes');
  const page = url.replace(/#.*/, '');
  try {
    const open = (await browser.runtime.getContexts({ contextTypes: ['TAB'] })).find(
      (context) => context.documentUrl?.replace(/[?#].*/, '') === page && context.tabId > 0,
    );
    if (open) {
      await browser.tabs.update(open.tabId, { active: true, url });
      // Told to read its data again, so that it lists the change: a tab already in front is never
      // told it is shown, and one already at #oc-changes is not even told of the address.
      await browser.runtime.sendMessage(SHOW_CHANGES_MESSAGE).catch(() => undefined);
      // Firefox for Android has no windows to bring forward.
      await browser.windows?.update(open.windowId, { focused: true });
      return;
    }
  } catch {
    // No such API in this browser: open a tab, as below.
  }
  await browser.tabs.create({ url });
}
