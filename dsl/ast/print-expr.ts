/**
 * Prints expressions and literals in canonical form: Dutch numbers with thousands separators, `×` for
 * multiplication, minimal parentheses.
 */
import { assertNever } from '../text/span.js';
import type { Expr, Rounding, StringLit, Unit } from './ast.js';
import { BINARY_PRECEDENCE, isBuiltinUnit, UNIT_AFTER_NUMBER } from './ast.js';

/** "1234.56" → "1.234,56" (decimals kept as written). */
export function dutchNumber(value: string): string {
  const neg = value.startsWith('-');
  const v = neg ? value.slice(1) : value;
  const dot = v.indexOf('.');
  const int = dot < 0 ? v : v.slice(0, dot);
  const frac = dot < 0 ? '' : v.slice(dot + 1);
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += '.';
    grouped += int[i];
  }
  return (neg ? '-' : '') + grouped + (dot < 0 ? '' : ',' + frac);
}

const PLURAL = UNIT_AFTER_NUMBER;

/**
 * The unit after a number: singular for 1, otherwise the plural Dutch uses after numbers (`18 jaar`, `3 weken`).
 * A declared unit (`9 dagdelen`) is printed as written: its plural is declared elsewhere, perhaps in the base.
 */
export const unitAfter = (value: string, unit: Unit): string =>
  !isBuiltinUnit(unit) ? unit : Number(value) === 1 ? unit : PLURAL[unit];

export const printString = (s: StringLit | string): string =>
  '"' + (typeof s === 'string' ? s : s.value).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';

/** `money`: say `centen`/`hele euro's` (otherwise `n decimalen`, e.g. for hours). */
export function printRounding(r: Rounding, money = true): string {
  const what =
    r.decimals === 2 && money
      ? 'centen'
      : r.decimals === 0 && money
        ? "hele euro's"
        : `${r.decimals} decimalen`;
  const mode =
    r.mode === 'half_omhoog'
      ? ''
      : r.mode === 'half_even'
        ? ' half naar even'
        : r.mode === 'omlaag'
          ? ' naar beneden'
          : ' naar boven';
  return `afgerond op ${what}${mode}`;
}

const PREC: Readonly<Record<string, number>> = BINARY_PRECEDENCE;

/** Binding strength of an expression as printed (higher binds tighter). */
function precOf(e: Expr): number {
  switch (e.kind) {
    case 'Binary':
      return PREC[e.op] ?? 0;
    case 'Unary':
      return e.op === 'niet' ? 3 : 7;
    case 'InExpr':
    case 'EmptyTest':
      return 4;
    case 'IfExpr':
      return 0;
    case 'NumberLit':
    case 'MoneyLit':
    case 'PercentLit':
    case 'QuantityLit':
    case 'DateLit':
    case 'PeriodLit':
    case 'StringLit':
    case 'BoolLit':
    case 'Ref':
    case 'Lookup':
    case 'Call':
    case 'ModuleRequested':
    case 'CountResults':
    case 'Rounded':
    case 'ErrorExpr':
      return 8;
    default:
      return assertNever(e);
  }
}

/**
 * Prints `e` where the grammar needs at least `minPrec`. `tail`: nothing follows in the enclosing expression,
 * so a trailing `als … anders …` needs no parentheses (its `anders` branch would otherwise swallow the rest).
 */
export function printExpr(e: Expr, minPrec = 0, tail = true, money = true): string {
  const p = precOf(e);
  const needParens = p < minPrec || (e.kind === 'IfExpr' && !tail);
  const inner = printBare(e, needParens || tail, money);
  return needParens ? `(${inner})` : inner;
}

type BinaryExpr = Extract<Expr, { kind: 'Binary' }>;
type UnaryExpr = Extract<Expr, { kind: 'Unary' }>;

/**
 * `a + b - c …`: a left-leaning chain of one precedence level, printed with a loop (a chain of 100.000 terms
 * is as deep as it is long; recursion would exhaust the stack). Only the last right operand is in tail position.
 */
function printChain(e: BinaryExpr, tail: boolean): string {
  const p = PREC[e.op] ?? 0;
  const cmp = p === 4;
  const links: BinaryExpr[] = [e];
  let cur: Expr = e.left;
  // A left operand of the same (non-comparison) level needs no parentheses: it continues the chain.
  while (!cmp && cur.kind === 'Binary' && (PREC[cur.op] ?? 0) === p) {
    links.push(cur);
    cur = cur.left;
  }
  const parts: string[] = [printExpr(cur, cmp ? 5 : p, false)];
  for (let i = links.length - 1; i >= 0; i--) {
    const link = links[i] as BinaryExpr;
    parts.push(` ${link.op} `, printExpr(link.right, cmp ? 5 : p + 1, i === 0 ? tail : false));
  }
  return parts.join('');
}

/** `niet niet x`, `--x`: prefixes printed with a loop (see {@link printChain}). */
function printPrefixes(e: UnaryExpr, tail: boolean): string {
  const parts: string[] = [];
  let cur: Expr = e;
  // Another prefix directly inside binds at least as tight as `niet` (3) or `-` (7) needs: no parentheses.
  while (cur.kind === 'Unary') {
    const u: UnaryExpr = cur;
    parts.push(u.op === 'niet' ? 'niet ' : '-');
    const inner = u.operand;
    if (inner.kind === 'Unary' && (u.op === 'niet' || inner.op === '-')) {
      cur = inner;
      continue;
    }
    parts.push(printExpr(inner, u.op === 'niet' ? 3 : 7, tail));
    return parts.join('');
  }
  return parts.join('');
}

function printBare(e: Expr, tail: boolean, money: boolean): string {
  switch (e.kind) {
    case 'NumberLit':
      return dutchNumber(e.value);
    case 'MoneyLit':
      return `€ ${dutchNumber(e.value)}${e.per === undefined ? '' : ` per ${e.per}`}`;
    case 'PercentLit':
      return `${dutchNumber(e.value)} %`;
    case 'QuantityLit':
      return `${dutchNumber(e.value)} ${unitAfter(e.value, e.unit)}`;
    case 'DateLit':
      return e.value;
    case 'PeriodLit':
      return `${e.from.value} tot ${e.to.value}`;
    case 'StringLit':
      return printString(e);
    case 'BoolLit':
      return e.value ? 'ja' : 'nee';
    case 'Ref':
      return e.member === undefined ? e.name.text : `${e.name.text}.${e.member.text}`;
    case 'Lookup':
      return `${e.table.text}[${e.keys.map((k) => printExpr(k)).join(', ')}]`;
    case 'Call':
      return `${e.fn.text}(${e.args.map((k) => printExpr(k)).join(', ')})`;
    case 'Binary':
      return printChain(e, tail);
    case 'Unary':
      return printPrefixes(e, tail);
    case 'IfExpr':
      return `als ${printExpr(e.cond)} dan ${printExpr(e.then)} anders ${printExpr(e.else, 0, tail)}`;
    case 'InExpr':
      return `${printExpr(e.value, 5, false)} in (${e.options.map((o) => printExpr(o)).join(', ')})`;
    case 'EmptyTest':
      return `${printExpr(e.value, 5, false)} is ${e.negated ? 'niet ' : ''}leeg`;
    case 'ModuleRequested':
      return `module ${e.module.text}${e.variant === undefined ? '' : ` variant ${e.variant.text}`} aangevraagd`;
    case 'CountResults':
      return e.where === undefined ? 'aantal resultaten' : `aantal resultaten met (${printExpr(e.where)})`;
    case 'Rounded':
      return `(${printExpr(e.value)}) ${printRounding(e.rounding, money)}`;
    case 'ErrorExpr':
      return '?';
    default:
      return assertNever(e);
  }
}
