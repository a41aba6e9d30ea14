/**
 * CST → AST for what prices a beschikking: `budget`, `module` (with variants, conditions and a maximum) and
 * `toewijzing` (the iStandaard mapping). Read through the generated CST typings; never throws.
 */
import type { DiagnosticSink } from '../diagnostics/diagnostic.js';
import type { AllocationDeclCstNode, BudgetDeclCstNode, ModuleDeclCstNode } from '../syntax/cst.js';
import type { Span } from '../text/span.js';
import type * as A from './ast.js';
import {
  at,
  coverAll,
  has,
  nameOf,
  optString,
  ownSpan,
  sourceOf,
  stringOf,
  sub,
  subs,
  tok,
  toks,
  tokSpan,
} from './cst-access.js';
import { buildExpr, optExpr } from './from-cst-expr.js';
import { optRounding, unitOf } from './from-cst-rounding.js';

export function buildBudget(d: BudgetDeclCstNode, fb: Span, sink: DiagnosticSink): A.BudgetDecl {
  const c = d.children;
  // The grammar allows the clauses in any order; `tarief` and `hoeveelheid` must be there.
  if (sub(c.rate) === undefined)
    sink.report('RW1101', fb, ["een regel 'tarief …'", 'een budget zonder tarief']);
  if (sub(c.quantity) === undefined)
    sink.report('RW1101', fb, ["een regel 'hoeveelheid …'", 'een budget zonder hoeveelheid']);
  const rate = buildExpr(sub(c.rate), at(fb.end));
  const quantity = buildExpr(sub(c.quantity), at(fb.end));
  const hours = optExpr(sub(c.hours), at(fb.end));
  const rounding = optRounding(sub(c.rounding), at(fb.end));
  return {
    kind: 'BudgetDecl',
    rate,
    quantity,
    rounding,
    hours,
    span: coverAll(fb, fb, rate.span, quantity.span, hours?.span, rounding?.span),
  };
}

export function buildModule(d: ModuleDeclCstNode, fb: Span): A.ModuleDecl {
  const c = d.children;
  const rate = optExpr(sub(c.rate), at(fb.end));
  const variants = subs(c.moduleVariant).map((v): A.ModuleVariant => {
    const vs = ownSpan(v, at(fb.end));
    const vRate = buildExpr(sub(v.children.expression), at(vs.end));
    return {
      kind: 'ModuleVariant',
      name: nameOf(tok(v.children.Name), at(vs.end)),
      label: optString(tok(v.children.StringLiteral)),
      rate: vRate,
      span: coverAll(vs, vs, vRate.span),
    };
  });
  const quantity = optExpr(sub(c.quantity), at(fb.end));
  const maxima = subs(c.moduleMaximum).map((m): A.ModuleMaximum => {
    const ms = ownSpan(m, at(fb.end));
    const value = buildExpr(sub(m.children.expression), at(ms.end));
    const perTok = tok(m.children.UnitLike);
    const per: A.Name | undefined =
      perTok === undefined ? undefined : { kind: 'Name', text: unitOf(perTok), span: tokSpan(perTok) };
    return { kind: 'ModuleMaximum', value, per, span: coverAll(ms, ms, value.span, per?.span) };
  });
  const rounding = optRounding(sub(c.rounding), at(fb.end));
  const conditions = subs(c.condition).map((cn): A.Condition => {
    const cs = ownSpan(cn, at(fb.end));
    const when = buildExpr(sub(cn.children.expression), at(cs.end));
    return {
      kind: 'Condition',
      when,
      reason: stringOf(tok(cn.children.StringLiteral), at(cs.end)),
      span: coverAll(cs, cs, when.span),
    };
  });
  const source = sourceOf(c.sourceClause);
  return {
    kind: 'ModuleDecl',
    name: nameOf(tok(c.Name), at(fb.end)),
    label: optString(tok(c.StringLiteral)),
    rate,
    variants,
    quantity,
    maxima,
    rounding,
    conditions,
    source,
    span: coverAll(
      fb,
      fb,
      rate?.span,
      quantity?.span,
      rounding?.span,
      source?.span,
      ...variants.map((v) => v.span),
      ...maxima.map((m) => m.span),
      ...conditions.map((x) => x.span),
    ),
  };
}

export function buildAllocation(d: AllocationDeclCstNode, fb: Span, sink: DiagnosticSink): A.AllocationDecl {
  const c = d.children;
  const euros = tok(c.Kw_euros);
  const unitTok = tok(c.unit);
  const unit: A.Name | undefined =
    euros !== undefined
      ? { kind: 'Name', text: "euro's", span: tokSpan(euros) }
      : unitTok === undefined
        ? undefined
        : nameOf(unitTok, at(fb.end));
  const other = tok(c.other);
  if (other !== undefined && other.image !== 'gemeente')
    sink.report('RW1101', tokSpan(other), ["'resultaat', 'module <naam>' of 'gemeente'", `'${other.image}'`]);
  const keys = toks(sub(c.keys)?.children.Name).map((t) => nameOf(t, fb));
  const rows = subs(c.allocationRow).map((r): A.AllocationRow => {
    const rc = r.children;
    const rfb = ownSpan(r, at(fb.end));
    const code = optString(tok(rc.StringLiteral));
    const n = tok(rc.NumberLiteral) ?? tok(rc.Minus);
    return {
      kind: 'AllocationRow',
      keys: toks(rc.Name).map((t) => nameOf(t, rfb)),
      category: !has(rc.Kw_categorie)
        ? undefined
        : n === undefined
          ? nameOf(undefined, at(rfb.end))
          : { kind: 'Name', text: n.image, span: tokSpan(n) },
      code,
      span: rfb,
    };
  });
  const isModule = has(c.Kw_module);
  const source = sourceOf(c.sourceClause);
  return {
    kind: 'AllocationDecl',
    target: isModule ? 'module' : other !== undefined ? 'gemeente' : 'resultaat',
    module: isModule ? nameOf(tok(c.module), at(fb.end)) : undefined,
    label: optString(tok(c.StringLiteral)),
    unit,
    source,
    keys,
    rows,
    span: coverAll(fb, fb, source?.span, ...rows.map((r) => r.span)),
  };
}
