/**
 * The folder of regelwerk itself (where its package.json is), found from this module's own location: from the
 * sources (src/cli/), from the library build (dist/src/cli/) and from the bundled CLI (dist/cli/) alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"regelwerk"/.test(readFileSync(pkg, 'utf8'))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`de map van regelwerk (package.json) is niet gevonden boven ${from}`);
  }
}
