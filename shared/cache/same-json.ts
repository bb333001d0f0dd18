/**
 * Deep equality of JSON-like values (what `parseFeed` returns), ignoring key order. Lets a refresh
 * that downloaded the same content again report `unchanged`, so that nothing re-renders.
 * `strings`, when given, decides for each pair of values of which one is a string.
 */
export function sameJson(
  a: unknown,
  b: unknown,
  strings?: (a: unknown, b: unknown) => boolean,
): boolean {
  if (a === b) return true;
  if (strings && (typeof a === 'string' || typeof b === 'string')) return strings(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i], strings))
    );
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => Object.hasOwn(right, k) && sameJson(left[k], right[k], strings));
}
