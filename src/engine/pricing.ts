/**
 * What a line needs from an evaluator: the rate, quantity (and hours, cap) of a result's budget or a module
 * request, with the table cells the rate looked up. Both paths compute it with their own expression walker.
 */
import type { Ir } from '../../dsl/index.js';
import { isDec } from './decimal.js';
import type { Dec } from './decimal.js';
import { tracingCtx } from './runtime.js';
import type { CellUse, Ctx } from './runtime.js';
import type { Value } from './values.js';

export type PriceTarget =
  | { readonly kind: 'budget' }
  | { readonly kind: 'module'; readonly module: string; readonly variant: string | undefined };

export interface Priced {
  readonly rate: Dec | undefined;
  readonly quantity: Dec | undefined;
  readonly hours: Dec | undefined;
  readonly cap: Dec | undefined;
  /** Cells looked up while computing the rate (the first is the line's key). */
  readonly cells: readonly CellUse[];
  readonly unit: Ir.Unit | undefined;
  readonly rounding: Ir.Rounding | undefined;
  readonly source: Ir.Origin & { readonly file?: string };
  /** Set when the program has nothing to price for the target (no budget, module or variant withdrawn). */
  readonly missing?: true;
}

const asDec = (v: Value): Dec | undefined => (isDec(v) ? v : undefined);

/** A variant's origin in its module's file, one object per variant (results share it). */
const VARIANT_SOURCES = new WeakMap<Ir.ModuleVariantDef, Priced['source']>();
function variantSource(v: Ir.ModuleVariantDef, m: Ir.ModuleDef): Priced['source'] {
  let source = VARIANT_SOURCES.get(v);
  if (!source) VARIANT_SOURCES.set(v, (source = { ...v.origin, file: m.origin.file }));
  return source;
}

/** Compute the pricing inputs of a target in a context, evaluating expressions with `run`. */
export function price(ctx: Ctx, target: PriceTarget, run: (e: Ir.Expr, ctx: Ctx) => Value): Priced {
  const c = tracingCtx(ctx);
  const p = ctx.rt.program;
  let rateExpr: Ir.Expr | undefined;
  let qtyExpr: Ir.Expr | undefined;
  let hoursExpr: Ir.Expr | undefined;
  let capExpr: Ir.Expr | undefined;
  let unit: Ir.Unit | undefined;
  let rounding: Ir.Rounding | undefined;
  let source: Priced['source'] = p.budget?.origin ?? { id: p.file, span: { start: 0, end: 0 }, file: p.file };
  if (target.kind === 'budget') {
    const b = p.budget;
    if (b) ({ rate: rateExpr, quantity: qtyExpr, hours: hoursExpr, unit, rounding, origin: source } = b);
  } else {
    const m = ctx.rt.modules.get(target.module);
    const v = m?.variants.find((x) => x.name === target.variant);
    if (m) {
      rateExpr = v ? v.rate : target.variant === undefined ? m.rate : undefined;
      unit = v ? v.unit : m.unit;
      qtyExpr = m.quantity;
      capExpr = m.cap;
      rounding = m.rounding;
      source = v ? variantSource(v, m) : m.origin;
    }
  }
  if (rateExpr === undefined || qtyExpr === undefined) {
    return {
      rate: undefined,
      quantity: undefined,
      hours: undefined,
      cap: undefined,
      cells: [],
      unit,
      rounding,
      source,
      missing: true,
    };
  }
  const rate = asDec(run(rateExpr, c));
  // `c` is this call's own tracing context: keep the rate's lookups, stop recording for the other figures.
  const cells = c.cells ?? [];
  c.cells = undefined;
  const quantity = asDec(run(qtyExpr, c));
  const hours = hoursExpr ? asDec(run(hoursExpr, c)) : undefined;
  const cap = capExpr ? asDec(run(capExpr, c)) : undefined;
  return { rate, quantity, hours, cap, cells, unit, rounding, source };
}
