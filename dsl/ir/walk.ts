/** Structural walks over IR expressions. */
import { assertNever } from '../text/span.js';
import type { Expr } from './ir.js';

/** The direct sub-expressions of an expression, in source order. */
export function childExprs(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'const':
    case 'field':
    case 'calc':
    case 'param':
    case 'moduleRequested':
      return [];
    case 'countResults':
      return e.where === undefined ? [] : [e.where];
    case 'lookup':
      return e.keys;
    case 'call':
      return e.args;
    case 'arith':
    case 'compare':
    case 'and':
    case 'or':
      return [e.left, e.right];
    case 'neg':
    case 'not':
      return [e.operand];
    case 'if':
      return [e.cond, e.then, e.else];
    case 'in':
      return [e.value, ...e.options];
    case 'isEmpty':
    case 'round':
      return [e.value];
    default:
      return assertNever(e);
  }
}

/**
 * Whether `test` holds for some node of `e` (itself included). Walks with an explicit stack, so a chain of
 * 100.000 terms is as safe as a short one.
 */
export function someExpr(e: Expr, test: (x: Expr) => boolean): boolean {
  const stack: Expr[] = [e];
  for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
    if (test(x)) return true;
    const children = childExprs(x);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Expr);
  }
  return false;
}

/**
 * Whether `e` reads the `periode` of the result or module request in scope, directly or through calculations
 * (`calcs` by {@link calcKey}-style key `scope:name`).
 */
export function readsItemPeriod(e: Expr, calcs: ReadonlyMap<string, { readonly value: Expr }>): boolean {
  const seen = new Set<string>();
  const pending: Expr[] = [e];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const found = someExpr(next, (x) => {
      if (x.kind === 'field') return x.level !== 'beschikking' && x.name === 'periode';
      if (x.kind === 'calc') {
        const key = `${x.scope}:${x.name}`;
        const def = calcs.get(key);
        if (!seen.has(key) && def !== undefined) pending.push(def.value);
        seen.add(key);
      }
      return false;
    });
    if (found) return true;
  }
  return false;
}

/** A binary IR node: arithmetic, `en`, `of`. */
export type LinkExpr = Extract<Expr, { kind: 'arith' | 'and' | 'or' }>;

/**
 * A left-leaning chain (`a + b - c …`, `x en y en z …`) as a list: the innermost left operand and the links
 * from the innermost outwards; the chain continues while the left operand is of the same kind. Evaluators
 * loop over the links instead of recursing down a tree as deep as the chain is long.
 */
export function leftChain<L extends LinkExpr>(e: L): { first: Expr; links: L[] } {
  const links: L[] = [];
  let cur: Expr = e;
  while (cur.kind === e.kind) {
    const link = cur as L;
    links.push(link);
    cur = link.left;
  }
  return { first: cur, links: links.reverse() };
}

/** `niet niet x`, `- - x`: the innermost operand and the prefixes from the innermost outwards. */
export function prefixChain(e: Extract<Expr, { kind: 'not' | 'neg' }>): {
  inner: Expr;
  ops: ('not' | 'neg')[];
} {
  const ops: ('not' | 'neg')[] = [];
  let cur: Expr = e;
  while (cur.kind === 'not' || cur.kind === 'neg') {
    ops.push(cur.kind);
    cur = cur.operand;
  }
  return { inner: cur, ops: ops.reverse() };
}
