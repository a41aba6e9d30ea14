import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The build's identity: a hash of everything that decides what a compiled program is and how it is read (the
 * sources under dsl/ and src/, and package.json). The rules cache (src/cli/rules-cache.ts) keys on it, so a
 * program compiled by another build is never used.
 */
function buildId(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(ts|tsx|json)$/.test(e.name)) hash.update(`${full}\u0000`).update(readFileSync(full));
    }
  };
  walk('dsl');
  walk('src');
  hash.update(readFileSync('package.json'));
  return hash.digest('hex').slice(0, 32);
}

/**
 * The command line as Node code in dist/cli/: bin/regelwerk.mjs runs dist/cli/main.js. Chevrotain (with the
 * ~650 lodash-es modules it imports) is bundled in, so a command loads a few files instead of ~800 (0.5 s);
 * each command stays its own chunk, loaded only when it runs. Other dependencies stay in node_modules.
 * The library (dist/src, dist/dsl with .d.ts) is built by tsc: `npm run build:lib`.
 */
export default defineConfig({
  define: { __REGELWERK_BUILD__: JSON.stringify(buildId()) },
  ssr: { noExternal: ['chevrotain', /^@chevrotain\//, 'lodash-es'], target: 'node' },
  build: {
    ssr: true,
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      // impact-worker: the worker thread of `regelwerk impact` (src/impact/node/pool.ts starts it).
      input: { main: 'src/cli/main.ts', 'impact-worker': 'src/impact/node/worker.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  logLevel: 'warn',
});
