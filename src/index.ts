/**
 * regelwerk's public API for developers who embed the Twents Model rules:
 *
 * ```ts
 * import { compile, createEngine } from 'regelwerk';
 * const result = compile([{ path: '2019.regels', text }]);
 * if (result.ok) {
 *   const engine = createEngine(result.programs);
 *   const evaluation = await engine.evaluate(casus); // { ok, version, lines, total, decisions, diagnostics }
 * }
 * ```
 *
 * `bundleFromSources` writes the portable bundle; `regelwerk/runtime` (src/runtime) evaluates it without the
 * compiler. Neither Monaco nor React is reachable from here.
 */
export { compile, renderDiagnostic, formatText, hasErrors, sortDiagnostics, CATALOG } from '../dsl/index.js';
export type { CompileResult, Diagnostic, DiagnosticCode, Ir, Source, Span } from '../dsl/index.js';
export { createEngine } from './engine/evaluate.js';
export type { Engine, EngineOptions, EvaluateOptions } from './engine/evaluate.js';
export type * from './engine/result.js';
export { renderExplanation } from './engine/explain.js';
export { runScenarios, checkExpectation, type ScenarioOutcome } from './scenarios/run.js';
export { computeCoverage, type VersionCoverage } from './scenarios/coverage.js';
export { bundleFromSources, createBundle, serializeBundle, type BundleBuild } from './bundle/build.js';
export { bundleFormatSchema } from './bundle/bundle-schema.js';
export { caseSchema } from './bundle/case-schema.js';
export { loadBundle, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from './runtime/index.js';
export type {
  Bundle,
  BundleLoad,
  BundleRuntime,
  BundleVersion,
  JsonSchema,
  VersionInfo,
} from './runtime/index.js';
export { buildToewijzing, type ToewijzingOptions, type ToewijzingOutcome } from './istandaard/build.js';
