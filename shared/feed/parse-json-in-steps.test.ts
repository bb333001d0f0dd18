import { describe, expect, it } from 'vitest';
import { STEPPED_ABOVE, TooDeep, parseJsonInSteps } from './parse-json-in-steps.ts';

/** Runs the steps to the end; returns the value (or what was thrown) and how many steps it took. */
function run(
  text: string,
  steppedAbove?: number,
): { value?: unknown; error?: string; steps: number } {
  const steps = parseJsonInSteps(text, steppedAbove);
  let count = 0;
  try {
    let step = steps.next();
    while (!step.done) {
      count += 1;
      step = steps.next();
    }
    return { value: step.value, steps: count };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}`, steps: count };
  }
}

/** What JSON.parse says of the same text. */
function native(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

function expectSameAsNative(text: string, steppedAbove = 0): void {
  const stepped = run(text, steppedAbove);
  const expected = native(text);
  if (expected.error !== undefined) {
    expect(stepped.error, text).toBe(expected.error);
  } else {
    expect(stepped.error).toBeUndefined();
    // Values, own keys and their order, as a reader walking the object sees them. (Not
    // toStrictEqual: it reads a `constructor` key of the data as the object's class.)
    expect(JSON.stringify(stepped.value)).toBe(JSON.stringify(expected.value));
  }
}

/** A deterministic pseudo-random source, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function commitment(i: number): unknown {
  return {
    id: `c-${i}`,
    title: { fr: `Engagement n° ${i} « ouvert » [${i}]`, en: `Commitment {${i}} "open"` },
    status: i % 3 === 0 ? 'complete' : 'limited',
    notes: 'a \\ backslash, a "quote", a ] bracket and a } brace',
    milestones: [{ title: 'x', done: i % 2 === 0 }, []],
  };
}

describe('parseJsonInSteps', () => {
  it('parses a large feed in many steps to the value JSON.parse gives', () => {
    const feed = {
      format: 'open-commitments/1',
      publisher: { name: 'Ville' },
      commitments: Array.from({ length: 2000 }, (_, i) => commitment(i)),
      updated: '2026-12-04T10:00:00Z',
    };
    const text = JSON.stringify(feed, null, 1);
    expect(text.length).toBeGreaterThan(STEPPED_ABOVE);
    const stepped = run(text);
    expect(stepped.value).toStrictEqual(feed);
    expect(stepped.steps).toBeGreaterThan(2000);
  });

  it('parses a short text in one call, without steps', () => {
    expect(run('{"commitments":[1,2,3]}')).toStrictEqual({
      value: { commitments: [1, 2, 3] },
      steps: 0,
    });
  });

  it.each([
    ['an empty array', '{"a":[],"b":[ \n ],"c":1}'],
    ['nested arrays and objects', '{"a":[[1,[2]],{"b":[3]}],"c":{"d":[4]}}'],
    ['a duplicate key, array last', '{"a":1,"b":2,"a":[1,2]}'],
    ['a duplicate key, array first', '{"a":[1,2],"b":2,"a":3}'],
    ['a duplicate key, two arrays', '{"a":[1],"a":[2,3]}'],
    ['a __proto__ key', '{"__proto__":[1,{"x":2}],"constructor":[3]}'],
    ['escaped quotes and brackets in strings', '{"a\\"]":["\\\\",  "\\"]", "\\\\\\"[{"],"b":"]"}'],
    ['a key with escapes', '{"\\u0061b":[1]}'],
    ['white space everywhere', ' \n{ "a" : [ 1 , 2 ] , "b" : [ ] } \r\n'],
    ['not an object', '[1,2,3]'],
    ['a string', '"text"'],
  ])('gives what JSON.parse gives for %s', (_name, text) => {
    expectSameAsNative(text);
  });

  it.each([
    ['a trailing comma', '{"a":[1,2,]}'],
    ['a leading comma', '{"a":[,1]}'],
    ['an empty item', '{"a":[1,,2]}'],
    ['a missing comma', '{"a":[1 2]}'],
    ['a non-JSON space in an empty array', '{"a":[\u00a0]}'],
    ['a non-JSON space after the object', '{"a":[1]}\u00a0'],
    ['text after the object', '{"a":[1]} x'],
    ['a truncated text', '{"a":[1,{"b":'],
    ['an unterminated string', '{"a":["x]}'],
    ['an array with no key', '{[1]}'],
    ['an array after a value', '{"a":1 [2]}'],
    ['an unbalanced bracket', '{"a":[1]]}'],
    ['a control character in a string', '{"a":["x\u0001"]}'],
    ['nothing', ''],
  ])('throws what JSON.parse throws for %s', (_name, text) => {
    expect(native(text).error).toBeDefined();
    expectSameAsNative(text);
  });

  it('agrees with JSON.parse on random texts and random damage to them', () => {
    const next = random(20261204);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const atoms = ['1', '-2.5e3', 'true', 'null', '"a"', '"\\"]"', '"\\\\"', '"{["', '[]', '{}'];
    const value = (depth: number): string => {
      if (depth > 3 || next() < 0.3) return pick(atoms);
      if (next() < 0.5) {
        return `[${Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1)).join(',')}]`;
      }
      const members = Array.from(
        { length: Math.floor(next() * 4) },
        () => `${pick(['"a"', '"b"', '"__proto__"', '"c\\""'])}:${value(depth + 1)}`,
      );
      return `{${members.join(',')}}`;
    };
    const damage = (text: string): string => {
      const at = Math.floor(next() * text.length);
      const kind = next();
      if (kind < 0.4) return text.slice(0, at) + text.slice(at + 1);
      if (kind < 0.8)
        return text.slice(0, at) + pick([',', ']', '[', '"', '\\', ' ', '}']) + text.slice(at);
      return text.slice(0, at);
    };
    for (let round = 0; round < 3000; round += 1) {
      const members = Array.from(
        { length: 1 + Math.floor(next() * 4) },
        () =>
          `${pick(['"commitments"', '"a"', '"b"'])}:${next() < 0.6 ? `[${Array.from({ length: Math.floor(next() * 5) }, () => value(1)).join(',')}]` : value(1)}`,
      );
      const text = `{${members.join(',')}}`;
      expectSameAsNative(text);
      expectSameAsNative(damage(text));
    }
  });
});

describe('parseJsonInSteps depth', () => {
  /** `levels` arrays, one inside the other, holding 1. */
  const nested = (levels: number): string => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

  it.each([
    ['a short text', 0, Infinity],
    ['a short text in steps', 0, 0],
    ['a long text in steps', STEPPED_ABOVE, undefined],
  ])('reads 64 levels and refuses 65, where the 65th opens, in %s', (_name, padding, above) => {
    const text = (levels: number): string =>
      `{"a":"${'x'.repeat(padding)}","x":${nested(levels - 1)}}`;
    expect(run(text(64), above).value).toEqual(JSON.parse(text(64)));
    expect(run(text(65), above).error).toBe(
      `Error: nested deeper than the limit of 64 levels, at position ${text(65).indexOf('[') + 63}`,
    );
  });

  it.each([
    ['an array', nested(65)],
    ['an object', `${'{"a":'.repeat(65)}1${'}'.repeat(65)}`],
    ['an invalid text', `{"a":1,${nested(65)}`],
  ])('refuses %s nested 65 levels deep', (_name, text) => {
    expect(run(text, 0).error).toMatch(/^Error: nested deeper than the limit of 64 levels/);
    expect(run(text, Infinity).error).toMatch(/^Error: nested deeper than the limit of 64 levels/);
  });

  it('refuses a feed nested millions of levels deep before it parses any of it', () => {
    const text = `{"format":"open-commitments/1","x":${nested(9_500_000)},"commitments":[]}`;
    const steps = parseJsonInSteps(text);
    expect(() => {
      for (let step = steps.next(); !step.done; step = steps.next());
    }).toThrow(TooDeep);
  });
});
