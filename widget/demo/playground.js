/* global document, location, history, navigator, window, URL, URLSearchParams */
/**
 * The playground's try-it form: a person pastes a feed URL, picks a theme and a language, and sees
 * the dashboard drawn from that feed, with the two lines to paste in their own page and a button
 * that copies them.
 *
 * The page runs under `script-src 'self'` and `require-trusted-types-for 'script'`: elements are
 * made with `document.createElement` and `setAttribute`, and the snippet is only ever text
 * (`textContent`), never parsed as HTML. The choices live in the page's query string
 * (`?src=…&theme=…&lang=…`), so that the form also works, and a preview can be shared, without this
 * script.
 */

/** Themes the dashboard knows; the empty value leaves the choice to the reader's system. */
const THEMES = ['', 'default', 'dsfr', 'dark'];

/** Languages the dashboard speaks. */
const LANGS = ['fr', 'en'];

/** The demo's own feed, shown until the person pastes another. */
const DEFAULT_FEED = '/feeds/valfleurie.demo.json';

/**
 * The choices of the form.
 * @typedef {{ src: string, theme: string, lang: string }} Choices
 */

/**
 * Reads the choices from the query string, keeping only known themes and languages.
 * @param {string} search - `location.search`
 * @returns {Choices}
 */
export function choicesFrom(search) {
  const params = new URLSearchParams(search);
  const theme = params.get('theme') ?? '';
  const lang = params.get('lang') ?? 'fr';
  return {
    src: params.get('src')?.trim() || DEFAULT_FEED,
    theme: THEMES.includes(theme) ? theme : '',
    lang: LANGS.includes(lang) ? lang : 'fr',
  };
}

/** Whether pasted text starts with a scheme (`https:`, `javascript:`…). */
const hasScheme = (/** @type {string} */ pasted) => /^[a-z][a-z\d+.-]*:/i.test(pasted);

/**
 * The absolute http(s) address of a pasted feed URL: a whole address, or a path on this server
 * (starting with `/`); undefined for anything else (`javascript:`, `data:`, text that is no URL),
 * which the dashboard is never given. An address pasted without its scheme
 * (`www.ville.fr/flux.json`) is refused too: read as a path here, it gave a preview and a code
 * pointing at this server.
 * @param {string} pasted
 * @param {string} base - the page's address
 * @returns {string | undefined}
 */
export function feedAddress(pasted, base) {
  if (!pasted.startsWith('/') && !hasScheme(pasted)) return undefined;
  try {
    const url = new URL(pasted, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An attribute value as it must be written in HTML source, so that a copied snippet stays two
 * elements whatever the URL holds.
 * @param {string} value
 * @returns {string}
 */
function attributeText(value) {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * The embed code for these choices: the widget's script from this server, then the element with
 * its attributes, both with absolute addresses so that they work on any site.
 * @param {string} feed - absolute feed URL
 * @param {Choices} choices
 * @param {string} scriptUrl - absolute URL of the widget bundle
 * @returns {string}
 */
export function embedSnippet(feed, choices, scriptUrl) {
  const attributes = [`src="${attributeText(feed)}"`];
  if (choices.theme) attributes.push(`theme="${choices.theme}"`);
  attributes.push(`lang="${choices.lang}"`);
  return (
    `<script type="module" src="${attributeText(scriptUrl)}"></script>\n` +
    `<open-commitments ${attributes.join(' ')}></open-commitments>`
  );
}

/**
 * Finds an element the page must have, by id.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function byId(id, type) {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`playground: #${id} is missing`);
  return element;
}

/** Wires the form, the preview and the copy button; run once the page is parsed. */
function start() {
  const form = byId('pg-form', window.HTMLFormElement);
  const srcInput = byId('pg-src', window.HTMLInputElement);
  const themeSelect = byId('pg-theme', window.HTMLSelectElement);
  const langSelect = byId('pg-lang', window.HTMLSelectElement);
  const problem = byId('pg-problem', window.HTMLElement);
  const preview = byId('pg-preview', window.HTMLElement);
  const code = byId('pg-snippet', window.HTMLElement);
  const codeNote = byId('pg-snippet-note', window.HTMLElement);
  const copy = byId('pg-copy', window.HTMLButtonElement);
  const status = byId('pg-copy-status', window.HTMLElement);
  const shown = byId('pg-shown', window.HTMLElement);
  const scriptUrl = new URL('/dist/widget/open-commitments.js', location.href).href;
  /** The feed whose preview and code are shown; none until one is. */
  let shownFeed = '';

  /**
   * Shows the preview and the code of `choices`, or says why it cannot.
   * @param {Choices} choices
   * @returns {boolean} whether they are shown
   */
  const show = (choices) => {
    srcInput.value = choices.src;
    themeSelect.value = choices.theme;
    langSelect.value = choices.lang;
    status.textContent = '';
    shown.textContent = '';
    const feed = feedAddress(choices.src, location.href);
    if (!feed) {
      problem.textContent = hasScheme(choices.src)
        ? `« ${choices.src} » n’est pas une adresse http ou https : le widget ne lit que celles-là.`
        : `« ${choices.src} » n’est pas une adresse complète : commencez-la par https:// (ou par / pour un flux de ce serveur).`;
      srcInput.setAttribute('aria-invalid', 'true');
      // The preview and the code stay as they were: say whose they are.
      codeNote.textContent = shownFeed
        ? `Le code ci-dessous et l’aperçu restent ceux de la dernière adresse valable : ${shownFeed}`
        : `Le code ci-dessous reste celui du flux de démonstration : ${DEFAULT_FEED}`;
      codeNote.hidden = false;
      return false;
    }
    problem.textContent = '';
    srcInput.removeAttribute('aria-invalid');
    // This page reads feeds from its own server only (its Content-Security-Policy says so): the
    // preview of another site's feed fails, though the code works on a site it allows.
    const elsewhere = new URL(feed).origin !== location.origin;
    codeNote.textContent = elsewhere
      ? 'L’aperçu ne peut pas lire ce flux : cette démonstration ne lit que ceux de son propre serveur. Sur votre site, ce code le lira si le serveur du flux envoie Access-Control-Allow-Origin.'
      : '';
    codeNote.hidden = !elsewhere;
    shownFeed = feed;
    const dashboard = document.createElement('open-commitments');
    // Its own id keeps its filters in the page's address apart from the examples' below.
    dashboard.id = 'apercu';
    dashboard.setAttribute('src', feed);
    if (choices.theme) dashboard.setAttribute('theme', choices.theme);
    dashboard.setAttribute('lang', choices.lang);
    preview.replaceChildren(dashboard);
    code.textContent = embedSnippet(feed, choices, scriptUrl);
    return true;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const choices = {
      src: srcInput.value.trim() || DEFAULT_FEED,
      theme: themeSelect.value,
      lang: langSelect.value,
    };
    const query = new URLSearchParams({
      src: choices.src,
      theme: choices.theme,
      lang: choices.lang,
    });
    history.replaceState(null, '', `?${query}`);
    // Said once shown, a moment later, so that showing the same choices again is said again: focus
    // stays on the button, and the preview and the code change further down the page.
    if (show(choices)) {
      window.setTimeout(() => {
        shown.textContent = 'Aperçu et code mis à jour.';
      }, 150);
    }
  });

  copy.addEventListener('click', () => {
    const text = code.textContent ?? '';
    // Emptied first and filled a moment later, so that a second copy is announced again.
    status.textContent = '';
    const say = (/** @type {string} */ words) =>
      window.setTimeout(() => {
        status.textContent = words;
      }, 150);
    const selectSnippet = () => {
      const selection = window.getSelection();
      const range = document.createRange();
      range.selectNodeContents(code);
      selection?.removeAllRanges();
      selection?.addRange(range);
      say('Le code est sélectionné : copiez-le avec Ctrl+C (⌘+C sur Mac).');
    };
    if (!navigator.clipboard?.writeText) {
      selectSnippet();
      return;
    }
    navigator.clipboard.writeText(text).then(() => say('Copié'), selectSnippet);
  });

  show(choicesFrom(location.search));
}

start();
