/**
 * How fast the built CLI starts: `node -e 0` (the floor: Node itself), `regelwerk --help` and
 * `regelwerk check rules/`, each as a fresh process, in 5 interleaved rounds; the median of each, in seconds:
 * wall-clock time, and the CPU time (user + system) the process itself reports at exit, which a busy machine
 * inflates much less. The CLI is built first when a source is newer than dist/cli (as the tests do).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import buildCliWhenStale from '../support/build-cli.js';
import { median } from './timing.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'regelwerk.mjs');

type Measure = 'nodeStart' | 'cliHelp' | 'cliCheckRules';

export type CliStartResult = Record<`${Measure}Seconds` | `${Measure}CpuSeconds`, number>;

/** Loaded before the command: reports the process's own CPU time (user + system, µs) on stderr at exit. */
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\n@cpu ${u.user + u.system}\\n`); });",
)}`;

/** Wall-clock and CPU seconds of one run; throws when the command fails. */
function seconds(args: readonly string[]): { wall: number; cpu: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT_CPU, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, REGELWERK_DEV: '' },
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} stopte met ${r.status}: ${r.stderr}`);
  const cpu = /@cpu (\d+)/.exec(r.stderr);
  if (!cpu) throw new Error(`node ${args.join(' ')} meldde geen CPU-tijd: ${r.stderr}`);
  return { wall, cpu: Number(cpu[1]) / 1e6 };
}

export function runCliStartBench(rounds = 5): CliStartResult {
  buildCliWhenStale();
  const commands: Record<Measure, readonly string[]> = {
    nodeStart: ['-e', '0'],
    cliHelp: [BIN, '--help'],
    cliCheckRules: [BIN, 'check', 'rules/'],
  };
  const measures = Object.keys(commands) as Measure[];
  const wall: Record<Measure, number[]> = { nodeStart: [], cliHelp: [], cliCheckRules: [] };
  const cpu: Record<Measure, number[]> = { nodeStart: [], cliHelp: [], cliCheckRules: [] };
  for (const m of measures) seconds(commands[m]); // warm the file cache
  for (let i = 0; i < rounds; i++)
    for (const m of measures) {
      const t = seconds(commands[m]);
      wall[m].push(t.wall);
      cpu[m].push(t.cpu);
    }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    nodeStartSeconds: round(median(wall.nodeStart)),
    cliHelpSeconds: round(median(wall.cliHelp)),
    cliCheckRulesSeconds: round(median(wall.cliCheckRules)),
    nodeStartCpuSeconds: round(median(cpu.nodeStart)),
    cliHelpCpuSeconds: round(median(cpu.cliHelp)),
    cliCheckRulesCpuSeconds: round(median(cpu.cliCheckRules)),
  };
}
