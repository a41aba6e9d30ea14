/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The editor app lives in editor/; vitest runs the tests under test/.
export default defineConfig({
  root: 'editor',
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: '../dist/editor', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
