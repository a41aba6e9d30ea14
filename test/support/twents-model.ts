/** Test helper: compile the Twents Model rules folder (all versions and overrides). */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../../dsl/index.js';
import type { Ir } from '../../dsl/index.js';

export const RULES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../rules/twents-model',
);

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.regels') ? [p] : [];
    });
}

/** The compiled programs, or the compiler's error messages. */
export function loadTwentsModel(): {
  programs: Ir.Program[];
  errors: string[];
  texts: Record<string, string>;
} {
  const sources = files(RULES_DIR).map((p) => ({
    path: path.relative(process.cwd(), p),
    text: readFileSync(p, 'utf8'),
  }));
  const texts = Object.fromEntries(sources.map((s) => [s.path, s.text]));
  const r = compile(sources);
  if (!r.ok)
    return {
      programs: [],
      errors: r.diagnostics.filter((d) => d.severity === 'fout').map((d) => `${d.file}: ${d.message}`),
      texts,
    };
  return { programs: r.programs, errors: [], texts };
}
