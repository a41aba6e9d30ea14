/**
 * Impact benchmark (called by test/bench/run.ts): a generated caseload (seed 1, 2022) priced under 2021-07 and
 * 2022 by the built CLI (dist/cli: its worker-thread pool and worker, as users run it), against the single-thread
 * fast path evaluating one version in the same run.
 *
 * - impactCasesPerSecond: beschikkingen per second, each priced under both versions, all cores, on a started
 *   pool of the built worker (dist/cli/impact-worker.js), reading the JSON Lines file and merging the tallies
 *   included; warmed up by one run over the whole caseload, then the median of three runs;
 * - impactToFastPathRatio: that against fast-path evaluations of one version per second on one thread (already
 *   parsed cases; warmed up the same way: one pass over the caseload, then the median of three passes; goal
 *   ≥ 0.75 on 2 cores: two versions on two cores is 1.0 without any overhead). Both are steady-state figures:
 *   what starting costs (loading, the JIT warming up in every worker) is in impact30kSeconds. With the warm-up
 *   of earlier sessions (3,000 cases for the fast path, 4,000 for the pool) the figures are also given
 *   (`impactContext.shortWarmup`): there the pool's two workers are still warming up two engines each;
 * - impact30kSeconds: `regelwerk impact` on the 30,000-case file as a fresh process of the built CLI, from the
 *   start of the process to its exit (loading the rules, starting the workers, pricing, the report; goal ≤ 1.5 s);
 *   the median of five runs, with the CPU time (user + system) of the process. The rules come from the CLI's
 *   cache of compiled rules (src/cli/rules-cache.ts, in a folder of this run), as on every run after the first
 *   with the same rules; impact30kUncachedSeconds is the same with `REGELWERK_CACHE=uit` (compiling every time).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileRuleset } from '../../src/cli/ruleset.js';
import { generateCaseload } from '../../src/impact/generate.js';
import { openCaseload } from '../../src/impact/node/read-file.js';
import { ImpactPool } from '../../src/impact/node/pool.js';
import { selectVersion } from '../../src/impact/versions.js';
import { createEngine } from '../../src/index.js';
import buildCliWhenStale from '../support/build-cli.js';
import { median } from './timing.js';

const BASIS = '2021-07';
const VARIANT = '2022';
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'regelwerk.mjs');
const BUILT_WORKER = pathToFileURL(path.join(ROOT, 'dist', 'cli', 'impact-worker.js')).href;

/** Loaded before the command: reports the process's own CPU time (user + system, µs, all threads) at exit. */
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\n@cpu ${u.user + u.system}\\n`); });",
)}`;

/** One run of the built `regelwerk impact --json`: wall-clock and CPU seconds, and the total difference. */
function cliRun(file: string, cache: string): { wall: number; cpu: number; difference: string } {
  const args = ['--regels', 'rules/twents-model', '--caseload', file, '--basis', BASIS, '--variant', VARIANT];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', REPORT_CPU, BIN, 'impact', ...args, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, REGELWERK_DEV: '', REGELWERK_CACHE: cache },
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`regelwerk impact stopte met ${r.status}: ${r.stderr}`);
  const cpu = /@cpu (\d+)/.exec(r.stderr);
  if (!cpu) throw new Error(`regelwerk impact meldde geen CPU-tijd: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { totals: { difference: string } };
  return { wall, cpu: Number(cpu[1]) / 1e6, difference: report.totals.difference };
}

export async function runImpactBench(o: {
  readonly cases: number;
  readonly log: (s: string) => void;
}): Promise<Record<string, unknown>> {
  const load = await compileRuleset(['rules/twents-model']);
  if (!load.ok) throw new Error('rules/twents-model does not compile');
  const { programs } = load.ruleset;
  const cases = [...generateCaseload({ aantal: o.cases, seed: 1, jaar: 2022 })];
  const file = path.join(tmpdir(), `regelwerk-impact-bench-${process.pid}.jsonl`);
  await writeFile(file, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');

  // Baseline: one version, one thread, the fast path on parsed cases.
  const selected = selectVersion(programs, VARIANT, 'variant');
  if (!selected.ok) throw new Error(selected.message);
  const evaluate = createEngine(selected.programs, { path: 'fast' }).evaluateSync;
  if (!evaluate) throw new Error('no synchronous fast path');
  /** Evaluations per second of one pass over `list`. */
  const pass = (list: readonly unknown[], run = evaluate): number => {
    const t0 = performance.now();
    for (const c of list) run(c);
    return list.length / ((performance.now() - t0) / 1000);
  };
  pass(cases.slice(0, 3000));
  const fastShortWarmup = pass(cases);
  const fastPerSecond = median([pass(cases), pass(cases), pass(cases)]);
  // Context: the fast path pricing money only, as impact does (no indicative hours on result lines).
  const moneyOnly = createEngine(selected.programs, { path: 'fast', hours: false }).evaluateSync;
  if (!moneyOnly) throw new Error('no synchronous fast path');
  pass(cases, moneyOnly);
  const moneyOnlyPerSecond = median([pass(cases, moneyOnly), pass(cases, moneyOnly), pass(cases, moneyOnly)]);
  const threads = availableParallelism();
  buildCliWhenStale();

  // The built CLI from the start of the process to its exit, five times (one more first to warm the file cache).
  // The first run also fills the cache of compiled rules, a folder of this run (as a user's second run finds it).
  const cache = await mkdtemp(path.join(tmpdir(), 'regelwerk-bench-cache-'));
  const runs: { wall: number; cpu: number; difference: string }[] = [];
  const uncached: { wall: number; cpu: number; difference: string }[] = [];
  cliRun(file, cache);
  for (let i = 0; i < 5; i++) {
    runs.push(cliRun(file, cache));
    uncached.push(cliRun(file, 'uit'));
  }
  const total = runs[0]?.difference ?? '';
  if ([...runs, ...uncached].some((r) => r.difference !== total)) throw new Error('impact runs disagree');
  const seconds = runs.map((r) => r.wall);
  const cpuSeconds = Math.round(median(runs.map((r) => r.cpu)) * 100) / 100;
  const uncachedSeconds = uncached.map((r) => r.wall);

  // Throughput on a started pool of the built worker.
  const entries = async () => {
    const f = await openCaseload(file, programs);
    if (!f.ok) throw new Error(f.message);
    return f.entries;
  };
  const started = ImpactPool.start({
    basis: { programs, version: BASIS },
    variant: { programs, version: VARIANT },
    threads,
    workerFile: BUILT_WORKER,
  });
  if (!started.ok) throw new Error(started.message);
  /** Beschikkingen per second of one run of the pool over the caseload file (its total checked). */
  const poolRun = async (): Promise<number> => {
    const list = await entries();
    const t0 = performance.now();
    const outcome = await started.pool.run({ entries: list });
    const perSecond = cases.length / ((performance.now() - t0) / 1000);
    if (!outcome.ok || outcome.report.totals.difference !== total) throw new Error('pool and CLI disagree');
    return perSecond;
  };
  await started.pool.run({
    entries: cases.slice(0, 4000).map((c, i) => ({ kind: 'case', line: i + 1, casus: c })),
  });
  const impactShortWarmup = await poolRun();
  const impactPerSecond = median([await poolRun(), await poolRun(), await poolRun()]);
  await started.pool.close();

  const ratio = Math.round((impactPerSecond / fastPerSecond) * 100) / 100;
  const impact30kSeconds = Math.round(median(seconds) * 100) / 100;
  o.log(
    `  ${o.cases.toLocaleString('nl-NL')} beschikkingen, ${BASIS} → ${VARIANT}, ${threads} threads (verschil € ${total})`,
  );
  o.log(
    `  snel pad, één versie, één thread: ${Math.round(fastPerSecond).toLocaleString('nl-NL')} gevallen/s`,
  );
  o.log(
    `  impact, twee versies, alle cores: ${Math.round(impactPerSecond).toLocaleString('nl-NL')} beschikkingen/s`,
  );
  o.log(`  verhouding impact / snel pad: ${ratio} (doel ≥ 0,75)`);
  o.log(
    `  snel pad zonder indicatieve uren (alleen geld, zoals impact rekent): ${Math.round(moneyOnlyPerSecond).toLocaleString('nl-NL')} gevallen/s; verhouding ${Math.round((impactPerSecond / moneyOnlyPerSecond) * 100) / 100}`,
  );
  o.log(
    `  na kort opwarmen (3.000 / 4.000 gevallen, de oude meting): snel pad ${Math.round(fastShortWarmup).toLocaleString('nl-NL')}, impact ${Math.round(impactShortWarmup).toLocaleString('nl-NL')}; verhouding ${Math.round((impactShortWarmup / fastShortWarmup) * 100) / 100}`,
  );
  o.log(
    `  regelwerk impact (gebouwd), van start tot einde: ${seconds.map((s) => s.toFixed(2)).join(' / ')} s; mediaan ${impact30kSeconds} s (doel ≤ 1,5 s), CPU ${cpuSeconds} s`,
  );
  const impact30kUncachedSeconds = Math.round(median(uncachedSeconds) * 100) / 100;
  o.log(
    `  hetzelfde zonder bewaarde regels (REGELWERK_CACHE=uit, compileert elke keer): ${uncachedSeconds.map((s) => s.toFixed(2)).join(' / ')} s; mediaan ${impact30kUncachedSeconds} s`,
  );
  return {
    impactCasesPerSecond: Math.round(impactPerSecond),
    impactToFastPathRatio: ratio,
    impact30kSeconds,
    impact30kCpuSeconds: cpuSeconds,
    impact30kUncachedSeconds,
    impactContext: {
      cases: o.cases,
      threads,
      fastPathOneVersionPerSecond: Math.round(fastPerSecond),
      fastPathMoneyOnlyPerSecond: Math.round(moneyOnlyPerSecond),
      impactToMoneyOnlyFastPathRatio: Math.round((impactPerSecond / moneyOnlyPerSecond) * 100) / 100,
      shortWarmup: {
        impactCasesPerSecond: Math.round(impactShortWarmup),
        fastPathOneVersionPerSecond: Math.round(fastShortWarmup),
        ratio: Math.round((impactShortWarmup / fastShortWarmup) * 100) / 100,
      },
    },
  };
}
