/**
 * `regelwerk test [--json] [--coverage] [--pad jre|fast] [paths]`: runs every scenario of every version.
 * A failing expectation is shown with its source line; exit 1 when any scenario fails.
 */
import { LineIndex } from '../../dsl/index.js';
import { createEngine } from '../engine/evaluate.js';
import { runScenarios, type ScenarioOutcome } from '../scenarios/run.js';
import { computeCoverage, renderCoverage } from '../scenarios/coverage.js';
import { byRuleset, loadRuleset } from './ruleset.js';
import { EXIT_OK, EXIT_PROBLEMS, plural, type Io } from './output.js';

export interface TestOptions {
  readonly json: boolean;
  readonly coverage: boolean;
  readonly path: 'jre' | 'fast';
}

/** Line, column and source line of an offset, in the text as compiled (spans skip a byte order mark). */
function sourceLine(
  file: string,
  offset: number,
  texts: Record<string, string>,
  cache: Map<string, LineIndex>,
) {
  let idx = cache.get(file);
  if (!idx) {
    idx = new LineIndex(texts[file] ?? '');
    cache.set(file, idx);
  }
  const pos = idx.position(offset);
  return { ...pos, text: idx.lineText(pos.line) };
}

export async function runTest(paths: readonly string[], options: TestOptions, io: Io): Promise<number> {
  const ruleset = await loadRuleset(paths, io, options.json);
  if (!ruleset) return EXIT_PROBLEMS;
  // Only the named files' scenarios run; the files they build on (context) are evaluated with them.
  const programs = ruleset.programs.filter((p) => ruleset.named.has(p.file));
  const cache = new Map<string, LineIndex>();
  const outcomes: ScenarioOutcome[] = [];
  for (const group of byRuleset(ruleset.programs).values()) {
    const engine = createEngine(group, { path: options.path });
    for (const program of group.filter((p) => ruleset.named.has(p.file))) {
      outcomes.push(
        ...(await runScenarios(program, (c) => engine.evaluate(c, { explain: options.coverage }), group)),
      );
    }
  }
  const failed = outcomes.filter((o) => !o.passed);
  // Coverage of the named versions; the versions they build on tell which version judged what.
  const coverage = options.coverage ? computeCoverage(programs, outcomes, ruleset.programs) : undefined;
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          ok: failed.length === 0,
          scenarios: outcomes.length,
          passed: outcomes.length - failed.length,
          failed: failed.length,
          results: outcomes.map((o) => ({
            version: o.program,
            scenario: o.scenario,
            file: o.file,
            passed: o.passed,
            failures: o.failures.map((f) => {
              const at = sourceLine(o.file, f.expectation.origin.span.start, ruleset.texts, cache);
              return {
                message: f.message,
                start: f.expectation.origin.span.start,
                end: f.expectation.origin.span.end,
                line: at.line,
                column: at.column,
              };
            }),
          })),
          ...(coverage ? { coverage } : {}),
        },
        null,
        2,
      ),
    );
    return failed.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  }
  let currentVersion = '';
  for (const o of outcomes) {
    if (o.program !== currentVersion) {
      currentVersion = o.program;
      io.out(`\nversie ${o.program} (${o.file})`);
    }
    io.out(`  ${o.passed ? '✓' : '✗'} ${o.scenario}`);
    for (const f of o.failures) {
      const at = sourceLine(o.file, f.expectation.origin.span.start, ruleset.texts, cache);
      const width = Math.max(
        1,
        Math.min(
          f.expectation.origin.span.end - f.expectation.origin.span.start,
          at.text.length - at.column + 1,
        ),
      );
      io.out(`      ${o.file}:${at.line}:${at.column}: ${f.message}`);
      io.out(`      ${at.text}`);
      io.out(`      ${' '.repeat(at.column - 1)}^${'~'.repeat(Math.max(0, width - 1))}`);
    }
  }
  if (coverage) io.out('\n' + renderCoverage(coverage));
  io.out(
    `\n${plural(outcomes.length, 'scenario', "scenario's")}: ${outcomes.length - failed.length} geslaagd, ${failed.length} mislukt (pad: ${options.path}).`,
  );
  return failed.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
