import { css } from '../../lib/css.ts';
import { themeCss } from '../../lib/theme.styles.ts';

/** The dashboard's look; colours, fonts and corners come from the `--oc-*` tokens. */
export const styles =
  themeCss +
  css`
    .root {
      background: var(--oc-color-surface);
      border: 1px solid var(--oc-color-border);
      border-radius: var(--oc-radius);
      padding: clamp(var(--oc_u), 3vw, calc(1.75 * var(--oc_u)));
    }
    p,
    h2,
    h3,
    h4,
    ul,
    ol,
    dl,
    dd,
    blockquote {
      margin: 0;
      padding: 0;
    }
    h4 {
      margin: calc(1.25 * var(--oc_u)) 0 calc(0.5 * var(--oc_u));
      font-size: 0.95em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--oc-color-muted);
    }

    /* Header */
    .publisher {
      display: flex;
      align-items: center;
      gap: calc(0.75 * var(--oc_u));
      margin-bottom: calc(0.75 * var(--oc_u));
    }
    .logo {
      width: calc(3 * var(--oc_u));
      height: calc(3 * var(--oc_u));
      object-fit: contain;
      background: #fff;
      border-radius: calc(var(--oc-radius) / 2);
    }
    .publisher-name {
      font-weight: 700;
    }
    .publisher-name a {
      color: inherit;
    }
    .kind {
      font-size: 0.85em;
      color: var(--oc-color-muted);
    }
    .title {
      font-size: clamp(calc(1.35 * var(--oc_u)), 2.5vw, calc(1.75 * var(--oc_u)));
      line-height: 1.25;
      margin-bottom: calc(0.35 * var(--oc_u));
    }
    .title a {
      color: inherit;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: calc(0.25 * var(--oc_u)) calc(1.25 * var(--oc_u));
      /* Apart from the one commitment shown without the figures, which else touched it. */
      margin-bottom: calc(1.25 * var(--oc_u));
      color: var(--oc-color-muted);
      font-size: 0.9em;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(calc(15 * var(--oc_u)), 100%), 1fr));
      gap: var(--oc_u);
      margin: calc(1.25 * var(--oc_u)) 0;
    }
    .figure {
      background: var(--oc-color-bg);
      border: 1px solid var(--oc-color-border);
      border-radius: var(--oc-radius);
      padding: var(--oc_u);
    }
    .figure-label {
      font-size: 0.85em;
      font-weight: 600;
      color: var(--oc-color-muted);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .figure-value {
      overflow-wrap: anywhere;
      font-size: calc(2 * var(--oc_u));
      font-weight: 800;
      line-height: 1.2;
      color: var(--oc-color-accent);
    }
    /* Words in place of a figure (progress not reported) stay whole on a phone. */
    .figure-value.words {
      font-size: calc(1.35 * var(--oc_u));
    }
    .figure .progress {
      display: flex;
    }
    .figure .bar {
      width: 100%;
      height: calc(0.6 * var(--oc_u));
      margin: calc(0.4 * var(--oc_u)) 0;
    }
    .figure .percent {
      display: none;
    }
    .figure-note {
      font-size: 0.9em;
    }
    .stack {
      display: flex;
      height: calc(0.9 * var(--oc_u));
      margin: calc(0.6 * var(--oc_u)) 0;
      border-radius: 999px;
      overflow: hidden;
      gap: 2px;
      background: var(--oc-color-track);
    }
    :host([theme='dsfr']) .stack {
      border-radius: 0;
    }
    .stack > span {
      flex: 1 1 0;
      background: var(--c);
    }
    /* Not started and unknown share a grey in some themes: unknown is hatched, its row edge
       dashed, to be told apart. */
    .stack > .cat-unknown,
    .cat-unknown > .swatch {
      background: repeating-linear-gradient(-45deg, var(--c) 0 2px, transparent 0 4px);
    }
    .filter-label {
      margin-bottom: calc(0.25 * var(--oc_u));
      font-size: 0.85em;
    }
    .legend {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: calc(0.35 * var(--oc_u));
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: calc(0.35 * var(--oc_u));
      padding: calc(0.2 * var(--oc_u)) calc(0.6 * var(--oc_u));
      border: 1px solid var(--oc-color-border);
      border-radius: 999px;
      background: var(--oc-color-bg);
      font-size: 0.85em;
    }
    button.chip {
      cursor: pointer;
    }
    :host([theme='dsfr']) .chip {
      border-radius: 0;
    }
    .chip[aria-pressed='true'] {
      border-color: var(--c);
      background: var(--cb);
      color: var(--c);
      font-weight: 700;
      box-shadow: inset 0 0 0 1px var(--c);
    }
    .swatch {
      width: calc(0.7 * var(--oc_u));
      height: calc(0.7 * var(--oc_u));
      border-radius: 50%;
      background: var(--c);
    }
    .chip .n {
      font-weight: 700;
    }
    .stats {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(calc(6.5 * var(--oc_u)), 1fr));
      gap: calc(0.5 * var(--oc_u));
      margin-top: calc(0.5 * var(--oc_u));
    }
    .stats dt {
      font-size: 0.8em;
      color: var(--oc-color-muted);
    }
    .stats dd {
      font-size: calc(1.25 * var(--oc_u));
      font-weight: 800;
    }
    .stats .overdue dd {
      color: var(--oc-color-late);
    }

    /* Filters */
    .filters {
      padding: var(--oc_u) 0;
      border-top: 1px solid var(--oc-color-border);
    }
    /* Columns of one width, as many as fit: the fields line up in even rows at any width, however
       long the choices in a select. The check boxes are not in this grid: spanning every column,
       they would keep the columns no field fills from folding, and a wide page would show the
       fields in its left half. */
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(calc(12 * var(--oc_u)), 100%), 1fr));
      align-items: end;
      gap: calc(0.75 * var(--oc_u)) var(--oc_u);
      margin-bottom: calc(0.75 * var(--oc_u));
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: calc(0.2 * var(--oc_u));
      font-size: 0.9em;
      font-weight: 600;
    }
    .field input,
    .field select {
      min-height: calc(2.5 * var(--oc_u));
      padding: calc(0.35 * var(--oc_u)) calc(0.6 * var(--oc_u));
      border: 1px solid var(--oc-color-muted);
      border-radius: calc(var(--oc-radius) / 2);
      background: var(--oc-color-bg);
      font-weight: 400;
      /* Under 16px, iOS Safari zooms the page into a field on focus: larger than their label. */
      font-size: max(16px, 1em);
      /* A width in percent keeps a select from widening a grid column, a flex item or a table
         cell that holds the dashboard to its longest choice (a lead named in a sentence). */
      width: 100%;
    }
    :host([theme='dsfr']) .field input,
    :host([theme='dsfr']) .field select {
      border: 0;
      border-bottom: 2px solid #3a3a3a;
      background: #eeeeee;
      border-radius: 0;
    }
    :host([theme='dsfr']:state(fr-dark)) .field :is(input, select) {
      border-color: var(--oc-color-muted);
      background: var(--oc-color-bg);
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: calc(0.5 * var(--oc_u)) var(--oc_u);
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: calc(0.4 * var(--oc_u));
      min-height: calc(2.5 * var(--oc_u));
      font-size: 0.9em;
    }
    .check input {
      width: calc(1.1 * var(--oc_u));
      height: calc(1.1 * var(--oc_u));
      accent-color: var(--oc-color-accent);
    }
    .count {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(0.75 * var(--oc_u));
      font-size: 0.9em;
      color: var(--oc-color-muted);
      font-weight: 400;
      margin-bottom: calc(0.75 * var(--oc_u));
    }
    .link-button {
      border: 0;
      background: none;
      padding: 0;
      color: var(--oc-color-accent);
      text-decoration: underline;
      cursor: pointer;
    }

    /* List */
    .list {
      list-style: none;
      display: grid;
      gap: calc(0.75 * var(--oc_u));
    }
    .item {
      position: relative;
      background: var(--oc-color-bg);
      border: 1px solid var(--oc-color-border);
      border-left: 5px solid var(--c);
      border-radius: var(--oc-radius);
      padding: calc(0.9 * var(--oc_u)) calc(1.1 * var(--oc_u));
      /* Rows out of view are neither styled nor laid out until scrolled to: the first drawing of a
         long list was one task of 40-50 ms, mostly layout of rows no one could see yet. */
      content-visibility: auto;
      /* Width as before, height that of the rows laid out at this width (set by the script),
         else a guess: one value would set both, and a tall row would widen a narrow column. */
      contain-intrinsic-size: auto calc(6 * var(--oc_u)) auto var(--oc_row, calc(6 * var(--oc_u)));
      /* Printed, a row stays on one page. */
      break-inside: avoid;
    }
    .item.cat-unknown {
      border-left-style: dashed;
    }
    /* An opened row is laid out even out of view: a shared link scrolls to it at its true size,
       else the browser kept the row below it in place as it grew, and the link landed past it. */
    .item.open {
      content-visibility: visible;
    }
    .item-title {
      font-size: calc(1.05 * var(--oc_u));
      line-height: 1.35;
    }
    .toggle {
      display: flex;
      align-items: flex-start;
      gap: calc(0.5 * var(--oc_u));
      width: 100%;
      padding: 0;
      border: 0;
      background: none;
      text-align: start;
      font-weight: 700;
      cursor: pointer;
    }
    .toggle:hover {
      color: var(--oc-color-accent);
    }
    .chevron {
      flex: none;
      width: calc(0.6 * var(--oc_u));
      height: calc(0.6 * var(--oc_u));
      margin-top: calc(0.45 * var(--oc_u));
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: rotate(-45deg);
    }
    .toggle[aria-expanded='true'] .chevron {
      transform: rotate(45deg);
    }
    .item-meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(0.4 * var(--oc_u)) var(--oc_u);
      margin-top: calc(0.5 * var(--oc_u));
      font-size: 0.9em;
    }
    .progress {
      display: inline-flex;
      align-items: center;
      gap: calc(0.4 * var(--oc_u));
    }
    .progress.unknown,
    .lead,
    .due {
      color: var(--oc-color-muted);
    }
    .due.is-late {
      color: var(--oc-color-late);
    }
    .percent {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .q-badge {
      font-size: 0.9em;
      color: var(--oc-color-muted);
    }
    .q-badge.overdue {
      color: var(--oc-color-late);
    }
    .details {
      margin-top: calc(0.75 * var(--oc_u));
      padding-top: calc(0.25 * var(--oc_u));
      border-top: 1px dashed var(--oc-color-border);
    }
    .prose p {
      margin: calc(0.4 * var(--oc_u)) 0;
      max-width: 70ch;
    }
    .summary {
      font-size: 1.02em;
    }
    .milestones,
    .timeline,
    .links,
    .questions-list {
      list-style: none;
      display: grid;
      gap: calc(0.4 * var(--oc_u));
    }
    .milestone {
      display: flex;
      gap: calc(0.5 * var(--oc_u));
      align-items: baseline;
    }
    .milestone .mark {
      flex: none;
      width: calc(0.8 * var(--oc_u));
      height: calc(0.8 * var(--oc_u));
      border: 2px solid var(--oc-color-muted);
      border-radius: 50%;
      transform: translateY(calc(0.1 * var(--oc_u)));
    }
    .milestone.is-done .mark {
      background: var(--oc-status-complete);
      border-color: var(--oc-status-complete);
    }
    .milestone.is-late .mark {
      border-color: var(--oc-color-late);
    }
    .milestone.is-late .when {
      color: var(--oc-color-late);
      font-weight: 600;
    }
    .when {
      color: var(--oc-color-muted);
      font-size: 0.9em;
    }
    .timeline > li {
      border-left: 3px solid var(--oc-color-border);
      padding: 0 0 calc(0.5 * var(--oc_u)) calc(0.9 * var(--oc_u));
    }
    .timeline time {
      font-weight: 700;
      margin-right: calc(0.5 * var(--oc_u));
    }
    .evidence a {
      margin-right: calc(0.75 * var(--oc_u));
    }
    .q-stats {
      margin-bottom: calc(0.5 * var(--oc_u));
      font-size: 0.95em;
    }
    .question {
      padding: calc(0.75 * var(--oc_u));
      border: 1px solid var(--oc-color-border);
      border-radius: var(--oc-radius);
      background: var(--oc-color-surface);
    }
    .question blockquote {
      font-style: italic;
    }
    .q-meta {
      display: flex;
      flex-wrap: wrap;
      gap: calc(0.25 * var(--oc_u)) var(--oc_u);
      font-size: 0.9em;
      color: var(--oc-color-muted);
      margin-top: calc(0.35 * var(--oc_u));
    }
    /* Words longer than the column, with wider text spacing at 320 px, wrap. */
    .q-stats .late,
    .q-meta .late {
      white-space: normal;
    }
    /* A reference that is no link is free text too: it wraps like a link. */
    .links {
      overflow-wrap: anywhere;
    }
    .q-status {
      font-weight: 700;
      color: var(--oc-color-text);
    }
    .supporters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(0.5 * var(--oc_u));
      font-size: 0.9em;
      margin-top: calc(0.35 * var(--oc_u));
    }
    .supporters .percent {
      display: none;
    }
    .answer {
      margin-top: calc(0.5 * var(--oc_u));
      padding: calc(0.5 * var(--oc_u)) calc(0.75 * var(--oc_u));
      border-left: 3px solid var(--oc-status-complete);
      background: var(--oc-color-bg);
    }
    .ask {
      margin-top: calc(0.75 * var(--oc_u));
    }
    .no-channel {
      margin-top: calc(0.5 * var(--oc_u));
    }
    .ask-actions {
      margin-top: calc(0.5 * var(--oc_u)) !important;
    }
    .more {
      display: block;
      margin: var(--oc_u) auto 0;
    }

    /* States */
    .notice {
      padding: var(--oc_u);
      border-radius: var(--oc-radius);
      border: 1px solid var(--oc-color-border);
      background: var(--oc-color-bg);
    }
    .notice p + p {
      margin-top: calc(0.4 * var(--oc_u));
    }
    .notice-title {
      font-size: calc(1.1 * var(--oc_u));
      margin-bottom: calc(0.4 * var(--oc_u));
    }
    .notice.error {
      border-left: 5px solid var(--oc-color-late);
    }
    .notice.stale {
      border-left: 5px solid var(--oc-status-limited);
      margin: 0 0 var(--oc_u);
    }
    .notice.hidden-link {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(0.5 * var(--oc_u)) var(--oc_u);
      margin: 0 0 var(--oc_u);
      border-left: 5px solid var(--oc-color-accent);
    }
    .feed-url {
      word-break: break-all;
    }
    .skeleton .loading {
      height: calc(28 * var(--oc_u));
      overflow: hidden;
      border: 0;
      background: transparent;
      padding: 0;
    }
    .bone {
      background: var(--oc-color-track);
      border-radius: var(--oc-radius);
      margin-bottom: calc(0.9 * var(--oc_u));
    }
    .bone-title {
      height: calc(2 * var(--oc_u));
      width: 60%;
    }
    .bone-line {
      height: var(--oc_u);
      width: 35%;
    }
    .bone-bar {
      height: calc(6 * var(--oc_u));
    }
    .bone-card {
      height: calc(4.5 * var(--oc_u));
    }
    @media (prefers-reduced-motion: no-preference) {
      .bone {
        animation: pulse 1.4s ease-in-out infinite;
      }
      @keyframes pulse {
        50% {
          opacity: 0.55;
        }
      }
      .chevron {
        transition: transform 0.15s ease;
      }
    }
    /* On paper, nothing to press: of the filters only those in use, as words (the search field
       with its text, a chosen theme or lead, a sort other than the plan order, a ticked box). */
    @media print {
      .fields,
      .filters {
        display: block;
        margin: 0;
        padding: 0;
        border: 0;
      }
      .field:has(:placeholder-shown, option:checked:is([value=''], [value='plan'])),
      .check:has(input:not(:checked)),
      .count button,
      .hidden-link button,
      .more,
      .ask {
        display: none;
      }
      /* A focus ring on paper would frame the row the reader was on. */
      .root :focus-visible {
        outline: 0;
      }
      .field {
        flex-direction: row;
        gap: 0.4em;
        margin-bottom: calc(0.5 * var(--oc_u));
      }
      /* Over the grey fields of the dsfr theme too. */
      .field :is(input, select) {
        appearance: none;
        border: 0 !important;
        padding: 0;
        min-height: 0;
        background: none !important;
      }
    }
    @media (forced-colors: active) {
      /* The status colours stay, outlined in the text colour: a theme chosen for another ground
         may not stand out on the forced one. */
      .stack > span,
      .swatch {
        forced-color-adjust: none;
        outline: 1px solid CanvasText;
        outline-offset: -1px;
      }
      .milestone.is-done .mark {
        forced-color-adjust: none;
        background: CanvasText;
      }
      .chip[aria-pressed='true'] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
        outline-color: CanvasText;
      }
    }
  `;
