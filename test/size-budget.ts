/**
 * The widget's size budget, checked by a command (`npm run size`) rather than by hope: each built
 * bundle, minified and gzipped at level 9, against its budget. Prints every file's size and exits
 * 1 when one is over, so a bundle that grows says so in CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * Budgets in bytes after gzip -9: the measured sizes plus about 3%, so that any growth fails.
 *
 * The targets are 20 KB (dashboard) and 8 KB (badge); they are not met. What each module weighs
 * (`npx tsx test/bench/size-report.ts`, each module minified and gzipped alone): the validating
 * parser 5.0 KB (13.4 KB minified, most of it the messages that locate and explain each issue),
 * the cache (refresh, stale-while-revalidate, IndexedDB store, feed client) 4.6 KB, the theme CSS
 * 1.5 KB, status, text and interpellation rules 3 KB, the badge 2.3 KB, and in the dashboard Lit
 * 7.9 KB, its own component 6.9 KB, styles 2.1 KB and messages 1.8 KB. The badge no longer carries Lit (it renders
 * with the DOM alone) nor valibot nor idb; below 8 KB it would have to show an unvalidated feed or
 * forget the last good copy, which the product promises not to do.
 */
export const budgets: readonly { file: string; budget: number; note: string }[] = [
  {
    file: 'dist/widget/open-commitments.js',
    budget: 35.1 * 1024,
    note: 'dashboard and badge',
  },
  {
    file: 'dist/widget/open-commitment-badge.js',
    budget: 17.8 * 1024,
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
