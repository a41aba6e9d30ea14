/**
 * CST → AST for the small declarations: domein, bandbreedte, invoer, parameter, bereken, regel, voorziening,
 * indexeer and vervalt. Read through the generated CST typings; never throws.
 */
import type {
  BandwidthDeclCstNode,
  CalcDeclCstNode,
  DomainDeclCstNode,
  IndexationDeclCstNode,
  IndexSelectionCstNode,
  InputDeclCstNode,
  ParameterDeclCstNode,
  ProvisionDeclCstNode,
  RuleDeclCstNode,
  ScopeCstNode,
  UnitDeclCstNode,
  WithdrawDeclCstNode,
} from '../syntax/cst.js';
import type { IToken } from 'chevrotain';
import { normaliseNumber } from '../syntax/lexer.js';
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
import { buildExpr } from './from-cst-expr.js';
import { optRounding, unitOf } from './from-cst-rounding.js';

export function buildScope(node: ScopeCstNode | undefined): A.Scope {
  if (node === undefined) return 'beschikking';
  return has(node.children.Kw_module) ? 'module' : 'resultaat';
}

export function buildParameter(d: ParameterDeclCstNode, fb: Span): A.ParameterDecl {
  const c = d.children;
  const value = buildExpr(sub(c.expression), at(fb.end));
  const source = sourceOf(c.sourceClause);
  return {
    kind: 'ParameterDecl',
    name: nameOf(tok(c.Name), at(fb.end)),
    value,
    source,
    span: coverAll(fb, fb, value.span, source?.span),
  };
}

export function buildCalc(d: CalcDeclCstNode, fb: Span): A.CalcDecl {
  const c = d.children;
  const value = buildExpr(sub(c.expression), at(fb.end));
  const rounding = optRounding(sub(c.rounding), at(value.span.end));
  return {
    kind: 'CalcDecl',
    name: nameOf(tok(c.Name), at(fb.end)),
    scope: buildScope(sub(c.scope)),
    value,
    rounding,
    span: coverAll(fb, fb, value.span, rounding?.span),
  };
}

export function buildRule(d: RuleDeclCstNode, fb: Span): A.RuleDecl {
  const c = d.children;
  const strings = toks(c.StringLiteral);
  const when = buildExpr(sub(c.expression), at(fb.end));
  const message = stringOf(strings[1], at(fb.end));
  return {
    kind: 'RuleDecl',
    name: stringOf(strings[0], at(fb.start)),
    scope: buildScope(sub(c.scope)),
    when,
    severity: has(c.Kw_waarschuwing) ? 'waarschuwing' : 'fout',
    message,
    span: coverAll(fb, fb, when.span, message.span),
  };
}

export function buildProvision(d: ProvisionDeclCstNode, fb: Span): A.ProvisionDecl {
  const c = d.children;
  const budget = buildExpr(sub(c.expression), at(fb.end));
  return {
    kind: 'ProvisionDecl',
    name: nameOf(tok(c.Name), at(fb.end)),
    label: optString(tok(c.StringLiteral)),
    budget,
    span: coverAll(fb, fb, budget.span),
  };
}

export function buildIndexation(d: IndexationDeclCstNode, fb: Span): A.IndexationDecl {
  const c = d.children;
  // Without `met <getal>` the indexation did not parse (RW1303): its names are no table names.
  const complete = has(c.Kw_met) && has(c.NumberLiteral);
  const names = complete ? toks(sub(c.nameList)?.children.Name).map((t) => nameOf(t, fb)) : [];
  const n = tok(c.NumberLiteral);
  const pct = tok(c.Percent);
  const minus = tok(c.Minus);
  const value = n === undefined ? '0' : normaliseNumber(n.image);
  const percent: A.PercentLit = {
    kind: 'PercentLit',
    value: minus !== undefined && n !== undefined ? `-${value}` : value,
    span:
      n === undefined
        ? at(fb.end)
        : coverAll(tokSpan(n), minus && tokSpan(minus), tokSpan(n), pct && tokSpan(pct)),
  };
  const rounding = optRounding(sub(c.rounding), at(fb.end));
  const s = sub(c.indexSelection);
  const selection = complete && s !== undefined ? buildSelection(s, fb) : undefined;
  return {
    kind: 'IndexationDecl',
    tables: names,
    all: has(c.Kw_tarieven) ? 'tarieven' : has(c.Kw_alle) ? 'tabellen' : undefined,
    selection,
    percent,
    rounding,
    span: coverAll(fb, fb, ...names.map((x) => x.span), rounding?.span),
  };
}

/**
 * `voor ondersteuningsbehoefte OB2, OB3 en intensiteit zwaar`: an item of two names starts a selector (domain,
 * first value), an item of one name adds a value to the selector before it, or, first of all, starts one
 * without a domain.
 */
function buildSelection(s: IndexSelectionCstNode, fb: Span): A.IndexSelector[] {
  const out: { domain: A.Name | undefined; values: A.Name[] }[] = [];
  for (const item of subs(s.children.indexSelectionItem)) {
    const [first, second] = toks(item.children.Name).map((t) => nameOf(t, fb));
    if (first === undefined) continue;
    const last = out[out.length - 1];
    if (second !== undefined) out.push({ domain: first, values: [second] });
    else if (last !== undefined) last.values.push(first);
    else out.push({ domain: undefined, values: [first] });
  }
  return out.map((x) => ({
    kind: 'IndexSelector',
    domain: x.domain,
    values: x.values,
    span: coverAll(fb, x.domain?.span, ...x.values.map((v) => v.span)),
  }));
}

export function buildWithdraw(d: WithdrawDeclCstNode, fb: Span): A.WithdrawDecl {
  const c = d.children;
  const target: A.WithdrawTarget = has(c.Kw_tabel)
    ? 'tabel'
    : has(c.Kw_parameter)
      ? 'parameter'
      : has(c.Kw_module)
        ? 'module'
        : has(c.Kw_berekening)
          ? 'berekening'
          : has(c.Kw_voorziening)
            ? 'voorziening'
            : has(c.unit)
              ? 'eenheid'
              : 'regel';
  const s = tok(c.StringLiteral);
  const name = s !== undefined ? stringOf(s, fb) : nameOf(tok(c.Name), at(fb.end));
  return { kind: 'WithdrawDecl', target, name, span: fb };
}

export function buildDomain(d: DomainDeclCstNode, fb: Span): A.DomainDecl {
  const values = subs(d.children.domainValue).map((v): A.DomainValue => {
    const vs = ownSpan(v, at(fb.end));
    return {
      kind: 'DomainValue',
      name: nameOf(tok(v.children.Name), vs),
      description: optString(tok(v.children.StringLiteral)),
      span: vs,
    };
  });
  const last = values[values.length - 1];
  return {
    kind: 'DomainDecl',
    name: nameOf(tok(d.children.Name), at(fb.end)),
    label: optString(tok(d.children.StringLiteral)),
    values,
    span: coverAll(fb, fb, last?.span),
  };
}

export function buildBandwidth(d: BandwidthDeclCstNode, fb: Span): A.BandwidthDecl {
  const c = d.children;
  const names = toks(c.Name);
  const nums = toks(c.NumberLiteral);
  const units = toks(c.UnitLike);
  const num = (t: IToken | undefined): A.NumberLit =>
    t === undefined
      ? { kind: 'NumberLit', value: '0', span: at(fb.end) }
      : { kind: 'NumberLit', value: normaliseNumber(t.image), span: tokSpan(t) };
  return {
    kind: 'BandwidthDecl',
    name: nameOf(names[0], at(fb.end)),
    intensity: nameOf(names[1], at(fb.end)),
    from: num(nums[0]),
    to: num(nums[1]),
    unit: unitOf(units[0]),
    per: has(c.Kw_per) ? unitOf(units[1]) : undefined,
    unitSpan: units[0] === undefined ? at(fb.end) : tokSpan(units[0]),
    perSpan: has(c.Kw_per) && units[1] !== undefined ? tokSpan(units[1]) : undefined,
    span: fb,
  };
}

export function buildInput(d: InputDeclCstNode, fb: Span): A.InputDecl {
  const levelTok = tok(d.children.Name);
  const level: A.InputLevel =
    levelTok?.image === 'resultaat' ? 'resultaat' : levelTok?.image === 'module' ? 'module' : 'beschikking';
  const fields = subs(d.children.fieldDecl).map((f): A.FieldDecl => {
    const fs = ownSpan(f, at(fb.end));
    const t = sub(f.children.typeRef);
    const typeName =
      t === undefined ? '' : has(t.children.Kw_ja) ? 'ja/nee' : (tok(t.children.Name)?.image ?? '');
    const type: A.TypeRef = {
      kind: 'TypeRef',
      name: typeName,
      span: t === undefined ? at(fs.end) : ownSpan(t, at(fs.end)),
    };
    return {
      kind: 'FieldDecl',
      name: nameOf(tok(f.children.Name), fs),
      type,
      optional: has(f.children.Kw_optioneel),
      span: coverAll(fs, fs, type.span),
    };
  });
  const last = fields[fields.length - 1];
  return {
    kind: 'InputDecl',
    level,
    levelSpan: levelTok === undefined ? at(fb.end) : tokSpan(levelTok),
    fields,
    span: coverAll(fb, fb, last?.span),
  };
}

/**
 * `eenheid dagdeel meervoud dagdelen "Dagdeel (4 uur)" istandaard 16`, optionally with `bron "…"`. The checker
 * decides whether the names are free (dsl/check/units.ts).
 */
export function buildUnitDecl(d: UnitDeclCstNode, fb: Span): A.UnitDecl {
  const c = d.children;
  const plural = tok(c.plural);
  const code = tok(c.NumberLiteral);
  const source = sourceOf(c.sourceClause);
  const label = optString(tok(c.StringLiteral));
  const name = nameOf(tok(c.Name), at(fb.end));
  return {
    kind: 'UnitDecl',
    name,
    plural: plural === undefined ? undefined : nameOf(plural, tokSpan(plural)),
    label,
    code: code === undefined ? undefined : { kind: 'Name', text: code.image, span: tokSpan(code) },
    source,
    span: coverAll(fb, fb, name.span, label?.span, source?.span),
  };
}
