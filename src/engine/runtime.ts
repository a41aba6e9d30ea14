/**
 * The decimal runtime shared by both evaluators: a program loaded for evaluation (see load.ts), the evaluation
 * context, and the primitive operations (the builtin functions and literals are in builtins.ts). The two paths
 * (json-rules-engine facts and fast closures) differ in how they walk expressions, never in what an operation means.
 */
import type { Ir } from '../../dsl/index.js';
import { assertNever } from '../../dsl/core.js';
import { addDays, dayNumber } from '../calendar/dates.js';
import type { RuntimeCache } from './builtins.js';
import type { EngineCache } from './cache.js';
import { compareDec, divide, isDec, minus, negated, plus, roundDec, times } from './decimal.js';
import type { Dec } from './decimal.js';
import { isPeriod } from './values.js';
import type { CaseItem, Period, TypedCase, Value } from './values.js';

/** A table cell after indexation. */
export interface LoadedCell {
  readonly def: Ir.TableCellDef;
  /** The value with its applicable indexations applied (see indexation.ts); undefined for `-`. */
  readonly value: Dec | undefined;
  /** The indexations applied to this cell, in order (none for `-`). */
  readonly indexations: readonly Ir.Adjustment[];
}

/** Cells by key value, one level per key column: a lookup walks it without building a key string. */
export type CellTree = Map<string, CellTree | LoadedCell>;

export interface LoadedTable {
  readonly def: Ir.TableDef;
  /** By {@link cellKey}. */
  readonly cells: ReadonlyMap<string, LoadedCell>;
  /** The same cells by key value per column. */
  readonly tree: CellTree;
}

/** A table cell that an evaluation looked up (for line keys and explanations). */
export interface CellUse {
  readonly table: LoadedTable;
  readonly key: readonly string[];
  readonly cell: LoadedCell | undefined;
}

/** A program ready for evaluation. */
export interface LoadedProgram {
  readonly program: Ir.Program;
  readonly tables: ReadonlyMap<string, LoadedTable>;
  readonly params: ReadonlyMap<string, Value>;
  readonly calcs: ReadonlyMap<string, Ir.CalcDef>;
  readonly modules: ReadonlyMap<string, Ir.ModuleDef>;
  /** Position of each value in its domain (for `<`, `>` on domain values). */
  readonly ranks: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly domains: ReadonlyMap<string, readonly string[]>;
  /** Rank of every rule and module condition by origin id: source order (file, position), never IR order. */
  readonly order: ReadonlyMap<string, number>;
  /** The cache of the engine that loaded it (its decimals, day counts, literals, texts). */
  readonly cache: EngineCache;
  /** Parameter uses by name (see {@link paramUse}), made on first use. */
  readonly uses: Map<string, ParamUse>;
}

/** Evaluation context: one case, optionally one result or module request in scope. */
export interface Ctx {
  readonly rt: LoadedProgram;
  readonly data: TypedCase;
  readonly result: CaseItem | undefined;
  readonly module: CaseItem | undefined;
  /** Inside `aantal resultaten met (…)`: the result the rule judges (`dit.x`); `result` is the counted one. */
  readonly outer: CaseItem | undefined;
  /**
   * The part of the item's period being priced, for a part of an item across a version boundary: read as the
   * `periode` of the item in scope (result or module) instead of its own. Undefined otherwise.
   */
  readonly period: Period | undefined;
  /** Beschikking-level calculations, shared by all items of a case evaluated with this program. */
  readonly caseMemo: Map<string, Value>;
  /** Item-level calculations; created on first use (most items compute none). Read it with {@link itemMemo}. */
  itemMemo: Map<string, Value> | undefined;
  /** When set, every table lookup is recorded here. */
  cells: CellUse[] | undefined;
  /** When set, the name of every parameter read is recorded here (with `cells`: what a rate was made of). */
  params: string[] | undefined;
}

/** The memo for calculations of `scope` in a context. */
export const memoFor = (ctx: Ctx, scope: Ir.Scope): Map<string, Value> =>
  scope === 'beschikking' ? ctx.caseMemo : (ctx.itemMemo ??= new Map());

export const cellKey = (key: readonly string[]): string => key.join('\u0000');

export const calcKey = (scope: Ir.Scope, name: string): string => `${scope}:${name}`;

export function newCtx(
  rt: LoadedProgram,
  data: TypedCase,
  caseMemo: Map<string, Value>,
  result?: CaseItem,
  module?: CaseItem,
  period?: Period,
): Ctx {
  return {
    rt,
    data,
    result,
    module,
    outer: undefined,
    period,
    caseMemo,
    itemMemo: undefined,
    cells: undefined,
    params: undefined,
  };
}

/**
 * A fresh context for the same item (its own memo), recording table lookups. Built with the same property order
 * as {@link newCtx}, so every context has one shape and the compiled closures stay monomorphic.
 */
export const tracingCtx = (ctx: Ctx): Ctx => ({
  rt: ctx.rt,
  data: ctx.data,
  result: ctx.result,
  module: ctx.module,
  outer: ctx.outer,
  period: ctx.period,
  caseMemo: ctx.caseMemo,
  itemMemo: undefined,
  cells: [],
  params: undefined,
});

// ───────────────────────────── primitives ─────────────────────────────

/**
 * Field of the case or item in scope. A resultaat field in module scope reads the first result. The `periode` of
 * the item in scope is the context's part of it when one is set ({@link Ctx.period}).
 */
export function fieldValue(ctx: Ctx, level: Ir.InputLevel, name: string): Value {
  switch (level) {
    case 'beschikking':
      return ctx.data.fields[name];
    case 'resultaat':
      if (ctx.result === undefined)
        // In a module: the result the request names (`resultaat.x`); empty when it names none.
        return ctx.module !== undefined
          ? referencedResult(ctx)?.fields[name]
          : ctx.data.results[0]?.fields[name];
      return ctx.period !== undefined && name === 'periode' ? ctx.period : ctx.result.fields[name];
    case 'module':
      if (ctx.module === undefined) return undefined;
      return ctx.period !== undefined && name === 'periode' ? ctx.period : ctx.module.fields[name];
    default:
      return assertNever(level);
  }
}

/** The result a module request names with its field `resultaat` (an id), if any. */
export function referencedResult(ctx: Ctx): CaseItem | undefined {
  const id = ctx.module?.fields.resultaat;
  if (typeof id !== 'string') return undefined;
  for (const r of ctx.data.results) if (r.fields.id === id) return r;
  return undefined;
}

/** The context for judging the condition of `aantal resultaten met (…)` on one result. */
export const countingCtx = (ctx: Ctx, result: CaseItem): Ctx => ({
  rt: ctx.rt,
  data: ctx.data,
  result,
  module: undefined,
  outer: ctx.result,
  period: undefined,
  caseMemo: ctx.caseMemo,
  itemMemo: undefined,
  cells: ctx.cells,
  params: ctx.params,
});

/** `aantal resultaten met (…)`: the results for which `holds` is ja. */
export function countWhere(ctx: Ctx, holds: (c: Ctx) => Value): Dec {
  let n = 0;
  for (const r of ctx.data.results) if (holds(countingCtx(ctx, r)) === true) n++;
  return ctx.rt.cache.runtime.int(n);
}

/** A parameter a rate read: its definition and the value used (after indexation). */
export interface ParamUse {
  readonly def: Ir.ParameterDef;
  readonly value: Value;
}

/** The use of parameter `name` in a loaded program, one object per program and name. */
export function paramUse(rt: LoadedProgram, name: string): ParamUse | undefined {
  const byName = rt.uses;
  let use = byName.get(name);
  if (use === undefined) {
    const def = rt.program.parameters.find((x) => x.name === name);
    if (def === undefined) return undefined;
    byName.set(name, (use = { def, value: rt.params.get(name) }));
  }
  return use;
}

/** A parameter's value; records its name when tracing (see {@link Ctx.params}). */
export function paramValue(ctx: Ctx, name: string): Value {
  ctx.params?.push(name);
  return ctx.rt.params.get(name);
}

/** Table lookup; records the cell when tracing. A `-` cell or an empty key gives undefined. */
export function lookup(ctx: Ctx, table: string, keys: readonly Value[]): Value {
  const t = ctx.rt.tables.get(table);
  if (!t) return undefined;
  let node: CellTree | LoadedCell | undefined = t.tree;
  for (const k of keys) {
    if (typeof k !== 'string') return undefined;
    node = node instanceof Map ? node.get(k) : undefined;
  }
  // A table without key columns has its one cell under the empty key.
  const cell = keys.length === 0 ? t.cells.get('') : node instanceof Map ? undefined : node;
  // Every key is a string here (checked in the walk).
  ctx.cells?.push({ table: t, key: keys as readonly string[], cell });
  return cell?.value;
}

function daysOf(q: Dec, unit: Ir.Type): number | undefined {
  const u = unit.kind === 'quantity' ? unit.unit : undefined;
  const factor = u === 'week' ? 7 : u === 'vierweken' ? 28 : u === 'dag' || u === 'etmaal' ? 1 : undefined;
  if (factor === undefined || !q.isInteger()) return undefined;
  return q.toNumber() * factor;
}

/**
 * `a op b` on decimals (exact with fractions: a quotient stays a fraction, see decimal.ts); dates plus or minus a
 * quantity of days (or weeks); date minus date in days.
 */
export function arith(
  op: '+' | '-' | '×' | '/',
  a: Value,
  b: Value,
  left: Ir.Type,
  right: Ir.Type,
  rc: RuntimeCache,
): Value {
  if (isDec(a) && isDec(b)) {
    switch (op) {
      case '+':
        return plus(a, b);
      case '-':
        return minus(a, b);
      case '×':
        return times(a, b);
      case '/':
        return divide(a, b);
    }
  }
  if (typeof a === 'string' && left.kind === 'date') {
    if (isDec(b) && (op === '+' || op === '-')) {
      const days = daysOf(b, right);
      return days === undefined ? undefined : addDays(a, op === '+' ? days : -days);
    }
    if (typeof b === 'string' && op === '-') return rc.int(dayNumber(a) - dayNumber(b));
  }
  if (isDec(a) && typeof b === 'string' && right.kind === 'date' && op === '+') {
    const days = daysOf(a, left);
    return days === undefined ? undefined : addDays(b, days);
  }
  return undefined;
}

export const negate = (a: Value): Value => (isDec(a) ? negated(a) : undefined);

/** Equality for every kind of value. */
export function same(a: Value, b: Value): boolean {
  if (isDec(a) || isDec(b)) return isDec(a) && isDec(b) && compareDec(a, b) === 0;
  if (isPeriod(a) || isPeriod(b)) return isPeriod(a) && isPeriod(b) && a.from === b.from && a.to === b.to;
  return a === b;
}

/** -1, 0, 1, or undefined when the values cannot be ordered. */
export function order(
  kind: 'decimal' | 'date' | 'ordinal' | 'equal',
  a: Value,
  b: Value,
  ranks: ReadonlyMap<string, number> | undefined,
): number | undefined {
  switch (kind) {
    case 'decimal':
      return isDec(a) && isDec(b) ? compareDec(a, b) : undefined;
    case 'date':
      return typeof a === 'string' && typeof b === 'string' ? (a < b ? -1 : a > b ? 1 : 0) : undefined;
    case 'ordinal': {
      const ra = typeof a === 'string' ? ranks?.get(a) : undefined;
      const rb = typeof b === 'string' ? ranks?.get(b) : undefined;
      return ra === undefined || rb === undefined ? undefined : Math.sign(ra - rb);
    }
    case 'equal':
      return undefined;
    default:
      return assertNever(kind);
  }
}

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Apply a comparison to an ordering result (undefined: not comparable). */
export function holds(op: CompareOp, c: number | undefined): boolean {
  if (c === undefined) return false;
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/**
 * A comparison with the language's meaning. A comparison with an empty value (an empty optional field, a `-`
 * cell, a division by zero) is neither true nor false: `undefined` (onbepaald), also for `=` and `<>`. Only
 * `is leeg` / `is niet leeg` ask about emptiness (dsl/README.md, "Lege velden").
 */
export function compare(
  kind: 'decimal' | 'date' | 'ordinal' | 'equal',
  op: CompareOp,
  a: Value,
  b: Value,
  ranks: ReadonlyMap<string, number> | undefined,
): boolean | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (op === '=') return same(a, b);
  if (op === '<>') return !same(a, b);
  return holds(op, order(kind, a, b, ranks));
}

/** `x in (a, b, …)`: true when x is one of them; onbepaald when x (or an option that could match) is empty. */
export function inList(x: Value, options: readonly Value[]): boolean | undefined {
  if (x === undefined) return undefined;
  let unknown = false;
  for (const o of options) {
    if (o === undefined) unknown = true;
    else if (same(x, o)) return true;
  }
  return unknown ? undefined : false;
}

/** `niet x` in three-valued logic: niet onbepaald is onbepaald. */
export const not3 = (v: Value): boolean | undefined => (v === undefined ? undefined : v !== true);

/** The ranks of the domain an ordinal comparison works on. */
export function ranksFor(rt: LoadedProgram, e: Ir.Expr): ReadonlyMap<string, number> | undefined {
  return e.type.kind === 'domain' ? rt.ranks.get(e.type.name) : undefined;
}

export const isRequested = (ctx: Ctx, module: string, variant: string | undefined): boolean =>
  ctx.data.requested.has(variant === undefined ? module : `${module}/${variant}`);

export const resultCount = (ctx: Ctx): Dec => ctx.rt.cache.runtime.int(ctx.data.results.length);

export const roundValue = (v: Value, r: Ir.Rounding): Value => (isDec(v) ? roundDec(v, r) : undefined);
