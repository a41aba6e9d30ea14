/**
 * The worker's evaluator: one fast-path engine per compiled rules set (per ruleset), scenario runs as views
 * for the scenario panel, and single cases for the playground.
 */
import type { Ir } from '../../dsl/index.js';
import type { CompileOutcome } from '../../dsl/service/pipeline.js';
import { createEngine, type Engine } from '../../src/engine/evaluate.js';
import { selectVersion } from '../../src/impact/versions.js';
import { buildToewijzing } from '../../src/istandaard/build.js';
import { MESSAGE_KINDS } from '../../src/istandaard/model.js';
import { runScenarios } from '../../src/scenarios/run.js';
import { explainSteps } from './explain-steps.js';
import { amountOrigins } from './scenario-origins.js';
import type { PlaygroundResult, PlaygroundToewijzing, ScenarioState, ScenarioView } from './protocol.js';

const engines = new WeakMap<readonly Ir.Program[], Map<string, Engine>>();

function engineFor(programs: readonly Ir.Program[], ruleset: string): Engine {
  let perRuleset = engines.get(programs);
  if (perRuleset === undefined) {
    perRuleset = new Map();
    engines.set(programs, perRuleset);
  }
  let engine = perRuleset.get(ruleset);
  if (engine === undefined) {
    engine = createEngine(
      programs.filter((p) => p.ruleset === ruleset),
      { path: 'fast' },
    );
    perRuleset.set(ruleset, engine);
  }
  return engine;
}

/**
 * The scenarios of the open version (or, with `all`, of every version of its ruleset), each failed amount with
 * the cells and parameters it comes from; `saved` is the same rules as last saved, to tell which of them changed.
 */
export async function runScenarioViews(
  compiled: CompileOutcome,
  path: string,
  options: { readonly all?: boolean; readonly saved?: CompileOutcome | undefined } = {},
): Promise<ScenarioState> {
  if (!compiled.ok) {
    return { kind: 'fouten', errors: compiled.diagnostics.filter((d) => d.severity === 'fout').length };
  }
  const program = compiled.programs.find((p) => p.file === path);
  if (program === undefined) return { kind: 'geen', reason: 'Dit bestand is geen versie van een regelset.' };
  const engine = engineFor(compiled.programs, program.ruleset);
  const saved =
    options.saved?.ok === true && options.saved.programs.some((p) => p.ruleset === program.ruleset)
      ? engineFor(options.saved.programs, program.ruleset)
      : undefined;
  const programs = options.all
    ? [program, ...compiled.programs.filter((p) => p.ruleset === program.ruleset && p !== program)]
    : [program];
  const views: ScenarioView[] = [];
  for (const p of programs) {
    const outcomes = await runScenarios(p, (c) => engine.evaluate(c), compiled.programs);
    for (const o of outcomes) {
      const casus = p.scenarios.find((s) => s.name === o.scenario)?.casus;
      const failures = [];
      for (const f of o.failures) {
        const origins =
          casus === undefined ? undefined : await amountOrigins(f.expectation, casus, engine, saved);
        failures.push({
          message: f.message,
          file: o.file,
          span: f.expectation.origin.span,
          ...(origins !== undefined ? { origins: origins.origins, changed: origins.changed } : {}),
        });
      }
      views.push({
        name: o.scenario,
        file: o.file,
        span: o.origin.span,
        passed: o.passed,
        version: p.version,
        failures,
      });
    }
  }
  return options.all ? { kind: 'ok', outcomes: views, all: true } : { kind: 'ok', outcomes: views };
}

/** The engine that prices every day with `version` (and its municipal overrides), as the impact analysis does. */
function engineAsIf(programs: readonly Ir.Program[], ruleset: string, version: string): Engine | string {
  let perRuleset = engines.get(programs);
  if (perRuleset === undefined) {
    perRuleset = new Map();
    engines.set(programs, perRuleset);
  }
  const key = `${ruleset}\u0000als ${version}`;
  const known = perRuleset.get(key);
  if (known !== undefined) return known;
  const sel = selectVersion(
    programs.filter((p) => p.ruleset === ruleset),
    version,
    'proefgeval',
  );
  if (!sel.ok) return sel.message;
  const engine = createEngine(sel.programs, { path: 'fast' });
  perRuleset.set(key, engine);
  return engine;
}

export async function evaluateCase(
  compiled: CompileOutcome,
  path: string,
  casus: unknown,
  version?: string,
): Promise<PlaygroundResult> {
  if (!compiled.ok) return { ok: false, fout: 'De regels bevatten fouten; los die eerst op.' };
  const program = compiled.programs.find((p) => p.file === path) ?? compiled.programs[0];
  if (program === undefined) return { ok: false, fout: 'Er is geen regelset om mee te rekenen.' };
  const engine =
    version === undefined
      ? engineFor(compiled.programs, program.ruleset)
      : engineAsIf(compiled.programs, program.ruleset, version);
  if (typeof engine === 'string') return { ok: false, fout: engine };
  const evaluation = await engine.evaluate(casus, { explain: true });
  const programs = compiled.programs.filter((p) => p.ruleset === program.ruleset);
  const toewijzing = programs.some((p) => p.allocations.length > 0)
    ? toewijzingOf(programs, casus, evaluation)
    : undefined;
  return {
    ok: true,
    evaluation,
    explanation: explainSteps(evaluation, compiled.programs),
    ...(toewijzing ? { toewijzing } : {}),
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The toewijzing the case would give now (the moment only sets dates and the message id). */
function toewijzingOf(
  programs: readonly Ir.Program[],
  casus: unknown,
  evaluation: Parameters<typeof buildToewijzing>[2],
): PlaygroundToewijzing {
  const d = new Date();
  const tijdstip = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  const outcome = buildToewijzing(programs, casus, evaluation, { tijdstip });
  if (!outcome.ok) return { ok: false, errors: outcome.errors };
  return {
    ok: true,
    bericht: MESSAGE_KINDS[outcome.message.wet].name,
    xml: outcome.xml,
    producten: outcome.message.producten,
    notes: outcome.notes,
  };
}
