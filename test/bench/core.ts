/**
 * Benchmarks the shared core on generated data, each figure as a ratio to a baseline measured in
 * the same run on the same input, so that the numbers mean something on any machine:
 *
 * - `parseFeed` (tolerant, strict) on feeds of 1,000 and 50,000 commitments, against `JSON.parse`
 *   of the same text (which `parseFeed` includes);
 * - `createPageIndex(...).match(url)` with 10,000 patterns over 1,000 URLs, against a linear scan
 *   that tries every parsed pattern on each URL (parsed once);
 * - `diffFeeds` on two versions of 10,000 commitments, against `JSON.stringify` of both versions
 *   (one native walk over everything the diff could look at).
 *
 * Each case runs once to warm up, then several times; the table gives medians. Nothing is
 * asserted about time; the results of the index and of the scan are checked to agree.
 *
 *   npx tsx test/bench/core.ts
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { htmlToText } from '../../shared/cli/html-to-text.ts';
import { diffFeeds } from '../../shared/diff/diff-feeds.ts';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import type { Feed } from '../../shared/feed/types.ts';
import {
  createPageIndex,
  matchesPattern,
  parsePattern,
  type MatchPattern,
} from '../../shared/match/match-pages.ts';

/** One line of the table: a case, its median, and the baseline it is compared with. */
export interface CoreBenchRow {
  readonly group: string;
  readonly label: string;
  readonly medianMs: number;
  readonly baseline: string;
  readonly baselineMs: number;
  /** `medianMs / baselineMs`. */
  readonly ratio: number;
}

/** Options of `runCoreBench`. */
export interface CoreBenchOptions {
  /** Timed runs of each case after the warm-up run. Default 5. */
  readonly repetitions?: number;
  /** Where the table goes; default `console.log`. Pass `() => {}` to keep it quiet. */
  readonly log?: (line: string) => void;
}

const CATEGORIES = ['not-started', 'limited', 'substantial', 'complete', 'withdrawn', 'unknown'];
const THEMES = ['Open Data', 'Participation', 'Transparence', 'Climat', 'Numérique', 'Santé'];

/**
 * A feed of `n` commitments, deterministic, with the fields real plans fill in and every fifth
 * commitment richer (milestones, updates, an interpellation). `version` 1 is a later edition:
 * some statuses, progress and due dates moved, updates and answers added, a few commitments
 * removed and added. 50,000 commitments stay under the 20 MiB limit.
 */
export function generatedFeed(n: number, version: 0 | 1 = 0): Record<string, unknown> {
  const commitments: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i += 1) {
    const edited = version === 1 && i % 10 === 5;
    if (version === 1 && i % 100 === 7) continue;
    const month = String((i % 12) + 1).padStart(2, '0');
    const rich = i % 5 === 0;
    commitments.push({
      id: `C-${i}`,
      title: { fr: `Engagement ${i} : ouvrir les données ${THEMES[i % THEMES.length]}` },
      ...(rich ? { summary: { fr: `Résumé de l’engagement ${i}.`, en: `Summary ${i}.` } } : {}),
      themes: [THEMES[i % THEMES.length]],
      status: edited ? 'en-marche' : CATEGORIES[i % CATEGORIES.length],
      ...(i % 3 === 0 ? {} : { progress: ((i + (edited ? 10 : 0)) * 7) % 101 }),
      due: `${2025 + (i % 4) + (edited ? 1 : 0)}-${month}-15`,
      url: `https://www.ville${i % 500}.example/engagements/${i}`,
      pages: [`https://www.ville${i % 500}.example/politiques/${i}/*`],
      ...(rich
        ? {
            milestones: [
              { title: 'Étude', due: '2025-06-30', done: '2025-06-20' },
              { title: 'Réalisation', due: `2026-${month}-01`, weight: 3 },
            ],
            updates: [
              { date: '2026-01-15', note: `Point d’étape ${i}.` },
              ...(edited ? [{ date: '2026-12-01', note: 'Report voté en conseil.' }] : []),
            ],
            interpellations: [
              {
                id: `Q-${i}`,
                date: '2026-09-01',
                question: 'Où en est-on ?',
                supporters: i % 80,
                ...(edited
                  ? { status: 'answered', answer: { date: '2026-11-20', text: 'Voici.' } }
                  : { status: 'open' }),
              },
            ],
          }
        : {}),
    });
    if (version === 1 && i % 100 === 8) {
      commitments.push({ id: `N-${i}`, title: `Nouvel engagement ${i}`, status: 'not-started' });
    }
  }
  return {
    format: 'open-commitments/1',
    publisher: { name: 'Ville d’Exemple', kind: 'municipality', url: 'https://www.exemple.fr/' },
    plan: { id: 'BENCH', title: { fr: 'Plan de test de charge' } },
    updated: version === 0 ? '2026-06-01T09:00:00Z' : '2026-12-01T09:00:00Z',
    languages: ['fr', 'en'],
    site: ['https://www.exemple.fr/*'],
    statuses: [
      { key: 'en-marche', label: 'En cours de marché', category: 'limited', progress: 30 },
    ],
    interpellation: {
      url: 'https://www.exemple.fr/interpeller?engagement={id}',
      responseDays: 30,
      threshold: 50,
    },
    commitments,
  };
}

/**
 * Medians of `repetitions` timed runs of each of `cases`, after one untimed run of each. The cases
 * take turns within every repetition, so that a machine busy with something else for a while
 * slows a case and its baseline alike and the ratio holds.
 */
function medians(repetitions: number, cases: readonly (() => unknown)[]): number[] {
  const times = cases.map((run) => {
    run();
    return [] as number[];
  });
  for (let i = 0; i < repetitions; i += 1) {
    cases.forEach((run, c) => {
      const start = performance.now();
      run();
      times[c]?.push(performance.now() - start);
    });
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    const mid = Math.floor(list.length / 2);
    return list.length % 2 === 1 ? (list[mid] ?? 0) : ((list[mid - 1] ?? 0) + (list[mid] ?? 0)) / 2;
  });
}

function accepted(text: string, mode: 'tolerant' | 'strict'): Feed {
  const result = parseFeed(text, { mode });
  if (!result.ok) throw new Error(`generated feed refused: ${JSON.stringify(result.errors[0])}`);
  return result.feed;
}

function parseRows(repetitions: number): CoreBenchRow[] {
  const rows: CoreBenchRow[] = [];
  for (const n of [1_000, 50_000]) {
    const text = JSON.stringify(generatedFeed(n));
    accepted(text, 'strict');
    const [baselineMs = 0, ...modeMs] = medians(repetitions, [
      () => JSON.parse(text),
      () => parseFeed(text, { mode: 'tolerant' }),
      () => parseFeed(text, { mode: 'strict' }),
    ]);
    const size = `${n.toLocaleString('en')} commitments, ${(text.length / 2 ** 20).toFixed(1)} MiB`;
    (['tolerant', 'strict'] as const).forEach((mode, m) => {
      const ms = modeMs[m] ?? 0;
      rows.push({
        group: 'parse',
        label: `parseFeed ${mode}, ${size}`,
        medianMs: ms,
        baseline: 'JSON.parse',
        baselineMs,
        ratio: ms / baselineMs,
      });
    });
  }
  return rows;
}

/**
 * 10,000 patterns spread over 20 feeds the way publishers write them: a `site` per feed, an exact
 * host for most commitment pages, some `*.` domains, one any-host pattern in fifty. Half the URLs belong to
 * a feed, half to nobody.
 */
function pageIndexInputs(): { feeds: { feedId: string; feed: Feed }[]; urls: string[] } {
  const feeds: { feedId: string; feed: Feed }[] = [];
  let count = 0;
  for (let f = 0; f < 20; f += 1) {
    const commitments = [];
    for (let c = 0; c < 499; c += 1) {
      const host = `www.ville${f}-${c % 50}.example`;
      const pattern =
        c % 50 === 49
          ? `https://*/open-data/feed${f}/${c}/*`
          : c % 10 === 0
            ? `*://*.ville${f}-${c % 50}.example/dossiers/${c}*`
            : `https://${host}/politiques/${c}/*`;
      commitments.push({ id: `C-${c}`, title: 't', status: 'limited', pages: [pattern] });
      count += 1;
    }
    count += 1;
    feeds.push({
      feedId: `feed-${f}`,
      feed: {
        format: 'open-commitments/1',
        publisher: { name: `Ville ${f}`, kind: 'municipality' },
        updated: '2026-12-01T09:00:00Z',
        site: [`https://www.ville${f}-0.example/*`],
        commitments,
      },
    });
  }
  if (count !== 10_000) throw new Error(`expected 10,000 patterns, made ${count}`);
  const urls = Array.from({ length: 1_000 }, (_, i) => {
    const f = i % 20;
    const c = (i * 7) % 499;
    return i % 2 === 0
      ? `https://www.ville${f}-${c % 50}.example/politiques/${c}/page-${i}?onglet=2`
      : `https://www.ailleurs${i}.example/politiques/${c}/`;
  });
  return { feeds, urls };
}

function pageIndexRows(repetitions: number): CoreBenchRow[] {
  const { feeds, urls } = pageIndexInputs();
  const sources = feeds.flatMap(({ feed }) => [
    ...(feed.site ?? []),
    ...feed.commitments.flatMap((c) => c.pages ?? []),
  ]);
  const everyPattern = sources.map(parsePattern).filter((p): p is MatchPattern => p !== null);
  const scan = (): number => {
    let hits = 0;
    for (const url of urls) {
      const parsed = new URL(url);
      for (const pattern of everyPattern) if (matchesPattern(pattern, parsed)) hits += 1;
    }
    return hits;
  };
  const index = createPageIndex(feeds);
  const lookUp = (): number => {
    let hits = 0;
    for (const url of urls) {
      for (const found of index.match(url))
        hits += found.commitmentIds.length + (found.site ? 1 : 0);
    }
    return hits;
  };
  const scanned = scan();
  const looked = lookUp();
  if (scanned !== looked || looked === 0) {
    throw new Error(`the index found ${looked} matches where the scan found ${scanned}`);
  }
  const [scanMs = 0, parseAllMs = 0, buildMs = 0, matchMs = 0] = medians(repetitions, [
    scan,
    () => sources.map(parsePattern),
    () => createPageIndex(feeds),
    lookUp,
  ]);
  return [
    {
      group: 'pages',
      label: `createPageIndex, 10,000 patterns in 20 feeds`,
      medianMs: buildMs,
      baseline: 'parsePattern x 10,000',
      baselineMs: parseAllMs,
      ratio: buildMs / parseAllMs,
    },
    {
      group: 'pages',
      label: `index.match, 1,000 URLs (${looked} matches)`,
      medianMs: matchMs,
      baseline: 'linear scan',
      baselineMs: scanMs,
      ratio: matchMs / scanMs,
    },
  ];
}

function diffRows(repetitions: number): CoreBenchRow[] {
  const old = accepted(JSON.stringify(generatedFeed(10_000, 0)), 'tolerant');
  const next = accepted(JSON.stringify(generatedFeed(10_000, 1)), 'tolerant');
  const diff = diffFeeds(old, next);
  const [baselineMs = 0, ms = 0] = medians(repetitions, [
    () => JSON.stringify(old) + JSON.stringify(next),
    () => diffFeeds(old, next),
  ]);
  return [
    {
      group: 'diff',
      label:
        `diffFeeds, 10,000 commitments (${diff.added.length} added, ` +
        `${diff.removed.length} removed, ${diff.changed.length} changed)`,
      medianMs: ms,
      baseline: 'JSON.stringify x 2',
      baselineMs,
      ratio: ms / baselineMs,
    },
  ];
}

/**
 * The Decidim importer's HTML-to-text step on malformed HTML that once took quadratic time (each
 * `<` tried as a tag to the end of the input): tags that never close, and tags whose only `>`
 * follows a quote left open. Each against well-formed HTML of the same length.
 */
function htmlRows(repetitions: number): CoreBenchRow[] {
  const closed = '<a x="1">'.repeat(20_000);
  const unclosed = '<a x="1" '.repeat(20_000);
  const strayQuotes = `${'<a "'.repeat(20_000)}'>`;
  const [baselineMs = 0, unclosedMs = 0, quotesMs = 0] = medians(repetitions, [
    () => htmlToText(closed),
    () => htmlToText(unclosed),
    () => htmlToText(strayQuotes),
  ]);
  const row = (label: string, ms: number): CoreBenchRow => ({
    group: 'html',
    label,
    medianMs: ms,
    baseline: 'as many closed tags',
    baselineMs,
    ratio: ms / baselineMs,
  });
  return [
    row(`htmlToText, 20,000 unclosed tags (${(unclosed.length / 1000).toFixed(0)} KB)`, unclosedMs),
    row(
      `htmlToText, 20,000 tags of stray quotes, then '> (${(strayQuotes.length / 1000).toFixed(0)} KB)`,
      quotesMs,
    ),
  ];
}

/** The rows as a fixed-width table. */
export function formatCoreBench(rows: readonly CoreBenchRow[], repetitions: number): string {
  const header = ['case', 'median ms', 'baseline', 'baseline ms', 'ratio'];
  const cells = rows.map((r) => [
    r.label,
    r.medianMs.toFixed(2),
    r.baseline,
    r.baselineMs.toFixed(2),
    `${r.ratio >= 0.1 ? r.ratio.toFixed(2) : r.ratio.toPrecision(2)}x`,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)),
  );
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) =>
        i === 0 || i === 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ');
  return [
    `Shared core, median of ${repetitions} runs after a warm-up (Node ${process.versions.node}):`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
  ].join('\n');
}

/**
 * Runs every case, prints the table through `log` and returns the rows, so that a bench runner
 * can call it and keep the figures.
 */
export function runCoreBench(options: CoreBenchOptions = {}): CoreBenchRow[] {
  const repetitions = options.repetitions ?? 5;
  const log = options.log ?? console.log;
  const rows = [
    ...parseRows(repetitions),
    ...pageIndexRows(repetitions),
    ...diffRows(repetitions),
    ...htmlRows(repetitions),
  ];
  log(formatCoreBench(rows, repetitions));
  return rows;
}

function executedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (executedDirectly()) runCoreBench();
