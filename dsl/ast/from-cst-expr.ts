/**
 * CST → AST for expressions and roundings. Never throws: missing parts become {@link ErrorExpr}.
 */
import type { CstNode, IToken } from 'chevrotain';
import { normaliseNumber } from '../syntax/lexer.js';
import type { Span } from '../text/span.js';
import type { BinaryOp, Expr, Rounding, RoundingMode, Unit } from './ast.js';
import { UNIT_SPELLINGS } from './ast.js';
import { coverAll, errorExpr, has, nameOf, stringOf, sub, subs, tok, toks, tokSpan } from './cst-access.js';

export const unitOf = (t: IToken | undefined): Unit =>
  t === undefined ? 'week' : (UNIT_SPELLINGS[t.image] ?? 'week');

const binary = (op: BinaryOp, opTok: IToken | undefined, left: Expr, right: Expr): Expr => {
  const opSpan = opTok === undefined ? { start: left.span.end, end: left.span.end } : tokSpan(opTok);
  return { kind: 'Binary', op, opSpan, left, right, span: coverAll(opSpan, left.span, right.span) };
};

/** Operators between operands, in source order. */
const opsInOrder = (node: CstNode, keys: readonly string[]): IToken[] => {
  if (keys.length === 1) return toks(node, keys[0] ?? '');
  const all: IToken[] = [];
  for (const k of keys) all.push(...toks(node, k));
  return all.sort((a, b) => a.startOffset - b.startOffset);
};

const OP_IMAGES: Readonly<Record<string, BinaryOp>> = {
  '+': '+',
  '-': '-',
  '×': '×',
  '*': '×',
  '/': '/',
  '=': '=',
  '<>': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  en: 'en',
  of: 'of',
};

/** Left-associative chain `a op b op c`. */
function chain(
  node: CstNode,
  operandKey: string,
  opKeys: readonly string[],
  fallback: Span,
  build: (n: CstNode | undefined, f: Span) => Expr,
): Expr {
  const operands = subs(node, operandKey);
  const ops = opsInOrder(node, opKeys);
  let acc = build(operands[0], fallback);
  for (let i = 1; i < operands.length; i++) {
    const opTok = ops[i - 1];
    const right = build(operands[i], { start: acc.span.end, end: acc.span.end });
    acc = binary(
      OP_IMAGES[opTok?.image ?? ''] ?? (opKeys[0] === 'Of' ? 'of' : opKeys[0] === 'En' ? 'en' : '+'),
      opTok,
      acc,
      right,
    );
  }
  return acc;
}

export function buildExpr(node: CstNode | undefined, fallback: Span): Expr {
  if (node === undefined) return errorExpr(fallback);
  return chain(node, 'andExpr', ['Of'], fallback, buildAnd);
}

function buildAnd(node: CstNode | undefined, fallback: Span): Expr {
  if (node === undefined) return errorExpr(fallback);
  return chain(node, 'notExpr', ['En'], fallback, buildNot);
}

function buildNot(node: CstNode | undefined, fallback: Span): Expr {
  if (node === undefined) return errorExpr(fallback);
  const niet = tok(node, 'Kw_niet');
  if (niet !== undefined) {
    const operand = buildNot(sub(node, 'notExpr'), { start: niet.endOffset ?? 0, end: niet.endOffset ?? 0 });
    return { kind: 'Unary', op: 'niet', operand, span: coverAll(tokSpan(niet), tokSpan(niet), operand.span) };
  }
  return buildComparison(sub(node, 'comparison'), fallback);
}

const CMP_KEYS = ['Equal', 'NotEqual', 'LessEqual', 'GreaterEqual', 'Less', 'Greater'] as const;

function buildComparison(node: CstNode | undefined, fallback: Span): Expr {
  if (node === undefined) return errorExpr(fallback);
  const left = buildAdditive(sub(node, 'additive'), fallback);
  const end = { start: left.span.end, end: left.span.end };
  for (const k of CMP_KEYS) {
    const opTok = tok(node, k);
    if (opTok !== undefined) {
      const right = buildAdditive(sub(node, 'additive', 1), {
        start: opTok.endOffset ?? 0,
        end: opTok.endOffset ?? 0,
      });
      return binary(OP_IMAGES[opTok.image] ?? '=', opTok, left, right);
    }
  }
  if (node.children['Kw_in'] !== undefined) {
    const options = subs(node, 'expression').map((e) => buildExpr(e, end));
    const close = tok(node, 'RParen');
    return {
      kind: 'InExpr',
      value: left,
      options,
      span: coverAll(left.span, left.span, ...options.map((o) => o.span), close && tokSpan(close)),
    };
  }
  const leeg = tok(node, 'Kw_leeg') ?? tok(node, 'Kw_is');
  if (leeg !== undefined) {
    return {
      kind: 'EmptyTest',
      value: left,
      negated: has(node, 'Kw_niet'),
      span: coverAll(left.span, left.span, tokSpan(leeg)),
    };
  }
  return left;
}

function buildAdditive(node: CstNode | undefined, fallback: Span): Expr {
  if (node === undefined) return errorExpr(fallback);
  return chain(node, 'multiplicative', ['Plus', 'Minus'], fallback, buildMultiplicative);
}

function buildMultiplicative(node: CstNode | undefined, fallback: Span): Expr {
  if (node === undefined) return errorExpr(fallback);
  return chain(node, 'unary', ['Times', 'Slash'], fallback, buildUnary);
}

function buildUnary(node: CstNode | undefined, fallback: Span): Expr {
  if (node === undefined) return errorExpr(fallback);
  const minus = tok(node, 'Minus');
  if (minus !== undefined) {
    const s = tokSpan(minus);
    const operand = buildUnary(sub(node, 'unary'), { start: s.end, end: s.end });
    return { kind: 'Unary', op: '-', operand, span: coverAll(s, s, operand.span) };
  }
  return buildPrimary(sub(node, 'primary'), fallback);
}

function buildPrimary(node: CstNode | undefined, fallback: Span): Expr {
  if (node === undefined) return errorExpr(fallback);
  const c = node.children;
  if (c['NumberLiteral'] !== undefined && c['Euro'] === undefined) {
    const n = tok(node, 'NumberLiteral');
    if (n === undefined) return errorExpr(fallback);
    const value = normaliseNumber(n.image);
    const unit = tok(node, 'UnitWord');
    if (unit !== undefined)
      return {
        kind: 'QuantityLit',
        value,
        unit: unitOf(unit),
        span: coverAll(tokSpan(n), tokSpan(n), tokSpan(unit)),
      };
    const pct = tok(node, 'Percent');
    if (pct !== undefined)
      return { kind: 'PercentLit', value, span: coverAll(tokSpan(n), tokSpan(n), tokSpan(pct)) };
    return { kind: 'NumberLit', value, span: tokSpan(n) };
  }
  const euro = tok(node, 'Euro');
  if (euro !== undefined) {
    const n = tok(node, 'NumberLiteral');
    const unit = tok(node, 'UnitWord');
    const per = c['Kw_per'] !== undefined ? unitOf(unit) : undefined;
    return {
      kind: 'MoneyLit',
      value: n === undefined ? '0' : normaliseNumber(n.image),
      per,
      span: coverAll(tokSpan(euro), tokSpan(euro), n && tokSpan(n), unit && tokSpan(unit)),
    };
  }
  const date = tok(node, 'DateLiteral');
  if (date !== undefined) return { kind: 'DateLit', value: date.image, span: tokSpan(date) };
  const str = tok(node, 'StringLiteral');
  if (str !== undefined) return stringOf(str, fallback);
  const ja = tok(node, 'Kw_ja') ?? tok(node, 'Kw_nee');
  if (ja !== undefined) return { kind: 'BoolLit', value: ja.image === 'ja', span: tokSpan(ja) };
  const lparen = tok(node, 'LParen');
  if (lparen !== undefined) {
    const inner = buildExpr(sub(node, 'expression'), {
      start: lparen.startOffset + 1,
      end: lparen.startOffset + 1,
    });
    const rounding = sub(node, 'rounding');
    if (rounding === undefined) return inner;
    const r = buildRounding(rounding, inner.span);
    return {
      kind: 'Rounded',
      value: inner,
      rounding: r,
      span: coverAll(inner.span, tokSpan(lparen), r.span),
    };
  }
  const ifNode = sub(node, 'ifExpr');
  if (ifNode !== undefined) return buildIf(ifNode, fallback);
  const aantal = tok(node, 'Kw_aantal');
  if (aantal !== undefined) {
    const res = tok(node, 'Kw_resultaten');
    return { kind: 'CountResults', span: coverAll(tokSpan(aantal), tokSpan(aantal), res && tokSpan(res)) };
  }
  const mod = tok(node, 'Kw_module');
  if (mod !== undefined) {
    const s = tokSpan(mod);
    const m = nameOf(tok(node, 'module'), { start: s.end, end: s.end });
    const vTok = tok(node, 'variant');
    const variant = vTok === undefined ? undefined : nameOf(vTok, s);
    const end = tok(node, 'Kw_aangevraagd');
    return {
      kind: 'ModuleRequested',
      module: m,
      variant,
      span: coverAll(s, s, m.span, variant?.span, end && tokSpan(end)),
    };
  }
  return buildReference(sub(node, 'reference'), fallback);
}

function buildIf(node: CstNode, fallback: Span): Expr {
  const als = tok(node, 'Kw_als');
  const start = als === undefined ? fallback : tokSpan(als);
  const cond = buildExpr(sub(node, 'cond'), { start: start.end, end: start.end });
  const then = buildExpr(sub(node, 'then'), { start: cond.span.end, end: cond.span.end });
  const otherwise = buildExpr(sub(node, 'else'), { start: then.span.end, end: then.span.end });
  return {
    kind: 'IfExpr',
    cond,
    then,
    else: otherwise,
    span: coverAll(start, start, cond.span, then.span, otherwise.span),
  };
}

function buildReference(node: CstNode | undefined, fallback: Span): Expr {
  const nameTok = tok(node, 'Name');
  if (node === undefined || nameTok === undefined) return errorExpr(fallback);
  const name = nameOf(nameTok, fallback);
  const inner = { start: name.span.end, end: name.span.end };
  if (node.children['LBracket'] !== undefined) {
    const keys = subs(node, 'keys').map((k) => buildExpr(k, inner));
    const close = tok(node, 'RBracket');
    return {
      kind: 'Lookup',
      table: name,
      keys,
      span: coverAll(name.span, name.span, ...keys.map((k) => k.span), close && tokSpan(close)),
    };
  }
  if (node.children['LParen'] !== undefined) {
    const args = subs(node, 'args').map((k) => buildExpr(k, inner));
    const close = tok(node, 'RParen');
    return {
      kind: 'Call',
      fn: name,
      args,
      span: coverAll(name.span, name.span, ...args.map((k) => k.span), close && tokSpan(close)),
    };
  }
  return { kind: 'Ref', name, span: name.span };
}

/** `afgerond op centen|hele euro's|<n> decimalen [wijze]`. */
export function buildRounding(node: CstNode, fallback: Span): Rounding {
  const first = tok(node, 'Kw_afgerond');
  let decimals = 2;
  const n = tok(node, 'NumberLiteral');
  if (has(node, 'Kw_hele')) decimals = 0;
  else if (n !== undefined) decimals = Math.min(20, Math.floor(Number(normaliseNumber(n.image))) || 0);
  let mode: RoundingMode = 'half_omhoog';
  if (has(node, 'Kw_half')) mode = has(node, 'Kw_even') ? 'half_even' : 'half_omhoog';
  else if (has(node, 'Kw_naar')) mode = has(node, 'Kw_beneden') ? 'omlaag' : 'omhoog';
  const spans: Span[] = [];
  for (const key of Object.keys(node.children)) for (const t of toks(node, key)) spans.push(tokSpan(t));
  return { kind: 'Rounding', decimals, mode, span: coverAll(first ? tokSpan(first) : fallback, ...spans) };
}
