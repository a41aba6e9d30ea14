/**
 * The test hooks (`window.regelwerk`: the editor and Monaco's API, for the browser tests and the editor
 * benchmark) exist only in the browser tests' build (dist/editor-e2e), never in the editor users get.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../src/server/ensure-built.js';
import { APP_DIR, PROJECT_ROOT, ensureTestBuild } from './harness.js';

const HOOK = /window\.regelwerk\s*=/;

function scripts(dir: string): string[] {
  const assets = path.join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(path.join(assets, f), 'utf8'));
}

describe('test hooks', () => {
  it('are in the browser tests’ build', async () => {
    await ensureTestBuild();
    expect(scripts(APP_DIR).some((s) => HOOK.test(s))).toBe(true);
  }, 600_000);

  it('are not in the editor users get (npm run build:editor)', async () => {
    const appDir = path.join(PROJECT_ROOT, 'dist', 'editor');
    await ensureBuilt(PROJECT_ROOT, appDir);
    const js = scripts(appDir);
    expect(js.length).toBeGreaterThan(0);
    expect(js.filter((s) => HOOK.test(s))).toEqual([]);
  }, 600_000);
});
