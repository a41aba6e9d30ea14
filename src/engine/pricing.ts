/**
 * What a line needs from an evaluator: the rate, quantity (and hours, cap) of a result's budget or a module
 * request, with the table cells the rate looked up. Both paths compute it with their own expression walker.
 */
import { readsItemPeriod } from '../../dsl/core.js';
import type { Ir } from '../../dsl/index.js';
import { isDec } from './decimal.js';
import type { Dec } from './decimal.js';
import { paramUse, tracingCtx } from './runtime.js';
import type { CellUse, Ctx, LoadedProgram, ParamUse } from './runtime.js';
import type { Value } from './values.js';

export type PriceTarget =
  | { readonly kind: 'budget' }
  | { readonly kind: 'module'; readonly module: string; readonly variant: string | undefined };

export interface Priced {
  readonly rate: Dec | undefined;
  readonly quantity: Dec | undefined;
  readonly hours: Dec | undefined;
  readonly cap: Dec | undefined;
  /** Set when a quantity maximum (`maximum 40 ritten per maand`) lowered the requested quantity. */
  readonly quantityCap?: AppliedQuantityCap;
  /** Cells looked up while computing the rate (the first is the line's key). */
  readonly cells: readonly CellUse[];
  /** Parameters read while computing the rate, in order (each once). */
  readonly params: readonly ParamUse[];
  readonly unit: Ir.Unit | undefined;
  readonly rounding: Ir.Rounding | undefined;
  readonly source: Ir.Origin & { readonly file?: string };
  /** Set when the program has nothing to price for the target (no budget, module or variant withdrawn). */
  readonly missing?: true;
}

/** A quantity maximum that applied: the maximum as written, its period unit, the limit and what was asked. */
export interface AppliedQuantityCap {
  readonly max: Dec;
  readonly unit: Ir.Unit;
  readonly per: Ir.Unit | undefined;
  readonly limit: Dec;
  readonly requested: Dec;
}

const NO_PARAMS: readonly ParamUse[] = [];

/** The parameters a rate read, each once, in order. */
function usesOf(rt: LoadedProgram, names: readonly string[]): readonly ParamUse[] {
  if (names.length === 0) return NO_PARAMS;
  const out: ParamUse[] = [];
  for (const name of names) {
    const use = paramUse(rt, name);
    if (use !== undefined && !out.includes(use)) out.push(use);
  }
  return out;
}

const asDec = (v: Value): Dec | undefined => (isDec(v) ? v : undefined);

/** Price specs per loaded program: the budget's, and per module and variant (undefined: no variant). */
interface Specs {
  budget: PriceSpec | undefined;
  readonly modules: Map<string, Map<string | undefined, PriceSpec>>;
}

/**
 * What an engine remembers for pricing: the price specs of its loaded programs, a variant's origin in its module's
 * file (one object per variant: results share it), and one scratch list for the parameter names a rate reads
 * (pricing is synchronous and not re-entered).
 */
export class PriceCache {
  readonly specs = new WeakMap<LoadedProgram, Specs>();
  private readonly variantSources = new WeakMap<Ir.ModuleVariantDef, Priced['source']>();
  readonly paramNames: string[] = [];

  variantSource(v: Ir.ModuleVariantDef, m: Ir.ModuleDef): Priced['source'] {
    let source = this.variantSources.get(v);
    if (!source) this.variantSources.set(v, (source = { ...v.origin, file: m.origin.file }));
    return source;
  }
}

/** What a program prices for a target: its expressions, unit, rounding and source, resolved once. */
interface PriceSpec {
  readonly rate: Ir.Expr | undefined;
  readonly quantity: Ir.Expr | undefined;
  readonly hours: Ir.Expr | undefined;
  readonly cap: Ir.Expr | undefined;
  /** The module's quantity maximum, when it is in this target's unit. */
  readonly quantityCap?: Ir.QuantityCap;
  readonly unit: Ir.Unit | undefined;
  readonly rounding: Ir.Rounding | undefined;
  readonly source: Priced['source'];
  /** The quantity (or hours) reads the item's `periode`: across a version boundary it is priced per part. */
  readonly byPeriod: boolean;
}

function resolveSpec(rt: LoadedProgram, target: PriceTarget): PriceSpec {
  const spec = resolveExprs(rt, target);
  const reads = (e: Ir.Expr | undefined) => e !== undefined && readsItemPeriod(e, rt.calcs);
  return { ...spec, byPeriod: reads(spec.quantity) || reads(spec.hours) };
}

function resolveExprs(rt: LoadedProgram, target: PriceTarget): Omit<PriceSpec, 'byPeriod'> {
  const p = rt.program;
  const fallback = p.budget?.origin ?? { id: p.file, span: { start: 0, end: 0 }, file: p.file };
  if (target.kind === 'budget') {
    const b = p.budget;
    return b
      ? {
          rate: b.rate,
          quantity: b.quantity,
          hours: b.hours,
          cap: undefined,
          unit: b.unit,
          rounding: b.rounding,
          source: b.origin,
        }
      : {
          rate: undefined,
          quantity: undefined,
          hours: undefined,
          cap: undefined,
          unit: undefined,
          rounding: undefined,
          source: fallback,
        };
  }
  const m = rt.modules.get(target.module);
  if (!m)
    return {
      rate: undefined,
      quantity: undefined,
      hours: undefined,
      cap: undefined,
      unit: undefined,
      rounding: undefined,
      source: fallback,
    };
  const v = m.variants.find((x) => x.name === target.variant);
  const unit = v ? v.unit : m.unit;
  const qc = m.quantityCap;
  return {
    ...(qc !== undefined && qc.unit === unit ? { quantityCap: qc } : {}),
    rate: v ? v.rate : target.variant === undefined ? m.rate : undefined,
    quantity: m.quantity,
    hours: undefined,
    cap: m.cap,
    unit,
    rounding: m.rounding,
    source: v ? rt.cache.prices.variantSource(v, m) : m.origin,
  };
}

function specFor(rt: LoadedProgram, target: PriceTarget): PriceSpec {
  const all = rt.cache.prices.specs;
  let specs = all.get(rt);
  if (!specs) all.set(rt, (specs = { budget: undefined, modules: new Map() }));
  if (target.kind === 'budget') return (specs.budget ??= resolveSpec(rt, target));
  let byVariant = specs.modules.get(target.module);
  if (!byVariant) specs.modules.set(target.module, (byVariant = new Map()));
  let spec = byVariant.get(target.variant);
  if (!spec) byVariant.set(target.variant, (spec = resolveSpec(rt, target)));
  return spec;
}

/**
 * Whether a program prices a target per version part: only when its quantity depends on the item's period
 * (`weken(periode)`, `maanden(periode)`, …). A fixed quantity (`1 traject`) or a requested number (`aantal`) is
 * not divided by a version boundary: the whole item is priced by the version in force on its first day.
 */
export const pricedPerPart = (rt: LoadedProgram, target: PriceTarget): boolean =>
  specFor(rt, target).byPeriod;

/**
 * Compute the pricing inputs of a target in a context, evaluating expressions with `run`. The rate's table
 * lookups are recorded on a fresh copy of the context (its own item memo), or on `ctx` itself when `own` says
 * nothing else evaluates in it.
 */
export function price(
  ctx: Ctx,
  target: PriceTarget,
  run: (e: Ir.Expr, ctx: Ctx) => Value,
  own = false,
): Priced {
  const {
    rate: rateExpr,
    quantity: qtyExpr,
    hours: hoursExpr,
    cap: capExpr,
    quantityCap: qcSpec,
    unit,
    rounding,
    source,
  } = specFor(ctx.rt, target);
  if (rateExpr === undefined || qtyExpr === undefined) {
    return {
      rate: undefined,
      quantity: undefined,
      hours: undefined,
      cap: undefined,
      cells: [],
      params: NO_PARAMS,
      unit,
      rounding,
      source,
      missing: true,
    };
  }
  const c = own ? ctx : tracingCtx(ctx);
  const cells: CellUse[] = [];
  // Parameter names go to one scratch list (pricing is synchronous and not re-entered); copied only when used.
  const params = ctx.rt.cache.prices.paramNames;
  params.length = 0;
  c.cells = cells;
  c.params = params;
  const rate = asDec(run(rateExpr, c));
  // `c` is this call's own tracing context: keep the rate's lookups, stop recording for the other figures.
  c.cells = undefined;
  c.params = undefined;
  let quantity = asDec(run(qtyExpr, c));
  let quantityCap: AppliedQuantityCap | undefined;
  if (qcSpec !== undefined && quantity !== undefined) {
    const limit = asDec(run(qcSpec.limit, c));
    const max = asDec(run(qcSpec.max, c));
    if (limit !== undefined && max !== undefined && quantity.gt(limit)) {
      quantityCap = { max, unit: qcSpec.unit, per: qcSpec.per, limit, requested: quantity };
      quantity = limit;
    }
  }
  const hours = hoursExpr && ctx.rt.cache.hours ? asDec(run(hoursExpr, c)) : undefined;
  const cap = capExpr ? asDec(run(capExpr, c)) : undefined;
  return {
    ...(quantityCap !== undefined ? { quantityCap } : {}),
    rate,
    quantity,
    hours,
    cap,
    cells,
    params: usesOf(c.rt, params),
    unit,
    rounding,
    source,
  };
}
