/**
 * Impact analysis: what a rule change costs across a caseload. The parts that run anywhere (a browser web
 * worker included); the Node-only parts (reading files as streams, the worker-thread pool) are in `./node/`.
 *
 * ```ts
 * const outcome = await analyzeImpact({
 *   basis: { programs, version: '2021-07' },
 *   variant: { programs, version: '2022' },
 *   cases: readCaseloadText(text, 'jsonl', programs),
 * });
 * if (outcome.ok) show(outcome.report); // plain JSON: totals, breakdowns, bands, status changes, largest changes
 * ```
 */
export { analyzeImpact, createPricer } from './analyze.js';
export type { AnalyzeOptions, ImpactPricer, ImpactRequest, ImpactVersion, PricerResult } from './analyze.js';
export { parseJsonLine } from './caseload/json-lines.js';
export { mergeTallies, finishReport } from './report.js';
export { newTally, type Tally } from './tally.js';
export { selectVersion, knownVersions } from './versions.js';
export * from './types.js';
export {
  readCaseloadText,
  caseloadFormat,
  type CaseloadFormat,
  type TextCaseload,
} from './caseload/read-text.js';
export { generateCaseload, GEMEENTE_WEIGHTS, type GenerateOptions } from './generate.js';
export { renderImpactText, euroText, signedEuro, percentText, countText } from './render-text.js';
export { impactCsvFiles } from './render-csv.js';
