/**
 * CST → AST for expressions and roundings. Never throws: missing parts become {@link ErrorExpr}.
 */
import type { IToken } from 'chevrotain';
import type { ExpressionCstNode, IfExprCstNode, OperandCstNode, PostfixCstNode } from '../syntax/cst.js';
import { normaliseNumber } from '../syntax/lexer.js';
import type { Span } from '../text/span.js';
import type { BinaryOp, Expr } from './ast.js';
import { BINARY_PRECEDENCE } from './ast.js';
import {
  after,
  coverAll,
  errorExpr,
  has,
  isReal,
  lastTok,
  nameOf,
  stringOf,
  sub,
  subs,
  tok,
  toks,
  tokSpan,
} from './cst-access.js';
import { buildRounding, unitOf } from './from-cst-rounding.js';

const binary = (op: BinaryOp, opTok: IToken | undefined, left: Expr, right: Expr): Expr => {
  const opSpan = opTok === undefined ? { start: left.span.end, end: left.span.end } : tokSpan(opTok);
  return { kind: 'Binary', op, opSpan, left, right, span: coverAll(opSpan, left.span, right.span) };
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

/** Binding strength (higher binds tighter); the same table as the printer's. `niet` is 3, prefix `-` is 7. */
const PRECEDENCE = BINARY_PRECEDENCE;
const NOT_PRECEDENCE = 3;
const POSTFIX_PRECEDENCE = 4;

/** One step after the first operand: a binary operator (with the next operand) or a postfix. */
type Step =
  | { readonly op: IToken; readonly postfix?: undefined }
  | { readonly op?: undefined; readonly postfix: PostfixCstNode };

/**
 * Reads the flat `operand (operator operand | postfix)*` of one expression node and applies precedence by
 * precedence climbing: `of` < `en` < `niet` < comparisons (`=`, `in (…)`, `is leeg`) < `+ -` < `× /` < prefix `-`;
 * binary operators are left-associative.
 */
class Climber {
  private operandIdx = 1;
  private stepIdx = 0;

  constructor(
    private readonly operands: readonly OperandCstNode[],
    private readonly steps: readonly Step[],
  ) {}

  /** Everything from the current position that binds at least as tight as `minPrec`. */
  climb(left: Expr, minPrec: number): Expr {
    let acc = left;
    for (;;) {
      const step = this.steps[this.stepIdx];
      if (step === undefined) return acc;
      if (step.op !== undefined) {
        const op = OP_IMAGES[step.op.image] ?? '+';
        const prec = PRECEDENCE[op];
        if (prec < minPrec) return acc;
        this.stepIdx++;
        // Where a right operand is missing (error recovery): as before the flattening, right at the
        // comparison operator, or after the left operand.
        const at = prec === 4 ? (step.op.endOffset ?? 0) : acc.span.end;
        const right = this.operand(this.nextOperand(), { start: at, end: at }, prec + 1);
        acc = binary(op, step.op, acc, right);
      } else {
        if (POSTFIX_PRECEDENCE < minPrec) return acc;
        this.stepIdx++;
        acc = buildPostfix(step.postfix, acc);
      }
    }
  }

  nextOperand(): OperandCstNode | undefined {
    return this.operands[this.operandIdx++];
  }

  /** An operand with its prefixes; a `niet` takes everything after it that binds tighter than `niet`. */
  operand(node: OperandCstNode | undefined, fallback: Span, minPrec: number): Expr {
    if (node === undefined) return errorExpr(fallback);
    const niets = node.children.Kw_niet;
    if (niets === undefined) return this.climb(buildPrefixed(node, fallback), minPrec);
    let value = this.climb(buildPrefixed(node, after(niets[niets.length - 1], fallback)), NOT_PRECEDENCE + 1);
    for (let i = niets.length - 1; i >= 0; i--) {
      const t = niets[i];
      if (!isReal(t)) continue;
      const s = tokSpan(t);
      value = { kind: 'Unary', op: 'niet', operand: value, span: coverAll(s, s, value.span) };
    }
    return this.climb(value, minPrec);
  }
}

/** An optional expression (undefined when the clause is not there; {@link buildExpr} makes an error of it). */
export const optExpr = (node: ExpressionCstNode | undefined, fallback: Span): Expr | undefined =>
  node === undefined ? undefined : buildExpr(node, fallback);

export function buildExpr(node: ExpressionCstNode | undefined, fallback: Span): Expr {
  if (node === undefined) return errorExpr(fallback);
  const c = node.children;
  const operands = subs(c.operand);
  const ops = c.BinaryOperator;
  const postfixes = c.postfix;
  const steps: Step[] = [];
  if (postfixes === undefined) {
    if (ops !== undefined) for (const op of ops) steps.push({ op });
  } else {
    // Interleave operators and postfixes by their place in the text.
    const all: { at: number; step: Step }[] = [];
    if (ops !== undefined) for (const op of ops) all.push({ at: op.startOffset, step: { op } });
    for (const p of postfixes) {
      const first = tok(p.children.Kw_in) ?? tok(p.children.Kw_is);
      all.push({ at: first?.startOffset ?? Infinity, step: { postfix: p } });
    }
    all.sort((a, b) => a.at - b.at);
    for (const a of all) steps.push(a.step);
  }
  const climber = new Climber(operands, steps);
  return climber.operand(operands[0], fallback, 0);
}

function buildPostfix(node: PostfixCstNode, left: Expr): Expr {
  const c = node.children;
  if (c.Kw_in !== undefined) {
    const end = { start: left.span.end, end: left.span.end };
    const options = subs(c.expression).map((e) => buildExpr(e, end));
    const close = tok(c.RParen);
    return {
      kind: 'InExpr',
      value: left,
      options,
      span: coverAll(left.span, left.span, ...options.map((o) => o.span), close && tokSpan(close)),
    };
  }
  const leeg = tok(c.Kw_leeg) ?? tok(c.Kw_is);
  return {
    kind: 'EmptyTest',
    value: left,
    negated: has(c.Kw_niet),
    span: coverAll(left.span, left.span, leeg && tokSpan(leeg)),
  };
}

/** The primary value of an operand with its prefix minus signs (the `niet`s are handled by the caller). */
function buildPrefixed(node: OperandCstNode, fallback: Span): Expr {
  const minus = node.children.Minus;
  if (minus === undefined) return buildPrimary(node, fallback);
  const real = toks(minus);
  const last = lastTok(real);
  let value = buildPrimary(node, last === undefined ? fallback : after(last, fallback));
  for (let i = real.length - 1; i >= 0; i--) {
    const t = real[i];
    if (t === undefined) continue;
    const s = tokSpan(t);
    value = { kind: 'Unary', op: '-', operand: value, span: coverAll(s, s, value.span) };
  }
  return value;
}

function buildPrimary(node: OperandCstNode, fallback: Span): Expr {
  const c = node.children;
  const nameTok = tok(c.Name);
  if (nameTok !== undefined) return buildReference(node, nameTok, fallback);
  if (c.NumberLiteral !== undefined && c.Euro === undefined) {
    const n = tok(c.NumberLiteral);
    if (n === undefined) return errorExpr(fallback);
    const value = normaliseNumber(n.image);
    const unit = tok(c.UnitLike);
    if (unit !== undefined)
      return {
        kind: 'QuantityLit',
        value,
        unit: unitOf(unit),
        unitSpan: tokSpan(unit),
        span: coverAll(tokSpan(n), tokSpan(n), tokSpan(unit)),
      };
    const pct = tok(c.Percent);
    if (pct !== undefined)
      return { kind: 'PercentLit', value, span: coverAll(tokSpan(n), tokSpan(n), tokSpan(pct)) };
    return { kind: 'NumberLit', value, span: tokSpan(n) };
  }
  const euro = tok(c.Euro);
  if (euro !== undefined) {
    const n = tok(c.NumberLiteral);
    const unit = tok(c.UnitLike);
    const per = c.Kw_per !== undefined ? unitOf(unit) : undefined;
    return {
      kind: 'MoneyLit',
      value: n === undefined ? '0' : normaliseNumber(n.image),
      per,
      perSpan: per !== undefined && unit !== undefined ? tokSpan(unit) : undefined,
      span: coverAll(tokSpan(euro), tokSpan(euro), n && tokSpan(n), unit && tokSpan(unit)),
    };
  }
  const date = tok(c.DateLiteral);
  if (date !== undefined) return { kind: 'DateLit', value: date.image, span: tokSpan(date) };
  const str = tok(c.StringLiteral);
  if (str !== undefined) return stringOf(str, fallback);
  const ja = tok(c.Kw_ja) ?? tok(c.Kw_nee);
  if (ja !== undefined) return { kind: 'BoolLit', value: ja.image === 'ja', span: tokSpan(ja) };
  // `aantal resultaten met (…)` has parentheses too: it is not a parenthesised expression.
  const lparen = c.Kw_aantal === undefined ? tok(c.LParen) : undefined;
  if (lparen !== undefined) {
    const inner = buildExpr(sub(c.inner), {
      start: lparen.startOffset + 1,
      end: lparen.startOffset + 1,
    });
    const rounding = sub(c.rounding);
    if (rounding === undefined) return inner;
    const r = buildRounding(rounding, inner.span);
    return {
      kind: 'Rounded',
      value: inner,
      rounding: r,
      span: coverAll(inner.span, tokSpan(lparen), r.span),
    };
  }
  const ifNode = sub(c.ifExpr);
  if (ifNode !== undefined) return buildIf(ifNode, fallback);
  const aantal = tok(c.Kw_aantal);
  if (aantal !== undefined) {
    const res = tok(c.Kw_resultaten);
    const span = coverAll(tokSpan(aantal), tokSpan(aantal), res && tokSpan(res));
    const whereNode = sub(c.where);
    if (whereNode === undefined) return { kind: 'CountResults', span };
    const where = buildExpr(whereNode, { start: span.end, end: span.end });
    const close = toks(c.RParen).find((t) => t.startOffset >= where.span.end);
    return { kind: 'CountResults', where, span: coverAll(span, span, where.span, close && tokSpan(close)) };
  }
  const mod = tok(c.Kw_module);
  if (mod !== undefined) {
    const s = tokSpan(mod);
    const m = nameOf(tok(c.module), { start: s.end, end: s.end });
    const vTok = tok(c.variant);
    const variant = vTok === undefined ? undefined : nameOf(vTok, s);
    const end = tok(c.Kw_aangevraagd);
    return {
      kind: 'ModuleRequested',
      module: m,
      variant,
      span: coverAll(s, s, m.span, variant?.span, end && tokSpan(end)),
    };
  }
  return errorExpr(fallback);
}

function buildIf(node: IfExprCstNode, fallback: Span): Expr {
  const c = node.children;
  const als = tok(c.Kw_als);
  const start = als === undefined ? fallback : tokSpan(als);
  const cond = buildExpr(sub(c.cond), { start: start.end, end: start.end });
  const then = buildExpr(sub(c.then), { start: cond.span.end, end: cond.span.end });
  const otherwise = buildExpr(sub(c.else), { start: then.span.end, end: then.span.end });
  return {
    kind: 'IfExpr',
    cond,
    then,
    else: otherwise,
    span: coverAll(start, start, cond.span, then.span, otherwise.span),
  };
}

function buildReference(node: OperandCstNode, nameTok: IToken, fallback: Span): Expr {
  const name = nameOf(nameTok, fallback);
  const c = node.children;
  const memberTok = tok(c.member);
  if (c.Dot !== undefined) {
    const member = nameOf(memberTok, { start: name.span.end + 1, end: name.span.end + 1 });
    return { kind: 'Ref', name, member, span: coverAll(name.span, name.span, member.span) };
  }
  if (c.LBracket === undefined && c.LParen === undefined) return { kind: 'Ref', name, span: name.span };
  const inner = { start: name.span.end, end: name.span.end };
  if (c.LBracket !== undefined) {
    const keys = subs(c.keys).map((k) => buildExpr(k, inner));
    const close = tok(c.RBracket);
    return {
      kind: 'Lookup',
      table: name,
      keys,
      span: coverAll(name.span, name.span, ...keys.map((k) => k.span), close && tokSpan(close)),
    };
  }
  const args = subs(c.args).map((k) => buildExpr(k, inner));
  const close = tok(c.RParen);
  return {
    kind: 'Call',
    fn: name,
    args,
    span: coverAll(name.span, name.span, ...args.map((k) => k.span), close && tokSpan(close)),
  };
}
