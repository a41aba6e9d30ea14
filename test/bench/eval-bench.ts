/**
 * Evaluation benchmark (called by test/bench/run.ts): generated valid 2019 cases (seeded) through the
 * json-rules-engine path, the fast path, a hand-written TypeScript function (handwritten-2019.ts) and
 * @gorules/zen-engine evaluating the same weekly tariff table as a decision table (JDM built from the IR).
 * Also: version resolution and proration, cases across a version boundary against single-version cases of the
 * same shape. Every evaluator runs cases one after another (no batching), on one thread.
 */
import { ZenEngine } from '@gorules/zen-engine';
import type { Ir } from '../../dsl/index.js';
import { Dec, moneyString } from '../../src/engine/decimal.js';
import { daysInclusive } from '../../src/calendar/dates.js';
import { createEngine } from '../../src/engine/evaluate.js';
import type { Engine } from '../../src/engine/evaluate.js';
import { caseGenerator, seeded } from '../engine/generate-cases.js';
import type { GenerateOptions } from '../engine/generate-cases.js';
import { loadTwentsModel } from '../support/twents-model.js';
import { evaluate2019 } from './handwritten-2019.js';
import type { HandResult } from './handwritten-2019.js';
import type { Evaluation } from '../../src/engine/result.js';

type Case = Record<string, unknown>;

export type EvalBenchResult = {
  readonly casesPerSecond: {
    readonly jsonRulesEngine: number;
    readonly fast: number;
    readonly handWritten: number;
    readonly zen: number;
  };
  readonly ratios: { readonly fastToHandWritten: number; readonly jsonRulesEngineToZen: number };
  /**
   * Context for the zen figure (not a target): zen-engine's Node binding evaluates on a native thread, so a case
   * evaluated after the previous one pays a hand-off between threads each time; its cost is mostly system time
   * and differs a lot between machines. `cpuMsPer1000` is this process's CPU time per 1,000 cases during the
   * sequential run; `concurrent64` the throughput when 64 cases are in flight at once (both cores busy).
   */
  readonly zenContext: {
    readonly cpuMsPer1000: { readonly user: number; readonly system: number };
    readonly concurrent64: number;
  };
  readonly proration: {
    readonly fastSingle: number;
    readonly fastAcrossBoundary: number;
    /** Throughput across a boundary / single version (target ≥ 0.7: proration costs at most 30 %). */
    readonly fastRatio: number;
    readonly jreSingle: number;
    readonly jreAcrossBoundary: number;
    readonly jreRatio: number;
  };
  /**
   * Hand-written and engine results compared field by field (lines, total, decisions, diagnostics) on the first
   * 5,000 benchmark cases and the regional 2019 scenarios (must be 0).
   */
  readonly handWrittenMismatches: number;
  readonly cases: number;
};

const round = (n: number) => Math.round(n);

/**
 * The fields the hand-written function and the engine must agree on, as one string: ok, version(s), every line
 * (kind, key, ref, quantity, unit, rate, amount, capped, parts), total, decisions (module, variant, ref, allowed,
 * reason) and diagnostics (severity, rule, message, path). Source references are left out.
 */
function comparable(e: Evaluation | HandResult): string {
  if (!e.ok) return JSON.stringify({ ok: false });
  return JSON.stringify({
    ok: true,
    version: e.version,
    versions: e.versions,
    lines: e.lines.map((l) => ({
      kind: l.kind,
      key: l.key,
      ref: l.ref,
      quantity: l.quantity,
      unit: l.unit,
      rate: l.rate,
      amount: l.amount,
      capped: l.capped === true,
      parts: l.parts.map((p) => [p.version, p.from, p.to, p.quantity, p.rate, p.amount]),
    })),
    total: e.total,
    decisions: e.decisions.map((d) => [d.module, d.variant, d.ref, d.allowed, d.reason]),
    diagnostics: e.diagnostics.map((d) => [d.severity, d.rule, d.message, d.path]),
  });
}
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

function generate(program: Ir.Program, n: number, seed: number, options: Partial<GenerateOptions>): Case[] {
  const gen = caseGenerator(program, { gemeente: 'Hengelo', ...options });
  const rnd = seeded(seed);
  return Array.from({ length: n }, () => gen(rnd));
}

async function timeAsync(cases: readonly Case[], f: (c: Case) => Promise<unknown>): Promise<number> {
  const t = performance.now();
  for (const c of cases) await f(c);
  return cases.length / ((performance.now() - t) / 1000);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * Two measurements compared in interleaved rounds, so that a noisy moment of a shared machine hits both: the
 * cases are cut into `rounds` slices; per round slice i of `a` and of `b` are timed back to back (which goes
 * first alternates). Returns each side's median cases per second over the rounds and the median of the
 * per-round ratios b / a (medians: one round hit by a pause of the machine does not move the figures).
 */
async function interleaved(
  a: { readonly cases: readonly Case[]; readonly run: (c: Case) => unknown },
  b: { readonly cases: readonly Case[]; readonly run: (c: Case) => unknown },
  rounds: number,
): Promise<{ a: number; b: number; ratio: number }> {
  const time = async (cases: readonly Case[], run: (c: Case) => unknown): Promise<number> => {
    const t = performance.now();
    for (const c of cases) {
      const r = run(c);
      if (r instanceof Promise) await r;
    }
    return performance.now() - t;
  };
  const slice = (cases: readonly Case[], i: number) => {
    const size = Math.ceil(cases.length / rounds);
    return cases.slice(i * size, (i + 1) * size);
  };
  const ca: number[] = [];
  const cb: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const sa = slice(a.cases, i);
    const sb = slice(b.cases, i);
    let da: number;
    let db: number;
    if (i % 2 === 0) {
      da = await time(sa, a.run);
      db = await time(sb, b.run);
    } else {
      db = await time(sb, b.run);
      da = await time(sa, a.run);
    }
    ca.push(sa.length / (da / 1000));
    cb.push(sb.length / (db / 1000));
    ratios.push(sb.length / db / (sa.length / da));
  }
  return { a: median(ca), b: median(cb), ratio: median(ratios) };
}

/** A JDM decision table with the weekly tariff cells of the IR table (first hit, exact decimal strings). */
function weektariefJdm(table: Ir.TableDef): object {
  const inputs = table.keys.map((k, i) => ({ id: `i${i}`, name: k, field: k }));
  const rules = table.cells
    .filter((c) => c.value !== null)
    .map((c, r) => ({
      _id: `r${r}`,
      ...Object.fromEntries(c.key.map((v, i) => [`i${i}`, JSON.stringify(v)])),
      o0: JSON.stringify(c.value),
    }));
  return {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'dt',
        type: 'decisionTableNode',
        name: table.name,
        position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first',
          inputs,
          outputs: [{ id: 'o0', name: 'tarief', field: 'tarief' }],
          rules,
        },
      },
      { id: 'out', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'dt', type: 'edge' },
      { id: 'e2', sourceId: 'dt', targetId: 'out', type: 'edge' },
    ],
  };
}

const evalOf = (engine: Engine) => (c: Case) => engine.evaluate(c);
const syncOf = (engine: Engine) => {
  const f = engine.evaluateSync;
  if (!f) throw new Error('fast engine has no evaluateSync');
  return (c: Case) => f(c);
};

export async function runEvalBench(opts: {
  cases: number;
  seed: number;
  log?: (s: string) => void;
}): Promise<EvalBenchResult> {
  const log = opts.log ?? (() => undefined);
  const { programs, errors } = loadTwentsModel();
  if (errors.length > 0) throw new Error(`rules do not compile: ${errors.join('; ')}`);
  const p2019 = programs.find((p) => p.version === '2019' && p.municipality === undefined);
  const table = p2019?.tables.find((t) => t.name === 'weektarief');
  if (!p2019 || !table) throw new Error('2019 program or weektarief missing');

  const cases = generate(p2019, opts.cases, opts.seed, { from: '2019-01-01', days: 180, maxLength: 180 });
  // zen-engine first, on a fresh heap: measured after the other paths (a large heap of their results and
  // promises) its asynchronous native calls ran 3–10× slower than in isolation, which would flatter our ratio.
  const zen = new ZenEngine();
  const decision = zen.createDecision(weektariefJdm(table));
  const zenCase = async (c: Case) => {
    let total = new Dec(0);
    for (const r of c.resultaten as Case[]) {
      const res = (await decision.evaluate(r)) as { result: { tarief?: string } };
      const p = r.periode as { van: string; tot: string };
      if (res.result.tarief === undefined) continue;
      total = total.plus(
        new Dec(res.result.tarief).times(new Dec(daysInclusive(p.van, p.tot)).div(7)).toDecimalPlaces(2),
      );
    }
    return moneyString(total);
  };
  for (const c of cases.slice(0, 500)) await zenCase(c);
  const cpu0 = process.cpuUsage();
  const zenCps = await timeAsync(cases, zenCase);
  const cpu = process.cpuUsage(cpu0);
  const perThousand = (micros: number) => Math.round((micros / 1000 / cases.length) * 1000);
  const zenCpu = { user: perThousand(cpu.user), system: perThousand(cpu.system) };
  const zenBatch = cases.slice(0, Math.min(cases.length, 20_000));
  const t64 = performance.now();
  for (let i = 0; i < zenBatch.length; i += 64) await Promise.all(zenBatch.slice(i, i + 64).map(zenCase));
  const zen64 = zenBatch.length / ((performance.now() - t64) / 1000);
  log(`  zen-engine (beslistabel): ${round(zenCps)} gevallen/s`);
  log(
    `    ter vergelijking: CPU per 1.000 gevallen ${zenCpu.user} ms gebruiker + ${zenCpu.system} ms systeem; 64 tegelijk: ${round(zen64)} gevallen/s`,
  );
  const fast = createEngine(programs, { path: 'fast' });
  const jre = createEngine(programs, { path: 'jre' });
  const fastSync = syncOf(fast);

  // Sanity: the hand-written function must give the engine's result (every compared field) on the benchmark
  // cases and on the regional 2019 scenarios that the engine evaluates within 2019.
  let mismatches = 0;
  const compare = (c: Case): void => {
    const want = comparable(fastSync(c));
    const got = comparable(evaluate2019(c));
    if (want === got) return;
    if (mismatches === 0) log(`  LET OP, eerste verschil:\n    engine: ${want}\n    hand:   ${got}`);
    mismatches++;
  };
  let compared = 0;
  for (const s of p2019.scenarios) {
    const ev = fastSync(s.casus);
    if (!ev.ok || ev.version !== '2019') continue;
    compare(s.casus as Case);
    compared++;
  }
  if (compared < 20) throw new Error(`only ${compared} 2019 scenarios to compare`);
  for (const c of cases.slice(0, 5000)) compare(c);

  // Warm-up (JIT) on a slice, then the measured runs.
  const warm = cases.slice(0, Math.min(2000, cases.length));
  for (const c of warm) fastSync(c);
  for (const c of warm) evaluate2019(c);
  for (const c of warm.slice(0, 500)) await jre.evaluate(c);

  const rounds = 5;
  const fastVsHand = await interleaved({ cases, run: evaluate2019 }, { cases, run: fastSync }, rounds);
  const handWritten = fastVsHand.a;
  const fastCps = fastVsHand.b;
  log(`  hand-written TypeScript:  ${round(handWritten)} gevallen/s`);
  log(`  snelle pad (closures):    ${round(fastCps)} gevallen/s`);
  const jreCps = await timeAsync(cases, evalOf(jre));
  log(`  json-rules-engine:        ${round(jreCps)} gevallen/s`);

  // Version resolution and proration: the same shapes, shifted across 2020-01-01 or kept inside 2019.
  const n = Math.max(1000, Math.floor(opts.cases / 2));
  const shape = { days: 45, minLength: 140, maxLength: 200 };
  const single = generate(p2019, n, opts.seed + 1, { ...shape, from: '2019-03-01' });
  const across = generate(p2019, n, opts.seed + 1, { ...shape, from: '2019-10-01' });
  for (const c of across.slice(0, 1000)) fastSync(c);
  const fastProration = await interleaved(
    { cases: single, run: fastSync },
    { cases: across, run: fastSync },
    rounds,
  );
  const jn = Math.max(500, Math.floor(n / 4));
  const jreProration = await interleaved(
    { cases: single.slice(0, jn), run: evalOf(jre) },
    { cases: across.slice(0, jn), run: evalOf(jre) },
    rounds,
  );
  const fastSingle = fastProration.a;
  const fastAcross = fastProration.b;
  const jreSingle = jreProration.a;
  const jreAcross = jreProration.b;
  const two = (x: number) => Math.round(x * 100) / 100;
  log(
    `  proratie (snel pad): ${round(fastAcross)} over een versiegrens / ${round(fastSingle)} binnen één versie = ${two(fastProration.ratio)} (doel ≥ 0,7)`,
  );
  log(
    `  proratie (json-rules-engine): ${round(jreAcross)} / ${round(jreSingle)} = ${two(jreProration.ratio)}`,
  );
  log(
    `  verhoudingen: snel / hand-written = ${two(fastVsHand.ratio)} (doel ≥ 0,5); json-rules-engine / zen = ${ratio(jreCps, zenCps)} (doel ≥ 2)`,
  );
  log(
    `  (hand-written, snel pad en proratie: mediaan van ${rounds} afwisselende rondes; zen en json-rules-engine: één doorloop)`,
  );
  if (mismatches > 0) log(`  LET OP: ${mismatches} verschillen tussen hand-written en engine`);

  return {
    casesPerSecond: {
      jsonRulesEngine: round(jreCps),
      fast: round(fastCps),
      handWritten: round(handWritten),
      zen: round(zenCps),
    },
    ratios: { fastToHandWritten: two(fastVsHand.ratio), jsonRulesEngineToZen: ratio(jreCps, zenCps) },
    zenContext: { cpuMsPer1000: zenCpu, concurrent64: round(zen64) },
    proration: {
      fastSingle: round(fastSingle),
      fastAcrossBoundary: round(fastAcross),
      fastRatio: two(fastProration.ratio),
      jreSingle: round(jreSingle),
      jreAcrossBoundary: round(jreAcross),
      jreRatio: two(jreProration.ratio),
    },
    handWrittenMismatches: mismatches,
    cases: opts.cases,
  };
}
