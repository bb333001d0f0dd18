/**
 * Launches Debian's Chromium through playwright-core with the flags that work on a closed network.
 * Every end-to-end test goes through here so that the flags live in one place.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from calling out to the network on its own. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: apt-get install -y chromium, or set CHROMIUM_PATH`,
    );
  }
}

/** A headless browser for pages (widget, demo). */
export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
}

/** A fresh profile folder. */
export function tempProfile(prefix = 'oc-profile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A persistent context with the built extension loaded from `extensionDir`, and the extension's id
 * read from its service worker URL.
 */
export async function launchWithExtension(
  extensionDir: string,
  profileDir = tempProfile(),
  locale?: string,
): Promise<{ context: BrowserContext; extensionId: string; profileDir: string }> {
  assertChromium();
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run npm run build first`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    // The browser's language, which the extension's pages and background speak.
    ...(locale ? { locale } : {}),
    args: [
      ...chromiumFlags,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, profileDir };
}
