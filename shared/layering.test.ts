/**
 * `shared/` runs unchanged in the widget, the extension and the CLI: outside `shared/cli/`, its
 * source imports only its own files and the small browser-safe libraries it is built on. The
 * Public Suffix List (tldts) is large: only `match/public-suffix.ts` reads it, and nothing else in
 * the core imports that module, so the widget never carries it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ALLOWED_PACKAGES = new Set(['valibot', 'idb', 'tldts']);
const root = new URL('./', import.meta.url);

function sourceFiles(dir: URL, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      return entry.name === 'cli' && prefix === ''
        ? []
        : sourceFiles(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`);
    }
    const name = entry.name;
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'test-support.ts'
      ? [`${prefix}${name}`]
      : [];
  });
}

/** Source without its comments, so that prose about `browser.` or `from` is not mistaken for code. */
function code(file: string): string {
  return readFileSync(new URL(file, root), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

/** Module specifiers of static imports, re-exports, side-effect and dynamic imports. */
function specifiers(file: string): string[] {
  const source = code(file);
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]/g,
  ];
  return patterns.flatMap((pattern) =>
    [...source.matchAll(pattern)].flatMap((match) => (match[1] === undefined ? [] : [match[1]])),
  );
}

describe('shared/ layering', () => {
  const files = sourceFiles(root);

  it('finds the source files', () => {
    expect(files).toContain('feed/parse-feed.ts');
    expect(files).toContain('index.ts');
    expect(files.some((file) => file.startsWith('cli/'))).toBe(false);
  });

  it('imports no framework, no Node builtin, no front end', () => {
    const offenders = files.flatMap((file) =>
      specifiers(file)
        .filter((spec) => !spec.startsWith('./') && !spec.startsWith('../'))
        .filter((spec) => !ALLOWED_PACKAGES.has(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('reads the Public Suffix List in one module, which no other module of the core imports', () => {
    const offenders = files.flatMap((file) =>
      specifiers(file)
        .filter((spec) =>
          spec === 'tldts' ? file !== 'match/public-suffix.ts' : spec.endsWith('/public-suffix.ts'),
        )
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('never reaches outside shared/ by a relative path', () => {
    const offenders = files.flatMap((file) =>
      specifiers(file)
        .filter((spec) => spec.startsWith('.'))
        .filter((spec) => !new URL(spec, new URL(file, root)).href.startsWith(root.href))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('uses no runtime global of Node or of extensions', () => {
    const offenders = files.filter((file) =>
      /\b(?:process\.|Buffer\.|require\(|chrome\.|browser\.runtime|__dirname)/.test(code(file)),
    );
    expect(offenders).toEqual([]);
  });
});
