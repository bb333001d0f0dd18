/**
 * Building DOM without a template library (the badge, and both components' attributes): elements,
 * attributes and text only. Feed text always becomes a text node; no markup is ever parsed.
 */

/** A child: a node, text (becomes a text node), or nothing (skipped). */
export type Child = Node | string | false | null | undefined;

/**
 * An element with attributes (`undefined` and `false` leave one out, `true` sets it empty) and
 * children.
 */
export function h(
  tag: string,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
  ...children: Child[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...present(children));
  return element;
}

/** The children that are something, ready for `append` or `replaceChildren`. */
export function present(children: readonly Child[]): (Node | string)[] {
  return children.filter((child): child is Node | string => !!child);
}

/** Sets attribute `name` to `value`, or removes it when `value` is undefined. */
export function setOrRemove(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * Gives the element's accessors back the properties a page set on it before it was defined
 * (`document.createElement`, then `el.src = …`, then the script): such own properties hide the
 * accessors, and later changes would go nowhere.
 */
export function upgradeProperties(element: Element, names: readonly string[]): void {
  for (const name of names) {
    if (!Object.hasOwn(element, name)) continue;
    const value: unknown = Reflect.get(element, name);
    Reflect.deleteProperty(element, name);
    Reflect.set(element, name, value);
  }
}
