/**
 * The size budgets, checked by a command (`npm run size`) rather than by hope: each built bundle
 * (the widget's two, the extension's content script), minified and gzipped at level 9, against its
 * budget. Prints every file's size and exits
 * 1 when one is over, so a bundle that grows says so in CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * Budgets in bytes after gzip -9: the sizes measured when they were set (33.9 KB and 20.5 KB) plus
 * about 2%, so that any real growth fails; now 36.0 KB (36,854 B) and 21.7 KB (22,246 B). The
 * Interpeller button named by one label rather than by hidden text (a space came before its colon)
 * changed them by 6 B and -3 B. The dashboard grew (about 205 B, to 36.3 KB) with the dashboards of a
 * page without an `id` finding each other, so that only the one whose plan holds a shared link's
 * commitment shows it, and each plan's filters named after it; and (about 65 B) with the rows
 * drawn before printing drawn again after it. Both last grew (about 35 B) with one alert, not one per badge, for the failure of a feed that several
 * badges of a page show; before that (about 10 B) with a badge's details left as they were when a
 * keyboard reader goes back to their button, the interpellation action open, and kept out of the
 * Tab order while it is in them; before that (about 5 B) with a badge's words alone (loading,
 * unavailable, not in the plan) drawn on its own background, which a dark page or a dark theme on a
 * light page left unreadable; before that (about 20 B) with a badge's details that scroll taking
 * keyboard focus, for arrow keys to scroll them in every browser; before that (about 5 B and 10 B)
 * with Escape in a badge closing its details and not the page's dialog around it; before that
 * (about 15 B) with a badge whose feed stays down saying so once, not at each failed retry; before
 * that (about 55 B and 65 B, the badge's code being in both) with its details placed in the window
 * of a page zoomed with CSS (`zoom` on its body, as text-size tools do), where they opened past its
 * edge. Before that the dashboard grew (about 65 B) with a link to its feed, the open data behind
 * it, and (about 10 B) with the question boxes kept while a shared link ticks them in a plan
 * without questions;
 * before that (about 175 B) with its printed form: every commitment the filters show
 * rather than the rows drawn so far, and of the filters only those in use, as words, without a
 * button. Before that both grew (about 440 B and 250 B) with the `dsfr` theme following a site of the French State design
 * system into its dark theme by itself (an observer of `data-fr-theme` while such an element is in
 * the page, a custom state, dark inputs), a separator kept with the figure after it, a linked
 * commitment opened when a newer copy brings it, and "late only" saying why it finds nothing in a
 * plan without due dates (heard with the count, as is why any filter finds nothing), and the
 * overall figure in words ("not reported") kept whole on a phone, and the badge's focus kept
 * where it was when it is drawn anew; before
 * that (about 160 B and 280 B) with a badge that says in two words that it loads or that its feed
 * failed, and in its details since when its copy dates after a failed refresh; the dashboard and
 * the badge asking the publisher again as soon as the browser is back online; and a download of
 * which not one commitment can be read refused. Before that the dashboard grew (about 90 B) with
 * `heading-level`, which sets its headings' levels after the page's; both (about 50 B and 30 B)
 * with print styles: a dark theme printed in the light colours, status colours and bars kept on
 * paper, no row cut between two pages; and (about 150 B and 130 B) with the badge's details shown
 * in the top layer and placed in the window, so that a card of the page that clips what overflows
 * it no longer hides them; before that (about 220 B and 70 B) with every size in the components set
 * in a unit that follows `--oc-font-size` rather than the page's root font size (a page may set
 * that root to 10px), and the filters kept when the page goes to one of its own anchors; before
 * that (260 B and 110 B) with the filter bar laid out as a grid, status labels and references that
 * wrap, the last rows kept shown while a new copy or language is drawn, a shared link's unknown
 * choice shown as selected, page language changes followed, right-to-left text kept in order,
 * milestones of a closed commitment never late, and an unreachable feed's causes naming a server
 * that lets no other site read it.
 *
 * The targets are 20 KB (dashboard) and 8 KB (badge); they are not met. What each module weighs
 * (`npx tsx test/bench/size-report.ts`, each module minified and gzipped alone): both bundles carry
 * the validating parser 5.2 KB, its stepwise JSON reader 1.0 KB, its formats 0.8 KB and valibot
 * 1.4 KB (the messages that locate and explain each issue are about 1.5 KB of that: without any
 * of them, the reader bundled alone is 5.8 KB instead of 7.3 KB), the cache 4.2 KB plus idb
 * 1.5 KB (refresh, stale-while-revalidate, IndexedDB store, feed client), the theme CSS 1.5 KB,
 * status, text, i18n and interpellation rules with their fr/en messages about 5 KB, and the badge
 * 2.1 KB with its styles 0.7 KB. The dashboard adds lit-html 3.2 KB (Lit's templates, without
 * LitElement), its own component 6.4 KB (less once the bundle's minifier shortens its private
 * names), filters and model 1.9 KB, styles 2.1 KB and messages 1.7 KB. The badge carries no Lit
 * (it renders with the DOM alone); below 8 KB it would have to show an unvalidated feed or forget
 * the last good copy, which the product promises not to do: bundled and minified on their own, the
 * validating reader (`parseFeedInSlices`) is 7.3 KB and the reader with the cache 11.5 KB.
 */
export const budgets: readonly { file: string; budget: number; note: string }[] = [
  {
    file: 'dist/widget/open-commitments.js',
    budget: 36.3 * 1024,
    note: 'dashboard and badge',
  },
  {
    file: 'dist/widget/open-commitment-badge.js',
    budget: 21.8 * 1024,
    note: 'badge alone',
  },
  {
    // Runs on every page a subscribed feed names: Preact, the overlay, the inline badges and the
    // core's status, match and interpellation rules (no parser: the background hands it parsed
    // feeds). Measured 23.0 KB plus about 2%; now 25.1 KB (25,702 B). It carries only the texts the
    // overlay and the badges show (`extension/i18n/messages.ts`); those only the extension's pages
    // show live apart (`page-messages.ts`), which saved 1.7 KB (from 24.7 KB). It grew (about
    // 270 B) with badges for what a page that never settles adds, a badge taken away when its link
    // points elsewhere, and each publisher named when two feeds share a page; and last (about
    // 270 B) with the popup's choice to keep a question before its form opens, in the row
    // component the overlay shares, each plan named beside its publisher, so that one
    // publisher's two plans on its site are told apart, a feed's lack of a channel to question
    // it said once above its rows, and "Status:" heard before a row's status word; then (about
    // 35 B, to 23.7 KB) with a commitment's title cut to three lines however long, so that a feed's
    // 20,000-character title no longer fills the panel; then (about 250 B, to 24.0 KB) with a
    // page's links badged in slices that give the main thread back, those in view first, so that
    // a page of 3,000 links stays responsive while they come; and (about 340 B, to 24.3 KB) with
    // the panel's count of its rows in its heading and, past ten, a field that filters them by
    // their words, past a hundred drawing only the first hundred that match; then (about 100 B, to
    // 24.4 KB) with a badge's tooltip and hidden details cut to 150 characters of the title; and
    // (about 100 B, to 24.5 KB) with a tab's panel and badges run again when its feeds change,
    // and taken away when its site's permission is removed; then (about 80 B, to 24.6 KB) with a
    // line saying that no row has all the words typed in the panel's filter; then (about 115 B, to
    // 24.7 KB) with the panel starting, in a window 480 px wide or less, as a tab with its count
    // that opens it, so that a phone's page is no longer mostly hidden behind it; and (about
    // 35 B) with an inline badge kept on the line of its link's last word; then (about 75 B, to
    // 24.8 KB) with that tab shown in a window 480 px high or less too (a phone turned sideways),
    // and the panel folding and unfolding as a phone turns or a window is resized, until the
    // person opens it; and (about 115 B, to 24.9 KB) with the panel's filter folding its words as
    // the dashboard's search does (the core's `foldForSearch`): "l'ecole" typed on a keyboard
    // finds "l’École", "oeuvre" finds "Œuvre"; then (about 25 B, to 25.0 KB) with the folded
    // titles kept per list of rows, rather than folded again each time the panel is drawn; then
    // (about 110 B, to 25.1 KB) with a control of the page that focus reaches beneath the panel
    // scrolled clear of it, so that a keyboard user sees where focus is (WCAG 2.4.11), and (about
    // 20 B) with focus given back to a closed panel's page at its main heading, not the landmark
    // around it; and (about 30 B) with Escape closing a commitment's opened "Question this"
    // details before the panel; and (about 45 B) with each feed's commitments looked up by id
    // through a map when the panel lists those a page links to, not searched in the list for each
    // link (a page of 3,000 links spent a task of 80-100 ms there); and (about 45 B, to 25.2 KB)
    // with a control that focus reaches beneath the panel scrolled clear of it on a page that
    // scrolls an inner container, not its window.
    file: '.output/chrome-mv3/content-scripts/content.js',
    budget: 25.2 * 1024,
    note: "extension's content script",
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
      console.error(`${file}: missing, run npm run build first`);
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
