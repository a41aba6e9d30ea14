/**
 * The contract between the evaluation orchestrator (evaluate.ts) and an evaluator path. The orchestrator plans
 * the work for a case (rules per item, module conditions, pricing per version part); a path answers it.
 */
import type { Ir } from '../../dsl/index.js';
import type { EngineCache } from './cache.js';
import type { Check } from './describe.js';
import type { Priced, PriceTarget } from './pricing.js';
import type { CellUse, Ctx, LoadedProgram } from './runtime.js';

/** Run the rules of `scope` on one item (and, for a module request, that module's conditions). */
export interface ItemTask {
  readonly scope: Ir.Scope;
  readonly ctx: Ctx;
  readonly module: Ir.ModuleDef | undefined;
  /**
   * Only these rules (origin ids), and no module conditions: the rules a later version adds or rewrites, judging
   * the part of the item (or of the case) under that version. Undefined: all rules of the scope.
   */
  readonly only: ReadonlySet<string> | undefined;
}

/** Price a result's budget or a module request over one part of its period. */
export interface PriceTask {
  readonly ctx: Ctx;
  readonly target: PriceTarget;
  /**
   * The context was made for this task alone (a part of an item across a version boundary): a path may price on
   * it directly instead of on a fresh copy (see `price`).
   */
  readonly own: boolean;
  /**
   * For a module request: the index of its item task. The price is needed only when that task judged a module
   * and all its conditions held (a refused module gets no line); a path leaves it `undefined` otherwise.
   */
  readonly gate: number | undefined;
}

/** Whether a price task is needed, given the answers to the item tasks (see {@link PriceTask.gate}). */
export function priceNeeded(
  task: PriceTask,
  items: readonly ItemTask[],
  answers: readonly ItemAnswer[],
): boolean {
  if (task.gate === undefined) return true;
  if (items[task.gate]?.module === undefined) return false;
  const answer = answers[task.gate];
  if (answer === undefined) return false;
  for (const c of answer.conditions) if (!c.ok) return false;
  return true;
}

export interface FiredRule {
  readonly rule: Ir.RuleDef;
  /** The checks that made it fire, with actual values (only when explaining). */
  readonly details: readonly Check[];
}

export interface ConditionOutcome {
  readonly condition: Ir.ConditionDef;
  /** True only when the condition is ja; nee and onbepaald are both not ok. */
  readonly ok: boolean;
  /** Set when the condition was onbepaald: it depended on an empty value (dsl/README.md, "Lege velden"). */
  readonly undetermined?: true;
  /** For a failed condition always; for a condition that held only when explaining. */
  readonly details: readonly Check[];
}

export interface ItemAnswer {
  /** In declaration order. */
  readonly fired: readonly FiredRule[];
  /**
   * Rules whose condition was onbepaald (it depended on an empty value), in declaration order; `details` name the
   * empty values. Absent when there are none.
   */
  readonly undetermined?: readonly FiredRule[];
  /** In declaration order. */
  readonly conditions: readonly ConditionOutcome[];
  /** Table cells the rules and conditions looked up (recorded only when explaining; else empty). */
  readonly cells: readonly CellUse[];
}

/** No cells (an answer that was not traced). */
export const NO_CELLS: readonly CellUse[] = [];

export interface Answers {
  readonly items: readonly ItemAnswer[];
  /** Per price task; `undefined` for a task that was not needed (see {@link PriceTask.gate}). */
  readonly prices: readonly (Priced | undefined)[];
}

/** An evaluator: loads programs (compiling what it needs once) and answers the planned tasks of a case. */
export interface Path {
  readonly name: 'jre' | 'fast';
  /** Load a program for an engine, keeping what it derives in the engine's cache. */
  load(program: Ir.Program, cache: EngineCache): LoadedProgram;
  answer(
    items: readonly ItemTask[],
    prices: readonly PriceTask[],
    explain: boolean,
  ): Answers | Promise<Answers>;
}
