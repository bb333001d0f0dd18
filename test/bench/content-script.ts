/**
 * Benchmarks the extension's content script in Chromium on the built extension: the longest
 * main-thread task of a page while the content script puts its overlay and inline badges on it,
 * for pages with 0 (the baseline: the overlay alone), 300 and 3,000 links to commitments, and when
 * the last link got its badge. Every task of the tab's renderer main thread is read from a
 * Chromium trace, from the one that compiles the content script on (the page's own loading
 * before it is not the content script's). The same pages where no feed applies give what loading
 * and laying them out costs without the content script. Numbers go to stdout; nothing is asserted.
 *
 *   npm run build:extension && npm run bench
 */
import type { Page } from 'playwright-core';
import { htmlPage, launchExtension, subscribe } from '../e2e/fixtures/extension/harness.ts';
import { startServer } from '../e2e/support/server.ts';
import { mainThreadTasks, middle, type TraceEvent } from './trace.ts';

/** The content script's file, whose compilation marks where the page's own work ends. */
const SCRIPT = 'content-scripts/content.js';

/** Commitments in the feed; the pages link to the first ones. */
const COMMITMENTS = 3_000;

interface Measure {
  readonly links: number;
  /** The longest task of the same page where no feed applies (no content script), ms. */
  readonly alone?: number;
  /** Longest task from the content script's compilation on, ms. */
  readonly longest: number;
  /** Tasks over 50 ms among those. */
  readonly over50: number;
  /** From navigation to the last link's badge (or the overlay, without links), ms. */
  readonly badgedMs: number;
}

/**
 * The tab's main-thread tasks while `url` loads and the content script badges its links; or, with
 * `alone`, every task of a page the content script does not run on, from its navigation.
 */
async function measure(page: Page, url: string, links: number, alone = false): Promise<Measure> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8'] },
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  const wanted = Math.max(links, 1);
  const target = links > 0 ? 'open-commitments-badge' : 'open-commitments-overlay';
  if (!alone) {
    await page.waitForFunction(
      ([selector, n]) => document.querySelectorAll(selector as string).length >= (n as number),
      [target, wanted] as const,
      { timeout: 60_000, polling: 50 },
    );
  }
  const badgedMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1000);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  const tasks = mainThreadTasks(events, { url }, SCRIPT);
  if (alone) {
    if (tasks.fromScript !== undefined) throw new Error(`the content script ran on ${url}`);
    const longest = Math.round(Math.max(0, ...tasks.all));
    return { links, longest, over50: tasks.all.filter((d) => d > 50).length, badgedMs: 0 };
  }
  const ours = tasks.fromScript;
  if (ours === undefined) throw new Error(`the content script never ran on ${url}`);
  return {
    links,
    longest: Math.round(Math.max(0, ...ours)),
    over50: ours.filter((d) => d > 50).length,
    badgedMs: Math.round(badgedMs),
  };
}

/** Measures the content script on pages of 0, 300 and 3,000 links, `runs` times each. */
export async function runContentScriptBench(runs: number): Promise<void> {
  const server = await startServer();
  server.route('/favicon.ico', { status: 204 });
  const session = await launchExtension({ grantHosts: ['http://127.0.0.1/*'] });
  const results: Measure[] = [];
  try {
    const feed = {
      format: 'open-commitments/1',
      publisher: { name: { en: 'Republic' }, kind: 'national', url: `${server.origin}/plan/` },
      plan: { id: 'NAP', title: { en: 'National action plan' } },
      updated: '2026-11-01T09:00:00Z',
      languages: ['en'],
      site: ['http://127.0.0.1/plan/*'],
      commitments: Array.from({ length: COMMITMENTS }, (_, i) => ({
        id: `C${i}`,
        title: { en: `Commitment ${i}: open the data of policy ${i % 7}` },
        status: ['not-started', 'limited', 'substantial', 'complete'][i % 4],
        progress: (i * 7) % 101,
        due: `202${5 + (i % 3)}-0${1 + (i % 9)}-15`,
        url: `${server.origin}/plan/c/${i}`,
      })),
    };
    server.route('/feed.json', { body: JSON.stringify(feed) });
    await subscribe(session, `${server.origin}/feed.json`, 'http://127.0.0.1/plan/*');
    for (const links of [0, 300, 3_000]) {
      const list = Array.from(
        { length: links },
        (_, i) => `<li><a href="${server.origin}/plan/c/${i}">Commitment ${i}</a> of the plan</li>`,
      ).join('');
      const body = htmlPage('Our commitments', `<p>What we promised.</p><ul>${list}</ul>`);
      server.route(`/plan/links-${links}.html`, { body });
      // The same page where no feed applies: what loading and laying it out costs by itself.
      server.route(`/elsewhere/links-${links}.html`, { body });
      const url = `${server.origin}/plan/links-${links}.html`;
      const measures: Measure[] = [];
      const alone: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const page = await session.context.newPage();
        await page.setViewportSize({ width: 1200, height: 900 });
        measures.push(await measure(page, url, links));
        if (links > 0) {
          const elsewhere = `${server.origin}/elsewhere/links-${links}.html`;
          alone.push((await measure(page, elsewhere, links, true)).longest);
        }
        await page.close();
      }
      results.push({
        links,
        longest: middle(measures.map((m) => m.longest)),
        over50: middle(measures.map((m) => m.over50)),
        badgedMs: middle(measures.map((m) => m.badgedMs)),
        ...(alone.length > 0 ? { alone: middle(alone) } : {}),
      });
    }
  } finally {
    await session.context.close();
    await server.close();
  }
  const [base] = results;
  console.log(
    `Extension's content script in Chromium (built extension), longest task of the tab's main thread, median of ${runs} runs:`,
  );
  for (const r of results) {
    const ratio = base && base.longest > 0 ? (r.longest / base.longest).toFixed(1) : '-';
    const label =
      r.links === 0 ? 'baseline (no link, overlay)' : `${r.links.toLocaleString('en')} links`;
    console.log(
      `  ${label.padEnd(28)} longest task ${r.longest} ms = ${ratio}x baseline` +
        ` (${r.over50} over 50 ms), ${r.links === 0 ? 'overlay' : 'last badge'} at ${r.badgedMs} ms` +
        (r.alone !== undefined ? `; the page alone, where no feed applies: ${r.alone} ms` : ''),
    );
  }
}
