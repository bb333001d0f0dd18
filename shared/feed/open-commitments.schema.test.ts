/**
 * The JSON Schema and the strict parser must agree on every fixture of test/fixtures/feeds:
 * valid/ passes both; invalid/ fails both, and the parser's errors are all at the one path the
 * fixture targets; parser-only/ holds rules a JSON Schema cannot state (unique ids, status keys
 * that exist, a period that ends after it starts), which pass the schema and fail the parser.
 * Each invalid fixture is also read in tolerant mode: refused for an unusable top level, else
 * kept with a warning at the same path. The same holds for one wrong value at each field of the
 * format in turn (every field of every type, not only those the fixtures break), and for the
 * edges the two might read differently (lengths, leap seconds, the largest whole number).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  EMAIL_RE,
  HTTP_URL_RE,
  IDENTIFIER_RE,
  LANGUAGE_TAG_RE,
  URL_TEMPLATE_RE,
} from './formats.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { parseFeed } from './parse-feed.ts';
import {
  CATEGORIES,
  INTERPELLATION_STATUSES,
  PUBLISHER_KINDS,
  type FeedIssue,
  type ParseResult,
} from './types.ts';
import schema from './open-commitments.schema.json' with { type: 'json' };

interface Expectation {
  /** Where the one broken rule is. */
  readonly path: string;
  /** What a tolerant reader does: refuse the feed, or keep it with a warning at `path`. */
  readonly tolerant: 'refused' | 'kept';
}

const INVALID: Record<string, Expectation> = {
  'format-missing': { path: 'format', tolerant: 'refused' },
  'format-major-2': { path: 'format', tolerant: 'refused' },
  'format-unknown': { path: 'format', tolerant: 'refused' },
  'top-level-not-object': { path: '$', tolerant: 'refused' },
  'publisher-missing': { path: 'publisher', tolerant: 'refused' },
  'publisher-not-object': { path: 'publisher', tolerant: 'refused' },
  'publisher-kind-unknown': { path: 'publisher.kind', tolerant: 'kept' },
  'updated-missing': { path: 'updated', tolerant: 'refused' },
  'updated-without-offset': { path: 'updated', tolerant: 'refused' },
  'commitments-not-array': { path: 'commitments', tolerant: 'refused' },
  'commitment-id-bad-characters': { path: 'commitments[0].id', tolerant: 'kept' },
  'commitment-id-too-long': { path: 'commitments[0].id', tolerant: 'kept' },
  'commitment-title-missing': { path: 'commitments[0].title', tolerant: 'kept' },
  'commitment-status-missing': { path: 'commitments[0].status', tolerant: 'kept' },
  'url-javascript': { path: 'commitments[0].url', tolerant: 'kept' },
  'url-relative': { path: 'commitments[0].url', tolerant: 'kept' },
  'url-with-credentials': { path: 'commitments[0].url', tolerant: 'kept' },
  'url-ftp': { path: 'publisher.url', tolerant: 'kept' },
  'url-data': { path: 'publisher.logo', tolerant: 'kept' },
  'date-impossible': { path: 'commitments[0].due', tolerant: 'kept' },
  'date-not-leap-year': { path: 'commitments[0].start', tolerant: 'kept' },
  'date-wrong-shape': { path: 'commitments[0].due', tolerant: 'kept' },
  'progress-over-100': { path: 'commitments[0].progress', tolerant: 'kept' },
  'progress-not-number': { path: 'commitments[0].progress', tolerant: 'kept' },
  'milestone-weight-zero': { path: 'commitments[0].milestones[0].weight', tolerant: 'kept' },
  'milestone-title-missing': { path: 'commitments[0].milestones[0].title', tolerant: 'kept' },
  'evidence-javascript': { path: 'commitments[0].updates[0].evidence[0]', tolerant: 'kept' },
  'update-date-missing': { path: 'commitments[0].updates[0].date', tolerant: 'kept' },
  'pattern-all-urls': { path: 'site[0]', tolerant: 'kept' },
  'pattern-file-scheme': { path: 'commitments[0].pages[0]', tolerant: 'kept' },
  'pattern-without-path': { path: 'site[0]', tolerant: 'kept' },
  'pattern-wildcard-inside-host': { path: 'site[0]', tolerant: 'kept' },
  'text-language-key-invalid': { path: 'commitments[0].title["fran\u00e7ais"]', tolerant: 'kept' },
  'text-proto-key': { path: 'commitments[0].title.__proto__', tolerant: 'kept' },
  'text-not-string': { path: 'commitments[0].title.fr', tolerant: 'kept' },
  'text-empty-object': { path: 'commitments[0].summary', tolerant: 'kept' },
  'text-too-long': { path: 'commitments[0].description', tolerant: 'refused' },
  'refs-proto-key': { path: 'commitments[0].refs.__proto__', tolerant: 'kept' },
  'refs-decidim-not-url': { path: 'commitments[0].refs.decidim', tolerant: 'kept' },
  'channel-without-url-or-email': { path: 'interpellation', tolerant: 'kept' },
  'channel-template-unknown-placeholder': { path: 'interpellation.url', tolerant: 'kept' },
  'channel-email-invalid': { path: 'interpellation.email', tolerant: 'kept' },
  'channel-response-days-fraction': { path: 'interpellation.responseDays', tolerant: 'kept' },
  'interpellation-answered-without-answer': {
    path: 'commitments[0].interpellations[0].answer',
    tolerant: 'kept',
  },
  'interpellation-status-unknown': {
    path: 'commitments[0].interpellations[0].status',
    tolerant: 'kept',
  },
  'interpellation-supporters-negative': {
    path: 'commitments[0].interpellations[0].supporters',
    tolerant: 'kept',
  },
  'status-definition-key-is-category': { path: 'statuses[0].key', tolerant: 'kept' },
  'status-definition-category-unknown': { path: 'statuses[0].category', tolerant: 'kept' },
  'language-tag-invalid': { path: 'languages[0]', tolerant: 'kept' },
  'optional-field-null': { path: 'commitments[0].due', tolerant: 'kept' },
  'theme-empty-string': { path: 'commitments[0].themes[0]', tolerant: 'kept' },
};

const PARSER_ONLY: Record<string, Expectation> = {
  'commitment-id-duplicate': { path: 'commitments[1].id', tolerant: 'kept' },
  'status-key-unknown': { path: 'commitments[0].status', tolerant: 'kept' },
  'update-status-unknown': { path: 'commitments[0].updates[0].status', tolerant: 'kept' },
  'status-definition-key-duplicate': { path: 'statuses[1].key', tolerant: 'kept' },
  'milestone-id-duplicate': { path: 'commitments[0].milestones[1].id', tolerant: 'kept' },
  'interpellation-id-duplicate': { path: 'commitments[0].interpellations[1].id', tolerant: 'kept' },
  'plan-period-reversed': { path: 'plan.period.end', tolerant: 'kept' },
};

/** One wrong value at a field of valid/every-field.json; `undefined` leaves the field out. */
interface FieldCase {
  /** Where the one error is. */
  readonly path: string;
  readonly value: unknown;
  /** Where the value goes, when not at `path` (a whole object, or a key that is wrong). */
  readonly set?: string;
  /** What a tolerant reader does; `kept` unless said. */
  readonly tolerant?: 'refused';
  /** The strict errors' paths, when the error refuses an object around `path` too. */
  readonly errors?: readonly string[];
}

const C = 'commitments[0]';
const OTHER_SCHEME = 'vbscript:msgbox(1)';
/** A status of the feed's own that nothing uses, so that breaking it breaks nothing else. */
const unused = (def: Record<string, unknown>): Record<string, unknown> => ({
  key: 'inutilise',
  label: 'Inutilisé',
  category: 'limited',
  ...def,
});

const FIELDS: readonly FieldCase[] = [
  // URL: every field, with a scheme other than http(s).
  ...[
    'publisher.url',
    'publisher.logo',
    'plan.url',
    'interpellation.rules',
    `${C}.url`,
    `${C}.refs.decidim`,
    `${C}.updates[0].evidence[0]`,
    `${C}.interpellations[0].answer.url`,
  ].map((path) => ({ path, value: OTHER_SCHEME })),
  { path: 'interpellation.url', value: `${OTHER_SCHEME}/{id}` },
  { path: 'interpellation.email', value: 'mairie@' },
  // Date: every field, with a day that does not exist.
  ...[
    'plan.period.start',
    'plan.period.end',
    `${C}.start`,
    `${C}.due`,
    `${C}.milestones[0].due`,
    `${C}.milestones[0].done`,
    `${C}.updates[0].date`,
    `${C}.interpellations[0].date`,
    `${C}.interpellations[0].answer.date`,
  ].map((path) => ({ path, value: '2023-02-29' })),
  { path: 'updated', value: '2026-11-30T09:00:60Z', tolerant: 'refused' },
  // An hour or minute out of range, which a leap second's offset once let through.
  { path: 'updated', value: '2026-11-30T24:00:00+00:01', tolerant: 'refused' },
  { path: 'updated', value: '2026-11-30T23:60:00+00:01', tolerant: 'refused' },
  { path: 'updated', value: '2026-11-30T09:00:00+24:00', tolerant: 'refused' },
  { path: 'updated', value: `2026-11-30T09:00:00.${'0'.repeat(20_000)}Z`, tolerant: 'refused' },
  // Text: every field, with a number.
  ...[
    'plan.title',
    `${C}.title`,
    `${C}.summary`,
    `${C}.description`,
    `${C}.lead`,
    `${C}.partners[0]`,
    `${C}.milestones[0].title`,
    `${C}.updates[0].note`,
    `${C}.interpellations[0].question`,
    `${C}.interpellations[0].answer.text`,
    `${C}.interpellations[0].answer.by`,
  ].map((path) => ({ path, value: 42 })),
  {
    path: 'publisher.name',
    value: 42,
    tolerant: 'refused',
    errors: ['publisher.name', 'publisher'],
  },
  { path: 'statuses[2].label', set: 'statuses[2]', value: unused({ label: 42 }) },
  // Identifier: every field, with a space.
  ...['plan.id', `${C}.id`, `${C}.milestones[0].id`, `${C}.interpellations[0].id`].map((path) => ({
    path,
    value: 'a b',
  })),
  { path: 'statuses[2].key', set: 'statuses[2]', value: unused({ key: 'a b' }) },
  { path: `${C}.refs["a b"]`, set: `${C}.refs`, value: { 'a b': 'x' } },
  { path: `${C}.id`, value: 'x'.repeat(65) },
  // Numbers.
  ...['statuses[0].progress', `${C}.progress`, `${C}.updates[0].progress`].map((path) => ({
    path,
    value: 100.5,
  })),
  { path: `${C}.progress`, value: -1 },
  ...['interpellation.responseDays', 'interpellation.threshold'].map((path) => ({
    path,
    value: 2.5,
  })),
  { path: 'interpellation.threshold', value: -1 },
  { path: `${C}.interpellations[0].supporters`, value: Number.MAX_SAFE_INTEGER + 1 },
  { path: `${C}.milestones[1].weight`, value: -1 },
  // Patterns, language tags, non-empty strings.
  { path: 'site[1]', value: 'https://*.*/' },
  { path: `${C}.pages[0]`, value: 'https://www.ville.example' },
  { path: 'languages[1]', value: 'english' },
  { path: 'languages[1]', value: `en${'-abc'.repeat(5_000)}`, tolerant: 'refused' },
  ...['publisher.id', `${C}.themes[0]`, `${C}.refs.ogp`].map((path) => ({ path, value: '' })),
  { path: '$schema', value: 5 },
  // Lists of values.
  { path: 'publisher.kind', value: 'commune' },
  { path: 'statuses[2].category', set: 'statuses[2]', value: unused({ category: 'fait' }) },
  { path: `${C}.interpellations[1].status`, value: 'closed' },
  { path: 'format', value: 'open-commitments/1.1' },
  // Required fields left out.
  ...[
    'publisher.kind',
    'plan.period.end',
    `${C}.title`,
    `${C}.milestones[0].title`,
    `${C}.updates[0].date`,
    `${C}.interpellations[1].id`,
    `${C}.interpellations[1].date`,
    `${C}.interpellations[1].question`,
    `${C}.interpellations[1].status`,
    `${C}.interpellations[0].answer.date`,
    `${C}.interpellations[0].answer.text`,
  ].map((path) => ({ path, value: undefined })),
  ...['key', 'label', 'category'].map((field) => ({
    path: `statuses[2].${field}`,
    set: 'statuses[2]',
    value: unused({ [field]: undefined }),
  })),
  // Arrays and objects of the wrong type.
  ...[
    'languages',
    'site',
    `${C}.themes`,
    `${C}.partners`,
    `${C}.pages`,
    `${C}.milestones`,
    `${C}.updates`,
    `${C}.updates[0].evidence`,
    `${C}.interpellations`,
  ].map((path) => ({ path, value: 'x' })),
  {
    path: 'statuses',
    value: 'x',
    // Without the feed's statuses, the statuses that use them are unknown too.
    errors: ['statuses', `${C}.status`, `${C}.updates[0].status`, 'commitments[1].status'],
  },
  ...['plan', 'plan.period', 'interpellation', `${C}.refs`, `${C}.interpellations[0].answer`].map(
    (path) => ({ path, value: ['x'] }),
  ),
];

/** Every field keeps its value at its edge: both read these as valid. */
const EDGES: readonly Omit<FieldCase, 'path'>[] = [
  { set: 'updated', value: '2016-12-31T23:59:60Z' },
  { set: 'updated', value: '2017-01-01T00:59:60+01:00' },
  { set: 'interpellation.threshold', value: Number.MAX_SAFE_INTEGER },
  { set: `${C}.id`, value: 'x'.repeat(64) },
  { set: `${C}.description`, value: 'x'.repeat(20_000) },
  { set: `${C}.progress`, value: 0 },
  { set: `${C}.updates[0].progress`, value: 100 },
  { set: `${C}.milestones[0].weight`, value: 0.001 },
  { set: 'plan.period.end', value: '2026-01-01' },
  { set: '$schema', value: 'https://www.ville.example/open-commitments.schema.json' },
];

/** A value as a test's name shows it: short, whatever its length. */
function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? 'left out';
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}

/** Sets (or, for `undefined`, removes) the value at a path such as `a[0].b` in a JSON value. */
function setAt(root: unknown, path: string, value: unknown): void {
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1) ?? '';
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function everyFieldWith({ path, set, value }: Omit<FieldCase, 'path'> & { path?: string }): string {
  const base: unknown = JSON.parse(load('valid', 'every-field'));
  setAt(base, set ?? path ?? '', value);
  return JSON.stringify(base);
}

const root = new URL('../../test/fixtures/feeds/', import.meta.url);

function fixtures(folder: string): string[] {
  return readdirSync(new URL(folder, root))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

function load(folder: string, name: string): string {
  return readFileSync(new URL(`${folder}/${name}.json`, root), 'utf8');
}

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function errors(result: ParseResult): readonly FeedIssue[] {
  return result.ok ? [] : result.errors;
}

function schemaAccepts(text: string): boolean {
  return validate(JSON.parse(text)) === true;
}

describe('JSON Schema and strict parser agree', () => {
  it('has enough fixtures, each with an expectation', () => {
    expect(fixtures('valid').length).toBeGreaterThanOrEqual(8);
    expect(fixtures('invalid').length).toBeGreaterThanOrEqual(25);
    expect(fixtures('invalid')).toEqual(Object.keys(INVALID).sort());
    expect(fixtures('parser-only')).toEqual(Object.keys(PARSER_ONLY).sort());
  });

  it.each(fixtures('valid'))('valid/%s passes both', (name) => {
    const text = load('valid', name);
    expect(schemaAccepts(text), JSON.stringify(validate.errors)).toBe(true);
    const result = parseFeed(text, { mode: 'strict' });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(fixtures('invalid'))('invalid/%s fails both at its one path', (name) => {
    const text = load('invalid', name);
    const { path, tolerant } = INVALID[name] ?? { path: '?', tolerant: 'kept' };
    expect(schemaAccepts(text)).toBe(false);
    const strict = parseFeed(text, { mode: 'strict' });
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect([...new Set(strict.errors.map((issue) => issue.path))]).toEqual([path]);
    const lenient = parseFeed(text);
    if (tolerant === 'refused') {
      expect(lenient.ok).toBe(false);
      if (!lenient.ok) expect(lenient.errors.map((issue) => issue.path)).toContain(path);
    } else {
      expect(lenient.ok).toBe(true);
      expect(lenient.warnings.map((issue) => issue.path)).toContain(path);
    }
  });

  it.each(fixtures('parser-only'))('parser-only/%s passes the schema, fails the parser', (name) => {
    const text = load('parser-only', name);
    const { path, tolerant } = PARSER_ONLY[name] ?? { path: '?', tolerant: 'kept' };
    expect(schemaAccepts(text)).toBe(true);
    const strict = parseFeed(text, { mode: 'strict' });
    expect(strict.ok ? [] : strict.errors.map((issue) => issue.path)).toEqual([path]);
    const lenient = parseFeed(text);
    expect(lenient.ok).toBe(tolerant === 'kept');
    expect(lenient.warnings.map((issue) => issue.path)).toContain(path);
  });

  it.each(FIELDS.map((field) => [field.path, shown(field.value), field] as const))(
    'fail both at %s when it is %s',
    (path, _value, field) => {
      const text = everyFieldWith(field);
      expect(schemaAccepts(text)).toBe(false);
      const strict = parseFeed(text, { mode: 'strict' });
      expect([...new Set(errors(strict).map((issue) => issue.path))]).toEqual(
        field.errors ?? [path],
      );
      const lenient = parseFeed(text);
      const issues = [...errors(lenient), ...lenient.warnings].map((issue) => issue.path);
      expect(lenient.ok).toBe(field.tolerant !== 'refused');
      expect(issues).toContain(path);
      if (lenient.ok) expect(errors(parseFeed(lenient.feed, { mode: 'strict' }))).toEqual([]);
    },
  );

  it.each(EDGES.map((edge) => [edge.set, edge] as const))(
    'pass both with %s at its edge',
    (_set, edge) => {
      const text = everyFieldWith(edge);
      expect(schemaAccepts(text), JSON.stringify(validate.errors)).toBe(true);
      expect(errors(parseFeed(text, { mode: 'strict' }))).toEqual([]);
    },
  );

  it("states the reader's string formats, lists of values and limits", () => {
    const defs = schema.$defs;
    // The schema writes groups without `?:` and slashes without escapes.
    const source = (re: RegExp): string => re.source.replaceAll('(?:', '(').replaceAll('\\/', '/');
    expect(defs.identifier.pattern).toBe(source(IDENTIFIER_RE));
    expect(defs.languageTag.pattern).toBe(source(LANGUAGE_TAG_RE));
    expect(defs.url.pattern).toBe(source(HTTP_URL_RE));
    expect(defs.urlTemplate.pattern).toBe(source(URL_TEMPLATE_RE));
    expect(defs.email.pattern).toBe(source(EMAIL_RE));
    expect(defs.category.enum).toEqual(CATEGORIES);
    expect(defs.publisher.properties.kind.enum).toEqual(PUBLISHER_KINDS);
    expect(defs.interpellation.properties.status.enum).toEqual(INTERPELLATION_STATUSES);
    const text = JSON.stringify(schema);
    expect(new Set(text.match(/"maxItems":\d+/g))).toEqual(
      new Set([`"maxItems":${DEFAULT_LIMITS.maxCommitments}`]),
    );
    expect(new Set(text.match(/"maxLength":\d+/g))).toEqual(
      new Set([`"maxLength":${DEFAULT_LIMITS.maxText}`, '"maxLength":2048']),
    );
  });

  it('accepts the bundled feeds', () => {
    const feeds = new URL('../feeds/', import.meta.url);
    for (const name of readdirSync(feeds).filter((file) => file.endsWith('.json'))) {
      const text = readFileSync(new URL(name, feeds), 'utf8');
      expect(schemaAccepts(text), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const result = parseFeed(text, { mode: 'strict' });
      expect(result.ok ? [] : result.errors, name).toEqual([]);
    }
  });
});
