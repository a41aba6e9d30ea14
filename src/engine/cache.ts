/**
 * Everything an engine remembers between cases, in one object owned by the engine (`createEngine`) and discarded
 * with it: no module of the engine keeps state of its own. Each part is bounded: weak maps keyed by the engine's
 * own programs, loaded cells and shared decimals (they go when those go), and maps keyed by texts or numbers with a
 * limit beyond which a value is computed every time.
 */
import type { Ir } from '../../dsl/index.js';
import { InputShapes } from '../versions/input.js';
import { RejudgeMemo } from '../versions/rejudge.js';
import type { Segment } from '../versions/timeline.js';
import { LineCache } from './line-cache.js';
import { CaseCache } from './casus.js';
import { RuntimeCache } from './builtins.js';
import { SharedDecimals } from './decimal.js';
import { PriceCache } from './pricing.js';
import type { LoadedProgram } from './runtime.js';

export class EngineCache {
  /**
   * @param hours whether result lines get their indicative hours (time norms); an engine that only sums money
   *   (the impact analysis) leaves them out: they never change an amount, a decision or a diagnostic.
   */
  constructor(readonly hours = true) {}

  /** Decimals the engine reuses, day counts, fractions, literals. */
  readonly runtime = new RuntimeCache(new SharedDecimals());
  /** Texts and figures of result lines (source references, cell keys, part figures). */
  readonly lines = new LineCache(this.runtime.decimals);
  /** What each program prices per target. */
  readonly prices = new PriceCache();
  /** What case validation derives from a program, and the hints of unknown-field warnings. */
  readonly cases = new CaseCache();
  /** Readable subjects of expressions, for explanations (see describe.ts). */
  readonly subjects = new WeakMap<Ir.Expr, string | null>();
  /** Which rules a later version judges anew, per pair of programs. */
  readonly rejudge = new RejudgeMemo();
  /** Input shapes of programs, to validate a case once for versions that declare the same input. */
  readonly shapes = new InputShapes();
  /** Timelines per municipality with an override (one more for the region). */
  readonly timelines = new Map<string, Segment[]>();
  /** Programs loaded by the engine's path. */
  readonly loaded = new Map<Ir.Program, LoadedProgram>();
}
