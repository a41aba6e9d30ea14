/** The outcome must not depend on the order of rules, module conditions, modules or tables. */
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../dsl/index.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { caseGenerator, seeded } from './generate-cases.js';
import { loadTwentsModel } from '../support/twents-model.js';

function shuffled<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function shuffleProgram(p: Ir.Program, rnd: () => number): Ir.Program {
  return {
    ...p,
    rules: shuffled(p.rules, rnd),
    modules: shuffled(p.modules, rnd).map((m) => ({ ...m, conditions: shuffled(m.conditions, rnd) })),
    tables: shuffled(p.tables, rnd),
  };
}

describe('rule order independence', () => {
  const { programs } = loadTwentsModel();
  for (const path of ['jre', 'fast'] as const) {
    it(`gives the same evaluation with shuffled rules (${path})`, async () => {
      const rnd = seeded(7);
      const base = createEngine(programs, { path });
      const other = createEngine(
        programs.map((p) => shuffleProgram(p, rnd)),
        { path },
      );
      const cases = [...programs.flatMap((p) => p.scenarios.map((s) => s.casus as unknown))];
      const gen = caseGenerator(programs[0] as Ir.Program);
      for (let i = 0; i < 300; i++) cases.push(gen(seeded(1000 + i)));
      for (const c of cases) {
        const a = await base.evaluate(c);
        const b = await other.evaluate(c);
        expect(a).toEqual(b);
      }
    });
  }
});
