/**
 * The reader of untrusted feeds. It never throws: it returns either a normalised `Feed` (only
 * known fields, canonical order, every value checked) with warnings, or the errors that refuse
 * it, each located by a JSON path and saying what was expected.
 *
 * Strict mode (publishers, the validator) reports every departure as an error, and unknown fields
 * as warnings. Tolerant mode (readers, the default) drops what is invalid and optional (a field,
 * an array item, a whole commitment) with a warning, and refuses only an unusable top level:
 * unparseable JSON, a missing or unknown `format`, no usable `publisher` or `updated`,
 * `commitments` not an array, or a limit exceeded. Leaf values are checked with small valibot
 * schemas; the walk over objects and arrays is ours, because tolerant dropping needs to decide
 * item by item and to say where.
 */
import {
  check,
  integer,
  minValue,
  maxValue,
  number,
  picklist,
  pipe,
  safeParse,
  string,
  type GenericSchema,
} from 'valibot';
import { parsePattern } from '../match/match-pages.ts';
import { jsonPathAt } from './json-path.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { STEPPED_ABOVE, TooDeep, parseJsonInSteps } from './parse-json-in-steps.ts';
import {
  EMAIL_RE,
  FORBIDDEN_KEYS,
  IDENTIFIER_RE,
  LANGUAGE_TAG_RE,
  isDate,
  isDateTime,
  isHttpUrl,
  isUrlTemplate,
} from './formats.ts';
import {
  CATEGORIES,
  FORMAT,
  INTERPELLATION_STATUSES,
  PUBLISHER_KINDS,
  type Feed,
  type FeedIssue,
  type FeedIssueCode,
  type ParseOptions,
  type ParseResult,
  type Text,
} from './types.ts';

/** Most issues kept in each list; a garbage document could otherwise produce millions. */
export const MAX_ISSUES = 1000;

/** Issues of one reading, routed by mode. */
class Context {
  readonly errors: FeedIssue[] = [];
  readonly warnings: FeedIssue[] = [];

  constructor(
    readonly strict: boolean,
    readonly limits: Limits,
  ) {}

  /** Refuses the feed, in either mode; `code` says why in a way readers can word. */
  fatal(path: string, message: string, code?: FeedIssueCode): void {
    add(this.errors, path, message, code);
  }

  /**
   * A departure from the format: an error when strict, a warning when tolerant, where the
   * `consequence` says what the reader did instead.
   */
  invalid(path: string, message: string, consequence = 'ignored'): void {
    if (this.strict) add(this.errors, path, message);
    else add(this.warnings, path, consequence === '' ? message : `${message} (${consequence})`);
  }

  /** What a tolerant reader did after an issue already reported (strict mode has the error). */
  dropped(path: string, message: string): void {
    if (!this.strict) add(this.warnings, path, message);
  }

  /** Something allowed but worth a publisher's attention: a warning when strict, silent when tolerant. */
  notice(path: string, message: string): void {
    if (this.strict) add(this.warnings, path, message);
  }

  /**
   * A string within the text limit; refuses the feed otherwise. The limit counts characters, as
   * JSON Schema's `maxLength` does: an emoji is one, not its two UTF-16 code units.
   */
  withinText(value: string, path: string): boolean {
    if (value.length <= this.limits.maxText) return true;
    let characters = 0;
    for (const _ of value) characters += 1;
    if (characters <= this.limits.maxText) return true;
    this.fatal(
      path,
      `text of ${characters} characters exceeds the limit of ${this.limits.maxText}`,
      'too-large',
    );
    return false;
  }
}

function add(list: FeedIssue[], path: string, message: string, code?: FeedIssueCode): void {
  if (list.length < MAX_ISSUES) list.push(code ? { path, message, code } : { path, message });
  else if (list.length === MAX_ISSUES) {
    list.push({
      path: '$',
      message: `more issues were found; only the first ${MAX_ISSUES} are listed`,
    });
  }
}

/** A value as an issue quotes it: short, and never the whole of a huge string. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return typeof value;
  }
}

const at = jsonPathAt;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one value at a path; undefined when it is invalid (the reader has said why). */
interface Read<T> {
  (value: unknown, path: string, ctx: Context): T | undefined;
  /** What the value should be, for "missing" messages. */
  readonly expected: string;
}

function reader<T>(
  expected: string,
  read: (value: unknown, path: string, ctx: Context) => T | undefined,
): Read<T> {
  return Object.assign(read, { expected });
}

/** A reader from a valibot schema whose first issue message says what was expected. */
function leaf<T>(expected: string, schema: GenericSchema<unknown, T>): Read<T> {
  return reader(expected, (value, path, ctx) => {
    if (typeof value === 'string' && !ctx.withinText(value, path)) return undefined;
    const result = safeParse(schema, value, { abortEarly: true });
    if (result.success) return result.output;
    ctx.invalid(path, `${result.issues[0].message}, got ${describe(value)}`);
    return undefined;
  });
}

/** A leaf that is a string passing `test`. */
function stringLeaf(expected: string, test: (value: string) => boolean): Read<string> {
  const message = `expected ${expected}`;
  return leaf(expected, pipe(string(message), check(test, message)));
}

function numberLeaf(expected: string, min: number, max: number, whole: boolean): Read<number> {
  const message = `expected ${expected}`;
  return leaf(
    expected,
    whole
      ? pipe(number(message), integer(message), minValue(min, message), maxValue(max, message))
      : pipe(number(message), minValue(min, message), maxValue(max, message)),
  );
}

/**
 * Most values named in one message: a feed may define thousands of statuses, and a message that
 * listed them all for each of its commitments would take time and memory quadratic in its size.
 */
const MAX_LISTED = 20;

function listOf(values: readonly string[]): string {
  if (values.length <= MAX_LISTED) return values.join(', ');
  return `${values.slice(0, MAX_LISTED).join(', ')} and ${values.length - MAX_LISTED} more`;
}

const identifier = stringLeaf('an identifier (1–64 characters of A-Z a-z 0-9 . _ -)', (value) =>
  IDENTIFIER_RE.test(value),
);
const date = stringLeaf('a date YYYY-MM-DD that exists in the calendar', isDate);
const dateTime = stringLeaf('an RFC 3339 date-time such as "2026-11-30T09:00:00Z"', isDateTime);
const url = stringLeaf('an absolute http(s) URL', isHttpUrl);
const urlTemplate = stringLeaf(
  'an absolute http(s) URL, whose only placeholders are {id}, {title}, {plan} and {page}',
  isUrlTemplate,
);
const email = stringLeaf('an e-mail address', (value) => EMAIL_RE.test(value));
const nonEmpty = stringLeaf('a non-empty string', (value) => value !== '');
const languageTag = stringLeaf('a language tag such as "fr" or "en-GB"', (value) =>
  LANGUAGE_TAG_RE.test(value),
);
const pattern = stringLeaf(
  'a match pattern such as "https://www.example.fr/path/*" or "*://*.example.fr/*"',
  (value) => parsePattern(value) !== null,
);
const percent = numberLeaf('a number from 0 to 100', 0, 100, false);
const whole = numberLeaf('a whole number, 0 or more', 0, Number.MAX_SAFE_INTEGER, true);
const weight = leaf(
  'a number greater than 0',
  pipe(
    number('expected a number greater than 0'),
    check((n) => n > 0 && n < Infinity, 'expected a number greater than 0'),
  ),
);
const kind = leaf(
  `one of ${listOf(PUBLISHER_KINDS)}`,
  picklist(PUBLISHER_KINDS, `expected one of ${listOf(PUBLISHER_KINDS)}`),
);
const category = leaf(
  `one of ${listOf(CATEGORIES)}`,
  picklist(CATEGORIES, `expected a category: one of ${listOf(CATEGORIES)}`),
);
const interpellationStatus = leaf(
  `one of ${listOf(INTERPELLATION_STATUSES)}`,
  picklist(INTERPELLATION_STATUSES, `expected one of ${listOf(INTERPELLATION_STATUSES)}`),
);

/** Text: a string, or an object of language tag to string with at least one entry. */
const text = reader<Text>(
  'a text (a string, or an object of language tag to string)',
  (value, path, ctx) => {
    if (typeof value === 'string') return ctx.withinText(value, path) ? value : undefined;
    if (!isObject(value)) {
      ctx.invalid(
        path,
        `expected a string or an object of language tag to string, got ${describe(value)}`,
      );
      return undefined;
    }
    const out: Record<string, string> = {};
    let count = 0;
    for (const key of Object.keys(value)) {
      const entryPath = at(path, key);
      const entry = value[key];
      if (FORBIDDEN_KEYS.has(key) || !LANGUAGE_TAG_RE.test(key)) {
        ctx.invalid(
          entryPath,
          `expected a language tag such as "fr" or "en-GB" as key, got ${describe(key)}`,
        );
      } else if (typeof entry !== 'string') {
        ctx.invalid(entryPath, `expected a string, got ${describe(entry)}`);
      } else if (ctx.withinText(entry, entryPath)) {
        out[key] = entry;
        count += 1;
      }
    }
    if (count > 0) return out;
    if (Object.keys(value).length === 0) {
      ctx.invalid(path, 'expected at least one language with a string, got an empty object');
    } else {
      ctx.dropped(path, 'text dropped: no language with a usable string');
    }
    return undefined;
  },
);

/** References elsewhere: identifier keys to strings; `decidim` must be an http(s) URL. */
const refs = reader<Record<string, string>>(
  'an object of identifier to string',
  (value, path, ctx) => {
    if (!isObject(value)) {
      ctx.invalid(path, `expected an object of identifier to string, got ${describe(value)}`);
      return undefined;
    }
    const out: Record<string, string> = {};
    for (const key of Object.keys(value)) {
      const entryPath = at(path, key);
      if (FORBIDDEN_KEYS.has(key) || !IDENTIFIER_RE.test(key)) {
        ctx.invalid(
          entryPath,
          `expected an identifier as key (not __proto__, constructor or prototype), got ${describe(key)}`,
        );
        continue;
      }
      const entry = (key === 'decidim' ? url : nonEmpty)(value[key], entryPath, ctx);
      if (entry !== undefined) out[key] = entry;
    }
    return out;
  },
);

/**
 * Reads item `i` of `items` into `out`, dropping it when invalid or when the identifier in its
 * field `unique` repeats an earlier item's (`seen` maps identifiers to the index that used them
 * first). An item dropped as invalid still claims its identifier, so that a later repeat of it is
 * reported in the same reading rather than once the first is fixed, and fixing the first never
 * changes which of the two a reader keeps. Shared by `arrayOf` and the sliced walk over
 * commitments, so that both apply the same rules.
 */
function readItem<T>(
  item: Read<T>,
  items: readonly unknown[],
  i: number,
  path: string,
  ctx: Context,
  out: T[],
  seen: Map<string, number>,
  unique?: string,
): void {
  const itemPath = at(path, i);
  const result = item(items[i], itemPath, ctx);
  const source = result ?? items[i];
  const key = unique !== undefined && isObject(source) ? source[unique] : undefined;
  if (unique !== undefined && typeof key === 'string' && IDENTIFIER_RE.test(key)) {
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.invalid(
        at(itemPath, unique),
        `duplicate ${unique} ${describe(key)}, first used at ${at(path, first)}`,
        'this one is dropped',
      );
      return;
    }
    seen.set(key, i);
  }
  if (result !== undefined) out.push(result);
}

/** Arrays: invalid items are dropped one by one; the `unique` field's value must not repeat. */
function arrayOf<T>(item: Read<T>, what: string, unique?: string): Read<T[]> {
  return reader(`an array of ${what}`, (value, path, ctx) => {
    if (!Array.isArray(value)) {
      ctx.invalid(path, `expected an array of ${what}, got ${describe(value)}`);
      return undefined;
    }
    if (value.length > ctx.limits.maxCommitments) {
      ctx.fatal(
        path,
        `${value.length} items exceed the limit of ${ctx.limits.maxCommitments}`,
        'too-large',
      );
      return undefined;
    }
    const out: T[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < value.length; i += 1)
      readItem(item, value, i, path, ctx, out, seen, unique);
    return out;
  });
}

type Fields = Record<string, Read<unknown>>;
type Read1<R> = R extends Read<infer T> ? T : never;
type Out<F extends Fields> = { -readonly [K in keyof F]?: Read1<F[K]> };

/**
 * Reads the known fields of an object in the order of `fields`, reports unknown ones (strict) and
 * missing required ones. Returns undefined when the value is not an object or a required field is
 * missing or invalid; the output holds only known keys, so `__proto__` and friends never get in.
 */
function readFields<F extends Fields>(
  value: unknown,
  path: string,
  ctx: Context,
  what: string,
  fields: F,
  required: readonly (keyof F & string)[],
): Out<F> | undefined {
  if (!isObject(value)) {
    ctx.invalid(path, `expected ${what} (an object), got ${describe(value)}`);
    return undefined;
  }
  const names = Object.keys(fields);
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key)) {
      ctx.notice(at(path, key), `unknown field of ${what}, ignored; known: ${listOf(names)}`);
    }
  }
  const out: Out<F> = {};
  for (const key of names as (keyof F & string)[]) {
    if (!Object.hasOwn(value, key)) continue;
    const result = fields[key]?.(value[key], at(path, key), ctx);
    // JSON's `-0` is a number of its own once parsed, which `Intl` writes as "-0 %": read it as 0.
    if (result !== undefined) out[key] = (result === 0 ? 0 : result) as Read1<F[typeof key]>;
  }
  const failed = required.filter((key) => out[key] === undefined);
  for (const key of failed) {
    if (!Object.hasOwn(value, key)) {
      ctx.invalid(at(path, key), `missing; expected ${fields[key]?.expected ?? 'a value'}`);
    }
  }
  if (failed.length === 0) return out;
  ctx.dropped(path, `${what} dropped: ${listOf(failed)} missing or invalid`);
  return undefined;
}

/** A reader of one object kind, with an extra check of the object as a whole. */
function objectOf<F extends Fields, T = Out<F>>(
  what: string,
  fields: F,
  required: readonly (keyof F & string)[],
  finish: (out: Out<F>, path: string, ctx: Context, raw: Json) => T | undefined = (out) => out as T,
): Read<T> {
  return reader(what, (value, path, ctx) => {
    const out = readFields(value, path, ctx, what, fields, required);
    return out === undefined || !isObject(value) ? undefined : finish(out, path, ctx, value);
  });
}

const publisher = objectOf(
  'a publisher',
  { name: text, kind, url, logo: url, id: nonEmpty },
  ['name'],
  (out, path, ctx, raw) => {
    if (out.kind !== undefined) return out;
    if (!Object.hasOwn(raw, 'kind')) {
      ctx.invalid(at(path, 'kind'), `missing; expected ${kind.expected}`, 'read as "other"');
    } else {
      ctx.dropped(at(path, 'kind'), 'publisher kind read as "other"');
    }
    return { ...out, kind: 'other' as const };
  },
);

const period = objectOf(
  'a period',
  { start: date, end: date },
  ['start', 'end'],
  (out, path, ctx) => {
    if (out.end !== undefined && out.start !== undefined && out.end < out.start) {
      ctx.invalid(
        at(path, 'end'),
        `expected a date on or after start (${out.start}), got ${describe(out.end)}`,
        'the period is dropped',
      );
      return undefined;
    }
    return out;
  },
);

const plan = objectOf('a plan', { id: identifier, title: text, period, url }, []);

const channel = objectOf(
  'an interpellation channel',
  { url: urlTemplate, email, responseDays: whole, threshold: whole, rules: url },
  [],
  (out, path, ctx, raw) => {
    if (out.url !== undefined || out.email !== undefined) return out;
    if (Object.hasOwn(raw, 'url') || Object.hasOwn(raw, 'email')) {
      ctx.dropped(path, 'interpellation channel dropped: no usable url or email');
    } else {
      ctx.invalid(path, 'expected a url or an email to send interpellations to', 'dropped');
    }
    return undefined;
  },
);

const statusDefFields = { key: identifier, label: text, category, progress: percent };

const statusDef = objectOf(
  'a status',
  statusDefFields,
  ['key', 'label', 'category'],
  (out, path, ctx) => {
    if (out.key !== undefined && (CATEGORIES as readonly string[]).includes(out.key)) {
      ctx.invalid(
        at(path, 'key'),
        `expected a key of the publisher's own, not the category name ${describe(out.key)} (map it with category)`,
      );
      return undefined;
    }
    return out;
  },
);

const statuses = arrayOf(statusDef, 'statuses', 'key');

const milestone = objectOf(
  'a milestone',
  { id: identifier, title: text, due: date, done: date, weight },
  ['title'],
);

const answer = objectOf('an answer', { date, text, url, by: text }, ['date', 'text']);

const interpellation = objectOf(
  'an interpellation',
  { id: identifier, date, question: text, supporters: whole, status: interpellationStatus, answer },
  ['id', 'date', 'question', 'status'],
  (out, path, ctx, raw) => {
    if (out.status !== 'answered' || out.answer !== undefined) return out;
    if (Object.hasOwn(raw, 'answer')) {
      ctx.dropped(
        path,
        'interpellation dropped: its answer is unusable and its status is "answered"',
      );
    } else {
      ctx.invalid(
        at(path, 'answer'),
        'missing; expected an answer, required when status is "answered"',
        'the interpellation is dropped',
      );
    }
    return undefined;
  },
);

/** The readers that depend on the feed's own status keys. */
function commitmentReader(statusKeys: ReadonlySet<string>): Read<Json> {
  const known = [...CATEGORIES, ...statusKeys];
  const knownSet: ReadonlySet<string> = new Set(known);
  const knownList = listOf(known);
  const statusOf = (consequence: string): Read<string> =>
    reader(`a status: one of ${knownList}`, (value, path, ctx) => {
      if (typeof value === 'string' && knownSet.has(value)) return value;
      ctx.invalid(path, `unknown status ${describe(value)}; known: ${knownList}`, consequence);
      return undefined;
    });
  const status = statusOf('ignored');
  const update = objectOf(
    'an update',
    { date, status, progress: percent, note: text, evidence: arrayOf(url, 'http(s) URLs') },
    ['date'],
  );
  return objectOf(
    'a commitment',
    {
      id: identifier,
      title: text,
      summary: text,
      description: text,
      themes: arrayOf(nonEmpty, 'non-empty strings'),
      lead: text,
      partners: arrayOf(text, 'texts'),
      status: statusOf('shown as "unknown"'),
      progress: percent,
      start: date,
      due: date,
      url,
      pages: arrayOf(pattern, 'match patterns'),
      refs,
      milestones: arrayOf(milestone, 'milestones', 'id'),
      updates: arrayOf(update, 'updates'),
      interpellations: arrayOf(interpellation, 'interpellations', 'id'),
    },
    ['id', 'title'],
    (out, path, ctx, raw) => {
      if (out.status !== undefined) return out;
      if (!Object.hasOwn(raw, 'status')) {
        ctx.invalid(
          at(path, 'status'),
          `missing; expected ${status.expected}`,
          'shown as "unknown"',
        );
      }
      // Tolerant: a commitment whose status cannot be read is still worth showing, as unknown.
      return { ...out, status: 'unknown' };
    },
  );
}

const FORMAT_RE = /^open-commitments\/(\d+)(?:\.(\d+))?$/;

const TOP_FIELDS = [
  'format',
  'publisher',
  'plan',
  'updated',
  'languages',
  'site',
  'statuses',
  'interpellation',
  'commitments',
  // Lets an editor find the JSON Schema; read and ignored.
  '$schema',
];

/** Checks `format`; false when the feed must be refused. */
function readFormat(value: unknown, ctx: Context): boolean {
  if (value === FORMAT) return true;
  const match = typeof value === 'string' ? FORMAT_RE.exec(value) : null;
  if (match === null) {
    ctx.fatal(
      'format',
      value === undefined
        ? `missing; expected "${FORMAT}"`
        : `unknown format ${describe(value)}; expected "${FORMAT}"`,
    );
    return false;
  }
  if (match[1] !== '1') {
    ctx.fatal(
      'format',
      `version ${match[1]} of the format is not read here; this reader reads "${FORMAT}" (and its minor versions 1.x)`,
      'newer-version',
    );
    return false;
  }
  ctx.invalid(
    'format',
    `minor version ${describe(value)} read as "${FORMAT}"; fields it adds are ignored`,
    '',
  );
  return true;
}

/** UTF-8 length of a string, counted only as far as needed to know it exceeds `max`. */
function utf8Length(text: string, max: number): number {
  if (text.length > max) return text.length;
  if (text.length * 3 <= max) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= max; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const NOTHING = Symbol('nothing');

/** The JSON text of the input, the input itself when already parsed, or NOTHING after a fatal issue. */
function decodeText(
  input: unknown,
  ctx: Context,
): { text: string } | { value: unknown } | typeof NOTHING {
  const max = ctx.limits.maxBytes;
  if (typeof input === 'string') {
    const bytes = utf8Length(input, max);
    if (bytes > max) {
      ctx.fatal('$', `the feed is larger than the limit of ${max} bytes`, 'too-large');
      return NOTHING;
    }
    return { text: input };
  }
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    if (input.byteLength > max) {
      ctx.fatal(
        '$',
        `the feed (${input.byteLength} bytes) is larger than the limit of ${max} bytes`,
        'too-large',
      );
      return NOTHING;
    }
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(input) };
    } catch {
      ctx.fatal('$', 'the feed is not valid UTF-8 text', 'not-json');
      return NOTHING;
    }
  }
  return { value: input };
}

/**
 * The JSON value of a text, or NOTHING after a fatal issue; in steps (see `parseJsonInSteps`)
 * when `stepped`, else in one call, after a scan that refuses a text nested too deep.
 */
function* parseJson(source: string, ctx: Context, stepped: boolean): Generator<Pause, unknown> {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  try {
    return yield* parseJsonInSteps(text, stepped ? STEPPED_ABOVE : Infinity, ctx.limits.maxDepth);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'syntax error';
    ctx.fatal(
      '$',
      `the feed is ${error instanceof TooDeep ? '' : 'not valid JSON: '}${reason}`,
      error instanceof TooDeep ? 'too-large' : 'not-json',
    );
    return NOTHING;
  }
}

/**
 * What a step of `readSteps` asks of the thread: `always` to give it back before the next step
 * (JSON.parse of a large text is a task's worth of work on its own), else only once a slice is
 * over.
 */
type Pause = 'always' | undefined;

/**
 * Reads a feed as a series of steps: it pauses (yields) after decoding the bytes, after parsing the
 * JSON (and, when `stepped`, within it) and after each commitment, so that `parseFeedInSlices` can
 * give the thread back between steps while `parseFeed` runs them all at once. Returns the feed, or
 * undefined when it is refused.
 */
function* readSteps(
  input: unknown,
  ctx: Context,
  stepped = false,
): Generator<Pause, Feed | undefined, void> {
  const decoded = decodeText(input, ctx);
  if (decoded === NOTHING) return undefined;
  let value: unknown;
  if ('text' in decoded) {
    yield 'always';
    value = yield* parseJson(decoded.text, ctx, stepped);
    if (value === NOTHING) return undefined;
    yield 'always';
  } else {
    value = decoded.value;
  }
  if (!isObject(value)) {
    ctx.fatal('$', `expected a JSON object (a feed), got ${describe(value)}`);
    return undefined;
  }
  const formatOk = readFormat(value['format'], ctx);
  for (const key of Object.keys(value)) {
    if (!TOP_FIELDS.includes(key)) {
      ctx.notice(at('$', key), `unknown field of the feed, ignored; known: ${listOf(TOP_FIELDS)}`);
    }
  }
  const field = (key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
  const has = (key: string): boolean => Object.hasOwn(value, key);

  const readPublisher = has('publisher')
    ? publisher(field('publisher'), 'publisher', ctx)
    : undefined;
  if (readPublisher === undefined) {
    ctx.fatal(
      'publisher',
      has('publisher') ? 'no usable publisher' : `missing; expected ${publisher.expected}`,
    );
  }
  const updated = has('updated') ? dateTime(field('updated'), 'updated', ctx) : undefined;
  if (updated === undefined) {
    ctx.fatal(
      'updated',
      has('updated')
        ? 'no usable date of last change; a reader cannot tell how fresh the feed is'
        : `missing; expected ${dateTime.expected}`,
    );
  }
  const optional = <T>(key: string, readKey: Read<T>): T | undefined =>
    has(key) ? readKey(field(key), key, ctx) : undefined;
  const readPlan = optional('plan', plan);
  const languages = optional('languages', arrayOf(languageTag, 'language tags'));
  const site = optional('site', arrayOf(pattern, 'match patterns'));
  const readStatuses = optional('statuses', statuses);
  const readChannel = optional('interpellation', channel);
  // Checked so that the validator agrees with the JSON Schema; never copied.
  optional('$schema', nonEmpty);

  const rawCommitments = field('commitments');
  let commitments: Json[] | undefined;
  if (!Array.isArray(rawCommitments)) {
    ctx.fatal(
      'commitments',
      rawCommitments === undefined
        ? 'missing; expected an array of commitments (it may be empty)'
        : `expected an array of commitments, got ${describe(rawCommitments)}`,
    );
  } else if (rawCommitments.length > ctx.limits.maxCommitments) {
    ctx.fatal(
      'commitments',
      `${rawCommitments.length} commitments exceed the limit of ${ctx.limits.maxCommitments}`,
      'too-large',
    );
  } else {
    const keys = new Set((readStatuses ?? []).map((def) => def.key as string));
    const commitment = commitmentReader(keys);
    const out: Json[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < rawCommitments.length; i += 1) {
      readItem(commitment, rawCommitments, i, 'commitments', ctx, out, seen, 'id');
      yield;
    }
    commitments = out;
  }

  if (
    !formatOk ||
    readPublisher === undefined ||
    updated === undefined ||
    commitments === undefined
  ) {
    return undefined;
  }
  const feed: Record<string, unknown> = { format: FORMAT, publisher: readPublisher };
  if (readPlan !== undefined) feed['plan'] = readPlan;
  feed['updated'] = updated;
  if (languages !== undefined) feed['languages'] = languages;
  if (site !== undefined) feed['site'] = site;
  if (readStatuses !== undefined) feed['statuses'] = readStatuses;
  if (readChannel !== undefined) feed['interpellation'] = readChannel;
  feed['commitments'] = commitments;
  return feed as unknown as Feed;
}

/** The message of a thrown value, whatever it is (a hostile one may throw again). */
function reasonOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unreadable value';
  }
}

function contextOf(options: ParseOptions): Context {
  const maxBytes =
    typeof options.maxBytes === 'number' && options.maxBytes >= 0
      ? options.maxBytes
      : DEFAULT_LIMITS.maxBytes;
  return new Context(options.mode === 'strict', { ...DEFAULT_LIMITS, maxBytes });
}

function resultOf(ctx: Context, feed: Feed | undefined): ParseResult {
  if (feed !== undefined && ctx.errors.length === 0) {
    return { ok: true, feed, warnings: ctx.warnings };
  }
  if (ctx.errors.length === 0) ctx.fatal('$', 'the feed could not be read');
  return { ok: false, errors: ctx.errors, warnings: ctx.warnings };
}

/** Only a hostile already-parsed value (a throwing getter, a revoked proxy) makes a step throw. */
function unreadable(ctx: Context, error: unknown): undefined {
  ctx.fatal('$', `the feed could not be read: ${reasonOf(error)}`);
  return undefined;
}

/**
 * Reads an untrusted feed: JSON text, UTF-8 bytes (Uint8Array/ArrayBuffer) or an already-parsed
 * value. Never throws. Tolerant by default (readers); `mode: 'strict'` for publishers. The byte
 * limit applies to text and bytes; a parsed value is bounded by the item and text limits only.
 */
export function parseFeed(input: unknown, options: ParseOptions = {}): ParseResult {
  const ctx = contextOf(options);
  let feed: Feed | undefined;
  try {
    const steps = readSteps(input, ctx);
    let step = steps.next();
    while (!step.done) step = steps.next();
    feed = step.value;
  } catch (error) {
    feed = unreadable(ctx, error);
  }
  return resultOf(ctx, feed);
}

/** How `parseFeedInSlices` shares the thread. */
export interface ParseSlicing {
  /**
   * Gives the thread back and resolves when work may go on: in a page, `scheduler.yield()` where
   * it exists, else a `setTimeout(0)` promise. Passed in because `shared/` uses no runtime globals.
   */
  readonly yieldToMain: () => Promise<void>;
  /** Longest run of validation between two yields, in ms. Default 8. */
  readonly sliceMs?: number;
  /** The clock slices are measured with, in ms. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * `parseFeed` for a page's main thread: the same reading, with the same result for every input,
 * but commitments are validated in slices of about `sliceMs` with `yieldToMain` between them, so
 * that a feed of 10,000 commitments never blocks input for the whole of its validation (about
 * 10 µs per commitment). A large JSON text is parsed in steps too (`parseJsonInSteps`): one
 * `JSON.parse` of 6.7 MB is a long task of its own. Never rejects.
 */
export async function parseFeedInSlices(
  input: unknown,
  options: ParseOptions,
  slicing: ParseSlicing,
): Promise<ParseResult> {
  const ctx = contextOf(options);
  const now = slicing.now ?? Date.now;
  const sliceMs = slicing.sliceMs ?? 8;
  let feed: Feed | undefined;
  try {
    const steps = readSteps(input, ctx, true);
    let sliceStart = now();
    let step = steps.next();
    while (!step.done) {
      if (step.value === 'always' || now() - sliceStart >= sliceMs) {
        await slicing.yieldToMain();
        sliceStart = now();
      }
      step = steps.next();
    }
    feed = step.value;
  } catch (error) {
    feed = unreadable(ctx, error);
  }
  return resultOf(ctx, feed);
}
