/**
 * CST → AST for `scenario` declarations: the `gegeven` lines (fields, results, modules) and the `verwacht`
 * lines. Read through the generated CST typings; never throws.
 */
import type {
  AssignmentCstNode,
  ExpectationCstNode,
  GivenCstNode,
  ScenarioDeclCstNode,
} from '../syntax/cst.js';
import type { Span } from '../text/span.js';
import type * as A from './ast.js';
import {
  at,
  coverAll,
  dateOf,
  errorExpr,
  has,
  nameOf,
  ownSpan,
  stringOf,
  sub,
  subs,
  tok,
  toks,
} from './cst-access.js';
import { buildExpr } from './from-cst-expr.js';

function buildAssignment(node: AssignmentCstNode, fb: Span): A.Assignment {
  const c = node.children;
  const s = ownSpan(node, fb);
  const name = nameOf(tok(c.Name), s);
  let value: A.Expr;
  if (has(c.Kw_tot)) {
    const dates = toks(c.DateLiteral);
    const from = dateOf(dates[0], at(s.end));
    const to = dateOf(dates[1], at(s.end));
    value = { kind: 'PeriodLit', from, to, span: coverAll(from.span, from.span, to.span) };
  } else value = buildExpr(sub(c.expression), at(s.end));
  return { kind: 'Assignment', name, value, span: coverAll(s, s, value.span) };
}

function buildGiven(g: GivenCstNode, fb: Span): A.Given {
  const c = g.children;
  const gs = ownSpan(g, at(fb.end));
  const fields = subs(sub(c.assignments)?.children.assignment).map((a) => buildAssignment(a, at(gs.end)));
  const span = coverAll(gs, gs, ...fields.map((f) => f.span));
  if (has(c.Kw_resultaat)) return { kind: 'GivenResult', id: nameOf(tok(c.Name), at(gs.end)), fields, span };
  if (has(c.Kw_module)) {
    const idTok = tok(c.id);
    return {
      kind: 'GivenModule',
      module: nameOf(tok(c.Name), at(gs.end)),
      id: idTok === undefined ? undefined : nameOf(idTok, gs),
      fields,
      span,
    };
  }
  const a = sub(c.assignment);
  const field =
    a === undefined
      ? { kind: 'Assignment' as const, name: nameOf(undefined, gs), value: errorExpr(gs), span: gs }
      : buildAssignment(a, gs);
  return { kind: 'GivenField', field, span: coverAll(gs, gs, field.span) };
}

export function buildScenario(d: ScenarioDeclCstNode, fb: Span): A.ScenarioDecl {
  const given = subs(d.children.given).map((g) => buildGiven(g, fb));
  const expectations = subs(d.children.expectation).map((e) => buildExpectation(e, fb));
  return {
    kind: 'ScenarioDecl',
    name: stringOf(tok(d.children.StringLiteral), at(fb.end)),
    given,
    expectations,
    span: coverAll(fb, fb, ...given.map((g) => g.span), ...expectations.map((x) => x.span)),
  };
}

function buildExpectation(e: ExpectationCstNode, fb: Span): A.Expectation {
  const c = e.children;
  const es = ownSpan(e, at(fb.end));
  const expr = sub(c.expression);
  const amount = buildExpr(expr, at(es.end));
  const span = expr === undefined ? es : coverAll(es, es, amount.span);
  const name = nameOf(tok(c.Name), at(es.end));
  if (has(c.Kw_totaal)) return { kind: 'ExpectTotal', amount, span };
  if (has(c.Kw_resultaat)) return { kind: 'ExpectResult', id: name, amount, span };
  if (has(c.UnitWord)) return { kind: 'ExpectHours', id: name, hours: amount, span };
  if (has(c.Kw_module)) {
    if (expr !== undefined) return { kind: 'ExpectModuleAmount', module: name, amount, span };
    const reasonTok = tok(c.StringLiteral);
    if (has(c.Kw_geweigerd) && reasonTok !== undefined)
      return {
        kind: 'ExpectModuleDecision',
        module: name,
        allowed: false,
        reason: stringOf(reasonTok, at(es.end)),
        span,
      };
    return { kind: 'ExpectModuleDecision', module: name, allowed: !has(c.Kw_geweigerd), span };
  }
  const severity = has(c.Kw_fout) ? 'fout' : 'waarschuwing';
  if (has(c.Kw_geen)) {
    if (has(c.Kw_waarschuwingen)) return { kind: 'ExpectNoWarnings', span };
    if (has(c.Kw_fouten) || !(has(c.Kw_fout) || has(c.Kw_waarschuwing)))
      return { kind: 'ExpectNoErrors', span };
    return {
      kind: 'ExpectNoDiagnostic',
      severity,
      rule: stringOf(tok(c.StringLiteral), at(es.end)),
      span,
    };
  }
  if (has(c.Kw_fout) || has(c.Kw_waarschuwing))
    return { kind: 'ExpectDiagnostic', severity, rule: stringOf(tok(c.StringLiteral), at(es.end)), span };
  return { kind: 'ExpectInvalid', span };
}
