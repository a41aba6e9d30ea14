/**
 * Vitest global setup: tests that run the real bin (`bin(…)` in test/support/cli.ts) run the built CLI in
 * dist/cli, so it is rebuilt first when any source is newer than the build (`npm run build:cli`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SOURCES = ['src', 'dsl', 'vite.cli.config.ts', 'package.json'];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((m, n) => Math.max(m, newest(path.join(p, n))), s.mtimeMs);
}

/** Whether dist/cli is missing or older than a source file. */
export function cliIsStale(root = ROOT): boolean {
  const built = path.join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(built)) return true;
  const at = statSync(built).mtimeMs;
  return SOURCES.some((s) => newest(path.join(root, s)) > at);
}

export default function setup(): void {
  // The built CLI keeps compiled rules (src/cli/rules-cache.ts): in a folder of this test run, not the user's.
  process.env.REGELWERK_CACHE ??= mkdtempSync(path.join(tmpdir(), 'regelwerk-test-cache-'));
  if (!cliIsStale()) return;
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.cli.config.ts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`'npm run build:cli' mislukte:\n${r.stdout}\n${r.stderr}`);
}
