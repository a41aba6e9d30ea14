/**
 * Embedding figures (issue 13), measured in one run:
 * - `apiCasesPerSecond`, `apiP99Ms`: the HTTP API (`regelwerk api --bundel`, the built CLI, its own process, logs
 *   on) under autocannon with 64 connections, one case per request (300 generated valid cases, in turn); the
 *   server and the load tool share the machine's cores. `apiBatchCasesPerSecond`: batches of 100 cases.
 * - `apiToInProcessRatio` (goal ≥ 0,25) and `apiBatchToInProcessRatio` (goal: close to 1): against the same
 *   cases evaluated in this process by the runtime's fast path (`inProcessCasesPerSecond`), measured in this run.
 * - `runtimeBundleLoadMs` (goal ≤ 100 ms): read the Twents Model bundle, check its hash, prepare it and price one
 *   case; median of 5 loads.
 * - `runtimeSizeKiB` (goal ≤ a third of the library): `regelwerk/runtime` and everything it imports statically,
 *   bundled and minified by esbuild, against all of `regelwerk` (`librarySizeKiB`); `runtimeLazyKiB` is what it
 *   loads only for `path: 'jre'` (json-rules-engine).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { compile } from '../../dsl/index.js';
import { bundleFromSources, relativeSources, serializeBundle } from '../../src/bundle/build.js';
import { loadBundle } from '../../src/runtime/load.js';
import type { BundleRuntime } from '../../src/runtime/load.js';
import { readSources } from '../bundle/sources.js';
import { caseGenerator, seeded } from '../engine/generate-cases.js';
import buildCliWhenStale from '../support/build-cli.js';
import { median } from './timing.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The minified size of an entry and everything it imports statically (esbuild, code splitting): what an embedder
 * loads before the first evaluation. Code behind a dynamic `import()` (json-rules-engine, loaded on the first
 * evaluation with `path: 'jre'`) is a chunk of its own and counted in `lazyKiB`.
 */
async function minifiedKiB(entry: string): Promise<{ kib: number; lazyKiB: number }> {
  const r = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    minify: true,
    splitting: true,
    outdir: path.join(ROOT, 'dist', 'size'),
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  const outputs = r.metafile.outputs;
  const start = Object.keys(outputs).find((o) => outputs[o]?.entryPoint !== undefined);
  const eager = new Set<string>();
  const visit = (o: string | undefined) => {
    if (o === undefined || eager.has(o)) return;
    eager.add(o);
    for (const i of outputs[o]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(start);
  const bytes = (keep: (o: string) => boolean) =>
    Object.entries(outputs)
      .filter(([o]) => o.endsWith('.js') && keep(o))
      .reduce((n, [, v]) => n + v.bytes, 0);
  return {
    kib: Math.round(bytes((o) => eager.has(o)) / 1024),
    lazyKiB: Math.round(bytes((o) => !eager.has(o)) / 1024),
  };
}

/** Valid cases of the Twents Model (all versions), as the API and the runtime get them. */
function validCases(runtime: BundleRuntime, n: number): unknown[] {
  const programs = compile(relativeSources(readSources()));
  if (!programs.ok) throw new Error('Twents Model compileert niet');
  const gens = programs.programs.map((p) => caseGenerator(p));
  const out: unknown[] = [];
  for (let seed = 1; out.length < n && seed < n * 20; seed++) {
    const c = gens[seed % gens.length]?.(seeded(seed));
    if (c && runtime.evaluateSync?.(c).ok) out.push(c);
  }
  return out;
}

function startServer(file: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['bin/regelwerk.mjs', 'api', '--bundel', file, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString('utf8');
      const m = /luistert op (http:\/\/\S+)/.exec(err);
      if (m?.[1]) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`API stopte (${String(code)}): ${err}`)));
  });
}

async function load(url: string, bodies: readonly string[], connections: number, seconds: number) {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] ?? '' }),
      },
    ],
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${bad} mislukte verzoeken tijdens de meting`);
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 };
}

export async function runApiBench(options: {
  quick: boolean;
  log: (s: string) => void;
}): Promise<Record<string, number>> {
  const { log, quick } = options;
  buildCliWhenStale();
  const built = await bundleFromSources(readSources());
  if (!built.ok) throw new Error(built.error);
  const file = path.join(
    await mkdtemp(path.join(os.tmpdir(), 'regelwerk-bench-')),
    'twents-model.bundle.json',
  );
  writeFileSync(file, serializeBundle(built.bundle));

  // Load and prepare: read, parse, hash check, engine, first case.
  const example = JSON.parse(
    readFileSync(path.join(ROOT, 'rules/twents-model/voorbeelden/gezin-twee-resultaten.json'), 'utf8'),
  ) as unknown;
  const loads: number[] = [];
  let runtime: BundleRuntime | undefined;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const r = await loadBundle(readFileSync(file, 'utf8'));
    if (!r.ok) throw new Error(r.error);
    await r.runtime.evaluate(example);
    loads.push(performance.now() - t);
    runtime = r.runtime;
  }
  if (!runtime?.evaluateSync) throw new Error('geen runtime');
  const runtimeBundleLoadMs = Math.round(median(loads) * 10) / 10;

  const cases = validCases(runtime, 300);
  const evaluateSync = runtime.evaluateSync;
  // In process: the runtime's fast path on the same cases.
  const inProcess = () => {
    const until = performance.now() + (quick ? 1000 : 3000);
    let n = 0;
    while (performance.now() < until) for (let j = 0; j < 100; j++) evaluateSync(cases[n++ % cases.length]);
    return n / ((quick ? 1000 : 3000) / 1000);
  };
  inProcess(); // warm up
  const inProcessCasesPerSecond = Math.round(inProcess());

  const server = await startServer(file);
  const seconds = quick ? 5 : 10;
  let single;
  let batch;
  try {
    const one = cases.map((c) => JSON.stringify(c));
    await load(`${server.url}/v1/evaluaties`, one, 64, 2); // warm up
    single = await load(`${server.url}/v1/evaluaties`, one, 64, seconds);
    const batches = [0, 1, 2].map((b) => JSON.stringify({ gevallen: cases.slice(b * 100, b * 100 + 100) }));
    batch = await load(`${server.url}/v1/evaluaties/batch`, batches, 8, seconds);
  } finally {
    server.stop();
  }
  const apiCasesPerSecond = Math.round(single.requestsPerSecond);
  const apiBatchCasesPerSecond = Math.round(batch.requestsPerSecond * 100);
  // The runtime: what it loads before the first evaluation (json-rules-engine comes later, and only with
  // `path: 'jre'`); the library: all of it.
  const runtimeSize = await minifiedKiB('src/runtime/index.ts');
  const runtimeSizeKiB = runtimeSize.kib;
  const library = await minifiedKiB('src/index.ts');
  const librarySizeKiB = library.kib + library.lazyKiB;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const out = {
    apiCasesPerSecond,
    apiP99Ms: single.p99Ms,
    apiBatchCasesPerSecond,
    apiBatchP99Ms: batch.p99Ms,
    inProcessCasesPerSecond,
    apiToInProcessRatio: r2(apiCasesPerSecond / inProcessCasesPerSecond),
    apiBatchToInProcessRatio: r2(apiBatchCasesPerSecond / inProcessCasesPerSecond),
    runtimeBundleLoadMs,
    runtimeSizeKiB,
    runtimeLazyKiB: runtimeSize.lazyKiB,
    librarySizeKiB,
    runtimeToLibrarySizeRatio: r2(runtimeSizeKiB / librarySizeKiB),
  };
  log(`  in proces (snel pad, runtime):   ${inProcessCasesPerSecond.toLocaleString('nl-NL')} gevallen/s`);
  log(
    `  API, 1 geval per verzoek, 64 verbindingen: ${apiCasesPerSecond.toLocaleString('nl-NL')} gevallen/s, p99 ${out.apiP99Ms} ms; ${out.apiToInProcessRatio} × in proces (doel ≥ 0,25)`,
  );
  log(
    `  API, batches van 100, 8 verbindingen:      ${apiBatchCasesPerSecond.toLocaleString('nl-NL')} gevallen/s, p99 ${out.apiBatchP99Ms} ms; ${out.apiBatchToInProcessRatio} × in proces (doel: bijna 1)`,
  );
  log(`  bundel laden en voorbereiden: ${runtimeBundleLoadMs} ms (doel ≤ 100 ms)`);
  log(
    `  runtime verkleind: ${runtimeSizeKiB} KiB (+ ${runtimeSize.lazyKiB} KiB json-rules-engine, pas bij path 'jre'); bibliotheek ${librarySizeKiB} KiB; ${out.runtimeToLibrarySizeRatio} × (doel ≤ 0,33)`,
  );
  return out;
}
