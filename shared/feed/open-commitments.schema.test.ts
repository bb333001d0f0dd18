/**
 * The JSON Schema and the strict parser must agree on every fixture of test/fixtures/feeds:
 * valid/ passes both; invalid/ fails both, and the parser's errors are all at the one path the
 * fixture targets; parser-only/ holds rules a JSON Schema cannot state (unique ids, status keys
 * that exist, a period that ends after it starts), which pass the schema and fail the parser.
 * Each invalid fixture is also read in tolerant mode: refused for an unusable top level, else
 * kept with a warning at the same path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';
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
