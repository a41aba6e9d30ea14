/**
 * Golden tests: every `test/fixtures/**\/good/*.regels` compiles without errors; every `bad/*.regels` gives
 * exactly the rendered diagnostics in the `.errors.txt` beside it. `UPDATE_GOLDEN=1` rewrites those files.
 * Every code of the diagnostics catalog is produced by at least one bad fixture (files, or folders of versions).
 * Uses `compile()` from dsl/compile.ts when it exists, otherwise only the syntax front end.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../dsl/diagnostics/diagnostic.js';
import { sortDiagnostics } from '../dsl/diagnostics/diagnostic.js';
import { CATALOG } from '../dsl/diagnostics/catalog.js';
import { renderDiagnostic } from '../dsl/diagnostics/render.js';
import { parse } from '../dsl/syntax/parse.js';

const FIXTURES = 'test/fixtures';
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

type Compile = (sources: { path: string; text: string }[]) => { diagnostics: readonly Diagnostic[] };

async function loadPipeline(): Promise<(path: string, text: string) => readonly Diagnostic[]> {
  if (existsSync('dsl/compile.ts')) {
    const mod = (await import('../dsl/compile.js' as string)) as { compile?: Compile };
    const compile = mod.compile;
    if (compile !== undefined) return (path, text) => compile([{ path, text }]).diagnostics;
  }
  return (path, text) => parse(text, path).diagnostics;
}

const all = walk(FIXTURES).filter((f) => f.endsWith('.regels'));
/** Folder fixtures (`bad/<case>/*.regels`, compiled together; their goldens are in test/dsl/check). */
const badFolders = [
  ...new Set(all.filter((f) => f.split('/').at(-3) === 'bad').map((f) => join(f, '..'))),
].sort();
const good = all.filter((f) => f.split('/').at(-2) === 'good');
const bad = all.filter((f) => f.split('/').at(-2) === 'bad');

/** Diagnostics of a fixture, rendered; paths relative to the fixture's folder. */
async function rendered(file: string): Promise<{ text: string; codes: string[] }> {
  const pipeline = await loadPipeline();
  const text = readFileSync(file, 'utf8');
  const path = relative(join(file, '..'), file);
  const ds = sortDiagnostics(pipeline(path, text));
  return {
    text: ds.map((d) => renderDiagnostic(d, text)).join('\n') + (ds.length > 0 ? '\n' : ''),
    codes: ds.map((d) => d.code),
  };
}

/** Codes produced by the folder fixtures, each folder compiled as one set of files. */
async function folderCodes(): Promise<string[]> {
  if (badFolders.length === 0) return [];
  const mod = (await import('../dsl/compile.js' as string)) as { compile?: Compile };
  const compile = mod.compile;
  if (compile === undefined) return [];
  return badFolders.flatMap((dir) => {
    const sources = readdirSync(dir)
      .filter((n) => n.endsWith('.regels'))
      .map((n) => ({ path: n, text: readFileSync(join(dir, n), 'utf8') }));
    return compile(sources).diagnostics.map((d) => d.code);
  });
}

describe('golden fixtures', () => {
  it.each(good)('%s has no errors', async (file) => {
    const pipeline = await loadPipeline();
    const ds = pipeline(relative(join(file, '..'), file), readFileSync(file, 'utf8'));
    const errors = ds.filter((d) => d.severity === 'fout');
    expect(errors.map((d) => renderDiagnostic(d, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it.each(bad)('%s matches its .errors.txt', async (file) => {
    const expectedFile = file.replace(/\.regels$/, '.errors.txt');
    const { text } = await rendered(file);
    if (UPDATE) writeFileSync(expectedFile, text);
    expect(text.length).toBeGreaterThan(0);
    expect(text).toBe(existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : '<geen .errors.txt>');
  });

  it('every catalog code has a bad fixture that produces it', async () => {
    const produced = new Set<string>();
    for (const f of bad) for (const c of (await rendered(f)).codes) produced.add(c);
    for (const c of await folderCodes()) produced.add(c);
    // RW9001 (a file that cannot be read) comes from the CLI, not from a text: covered by test/cli.
    const missing = Object.keys(CATALOG).filter((c) => c !== 'RW9001' && !produced.has(c));
    expect(missing).toEqual([]);
  });
});
