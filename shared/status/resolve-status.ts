import { CATEGORIES, type Category, type Feed, type StatusDef, type Text } from '../feed/types.ts';

/** A commitment's status as every consumer shows it: its category, and the publisher's words. */
export interface ResolvedStatus {
  readonly key: string;
  readonly category: Category;
  /** The publisher's label; absent for a bare category (show the category's own label). */
  readonly label?: Text;
  /** The status's own progress (0–100), when the publisher gave one. */
  readonly progress?: number;
}

const categories: ReadonlySet<string> = new Set(CATEGORIES);

/** True when `key` is one of the canonical categories. */
export function isCategory(key: string): key is Category {
  return categories.has(key);
}

/** Status definitions by key, built once per feed. */
const definitions = new WeakMap<Feed, ReadonlyMap<string, StatusDef>>();

function statusDefs(feed: Feed): ReadonlyMap<string, StatusDef> {
  let map = definitions.get(feed);
  if (map === undefined) {
    map = new Map((feed.statuses ?? []).map((def) => [def.key, def]));
    definitions.set(feed, map);
  }
  return map;
}

/**
 * Resolves a status key (a category or one of the feed's `statuses`) to its category and label,
 * so that every consumer colours a publisher's own words consistently. An unknown key, which
 * `parseFeed` never lets through, resolves to `unknown`.
 */
export function resolveStatus(feed: Feed, statusKey: string): ResolvedStatus {
  const def = statusDefs(feed).get(statusKey);
  if (def !== undefined) {
    return def.progress === undefined
      ? { key: def.key, category: def.category, label: def.label }
      : { key: def.key, category: def.category, label: def.label, progress: def.progress };
  }
  return { key: statusKey, category: isCategory(statusKey) ? statusKey : 'unknown' };
}
