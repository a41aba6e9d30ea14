/**
 * `regelwerk/runtime`: evaluate a ruleset bundle (written by `regelwerk bundle`) without the compiler.
 * Pulls in neither Chevrotain nor the checker (test/runtime/entry.test.ts); runs in Node 20 and in browsers.
 *
 * ```js
 * import { loadBundle } from 'regelwerk/runtime';
 * const load = await loadBundle(await readFile('twents-model.bundle.json', 'utf8'));
 * if (!load.ok) throw new Error(load.error); // Dutch: what is wrong with the bundle
 * const evaluation = await load.runtime.evaluate(casus); // { ok, version, lines, total, decisions, diagnostics }
 * ```
 */
export { loadBundle } from './load.js';
export type { BundleLoad, BundleRuntime, LoadOptions, VersionInfo } from './load.js';
export { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from './format.js';
export type { Bundle, BundleVersion, JsonSchema, ResolvedCell, ResolvedTable } from './format.js';
export { bundleHash, canonicalJson } from './canonical.js';
export { renderExplanation } from '../engine/explain.js';
export type { EvaluateOptions } from '../engine/evaluate.js';
export type * from '../engine/result.js';
