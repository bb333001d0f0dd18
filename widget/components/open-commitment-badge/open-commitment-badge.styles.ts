import { css } from '../../lib/css.ts';
import { themeCss } from '../../lib/theme.styles.ts';

/**
 * The badge's look: one line that wraps within its container when it is narrow (a card on a
 * phone), and a popover panel below it that never runs past the viewport.
 */
export const styles =
  themeCss +
  css`
    :host {
      display: inline-block;
      max-width: 100%;
      vertical-align: middle;
    }
    .root {
      position: relative;
      display: inline-block;
      max-width: 100%;
      font-size: var(--oc-font-size, 0.95rem);
    }
    .line {
      display: inline-flex;
      box-sizing: border-box;
      max-width: 100%;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(0.35 * var(--oc_u)) calc(0.6 * var(--oc_u));
      padding: calc(0.3 * var(--oc_u)) calc(0.4 * var(--oc_u)) calc(0.3 * var(--oc_u))
        calc(0.6 * var(--oc_u));
      background: var(--oc-color-bg);
      border: 1px solid var(--oc-color-border);
      border-radius: var(--oc-radius);
    }
    .muted {
      color: var(--oc-color-muted);
      font-style: italic;
    }
    .bar {
      width: calc(4 * var(--oc_u));
    }
    .progress {
      display: inline-flex;
      align-items: center;
      gap: calc(0.3 * var(--oc_u));
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .progress.unknown {
      font-weight: 400;
      color: var(--oc-color-muted);
      font-size: 0.9em;
    }
    .name {
      display: inline-flex;
      align-items: center;
      gap: calc(0.6 * var(--oc_u));
      min-width: 0;
      max-width: 100%;
    }
    /* One line, cut with an ellipsis where it runs out of room. It may break anywhere (the lines
       after the first are hidden) rather than not at all, so that a table cell, a grid column or
       a flex item holding the badge is not as wide as the whole title. */
    .title {
      min-width: 0;
      font-weight: 600;
      overflow: hidden;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 1;
      word-break: break-all;
    }
    .stale {
      color: var(--oc-color-muted);
      font-size: 0.85em;
      font-style: italic;
      white-space: nowrap;
    }
    .toggle {
      flex: none;
      display: inline-grid;
      place-items: center;
      width: calc(1.75 * var(--oc_u));
      height: calc(1.75 * var(--oc_u));
      padding: 0;
      border: 1px solid var(--oc-color-accent);
      border-radius: 50%;
      background: var(--oc-color-bg);
      color: var(--oc-color-accent);
      font-weight: 800;
      font-family: Georgia, serif;
      cursor: pointer;
    }
    .toggle[aria-expanded='true'] {
      background: var(--oc-color-accent);
      color: var(--oc-color-on-accent);
    }
    /* Forced colours drop the filled background that says the details are open: system colours. */
    @media (forced-colors: active) {
      .toggle[aria-expanded='true'] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }
    }
    /* Placed by the script, in the window. inset, margin, color and overflow undo what browsers
       give a popover. */
    .popover {
      position: fixed;
      z-index: 10;
      inset: auto;
      margin: 0;
      overflow: auto;
      color: inherit;
      width: min(calc(28 * var(--oc_u)), calc(100vw - calc(2 * var(--oc_u))));
      box-sizing: border-box;
      padding: calc(0.9 * var(--oc_u)) var(--oc_u);
      background: var(--oc-color-bg);
      border: 1px solid var(--oc-color-border);
      border-top: 4px solid var(--c);
      border-radius: var(--oc-radius);
      box-shadow: 0 8px 24px rgb(0 0 0 / 18%);
      white-space: normal;
    }
    p,
    dl,
    dd {
      margin: 0;
    }
    .by {
      font-size: 0.85em;
      color: var(--oc-color-muted);
    }
    .pop-title {
      margin: calc(0.2 * var(--oc_u)) 0 calc(0.4 * var(--oc_u));
      line-height: 1.35;
    }
    .prose p {
      margin: calc(0.3 * var(--oc_u)) 0;
    }
    .facts {
      display: grid;
      gap: calc(0.3 * var(--oc_u));
      margin: calc(0.5 * var(--oc_u)) 0;
      font-size: 0.92em;
    }
    .facts dt {
      font-weight: 700;
      display: inline;
    }
    .facts dd {
      display: inline;
    }
  `;
