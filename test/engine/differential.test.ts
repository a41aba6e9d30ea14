/**
 * Two evaluators, one answer: every scenario of every version, and thousands of random valid cases, through the
 * json-rules-engine path and the fast path must give deep-equal evaluations (explanations included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/evaluate.js';
import { caseGenerator, seeded } from './generate-cases.js';
import { loadTwentsModel } from '../support/twents-model.js';

const { programs, errors } = loadTwentsModel();
const jre = createEngine(programs, { path: 'jre' });
const fast = createEngine(programs, { path: 'fast' });

describe('differential: json-rules-engine path = fast path', () => {
  it('compiles the rules', () => expect(errors).toEqual([]));

  for (const program of programs) {
    it(`gives identical results for every scenario of ${program.version}${program.municipality ? ` (${program.municipality})` : ''}`, async () => {
      expect(program.scenarios.length).toBeGreaterThan(0);
      for (const s of program.scenarios) {
        const a = await jre.evaluate(s.casus, { explain: true });
        const b = await fast.evaluate(s.casus, { explain: true });
        expect(a, s.name).toEqual(b);
      }
    });
  }

  it('gives identical results for 3000 random valid cases of every version (seeded)', async () => {
    const gens = programs.map((p) => caseGenerator(p));
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.nat(gens.length - 1),
        fc.boolean(),
        async (seed, which, explain) => {
          const gen = gens[which];
          if (!gen) return;
          const c = gen(seeded(seed));
          const a = await jre.evaluate(c, { explain });
          const b = await fast.evaluate(c, { explain });
          if (a.ok) valid++;
          expect(a).toEqual(b);
        },
      ),
      { seed: 20190101, numRuns: 3000 },
    );
    // The generator makes valid cases: most must pass validation and be priced.
    expect(valid).toBeGreaterThan(2000);
  }, 120_000);
});
