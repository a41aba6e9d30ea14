/** dsl/ is the language core: it must not depend on the app, the editor, monaco-editor or react. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN = [
  /(^|\/)src\//,
  /(^|\/)editor\//,
  /^monaco-editor/,
  /^react(-dom)?(\/|$)/,
  /^\.\.\/\.\.\/(src|editor)/,
];

describe('dsl/ imports', () => {
  it('imports nothing from src/, editor/, monaco-editor or react', () => {
    const bad: string[] = [];
    for (const f of tsFiles('dsl')) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(
        /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
      )) {
        const spec = m[1] ?? m[2] ?? '';
        const resolved = spec.startsWith('.') ? join(f, '..', spec) : spec;
        if (FORBIDDEN.some((r) => r.test(resolved) || r.test(spec))) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
