/**
 * CST → AST for a whole `.regels` file. Never throws, also not on partial CSTs from error recovery: missing
 * parts become {@link ErrorExpr}, empty names and zero-width spans inside the text. Table rows are grouped by
 * source line (see `buildTable`).
 */
import type { CstNode, IToken } from 'chevrotain';
import type { DiagnosticSink } from '../diagnostics/diagnostic.js';
import { normaliseNumber } from '../syntax/lexer.js';
import type { Span } from '../text/span.js';
import type * as A from './ast.js';
import {
  after,
  isReal,
  coverAll,
  errorExpr,
  has,
  nameOf,
  stringOf,
  sub,
  subs,
  tok,
  toks,
  tokSpan,
} from './cst-access.js';
import { buildExpr, buildRounding, unitOf } from './from-cst-expr.js';

const at = (n: number): Span => ({ start: n, end: n });

/** Spans of all real tokens directly under a node, covered. */
function ownSpan(node: CstNode, fallback: Span, ...extra: (Span | undefined)[]): Span {
  let start = Infinity;
  let end = -Infinity;
  const children = node.children;
  for (const key in children) {
    const es = children[key];
    if (es === undefined) continue;
    for (const e of es) {
      if (!('image' in e) || !isReal(e)) continue;
      if (e.startOffset < start) start = e.startOffset;
      const last = (e.endOffset ?? e.startOffset) + 1;
      if (last > end) end = last;
    }
  }
  for (const x of extra) {
    if (x === undefined) continue;
    if (x.start < start) start = x.start;
    if (x.end > end) end = x.end;
  }
  return start === Infinity ? fallback : { start, end };
}

const optString = (t: IToken | undefined): A.StringLit | undefined =>
  t === undefined ? undefined : stringOf(t, tokSpan(t));

export function buildFile(
  file: CstNode,
  declNodes: readonly CstNode[],
  textLength: number,
  sink: DiagnosticSink,
): A.RulesFile {
  const headerNode = sub(file, 'header');
  const header = headerNode === undefined ? undefined : buildHeader(headerNode);
  const decls: A.Decl[] = [];
  for (const d of declNodes) {
    const decl = buildDecl(d, sink);
    if (decl !== undefined) decls.push(decl);
  }
  return { kind: 'RulesFile', header, decls, span: { start: 0, end: textLength } };
}

function buildHeader(node: CstNode): A.Header {
  const strings = toks(node, 'StringLiteral');
  const first = tok(node, 'Start_regelset');
  const fb = first === undefined ? at(0) : tokSpan(first);
  const versie = tok(node, 'Start_versie');
  const dates = toks(node, 'DateLiteral');
  const hasBase = has(node, 'Kw_basis');
  // Strings are consumed in order: regelset, versie, [basis], [bron], [gemeente].
  let i = 0;
  const ruleset = stringOf(strings[i++], after(first, fb));
  const version = stringOf(strings[i++], after(versie, fb));
  const base = hasBase ? stringOf(strings[i++], fb) : undefined;
  const source = has(node, 'Start_bron') ? stringOf(strings[i++], fb) : undefined;
  let municipality: A.Name | undefined;
  const gem = tok(node, 'Start_gemeente');
  if (gem !== undefined) {
    const s = strings[i];
    municipality =
      s !== undefined
        ? { kind: 'Name', text: stringOf(s, fb).value, span: tokSpan(s) }
        : nameOf(tok(node, 'Name'), after(gem, fb));
  }
  const geldig = tok(node, 'Start_geldig');
  const validFrom: A.DateLit = dates[0]
    ? { kind: 'DateLit', value: dates[0].image, span: tokSpan(dates[0]) }
    : { kind: 'DateLit', value: '', span: after(geldig, fb) };
  const validTo: A.DateLit | undefined =
    has(node, 'Kw_tot') && dates[1] !== undefined
      ? { kind: 'DateLit', value: dates[1].image, span: tokSpan(dates[1]) }
      : undefined;
  const status: A.Status | undefined = has(node, 'Kw_concept')
    ? 'concept'
    : has(node, 'Kw_vastgesteld')
      ? 'vastgesteld'
      : undefined;
  return {
    kind: 'Header',
    ruleset,
    version,
    base,
    validFrom,
    validTo,
    status,
    source,
    municipality,
    span: ownSpan(node, fb),
  };
}

function buildDecl(node: CstNode, sink: DiagnosticSink): A.Decl | undefined {
  const [key] = Object.keys(node.children);
  const d = key === undefined ? undefined : sub(node, key);
  if (d === undefined) return undefined;
  const fb = ownSpan(d, at(0));
  switch (key) {
    case 'domainDecl':
      return buildDomain(d, fb);
    case 'bandwidthDecl':
      return buildBandwidth(d, fb);
    case 'inputDecl':
      return buildInput(d, fb);
    case 'parameterDecl': {
      const value = buildExpr(sub(d, 'expression'), at(fb.end));
      const source = optString(tok(sub(d, 'sourceClause'), 'StringLiteral'));
      return {
        kind: 'ParameterDecl',
        name: nameOf(tok(d, 'Name'), at(fb.end)),
        value,
        source,
        span: coverAll(fb, fb, value.span, source?.span),
      };
    }
    case 'tableDecl':
      return buildTable(d, fb, sink);
    case 'calcDecl': {
      const value = buildExpr(sub(d, 'expression'), at(fb.end));
      const r = sub(d, 'rounding');
      const rounding = r === undefined ? undefined : buildRounding(r, at(value.span.end));
      return {
        kind: 'CalcDecl',
        name: nameOf(tok(d, 'Name'), at(fb.end)),
        scope: buildScope(sub(d, 'scope')),
        value,
        rounding,
        span: coverAll(fb, fb, value.span, rounding?.span),
      };
    }
    case 'budgetDecl': {
      // The grammar allows the clauses in any order; `tarief` and `hoeveelheid` must be there.
      if (sub(d, 'rate') === undefined)
        sink.report('RW1101', fb, ["een regel 'tarief …'", 'een budget zonder tarief']);
      if (sub(d, 'quantity') === undefined)
        sink.report('RW1101', fb, ["een regel 'hoeveelheid …'", 'een budget zonder hoeveelheid']);
      const rate = buildExpr(sub(d, 'rate'), at(fb.end));
      const quantity = buildExpr(sub(d, 'quantity'), at(fb.end));
      const h = sub(d, 'hours');
      const hours = h === undefined ? undefined : buildExpr(h, at(fb.end));
      const r = sub(d, 'rounding');
      const rounding = r === undefined ? undefined : buildRounding(r, at(fb.end));
      return {
        kind: 'BudgetDecl',
        rate,
        quantity,
        rounding,
        hours,
        span: coverAll(fb, fb, rate.span, quantity.span, hours?.span, rounding?.span),
      };
    }
    case 'moduleDecl':
      return buildModule(d, fb);
    case 'ruleDecl': {
      const strings = toks(d, 'StringLiteral');
      const when = buildExpr(sub(d, 'expression'), at(fb.end));
      const message = stringOf(strings[1], at(fb.end));
      return {
        kind: 'RuleDecl',
        name: stringOf(strings[0], at(fb.start)),
        scope: buildScope(sub(d, 'scope')),
        when,
        severity: has(d, 'Kw_waarschuwing') ? 'waarschuwing' : 'fout',
        message,
        span: coverAll(fb, fb, when.span, message.span),
      };
    }
    case 'provisionDecl': {
      const budget = buildExpr(sub(d, 'expression'), at(fb.end));
      return {
        kind: 'ProvisionDecl',
        name: nameOf(tok(d, 'Name'), at(fb.end)),
        label: optString(tok(d, 'StringLiteral')),
        budget,
        span: coverAll(fb, fb, budget.span),
      };
    }
    case 'scenarioDecl':
      return buildScenario(d, fb);
    case 'indexationDecl': {
      const names = toks(sub(d, 'nameList'), 'Name').map((t) => nameOf(t, fb));
      const n = tok(d, 'NumberLiteral');
      const pct = tok(d, 'Percent');
      const percent: A.PercentLit = {
        kind: 'PercentLit',
        value: n === undefined ? '0' : normaliseNumber(n.image),
        span: n === undefined ? at(fb.end) : coverAll(tokSpan(n), tokSpan(n), pct && tokSpan(pct)),
      };
      const r = sub(d, 'rounding');
      const rounding = r === undefined ? undefined : buildRounding(r, at(fb.end));
      return {
        kind: 'IndexationDecl',
        tables: names,
        all: has(d, 'Kw_tarieven') ? 'tarieven' : has(d, 'Kw_alle') ? 'tabellen' : undefined,
        percent,
        rounding,
        span: coverAll(fb, fb, ...names.map((x) => x.span), rounding?.span),
      };
    }
    case 'withdrawDecl': {
      const target: A.WithdrawTarget = has(d, 'Kw_tabel')
        ? 'tabel'
        : has(d, 'Kw_parameter')
          ? 'parameter'
          : has(d, 'Kw_module')
            ? 'module'
            : has(d, 'Kw_berekening')
              ? 'berekening'
              : has(d, 'Kw_voorziening')
                ? 'voorziening'
                : 'regel';
      const s = tok(d, 'StringLiteral');
      const name = s !== undefined ? stringOf(s, fb) : nameOf(tok(d, 'Name'), at(fb.end));
      return { kind: 'WithdrawDecl', target, name, span: fb };
    }
    case 'allocationDecl':
      return buildAllocation(d, fb, sink);
    default:
      return undefined;
  }
}

function buildAllocation(d: CstNode, fb: Span, sink: DiagnosticSink): A.AllocationDecl {
  const euros = tok(d, 'Kw_euros');
  const unitTok = tok(d, 'unit');
  const unit: A.Name | undefined =
    euros !== undefined
      ? { kind: 'Name', text: "euro's", span: tokSpan(euros) }
      : unitTok === undefined
        ? undefined
        : nameOf(unitTok, at(fb.end));
  const other = tok(d, 'other');
  if (other !== undefined && other.image !== 'gemeente')
    sink.report('RW1101', tokSpan(other), ["'resultaat', 'module <naam>' of 'gemeente'", `'${other.image}'`]);
  const keys = toks(sub(d, 'keys'), 'Name').map((t) => nameOf(t, fb));
  const rows = subs(d, 'allocationRow').map((r): A.AllocationRow => {
    const rfb = ownSpan(r, at(fb.end));
    const code = optString(tok(r, 'StringLiteral'));
    const n = tok(r, 'NumberLiteral') ?? tok(r, 'Minus');
    const hasCategory = has(r, 'Kw_categorie');
    return {
      kind: 'AllocationRow',
      keys: toks(r, 'Name').map((t) => nameOf(t, rfb)),
      category: !hasCategory
        ? undefined
        : n === undefined
          ? nameOf(undefined, at(rfb.end))
          : { kind: 'Name', text: n.image, span: tokSpan(n) },
      code,
      span: rfb,
    };
  });
  const moduleTok = tok(d, 'module');
  const source = optString(tok(sub(d, 'sourceClause'), 'StringLiteral'));
  return {
    kind: 'AllocationDecl',
    target: has(d, 'Kw_module') ? 'module' : other !== undefined ? 'gemeente' : 'resultaat',
    module: has(d, 'Kw_module') ? nameOf(moduleTok, at(fb.end)) : undefined,
    label: optString(tok(d, 'StringLiteral')),
    unit,
    source,
    keys,
    rows,
    span: coverAll(fb, fb, source?.span, ...rows.map((r) => r.span)),
  };
}

function buildScope(node: CstNode | undefined): A.Scope {
  if (node === undefined) return 'beschikking';
  return has(node, 'Kw_module') ? 'module' : 'resultaat';
}

function buildDomain(d: CstNode, fb: Span): A.DomainDecl {
  const values = subs(d, 'domainValue').map((v): A.DomainValue => {
    const vs = ownSpan(v, at(fb.end));
    return {
      kind: 'DomainValue',
      name: nameOf(tok(v, 'Name'), vs),
      description: optString(tok(v, 'StringLiteral')),
      span: vs,
    };
  });
  const last = values[values.length - 1];
  return {
    kind: 'DomainDecl',
    name: nameOf(tok(d, 'Name'), at(fb.end)),
    label: optString(tok(d, 'StringLiteral')),
    values,
    span: coverAll(fb, fb, last?.span),
  };
}

function buildBandwidth(d: CstNode, fb: Span): A.BandwidthDecl {
  const names = toks(d, 'Name');
  const nums = toks(d, 'NumberLiteral');
  const units = toks(d, 'UnitWord');
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
    per: has(d, 'Kw_per') ? unitOf(units[1]) : undefined,
    span: fb,
  };
}

function buildInput(d: CstNode, fb: Span): A.InputDecl {
  const levelTok = tok(d, 'Name');
  const level: A.InputLevel =
    levelTok?.image === 'resultaat' ? 'resultaat' : levelTok?.image === 'module' ? 'module' : 'beschikking';
  const fields = subs(d, 'fieldDecl').map((f): A.FieldDecl => {
    const fs = ownSpan(f, at(fb.end));
    const t = sub(f, 'typeRef');
    const typeName = t === undefined ? '' : has(t, 'Kw_ja') ? 'ja/nee' : (tok(t, 'Name')?.image ?? '');
    const type: A.TypeRef = {
      kind: 'TypeRef',
      name: typeName,
      span: t === undefined ? at(fs.end) : ownSpan(t, at(fs.end)),
    };
    return {
      kind: 'FieldDecl',
      name: nameOf(tok(f, 'Name'), fs),
      type,
      optional: has(f, 'Kw_optioneel'),
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

function buildCellUnit(node: CstNode | undefined): A.CellUnit {
  if (node === undefined) return { kind: 'number' };
  if (has(node, 'Euro'))
    return has(node, 'Kw_per') ? { kind: 'rate', per: unitOf(tok(node, 'UnitWord')) } : { kind: 'money' };
  if (has(node, 'Percent')) return { kind: 'percent' };
  return { kind: 'number' };
}

/** Merges the body's token lists into source order. */
function bodyTokens(body: CstNode | undefined): IToken[] {
  if (body === undefined) return [];
  const lists = [
    toks(body, 'Name'),
    toks(body, 'Slash'),
    toks(body, 'NumberLiteral'),
    toks(body, 'Minus'),
  ].filter((l) => l.length > 0);
  if (lists.length === 1) return lists[0] ?? [];
  // Each list is in text order: merge them (a table body can have tens of thousands of tokens).
  const out: IToken[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    let bestOffset = Infinity;
    for (let l = 0; l < lists.length; l++) {
      const t = lists[l]?.[at[l] ?? 0];
      if (t !== undefined && t.startOffset < bestOffset) {
        best = l;
        bestOffset = t.startOffset;
      }
    }
    if (best < 0) return out;
    const t = lists[best]?.[at[best] ?? 0];
    if (t !== undefined) out.push(t);
    at[best] = (at[best] ?? 0) + 1;
  }
}

function buildTable(d: CstNode, fb: Span, sink: DiagnosticSink): A.TableDecl {
  const rowKeys = toks(sub(d, 'rowKeys'), 'Name').map((t) => nameOf(t, fb));
  const columnKeys = toks(sub(d, 'columnKeys'), 'Name').map((t) => nameOf(t, fb));
  const unitNode = sub(d, 'cellUnit');
  const tokens = bodyTokens(sub(d, 'tableBody'));
  const header: A.TableHeaderCell[] = [];
  const rows: A.TableRow[] = [];
  let i = 0;
  let firstLine = true;
  while (i < tokens.length) {
    const line = tokens[i]?.startLine;
    let j = i;
    while (j < tokens.length && tokens[j]?.startLine === line) j++;
    if (firstLine && columnKeys.length > 0) buildHeaderLine(tokens, i, j, header, sink);
    else rows.push(buildRow(tokens, i, j, sink));
    firstLine = false;
    i = j;
  }
  const last = rows[rows.length - 1] ?? header[header.length - 1];
  return {
    kind: 'TableDecl',
    amend: has(d, 'Start_wijzig'),
    name: nameOf(tok(d, 'Name'), at(fb.end)),
    label: optString(tok(d, 'StringLiteral')),
    unit: buildCellUnit(unitNode),
    unitSpan: unitNode === undefined ? at(fb.end) : ownSpan(unitNode, at(fb.end)),
    rowKeys,
    columnKeys,
    source: optString(tok(sub(d, 'sourceClause'), 'StringLiteral')),
    header,
    rows,
    span: coverAll(fb, fb, last?.span),
  };
}

const unexpectedInTable = (t: IToken, expected: string, sink: DiagnosticSink): void =>
  sink.report('RW1101', tokSpan(t), [expected, `'${t.image}'`]);

function buildHeaderLine(
  tokens: readonly IToken[],
  from: number,
  to: number,
  out: A.TableHeaderCell[],
  sink: DiagnosticSink,
): void {
  let keys: A.Name[] = [];
  let expectName = true;
  const flush = (): void => {
    const first = keys[0];
    const last = keys[keys.length - 1];
    if (first !== undefined && last !== undefined)
      out.push({ kind: 'TableHeaderCell', keys, span: coverAll(first.span, first.span, last.span) });
    keys = [];
  };
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    const isSlash = t.image === '/';
    const isName = !isSlash && t.tokenType.name !== 'NumberLiteral' && t.image !== '-';
    if (isName) {
      if (!expectName) flush();
      keys.push(nameOf(t, tokSpan(t)));
      expectName = false;
    } else if (isSlash && !expectName) expectName = true;
    else unexpectedInTable(t, 'een kolomkop zoals licht/A', sink);
  }
  flush();
}

function buildRow(tokens: readonly IToken[], from: number, to: number, sink: DiagnosticSink): A.TableRow {
  const keys: A.Name[] = [];
  const cells: A.TableCell[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t === undefined) continue;
    const s = tokSpan(t);
    if (t.tokenType.name === 'NumberLiteral')
      cells.push({ kind: 'CellValue', value: normaliseNumber(t.image), span: s });
    else if (t.image === '-') cells.push({ kind: 'CellEmpty', span: s });
    else if (t.image === '/') unexpectedInTable(t, "een getal of '-'", sink);
    else if (cells.length === 0) keys.push(nameOf(t, s));
    else unexpectedInTable(t, "een getal of '-'", sink);
  }
  const first = tokens[from];
  const last = tokens[to - 1];
  const span =
    first !== undefined && last !== undefined
      ? coverAll(tokSpan(first), tokSpan(first), tokSpan(last))
      : at(0);
  return { kind: 'TableRow', keys, cells, span };
}

function buildModule(d: CstNode, fb: Span): A.ModuleDecl {
  const rateNode = sub(d, 'rate');
  const rate = rateNode === undefined ? undefined : buildExpr(rateNode, at(fb.end));
  const variants = subs(d, 'moduleVariant').map((v): A.ModuleVariant => {
    const vs = ownSpan(v, at(fb.end));
    const vRate = buildExpr(sub(v, 'expression'), at(vs.end));
    return {
      kind: 'ModuleVariant',
      name: nameOf(tok(v, 'Name'), at(vs.end)),
      label: optString(tok(v, 'StringLiteral')),
      rate: vRate,
      span: coverAll(vs, vs, vRate.span),
    };
  });
  const q = sub(d, 'quantity');
  const quantity = q === undefined ? undefined : buildExpr(q, at(fb.end));
  const c = sub(d, 'cap');
  const cap = c === undefined ? undefined : buildExpr(c, at(fb.end));
  const r = sub(d, 'rounding');
  const rounding = r === undefined ? undefined : buildRounding(r, at(fb.end));
  const conditions = subs(d, 'condition').map((cn): A.Condition => {
    const cs = ownSpan(cn, at(fb.end));
    const when = buildExpr(sub(cn, 'expression'), at(cs.end));
    return {
      kind: 'Condition',
      when,
      reason: stringOf(tok(cn, 'StringLiteral'), at(cs.end)),
      span: coverAll(cs, cs, when.span),
    };
  });
  const src = sub(d, 'sourceClause');
  const source = optString(tok(src, 'StringLiteral'));
  return {
    kind: 'ModuleDecl',
    name: nameOf(tok(d, 'Name'), at(fb.end)),
    label: optString(tok(d, 'StringLiteral')),
    rate,
    variants,
    quantity,
    cap,
    rounding,
    conditions,
    source,
    span: coverAll(
      fb,
      fb,
      rate?.span,
      quantity?.span,
      cap?.span,
      rounding?.span,
      source?.span,
      ...variants.map((v) => v.span),
      ...conditions.map((x) => x.span),
    ),
  };
}

function buildAssignment(node: CstNode, fb: Span): A.Assignment {
  const s = ownSpan(node, fb);
  const name = nameOf(tok(node, 'Name'), s);
  const dates = toks(node, 'DateLiteral');
  let value: A.Expr;
  if (has(node, 'Kw_tot')) {
    const d0 = dates[0];
    const d1 = dates[1];
    const from: A.DateLit = d0
      ? { kind: 'DateLit', value: d0.image, span: tokSpan(d0) }
      : { kind: 'DateLit', value: '', span: at(s.end) };
    const to: A.DateLit = d1
      ? { kind: 'DateLit', value: d1.image, span: tokSpan(d1) }
      : { kind: 'DateLit', value: '', span: at(s.end) };
    value = { kind: 'PeriodLit', from, to, span: coverAll(from.span, from.span, to.span) };
  } else value = buildExpr(sub(node, 'expression'), at(s.end));
  return { kind: 'Assignment', name, value, span: coverAll(s, s, value.span) };
}

function buildScenario(d: CstNode, fb: Span): A.ScenarioDecl {
  const given = subs(d, 'given').map((g): A.Given => {
    const gs = ownSpan(g, at(fb.end));
    const fields = subs(sub(g, 'assignments'), 'assignment').map((a) => buildAssignment(a, at(gs.end)));
    const span = coverAll(gs, gs, ...fields.map((f) => f.span));
    if (has(g, 'Kw_resultaat'))
      return { kind: 'GivenResult', id: nameOf(tok(g, 'Name'), at(gs.end)), fields, span };
    if (has(g, 'Kw_module')) {
      const idTok = tok(g, 'id');
      return {
        kind: 'GivenModule',
        module: nameOf(tok(g, 'Name'), at(gs.end)),
        id: idTok === undefined ? undefined : nameOf(idTok, gs),
        fields,
        span,
      };
    }
    const a = sub(g, 'assignment');
    const field =
      a === undefined
        ? { kind: 'Assignment' as const, name: nameOf(undefined, gs), value: errorExpr(gs), span: gs }
        : buildAssignment(a, gs);
    return { kind: 'GivenField', field, span: coverAll(gs, gs, field.span) };
  });
  const expectations = subs(d, 'expectation').map((e) => buildExpectation(e, fb));
  return {
    kind: 'ScenarioDecl',
    name: stringOf(tok(d, 'StringLiteral'), at(fb.end)),
    given,
    expectations,
    span: coverAll(fb, fb, ...given.map((g) => g.span), ...expectations.map((x) => x.span)),
  };
}

function buildExpectation(e: CstNode, fb: Span): A.Expectation {
  const es = ownSpan(e, at(fb.end));
  const expr = sub(e, 'expression');
  const amount = buildExpr(expr, at(es.end));
  const span = expr === undefined ? es : coverAll(es, es, amount.span);
  const name = nameOf(tok(e, 'Name'), at(es.end));
  if (has(e, 'Kw_totaal')) return { kind: 'ExpectTotal', amount, span };
  if (has(e, 'Kw_resultaat')) return { kind: 'ExpectResult', id: name, amount, span };
  if (has(e, 'UnitWord')) return { kind: 'ExpectHours', id: name, hours: amount, span };
  if (has(e, 'Kw_module')) {
    if (expr !== undefined) return { kind: 'ExpectModuleAmount', module: name, amount, span };
    return { kind: 'ExpectModuleDecision', module: name, allowed: !has(e, 'Kw_geweigerd'), span };
  }
  if (has(e, 'Kw_geen')) {
    if (has(e, 'Kw_fouten') || !(has(e, 'Kw_fout') || has(e, 'Kw_waarschuwing')))
      return { kind: 'ExpectNoErrors', span };
    return {
      kind: 'ExpectNoDiagnostic',
      severity: has(e, 'Kw_fout') ? 'fout' : 'waarschuwing',
      rule: stringOf(tok(e, 'StringLiteral'), at(es.end)),
      span,
    };
  }
  if (has(e, 'Kw_fout') || has(e, 'Kw_waarschuwing')) {
    return {
      kind: 'ExpectDiagnostic',
      severity: has(e, 'Kw_fout') ? 'fout' : 'waarschuwing',
      rule: stringOf(tok(e, 'StringLiteral'), at(es.end)),
      span,
    };
  }
  return { kind: 'ExpectInvalid', span };
}
