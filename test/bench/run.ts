/**
 * Benchmarks the dashboard in real Chromium on the built bundle: the longest main-thread task
 * (PerformanceObserver `longtask`, which reports tasks over 50 ms) while a feed of 1,000 and
 * 10,000 generated commitments loads, renders and is filtered, then on the next visit (stored copy,
 * 304), against a baseline measured in the same run (the same page with an empty feed). Numbers go
 * to stdout; nothing is asserted.
 *
 *   npm run build:widget && npm run bench
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { hostPage, settled, widgetServer } from '../e2e/fixtures/widget/harness.ts';
import { runCoreBench } from './core.ts';
import { generatedFeed } from './generated-feed.ts';

const TODAY = '2026-12-04';
/** Long tasks seen since the page started, in ms. */
async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.slice());
}

interface Measure {
  readonly label: string;
  /** Longest task while loading and rendering, 0 when none passed 50 ms. */
  readonly loadLongest: number;
  readonly loadCount: number;
  /** From navigation to the list (or the empty notice) on screen. */
  readonly renderMs: number;
  /** Longest task while typing a search and toggling a filter. */
  readonly filterLongest: number;
}

async function measure(page: Page, url: string, label: string, filter: boolean): Promise<Measure> {
  await page.goto(url);
  await settled(page);
  const renderMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1000);
  const loading = await longTasks(page);
  let filterLongest = 0;
  if (filter) {
    const before = (await longTasks(page)).length;
    await page
      .locator('open-commitments input[name="q"]')
      .pressSequentially('egalite 12', { delay: 30 });
    await page.locator('open-commitments input[name="late"]').check();
    await page.locator('open-commitments select[name="sort"]').selectOption('title');
    await page.locator('open-commitments .chip').first().click();
    await page.waitForTimeout(500);
    filterLongest = Math.max(0, ...(await longTasks(page)).slice(before));
  }
  return {
    label,
    loadLongest: Math.max(0, ...loading),
    loadCount: loading.length,
    renderMs: Math.round(renderMs),
    filterLongest,
  };
}

/** Runs per case; the median of each figure is reported, the machine being shared. */
const RUNS = 3;

function middle(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The median of each figure over several runs of one case. */
function median(runs: Measure[]): Measure {
  return {
    label: runs[0]?.label ?? '',
    loadLongest: middle(runs.map((r) => r.loadLongest)),
    loadCount: middle(runs.map((r) => r.loadCount)),
    renderMs: middle(runs.map((r) => r.renderMs)),
    filterLongest: middle(runs.map((r) => r.filterLongest)),
  };
}

async function main(): Promise<void> {
  const server = await widgetServer();
  const browser = await launchBrowser();
  const results: Measure[] = [];
  try {
    const cases: [string, number][] = [
      ['baseline (empty feed)', 0],
      ['1,000 commitments', 1_000],
      ['10,000 commitments', 10_000],
    ];
    for (const [label, n] of cases) {
      const body = JSON.stringify(generatedFeed(n));
      server.route(`/bench/feed-${n}.json`, { body });
      const url = hostPage(server, `/bench/page-${n}.html`, {
        body: `<open-commitments src="/bench/feed-${n}.json" today="${TODAY}" no-refresh></open-commitments>`,
      });
      const first: Measure[] = [];
      const next: Measure[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
        const page = await context.newPage();
        await page.addInitScript(() => {
          const tasks: number[] = [];
          (window as unknown as { longTasks: number[] }).longTasks = tasks;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration));
          }).observe({ type: 'longtask', buffered: true });
        });
        first.push(
          await measure(page, url, `${label} (${(body.length / 1e6).toFixed(1)} MB)`, n > 0),
        );
        // Next visit: the stored copy is shown at once and the publisher answers 304 (no parsing).
        next.push(await measure(page, url, '  next visit, from the cache', false));
        await context.close();
      }
      results.push(median(first), median(next));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const [base] = results;
  console.log(
    `Dashboard in Chromium (built bundle), longest main-thread task (longtask > 50 ms), median of ${RUNS} runs:`,
  );
  for (const r of results) {
    const ratio = base && base.renderMs > 0 ? (r.renderMs / base.renderMs).toFixed(2) : '-';
    console.log(
      `  ${r.label.padEnd(36)} load+render: longest task ${r.loadLongest === 0 ? '< 50' : r.loadLongest} ms` +
        ` (${r.loadCount} long tasks), on screen at ${r.renderMs} ms = ${ratio}x baseline;` +
        ` filtering: longest task ${r.filterLongest === 0 ? '< 50' : r.filterLongest} ms`,
    );
  }
}

// The shared core first (parser, page index, diff), then the dashboard in Chromium.
console.log('Shared core (Node):');
runCoreBench();
console.log('');
await main();
