/**
 * Benchmarks the dashboard in real Chromium on the built bundle: the longest main-thread task while
 * a feed of 1,000 and 10,000 generated commitments loads, renders and is filtered, then on the next
 * visit (stored copy, 304), against a baseline measured in the same run (the same page with an
 * empty feed). Every task of the page's renderer main thread is read from a Chromium trace
 * (its task events), so tasks under 50 ms have their length too, not only the `longtask` entries
 * a page can observe. The longest task counts from the task that compiles the widget's bundle;
 * the longest of the whole page load (the browser's navigation and HTML parsing, before any
 * script of the page runs) is printed beside it. Numbers go to stdout; nothing is asserted.
 *
 * Loading is measured twice: in a Chromium that nothing attaches to the page (`bare-chromium.ts`),
 * as a visitor's browser runs it, and in one Playwright drives, which also types into the page to
 * measure filtering. Playwright's network inspector makes Chromium decode every response on the
 * page's main thread, which lengthens the task that receives a large feed (by 20 ms or more for
 * 6.7 MB): no visitor's browser does that work.
 *
 * The extension's content script is measured after it (`content-script.ts`).
 *
 *   npm run build && npm run bench
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { hostPage, settled, widgetServer } from '../e2e/fixtures/widget/harness.ts';
import { runContentScriptBench } from './content-script.ts';
import { launchBareChromium, type BareChromium } from './bare-chromium.ts';
import { runCoreBench } from './core.ts';
import { generatedFeed } from './generated-feed.ts';
import { mainThreadTasks, middle, type TraceEvent } from './trace.ts';

const TODAY = '2026-12-04';

/** The widget's bundle, whose compilation marks where the page's own work ends and ours begins. */
const BUNDLE = '/dist/open-commitments.js';

/** The main-thread tasks of one page while `action` runs, from a Chromium trace. */
interface Tasks {
  /** The page's renderer process, found from its navigation when `action` loads it. */
  readonly pid: number;
  /** Longest task from the one that compiles the widget's bundle on (all tasks when not loaded), ms. */
  readonly longest: number;
  /** Tasks over 50 ms (the `longtask` threshold) among those. */
  readonly over50: number;
  /**
   * Longest task of the whole trace, ms, with those before the widget's script: the browser's own
   * navigation, document and HTML parsing work, which no script on the page can shorten.
   */
  readonly longestOfPage: number;
}

async function traceTasks(
  browser: Browser,
  action: () => Promise<void>,
  page: { url?: string; pid?: number },
): Promise<Tasks> {
  await browser.startTracing(undefined, { categories: ['toplevel', 'devtools.timeline'] });
  await action();
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const { pid, all, fromScript } = mainThreadTasks(traceEvents, page, BUNDLE);
  const ours = fromScript ?? all;
  return {
    pid,
    longest: Math.round(Math.max(0, ...ours)),
    over50: ours.filter((d) => d > 50).length,
    longestOfPage: Math.round(Math.max(0, ...all)),
  };
}

/**
 * Marks the bench page's title `settled <ms>` once the dashboard has drawn its list (or a notice)
 * and is no longer busy, as `settled` checks from outside: the time is the page's own clock.
 */
const SETTLED_SCRIPT = `<script>(function look() {
  const root = document.querySelector('open-commitments')?.shadowRoot;
  if (root && root.childElementCount > 0 && !root.querySelector('[aria-busy="true"]'))
    document.title = 'settled ' + Math.round(performance.now());
  else requestAnimationFrame(look);
})();</script>`;

/** A first visit then a next visit in a browser nothing instruments: their longest tasks, ms. */
interface BareMeasure {
  readonly first: number;
  readonly firstOver50: number;
  readonly firstOnScreen: number;
  readonly next: number;
  readonly nextOnScreen: number;
}

/** The longest tasks of a first and a next visit of `url`, each traced from the browser. */
async function measureBare(bare: BareChromium, url: string): Promise<BareMeasure> {
  const { browserContextId } = (await bare.send('Target.createBrowserContext')) as {
    browserContextId: string;
  };
  const visit = async () => {
    let shown = { targetId: '', title: '' };
    const events = await bare.trace(['toplevel', 'devtools.timeline'], async () => {
      shown = await bare.open(browserContextId, url, 'settled');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });
    await bare.send('Target.closeTarget', { targetId: shown.targetId });
    const { all, fromScript } = mainThreadTasks(events, { url }, BUNDLE);
    const ours = fromScript ?? all;
    return {
      longest: Math.round(Math.max(0, ...ours)),
      over50: ours.filter((d) => d > 50).length,
      onScreen: Number(shown.title.split(' ')[1]),
    };
  };
  const first = await visit();
  // The stored copy shown at once, the publisher answering 304.
  const next = await visit();
  await bare.send('Target.disposeBrowserContext', { browserContextId });
  return {
    first: first.longest,
    firstOver50: first.over50,
    firstOnScreen: first.onScreen,
    next: next.longest,
    nextOnScreen: next.onScreen,
  };
}

interface Measure {
  readonly label: string;
  /** Longest task while loading and rendering, from the widget's script on, ms. */
  readonly loadLongest: number;
  readonly loadOver50: number;
  /** Longest task of the whole page load, the browser's navigation work included, ms. */
  readonly pageLongest: number;
  /** From navigation to the list (or the empty notice) on screen. */
  readonly renderMs: number;
  /** Whether filtering was measured (not on an empty feed nor on the next visit). */
  readonly filtered: boolean;
  /** Longest task while typing a search, toggling a filter and sorting. */
  readonly filterLongest: number;
}

async function measure(
  browser: Browser,
  page: Page,
  url: string,
  label: string,
  filter: boolean,
): Promise<Measure> {
  let renderMs = 0;
  const load = await traceTasks(
    browser,
    async () => {
      await page.goto(url);
      await settled(page);
      renderMs = await page.evaluate(() => performance.now());
      await page.waitForTimeout(1000);
    },
    { url },
  );
  let filterLongest = 0;
  if (filter) {
    const filtering = await traceTasks(
      browser,
      async () => {
        await page
          .locator('open-commitments input[name="q"]')
          .pressSequentially('egalite 12', { delay: 30 });
        await page.locator('open-commitments input[name="late"]').check();
        await page.locator('open-commitments select[name="sort"]').selectOption('title');
        await page.locator('open-commitments .chip').first().click();
        await page.waitForTimeout(500);
      },
      { pid: load.pid },
    );
    filterLongest = filtering.longest;
  }
  return {
    label,
    loadLongest: load.longest,
    loadOver50: load.over50,
    pageLongest: load.longestOfPage,
    renderMs: Math.round(renderMs),
    filtered: filter,
    filterLongest,
  };
}

/**
 * Runs per case (`BENCH_RUNS`, default 5); the median of each figure is reported, the machine
 * being shared.
 */
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

/** The median of each figure over several runs of one case. */
function median(runs: Measure[]): Measure {
  return {
    label: runs[0]?.label ?? '',
    loadLongest: middle(runs.map((r) => r.loadLongest)),
    loadOver50: middle(runs.map((r) => r.loadOver50)),
    pageLongest: middle(runs.map((r) => r.pageLongest)),
    renderMs: middle(runs.map((r) => r.renderMs)),
    filtered: runs[0]?.filtered ?? false,
    filterLongest: middle(runs.map((r) => r.filterLongest)),
  };
}

async function main(): Promise<void> {
  const server = await widgetServer();
  const browser = await launchBrowser();
  const bare = await launchBareChromium();
  const results: Measure[] = [];
  const bareResults: { label: string; runs: BareMeasure[] }[] = [];
  try {
    const cases: [string, number][] = [
      ['baseline (empty feed)', 0],
      ['1,000 commitments', 1_000],
      ['10,000 commitments', 10_000],
    ];
    for (const [label, n] of cases) {
      const body = JSON.stringify(generatedFeed(n));
      server.route(`/bench/feed-${n}.json`, { body });
      const element = `<open-commitments src="/bench/feed-${n}.json" today="${TODAY}" no-refresh></open-commitments>`;
      const url = hostPage(server, `/bench/page-${n}.html`, { body: element });
      const bareUrl = hostPage(server, `/bench/bare-${n}.html`, {
        body: element + SETTLED_SCRIPT,
      });
      const size = `${label} (${(body.length / 1e6).toFixed(1)} MB)`;
      const bareRuns: BareMeasure[] = [];
      for (let run = 0; run < RUNS; run += 1) bareRuns.push(await measureBare(bare, bareUrl));
      bareResults.push({ label: size, runs: bareRuns });
      const first: Measure[] = [];
      const next: Measure[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
        const page = await context.newPage();
        first.push(await measure(browser, page, url, size, n > 0));
        // Next visit: the stored copy is shown at once and the publisher answers 304 (no parsing).
        next.push(await measure(browser, page, url, '  next visit, from the cache', false));
        await context.close();
      }
      results.push(median(first), median(next));
    }
  } finally {
    await browser.close();
    await bare.close();
    await server.close();
  }
  console.log(
    `Dashboard in Chromium as a visitor's browser runs it (built bundle, nothing attached to the page), longest task of the page's main thread, median of ${RUNS} runs:`,
  );
  const bareBase = middle(bareResults[0]?.runs.map((r) => r.firstOnScreen) ?? []);
  const ratio = (ms: number) => (bareBase > 0 ? (ms / bareBase).toFixed(2) : '-');
  for (const { label, runs } of bareResults) {
    const first = middle(runs.map((r) => r.first));
    const over50 = middle(runs.map((r) => r.firstOver50));
    const firstOnScreen = middle(runs.map((r) => r.firstOnScreen));
    const next = middle(runs.map((r) => r.next));
    const nextOnScreen = middle(runs.map((r) => r.nextOnScreen));
    console.log(
      `  ${label.padEnd(36)} first visit: longest task ${first} ms (${over50} over 50 ms), on screen at ${firstOnScreen} ms = ${ratio(firstOnScreen)}x baseline;` +
        ` next visit: longest task ${next} ms, on screen at ${nextOnScreen} ms = ${ratio(nextOnScreen)}x baseline`,
    );
  }
  console.log('');
  const [base] = results;
  console.log(
    `Dashboard in Chromium driven by Playwright (built bundle), longest task of the page's main thread, median of ${RUNS} runs.`,
  );
  console.log(
    '  Playwright turns on the network inspector of every page it drives, and Chromium then decodes each response on the main thread for it:',
  );
  console.log(
    '  the task that receives a large feed is longer here than in a visitor’s browser. Filtering is measured here (it types into the page).',
  );
  for (const r of results) {
    const ratio = base && base.renderMs > 0 ? (r.renderMs / base.renderMs).toFixed(2) : '-';
    console.log(
      `  ${r.label.padEnd(36)} load+render: longest task ${r.loadLongest} ms` +
        ` (${r.loadOver50} over 50 ms; whole page load ${r.pageLongest} ms),` +
        ` on screen at ${r.renderMs} ms = ${ratio}x baseline;` +
        ` filtering: longest task ${!r.filtered ? '-' : `${r.filterLongest} ms`}`,
    );
  }
}

// The shared core first (parser, page index, diff), then the dashboard and the extension's
// content script in Chromium.
console.log('Shared core (Node):');
runCoreBench();
console.log('');
await main();
console.log('');
await runContentScriptBench(RUNS);
