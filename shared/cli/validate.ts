/** `open-commitments validate <file|URL>`: the publisher's check before publishing. */
import type { FeedIssue } from '../feed/types.ts';
import { todayString } from '../status/dates.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { plural as pluralIn } from '../i18n/format.ts';
import {
  brokenStatusDefinitions,
  hintFor,
  periodNotes,
  publisherWarnings,
  rawStatuses,
} from './feed-checks.ts';
import { starterLeftovers } from './init.ts';
import { duplicateKeys, htmlInTexts } from './json-scan.ts';
import { EXIT, InputError, isUrl, type CliIo } from './io.ts';
import { issueLabel, issueMessage, worded } from './issue-words.ts';
import { inEnglish, say } from './lang.ts';
import { loadFeed, plural, unreadable } from './output.ts';

/** How many notes `validate` prints before it counts the rest in one line. */
const SHOWN_NOTES = 10;

/** What `validate` writes for a person: its report's lines, and its own hints and warnings. */
const words = defineMessages({
  fr: {
    line: (path: string, message: string) => `${path}\u00a0: ${message}`,
    hint: (hint: string) => `piste\u00a0: ${hint}`,
    server: 'serveur',
    moreNotes: (n: number) =>
      `…\u00a0et ${pluralIn('fr', n, { one: '{n} autre date', other: '{n} autres dates' })} hors de la période du plan (--json les donne toutes)`,
    counts: (errors: number, warnings: number, notes: number) =>
      `${pluralIn('fr', errors, { one: '{n} erreur', other: '{n} erreurs' })}, ${pluralIn('fr', warnings, { one: '{n} avertissement', other: '{n} avertissements' })}${notes > 0 ? `, ${pluralIn('fr', notes, { one: '{n} note', other: '{n} notes' })}` : ''}`,
    valid: (source: string, commitments: number, counts: string) =>
      `${source}\u00a0: valide, ${pluralIn('fr', commitments, { one: '{n} engagement', other: '{n} engagements' })} (${counts})`,
    invalid: (source: string, counts: string) => `${source}\u00a0: invalide (${counts})`,
    unreadable: (source: string, counts: string) => `${source}\u00a0: illisible (${counts})`,
    spreadsheet: 'C’est un tableur, pas un flux\u00a0: import csv en fait un flux (voir le guide).',
    utf16:
      'Ce fichier est en UTF-16, comme l’écrit le «\u00a0>\u00a0» de Windows PowerShell\u00a0: donnez aux commandes --out FICHIER plutôt que «\u00a0> FICHIER\u00a0», ou enregistrez-le en UTF-8.',
    noCors:
      'pas d’en-tête Access-Control-Allow-Origin\u00a0: les navigateurs refusent le flux à un tableau de bord d’un autre site\u00a0; envoyez «\u00a0Access-Control-Allow-Origin: *\u00a0» (docs/guide/publier.md, section 4)',
    noValidator:
      'ni en-tête ETag ni Last-Modified\u00a0: les lecteurs téléchargent tout le flux à chaque rafraîchissement au lieu de recevoir «\u00a0304 Not Modified\u00a0»\u00a0; servez-le comme un fichier statique, ou envoyez un ETag',
  },
  en: {
    line: (path: string, message: string) => `${path}: ${message}`,
    hint: (hint: string) => `hint: ${hint}`,
    server: 'server',
    moreNotes: (n: number) =>
      `… and ${plural(n, 'more date')} outside the plan's period (--json gives them all)`,
    counts: (errors: number, warnings: number, notes: number) =>
      `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notes > 0 ? `, ${plural(notes, 'note')}` : ''}`,
    valid: (source: string, commitments: number, counts: string) =>
      `${source}: valid, ${plural(commitments, 'commitment')} (${counts})`,
    invalid: (source: string, counts: string) => `${source}: invalid (${counts})`,
    unreadable: (source: string, counts: string) => `${source}: unreadable (${counts})`,
    spreadsheet: 'This is a spreadsheet, not a feed: import csv turns it into one (see the guide).',
    utf16:
      'This file is UTF-16, as Windows PowerShell\'s ">" writes it: give the commands --out FILE rather than "> FILE", or save it as UTF-8.',
    noCors:
      'no Access-Control-Allow-Origin header: browsers refuse the feed to a dashboard on another site; send "Access-Control-Allow-Origin: *" (docs/guide/publishing.md, section 4)',
    noValidator:
      'neither ETag nor Last-Modified header: readers download the whole feed at each refresh instead of getting "304 Not Modified"; serve it as a static file, or send an ETag',
  },
});

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
      message: worded(words, (w) => w.noCors),
    });
  }
  if (!headers.has('etag') && !headers.has('last-modified')) {
    issues.push({
      header: 'ETag',
      message: worded(words, (w) => w.noValidator),
    });
  }
  return issues;
}

/**
 * Validates a feed in strict mode and prints every error with its path and a hint, then the
 * warnings, then, for a URL, the headers its server should send and does not. Exit 0 valid
 * (warnings allowed), 1 invalid, 2 could not read or fetch, or not JSON in UTF-8.
 */
export async function validateCommand(
  source: string,
  options: ValidateOptions,
  io: CliIo,
): Promise<number> {
  let result;
  let hosting: HostingIssue[] = [];
  let bytes: Uint8Array | undefined;
  const load = () =>
    loadFeed(
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
  try {
    result = await (options.json ? inEnglish(load) : load());
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (options.json)
      io.stdout(`${JSON.stringify({ source, valid: false, readError: error.message }, null, 2)}\n`);
    else io.stderr(`${issueLabel('error')}${error.message}\n`);
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
  // What parsing hides: a key written twice (the last one wins) and markup in a text.
  const text = unreadable(result) ? undefined : rawText(bytes);
  const json = text === undefined ? undefined : parsed(text);
  const duplicates = json === undefined || text === undefined ? [] : duplicateKeys(text);
  const errors: Reported[] = [
    ...(result.ok ? [] : result.errors).map((issue) => ({
      ...issue,
      ...withHint(
        issue.path === '$' && /\.(csv|tsv)$/i.test(source)
          ? worded(words, (w) => w.spreadsheet)
          : issue.path === '$' && isUtf16(bytes)
            ? worded(words, (w) => w.utf16)
            : hintFor(issue, brokenStatuses, statuses),
      ),
    })),
    ...duplicates,
  ];
  const leftovers = result.ok ? starterLeftovers(result.feed) : [];
  const warnings: FeedIssue[] = [
    ...result.warnings,
    ...(result.ok ? publisherWarnings(result.feed, today) : []),
    ...leftovers,
    ...(json === undefined ? [] : htmlInTexts(json)),
  ];
  // Dates outside init's made-up period say nothing: its own warning asks to replace it.
  const notes: FeedIssue[] =
    result.ok && !leftovers.some((issue) => issue.path === 'plan.period')
      ? periodNotes(result.feed)
      : [];
  const valid = result.ok && errors.length === 0;
  // Not JSON, or not UTF-8: nothing of the feed could be checked, as when the file is missing.
  const failed = unreadable(result) ? EXIT.trouble : EXIT.invalid;

  if (options.json) {
    io.stdout(
      `${JSON.stringify(
        {
          source,
          valid,
          ...(result.ok ? { commitments: result.feed.commitments.length } : {}),
          errors,
          warnings,
          notes,
          ...(isUrl(source) ? { hosting } : {}),
        },
        null,
        2,
      )}\n`,
    );
    return valid ? EXIT.ok : failed;
  }

  // Every line for a person in this run's language; --json above keeps the English for scripts.
  const said = say(words);
  const line = (kind: 'error' | 'warning' | 'note', path: string, message: string): void =>
    io.stdout(`${issueLabel(kind)}${said.line(path, issueMessage(message))}\n`);
  const indent = ' '.repeat(issueLabel('error').length);
  for (const error of errors) {
    line('error', error.path, error.message);
    if (error.hint) io.stdout(`${indent}${said.hint(issueMessage(error.hint))}\n`);
  }
  for (const warning of warnings) line('warning', warning.path, warning.message);
  for (const issue of hosting) line('warning', said.server, issue.message);
  // A period set wrong puts most dates outside it: the first few say so as well as all of them.
  for (const note of notes.slice(0, SHOWN_NOTES)) line('note', note.path, note.message);
  if (notes.length > SHOWN_NOTES) {
    io.stdout(`${issueLabel('note')}${said.moreNotes(notes.length - SHOWN_NOTES)}\n`);
  }
  const counts = said.counts(errors.length, warnings.length + hosting.length, notes.length);
  if (valid && result.ok) {
    io.stdout(`${said.valid(source, result.feed.commitments.length, counts)}\n`);
    return EXIT.ok;
  }
  io.stdout(
    `${failed === EXIT.trouble ? said.unreadable(source, counts) : said.invalid(source, counts)}\n`,
  );
  return failed;
}

/** The feed's JSON value, or undefined when it is not JSON (its errors then say so). */
function rawJson(bytes: Uint8Array | undefined): unknown {
  const text = rawText(bytes);
  return text === undefined ? undefined : parsed(text);
}

/** The feed's text, without its byte-order mark. */
function rawText(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
}

/** A JSON text's value, or undefined when it is not JSON. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
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
