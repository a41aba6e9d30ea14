/**
 * Refactoring guard (not part of `npm run bench`): prints the evaluations of every scenario and of seeded random
 * cases (valid, malformed and across versions, with and without explanation) on one path, as JSON lines, so the
 * output before and after a change to the engine can be compared byte for byte.
 *   PAD=fast|jre npx tsx test/bench/golden-eval.ts > out.jsonl
 */
import { createEngine } from '../../src/engine/evaluate.js';
import { caseGenerator, seeded } from '../engine/generate-cases.js';
import { loadTwentsModel } from '../support/twents-model.js';

const { programs } = loadTwentsModel();
const engine = createEngine(programs, { path: process.env.PAD === 'jre' ? 'jre' : 'fast' });
const out = (x: unknown) => process.stdout.write(`${JSON.stringify(x)}\n`);

for (const p of programs) for (const s of p.scenarios) out(await engine.evaluate(s.casus, { explain: true }));

const rnd = seeded(42);
const gens = programs.map((p) => caseGenerator(p));
const mutate = (c: Record<string, unknown>, r: number): unknown => {
  const x = structuredClone(c);
  const res = x.resultaten as Record<string, unknown>[];
  const first = res[0] ?? {};
  if (r < 0.1) delete x.wet;
  else if (r < 0.2) first.bandbreedte = 'Z';
  else if (r < 0.3) first.periode = { van: '2019-05-01', tot: '2019-04-01' };
  else if (r < 0.4) x.modules = [{ module: 'onbekend' }, 'x'];
  else if (r < 0.5) x.geboortedatum = '2019-02-30';
  else if (r < 0.6) first.periode = { van: '2016-01-01', tot: '2016-02-01' };
  else if (r < 0.7) x.resultaten = 'geen lijst';
  else return 42;
  return x;
};
for (let i = 0; i < 4000; i++) {
  const gen = gens[i % gens.length];
  if (!gen) continue;
  const c = gen(rnd);
  const casus = i % 5 === 4 ? mutate(c, rnd()) : c;
  out(await engine.evaluate(casus, { explain: i % 3 === 0 }));
}
