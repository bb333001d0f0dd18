/**
 * What `validate` adds to strict parsing: a hint for each error, and warnings about a feed that is
 * valid but probably out of date (a passed due date with little done, `updated` older than the
 * newest entry, a newest update whose status or progress the commitment does not show, a progress
 * its status contradicts, an unanswered interpellation past the promised delay), or that names
 * pages the extension ignores (every site, or every site under a public suffix).
 */
import {
  CATEGORIES,
  type Feed,
  type FeedIssue,
  type StatusDef,
  type Update,
} from '../feed/types.ts';
import { parsePattern } from '../match/match-pages.ts';
import { isPublicSuffix } from '../match/public-suffix.ts';
import { computeProgress } from '../status/compute-progress.ts';
import { daysOverdue } from '../status/late.ts';
import { resolveStatus } from '../status/resolve-status.ts';
import { readDate, readPercent, readPositive, statusReader } from './cells.ts';
import { plural } from './output.ts';

const DATE_FIELDS = new Set(['start', 'due', 'done', 'date']);
const URL_FIELDS = new Set(['url', 'logo', 'rules', 'evidence']);

/** The last key of a path such as `commitments[3].milestones[0].due` (`due`), without indexes. */
function lastKey(path: string): string {
  const keys = path.replace(/\[\d+\]/g, '').split('.');
  return keys[keys.length - 1] ?? '';
}

/** The value an error message quotes as found (`got "31/12/2027"`, `unknown status "Limité"`). */
function quotedValue(message: string): string | undefined {
  return /(?:got|unknown status) "([^"]*)"/.exec(message)?.[1];
}

/**
 * What to write in the feed for a value the spreadsheet importer would have read, such as a
 * category's French name (`Limité`) or a French date (`31/12/2027`): a feed holds only the codes.
 */
function feedSpelling(
  key: string,
  value: string | undefined,
  statuses: readonly StatusDef[] = [],
): string | undefined {
  if (value === undefined) return undefined;
  if (key === 'status' || key === 'category') {
    const read = statusReader(key === 'status' ? statuses : [])(value);
    return read.ok && read.value !== value ? read.value : undefined;
  }
  if (key === 'progress' || key === 'weight') {
    // "45 %" or "12,5" as a spreadsheet writes them: a feed holds the number itself.
    const read = key === 'progress' ? readPercent(value) : readPositive(value);
    return read.ok ? String(read.value) : undefined;
  }
  const read = readDate(value);
  return read.ok && read.value !== value ? read.value : undefined;
}

/** The feed's own status definitions, as far as they can be read from its JSON value `raw`. */
export function rawStatuses(raw: unknown): StatusDef[] {
  const statuses =
    typeof raw === 'object' && raw !== null ? (raw as { statuses?: unknown }).statuses : undefined;
  if (!Array.isArray(statuses)) return [];
  return statuses.flatMap((definition: unknown) => {
    if (typeof definition !== 'object' || definition === null) return [];
    const { key, label } = definition as { key?: unknown; label?: unknown };
    if (typeof key !== 'string') return [];
    const texts =
      typeof label === 'string'
        ? label
        : typeof label === 'object' && label !== null
          ? Object.fromEntries(
              Object.entries(label).filter(
                (entry): entry is [string, string] => typeof entry[1] === 'string',
              ),
            )
          : key;
    return [{ key, label: texts, category: 'unknown' as const }];
  });
}

/**
 * A short hint on how to fix an error, from where it is; undefined when the message says it all.
 * `brokenStatuses` are the publisher's status definitions that have errors themselves (see
 * `brokenStatusDefinitions`): a commitment using one of those reads as having an unknown status.
 */
export function hintFor(
  issue: FeedIssue,
  brokenStatuses: readonly BrokenStatus[] = [],
  statuses: readonly StatusDef[] = [],
): string | undefined {
  const key = lastKey(issue.path);
  const parent = issue.path.replace(/\[\d+\]/g, '');
  if (issue.path === '$' && /Unexpected token '<'/.test(issue.message))
    return 'This is HTML, not a feed: check the address or the file (a server may answer a missing file with a web page).';
  if (issue.path === '$' && /not valid UTF-8/.test(issue.message))
    return 'Save the file as UTF-8: it was saved in another encoding, such as Windows-1252 ("ANSI" in Notepad).';
  if (issue.path === '$' && /Unexpected token '[«»“”„‘’]'/.test(issue.message))
    return 'Put texts between straight quotes "…": a word processor turns them into « » or “ ”, which JSON does not read.';
  if (issue.path === '$') return 'The file must be one JSON object, UTF-8 encoded.';
  const single = /^expected an array\b.*, got ("(?:[^"\\]|\\.)*")$/.exec(issue.message)?.[1];
  if (single !== undefined) return `A list, even of one value: [${single}].`;
  if (key === 'format') return 'Start the feed with "format": "open-commitments/1".';
  const day = key === 'updated' ? /got "(\d{4}-\d{2}-\d{2})"$/.exec(issue.message)?.[1] : undefined;
  if (day !== undefined) return `Add the time and its offset to the day: "${day}T00:00:00Z".`;
  if (key === 'updated')
    return 'Write when you last changed the feed as an RFC 3339 date-time, e.g. "2026-11-30T09:00:00Z".';
  const interpellation = key === 'status' && parent.includes('interpellations');
  const spelling = interpellation
    ? undefined
    : feedSpelling(key, quotedValue(issue.message), statuses);
  if (DATE_FIELDS.has(key))
    return spelling === undefined
      ? 'Write dates as YYYY-MM-DD, and only days that exist (2023-02-30 does not).'
      : `Write dates as YYYY-MM-DD in a feed: "${spelling}".`;
  if ((key === 'progress' || key === 'weight') && spelling !== undefined)
    return `Write the number itself in a feed, without quotes or %: ${spelling}.`;
  if (spelling !== undefined && !(CATEGORIES as readonly string[]).includes(spelling))
    return `Write the key of your status in a feed: "${spelling}" (its label is read only from a spreadsheet).`;
  if (spelling !== undefined)
    return `Write the category's code in a feed: "${spelling}" (its French or English name is read only from a spreadsheet).`;
  if (interpellation) return 'An interpellation is open, answered, declined or inadmissible.';
  const unknown = /^unknown status "([^"]*)"/.exec(issue.message)?.[1];
  // The broken definitions this status may be: those with this key, or with no key to read.
  const broken = brokenStatuses
    .filter((definition) => definition.key === undefined || definition.key === unknown)
    .map((definition) => definition.path);
  if (key === 'status' && unknown !== undefined && broken.length > 0)
    return `If it is one of your own statuses, fix its definition first: ${broken.join(', ')} ${broken.length === 1 ? 'has an error' : 'have errors'} above.`;
  if (key === 'status')
    return `Use a category (${CATEGORIES.join(', ')}) or the key of one of your "statuses".`;
  if (key === 'category') return `One of ${CATEGORIES.join(', ')}.`;
  if (key === 'kind')
    return 'One of state, region, department, municipality, intercommunality, university, agency, parliament, other.';
  if (key === 'id' || key === 'key')
    return 'Identifiers are 1 to 64 characters: letters, digits, ".", "_" and "-", unique where they are used.';
  if (key === 'progress') return 'A number from 0 to 100.';
  if (key === 'weight') return 'A number greater than 0 (1 when omitted).';
  if (key === 'pages' || key === 'site' || parent.endsWith('.pages') || parent === 'site')
    return 'Match patterns look like https://www.example.fr/section/* or *://*.example.fr/*; <all_urls> is refused.';
  if (parent.startsWith('interpellation') && key === 'url')
    return 'An absolute https URL; {id}, {title}, {plan} and {page} are the only placeholders.';
  if (key === 'email') return 'An e-mail address such as interpellation@example.fr.';
  if (URL_FIELDS.has(key) || parent.endsWith('evidence'))
    return 'Links must be absolute http:// or https:// URLs.';
  if (key === 'answer') return 'An answered interpellation needs "answer": {"date": …, "text": …}.';
  if (
    [
      'title',
      'name',
      'summary',
      'description',
      'note',
      'question',
      'text',
      'label',
      'lead',
      'by',
    ].includes(key)
  ) {
    return 'Text is a string, or an object of language to string: {"fr": "…", "en": "…"}.';
  }
  if (key === 'commitments') return '"commitments" is a list (it may be empty).';
  return undefined;
}

/** A status definition with an error (`path` such as `statuses[0]`), and its key if it has one. */
export interface BrokenStatus {
  readonly path: string;
  readonly key?: string;
}

/**
 * The publisher's status definitions that `errors` name, with the key each has in `raw` (the
 * feed's JSON value, when it parsed): a commitment whose status is one of those keys reads as
 * unknown until its definition is fixed.
 */
export function brokenStatusDefinitions(
  errors: readonly FeedIssue[],
  raw: unknown,
): BrokenStatus[] {
  const statuses =
    typeof raw === 'object' && raw !== null ? (raw as { statuses?: unknown }).statuses : undefined;
  const indexes = new Set(
    errors.flatMap((issue) => /^statuses\[(\d+)\]/.exec(issue.path)?.[1] ?? []).map(Number),
  );
  return [...indexes].map((index) => {
    const definition: unknown = Array.isArray(statuses) ? statuses[index] : undefined;
    const key =
      typeof definition === 'object' && definition !== null
        ? (definition as { key?: unknown }).key
        : undefined;
    return { path: `statuses[${index}]`, ...(typeof key === 'string' ? { key } : {}) };
  });
}

/** The latest of some dates, or undefined. */
function latest(dates: readonly (string | undefined)[]): string | undefined {
  return dates
    .filter((date): date is string => date !== undefined)
    .sort()
    .at(-1);
}

/** The update with the latest date (the last written of those on that day), or undefined. */
function newestUpdate(updates: readonly Update[]): Update | undefined {
  return updates.reduce<Update | undefined>(
    (newest, update) => (newest === undefined || update.date >= newest.date ? update : newest),
    undefined,
  );
}

/**
 * Why the extension ignores a `site` or `pages` pattern, or matches it on one address only, with
 * what to write instead; undefined for one it uses as it stands. A feed names its publisher's own
 * pages: the extension leaves out a pattern for every site (host `*`) or for every site under a
 * public suffix (`*://*.fr/*`, `https://*.github.io/*`).
 */
function patternProblem(source: string): string | undefined {
  const pattern = parsePattern(source);
  if (pattern === null) return undefined;
  const { scheme, hostKind, host, path } = pattern;
  if (hostKind === 'any') {
    return `"${source}" names every site: the browser extension ignores it; name your own site instead, such as ${scheme}://www.your-site.fr${path}`;
  }
  if (hostKind === 'domain' && isPublicSuffix(host)) {
    return `"${source}" names every site ending in .${host}, which many owners share: the browser extension ignores it; name your own site instead, such as ${scheme}://*.your-site.${host}${path}`;
  }
  // An address copied from the browser: it matches itself only, not with a final "/", a query
  // (?page=2) or the pages under it, which the extension would then show nothing on.
  if (!path.includes('*')) {
    return `"${source}" matches that exact address only, not with a final /, a ?query or the pages under it: end it with * to include them (${source}*)`;
  }
  return undefined;
}

/**
 * Warnings about a valid feed that readers would find misleading or stale, or that the extension
 * would partly ignore, each at its path.
 * `today` is `YYYY-MM-DD`.
 */
export function publisherWarnings(feed: Feed, today: string): FeedIssue[] {
  const warnings: FeedIssue[] = [];
  const updatedDay = feed.updated.slice(0, 10);
  let stale: { id: string; date: string } | undefined;
  (feed.languages ?? []).forEach((lang, l, languages) => {
    if (languages.indexOf(lang) < l)
      warnings.push({ path: `languages[${l}]`, message: `"${lang}" is listed twice` });
  });
  (feed.site ?? []).forEach((source, s) => {
    const message = patternProblem(source);
    if (message !== undefined) warnings.push({ path: `site[${s}]`, message });
  });
  feed.commitments.forEach((commitment, index) => {
    const at = `commitments[${index}]`;
    (commitment.pages ?? []).forEach((source, p) => {
      const message = patternProblem(source);
      if (message !== undefined)
        warnings.push({ path: `${at}.pages[${p}]`, message: `${commitment.id}: ${message}` });
    });
    (commitment.themes ?? []).forEach((theme, t, themes) => {
      if (themes.indexOf(theme) < t) {
        warnings.push({
          path: `${at}.themes[${t}]`,
          message: `${commitment.id}: the theme "${theme}" is listed twice`,
        });
      }
    });
    if (
      commitment.start !== undefined &&
      commitment.due !== undefined &&
      commitment.start > commitment.due
    ) {
      warnings.push({
        path: `${at}.start`,
        message: `${commitment.id}: starts ${commitment.start}, after it is due (${commitment.due}); readers show both: check the two dates`,
      });
    }
    const { category } = resolveStatus(feed, commitment.status);
    if (
      commitment.due !== undefined &&
      commitment.due < today &&
      (category === 'not-started' || category === 'limited')
    ) {
      warnings.push({
        path: `${at}.due`,
        message: `${commitment.id}: due ${commitment.due} has passed and the status is still ${category}: update the status, or move the due date with an update saying why`,
      });
    }
    const progress = computeProgress(feed, commitment);
    if (
      progress !== undefined &&
      ((category === 'complete' && progress < 100) || (category === 'not-started' && progress > 0))
    ) {
      warnings.push({
        path: commitment.progress === undefined ? `${at}.status` : `${at}.progress`,
        message: `${commitment.id}: the status is ${category} and the progress ${Math.round(progress)}%; readers show both: ${category === 'complete' ? 'set the progress to 100' : 'set a status under way, or the progress to 0'}`,
      });
    }
    const newest = latest([
      ...(commitment.updates ?? []).map((update) => update.date),
      ...(commitment.milestones ?? []).map((milestone) => milestone.done),
      ...(commitment.interpellations ?? []).flatMap((item) => [item.date, item.answer?.date]),
    ]);
    if (
      newest !== undefined &&
      newest > updatedDay &&
      (stale === undefined || newest > stale.date)
    ) {
      stale = { id: commitment.id, date: newest };
    }
    const last = newestUpdate(commitment.updates ?? []);
    if (last?.status !== undefined && last.status !== commitment.status) {
      warnings.push({
        path: `${at}.status`,
        message: `${commitment.id}: the newest update (${last.date}) gives the status ${last.status}, the commitment ${commitment.status}; readers show ${commitment.status}: set the commitment's status too`,
      });
    }
    if (
      last?.progress !== undefined &&
      commitment.progress !== undefined &&
      last.progress !== commitment.progress
    ) {
      warnings.push({
        path: `${at}.progress`,
        message: `${commitment.id}: the newest update (${last.date}) gives a progress of ${last.progress}%, the commitment ${commitment.progress}%; readers show ${commitment.progress}%: set the commitment's progress too`,
      });
    }
    (commitment.updates ?? []).forEach((update, u) => {
      if (update.date > today) {
        warnings.push({
          path: `${at}.updates[${u}].date`,
          message: `${commitment.id}: update dated in the future (${update.date})`,
        });
      }
    });
    (commitment.milestones ?? []).forEach((milestone, m) => {
      if (milestone.done !== undefined && milestone.done > today) {
        warnings.push({
          path: `${at}.milestones[${m}].done`,
          message: `${commitment.id}: milestone marked done in the future (${milestone.done})`,
        });
      }
    });
    (commitment.interpellations ?? []).forEach((item, i) => {
      if (item.date > today) {
        warnings.push({
          path: `${at}.interpellations[${i}].date`,
          message: `${commitment.id}: interpellation ${item.id} asked in the future (${item.date})`,
        });
      }
      if (item.answer !== undefined && item.answer.date < item.date) {
        warnings.push({
          path: `${at}.interpellations[${i}].answer.date`,
          message: `${commitment.id}: interpellation ${item.id} answered ${item.answer.date}, before it was asked (${item.date}); readers leave it out of the median time to answer: check the two dates`,
        });
      } else if (item.answer !== undefined && item.answer.date > today) {
        warnings.push({
          path: `${at}.interpellations[${i}].answer.date`,
          message: `${commitment.id}: interpellation ${item.id} answered in the future (${item.answer.date})`,
        });
      }
      const days = daysOverdue(item, feed.interpellation, today);
      if (days > 0) {
        warnings.push({
          path: `${at}.interpellations[${i}]`,
          message: `${commitment.id}: interpellation ${item.id} asked ${item.date} is still open, ${plural(days, 'day')} past the promised ${plural(feed.interpellation?.responseDays ?? 0, 'day')}`,
        });
      }
    });
  });
  if (stale !== undefined) {
    warnings.push({
      path: 'updated',
      message: `"updated" (${feed.updated}) is older than the newest entry (${stale.id}, ${stale.date}): set "updated" whenever you change the feed`,
    });
  }
  if (updatedDay > today) {
    warnings.push({ path: 'updated', message: `"updated" is in the future (${feed.updated})` });
  }
  warnings.push(...garbledTexts(feed));
  return warnings;
}

/**
 * Text decoded with the wrong encoding, as a file passed through a tool that got it wrong leaves
 * it: UTF-8 read as Windows-1252 (`Ã©` for é, `â€™` for ’), control characters of Windows-1252
 * read as ISO-8859-1, or the replacement character of bytes that could not be read.
 */
const GARBLED =
  /Ã[\u0080-\u00bf]|â€[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u2122]|[\u0080-\u009f\ufffd]/;

/** One warning per string of the feed that looks garbled, at its path (ten at most, then a count). */
export function garbledTexts(feed: Feed): FeedIssue[] {
  const found: FeedIssue[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const match = GARBLED.exec(value);
      if (match) {
        // Invisible control characters are shown as their code, \u0092.
        const around = value
          .slice(Math.max(0, match.index - 12), match.index + 14)
          .replace(
            /[\u0080-\u009f]/g,
            (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          );
        found.push({
          path,
          message: `"${around}" looks decoded with the wrong encoding (é shown as Ã©, ’ as â€™): fix the text, or import the sheet again saved as UTF-8`,
        });
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (typeof value === 'object' && value !== null)
      for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
  };
  visit(feed, '');
  if (found.length <= 10) return found;
  return [
    ...found.slice(0, 10),
    { path: '$', message: `${found.length - 10} more texts look decoded with the wrong encoding` },
  ];
}
