/**
 * Profiling helper (not part of `npm run bench`): runs generated 2019 cases through one path, for `--cpu-prof`.
 * WARM=1 evaluates every case once before the measured pass (steady state: compiled code and caches warm).
 *   PAD=fast|jre N=20000 VAN=2019-01-01 DAGEN=180 MIN=0 MAX=180 WARM=1 \
 *   node --cpu-prof --import tsx/esm test/bench/profile-eval.ts
 */
import { createEngine } from '../../src/engine/evaluate.js';
import { caseGenerator, seeded } from '../engine/generate-cases.js';
import { loadTwentsModel } from '../support/twents-model.js';

const { programs } = loadTwentsModel();
const p2019 = programs.find((p) => p.version === '2019' && p.municipality === undefined);
if (!p2019) throw new Error('2019 program missing');
const gen = caseGenerator(p2019, {
  gemeente: 'Hengelo',
  from: process.env.VAN ?? '2019-01-01',
  days: Number(process.env.DAGEN ?? 180),
  minLength: Number(process.env.MIN ?? 0),
  maxLength: Number(process.env.MAX ?? 180),
});
const rnd = seeded(2019);
const n = Number(process.env.N ?? 20000);
const cases = Array.from({ length: n }, () => gen(rnd));
const pad = process.env.PAD === 'jre' ? 'jre' : 'fast';
const engine = createEngine(programs, { path: pad });
const sync = engine.evaluateSync;
if (process.env.WARM === '1') for (const c of cases) await engine.evaluate(c);
const t = performance.now();
if (sync) for (const c of cases) sync(c);
else for (const c of cases) await engine.evaluate(c);
console.log(`${pad}: ${Math.round(n / ((performance.now() - t) / 1000))} gevallen/s`);
