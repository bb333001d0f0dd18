/* global document, location, history, navigator, window, fetch, Blob, URL, URLSearchParams */
/**
 * The playground's try-it form: a person pastes a feed URL, picks a theme and a language, and sees
 * the dashboard drawn from that feed, with the two lines to paste in their own page and a button
 * that copies them. A feed not yet published (a file picked, dropped or pasted) is sent to the demo
 * server, which serves it back to this page for an hour, and shown the same way, with the
 * problems the widget finds in it and the code that reads it where it will be published. The file's
 * text is also checked by the core in strict mode, as `npx open-commitments validate` does, so that
 * the problems the widget tolerates are listed too, not only those that make it refuse the feed.
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

/** The demo server's limit on a feed sent to it (see `uploadLimits` in serve.ts). */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** The address the code shows while the person has not said where the feed will be published. */
const EXAMPLE_PUBLISHED = 'https://www.example.org/engagements.json';

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

/**
 * A feed's problems as the widget reports them in `oc-error`: each JSON path and what is wrong
 * there; nothing when the feed could not be read at all. Only text nodes: the feed's own words
 * never become markup.
 * @param {HTMLElement} into
 * @param {{ message?: unknown, errors?: unknown }} detail
 * @param {boolean} [listedBelow] - the file's check below already lists each of them, saying which
 *   make the widget refuse the feed: they are counted here, not listed a second time
 */
function listProblems(into, detail, listedBelow = false) {
  const heading = document.createElement('p');
  const errors = Array.isArray(detail.errors) ? detail.errors : [];
  // A feed not read at all is said beside the form, in French: its English message adds nothing.
  if (errors.length === 0) {
    into.replaceChildren();
    return;
  }
  const count = errors.length === 1 ? '1 problème' : `${errors.length} problèmes`;
  if (listedBelow) {
    const detailed = errors.length === 1 ? 'détaillé' : 'détaillés';
    heading.textContent = `Le widget refuse ce flux\u00a0: ${count}, ${detailed} dans la vérification ci-dessous.`;
    into.replaceChildren(heading);
    return;
  }
  heading.textContent = `Le widget refuse ce flux\u00a0: ${count} (chemin JSON\u00a0: ce qui ne va pas, en anglais).`;
  const list = document.createElement('ul');
  for (const issue of errors) {
    const item = document.createElement('li');
    const path = document.createElement('code');
    path.textContent = String(issue?.path ?? '$');
    item.append(path, `\u00a0: ${String(issue?.message ?? '')}`);
    list.append(item);
  }
  into.replaceChildren(heading, list);
}

/**
 * Why the dashboard could not show a feed, in the web team's words, from the `reason` and
 * `message` of its `oc-error` (`message` is in English and names the HTTP status, when there is
 * one); undefined for a request the dashboard cancelled itself, which is no failure.
 * @param {{ reason?: unknown, message?: unknown, errors?: unknown }} detail
 * @returns {string | undefined}
 */
export function failureReason(detail) {
  const message = String(detail.message ?? '');
  switch (detail.reason) {
    case 'aborted':
      return undefined;
    case 'http': {
      const status = Number(/\bHTTP (\d{3})\b/.exec(message)?.[1]);
      if (status === 404 || status === 410)
        return `le serveur répond ${status}\u00a0: il n’y a pas de flux à cette adresse`;
      if (status === 401 || status === 403)
        return `le serveur répond ${status}\u00a0: il refuse de donner ce flux`;
      if (status >= 500) return `le serveur répond ${status}\u00a0: il est en erreur`;
      return Number.isNaN(status)
        ? 'le serveur ne donne pas ce flux'
        : `le serveur répond ${status} au lieu de donner ce flux`;
    }
    case 'network':
      return 'le serveur ne répond pas, ou ne permet pas à cette page de lire ce flux';
    case 'timeout':
      return 'le serveur n’a pas envoyé le flux en entier à temps';
    case 'too-large':
      return 'le flux dépasse la taille que le widget accepte';
    case 'refused': {
      const count = Array.isArray(detail.errors) ? detail.errors.length : 0;
      return count === 0
        ? 'le widget refuse ce flux'
        : `le widget refuse ce flux, pour ${count === 1 ? '1 problème listé' : `${count} problèmes listés`} sous «\u00a0Aperçu\u00a0»`;
    }
    default:
      return message || 'le widget n’a pas pu le lire';
  }
}

/**
 * A feed file's problems as the validator sees them: the core reads the text in strict mode, as
 * `npx open-commitments validate` does, and in the widget's tolerant mode, to say of each error
 * and warning whether it makes the widget refuse the feed or is tolerated by it. Only text nodes.
 * @param {HTMLElement} into
 * @param {string} text - the file's content
 * @returns {Promise<boolean>} whether the check could be made and is shown
 */
async function listChecks(into, text) {
  const heading = document.createElement('p');
  const more = document.createElement('p');
  const command = document.createElement('code');
  command.textContent = 'npx open-commitments validate engagements.json';
  more.append('Vérification complète, avec des conseils\u00a0: ', command, '.');
  /** @type {(input: unknown, options?: { mode?: string }) => any} */
  let parseFeed;
  try {
    ({ parseFeed } = await import('/dist/core/open-commitments-core.js'));
  } catch {
    heading.textContent = 'La vérification stricte n’a pas pu être chargée ici.';
    into.replaceChildren(heading, more);
    return false;
  }
  const strict = parseFeed(text, { mode: 'strict' });
  const tolerant = parseFeed(text);
  const refusing = tolerant.ok ? [] : tolerant.errors;
  const refused = new Set(refusing.map((/** @type {{ path: string }} */ issue) => issue.path));
  /** @type {[string, { path: string, message: string }][]} */
  const rows = [];
  for (const issue of strict.ok ? [] : strict.errors) {
    rows.push([
      refused.has(issue.path) ? 'erreur, le widget refuse le flux' : 'erreur, le widget la tolère',
      issue,
    ]);
  }
  for (const issue of refusing) {
    if (!rows.some(([, row]) => row.path === issue.path))
      rows.push(['erreur, le widget refuse le flux', issue]);
  }
  for (const issue of strict.warnings) rows.push(['avertissement, le widget le tolère', issue]);
  const count = rows.length;
  heading.textContent =
    count === 0
      ? 'Vérification stricte du fichier\u00a0: aucun problème.'
      : `Vérification stricte du fichier\u00a0: ${count} problème${count === 1 ? '' : 's'} (chemin JSON, gravité\u00a0: ce qui ne va pas, en anglais).`;
  if (count === 0) {
    into.replaceChildren(heading, more);
    return true;
  }
  const list = document.createElement('ul');
  for (const [kind, issue] of rows) {
    const item = document.createElement('li');
    const path = document.createElement('code');
    path.textContent = String(issue.path);
    item.append(path, `, ${kind}\u00a0: ${String(issue.message)}`);
    list.append(item);
  }
  into.replaceChildren(heading, list, more);
  return true;
}

/** Wires the forms, the preview and the copy button; run once the page is parsed. */
function start() {
  const form = byId('pg-form', window.HTMLFormElement);
  const srcInput = byId('pg-src', window.HTMLInputElement);
  const themeSelect = byId('pg-theme', window.HTMLSelectElement);
  const langSelect = byId('pg-lang', window.HTMLSelectElement);
  const problem = byId('pg-problem', window.HTMLElement);
  const preview = byId('pg-preview', window.HTMLElement);
  const issues = byId('pg-issues', window.HTMLElement);
  const badge = byId('pg-badge', window.HTMLElement);
  const code = byId('pg-snippet', window.HTMLElement);
  const codeNote = byId('pg-snippet-note', window.HTMLElement);
  const copy = byId('pg-copy', window.HTMLButtonElement);
  const status = byId('pg-copy-status', window.HTMLElement);
  const shown = byId('pg-shown', window.HTMLElement);
  const fileForm = byId('pg-file-form', window.HTMLFormElement);
  const fileInput = byId('pg-file', window.HTMLInputElement);
  const jsonInput = byId('pg-json', window.HTMLTextAreaElement);
  const publishedInput = byId('pg-published', window.HTMLInputElement);
  const fileProblem = byId('pg-file-problem', window.HTMLElement);
  const drop = byId('pg-drop', window.HTMLElement);
  const checks = byId('pg-check', window.HTMLElement);
  const scriptUrl = new URL('/dist/widget/open-commitments.js', location.href).href;
  /** The feed whose preview and code are shown; none until one is. */
  let shownFeed = '';
  /** Why the feed of the code shown could not be loaded here; empty while nothing says so. */
  let shownFailure = '';
  /** How many texts were sent to the server, so that only the latest one's answer is shown. */
  let sending = 0;

  /**
   * Draws the dashboard of `feed` in the preview, and the badge of its first commitment once it
   * is read, as a site would show them; lists the problems the widget reports.
   * @param {string} feed - absolute URL the preview reads
   * @param {Choices} choices
   * @param {Promise<boolean>} [checked] - the check of a file's text, shown below when it resolves
   *   to true: the widget's refusal is then counted, its problems being listed there
   * @param {{ load?: () => void, error?: (detail: Record<string, unknown>) => void }} [heard] -
   *   told when this preview shows the feed, and each time it fails to load it
   */
  const draw = (feed, choices, checked = Promise.resolve(false), heard = {}) => {
    const dashboard = document.createElement('open-commitments');
    // Its own id keeps its filters in the page's address apart from the examples' below.
    dashboard.id = 'apercu';
    dashboard.setAttribute('src', feed);
    if (choices.theme) dashboard.setAttribute('theme', choices.theme);
    dashboard.setAttribute('lang', choices.lang);
    issues.replaceChildren();
    badge.replaceChildren();
    badge.hidden = true;
    dashboard.addEventListener('oc-error', (event) => {
      if (!(event instanceof window.CustomEvent)) return;
      const detail = event.detail ?? {};
      if (dashboard.isConnected) heard.error?.(detail);
      void checked.then((listedBelow) => {
        // A newer preview may have replaced this one meanwhile.
        if (dashboard.isConnected) listProblems(issues, detail, listedBelow);
      });
    });
    dashboard.addEventListener('oc-load', (event) => {
      if (dashboard.isConnected) heard.load?.();
      issues.replaceChildren();
      const first =
        event instanceof window.CustomEvent ? event.detail?.commitments?.[0] : undefined;
      if (typeof first?.id !== 'string' || badge.firstChild) return;
      const element = document.createElement('open-commitment-badge');
      element.setAttribute('src', feed);
      element.setAttribute('commitment', first.id);
      if (choices.theme) element.setAttribute('theme', choices.theme);
      element.setAttribute('lang', choices.lang);
      const label = document.createElement('code');
      label.className = 'nowrap';
      label.textContent = `commitment="${first.id}"`;
      badge.replaceChildren('Badge de son premier engagement, ', label, '\u00a0: ', element);
      badge.hidden = false;
    });
    preview.replaceChildren(dashboard);
  };

  /**
   * Shows the preview and the code of `choices`, or says why it cannot; once the preview has read
   * the feed, or failed to, says so: the code is still given for a feed that could not be loaded
   * (it may not be published yet), with why it could not.
   * @param {Choices} choices
   * @param {boolean} [announce] - say when the preview and the code are updated (the form was
   *   sent), not only when the feed fails to load
   */
  const show = (choices, announce = false) => {
    srcInput.value = choices.src;
    themeSelect.value = choices.theme;
    langSelect.value = choices.lang;
    status.textContent = '';
    shown.textContent = '';
    const feed = feedAddress(choices.src, location.href);
    if (!feed) {
      problem.textContent = hasScheme(choices.src)
        ? `«\u00a0${choices.src}\u00a0» n’est pas une adresse http ou https\u00a0: le widget ne lit que celles-là.`
        : `«\u00a0${choices.src}\u00a0» n’est pas une adresse complète\u00a0: commencez-la par https:// (ou par / pour un flux de ce serveur).`;
      srcInput.setAttribute('aria-invalid', 'true');
      // The preview and the code stay as they were: say whose they are.
      codeNote.textContent = shownFeed
        ? `Le code ci-dessous et l’aperçu restent ceux de la dernière adresse valable\u00a0: ${shownFeed}`
        : `Le code ci-dessous reste celui du flux de démonstration\u00a0: ${DEFAULT_FEED}`;
      codeNote.hidden = false;
      return;
    }
    problem.textContent = '';
    fileProblem.textContent = '';
    // A file sent but not yet back is no longer the one to show.
    sending += 1;
    srcInput.removeAttribute('aria-invalid');
    // This page reads feeds from its own server only (its Content-Security-Policy says so): the
    // preview of another site's feed fails, though the code works on a site it allows.
    const elsewhere = new URL(feed).origin !== location.origin;
    codeNote.textContent = elsewhere
      ? 'L’aperçu ne peut pas lire ce flux\u00a0: cette démonstration ne lit que ceux de son propre serveur. Sur votre site, ce code le lira si le serveur du flux envoie Access-Control-Allow-Origin.'
      : '';
    codeNote.hidden = !elsewhere;
    shownFeed = feed;
    shownFailure = '';
    checks.replaceChildren();
    // Said a moment later, so that showing the same choices again is said again: focus stays on
    // the button, and the preview and the code change further down the page.
    const current = sending;
    const later = (/** @type {() => void} */ act) =>
      window.setTimeout(() => {
        // A newer preview may have replaced this one meanwhile.
        if (current === sending) act();
      }, 150);
    let loaded = false;
    draw(feed, choices, undefined, {
      load: () => {
        if (loaded) return;
        loaded = true;
        if (announce) later(() => (shown.textContent = 'Aperçu et code mis à jour.'));
      },
      error: (detail) => {
        const why = failureReason(detail);
        if (why === undefined) return;
        if (elsewhere) {
          if (announce && !loaded) {
            later(
              () =>
                (shown.textContent = 'Code mis à jour\u00a0; l’aperçu ne peut pas lire ce flux.'),
            );
          }
          return;
        }
        shownFailure = why;
        srcInput.setAttribute('aria-invalid', 'true');
        later(() => {
          problem.textContent = loaded
            ? `Le flux n’a pas pu être rechargé\u00a0: ${why}. L’aperçu montre la dernière copie que ce navigateur en a lue.`
            : `Le flux n’a pas pu être chargé\u00a0: ${why}. Le code ci-dessous le lit quand même à cette adresse\u00a0: corrigez-la, ou copiez-le si le flux doit y être publié.`;
        });
      },
    });
    code.textContent = embedSnippet(feed, choices, scriptUrl);
  };

  /**
   * Sends the feed's text to the demo server and shows it, with the code that reads it at the
   * address where it will be published; or says why it cannot.
   * @param {string} name - what the person knows the feed as (its file name)
   */
  const showText = async (name) => {
    const text = jsonInput.value;
    const choices = { src: '', theme: themeSelect.value, lang: langSelect.value };
    const say = (/** @type {string} */ words) => {
      fileProblem.textContent = words;
    };
    status.textContent = '';
    shown.textContent = '';
    const typed = publishedInput.value.trim();
    const published = typed ? feedAddress(typed, location.href) : EXAMPLE_PUBLISHED;
    if (!published || (typed && !hasScheme(typed))) {
      publishedInput.setAttribute('aria-invalid', 'true');
      say(
        `«\u00a0${typed}\u00a0» n’est pas une adresse complète en http ou https\u00a0: écrivez celle où le flux sera publié, par exemple ${EXAMPLE_PUBLISHED}.`,
      );
      return;
    }
    publishedInput.removeAttribute('aria-invalid');
    if (!text.trim()) {
      say(
        'Choisissez un fichier, déposez-le ou collez son contenu\u00a0: il n’y a rien à afficher.',
      );
      return;
    }
    if (new Blob([text]).size > MAX_UPLOAD_BYTES) {
      say('Ce fichier dépasse 2\u00a0Mo\u00a0: la démonstration ne le garde pas.');
      return;
    }
    say('');
    // Only the latest text sent is shown, whichever answer comes back first.
    const mine = (sending += 1);
    let answer;
    try {
      const response = await fetch('/uploads/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
      });
      answer = response.ok ? await response.json() : undefined;
    } catch {
      answer = undefined;
    }
    if (mine !== sending) return;
    const path = typeof answer?.url === 'string' ? answer.url : '';
    if (!path.startsWith('/uploads/')) {
      say(
        'Le serveur de démonstration n’a pas pris le fichier\u00a0: est-il toujours lancé\u00a0?',
      );
      return;
    }
    const feed = new URL(path, location.href).href;
    shownFeed = feed;
    shownFailure = '';
    problem.textContent = '';
    srcInput.removeAttribute('aria-invalid');
    draw(feed, choices, listChecks(checks, text));
    code.textContent = embedSnippet(published, choices, scriptUrl);
    codeNote.textContent = typed
      ? `L’aperçu montre ${name}\u00a0; le code lit le flux là où vous le publierez\u00a0: ${published}`
      : `L’aperçu montre ${name}\u00a0; le code porte une adresse d’exemple\u00a0: remplacez-la par celle où vous publierez le flux, ou écrivez-la plus haut.`;
    codeNote.hidden = false;
    window.setTimeout(() => {
      shown.textContent = 'Aperçu et code mis à jour.';
    }, 150);
  };

  /** The name the preview is said to show, for a file or for pasted text. */
  let textName = 'le contenu collé';
  jsonInput.addEventListener('input', () => {
    textName = 'le contenu collé';
  });

  /**
   * Reads a picked or dropped file into the text field, so that it can be corrected there, and
   * shows it.
   * @param {File | undefined} file
   */
  const readFile = async (file) => {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      fileProblem.textContent = `«\u00a0${file.name}\u00a0» dépasse 2\u00a0Mo\u00a0: la démonstration ne le garde pas.`;
      return;
    }
    jsonInput.value = await file.text();
    textName = `le fichier «\u00a0${file.name}\u00a0»`;
    await showText(textName);
  };

  fileInput.addEventListener('change', () => void readFile(fileInput.files?.[0]));
  // Anywhere on the page, not only in the frame: a file dropped just beside it would otherwise be
  // opened by the browser in place of the page, losing what was pasted. It is taken as dropped in.
  document.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    drop.classList.toggle(
      'dragging',
      event.target instanceof window.Node && drop.contains(event.target),
    );
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  document.addEventListener('drop', (event) => {
    drop.classList.remove('dragging');
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    void readFile(event.dataTransfer.files[0]);
  });
  fileForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void showText(textName);
  });

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
    show(choices, true);
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
      say('Le code est sélectionné\u00a0: copiez-le avec Ctrl+C (⌘+C sur Mac).');
    };
    if (!navigator.clipboard?.writeText) {
      selectSnippet();
      return;
    }
    const copied = shownFailure
      ? `Copié, mais ce flux n’a pas pu être chargé\u00a0: ${shownFailure}.`
      : 'Copié';
    navigator.clipboard.writeText(text).then(() => say(copied), selectSnippet);
  });

  show(choicesFrom(location.search));
}

start();
