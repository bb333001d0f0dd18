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
import { CATEGORIES } from '../../shared/feed/types.ts';
import { css } from './css.ts';

/**
 * Every theme's value of each token (`--oc-<name>`), one row per token: light (the default), dark,
 * and the French State design system (DSFR: Marianne when the page has it, blue France, square
 * corners, and for statuses the colours of its badges: default for not started and unknown,
 * warning, info, success and error for limited, substantial, complete and withdrawn). A status
 * category `c` has `status-c`, its colour, and `status-c-bg`, the background of its label.
 */
const tokens: readonly (readonly [name: string, light: string, dark: string, dsfr: string])[] = [
  ['color-text', '#1d2433', '#e8ecf2', '#161616'],
  ['color-muted', '#545f70', '#b0bac8', '#5e5e5e'],
  ['color-bg', '#fff', '#141a24', '#fff'],
  ['color-surface', '#f5f7fa', '#1c2431', '#f6f6f6'],
  ['color-border', '#d5dbe3', '#3a4658', '#ddd'],
  ['color-accent', '#1f4fb8', '#9cc0ff', '#000091'],
  ['color-on-accent', '#fff', '#0d1320', '#f5f5fe'],
  ['color-focus', '#1f4fb8', '#ffd166', '#0a76f6'],
  ['color-late', '#b3261e', '#ff9c94', '#ce0500'],
  ['color-track', '#e3e8ef', '#2d3746', '#e5e5e5'],
  ['status-not-started', '#505c6b', '#c8d0da', '#3a3a3a'],
  ['status-not-started-bg', '#eef1f4', '#2a323e', '#eee'],
  ['status-limited', '#954800', '#ffc27a', '#b34000'],
  ['status-limited-bg', '#fff0dd', '#3d2b14', '#ffe9e6'],
  ['status-substantial', '#0b5cab', '#94c3ff', '#0063cb'],
  ['status-substantial-bg', '#e4effc', '#15304f', '#e8edff'],
  ['status-complete', '#17703a', '#85dca2', '#18753c'],
  ['status-complete-bg', '#e0f3e6', '#153822', '#b8fec9'],
  ['status-withdrawn', '#a12b2b', '#ffa3a3', '#ce0500'],
  ['status-withdrawn-bg', '#fbeaea', '#461c1c', '#ffe9e9'],
  ['status-unknown', '#5c5c6e', '#cfcfdc', '#3a3a3a'],
  ['status-unknown-bg', '#efeff3', '#2d2d3a', '#eee'],
];

/** The declarations of theme `column` (1 light, 2 dark, 3 DSFR). */
const theme = (column: 1 | 2 | 3): string =>
  tokens.map((row) => `--oc-${row[0]}:${row[column]};`).join('');

const light = css`
  --oc-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  --oc-radius: 10px;
  ${theme(1)}
`;

const dark = theme(2);

const dsfr = css`
  --oc-font: Marianne, arial, sans-serif;
  --oc-radius: 0;
  ${theme(3)}
`;

/** `--c` and `--cb`, the colour and background of a status category, set by its `cat-*` class. */
const categoryColours = CATEGORIES.map(
  (c) => `.cat-${c}{--c:var(--oc-status-${c});--cb:var(--oc-status-${c}-bg)}`,
).join('');

/** Tokens, themes, and the few rules both components need (focus, hidden text, status colours). */
export const themeCss = css`
  :host {
    ${light}
    display: block;
    color-scheme: light;
  }
  /* On screen only: printed, dark colours would come out as pale text on white paper, since
     printers leave backgrounds out. */
  @media screen {
    :host([theme='dark']) {
      ${dark}
      color-scheme: dark;
    }
    /* A site of the DSFR in its dark theme: the dark colours, the font and corners of the system
       kept. A rule of its own: a browser that knows no custom state drops it, not the one above. */
    :host([theme='dsfr']:state(fr-dark)) {
      ${dark}
      color-scheme: dark;
    }
  }
  @media screen and (prefers-color-scheme: dark) {
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
    /* The unit of every size in the components, in place of rem: --oc-font-size scales them all,
       where rem follows the root of the page, which a page may shrink (10px in Bootstrap 3).
       Private (not an --oc- name), so no styling hook to document. No quote mark in comments: the build
       minifier keeps quoted text as written. */
    --oc_u: var(--oc-font-size, 1rem);
    /* The colour of a status category, set by its class: a page custom property of that name,
       inherited (all: initial leaves custom properties alone), would else fill the overall bar. */
    --c: initial;
    line-height: 1.5;
    color: var(--oc-color-text);
    text-align: start;
    /* The widget speaks French or English: in a right-to-left page its own words and numbers keep
       their order (all: initial leaves direction alone); each feed text still finds its own. */
    direction: ltr;
    /* Printed, the status colours, progress bars and the bar per status keep their colours, which
       printers leave out by default, and they say as much as the words. */
    -webkit-print-color-adjust: exact;
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
  /* Feed text wraps inside its box, however long its words: it never widens the host page. */
  bdi,
  .prose,
  .status,
  .ask-panel {
    overflow-wrap: anywhere;
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
    /* A pill on one line; on several (a long label in a narrow column), rounded corners only. */
    border-radius: 1em;
    border: 1px solid var(--c);
    background: var(--cb);
    color: var(--c);
    font-size: 0.85em;
    font-weight: 600;
  }
  /* The small badge of the DSFR: 12px capitals on a 20px line, whatever the size of the text around
     (in em, a label in a row came out at 11px, smaller than any badge of the design system). */
  :host([theme='dsfr']) .status {
    border-radius: 4px;
    border: 0;
    text-transform: uppercase;
    font-size: calc(0.75 * var(--oc_u));
    line-height: 1.667;
    padding: 0 0.5em;
    font-weight: 700;
  }
  .late {
    color: var(--oc-color-late);
    font-weight: 700;
    font-size: 0.85em;
    white-space: nowrap;
  }
  /* The sign stays with the first word after it, wherever the words wrap. */
  .late::before {
    content: '⚠\u00a0' / '';
  }
  .bar {
    display: inline-block;
    position: relative;
    width: calc(8 * var(--oc_u));
    height: calc(0.5 * var(--oc_u));
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
    margin-top: calc(0.5 * var(--oc_u));
    padding: calc(0.75 * var(--oc_u)) var(--oc_u);
    border: 1px solid var(--oc-color-border);
    border-left: 4px solid var(--oc-color-accent);
    border-radius: var(--oc-radius);
    background: var(--oc-color-surface);
  }
  .ask-panel p {
    margin: calc(0.25 * var(--oc_u)) 0;
  }
  .ask-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--oc_u));
  }
  .no-channel {
    font-size: 0.9em;
    color: var(--oc-color-muted);
  }
  .button {
    display: inline-block;
    padding: calc(0.4 * var(--oc_u)) calc(0.9 * var(--oc_u));
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
  /* Forced colours drop backgrounds: the bar keeps an outline and its filled part the text colour. */
  /* Asked for more contrast: borders and the tracks of bars in the muted text colour, which
     stands 4.5 to 1 against the ground, where their own colours stand about 1.3 to 1. */
  @media (prefers-contrast: more) {
    .root {
      --oc-color-border: var(--oc-color-muted);
    }
    .bar {
      outline: 1px solid var(--oc-color-muted);
    }
  }
  @media (forced-colors: active) {
    .bar {
      border: 1px solid CanvasText;
    }
    .bar > span {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
