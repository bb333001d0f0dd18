/** `open-commitments validate <file|URL>`: the publisher's check before publishing. */
import type { FeedIssue } from '../feed/types.ts';
import { todayString } from '../status/dates.ts';
import { brokenStatusDefinitions, hintFor, publisherWarnings, rawStatuses } from './feed-checks.ts';
import { starterLeftovers } from './init.ts';
import { EXIT, InputError, isUrl, type CliIo } from './io.ts';
import { loadFeed, plural } from './output.ts';

/** Options of `validate`. */
export interface ValidateOptions {
  readonly json?: boolean;
  readonly timeoutMs: number;
  /** `YYYY-MM-DD` for the date-based warnings; default: today where the command runs. */
  readonly today?: string;
}

interface Reported extends FeedIssue {
  readonly hint?: string;
}

/** A header the server that answered for a feed should send, and what its absence costs. */
export interface HostingIssue {
  readonly header: string;
  readonly message: string;
}

/**
 * What readers miss when a feed's server leaves out the headers the publishing guide asks for:
 * `Access-Control-Allow-Origin` (without it, a browser refuses the feed to a dashboard on another
 * site) and `ETag` or `Last-Modified` (without them, readers cannot ask "has it changed?").
 */
export function hostingIssues(headers: Headers): HostingIssue[] {
  const issues: HostingIssue[] = [];
  if (!headers.has('access-control-allow-origin')) {
    issues.push({
      header: 'Access-Control-Allow-Origin',
      message:
        'no Access-Control-Allow-Origin header: browsers refuse the feed to a dashboard on another site; send "Access-Control-Allow-Origin: *" (docs/guide/publishing.md, section 4)',
    });
  }
  if (!headers.has('etag') && !headers.has('last-modified')) {
    issues.push({
      header: 'ETag',
      message:
        'neither ETag nor Last-Modified header: readers download the whole feed at each refresh instead of getting "304 Not Modified"; serve it as a static file, or send an ETag',
    });
  }
  return issues;
}

/**
 * Validates a feed in strict mode and prints every error with its path and a hint, then the
 * warnings, then, for a URL, the headers its server should send and does not. Exit 0 valid
 * (warnings allowed), 1 invalid, 2 could not read or fetch.
 */
export async function validateCommand(
  source: string,
  options: ValidateOptions,
  io: CliIo,
): Promise<number> {
  let result;
  let hosting: HostingIssue[] = [];
  let bytes: Uint8Array | undefined;
  try {
    result = await loadFeed(
      source,
      io,
      'strict',
      options.timeoutMs,
      (headers) => {
        hosting = hostingIssues(headers);
      },
      (read) => {
        bytes = read;
      },
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (options.json)
      io.stdout(`${JSON.stringify({ source, valid: false, readError: error.message }, null, 2)}\n`);
    else io.stderr(`${error.message}\n`);
    return EXIT.trouble;
  }
  const today = options.today ?? todayString(io.now());
  // The status definitions with errors of their own, which make their commitments' status unknown.
  const brokenStatuses =
    result.ok || !result.errors.some((issue) => issue.path.startsWith('statuses['))
      ? []
      : brokenStatusDefinitions(result.errors, rawJson(bytes));
  // The feed's own statuses, for a hint when a commitment gives one's label instead of its key.
  const statuses = result.ok ? [] : rawStatuses(rawJson(bytes));
  const errors: Reported[] = result.ok
    ? []
    : result.errors.map((issue) => ({
        ...issue,
        ...withHint(
          issue.path === '$' && /\.(csv|tsv)$/i.test(source)
            ? 'This is a spreadsheet, not a feed: import csv turns it into one (see the guide).'
            : issue.path === '$' && isUtf16(bytes)
              ? 'This file is UTF-16, as Windows PowerShell\'s ">" writes it: give the commands --out FILE rather than "> FILE", or save it as UTF-8.'
              : hintFor(issue, brokenStatuses, statuses),
        ),
      }));
  const warnings: FeedIssue[] = [
    ...result.warnings,
    ...(result.ok ? publisherWarnings(result.feed, today) : []),
    ...(result.ok ? starterLeftovers(result.feed) : []),
  ];
  const valid = result.ok && errors.length === 0;

  if (options.json) {
    io.stdout(
      `${JSON.stringify(
        {
          source,
          valid,
          ...(result.ok ? { commitments: result.feed.commitments.length } : {}),
          errors,
          warnings,
          ...(isUrl(source) ? { hosting } : {}),
        },
        null,
        2,
      )}\n`,
    );
    return valid ? EXIT.ok : EXIT.invalid;
  }

  for (const error of errors) {
    io.stdout(`error    ${error.path}: ${error.message}\n`);
    if (error.hint) io.stdout(`         hint: ${error.hint}\n`);
  }
  for (const warning of warnings) io.stdout(`warning  ${warning.path}: ${warning.message}\n`);
  for (const issue of hosting) io.stdout(`warning  server: ${issue.message}\n`);
  const counts = `${plural(errors.length, 'error')}, ${plural(warnings.length + hosting.length, 'warning')}`;
  if (valid && result.ok) {
    io.stdout(
      `${source}: valid, ${plural(result.feed.commitments.length, 'commitment')} (${counts})\n`,
    );
    return EXIT.ok;
  }
  io.stdout(`${source}: invalid (${counts})\n`);
  return EXIT.invalid;
}

/** The feed's JSON value, or undefined when it is not JSON (its errors then say so). */
function rawJson(bytes: Uint8Array | undefined): unknown {
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** Whether bytes are UTF-16: a byte-order mark, or the zero byte of a Latin letter. */
function isUtf16(bytes: Uint8Array | undefined): boolean {
  if (bytes === undefined || bytes.length < 2) return false;
  const [first, second] = bytes;
  return (
    (first === 0xff && second === 0xfe) ||
    (first === 0xfe && second === 0xff) ||
    first === 0 ||
    second === 0
  );
}

function withHint(hint: string | undefined): { hint?: string } {
  return hint === undefined ? {} : { hint };
}
