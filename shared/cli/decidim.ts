/**
 * Imports the results of Decidim's accountability component (its CSV or JSON export) into a
 * feed. Top-level results become commitments; their descendants become milestones. Decidim's
 * statuses become the publisher's StatusDefs, each mapped to a category guessed from the progress
 * of the results that carry it, unless a status map says otherwise.
 *
 * Both layouts Decidim has used are read: the current one (`;`, `title/<locale>`, `parent/id`,
 * `status/key`, `status/name/<locale>`) and the older one (`,`, `title_<locale>`, `parent_id`,
 * `result_id`, `external_id`, day-first dates).
 */
import type {
  Category,
  Commitment,
  Feed,
  Milestone,
  PublisherKind,
  StatusDef,
  Text,
} from '../feed/types.ts';
import { FORMAT } from '../feed/types.ts';
import { IDENTIFIER_RE, isHttpUrl } from '../feed/formats.ts';
import { parsePattern } from '../match/match-pages.ts';
import { readDate, readPercent, type CellResult } from './cells.ts';
import { cellPlace, type CsvTable } from './csv-table.ts';
import { htmlToText } from './html-to-text.ts';
import { coreMessages } from '../i18n/core-messages.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { say } from './lang.ts';

/** What reading a Decidim export says, in each language. */
const messages = defineMessages({
  fr: {
    notArray: 'une liste JSON de résultats Decidim est attendue',
    notId: (id: string) =>
      `«\u00a0${id}\u00a0» ne peut pas servir d’identifiant (de 1 à 64 lettres sans accent, chiffres, «\u00a0.\u00a0», «\u00a0_\u00a0», «\u00a0-\u00a0»)`,
    idUsed: (id: string, where: string) => `l’identifiant ${id} est déjà pris (${where})`,
    noTitle: 'le résultat n’a de titre dans aucune langue',
    endBeforeStart: (end: string, start: string) =>
      `la date de fin ${end} précède la date de début ${start}`,
    notUrl: (text: string) => `«\u00a0${text}\u00a0» n’est pas une adresse http(s) complète`,
    noParent: (parent: string) => `le résultat parent ${parent} est absent de l’export`,
    loop: 'ses parents forment une boucle',
    guessed: (key: string, label: string, category: Category) =>
      `statut ${key} («\u00a0${label}\u00a0») rattaché à ${category} (${coreMessages.fr.category[category]}) d’après l’avancement de ses résultats\u00a0; à corriger avec --statuses si besoin`,
    statusKeys: (keys: string) => `les clés de statut ${keys}`,
    legacyIds: (ids: string) => `les identifiants numériques de statut ${ids}`,
    unusedStatuses: (keys: readonly string[], known: readonly string[]) =>
      `--statuses\u00a0: ${keys.map((key) => `«\u00a0${key}\u00a0»`).join(', ')} ${keys.length === 1 ? 'ne correspond à aucun statut de l’export et n’a pas été utilisé' : 'ne correspondent à aucun statut de l’export et n’ont pas été utilisés'}\u00a0; l’export a ${known.length > 0 ? known.join('\u00a0; ') : 'aucun statut'}`,
    noLangText: (lang: string, langs: string) =>
      `--lang ${lang}\u00a0: l’export n’a aucun texte dans cette langue, seulement dans ces langues\u00a0: ${langs}\u00a0; le flux les liste dans cet ordre`,
    publisherName: (name: string) =>
      `éditeur nommé par défaut «\u00a0${name}\u00a0»\u00a0: donnez son vrai nom avec --publisher-name`,
  },
  en: {
    notArray: 'expected a JSON array of Decidim results',
    notId: (id: string) =>
      `"${id}" is not usable as an id (1 to 64 letters, digits, ".", "_", "-")`,
    idUsed: (id: string, where: string) => `id ${id} is already used by ${where}`,
    noTitle: 'the result has no title in any language',
    endBeforeStart: (end: string, start: string) =>
      `end date ${end} is before the start date ${start}`,
    notUrl: (text: string) => `"${text}" is not an absolute http(s) URL`,
    noParent: (parent: string) => `parent ${parent} is not in the export`,
    loop: 'its parents form a loop',
    guessed: (key: string, label: string, category: Category) =>
      `status ${key} ("${label}") mapped to ${category} from its results' progress; override with --statuses`,
    statusKeys: (keys: string) => `status keys: ${keys}`,
    legacyIds: (ids: string) => `numeric status ids: ${ids}`,
    unusedStatuses: (keys: readonly string[], known: readonly string[]) =>
      `--statuses: ${keys.map((key) => `"${key}"`).join(', ')} ${keys.length === 1 ? 'matches' : 'match'} no status of the export, so ${keys.length === 1 ? 'it was' : 'they were'} not used; the export has ${known.length > 0 ? known.join('; ') : 'no statuses'}`,
    noLangText: (lang: string, langs: string) =>
      `--lang ${lang}: the export has no text in it, only in these languages: ${langs}; the feed lists them in that order`,
    publisherName: (name: string) =>
      `publisher name set to "${name}": give the real one with --publisher-name`,
  },
});

/** One Decidim result, flattened to `/`-joined keys, with where it came from. */
export interface DecidimRecord {
  readonly fields: ReadonlyMap<string, string>;
  /** `row 3` for CSV, `[2]` for JSON. */
  readonly where: string;
  /** Finds the location of one field, for error messages. */
  readonly locate: (key: string) => string;
}

/** A problem with one result, located by row and column (CSV) or index and key (JSON). */
export interface DecidimIssue {
  readonly where: string;
  readonly message: string;
}

/** Rows of a Decidim CSV export as records. */
export function decidimRecordsFromCsv(table: CsvTable): DecidimRecord[] {
  return table.rows.map((row) => {
    const fields = new Map<string, string>();
    table.header.forEach((header, index) => fields.set(header, (row.values[index] ?? '').trim()));
    return {
      fields,
      where: cellPlace(row.row),
      locate: (key) => {
        const index = table.header.indexOf(key);
        return index === -1 ? cellPlace(row.row) : cellPlace(row.row, index, key);
      },
    };
  });
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    out.set(
      prefix,
      value
        .map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item)))
        .join(' '),
    );
    return;
  }
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix ? `${prefix}/${key}` : key, out);
    return;
  }
  out.set(prefix, String(value).trim());
}

/** Results of a Decidim JSON export (an array of nested objects) as records. */
export function decidimRecordsFromJson(value: unknown): DecidimRecord[] | DecidimIssue {
  const list = Array.isArray(value) ? value : undefined;
  if (!list) return { where: '$', message: say(messages).notArray };
  return list.map((item, index) => {
    const fields = new Map<string, string>();
    flatten(item, '', fields);
    return {
      fields,
      where: `[${index}]`,
      locate: (key) => `[${index}].${key.replaceAll('/', '.')}`,
    };
  });
}

/** What the importer needs besides the results. */
export interface DecidimOptions {
  readonly publisherName?: string;
  readonly kind: PublisherKind;
  readonly publisherUrl?: string;
  /**
   * Overrides of the guessed status mapping, by Decidim status key, or, for an older export that
   * has only numeric status ids (`decidim_accountability_status_id`), by that id (`"1"`).
   */
  readonly statuses?: ReadonlyMap<string, Partial<StatusDef> & { category: Category }>;
  /** The language to prefer first in the feed's `languages`. */
  readonly lang?: string;
  /** The publisher comes from a feed given with `--base`: no note about its guessed name. */
  readonly keepsPublisher?: boolean;
  /** RFC 3339 date-time for `updated`. */
  readonly updated: string;
}

/** The outcome of a Decidim import. */
export type DecidimResult =
  { ok: true; feed: Feed; notes: string[] } | { ok: false; errors: DecidimIssue[] };

/** Category from a progress percentage: 0 not started, < 50 limited, < 100 substantial, 100 complete. */
export function categoryFromProgress(progress: number | undefined): Category {
  if (progress === undefined) return 'unknown';
  if (progress <= 0) return 'not-started';
  if (progress < 50) return 'limited';
  if (progress < 100) return 'substantial';
  return 'complete';
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const LOCALE_KEY = /^([a-z]+)[/_]([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)$/;

/** `title/en`, `title_en` → {en: …}; HTML descriptions are turned into plain text. */
function localized(
  record: DecidimRecord,
  field: string,
  html: boolean,
  locales: string[],
): Text | undefined {
  const out: Record<string, string> = {};
  for (const [key, value] of record.fields) {
    const match = LOCALE_KEY.exec(key);
    if (!match || match[1] !== field || value === '') continue;
    const lang = match[2] ?? '';
    const text = html ? htmlToText(value) : value.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    out[lang] = text;
    if (!locales.includes(lang)) locales.push(lang);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function first(
  record: DecidimRecord,
  keys: readonly string[],
): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = record.fields.get(key);
    if (value !== undefined && value !== '') return { key, value };
  }
  return undefined;
}

interface Parsed {
  readonly record: DecidimRecord;
  readonly id: string;
  readonly externalId?: string;
  readonly parentId?: { key: string; value: string };
  readonly parentExternalId?: string;
  readonly title?: Text;
  readonly description?: Text;
  readonly start?: string;
  readonly end?: string;
  readonly progress?: number;
  readonly statusKey?: string;
  readonly statusName?: Text;
  readonly legacyStatusId?: string;
  readonly url?: string;
  readonly theme?: string;
  readonly updatedAt?: string;
}

/**
 * Builds a feed from Decidim results. Every result with no title, an impossible date, a progress
 * outside 0-100, a duplicate id or an unknown parent is an error naming its row and column.
 */
export function importDecidim(
  records: readonly DecidimRecord[],
  options: DecidimOptions,
): DecidimResult {
  const errors: DecidimIssue[] = [];
  const notes: string[] = [];
  const locales: string[] = [];
  const parsed: Parsed[] = [];
  const seenIds = new Map<string, string>();

  const cell = <T>(
    record: DecidimRecord,
    key: string,
    read: (text: string) => CellResult<T>,
  ): T | undefined => {
    const value = record.fields.get(key);
    if (value === undefined || value === '') return undefined;
    const result = read(value);
    if (!result.ok) {
      errors.push({ where: record.locate(key), message: result.message });
      return undefined;
    }
    return result.value;
  };

  records.forEach((record, index) => {
    const idField = first(record, ['id', 'result_id', 'external_id']);
    let id = idField?.value ?? `result-${index + 1}`;
    if (idField && !IDENTIFIER_RE.test(id)) {
      errors.push({
        where: record.locate(idField.key),
        message: say(messages).notId(id),
      });
      id = `result-${index + 1}`;
    }
    const previous = seenIds.get(id);
    if (previous !== undefined) {
      errors.push({
        where: record.locate(idField?.key ?? 'id'),
        message: say(messages).idUsed(id, previous),
      });
      return;
    }
    seenIds.set(id, record.where);
    const title = localized(record, 'title', false, locales);
    if (title === undefined) {
      errors.push({ where: record.where, message: say(messages).noTitle });
    }
    const start = cell(record, 'start_date', readDate);
    const end = cell(record, 'end_date', readDate);
    if (start !== undefined && end !== undefined && end < start) {
      errors.push({
        where: record.locate('end_date'),
        message: say(messages).endBeforeStart(end, start),
      });
    }
    const url = cell(record, 'url', (text) =>
      isHttpUrl(text)
        ? { ok: true, value: text }
        : { ok: false, message: say(messages).notUrl(text) },
    );
    const legacyStatusId =
      (record.fields.get('status/key') || undefined) === undefined
        ? first(record, ['decidim_accountability_status_id', 'status/id'])?.value
        : undefined;
    // An older export names no status key, only a numeric id: the status map can name it.
    const statusKey =
      record.fields.get('status/key') ||
      (legacyStatusId !== undefined && options.statuses?.has(legacyStatusId)
        ? legacyStatusId
        : undefined);
    const externalId = record.fields.get('external_id') || undefined;
    const parentExternalId = record.fields.get('parent_external_id') || undefined;
    const updatedAt = first(record, ['updated_at', 'created_at'])?.value.slice(0, 10);
    // The category's name, in the preferred language when the export has it.
    const themes = [...record.fields].filter(
      ([key, value]) => /^(category\/name|taxonomies\/name)\//.test(key) && value !== '',
    );
    const theme =
      themes.find(([key]) => options.lang !== undefined && key.endsWith(`/${options.lang}`)) ??
      themes[0];
    parsed.push({
      record,
      id,
      ...(externalId ? { externalId } : {}),
      ...(first(record, ['parent/id', 'parent_id'])
        ? { parentId: first(record, ['parent/id', 'parent_id']) }
        : {}),
      ...(parentExternalId ? { parentExternalId } : {}),
      ...(title ? { title } : {}),
      ...withValue('description', localized(record, 'description', true, locales)),
      ...withValue('start', start),
      ...withValue('end', end),
      ...withValue('progress', cell(record, 'progress', readPercent)),
      ...withValue('statusKey', statusKey),
      ...withValue('statusName', statusKey ? statusNames(record) : undefined),
      ...withValue('legacyStatusId', legacyStatusId),
      ...withValue('url', url),
      ...withValue('theme', theme?.[1]),
      ...withValue(
        'updatedAt',
        updatedAt && /^\d{4}-\d{2}-\d{2}$/.test(updatedAt) ? updatedAt : undefined,
      ),
    });
  });

  // Parents: by Decidim id, or by external id in the older layout.
  const byId = new Map(parsed.map((result) => [result.id, result]));
  const byExternal = new Map(
    parsed.filter((r) => r.externalId).map((result) => [result.externalId ?? '', result]),
  );
  const parentOf = new Map<Parsed, Parsed>();
  for (const result of parsed) {
    let parent: Parsed | undefined;
    if (result.parentId) {
      parent = byId.get(result.parentId.value);
      if (!parent)
        errors.push({
          where: result.record.locate(result.parentId.key),
          message: say(messages).noParent(result.parentId.value),
        });
    } else if (result.parentExternalId) {
      parent = byExternal.get(result.parentExternalId);
      if (!parent)
        errors.push({
          where: result.record.locate('parent_external_id'),
          message: say(messages).noParent(result.parentExternalId),
        });
    }
    if (parent) parentOf.set(result, parent);
  }
  const rootOf = (result: Parsed): Parsed | undefined => {
    const seen = new Set<Parsed>([result]);
    let current = result;
    for (let parent = parentOf.get(current); parent; parent = parentOf.get(current)) {
      if (seen.has(parent)) return undefined;
      seen.add(parent);
      current = parent;
    }
    return current;
  };
  for (const result of parsed) {
    if (parentOf.has(result) && rootOf(result) === undefined) {
      errors.push({ where: result.record.where, message: say(messages).loop });
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  // Statuses: one StatusDef per Decidim status key.
  const statusDefs: StatusDef[] = [];
  const keys = [
    ...new Set(parsed.map((result) => result.statusKey).filter((key) => key !== undefined)),
  ];
  for (const key of keys) {
    const carriers = parsed.filter((result) => result.statusKey === key);
    const override = options.statuses?.get(key);
    const guess = categoryFromProgress(
      median(
        carriers.flatMap((result) => (result.progress === undefined ? [] : [result.progress])),
      ),
    );
    const legacy = carriers.every((result) => result.legacyStatusId === key);
    const label =
      override?.label ??
      carriers.find((result) => result.statusName)?.statusName ??
      (legacy ? `Decidim status ${key}` : key);
    statusDefs.push({
      key: IDENTIFIER_RE.test(key) ? key : key.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64),
      label,
      category: override?.category ?? guess,
      ...(override?.progress !== undefined ? { progress: override.progress } : {}),
    });
    if (!override)
      notes.push(
        say(messages).guessed(
          key,
          typeof label === 'string' ? label : (Object.values(label)[0] ?? ''),
          guess,
        ),
      );
  }
  const statusKeyOf = (key: string): string => statusDefs[keys.indexOf(key)]?.key ?? key;
  const unused = [...(options.statuses?.keys() ?? [])].filter((key) => !keys.includes(key));
  if (unused.length > 0) {
    const legacyIds = [
      ...new Set(
        parsed.flatMap((result) => (result.legacyStatusId ? [result.legacyStatusId] : [])),
      ),
    ];
    const known = [
      keys.length > 0 ? say(messages).statusKeys(keys.join(', ')) : '',
      legacyIds.length > 0 ? say(messages).legacyIds(legacyIds.join(', ')) : '',
    ].filter((text) => text !== '');
    notes.push(say(messages).unusedStatuses(unused, known));
  }

  const milestonesOf = new Map<Parsed, Milestone[]>();
  for (const result of parsed) {
    const root = parentOf.has(result) ? rootOf(result) : undefined;
    if (!root) continue;
    const done = (result.progress ?? 0) >= 100 ? (result.end ?? result.updatedAt) : undefined;
    const milestone: Milestone = {
      id: result.id,
      title: result.title ?? result.id,
      ...withValue('due', result.end),
      ...withValue('done', done),
    };
    milestonesOf.set(root, [...(milestonesOf.get(root) ?? []), milestone]);
  }

  const commitments: Commitment[] = parsed
    .filter((result) => !parentOf.has(result))
    .map((result) => {
      const refs: Record<string, string> = { decidimId: result.id };
      if (result.url) refs.decidim = result.url;
      if (result.legacyStatusId) refs.decidimStatus = result.legacyStatusId;
      const page = result.url ? pagePattern(result.url) : undefined;
      const milestones = milestonesOf.get(result);
      return {
        id: result.id,
        title: result.title ?? result.id,
        ...withValue('description', result.description),
        ...withValue('themes', result.theme ? [result.theme] : undefined),
        status: result.statusKey
          ? statusKeyOf(result.statusKey)
          : categoryFromProgress(result.progress),
        ...withValue('progress', result.progress),
        ...withValue('start', result.start),
        ...withValue('due', result.end),
        ...withValue('url', result.url),
        ...withValue('pages', page ? [page] : undefined),
        refs,
        ...withValue('milestones', milestones),
      };
    });

  const languages = [...locales];
  if (options.lang && languages.includes(options.lang)) {
    languages.splice(languages.indexOf(options.lang), 1);
    languages.unshift(options.lang);
  } else if (options.lang && languages.length > 0) {
    notes.push(say(messages).noLangText(options.lang, languages.join(', ')));
  }
  const firstUrl = parsed.find((result) => result.url)?.url;
  let publisherName = options.publisherName;
  if (!publisherName) {
    publisherName = firstUrl ? new URL(firstUrl).host : 'Decidim';
    if (!options.keepsPublisher) notes.push(say(messages).publisherName(publisherName));
  }
  const feed: Feed = {
    format: FORMAT,
    publisher: {
      name: publisherName,
      kind: options.kind,
      ...withValue('url', options.publisherUrl),
    },
    updated: options.updated,
    ...(languages.length > 0 ? { languages } : {}),
    ...(statusDefs.length > 0 ? { statuses: statusDefs } : {}),
    commitments,
  };
  return { ok: true, feed, notes };
}

/** A status's name from the `status/name/<locale>` columns. */
function statusNames(record: DecidimRecord): Text | undefined {
  const out: Record<string, string> = {};
  for (const [key, value] of record.fields) {
    const match = /^status\/name\/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)$/.exec(key);
    if (match?.[1] && value !== '') out[match[1]] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A match pattern for a result's page (match patterns carry no port), if one can be made. */
function pagePattern(url: string): string | undefined {
  const parsed = new URL(url);
  const pattern = `${parsed.protocol}//${parsed.hostname}${parsed.pathname}*`;
  return parsePattern(pattern) ? pattern : undefined;
}

function withValue<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
