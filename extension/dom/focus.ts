/**
 * Keeps keyboard focus somewhere useful when what held it disappears: a removed row, a button
 * replaced by a status. Without this the browser drops focus to `<body>` and a keyboard user
 * starts again from the top of the page (WCAG 2.4.3, focus order).
 */

const CONTROLS = 'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Whether focus was lost: nothing, or `<body>`, has it, or only the host of `root` (a shadow root
 * that lost its focused element). Focus anywhere else on the page was put there by the person.
 */
export function focusLost(root: Document | ShadowRoot): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  return root instanceof ShadowRoot && active === root.host && !root.activeElement;
}

function rootOf(node: Node): Document | ShadowRoot {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root : document;
}

/** Once the current render is done, focuses `element` if focus was lost. */
export function focusIfLost(element: HTMLElement | null): void {
  if (!element) return;
  setTimeout(() => {
    if (element.isConnected && focusLost(rootOf(element))) element.focus();
  }, 0);
}

/**
 * Runs `remove`, which takes `item` (a row or list item) out of the page, then puts focus on the
 * first control of the row that took its place (the next one, else the previous one), or on the
 * element of id `fallbackId` (a heading with `tabindex="-1"`) when the list is now empty. Focus is
 * moved only if it was lost, never taken from where the person put it meanwhile.
 */
export async function removeKeepingFocus(
  item: Element | null,
  fallbackId: string,
  remove: () => Promise<void>,
): Promise<void> {
  const root = item ? rootOf(item) : document;
  const next = item?.nextElementSibling ?? null;
  const previous = item?.previousElementSibling ?? null;
  await remove();
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (item?.isConnected || !focusLost(root)) return;
  for (const candidate of [next, previous]) {
    const control = candidate?.isConnected ? candidate.querySelector<HTMLElement>(CONTROLS) : null;
    if (control) {
      control.focus();
      return;
    }
  }
  document.getElementById(fallbackId)?.focus();
}

/**
 * Gives focus back to the page after a panel that held it went away: to `previous` (where focus
 * was before it entered the panel) if it is still there, else to the page's main heading, made
 * focusable for that moment only.
 */
export function returnFocusToPage(previous: HTMLElement | null): void {
  if (previous?.isConnected) {
    previous.focus();
    if (document.activeElement === previous) return;
  }
  // One selector for all would take the first in the document: `main` before the `h1` inside it.
  const heading =
    document.querySelector<HTMLElement>('main h1, [role="main"] h1') ??
    document.querySelector<HTMLElement>('h1') ??
    document.querySelector<HTMLElement>('main, [role="main"]');
  if (!heading) return;
  if (heading.tabIndex < 0 && !heading.hasAttribute('tabindex')) {
    heading.setAttribute('tabindex', '-1');
    heading.addEventListener('blur', () => heading.removeAttribute('tabindex'), { once: true });
  }
  heading.focus();
}
