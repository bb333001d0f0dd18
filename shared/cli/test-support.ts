/** Helpers for the CLI tests: an in-memory `CliIo`, temporary folders, the real data beside the repo. */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './io.ts';
import { run } from './main.ts';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Decidim's own accountability fixtures, beside the repository (not copied into it). */
export const DECIDIM_DIR = path.resolve(ROOT, '../shared/data/decidim/spec');

/** Whether the Decidim fixtures are there. */
export const HAVE_DECIDIM = existsSync(DECIDIM_DIR);

/** The fixed clock of the tests: 2026-12-04, noon UTC. */
export const NOW = new Date('2026-12-04T12:00:00Z');

/** What a command printed and returned. */
export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output, the fixed clock and `cwd`. */
export async function runCli(
  argv: readonly string[],
  options: { cwd?: string; fetch?: typeof fetch; lang?: 'fr' | 'en'; invocation?: string } = {},
): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    fetch: options.fetch ?? globalThis.fetch,
    now: () => NOW,
    cwd: options.cwd ?? ROOT,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.invocation ? { invocation: options.invocation } : {}),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder and its removal. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'open-commitments-cli-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
