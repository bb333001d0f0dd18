/**
 * The address of the page the widget is on, as the interpellation template's `{page}`: without
 * its fragment, so that neither the page's nor the widget's hash state (`#commitment=…`, filters
 * set by a dashboard on the same page) is passed to the publisher as the question's context.
 */
export function pageAddress(): string {
  return location.origin + location.pathname + location.search;
}
