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
  countWhere,
  fieldValue,
  inList,
  isRequested,
  lookup,
  memoFor,
  negate,
  paramValue,
  ranksFor,
  resultCount,
  not3,
  roundValue,
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
      return e.outer ? ctx.outer?.fields[e.name] : fieldValue(ctx, e.level, e.name);
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
      for (const op of ops) v = op === 'neg' ? negate(v) : not3(v);
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
      // Three-valued, over the chain left to right: `en` is nee as soon as one part is nee, `of` ja as soon as one
      // part is ja; otherwise onbepaald (undefined) when a part was onbepaald.
      const { first, links } = leftChain(e);
      const stopAt = e.kind === 'or';
      let v = interpret(first, ctx);
      if (v === stopAt) return stopAt;
      let unknown = v === undefined;
      for (const l of links) {
        v = interpret(l.right, ctx);
        if (v === stopAt) return stopAt;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : !stopAt;
    }
    case 'if': {
      const c = interpret(e.cond, ctx);
      return c === undefined ? undefined : c === true ? interpret(e.then, ctx) : interpret(e.else, ctx);
    }
    case 'in': {
      const v = interpret(e.value, ctx);
      return inList(
        v,
        e.options.map((o) => interpret(o, ctx)),
      );
    }
    case 'isEmpty':
      return (interpret(e.value, ctx) === undefined) !== e.negated;
    case 'moduleRequested':
      return isRequested(ctx, e.module, e.variant);
    case 'countResults': {
      const where = e.where;
      return where === undefined ? resultCount(ctx) : countWhere(ctx, (c) => interpret(where, c));
    }
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
