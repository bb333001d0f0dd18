/**
 * Keeps the content script registered on exactly the pages that subscribed feeds name and that
 * the person allowed: no content script is declared for all sites. Called on install, startup,
 * update, every subscription change and every permission change; idempotent.
 */
import { browser } from 'wxt/browser';
import { grantedPatterns } from '../permissions/origins.ts';
import { CONTENT_SCRIPT_FILE, RECHECK_MESSAGE } from '../content/script-file.ts';
import { pageIndex } from './feeds.ts';

/** The id of the one registered content script. */
export const CONTENT_SCRIPT_ID = 'open-commitments-overlay';

/** The host permissions granted now (manifest and optional ones). */
export async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Registers, updates or removes the content script; returns the patterns now registered. Calls
 * run one after another (a permission event and a page's request often come together), so that
 * two never both register the same script id.
 */
export function syncRegistration(): Promise<string[]> {
  const run = queue.then(apply, apply);
  queue = run.catch(() => undefined);
  return run;
}

async function apply(): Promise<string[]> {
  const matches = await register();
  void recheckOpenTabs().catch(() => undefined);
  return matches;
}

async function register(): Promise<string[]> {
  const { index } = await pageIndex();
  const matches = grantedPatterns(index.patterns(), await grantedOrigins());
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [CONTENT_SCRIPT_ID],
  });
  const before = [...(existing[0]?.matches ?? [])].sort();
  if (matches.length === 0) {
    if (existing.length > 0) {
      await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    }
    return [];
  }
  const script = {
    id: CONTENT_SCRIPT_ID,
    js: [CONTENT_SCRIPT_FILE],
    matches,
    runAt: 'document_idle' as const,
    allFrames: false,
    persistAcrossSessions: false,
  };
  if (existing.length > 0) {
    const same = JSON.stringify(before) === JSON.stringify(matches);
    if (!same) await browser.scripting.updateContentScripts([script]);
  } else {
    await browser.scripting.registerContentScripts([script]);
  }
  await injectIntoOpenTabs(
    matches.filter((p) => !before.includes(p)),
    before,
  );
  return matches;
}

/**
 * Runs the content script in the open tabs that `added` patterns now cover and `before` did not,
 * so that a page open when its feed was subscribed (or its site allowed) shows its commitments
 * without a reload. A registered script only runs on pages loaded after it. A tab that got the
 * script twice is harmless: the newer run replaces the older one.
 */
async function injectIntoOpenTabs(added: string[], before: string[]): Promise<void> {
  if (added.length === 0) return;
  const tabs = await browser.tabs.query({ url: added }).catch(() => []);
  const covered = new Set(
    before.length > 0
      ? (await browser.tabs.query({ url: before }).catch(() => [])).map((tab) => tab.id)
      : [],
  );
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && !covered.has(tab.id))
      .map((tab) =>
        browser.scripting
          .executeScript({
            target: { tabId: tab.id! },
            files: [`/${CONTENT_SCRIPT_FILE}` as const],
          })
          .catch(() => undefined),
      ),
  );
}

/**
 * Tells the content script in every open tab to ask again what its page shows, once the feeds or
 * the permissions changed: a tab left open on a site whose permission was just removed takes its
 * panel and badges away, one whose feed was unsubscribed or paused shows the others' alone,
 * without a reload. The background cannot read the addresses of tabs on a site no longer
 * allowed, so every tab is told; those without the content script ignore it.
 */
async function recheckOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, RECHECK_MESSAGE).catch(() => undefined),
    ),
  );
}
