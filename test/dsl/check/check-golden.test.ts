/**
 * Golden tests of the checker and version resolution. Single files: test/fixtures/check/{good,bad}/*.regels;
 * folders compiled together: test/fixtures/versions/{good,bad}/<case>/. A bad fixture's rendered diagnostics
 * are compared with `<name>.errors.txt` beside it; `UPDATE_GOLDEN=1` rewrites them (read the diff!).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type Source } from '../../../dsl/compile.js';
import { renderDiagnostic } from '../../../dsl/diagnostics/render.js';

const root = join(import.meta.dirname, '../../fixtures');
const update = process.env.UPDATE_GOLDEN === '1';

function render(sources: readonly Source[]): { text: string; ok: boolean } {
  const result = compile(sources);
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  const text = result.diagnostics.map((d) => renderDiagnostic(d, texts.get(d.file) ?? '')).join('\n');
  return { text: text.endsWith('\n') ? text : `${text}\n`, ok: result.ok };
}

const list = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

function folderSources(dir: string, name: string): Source[] {
  return list(join(dir, name))
    .filter((f) => f.endsWith('.regels'))
    .map((f) => ({ path: `${name}/${f}`, text: readFileSync(join(dir, name, f), 'utf8') }));
}

function golden(file: string, actual: string): void {
  if (update || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('check fixtures', () => {
  const good = join(root, 'check/good');
  for (const f of list(good).filter((n) => n.endsWith('.regels'))) {
    it(`good/${f} checks clean`, () => {
      const r = compile([{ path: f, text: readFileSync(join(good, f), 'utf8') }]);
      expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      expect(r.ok).toBe(true);
    });
  }
  const bad = join(root, 'check/bad');
  for (const f of list(bad).filter((n) => n.endsWith('.regels'))) {
    it(`bad/${f} has its expected diagnostics`, () => {
      const { text } = render([{ path: f, text: readFileSync(join(bad, f), 'utf8') }]);
      expect(text.trim()).not.toBe('');
      golden(join(bad, f.replace(/\.regels$/, '.errors.txt')), text);
    });
  }
});

describe('version fixtures', () => {
  const good = join(root, 'versions/good');
  for (const c of list(good)) {
    it(`good/${c} compiles clean`, () => {
      const r = compile(folderSources(good, c));
      expect(r.diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([]);
      expect(r.ok).toBe(true);
    });
  }
  const bad = join(root, 'versions/bad');
  for (const c of list(bad).filter((n) => !n.endsWith('.txt'))) {
    it(`bad/${c} has its expected diagnostics`, () => {
      const { text } = render(folderSources(bad, c));
      expect(text.trim()).not.toBe('');
      golden(join(bad, `${c}.errors.txt`), text);
    });
  }
});
