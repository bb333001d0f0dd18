/**
 * `JSON.parse` of a large feed in steps, for a page's main thread: one call on 6.7 MB of JSON (a
 * plan of 10,000 commitments) is a 40 ms task followed by a long garbage collection, and no slicing
 * of the validation after it can give that time back.
 *
 * The text is scanned once, in steps, for the arrays that are values of the top-level object (a
 * feed's `commitments`); the rest of the text (the "skeleton", with those arrays emptied) is parsed
 * in one call, and each array item alone, a step each. The result is the value `JSON.parse` gives.
 * Whenever the text is not what the scan expects (not an object, invalid anywhere, an empty item),
 * it falls back to one `JSON.parse` of the whole text, so that an invalid text throws exactly the
 * engine's own `SyntaxError`. Every text is scanned first, short ones included, for its depth: one
 * nested deeper than allowed is refused before any `JSON.parse` call (see `Limits.maxDepth`).
 */
import { DEFAULT_LIMITS } from './limits.ts';

/** Texts shorter than this (in UTF-16 code units) are parsed in one call: it is quick enough. */
export const STEPPED_ABOVE = 256 * 1024;

/** Code units scanned between two steps. */
const SCAN_STEP = 64 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
/** Only the white space JSON allows (not `trim()`'s, which is wider). */
const JSON_SPACE = /^[ \t\n\r]*$/;

/** A top-level member whose value is an array: where its key and its items are. */
interface SplitArray {
  /** Index of the opening `[`. */
  readonly open: number;
  /** Indices of the commas between its items. */
  readonly commas: number[];
  /** Index of the closing `]`, once seen. */
  close: number;
}

/** A key of the top-level object, with the array it holds when its value is one. */
interface TopKey {
  readonly start: number;
  end: number;
  array?: SplitArray;
}

/** Thrown for a text nested deeper than allowed; the message says how deep and where. */
export class TooDeep extends Error {}

/** The index of the quote that closes the string whose opening quote is at `from - 1`, or -1. */
function stringEnd(text: string, from: number): number {
  let quote = text.indexOf('"', from);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

/**
 * Finds the top-level keys and the items of the arrays they hold, a step every `SCAN_STEP` code
 * units. Returns undefined when the text does not have the shape of one JSON object (the caller
 * then lets `JSON.parse` say why). Throws `TooDeep` at the first bracket deeper than `maxDepth`,
 * whatever the shape: it stops only where `JSON.parse` would stop too (an unclosed string, text
 * after the top-level value), so that no deeper text is left for `JSON.parse` to read.
 */
function* scan(text: string, maxDepth: number): Generator<undefined, TopKey[] | undefined, void> {
  const keys: TopKey[] = [];
  let depth = 0;
  /** At depth 1, whether the next string is a key (after `{` or `,`) rather than a value. */
  let expectKey = false;
  let array: SplitArray | undefined;
  let nextStep = SCAN_STEP;
  let i = 0;
  while (i < text.length && JSON_SPACE.test(text.charAt(i))) i += 1;
  const object = text.charCodeAt(i) === OPEN_OBJECT;
  for (; i < text.length; i += 1) {
    if (i >= nextStep) {
      nextStep = i + SCAN_STEP;
      yield;
    }
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i + 1);
      if (end === -1) return undefined;
      if (depth === 1 && expectKey) keys.push({ start: i, end });
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth += 1;
      if (depth > maxDepth) {
        throw new TooDeep(`nested deeper than the limit of ${maxDepth} levels, at position ${i}`);
      }
      if (depth === 1) expectKey = true;
      else if (object && depth === 2 && c === OPEN_ARRAY) {
        const key = keys.at(-1);
        if (key === undefined) return undefined;
        array = { open: i, commas: [], close: -1 };
        key.array = array;
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 2 && array !== undefined) {
        array.close = i;
        array = undefined;
      }
      depth -= 1;
      if (depth === 0) return object && JSON_SPACE.test(text.slice(i + 1)) ? keys : undefined;
    } else if (c === COMMA) {
      if (depth === 2) array?.commas.push(i);
      else if (depth === 1) expectKey = true;
    } else if (c === COLON && depth === 1) {
      expectKey = false;
    }
  }
  return undefined;
}

/** Thrown inside the steps when a piece does not parse: the whole text is parsed again to say why. */
const INVALID = Symbol('invalid');

function parsePiece(piece: string): unknown {
  try {
    return JSON.parse(piece);
  } catch {
    throw INVALID;
  }
}

/** The top-level object's value with its arrays' items parsed a step each. */
function* assemble(text: string, keys: TopKey[]): Generator<undefined, unknown, void> {
  const arrays = keys.flatMap((key) => (key.array === undefined ? [] : [key.array]));
  let skeleton = '';
  let from = 0;
  for (const array of arrays) {
    if (array.close === -1) throw INVALID;
    skeleton += text.slice(from, array.open + 1);
    from = array.close;
  }
  skeleton += text.slice(from);
  const value = parsePiece(skeleton) as Record<string, unknown>;
  yield;

  // With duplicate keys, JSON.parse keeps the last value: only the last holder of a key counts,
  // but every array's items are parsed, for an invalid one to make the whole text invalid.
  const names = new Map<TopKey, string>();
  for (const key of keys) names.set(key, parsePiece(text.slice(key.start, key.end + 1)) as string);
  const holders = new Map([...names].map(([key, name]) => [name, key]));
  for (const [key, name] of names) {
    const array = key.array;
    if (array === undefined) continue;
    const bounds = [array.open, ...array.commas, array.close];
    const items: unknown[] = [];
    if (array.commas.length > 0 || !JSON_SPACE.test(text.slice(array.open + 1, array.close))) {
      for (let k = 0; k + 1 < bounds.length; k += 1) {
        items.push(parsePiece(text.slice((bounds[k] as number) + 1, bounds[k + 1])));
        yield;
      }
    }
    if (holders.get(name) !== key) continue;
    // The skeleton gave the key an own, writable, enumerable data property (an empty array):
    // replace its value only, even for a key such as `__proto__`.
    Object.defineProperty(value, name, { value: items });
  }
  return value;
}

/**
 * The value of a JSON text, as `JSON.parse(text)` gives it, computed in steps (the generator
 * yields between them) when the text is longer than `steppedAbove`. Throws what `JSON.parse`
 * throws for an invalid text, and `TooDeep` for one nested deeper than `maxDepth`.
 */
export function* parseJsonInSteps(
  text: string,
  steppedAbove = STEPPED_ABOVE,
  maxDepth = DEFAULT_LIMITS.maxDepth,
): Generator<undefined, unknown, void> {
  const keys = yield* scan(text, maxDepth);
  if (keys !== undefined && text.length > steppedAbove) {
    try {
      return yield* assemble(text, keys);
    } catch (error) {
      if (error !== INVALID) throw error;
    }
  }
  return JSON.parse(text);
}
