/**
 * "Opslaan als scenario": every example case of the Twents Model, written as a scenario into the version it
 * falls in, compiles without errors and passes `regelwerk test`'s runner (the expected amounts are the outcome).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../dsl/index.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { runScenarios } from '../../src/scenarios/run.js';
import { freeScenarioName, scenarioText } from '../../src/scenarios/write.js';
import { loadTwentsModel, RULES_DIR } from '../support/twents-model.js';

const EXAMPLES = path.join(RULES_DIR, 'voorbeelden');

describe('scenarioText', () => {
  const model = loadTwentsModel();
  const cases = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));

  it('has example cases to write', () => {
    expect(model.errors).toEqual([]);
    expect(cases.length).toBeGreaterThan(3);
  });

  for (const file of cases) {
    it(`writes ${file} as a passing scenario of its version`, async () => {
      const casus: unknown = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8'));
      const engine = createEngine(model.programs, { path: 'fast' });
      const evaluation = await engine.evaluate(casus);
      const version = evaluation.ok ? evaluation.versions[0] : undefined;
      const program =
        model.programs.find((p) => p.version === version) ??
        model.programs.find((p) => p.version === '2019' && p.municipality === undefined);
      if (program === undefined) throw new Error('geen versie');
      const name = freeScenarioName(model.texts[program.file] ?? '', `Voorbeeld ${file}`);
      const text = scenarioText({ name, casus, evaluation, input: program.input });
      expect(text).toMatch(/^scenario "Voorbeeld /);
      expect(text).toMatch(/^ {2}verwacht /m);
      if (evaluation.ok) expect(text).toContain('verwacht totaal = €');
      else expect(text).toContain('verwacht ongeldig');

      const sources = Object.entries(model.texts).map(([p, t]) => ({
        path: p,
        text: p === program.file ? `${t.trimEnd()}\n\n${text}` : t,
      }));
      const compiled = compile(sources);
      expect(compiled.diagnostics.filter((d) => d.severity === 'fout')).toEqual([]);
      if (!compiled.ok) return;
      const again = compiled.programs.find((p) => p.file === program.file);
      if (again === undefined) throw new Error('versie kwijt');
      const engine2 = createEngine(compiled.programs, { path: 'fast' });
      const outcomes = await runScenarios(again, (c) => engine2.evaluate(c));
      const mine = outcomes.find((o) => o.scenario === name);
      expect(mine?.failures.map((f) => f.message) ?? ['niet gevonden']).toEqual([]);
      expect(mine?.passed).toBe(true);
    });
  }

  it('picks a free name', () => {
    expect(freeScenarioName('scenario "A"\nscenario "A (2)"\n', 'A')).toBe('A (3)');
    expect(freeScenarioName('', 'B')).toBe('B');
  });
});
