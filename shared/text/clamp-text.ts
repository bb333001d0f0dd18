/**
 * `text` cut to its words within `max` characters, the ellipsis included, so that a feed's or a
 * page's 20,000-character text makes neither a tooltip over the whole page, a line of a list that
 * never ends, nor minutes of speech; where it is shown whole stays the place to read it. A cut
 * never splits a character outside the Basic Multilingual Plane, and falls on a word boundary
 * unless that would keep less than half.
 */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
