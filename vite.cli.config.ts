import { defineConfig } from 'vite';

/**
 * The command line as Node code in dist/cli/: bin/regelwerk.mjs runs dist/cli/main.js. Chevrotain (with the
 * ~650 lodash-es modules it imports) is bundled in, so a command loads a few files instead of ~800 (0.5 s);
 * each command stays its own chunk, loaded only when it runs. Other dependencies stay in node_modules.
 * The library (dist/src, dist/dsl with .d.ts) is built by tsc: `npm run build:lib`.
 */
export default defineConfig({
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
