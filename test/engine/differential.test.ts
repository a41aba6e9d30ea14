/**
 * Two evaluators, one answer: every scenario of every version, and thousands of random valid cases, through the
 * json-rules-engine path and the fast path must give deep-equal evaluations (explanations included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/evaluate.js';
import { caseGenerator, seeded } from './generate-cases.js';
import { loadTwentsModel } from '../support/twents-model.js';
import { compile } from '../../dsl/index.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

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

/**
 * A partially indexed table (`indexeer weektarief voor ondersteuningsbehoefte OB2 met -3 %`, issue 15 item 3):
 * the Twents Model with an Almelo override for 2022 that lowers the OB2 cells (in memory: rules/ has no such
 * override), and the fixture versions/good/indexatie-deel (two tables sharing a selection, a combined selection,
 * a cell rewritten in the same version).
 */
describe('differential on a partially indexed table', () => {
  const almelo = `regelset "Twents Model"
versie "2022-almelo" op basis van "2022"
geldig vanaf 2022-01-01
geldig tot 2022-12-31
gemeente "Almelo"

indexeer weektarief voor ondersteuningsbehoefte OB2 met -3 % afgerond op centen
`;
  const { texts } = loadTwentsModel();
  const sources = Object.entries(texts).map(([p, text]) => ({ path: p, text }));
  const withOverride = compile([
    ...sources,
    { path: 'rules/twents-model/almelo/2022-almelo.regels', text: almelo },
  ]);
  const dir = path.resolve('test/fixtures/versions/good/indexatie-deel');
  const fixture = compile(
    readdirSync(dir)
      .filter((f) => f.endsWith('.regels'))
      .map((f) => ({ path: f, text: readFileSync(path.join(dir, f), 'utf8') })),
  );

  it('compiles', () => {
    expect(withOverride.diagnostics.filter((d) => d.severity === 'fout')).toEqual([]);
    expect(fixture.diagnostics).toEqual([]);
  });

  it('gives identical results for the scenarios of the fixture', async () => {
    const programs = fixture.ok ? fixture.programs : [];
    const a = createEngine(programs, { path: 'jre' });
    const b = createEngine(programs, { path: 'fast' });
    const scenarios = programs.flatMap((p) => p.scenarios);
    expect(scenarios.length).toBeGreaterThan(0);
    for (const s of scenarios) {
      expect(await a.evaluate(s.casus, { explain: true }), s.name).toEqual(
        await b.evaluate(s.casus, { explain: true }),
      );
    }
  });

  it('gives identical results for 500 random Almelo cases in 2022 (seeded)', async () => {
    const programs = withOverride.ok ? withOverride.programs : [];
    const override = programs.find((p) => p.version === '2022-almelo');
    expect(override).toBeDefined();
    if (override === undefined) return;
    const a = createEngine(programs, { path: 'jre' });
    const b = createEngine(programs, { path: 'fast' });
    const gen = caseGenerator(override, { from: '2022-01-01', days: 330, maxLength: 60, gemeente: 'Almelo' });
    let ob2 = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), async (seed, explain) => {
        const c = gen(seeded(seed));
        const x = await a.evaluate(c, { explain });
        const y = await b.evaluate(c, { explain });
        if (x.ok && JSON.stringify(c).includes('"OB2"')) ob2++;
        expect(x).toEqual(y);
      }),
      { seed: 20220101, numRuns: 500 },
    );
    // Many of them are priced with a lowered OB2 cell.
    expect(ob2).toBeGreaterThan(100);
  }, 120_000);
});
