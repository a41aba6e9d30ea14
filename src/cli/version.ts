/**
 * The version of regelwerk (`regelwerk --version`): read from its package.json, found by walking up from this
 * module, so it is the same from the sources (tsx) and from the built CLI in dist/cli.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function version(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'regelwerk' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here: one folder up
    }
    dir = path.dirname(dir);
  }
  return 'onbekend';
}
