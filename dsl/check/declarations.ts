/**
 * Declarations with expressions: budget, modules, rules and provisions. Each is checked in its scope and its
 * expressions are returned lowered and typed, ready for `lower`.
 */
import type { BudgetDecl, ModuleDecl, ModuleMaximum, ProvisionDecl, RuleDecl, Unit } from '../ast/ast.js';
import { printExpr } from '../ast/print-expr.js';
import type { BuiltinFunction } from '../ast/ast.js';
import type { Expr as IrExpr, QuantityCap, Type } from '../ir/ir.js';
import { assertNever, span } from '../text/span.js';
import { someExpr } from '../ir/walk.js';
import type { Env } from './env.js';
import { condition, elaborate, type Ctx } from './expr.js';
import type { Eff } from './items.js';
import { compatible, describe, T } from './types.js';

export interface CheckedBudget {
  readonly eff: Eff<BudgetDecl>;
  readonly rate: IrExpr;
  readonly quantity: IrExpr;
  readonly hours: IrExpr | undefined;
  readonly unit: Unit;
}

export function checkBudget(eff: Eff<BudgetDecl>, env: Env): CheckedBudget {
  const ctx: Ctx = { env, file: eff.origin.file, scope: 'resultaat', constant: false };
  const d = eff.decl;
  const rate = elaborate(d.rate, ctx);
  const quantity = elaborate(d.quantity, ctx);
  const unit = checkRateAndQuantity('het budget', rate, quantity, ctx);
  // RW5103 at the keyword `budget` (no name of its own), in the file that wrote it: a version that inherits the
  // budget reports the same diagnostic there, which compile() keeps once.
  if (!d.rounding && rate.type.kind === 'rate') {
    env.reporter.report(ctx.file, 'RW5103', span(d.span.start, d.span.start + 'budget'.length), [
      'het budget',
    ]);
  }
  let hours: IrExpr | undefined;
  if (d.hours) {
    hours = elaborate(d.hours, ctx);
    if (!compatible(hours.type, T.quantity('uur'))) {
      env.reporter.report(ctx.file, 'RW3014', d.hours.span, [describe(hours.type, env.units)]);
    }
  }
  return { eff, rate, quantity, hours, unit: unit ?? 'week' };
}

/** Rate must be a rate; quantity a quantity in the rate's unit. Returns the unit. */
function checkRateAndQuantity(
  what: string,
  rate: IrExpr,
  quantity: IrExpr | undefined,
  ctx: Ctx,
): Unit | undefined {
  const rt = rate.type;
  if (rt.kind !== 'rate') {
    if (rt.kind !== 'error')
      ctx.env.reporter.report(ctx.file, 'RW3006', rate.span, [what, describe(rt, ctx.env.units)]);
    return undefined;
  }
  if (quantity) checkQuantity(what, rt.per, quantity, ctx);
  return rt.per;
}

function checkQuantity(what: string, unit: Unit, quantity: IrExpr, ctx: Ctx): void {
  const qt: Type = quantity.type;
  if (qt.kind === 'error') return;
  if (qt.kind !== 'quantity' || (qt.unit !== 'module' && qt.unit !== unit)) {
    ctx.env.reporter.report(ctx.file, 'RW3007', quantity.span, [
      what,
      ctx.env.units.plural(unit),
      describe(qt, ctx.env.units),
    ]);
  }
}

export interface CheckedModule {
  readonly eff: Eff<ModuleDecl>;
  readonly rate: IrExpr | undefined;
  readonly unit: Unit | undefined;
  readonly variants: readonly { readonly rate: IrExpr; readonly unit: Unit }[];
  readonly quantity: IrExpr;
  readonly cap: IrExpr | undefined;
  readonly quantityCap: QuantityCap | undefined;
  readonly conditions: readonly IrExpr[];
}

/** The function that measures a period in a unit, for `maximum … per <unit>`. */
const PERIOD_FUNCTIONS: Readonly<Partial<Record<string, BuiltinFunction>>> = {
  dag: 'dagen',
  etmaal: 'etmalen',
  week: 'weken',
  vierweken: 'vierweken',
  maand: 'maanden',
};

/**
 * RW3302's example of a maximum per period, in a unit this file knows: the module's own quantity unit when it is
 * no period itself (`maximum 9 dagdelen per week` where `dagdeel` is declared), else the built-in `ritten`.
 */
const capExample = (unit: Unit | undefined, ctx: Ctx): string =>
  unit !== undefined && unit !== 'module' && PERIOD_FUNCTIONS[unit] === undefined
    ? `maximum 9 ${ctx.env.units.plural(unit)} per week`
    : 'maximum 40 ritten per maand';

/**
 * `maximum 9 dagdelen per week` / `maximum 40 ritten`: a maximum on the quantity, in the unit of the module's
 * rate or of one of its variants (RW3303 otherwise); `per` must be a period unit (RW3302).
 */
function quantityCapOf(
  d: ModuleDecl,
  m: ModuleMaximum,
  max: IrExpr,
  units: readonly (Unit | undefined)[],
  ctx: Ctx,
): QuantityCap | undefined {
  const rep = ctx.env.reporter;
  const t = max.type;
  if (t.kind !== 'quantity' || t.unit === 'module') return undefined;
  if (!units.includes(t.unit)) {
    const known = [...new Set(units.filter((u): u is Unit => u !== undefined))];
    rep.report(ctx.file, 'RW3303', max.span, [
      d.name.text,
      ctx.env.units.plural(t.unit),
      known.map((u) => ctx.env.units.plural(u)).join(' of ') || '?',
    ]);
    return undefined;
  }
  const per = m.per;
  if (per === undefined) return { max, unit: t.unit, per: undefined, limit: max };
  const perUnit = per.text as Unit;
  const fn = PERIOD_FUNCTIONS[perUnit];
  if (fn === undefined) {
    rep.report(ctx.file, 'RW3302', per.span, [
      per.text,
      `maximum 9 ${ctx.env.units.plural(t.unit)} per week`,
    ]);
    return undefined;
  }
  const id = `${ctx.file}:QuantityCap:${max.span.start}-${per.span.end}`;
  const periode: IrExpr = {
    id: `${id}:periode`,
    span: per.span,
    kind: 'field',
    level: 'module',
    name: 'periode',
    type: T.period,
  };
  const length: IrExpr = {
    id: `${id}:duur`,
    span: per.span,
    kind: 'call',
    fn,
    args: [periode],
    type: T.quantity(perUnit),
  };
  const limit: IrExpr = {
    id,
    span: span(max.span.start, per.span.end),
    kind: 'arith',
    op: '×',
    left: max,
    right: length,
    type: t,
  };
  return { max, unit: t.unit, per: perUnit, limit };
}

const maximumText = (m: ModuleMaximum): string =>
  `maximum ${printExpr(m.value)}${m.per ? ` per ${m.per.text}` : ''}`;

export function checkModule(eff: Eff<ModuleDecl>, env: Env): CheckedModule {
  const d = eff.decl;
  const ctx: Ctx = { env, file: eff.origin.file, scope: 'module', constant: false };
  const rep = env.reporter;
  const name = d.name.text;
  if (d.rate && d.variants.length > 0) rep.report(ctx.file, 'RW5004', d.name.span, [name]);
  if (!d.rate && d.variants.length === 0) rep.report(ctx.file, 'RW5003', d.name.span, [name]);
  if (!d.quantity) rep.report(ctx.file, 'RW5005', d.name.span, [name]);
  const quantity: IrExpr = d.quantity
    ? elaborate(d.quantity, ctx)
    : {
        id: `${ctx.file}:ModuleQuantity:${d.span.start}-${d.span.end}`,
        span: d.name.span,
        kind: 'const',
        type: T.error,
        value: '',
      };
  const seen = new Set<string>();
  const variants = d.variants.map((v) => {
    if (seen.has(v.name.text)) rep.report(ctx.file, 'RW2008', v.name.span, ['variant', v.name.text]);
    seen.add(v.name.text);
    const rate = elaborate(v.rate, ctx);
    const unit = checkRateAndQuantity(
      `variant '${v.name.text}' van module '${name}'`,
      rate,
      d.quantity ? quantity : undefined,
      ctx,
    );
    return { rate, unit: unit ?? 'week' };
  });
  let rate: IrExpr | undefined;
  let unit: Unit | undefined;
  if (d.rate) {
    rate = elaborate(d.rate, ctx);
    unit = checkRateAndQuantity(`module '${name}'`, rate, d.quantity ? quantity : undefined, ctx);
  }
  // At most one maximum in euros and one on the quantity, in either order: the quantity maximum limits
  // what is priced, the euro maximum then limits the amount (RW3801 for a second one of the same kind).
  let cap: IrExpr | undefined;
  let quantityCap: QuantityCap | undefined;
  let seenMoney: ModuleMaximum | undefined;
  let seenQuantity: ModuleMaximum | undefined;
  for (const m of d.maxima) {
    const max = elaborate(m.value, ctx);
    if (max.type.kind === 'quantity' && max.type.unit !== 'module') {
      if (seenQuantity !== undefined) {
        rep.report(ctx.file, 'RW3801', m.span, [name, 'op de hoeveelheid', maximumText(seenQuantity)]);
        continue;
      }
      seenQuantity = m;
      quantityCap = quantityCapOf(d, m, max, [unit, ...variants.map((v) => v.unit)], ctx);
    } else if (!compatible(max.type, T.money))
      rep.report(ctx.file, 'RW3008', m.value.span, [name, describe(max.type, ctx.env.units)]);
    else if (m.per && max.type.kind !== 'error')
      rep.report(ctx.file, 'RW3302', m.per.span, [m.per.text, capExample(unit, ctx)]);
    else if (seenMoney !== undefined)
      rep.report(ctx.file, 'RW3801', m.span, [name, "in euro's", maximumText(seenMoney)]);
    else {
      seenMoney = m;
      cap = max;
    }
  }
  // Variants have no rounding of their own: the module's `afgerond op …` rounds each of them.
  const money = rate?.type.kind === 'rate' || variants.some((v) => v.rate.type.kind === 'rate');
  if (!d.rounding && money) rep.report(ctx.file, 'RW5103', d.name.span, [`module '${name}'`]);
  const conditions = d.conditions.map((c) => condition(c.when, ctx));
  return { eff, rate, unit, variants, quantity, cap, quantityCap, conditions };
}

export function checkRule(eff: Eff<RuleDecl>, env: Env): IrExpr {
  const ctx: Ctx = { env, file: eff.origin.file, scope: eff.decl.scope, constant: false };
  const when = condition(eff.decl.when, ctx);
  if (isConstant(when)) env.reporter.report(ctx.file, 'RW5102', eff.decl.when.span, [eff.decl.name.value]);
  return when;
}

/** Whether an expression reads nothing from the case. */
/** Whether an expression only reads literals and parameters (walked without recursion, see `someExpr`). */
function isConstant(e: IrExpr): boolean {
  return !someExpr(e, (x) => {
    switch (x.kind) {
      case 'const':
        return x.type.kind === 'error';
      case 'field':
      case 'calc':
      case 'lookup':
      case 'moduleRequested':
      case 'countResults':
        return true;
      case 'param':
      case 'call':
      case 'arith':
      case 'compare':
      case 'and':
      case 'or':
      case 'neg':
      case 'not':
      case 'if':
      case 'in':
      case 'isEmpty':
      case 'round':
        return false;
      default:
        return assertNever(x);
    }
  });
}

export interface CheckedProvision {
  readonly eff: Eff<ProvisionDecl>;
  readonly amount: string;
  readonly per: Unit | undefined;
}

export function checkProvision(eff: Eff<ProvisionDecl>, env: Env): CheckedProvision {
  const b = eff.decl.budget;
  if (b.kind === 'MoneyLit') return { eff, amount: b.value, per: b.per };
  const ctx: Ctx = { env, file: eff.origin.file, scope: 'beschikking', constant: true };
  const ir = elaborate(b, ctx);
  if (ir.type.kind !== 'error')
    env.reporter.report(ctx.file, 'RW3001', b.span, ['een bedrag (€ …)', describe(ir.type, env.units)]);
  return { eff, amount: '0', per: undefined };
}
