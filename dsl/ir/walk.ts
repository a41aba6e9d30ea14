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
    case 'countResults':
      return [];
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
 * Whether `e` reads the `periode` of the result or module request in scope, directly or through calculations
 * (`calcs` by {@link calcKey}-style key `scope:name`).
 */
export function readsItemPeriod(e: Expr, calcs: ReadonlyMap<string, { readonly value: Expr }>): boolean {
  const seen = new Set<string>();
  const visit = (x: Expr): boolean => {
    if (x.kind === 'field') return x.level !== 'beschikking' && x.name === 'periode';
    if (x.kind === 'calc') {
      const key = `${x.scope}:${x.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      const def = calcs.get(key);
      return def !== undefined && visit(def.value);
    }
    return childExprs(x).some(visit);
  };
  return visit(e);
}
