/**
 * The limits a reader enforces on an untrusted feed. Past any of them the whole feed is refused with
 * a clear error (tolerant mode included), so the last good copy stays in use.
 */

/** The limits `parseFeed` applies. */
export interface Limits {
  /** Largest document, in bytes of UTF-8 (text and byte input). */
  readonly maxBytes: number;
  /** Longest string anywhere in the feed, in characters (Unicode code points). */
  readonly maxText: number;
  /** Most commitments in one feed. */
  readonly maxCommitments: number;
  /**
   * Deepest nesting of arrays and objects in the text. The format needs about 7 levels; a text
   * nested millions deep (an unknown field `[[[[…]]]]`) would hold a page's thread for seconds in
   * one `JSON.parse` call, so it is refused before it is parsed.
   */
  readonly maxDepth: number;
}

/**
 * The defaults of the format reference: 20 MiB, 20,000 characters, 50,000 commitments, 64 levels.
 */
export const DEFAULT_LIMITS: Limits = {
  maxBytes: 20 * 1024 * 1024,
  maxText: 20_000,
  maxCommitments: 50_000,
  maxDepth: 64,
};
