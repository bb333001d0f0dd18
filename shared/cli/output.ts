/** Writing a command's result to a file or to standard output, and reading a JSON feed. */
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LIMITS } from '../feed/limits.ts';
import { parseFeed } from '../feed/parse-feed.ts';
import type { ParseMode, ParseResult } from '../feed/types.ts';
import { InputError, readInput, type CliIo } from './io.ts';

/** Writes `text` to `file` (relative to the working directory), or to stdout when no file. */
export async function writeOutput(
  file: string | undefined,
  text: string,
  io: CliIo,
  force = true,
): Promise<void> {
  if (file === undefined || file === '-') {
    io.stdout(text);
    return;
  }
  const target = path.resolve(io.cwd, file);
  if (!force) {
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists) throw new InputError(`${file}: already exists (add --force to replace it)`);
  }
  try {
    await writeFile(target, text);
  } catch (error) {
    throw new InputError(`${file}: could not write (${(error as Error).message})`);
  }
}

/** Serialises a feed as publishers would commit it: two-space indentation, final newline. */
export function feedJson(feed: unknown): string {
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** Reads and parses a feed from a file or URL. Throws `InputError` when it cannot be read. */
export async function loadFeed(
  source: string,
  io: CliIo,
  mode: ParseMode,
  timeoutMs: number,
): Promise<ParseResult> {
  const bytes = await readInput(source, io, { timeoutMs, maxBytes: DEFAULT_LIMITS.maxBytes });
  return parseFeed(bytes, { mode, maxBytes: DEFAULT_LIMITS.maxBytes });
}
