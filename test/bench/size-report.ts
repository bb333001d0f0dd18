/**
 * What each module weighs in the widget's bundles, to choose what to shrink: builds both entries
 * as `npm run build:widget` does (into a temporary folder), then minifies each module's rendered
 * code alone and gzips it at level 9. Modules alone compress worse than the whole bundle, so the
 * figures add up to more than the bundle; their proportions are what matters.
 *
 *   npx tsx test/bench/size-report.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { transform } from 'esbuild';
import { build, type Plugin } from 'vite';
import { gzipSync } from 'node:zlib';

function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).byteLength;
}

interface Part {
  readonly id: string;
  readonly minified: number;
  readonly gzip: number;
}

function collect(into: Map<string, string>): Plugin {
  return {
    name: 'collect-modules',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [id, info] of Object.entries(chunk.modules)) into.set(id, info.code ?? '');
      }
    },
  };
}

/** A module's group: its package, or its folder in this repository. */
function group(id: string): string {
  const path = relative(process.cwd(), id.replace(/\?.*$/, ''));
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1] ?? path;
  return path;
}

async function measure(mode: string, file: string): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'oc-size-'));
  const modules = new Map<string, string>();
  try {
    await build({
      configFile: 'widget/vite.config.ts',
      mode,
      logLevel: 'silent',
      plugins: [collect(modules)],
      build: { outDir, emptyOutDir: true },
    });
    const total = gzipSize(readFileSync(join(outDir, file)));
    const parts: Part[] = [];
    for (const [id, code] of modules) {
      if (code.trim() === '') continue;
      const min = (await transform(code, { minify: true, loader: 'js' })).code;
      parts.push({ id: group(id), minified: min.length, gzip: gzipSize(Buffer.from(min)) });
    }
    const byGroup = new Map<string, Part>();
    for (const part of parts) {
      const key = part.id;
      const seen = byGroup.get(key);
      byGroup.set(key, {
        id: key,
        minified: (seen?.minified ?? 0) + part.minified,
        gzip: (seen?.gzip ?? 0) + part.gzip,
      });
    }
    const sorted = [...byGroup.values()].sort((a, b) => b.gzip - a.gzip);
    const sum = sorted.reduce((n, p) => n + p.gzip, 0);
    console.log(`${file}: ${(total / 1024).toFixed(1)} KB gzip -9 as one bundle`);
    console.log(`  ${'module'.padEnd(64)} ${'min'.padStart(7)} ${'gzip'.padStart(7)}`);
    for (const p of sorted) {
      console.log(
        `  ${p.id.padEnd(64)} ${String(p.minified).padStart(7)} ${String(p.gzip).padStart(7)}`,
      );
    }
    console.log(
      `  ${'sum of modules alone'.padEnd(64)} ${''.padStart(7)} ${String(sum).padStart(7)}`,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

await measure('production', 'open-commitments.js');
await measure('badge', 'open-commitment-badge.js');
