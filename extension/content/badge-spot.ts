/**
 * Where an inline badge may go without breaking the page's markup: a badge is phrasing content,
 * so it never lands as a child of a table part, a list, a `<dl>` or a `<select>`, where browsers
 * would move it out of the table or list, or not show it. It never lands in what the person can
 * edit either (an editor would save it into their text), nor inside a control whose name its
 * content gives (a button would be read with the badge's words in its name).
 */

/** A place to insert a badge: in `parent`, before `before` (at the end when null). */
export interface BadgeSpot {
  readonly parent: Element;
  readonly before: Node | null;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Inside these nothing of ours is shown or belongs (an option's text is plain text). */
const NEVER_INSIDE = 'select, datalist, optgroup, option, textarea, template, script, style';

/**
 * Controls whose accessible name comes from their content: a badge goes after them, not in them
 * (select and option are in `NEVER_INSIDE`).
 */
const NAMED_BY_CONTENT = 'a[href], button, label, summary, [role=button], [role=link]';

/** Elements whose children are restricted (tables, lists), void, or replaced by other content. */
const NO_BADGE_CHILD = new Set([
  // Parents that allow only certain children.
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'colgroup',
  'ul',
  'ol',
  'menu',
  'dl',
  'hgroup',
  'picture',
  'head',
  'html',
  // Void or replaced elements.
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'iframe',
  'object',
  'video',
  'audio',
  'canvas',
  'noscript',
]);

function takesBadge(element: Element): boolean {
  return element.namespaceURI === HTML_NS && !NO_BADGE_CHILD.has(element.localName);
}

function firstChild(element: Element, names: readonly string[]): Element | undefined {
  for (const child of element.children) if (names.includes(child.localName)) return child;
  return undefined;
}

/** The element itself when it takes a badge; for a row or row group, its first cell. */
function container(element: Element): Element | undefined {
  if (takesBadge(element)) return element;
  const row =
    element.localName === 'tr'
      ? element
      : ['thead', 'tbody', 'tfoot'].includes(element.localName)
        ? firstChild(element, ['tr'])
        : undefined;
  return row && firstChild(row, ['td', 'th']);
}

/** Right after `element`, when its parent takes a badge. */
function after(element: Element): BadgeSpot | undefined {
  const parent = element.parentElement;
  return parent && takesBadge(parent) ? { parent, before: element.nextSibling } : undefined;
}

/**
 * Whether what lands in `element` would become part of a text the person edits, and be saved with
 * it: an editable document, or anywhere in an editable region (a part of it made not editable
 * included, which its editor saves too).
 */
function editable(element: Element): boolean {
  return (
    element.ownerDocument.designMode === 'on' ||
    element.closest('[contenteditable]:not([contenteditable="false" i])') !== null
  );
}

/**
 * Where the badge of `element` goes. A link's badge follows it; a marked element's badge ends
 * its content (a row's: its first cell). When the preferred place would be invalid the other
 * is used. A place inside a button, a link or a label moves after the outermost of them.
 * `undefined` when none is valid (inside a `<select>`, a marked `<col>`, editable text…).
 */
export function badgeSpot(element: Element, kind: 'link' | 'marked'): BadgeSpot | undefined {
  if (element.closest(NEVER_INSIDE)) return undefined;
  const next = after(element);
  const inside = container(element);
  let spot = kind === 'link' && next ? next : inside ? { parent: inside, before: null } : next;
  let named: Element | undefined;
  for (
    let e = spot?.parent.closest(NAMED_BY_CONTENT);
    e;
    e = e.parentElement?.closest(NAMED_BY_CONTENT)
  ) {
    named = e;
  }
  if (named) spot = after(named);
  return spot && !editable(spot.parent) ? spot : undefined;
}

const WORDS = /[\p{L}\p{N}]/u;

/**
 * Whether `second` follows `first` in the same parent with nothing readable between them (only
 * spaces, punctuation, images or `skip`ped elements such as a badge): the same link twice in a
 * row then reads as one and gets one badge.
 */
export function nothingBetween(
  first: Element,
  second: Element,
  skip: (e: Element) => boolean,
): boolean {
  if (first.parentNode !== second.parentNode) return false;
  for (let node = first.nextSibling; node; node = node.nextSibling) {
    if (node === second) return true;
    if (node.nodeType === Node.ELEMENT_NODE && skip(node as Element)) continue;
    if (WORDS.test(node.textContent ?? '')) return false;
  }
  return false;
}
