/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The editor app lives in editor/; vitest runs the tests under test/.
 * `vite build` builds the editor into dist/editor. `vite build --mode e2e` (npm run build:editor:e2e) builds the
 * browser tests' copy into dist/editor-e2e: only that copy has the test hooks (`window.regelwerk`), because
 * `import.meta.env.MODE === 'e2e'` is false, and its code removed, in every other build.
 */
export default defineConfig(({ mode }) => ({
  root: 'editor',
  plugins: [react()],
  worker: { format: 'es' as const },
  build: {
    outDir: mode === 'e2e' ? '../dist/editor-e2e' : '../dist/editor',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    // Builds dist/cli when a source is newer, so tests of the real bin run the current code.
    globalSetup: ['test/support/build-cli.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
}));
