#!/usr/bin/env node
// The regelwerk CLI. Runs the built JavaScript in dist/ (`npm run build`; `npm start` and `npm test` build it).
// For development without a build: REGELWERK_DEV=1 (or `npm run dev -- <opdracht>`) runs the TypeScript
// sources through tsx, a development dependency.
import { existsSync } from 'node:fs';
import { setV8Flags } from './v8-flags.mjs';

// V8's allocation-site pretenuring off and less inlining, before anything runs: see ./v8-flags.mjs.
setV8Flags();

const built = new URL('../dist/cli/main.js', import.meta.url);
const dev = process.env.REGELWERK_DEV === '1';
if (!dev && !existsSync(built)) {
  console.error(
    "regelwerk is nog niet gebouwd: voer eerst 'npm run build' uit in de map van regelwerk " +
      '(of zet REGELWERK_DEV=1 om de broncode met tsx te draaien).',
  );
  process.exit(3);
}
let main;
if (dev) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
} else {
  ({ main } = await import(built.href));
}
process.exitCode = await main(process.argv.slice(2));
