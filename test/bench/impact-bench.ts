/**
 * Impact benchmark (called by test/bench/run.ts): a generated caseload (seed 1, 2022) priced under 2021-07 and
 * 2022 on the worker-thread pool, against the single-thread fast path evaluating one version in the same run.
 *
 * - impactCasesPerSecond: beschikkingen per second, each priced under both versions, all cores, on a started
 *   pool (workers compiled), reading the JSON Lines file and merging the tallies included;
 * - impactToFastPathRatio: that against fast-path evaluations of one version per second on one thread (already
 *   parsed cases; goal ≥ 0.75 on 2 cores: two versions on two cores is 1.0 without any overhead);
 * - impact30kSeconds: 30,000 beschikkingen from the start (pool started, workers compiling) to the report
 *   (goal ≤ 1.5 s); the median of three runs.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { compileRuleset } from '../../src/cli/ruleset.js';
import { generateCaseload } from '../../src/impact/generate.js';
import { openCaseload } from '../../src/impact/node/read-file.js';
import { ImpactPool, analyzeImpactOnPool } from '../../src/impact/node/pool.js';
import { selectVersion } from '../../src/impact/versions.js';
import { createEngine } from '../../src/index.js';
import { median } from './timing.js';

const BASIS = '2021-07';
const VARIANT = '2022';

export async function runImpactBench(o: {
  readonly cases: number;
  readonly log: (s: string) => void;
}): Promise<Record<string, unknown>> {
  const load = await compileRuleset(['rules/twents-model']);
  if (!load.ok) throw new Error('rules/twents-model does not compile');
  const { programs, texts } = load.ruleset;
  const cases = [...generateCaseload({ aantal: o.cases, seed: 1, jaar: 2022 })];
  const file = path.join(tmpdir(), `regelwerk-impact-bench-${process.pid}.jsonl`);
  await writeFile(file, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');

  // Baseline: one version, one thread, the fast path on parsed cases.
  const selected = selectVersion(programs, VARIANT, 'variant');
  if (!selected.ok) throw new Error(selected.message);
  const evaluate = createEngine(selected.programs, { path: 'fast' }).evaluateSync;
  if (!evaluate) throw new Error('no synchronous fast path');
  for (const c of cases.slice(0, 3000)) evaluate(c);
  let t = performance.now();
  for (const c of cases) evaluate(c);
  const fastPerSecond = cases.length / ((performance.now() - t) / 1000);

  const threads = availableParallelism();
  const sources = Object.entries(texts).map(([p, text]) => ({ path: p, text }));
  const poolOptions = {
    data: { basis: { sources, version: BASIS }, variant: { version: VARIANT } },
    basisPrograms: programs,
    variantPrograms: programs,
    threads,
  };
  const entries = async () => {
    const f = await openCaseload(file, programs);
    if (!f.ok) throw new Error(f.message);
    return f.entries;
  };

  // From the start to the report, three times.
  const seconds: number[] = [];
  let total = '';
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const outcome = await analyzeImpactOnPool({ ...poolOptions, entries: await entries() });
    seconds.push((performance.now() - t) / 1000);
    if (!outcome.ok || outcome.report.counts.priced !== cases.length) throw new Error('impact run failed');
    total = outcome.report.totals.difference;
  }

  // Throughput on a started pool.
  const started = ImpactPool.start(poolOptions);
  if (!started.ok) throw new Error(started.message);
  await started.pool.run({
    entries: cases.slice(0, 4000).map((c, i) => ({ kind: 'case', line: i + 1, casus: c })),
  });
  t = performance.now();
  await started.pool.run({ entries: await entries() });
  const impactPerSecond = cases.length / ((performance.now() - t) / 1000);
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
    `  van start tot rapport: ${seconds.map((s) => s.toFixed(2)).join(' / ')} s; mediaan ${impact30kSeconds} s (doel ≤ 1,5 s)`,
  );
  return {
    impactCasesPerSecond: Math.round(impactPerSecond),
    impactToFastPathRatio: ratio,
    impact30kSeconds,
    impactContext: { cases: o.cases, threads, fastPathOneVersionPerSecond: Math.round(fastPerSecond) },
  };
}
