/**
 * How fast the built CLI starts: `node -e 0` (the floor: Node itself), `regelwerk --help` and
 * `regelwerk check rules/`, each as a fresh process, in 5 interleaved rounds; the median of each, in seconds.
 * The CLI is built first when a source is newer than dist/cli (as the tests do).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import buildCliWhenStale from '../support/build-cli.js';
import { median } from './timing.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'regelwerk.mjs');

export interface CliStartResult {
  readonly nodeStartSeconds: number;
  readonly cliHelpSeconds: number;
  readonly cliCheckRulesSeconds: number;
}

/** Wall-clock seconds of one run; throws when the command fails. */
function seconds(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, REGELWERK_DEV: '' },
  });
  const t = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} stopte met ${r.status}: ${r.stderr}`);
  return t;
}

export function runCliStartBench(rounds = 5): CliStartResult {
  buildCliWhenStale();
  const commands = {
    nodeStartSeconds: ['-e', '0'],
    cliHelpSeconds: [BIN, '--help'],
    cliCheckRulesSeconds: [BIN, 'check', 'rules/'],
  } as const;
  const times: Record<keyof CliStartResult, number[]> = {
    nodeStartSeconds: [],
    cliHelpSeconds: [],
    cliCheckRulesSeconds: [],
  };
  const keys = Object.keys(commands) as (keyof CliStartResult)[];
  for (const k of keys) seconds(commands[k]); // warm the file cache
  for (let i = 0; i < rounds; i++) for (const k of keys) times[k].push(seconds(commands[k]));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    nodeStartSeconds: round(median(times.nodeStartSeconds)),
    cliHelpSeconds: round(median(times.cliHelpSeconds)),
    cliCheckRulesSeconds: round(median(times.cliCheckRulesSeconds)),
  };
}
