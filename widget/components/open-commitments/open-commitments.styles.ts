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
      padding: clamp(1rem, 3vw, 1.75rem);
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
      margin: 1.25rem 0 0.5rem;
      font-size: 0.95em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--oc-color-muted);
    }

    /* Header */
    .publisher {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      margin-bottom: 0.75rem;
    }
    .logo {
      width: 3rem;
      height: 3rem;
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
      font-size: clamp(1.35rem, 2.5vw, 1.75rem);
      line-height: 1.25;
      margin-bottom: 0.35rem;
    }
    .title a {
      color: inherit;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      color: var(--oc-color-muted);
      font-size: 0.9em;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(15rem, 100%), 1fr));
      gap: 1rem;
      margin: 1.25rem 0;
    }
    .figure {
      background: var(--oc-color-bg);
      border: 1px solid var(--oc-color-border);
      border-radius: var(--oc-radius);
      padding: 1rem;
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
      font-size: 2rem;
      font-weight: 800;
      line-height: 1.2;
      color: var(--oc-color-accent);
    }
    .figure .progress {
      display: flex;
    }
    .figure .bar {
      width: 100%;
      height: 0.6rem;
      margin: 0.4rem 0;
    }
    .figure .percent {
      display: none;
    }
    .figure-note {
      font-size: 0.9em;
    }
    .stack {
      display: flex;
      height: 0.9rem;
      margin: 0.6rem 0;
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
    .legend {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      padding: 0.2rem 0.6rem;
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
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 50%;
      background: var(--c);
    }
    .chip .n {
      font-weight: 700;
    }
    .stats {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr));
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .stats dt {
      font-size: 0.8em;
      color: var(--oc-color-muted);
    }
    .stats dd {
      font-size: 1.25rem;
      font-weight: 800;
    }
    .stats .overdue dd {
      color: var(--oc-color-late);
    }

    /* Filters */
    /* Columns of one width, as many as fit: the fields line up in even rows at any width, however
       long the choices in a select. */
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
      align-items: end;
      gap: 0.75rem 1rem;
      padding: 1rem 0;
      border-top: 1px solid var(--oc-color-border);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      font-size: 0.9em;
      font-weight: 600;
    }
    .field input,
    .field select {
      min-height: 2.5rem;
      padding: 0.35rem 0.6rem;
      border: 1px solid var(--oc-color-muted);
      border-radius: calc(var(--oc-radius) / 2);
      background: var(--oc-color-bg);
      font-weight: 400;
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
    .checks {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-height: 2.5rem;
      font-size: 0.9em;
    }
    .check input {
      width: 1.1rem;
      height: 1.1rem;
      accent-color: var(--oc-color-accent);
    }
    .count {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
      font-size: 0.9em;
      color: var(--oc-color-muted);
      font-weight: 400;
      margin-bottom: 0.75rem;
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
      gap: 0.75rem;
    }
    .item {
      position: relative;
      background: var(--oc-color-bg);
      border: 1px solid var(--oc-color-border);
      border-left: 5px solid var(--c);
      border-radius: var(--oc-radius);
      padding: 0.9rem 1.1rem;
      /* Rows out of view are neither styled nor laid out until scrolled to: the first drawing of a
         long list was one task of 40-50 ms, mostly layout of rows no one could see yet. */
      content-visibility: auto;
      contain-intrinsic-size: auto 6rem;
    }
    /* An opened row is laid out even out of view: a shared link scrolls to it at its true size,
       else the browser kept the row below it in place as it grew, and the link landed past it. */
    .item.open {
      content-visibility: visible;
    }
    .item-title {
      font-size: 1.05rem;
      line-height: 1.35;
    }
    .toggle {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
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
      width: 0.6rem;
      height: 0.6rem;
      margin-top: 0.45rem;
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
      gap: 0.4rem 1rem;
      margin-top: 0.5rem;
      font-size: 0.9em;
    }
    .progress {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
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
      margin-top: 0.75rem;
      padding-top: 0.25rem;
      border-top: 1px dashed var(--oc-color-border);
    }
    .prose p {
      margin: 0.4rem 0;
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
      gap: 0.4rem;
    }
    .milestone {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
    }
    .milestone .mark {
      flex: none;
      width: 0.8rem;
      height: 0.8rem;
      border: 2px solid var(--oc-color-muted);
      border-radius: 50%;
      transform: translateY(0.1rem);
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
      padding: 0 0 0.5rem 0.9rem;
    }
    .timeline time {
      font-weight: 700;
      margin-right: 0.5rem;
    }
    .evidence a {
      margin-right: 0.75rem;
    }
    .q-stats {
      margin-bottom: 0.5rem;
      font-size: 0.95em;
    }
    .question {
      padding: 0.75rem;
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
      gap: 0.25rem 1rem;
      font-size: 0.9em;
      color: var(--oc-color-muted);
      margin-top: 0.35rem;
    }
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
      gap: 0.5rem;
      font-size: 0.9em;
      margin-top: 0.35rem;
    }
    .supporters .percent {
      display: none;
    }
    .answer {
      margin-top: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-left: 3px solid var(--oc-status-complete);
      background: var(--oc-color-bg);
    }
    .ask {
      margin-top: 0.75rem;
    }
    .no-channel {
      margin-top: 0.5rem;
    }
    .ask-actions {
      margin-top: 0.5rem !important;
    }
    .more {
      display: block;
      margin: 1rem auto 0;
    }

    /* States */
    .notice {
      padding: 1rem;
      border-radius: var(--oc-radius);
      border: 1px solid var(--oc-color-border);
      background: var(--oc-color-bg);
    }
    .notice p + p {
      margin-top: 0.4rem;
    }
    .notice-title {
      font-size: 1.1rem;
      margin-bottom: 0.4rem;
    }
    .notice.error {
      border-left: 5px solid var(--oc-color-late);
    }
    .notice.stale {
      border-left: 5px solid var(--oc-status-limited);
      margin: 0 0 1rem;
    }
    .notice.hidden-link {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin: 0 0 1rem;
      border-left: 5px solid var(--oc-color-accent);
    }
    .issues {
      margin: 0.5rem 0 0 1.25rem;
      font-size: 0.9em;
    }
    .feed-url {
      word-break: break-all;
    }
    .skeleton .loading {
      height: 28rem;
      overflow: hidden;
      border: 0;
      background: transparent;
      padding: 0;
    }
    .bone {
      background: var(--oc-color-track);
      border-radius: var(--oc-radius);
      margin-bottom: 0.9rem;
    }
    .bone-title {
      height: 2rem;
      width: 60%;
    }
    .bone-line {
      height: 1rem;
      width: 35%;
    }
    .bone-bar {
      height: 6rem;
    }
    .bone-card {
      height: 4.5rem;
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
    @media (forced-colors: active) {
      .stack > span,
      .swatch {
        forced-color-adjust: none;
      }
      .chip[aria-pressed='true'] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
        outline-color: CanvasText;
      }
    }
  `;
