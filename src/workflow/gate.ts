/**
 * What must hold before a version goes `ter vaststelling`: no file has errors, every scenario of every version
 * passes, and the version itself has at least one scenario. Each problem is one Dutch line.
 */
import type { Ir, Source } from '../../dsl/index.js';
import { LineIndex } from '../../dsl/index.js';
import { createEngine } from '../engine/evaluate.js';
import { runScenarios, type ScenarioOutcome } from '../scenarios/run.js';
import type { CompileCache } from './rule-files.js';

export interface GateReport {
  readonly problemen: readonly string[];
  /** Every scenario's outcome (for the review page). */
  readonly scenarios: readonly { versie: string; scenario: string; geslaagd: boolean; fouten: string[] }[];
}

const MAX_SHOWN = 8;

export async function checkGate(
  sources: readonly Source[],
  versie: string,
  cache: CompileCache,
): Promise<GateReport> {
  const problems: string[] = [];
  const result = cache.compile(sources);
  const errors = result.diagnostics.filter((d) => d.severity === 'fout');
  if (errors.length > 0) {
    const texts = new Map(sources.map((s) => [s.path, s.text]));
    problems.push(
      ...errors.slice(0, MAX_SHOWN).map((d) => {
        const line = new LineIndex(texts.get(d.file) ?? '').position(d.span.start).line;
        return `${d.file}:${line}: ${d.message}`;
      }),
    );
    if (errors.length > MAX_SHOWN) problems.push(`… en nog ${errors.length - MAX_SHOWN} fouten.`);
    return { problemen: [`De regels bevatten fouten:`, ...problems], scenarios: [] };
  }
  if (!result.ok) return { problemen: ['De regels konden niet worden vertaald.'], scenarios: [] };
  const programs = result.programs;
  const own = programs.find((p) => p.version === versie);
  if (own === undefined) return { problemen: [`Versie '${versie}' bestaat niet.`], scenarios: [] };
  const outcomes: ScenarioOutcome[] = [];
  const groups = new Map<string, Ir.Program[]>();
  for (const p of programs) groups.set(p.ruleset, [...(groups.get(p.ruleset) ?? []), p]);
  for (const group of groups.values()) {
    const engine = createEngine(group, { path: 'fast' });
    for (const program of group) outcomes.push(...(await runScenarios(program, (c) => engine.evaluate(c))));
  }
  const failed = outcomes.filter((o) => !o.passed);
  for (const o of failed.slice(0, MAX_SHOWN)) {
    problems.push(`Scenario "${o.scenario}" (versie ${o.program}) mislukt: ${o.failures[0]?.message ?? ''}`);
  }
  if (failed.length > MAX_SHOWN) problems.push(`… en nog ${failed.length - MAX_SHOWN} mislukte scenario's.`);
  if (own.scenarios.length === 0) {
    problems.push(
      `Versie ${versie} heeft nog geen scenario: voeg er minstens één toe dat laat zien wat de versie verandert.`,
    );
  }
  return {
    problemen: problems,
    scenarios: outcomes.map((o) => ({
      versie: o.program,
      scenario: o.scenario,
      geslaagd: o.passed,
      fouten: o.failures.map((f) => f.message),
    })),
  };
}
