/**
 * Opens the feeds page once, when the extension is first installed: it says what the extension
 * does and that it sends nobody the pages visited, which a person would otherwise learn only on
 * finding its toolbar button. An update or a browser's start opens nothing. That it was opened is
 * kept, because Chromium installs an extension loaded from its command line (`--load-extension`)
 * anew at every start.
 */
import { browser } from 'wxt/browser';

/** The storage key saying that the feeds page was opened after installing. */
export const WELCOMED_KEY = 'welcomed';

/** Opens the feeds page if `reason` (from `runtime.onInstalled`) is a first install. */
export async function welcome(reason: string): Promise<void> {
  if (reason !== 'install' || (await browser.storage.local.get(WELCOMED_KEY))[WELCOMED_KEY]) return;
  await browser.storage.local.set({ [WELCOMED_KEY]: true });
  await browser.runtime.openOptionsPage();
}
