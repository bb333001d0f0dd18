/**
 * Runs the registered features on the current URL and runs them again, from scratch, on every
 * navigation of a single-page app. Each run gets its own AbortController: navigating, closing the
 * overlay, reinjecting the script or reloading the extension aborts it and every feature removes
 * what it added. One feature can also stop the others and start them again (the overlay, while
 * it offers to undo hiding it on the site). Told that it may run on fewer pages, it asks again
 * and, when the feeds that name the page changed, runs again with those left (none: everything
 * goes).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { todayString } from '../../shared/status/dates.ts';
import { uiLang } from '../i18n/messages.ts';
import { browser } from 'wxt/browser';
import { ask } from '../messaging/send.ts';
import { isHidden } from '../storage/hidden-sites.ts';
import type { Feature, PageContext } from './feature.ts';
import { RECHECK_MESSAGE } from './script-file.ts';

/** Starts `features` on this page; returns when the first run is set up. */
export async function runFeatures(
  ctx: ContentScriptContext,
  features: readonly Feature[],
): Promise<void> {
  let current: AbortController | undefined;
  // The feeds the current run shows, to tell when the background names others.
  let shown = '';
  const ids = (feeds: readonly { feedId: string }[]) => feeds.map((f) => f.feedId).join(' ');
  const lang = uiLang();

  const start = async () => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    if (!ctx.isValid || (await isHidden(location.origin))) return;
    const url = location.href;
    const { feeds } = await ask({ type: 'page-matches', url });
    if (controller.signal.aborted) return;
    shown = ids(feeds);
    const base = {
      ctx,
      url,
      lang,
      today: todayString(new Date()),
      feeds,
      stop: () => controller.abort(),
    };
    // Each feature's own controller too, so that one can stop the others and start them again.
    const running = new Map<Feature, AbortController>();
    const run = async (feature: Feature) => {
      const page: PageContext = {
        ...base,
        pauseOthers(paused) {
          if (controller.signal.aborted) return;
          for (const [other, own] of running) {
            if (other === feature) continue;
            if (paused) own.abort();
            else if (own.signal.aborted) void run(other);
          }
        },
      };
      if (!feature.appliesTo(page)) return;
      const own = new AbortController();
      running.set(feature, own);
      try {
        await feature.init(AbortSignal.any([controller.signal, own.signal]), page);
      } catch (error) {
        console.warn(`open-commitments: ${feature.id} failed`, error);
      }
    };
    for (const feature of features) await run(feature);
  };

  // The page's site no longer allowed, or one of its feeds gone: it shows what is left at once.
  const recheck = (message: unknown) => {
    if (message !== RECHECK_MESSAGE) return;
    void ask({ type: 'page-matches', url: location.href })
      .then(({ feeds }) => (ids(feeds) === shown ? undefined : start()))
      .catch(() => undefined);
  };
  browser.runtime.onMessage.addListener(recheck);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(recheck);
    current?.abort();
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => void start().catch(() => undefined));
  await start();
}
