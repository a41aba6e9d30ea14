/**
 * A tree-walking interpreter of IR expressions: the arithmetic behind the json-rules-engine facts. The fast path
 * compiles the same expressions to closures (fast.ts); both use the primitives of runtime.ts.
 */
import type { Ir } from '../../dsl/index.js';
import { assertNever, leftChain, prefixChain } from '../../dsl/core.js';
import {
  arith,
  calcKey,
  compare,
  fieldValue,
  isRequested,
  lookup,
  memoFor,
  negate,
  paramValue,
  ranksFor,
  resultCount,
  roundValue,
  same,
} from './runtime.js';
import type { Ctx } from './runtime.js';
import { call, constant } from './builtins.js';
import type { Value } from './values.js';

/** Evaluate an expression in a context. */
export function interpret(e: Ir.Expr, ctx: Ctx): Value {
  switch (e.kind) {
    case 'const':
      return constant(e, ctx.rt.cache.runtime);
    case 'field':
      return fieldValue(ctx, e.level, e.name);
    case 'calc':
      return calcValue(e.scope, e.name, ctx);
    case 'param':
      return paramValue(ctx, e.name);
    case 'lookup':
      return lookup(
        ctx,
        e.table,
        e.keys.map((k) => interpret(k, ctx)),
      );
    case 'call':
      return call(
        e.fn,
        e.args.map((a) => interpret(a, ctx)),
        ctx.rt.cache.runtime,
      );
    case 'arith': {
      // A chain `a + b + c …` in a loop: no recursion per term.
      const { first, links } = leftChain(e);
      let acc = interpret(first, ctx);
      for (const l of links)
        acc = arith(l.op, acc, interpret(l.right, ctx), l.left.type, l.right.type, ctx.rt.cache.runtime);
      return acc;
    }
    case 'neg':
    case 'not': {
      const { inner, ops } = prefixChain(e);
      let v = interpret(inner, ctx);
      for (const op of ops) v = op === 'neg' ? negate(v) : v !== true;
      return v;
    }
    case 'compare':
      return compare(
        e.compare,
        e.op,
        interpret(e.left, ctx),
        interpret(e.right, ctx),
        ranksFor(ctx.rt, e.left),
      );
    case 'and':
    case 'or': {
      // Short-circuit over the chain, left to right, as the nested form does.
      const { first, links } = leftChain(e);
      const stopAt = e.kind === 'or';
      if ((interpret(first, ctx) === true) === stopAt) return stopAt;
      for (const l of links) if ((interpret(l.right, ctx) === true) === stopAt) return stopAt;
      return !stopAt;
    }
    case 'if':
      return interpret(e.cond, ctx) === true ? interpret(e.then, ctx) : interpret(e.else, ctx);
    case 'in': {
      const v = interpret(e.value, ctx);
      return e.options.some((o) => same(v, interpret(o, ctx)));
    }
    case 'isEmpty':
      return (interpret(e.value, ctx) === undefined) !== e.negated;
    case 'moduleRequested':
      return isRequested(ctx, e.module, e.variant);
    case 'countResults':
      return resultCount(ctx);
    case 'round':
      return roundValue(interpret(e.value, ctx), e.rounding);
    default:
      return assertNever(e);
  }
}

function calcValue(scope: Ir.Scope, name: string, ctx: Ctx): Value {
  const key = calcKey(scope, name);
  const memo = memoFor(ctx, scope);
  if (memo.has(key)) return memo.get(key);
  const def = ctx.rt.calcs.get(key);
  const v = def ? interpret(def.value, ctx) : undefined;
  memo.set(key, v);
  return v;
}
