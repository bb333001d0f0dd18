const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The JSON path of `key` inside `path`, as every message about a feed writes it:
 * `commitments[3].status`, `title["x y"]`; a key of more than 64 characters is cut.
 */
export function jsonPathAt(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!SIMPLE_KEY.test(key) || key.length > 64) {
    return `${path}[${JSON.stringify(key.length > 64 ? `${key.slice(0, 60)}…` : key)}]`;
  }
  return path === '$' ? key : `${path}.${key}`;
}
