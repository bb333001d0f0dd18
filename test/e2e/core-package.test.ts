/**
 * The core as a package: `open-commitments/core` resolves through `package.json` `exports` in
 * plain Node to the built, self-contained module, which reads a bundled feed, and its declared
 * types file exists.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { parseFeed } from '../../shared/index.ts';

const run = promisify(execFile);

/** The built file, named through a variable so that the typecheck does not look for its types. */
const builtCore = '../../dist/core/open-commitments-core.js';

interface CorePackage {
  parseFeed: typeof parseFeed;
}

beforeAll(() => {
  if (!existsSync('dist/core/open-commitments-core.js')) {
    throw new Error('No built core in dist/core: run npm run build:core (or npm run build) first');
  }
});

describe('the built core (open-commitments/core)', () => {
  it('parses a bundled feed when imported from its file', async () => {
    const core = (await import(builtCore)) as CorePackage;
    const text = readFileSync('shared/feeds/valfleurie.json', 'utf8');
    const result = core.parseFeed(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.feed.publisher.name).toEqual({
      fr: 'Commune de Valfleurie (fictive)',
      en: 'Valfleurie (fictional town)',
    });
    expect(result.feed.commitments.map((c) => c.id)).toEqual([
      'VF-01',
      'VF-02',
      'VF-03',
      'VF-04',
      'VF-05',
      'VF-06',
      'VF-07',
      'VF-08',
      'VF-09',
      'VF-10',
    ]);
    expect(core.parseFeed('{"format": "open-commitments/1"}').ok).toBe(false);
  });

  it('resolves by its package name in plain Node, with nothing left to install', async () => {
    const script = [
      "const core = await import('open-commitments/core');",
      "const { readFileSync } = await import('node:fs');",
      "const feed = JSON.parse(readFileSync(process.argv[1], 'utf8'));",
      'const result = core.parseFeed(feed);',
      "console.log(JSON.stringify({ ok: result.ok, count: result.ok ? result.feed.commitments.length : -1, url: import.meta.resolve('open-commitments/core') }));",
    ].join('\n');
    const { stdout } = await run(process.execPath, [
      '--input-type=module',
      '-e',
      script,
      'shared/feeds/valfleurie.json',
    ]);
    const answer = JSON.parse(stdout) as { ok: boolean; count: number; url: string };
    expect(answer).toMatchObject({ ok: true, count: 10 });
    expect(answer.url).toMatch(/\/dist\/core\/open-commitments-core\.js$/);
    // Bundled: the module imports no package (idb and valibot are inside).
    const source = readFileSync('dist/core/open-commitments-core.js', 'utf8');
    expect(source).not.toMatch(/\bfrom\s*["'](?!\.)/);
    expect(source).not.toMatch(/\bimport\s*\(\s*["'](?!\.)/);
  });

  it('declares its types where package.json says', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      exports: Record<string, { types: string; default: string }>;
    };
    const entry = pkg.exports['./core']!;
    expect(existsSync(entry.types)).toBe(true);
    expect(existsSync(entry.default)).toBe(true);
    expect(readFileSync(entry.types, 'utf8')).toContain("export * from './feed/parse-feed");
  });
});
