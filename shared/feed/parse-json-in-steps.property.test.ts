/** `parseJsonInSteps` agrees with `JSON.parse` on generated texts: the same value, or the same error. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TooDeep, parseJsonInSteps } from './parse-json-in-steps.ts';

const RUNS = { numRuns: 400, seed: 20261205 };

function outcome(parse: () => unknown): { value: string } | { error: string } {
  try {
    const value = parse();
    // Own keys, their order and values as a reader sees them; the prototype of the top level.
    const proto =
      typeof value === 'object' && value !== null
        ? Object.getPrototypeOf(value) === Object.prototype || Array.isArray(value)
        : true;
    return { value: `${proto}:${JSON.stringify(value)}` };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

function stepped(text: string): unknown {
  const steps = parseJsonInSteps(text, 0);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'commitments', 'a', '', '\\"', ']', '"'),
  fc.string({ maxLength: 4 }),
);
const leaf = fc.oneof(
  fc.constantFrom(
    '1e400',
    '-0',
    '1E+2',
    '123456789012345678901234567890',
    '"\\ud800"',
    '"\\"]"',
    '"\\\\"',
    '"\\\\\\""',
    'true',
    'null',
    '"}"',
    '"{"',
    '"\uD83D\uDE00"',
  ),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
);
const space = fc.constantFrom('', ' ', '\n', '\t', '\r\n', '\u00a0', '\u2028', '\ufeff');

/** A JSON-ish text built from pieces, so that arrays at the top level come often. */
const value: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(fc.array(tie('v'), { maxLength: 4 }), space)
      .map(([items, s]) => `[${s}${items.join(`${s},${s}`)}${s}]`),
    fc
      .tuple(fc.array(fc.tuple(key, tie('v')), { maxLength: 4 }), space)
      .map(
        ([members, s]) =>
          `{${s}${members.map(([k, v]) => `${JSON.stringify(k)}${s}:${s}${v}`).join(`${s},${s}`)}${s}}`,
      ),
  ),
})).v;

const topLevel = fc
  .tuple(
    space,
    fc.array(
      fc.tuple(
        key,
        fc.oneof(
          value,
          fc.array(value, { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
        ),
      ),
      { maxLength: 4 },
    ),
    space,
  )
  .map(
    ([s, members, t]) =>
      `${s}{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}${t}`,
  );

/** A text with one character inserted, deleted or replaced: mostly invalid, sometimes subtly. */
const mutated = fc
  .tuple(
    topLevel,
    fc.nat(),
    fc.constantFrom('', ',', ']', '[', '}', '{', '"', '\\', ':', ' ', 'x', '0'),
  )
  .map(([text, at, c]) => {
    const i = at % (text.length + 1);
    return at % 3 === 0
      ? text.slice(0, i) + c + text.slice(i)
      : text.slice(0, i) + c + text.slice(i + 1);
  });

describe('parseJsonInSteps over generated texts', () => {
  it('gives what JSON.parse gives, value or error', () => {
    fc.assert(
      fc.property(fc.oneof(topLevel, mutated, value, fc.string()), (text) => {
        expect(outcome(() => stepped(text))).toEqual(outcome(() => JSON.parse(text)));
      }),
      RUNS,
    );
  });

  it('parses nesting up to 64 levels the way JSON.parse does, and refuses deeper', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom('[', '{"a":'),
        (depth, open) => {
          const close = open === '[' ? ']' : '}';
          // The object and its `commitments` array are the first two levels.
          const text = `{"commitments":[${open.repeat(depth)}1${close.repeat(depth)}],"x":[]}`;
          if (depth + 2 <= 64) {
            expect(outcome(() => stepped(text))).toEqual(outcome(() => JSON.parse(text)));
          } else {
            expect(() => stepped(text)).toThrow(TooDeep);
          }
        },
      ),
      { ...RUNS, numRuns: 60 },
    );
  });
});
