/**
 * The address of the page the widget is on, as the interpellation template's `{page}`: its origin
 * and path only. Not its query, which may carry a visitor's tokens or e-mail address
 * (`?token=…`, `?email=…`), nor its fragment, so that neither the page's nor the widget's hash
 * state (`#commitment=…`, filters set by a dashboard on the same page) is passed to the publisher
 * as the question's context.
 */
export function pageAddress(): string {
  return location.origin + location.pathname;
}
