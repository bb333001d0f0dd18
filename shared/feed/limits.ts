/**
 * The limits a reader enforces on an untrusted feed. Past any of them the whole feed is refused with
 * a clear error (tolerant mode included), so the last good copy stays in use.
 */

/** The limits `parseFeed` applies. */
export interface Limits {
  /** Largest document, in bytes of UTF-8 (text and byte input). */
  readonly maxBytes: number;
  /** Longest string anywhere in the feed, in UTF-16 code units. */
  readonly maxText: number;
  /** Most commitments in one feed. */
  readonly maxCommitments: number;
}

/** The defaults of the format reference: 20 MiB, 20,000 characters, 50,000 commitments. */
export const DEFAULT_LIMITS: Limits = {
  maxBytes: 20 * 1024 * 1024,
  maxText: 20_000,
  maxCommitments: 50_000,
};
