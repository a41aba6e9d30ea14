#!/usr/bin/env node
// The regelwerk CLI. Runs the built JavaScript in dist/ (`npm run build`; `npm start` and `npm test` build it).
// For development without a build: REGELWERK_DEV=1 (or `npm run dev -- <opdracht>`) runs the TypeScript
// sources through tsx, a development dependency.
import { existsSync } from 'node:fs';
import v8 from 'node:v8';

// V8 guesses from the first objects an allocation site makes whether its objects live long and then allocates
// them in the old generation (allocation-site pretenuring). The engine's caches keep the first results of a
// few sites, so V8 would often guess "long-lived" for objects that live for one evaluation: every evaluation's
// garbage then goes to the old generation and full collections take 30-40 % of the time, in some runs and not
// in others. Off, before anything runs (worker threads share the setting): measured in docs/benchmarks.md.
v8.setFlagsFromString('--no-allocation-site-pretenuring');

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
