/**
 * The components' doc comments are their public reference: the Custom Elements Manifest is
 * generated from them. Every `::part()` a component draws and every `--oc-*` property its styles
 * declare or read must be named there, and nothing named there may be gone from the code.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { styles as badgeStyles } from './open-commitment-badge/open-commitment-badge.styles.ts';
import { styles as dashboardStyles } from './open-commitments/open-commitments.styles.ts';

const here = dirname(fileURLToPath(import.meta.url));
const widgetRoot = resolve(here, '..') + sep;

/** A module and every module of the widget it imports, transitively. */
function widgetSources(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+\.ts)'/g)) {
    const target = resolve(dirname(file), spec ?? '');
    if (target.startsWith(widgetRoot)) widgetSources(target, seen);
  }
  return seen;
}

/** The part names a set of sources draws: `part="x"` in templates, `part: 'x'`, `setAttribute('part', 'x')`. */
function drawnParts(files: Set<string>): string[] {
  const parts = new Set<string>();
  for (const file of files) {
    if (file.endsWith('.test.ts')) continue;
    const text = readFileSync(file, 'utf8').replace(/^\s*\*.*$/gm, '');
    for (const [, name] of text.matchAll(/\bpart(?:="|: '|', ')([a-z-]+)/g)) parts.add(name ?? '');
  }
  return [...parts].sort();
}

function customProperties(styles: string): string[] {
  return [...new Set(styles.match(/--oc-[a-z-]+/g))].sort();
}

function documented(file: string, tag: 'csspart' | 'cssprop'): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(new RegExp(`@${tag} (\\S+) - `, 'g'))].map((m) => m[1] ?? '').sort();
}

describe.each([
  {
    element: 'open-commitments',
    file: resolve(here, 'open-commitments/open-commitments.ts'),
    styles: dashboardStyles,
  },
  {
    element: 'open-commitment-badge',
    file: resolve(here, 'open-commitment-badge/open-commitment-badge.ts'),
    styles: badgeStyles,
  },
])('<$element> documents its styling hooks', ({ file, styles }) => {
  it('names every part it draws, and no other', () => {
    expect(documented(file, 'csspart')).toEqual(drawnParts(widgetSources(file)));
  });

  it('names every --oc-* property of its styles, and no other', () => {
    expect(documented(file, 'cssprop')).toEqual(customProperties(styles));
  });
});
