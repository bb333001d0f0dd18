/**
 * Says where the dashboard's long tasks go: loads the built bundle with a generated feed in
 * Chromium under the V8 sampling profiler, twice (first visit, then from the cache), and for each
 * main-thread task over 50 ms prints the functions that took most of it (self time). A tool for
 * finding what to slice next; `npm run bench` gives the figures.
 *
 *   npm run build:widget && npx tsx test/bench/profile.ts [commitments]
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { hostPage, settled, widgetServer } from '../e2e/fixtures/widget/harness.ts';
import { generatedFeed } from './generated-feed.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

async function visit(page: Page, cdp: CDPSession, url: string, label: string): Promise<void> {
  await cdp.send('Profiler.start');
  await page.goto(url);
  await settled(page);
  await page.waitForTimeout(1500);
  if (label.startsWith('first')) {
    await page
      .locator('open-commitments input[name="q"]')
      .pressSequentially('egalite 12', { delay: 30 });
    await page.locator('open-commitments input[name="late"]').check();
    await page.locator('open-commitments select[name="sort"]').selectOption('title');
    await page.waitForTimeout(500);
  }
  const stoppedAt = await page.evaluate(() => performance.now());
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const tasks = await page.evaluate(() =>
    (window as unknown as { tasks: { start: number; duration: number }[] }).tasks.slice(),
  );
  // The profile's clock has another origin: align its end with the page's clock at the stop.
  const origin = profile.endTime / 1000 - stoppedAt;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Sample times in performance.now() milliseconds of the page.
  let t = profile.startTime;
  const samples = profile.samples.map((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    return { id, at: t / 1000 - origin };
  });
  console.log(`${label}: ${tasks.length} tasks over 50 ms`);
  for (const task of tasks) {
    const self = new Map<string, number>();
    let previous: number | undefined;
    for (const sample of samples) {
      if (sample.at < task.start || sample.at > task.start + task.duration) continue;
      const dt = previous === undefined ? 0 : sample.at - previous;
      previous = sample.at;
      const frame = byId.get(sample.id)?.callFrame;
      const name = frame
        ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
        : '?';
      self.set(name, (self.get(name) ?? 0) + dt);
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`  task at ${Math.round(task.start)} ms, ${Math.round(task.duration)} ms:`);
    for (const [name, ms] of top) console.log(`    ${ms.toFixed(1).padStart(6)} ms  ${name}`);
  }
}

const n = Number(process.argv[2] ?? 10_000);
const server = await widgetServer();
const browser = await launchBrowser();
try {
  server.route(`/bench/feed.json`, { body: JSON.stringify(generatedFeed(n)) });
  const url = hostPage(server, `/bench/profile.html`, {
    body: `<open-commitments src="/bench/feed.json" today="2026-12-04" no-refresh></open-commitments>`,
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { tasks: typeof tasks }).tasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await visit(page, cdp, url, `first visit, ${n} commitments`);
  await visit(page, cdp, url, 'next visit, from the cache');
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
