/**
 * The design tokens both components share: every colour, font and radius is a `--oc-*` custom
 * property on `:host`, so a host page re-themes with plain CSS, and the three themes (`default`,
 * `dsfr`, `dark`) are just sets of values. Without a `theme` attribute the dark values follow
 * `prefers-color-scheme`.
 *
 * Typography is set on the inner root, not on `:host`: page rules such as `* { all: unset }` reach
 * the host element but never the shadow tree.
 *
 * Plain strings, not Lit `css`, so that the badge (which has no Lit) shares them; `css` here only
 * marks them for the build's CSS minifier (`minifyLitCss` in vite.config.ts).
 */
import { css } from './css.ts';

const light = css`
  --oc-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  --oc-color-text: #1d2433;
  --oc-color-muted: #545f70;
  --oc-color-bg: #ffffff;
  --oc-color-surface: #f5f7fa;
  --oc-color-border: #d5dbe3;
  --oc-color-accent: #1f4fb8;
  --oc-color-on-accent: #ffffff;
  --oc-color-focus: #1f4fb8;
  --oc-color-late: #b3261e;
  --oc-color-track: #e3e8ef;
  --oc-radius: 10px;
  --oc-status-not-started: #505c6b;
  --oc-status-not-started-bg: #eef1f4;
  --oc-status-limited: #954800;
  --oc-status-limited-bg: #fff0dd;
  --oc-status-substantial: #0b5cab;
  --oc-status-substantial-bg: #e4effc;
  --oc-status-complete: #17703a;
  --oc-status-complete-bg: #e0f3e6;
  --oc-status-withdrawn: #a12b2b;
  --oc-status-withdrawn-bg: #fbeaea;
  --oc-status-unknown: #5c5c6e;
  --oc-status-unknown-bg: #efeff3;
`;

const dark = css`
  --oc-color-text: #e8ecf2;
  --oc-color-muted: #b0bac8;
  --oc-color-bg: #141a24;
  --oc-color-surface: #1c2431;
  --oc-color-border: #3a4658;
  --oc-color-accent: #9cc0ff;
  --oc-color-on-accent: #0d1320;
  --oc-color-focus: #ffd166;
  --oc-color-late: #ff9c94;
  --oc-color-track: #2d3746;
  --oc-status-not-started: #c8d0da;
  --oc-status-not-started-bg: #2a323e;
  --oc-status-limited: #ffc27a;
  --oc-status-limited-bg: #3d2b14;
  --oc-status-substantial: #94c3ff;
  --oc-status-substantial-bg: #15304f;
  --oc-status-complete: #85dca2;
  --oc-status-complete-bg: #153822;
  --oc-status-withdrawn: #ffa3a3;
  --oc-status-withdrawn-bg: #461c1c;
  --oc-status-unknown: #cfcfdc;
  --oc-status-unknown-bg: #2d2d3a;
`;

// The French State design system (DSFR): Marianne when the page has it, blue France, square
// corners, and its badge colours for statuses.
const dsfr = css`
  --oc-font: Marianne, arial, sans-serif;
  --oc-color-text: #161616;
  --oc-color-muted: #5e5e5e;
  --oc-color-bg: #ffffff;
  --oc-color-surface: #f6f6f6;
  --oc-color-border: #dddddd;
  --oc-color-accent: #000091;
  --oc-color-on-accent: #f5f5fe;
  --oc-color-focus: #0a76f6;
  --oc-color-late: #ce0500;
  --oc-color-track: #e5e5e5;
  --oc-radius: 0;
  --oc-status-not-started: #3a3a3a;
  --oc-status-not-started-bg: #eeeeee;
  --oc-status-limited: #a63a00;
  --oc-status-limited-bg: #ffe9e6;
  --oc-status-substantial: #0059b8;
  --oc-status-substantial-bg: #e8edff;
  --oc-status-complete: #18753c;
  --oc-status-complete-bg: #dffee6;
  --oc-status-withdrawn: #b60400;
  --oc-status-withdrawn-bg: #ffe9e9;
  --oc-status-unknown: #3a3a3a;
  --oc-status-unknown-bg: #eeeeee;
`;

/** `--c` and `--cb`, the colour and background of a status category, set by its `cat-*` class. */
const categoryColours = [
  'not-started',
  'limited',
  'substantial',
  'complete',
  'withdrawn',
  'unknown',
]
  .map((c) => `.cat-${c}{--c:var(--oc-status-${c});--cb:var(--oc-status-${c}-bg)}`)
  .join('');

/** Tokens, themes, and the few rules both components need (focus, hidden text, status colours). */
export const themeCss = css`
  :host {
    ${light}
    display: block;
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme])),
    :host([theme='auto']) {
      ${dark}
      color-scheme: dark;
    }
  }
  :host([theme='dsfr']) {
    ${dsfr}
  }
  :host([hidden]) {
    display: none;
  }

  .root {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--oc-font);
    font-size: var(--oc-font-size, 1rem);
    line-height: 1.5;
    color: var(--oc-color-text);
    text-align: start;
  }
  .root *,
  .root *::before,
  .root *::after {
    box-sizing: border-box;
  }
  .root :focus-visible {
    outline: 3px solid var(--oc-color-focus);
    outline-offset: 2px;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  a {
    color: var(--oc-color-accent);
    text-underline-offset: 0.15em;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }

  ${categoryColours}

  .status {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--c);
    background: var(--cb);
    color: var(--c);
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
  }
  :host([theme='dsfr']) .status {
    border-radius: 4px;
    border: 0;
    text-transform: uppercase;
    font-size: 0.75em;
    font-weight: 700;
  }
  .late {
    color: var(--oc-color-late);
    font-weight: 700;
    font-size: 0.85em;
    white-space: nowrap;
  }
  .late::before {
    content: '⚠ ';
  }
  .bar {
    display: inline-block;
    position: relative;
    width: 8rem;
    height: 0.5rem;
    border-radius: 999px;
    background: var(--oc-color-track);
    overflow: hidden;
    vertical-align: middle;
  }
  :host([theme='dsfr']) .bar {
    border-radius: 0;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--c, var(--oc-color-accent));
  }

  .ask-panel {
    margin-top: 0.5rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--oc-color-border);
    border-left: 4px solid var(--oc-color-accent);
    border-radius: var(--oc-radius);
    background: var(--oc-color-surface);
  }
  .ask-panel p {
    margin: 0.25rem 0;
  }
  .ask-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .no-channel {
    font-size: 0.9em;
    color: var(--oc-color-muted);
  }
  .button {
    display: inline-block;
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--oc-color-accent);
    border-radius: var(--oc-radius);
    background: var(--oc-color-bg);
    color: var(--oc-color-accent);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .button.primary {
    background: var(--oc-color-accent);
    color: var(--oc-color-on-accent);
  }
  @media (prefers-reduced-motion: no-preference) {
    .bar > span {
      transition: width 0.3s ease;
    }
  }
`;
