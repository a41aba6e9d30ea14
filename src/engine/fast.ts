/**
 * The fast path: IR expressions compiled once to closures over the evaluation context. Same primitives and same
 * answers as the json-rules-engine path, without promises or per-case allocation of rules.
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
  same,
} from './runtime.js';
import type { Ctx, LoadedProgram } from './runtime.js';
import { call, call1, constant } from './builtins.js';
import type { RuntimeCache } from './builtins.js';
import type { Value } from './values.js';

export type Compiled = (ctx: Ctx) => Value;

/** Compiles expressions of one program; calculations are compiled once and memoised per context. */
export class FastCompiler {
  private readonly calcs = new Map<string, Compiled>();
  private readonly cache = new Map<string, Compiled>();

  constructor(
    private readonly program: Ir.Program,
    /** The engine's decimals, day counts and literals (see EngineCache). */
    private readonly rc: RuntimeCache,
  ) {
    for (const c of program.calcs) {
      const key = calcKey(c.scope, c.name);
      this.calcs.set(key, this.memoised(c.scope, key, c.value));
    }
  }

  private memoised(scope: Ir.Scope, key: string, value: Ir.Expr): Compiled {
    let body: Compiled | undefined;
    return (ctx) => {
      const memo = memoFor(ctx, scope);
      const hit = memo.get(key);
      if (hit !== undefined || memo.has(key)) return hit;
      body ??= this.compile(value);
      const v = body(ctx);
      memo.set(key, v);
      return v;
    };
  }

  /** Compile an expression (cached by origin id). */
  compile(e: Ir.Expr): Compiled {
    const hit = this.cache.get(e.id);
    if (hit) return hit;
    const fn = this.build(e);
    this.cache.set(e.id, fn);
    return fn;
  }

  /** Compile a condition: `ja` (true), `nee` (false) or onbepaald (undefined: it depends on an empty value). */
  predicate(e: Ir.Expr): (ctx: Ctx) => boolean | undefined {
    const f = this.compile(e);
    return (ctx) => {
      const v = f(ctx);
      return v === undefined ? undefined : v === true;
    };
  }

  private build(e: Ir.Expr): Compiled {
    switch (e.kind) {
      case 'const': {
        const v = constant(e, this.rc);
        return () => v;
      }
      case 'field': {
        const { level, name } = e;
        if (e.outer) return (ctx) => ctx.outer?.fields[name];
        if (level === 'beschikking') return (ctx) => ctx.data.fields[name];
        // A module's own `periode` may be a part of it (Ctx.period): that read goes through fieldValue.
        if (level === 'module' && name !== 'periode') return (ctx) => ctx.module?.fields[name];
        return (ctx) => fieldValue(ctx, level, name);
      }
      case 'calc': {
        const key = calcKey(e.scope, e.name);
        const fn = this.calcs.get(key);
        return fn ?? (() => undefined);
      }
      case 'param': {
        const name = e.name;
        return (ctx) => paramValue(ctx, name);
      }
      case 'lookup': {
        const table = e.table;
        const keys = e.keys.map((k) => this.compile(k));
        return (ctx) =>
          lookup(
            ctx,
            table,
            keys.map((k) => k(ctx)),
          );
      }
      case 'call': {
        const fn = e.fn;
        const rc = this.rc;
        const args = e.args.map((a) => this.compile(a));
        if (args.length === 1) {
          const [a] = args as [Compiled];
          return (ctx) => call1(fn, a(ctx), rc);
        }
        return (ctx) =>
          call(
            fn,
            args.map((a) => a(ctx)),
            rc,
          );
      }
      case 'arith': {
        const { first, links } = leftChain(e);
        if (links.length === 1) {
          const { op } = e;
          const lt = e.left.type;
          const rtype = e.right.type;
          const l = this.compile(e.left);
          const r = this.compile(e.right);
          const rc = this.rc;
          return (ctx) => arith(op, l(ctx), r(ctx), lt, rtype, rc);
        }
        // A chain `a + b + c …` runs as a loop: no closure nested per term, so no recursion per term.
        const f = this.compile(first);
        const steps = links.map((l) => ({
          op: l.op,
          lt: l.left.type,
          rt: l.right.type,
          r: this.compile(l.right),
        }));
        const rc = this.rc;
        return (ctx) => {
          let acc = f(ctx);
          for (const s of steps) acc = arith(s.op, acc, s.r(ctx), s.lt, s.rt, rc);
          return acc;
        };
      }
      case 'neg':
      case 'not': {
        const { inner, ops } = prefixChain(e);
        const o = this.compile(inner);
        if (ops.length === 1) return ops[0] === 'neg' ? (ctx) => negate(o(ctx)) : (ctx) => not3(o(ctx));
        return (ctx) => {
          let v = o(ctx);
          for (const op of ops) v = op === 'neg' ? negate(v) : not3(v);
          return v;
        };
      }
      case 'compare': {
        const { op, compare: kind } = e;
        const l = this.compile(e.left);
        const r = this.compile(e.right);
        const left = e.left;
        if (op === '=' || op === '<>') {
          // `same` on two non-objects (text, domain value, ja/nee, leeg) is `===`; decimals and periods take it.
          // A comparison with an empty value is onbepaald (undefined), also `=` and `<>`.
          const equal = op === '=';
          return (ctx) => {
            const a = l(ctx);
            if (a === undefined) return undefined;
            const b = r(ctx);
            if (b === undefined) return undefined;
            return (typeof a === 'object' || typeof b === 'object' ? same(a, b) : a === b) === equal;
          };
        }
        return (ctx) =>
          compare(kind, op, l(ctx), r(ctx), kind === 'ordinal' ? ranksFor(ctx.rt, left) : undefined);
      }
      case 'and':
      case 'or': {
        const { first, links } = leftChain(e);
        if (links.length === 1) {
          const l = this.compile(e.left);
          const r = this.compile(e.right);
          // Three-valued: nee en x is nee, ja of x is ja; otherwise onbepaald when a side is onbepaald.
          return e.kind === 'and'
            ? (ctx) => {
                const a = l(ctx);
                if (a === false) return false;
                const b = r(ctx);
                if (b === false) return false;
                return a === undefined || b === undefined ? undefined : true;
              }
            : (ctx) => {
                const a = l(ctx);
                if (a === true) return true;
                const b = r(ctx);
                if (b === true) return true;
                return a === undefined || b === undefined ? undefined : false;
              };
        }
        // A chain `a en b en c …`: short-circuit in a loop, left to right.
        const parts = [this.compile(first), ...links.map((l) => this.compile(l.right))];
        const stopAt = e.kind === 'or';
        return (ctx) => {
          let unknown = false;
          for (const p of parts) {
            const v = p(ctx);
            if (v === stopAt) return stopAt;
            if (v === undefined) unknown = true;
          }
          return unknown ? undefined : !stopAt;
        };
      }
      case 'if': {
        const c = this.compile(e.cond);
        const t = this.compile(e.then);
        const f = this.compile(e.else);
        return (ctx) => {
          const v = c(ctx);
          return v === undefined ? undefined : v === true ? t(ctx) : f(ctx);
        };
      }
      case 'in': {
        const v = this.compile(e.value);
        const opts = e.options.map((o) => this.compile(o));
        return (ctx) =>
          inList(
            v(ctx),
            opts.map((o) => o(ctx)),
          );
      }
      case 'isEmpty': {
        const v = this.compile(e.value);
        const negated = e.negated;
        return (ctx) => (v(ctx) === undefined) !== negated;
      }
      case 'moduleRequested': {
        const { module, variant } = e;
        return (ctx) => isRequested(ctx, module, variant);
      }
      case 'countResults': {
        if (e.where === undefined) return resultCount;
        const where = this.compile(e.where);
        return (ctx) => countWhere(ctx, where);
      }
      case 'round': {
        const v = this.compile(e.value);
        const r = e.rounding;
        return (ctx) => roundValue(v(ctx), r);
      }
      default:
        return assertNever(e);
    }
  }
}

export type { LoadedProgram };
