/**
 * The built worker of `regelwerk impact` (dist/cli/impact-worker.js) loads only the engine: the main thread
 * compiles the rules once and hands the workers the selected programs, so no worker loads the compiler with
 * Chevrotain (the ~560 kB chunk that cost every worker ~0.4 s CPU to load and compile the rules with).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli');

/** Every file the module `file` loads statically, itself included (relative imports within dist/cli). */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(path.join(CLI, file), 'utf8');
  for (const m of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["'](\.\/[^"']+)["']/gm))
    staticGraph(path.normalize(m[1] as string), seen);
  return seen;
}

const loads = (file: string, marker: string): boolean =>
  [...staticGraph(file)].some((f) => readFileSync(path.join(CLI, f), 'utf8').includes(marker));

describe('the built impact worker', () => {
  it('loads the engine but not the compiler or Chevrotain', () => {
    expect(loads('impact-worker.js', 'function createEngine(')).toBe(true);
    expect(loads('impact-worker.js', 'performSelfAnalysis')).toBe(false);
    expect(loads('impact-worker.js', 'function compile(')).toBe(false);
  });

  it('looks for markers that the build does contain (so the check above can fail)', () => {
    const files = readdirSync(CLI).filter((f) => f.endsWith('.js'));
    const having = (marker: string) =>
      files.filter((f) => readFileSync(path.join(CLI, f), 'utf8').includes(marker));
    expect(having('performSelfAnalysis').length).toBeGreaterThan(0);
    expect(having('function compile(').length).toBeGreaterThan(0);
  });
});
