import { FORMAT, type Feed, type ParseOptions, type ParseResult } from './types.ts';

/**
 * Reads an untrusted feed (JSON text, UTF-8 bytes or an already-parsed value) into a normalised
 * `Feed`. Never throws.
 */
export function parseFeed(input: unknown, options: ParseOptions = {}): ParseResult {
  void options;
  try {
    const value: unknown = typeof input === 'string' ? JSON.parse(input) : input;
    if (
      typeof value === 'object' &&
      value !== null &&
      (value as { format?: unknown }).format === FORMAT
    ) {
      return { ok: true, feed: value as Feed, warnings: [] };
    }
    return {
      ok: false,
      errors: [{ path: 'format', message: `expected "${FORMAT}"` }],
      warnings: [],
    };
  } catch {
    return { ok: false, errors: [{ path: '$', message: 'unparseable JSON' }], warnings: [] };
  }
}
