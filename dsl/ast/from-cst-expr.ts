/**
 * CST → AST for expressions and roundings. Never throws: missing parts become {@link ErrorExpr}.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { normaliseNumber } from '../syntax/lexer.js';
import type { Span } from '../text/span.js';
import type { BinaryOp, Expr, Rounding, RoundingMode, Unit } from './ast.js';
import { BINARY_PRECEDENCE, UNIT_SPELLINGS } from './ast.js';
import {
  after,
  coverAll,
  errorExpr,
  has,
  isReal,
  nameOf,
  stringOf,
  sub,
  subs,
  tok,
  toks,
  tokSpan,
} from './cst-access.js';

export const unitOf = (t: IToken | undefined): Unit =>
  t === undefined ? 'week' : (UNIT_SPELLINGS[t.image] ?? 'week');

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
  | { readonly op?: undefined; readonly postfix: CstNode };

/**
 * Reads the flat `operand (operator operand | postfix)*` of one expression node and applies precedence by
 * precedence climbing: `of` < `en` < `niet` < comparisons (`=`, `in (…)`, `is leeg`) < `+ -` < `× /` < prefix `-`;
 * binary operators are left-associative.
 */
class Climber {
  private operandIdx = 1;
  private stepIdx = 0;

  constructor(
    private readonly operands: readonly CstElement[],
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

  nextOperand(): CstNode | undefined {
    const e = this.operands[this.operandIdx++];
    return e !== undefined && !('image' in e) ? e : undefined;
  }

  /** An operand with its prefixes; a `niet` takes everything after it that binds tighter than `niet`. */
  operand(node: CstNode | undefined, fallback: Span, minPrec: number): Expr {
    if (node === undefined) return errorExpr(fallback);
    const c = node.children;
    const niets = c['Kw_niet'];
    if (niets === undefined) return this.climb(buildPrefixed(node, fallback), minPrec);
    let value = this.climb(
      buildPrefixed(node, after(niets[niets.length - 1] as IToken, fallback)),
      NOT_PRECEDENCE + 1,
    );
    for (let i = niets.length - 1; i >= 0; i--) {
      const t = niets[i] as IToken;
      if (!isReal(t)) continue;
      const s = tokSpan(t);
      value = { kind: 'Unary', op: 'niet', operand: value, span: coverAll(s, s, value.span) };
    }
    return this.climb(value, minPrec);
  }
}

export function buildExpr(node: CstNode | undefined, fallback: Span): Expr {
  if (node === undefined) return errorExpr(fallback);
  const c = node.children;
  const operands = c['operand'] ?? [];
  const ops = c['BinaryOperator'];
  const postfixes = c['postfix'];
  const steps: Step[] = [];
  if (postfixes === undefined) {
    if (ops !== undefined) for (const op of ops) steps.push({ op: op as IToken });
  } else {
    // Interleave operators and postfixes by their place in the text.
    const all: { at: number; step: Step }[] = [];
    if (ops !== undefined)
      for (const op of ops) all.push({ at: (op as IToken).startOffset, step: { op: op as IToken } });
    for (const p of postfixes) {
      const n = p as CstNode;
      const first = tok(n, 'Kw_in') ?? tok(n, 'Kw_is');
      all.push({ at: first?.startOffset ?? Infinity, step: { postfix: n } });
    }
    all.sort((a, b) => a.at - b.at);
    for (const a of all) steps.push(a.step);
  }
  const first = operands[0];
  const climber = new Climber(operands, steps);
  return climber.operand(first !== undefined && !('image' in first) ? first : undefined, fallback, 0);
}

function buildPostfix(node: CstNode, left: Expr): Expr {
  if (node.children['Kw_in'] !== undefined) {
    const end = { start: left.span.end, end: left.span.end };
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
  return {
    kind: 'EmptyTest',
    value: left,
    negated: has(node, 'Kw_niet'),
    span: coverAll(left.span, left.span, leeg && tokSpan(leeg)),
  };
}

/** The primary value of an operand with its prefix minus signs (the `niet`s are handled by the caller). */
function buildPrefixed(node: CstNode, fallback: Span): Expr {
  const minus = node.children['Minus'];
  if (minus === undefined) return buildPrimary(node, fallback);
  const real = minus.filter((m): m is IToken => isReal(m as IToken));
  const last = real[real.length - 1];
  let value = buildPrimary(node, last === undefined ? fallback : after(last, fallback));
  for (let i = real.length - 1; i >= 0; i--) {
    const s = tokSpan(real[i] as IToken);
    value = { kind: 'Unary', op: '-', operand: value, span: coverAll(s, s, value.span) };
  }
  return value;
}

function buildPrimary(node: CstNode, fallback: Span): Expr {
  const c = node.children;
  const nameTok = tok(node, 'Name');
  if (nameTok !== undefined) return buildReference(node, nameTok, fallback);
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
    const inner = buildExpr(sub(node, 'inner'), {
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
  return errorExpr(fallback);
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

function buildReference(node: CstNode, nameTok: IToken, fallback: Span): Expr {
  const name = nameOf(nameTok, fallback);
  const c = node.children;
  if (c['LBracket'] === undefined && c['LParen'] === undefined) return { kind: 'Ref', name, span: name.span };
  const inner = { start: name.span.end, end: name.span.end };
  if (c['LBracket'] !== undefined) {
    const keys = subs(node, 'keys').map((k) => buildExpr(k, inner));
    const close = tok(node, 'RBracket');
    return {
      kind: 'Lookup',
      table: name,
      keys,
      span: coverAll(name.span, name.span, ...keys.map((k) => k.span), close && tokSpan(close)),
    };
  }
  const args = subs(node, 'args').map((k) => buildExpr(k, inner));
  const close = tok(node, 'RParen');
  return {
    kind: 'Call',
    fn: name,
    args,
    span: coverAll(name.span, name.span, ...args.map((k) => k.span), close && tokSpan(close)),
  };
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
