/**
 * The runtime answers as the compiled program does: every scenario of every version and thousands of random
 * cases, evaluated from the written bundle (text, through loadBundle) and by createEngine on the programs the
 * compiler makes of the same sources (json-rules-engine, the canonical path), must be deep-equal, explanations
 * included. Invalid random cases (the generator makes some) must be refused with the same diagnostics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../dsl/index.js';
import { bundleFromSources, relativeSources, serializeBundle } from '../../src/bundle/build.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { loadBundle } from '../../src/runtime/load.js';
import { readSources } from '../bundle/sources.js';
import { caseGenerator, seeded } from '../engine/generate-cases.js';

const sources = readSources();
const compiled = compile(relativeSources(sources));
if (!compiled.ok) throw new Error('the Twents Model does not compile');
const { programs } = compiled;
const canonical = createEngine(programs, { path: 'jre' });
const build = await bundleFromSources(sources);
if (!build.ok) throw new Error(build.error);
const text = serializeBundle(build.bundle);
const load = await loadBundle(text);
if (!load.ok) throw new Error(load.error);
const runtime = load.runtime;
const jreLoad = await loadBundle(text, { path: 'jre' });
if (!jreLoad.ok) throw new Error(jreLoad.error);

describe('differential: bundle runtime = compiled program', () => {
  for (const program of programs) {
    it(`gives identical results for every scenario of ${program.version}`, async () => {
      expect(program.scenarios.length).toBeGreaterThan(0);
      for (const s of program.scenarios) {
        const expected = await canonical.evaluate(s.casus, { explain: true });
        expect(await runtime.evaluate(s.casus, { explain: true }), s.name).toEqual(expected);
        expect(await jreLoad.runtime.explain(s.casus), s.name).toEqual(expected);
      }
    });
  }

  it('gives identical results for 3000 random cases of every version (seeded)', async () => {
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
          const expected = await canonical.evaluate(c, { explain });
          if (expected.ok) valid++;
          expect(await runtime.evaluate(c, { explain })).toEqual(expected);
          expect(runtime.evaluateSync?.(c, { explain })).toEqual(expected);
        },
      ),
      { seed: 20261206, numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(2000);
  });

  it('describes the versions of the bundle without their programs', () => {
    expect(runtime.versions.map((v) => v.version)).toEqual(programs.map((p) => p.version).sort());
    expect(runtime.release).toBe('2022');
    expect(runtime.hash).toBe(build.bundle.hash);
    expect(Object.keys(runtime.versions[0] ?? {})).not.toContain('program');
  });
});
