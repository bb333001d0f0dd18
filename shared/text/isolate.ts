/**
 * Feed text placed inside a sentence of plain text (a notification, a tooltip), where no `<bdi>`
 * can hold it: between Unicode's first-strong isolate and pop directional isolate, so that a
 * right-to-left override in the feed's words cannot turn the sentence's own words around, and a
 * genuinely right-to-left label keeps its direction.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
