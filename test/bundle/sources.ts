/** Test helper: the Twents Model sources as the bundle builder reads them (paths as given, any order). */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Source } from '../../dsl/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TWENTS_MODEL = path.join(ROOT, 'rules/twents-model');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.regels') ? [p] : [];
    });
}

/** The sources under `dir`, named by `name` (default: the absolute path). */
export function readSources(dir = TWENTS_MODEL, name: (p: string) => string = (p) => p): Source[] {
  return files(dir).map((p) => ({ path: name(p), text: readFileSync(p, 'utf8') }));
}
