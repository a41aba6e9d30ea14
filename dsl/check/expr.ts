/**
 * Expressions: resolves names by scope, infers types and units, reports mistakes, and returns the typed IR
 * expression (so the lowering never resolves a name twice). After an error the result has type `error`, which
 * is compatible with everything, so one mistake gives one diagnostic.
 */
import type { BuiltinFunction, Expr, Name, Scope } from '../ast/ast.js';
import { BUILTIN_FUNCTIONS } from '../ast/ast.js';
import type { Expr as IrExpr, Type } from '../ir/ir.js';
import { assertNever, type Span } from '../text/span.js';
import { percentToFraction } from './decimal-string.js';
import { levelsOf, type Env } from './env.js';
import { suggest } from './suggest.js';
import { compatible, describe, howToGet, isNumeric, join, T } from './types.js';

export interface Ctx {
  readonly env: Env;
  /** The file the expression is written in. */
  readonly file: string;
  readonly scope: Scope;
  /** In a parameter: only literals and other parameters. */
  readonly constant: boolean;
  /** Inside `aantal resultaten met (…)`: the scope around it (`dit.x` reads its result when that is `resultaat`). */
  readonly outer?: Scope;
}

export const nodeId = (file: string, kind: string, s: Span): string => `${file}:${kind}:${s.start}-${s.end}`;

const FUNCTIONS: ReadonlySet<string> = new Set<BuiltinFunction>(BUILTIN_FUNCTIONS);

const DURATION_UNIT = {
  weken: 'week',
  dagen: 'dag',
  etmalen: 'etmaal',
  maanden: 'maand',
  vierweken: 'vierweken',
} as const;

function report(
  ctx: Ctx,
  code: Parameters<Env['reporter']['report']>[1],
  span: Span,
  args: readonly (string | number)[] = [],
  sugg: readonly string[] = [],
): void {
  ctx.env.reporter.report(ctx.file, code, span, args, sugg);
}

/** Whether a bare name resolves to a field, calculation or parameter here (otherwise it may be a domain value). */
function isDeclaredName(name: string, ctx: Ctx): boolean {
  const env = ctx.env;
  for (const level of levelsOf(ctx.scope)) if (env.fields[level].has(name)) return true;
  return env.items.calcs.has(name) || env.items.parameters.has(name);
}

const isBareValue = (e: Expr, ctx: Ctx): boolean => e.kind === 'Ref' && !isDeclaredName(e.name.text, ctx);

/** Checks and lowers an expression; `expected` lets a bare domain value resolve against its domain. */
export function elaborate(e: Expr, ctx: Ctx, expected?: Type): IrExpr {
  const id = nodeId(ctx.file, e.kind, e.span);
  const base = { id, span: e.span };
  switch (e.kind) {
    case 'NumberLit':
      return { ...base, kind: 'const', type: T.number, value: e.value };
    case 'MoneyLit': {
      const per = e.per === undefined ? undefined : ctx.env.units.check(e.per, ctx.file, e.perSpan ?? e.span);
      const type = e.per === undefined ? T.money : per === undefined ? T.error : T.rate(per);
      return { ...base, kind: 'const', type, value: e.value };
    }
    case 'PercentLit':
      return { ...base, kind: 'const', type: T.percent, value: percentToFraction(e.value) };
    case 'QuantityLit': {
      const unit = ctx.env.units.check(e.unit, ctx.file, e.unitSpan);
      return {
        ...base,
        kind: 'const',
        type: unit === undefined ? T.error : T.quantity(unit),
        value: e.value,
      };
    }
    case 'DateLit':
      return { ...base, kind: 'const', type: T.date, value: e.value };
    case 'PeriodLit':
      report(ctx, 'RW3001', e.span, ['een waarde', 'een periode (alleen in een scenario)']);
      return { ...base, kind: 'const', type: T.error, value: `${e.from.value}/${e.to.value}` };
    case 'StringLit':
      return { ...base, kind: 'const', type: T.text, value: e.value };
    case 'BoolLit':
      return { ...base, kind: 'const', type: T.bool, value: e.value };
    case 'Ref':
      return e.member === undefined ? resolveRef(e.name, ctx, expected, base) : resolveMember(e, ctx, base);
    case 'Lookup':
      return lookup(e, ctx, base);
    case 'Call':
      return call(e, ctx, base);
    case 'Binary':
      return binary(e, ctx, base);
    case 'Unary':
      return unary(e, ctx, base);
    case 'IfExpr': {
      const cond = condition(e.cond, ctx);
      const preferElseFirst = isBareValue(e.then, ctx) && !isBareValue(e.else, ctx);
      let then: IrExpr;
      let els: IrExpr;
      if (preferElseFirst) {
        els = elaborate(e.else, ctx, expected);
        then = elaborate(e.then, ctx, els.type);
      } else {
        then = elaborate(e.then, ctx, expected);
        els = elaborate(e.else, ctx, then.type);
      }
      let type = join(then.type, els.type);
      if (!compatible(then.type, els.type)) {
        report(ctx, 'RW3012', e.span, [
          describe(then.type, ctx.env.units),
          describe(els.type, ctx.env.units),
        ]);
        type = T.error;
      }
      return { ...base, kind: 'if', type, cond, then, else: els };
    }
    case 'InExpr': {
      const firstOpt = e.options[0];
      const valueFirst = !isBareValue(e.value, ctx) || firstOpt === undefined || isBareValue(firstOpt, ctx);
      let value: IrExpr;
      let options: IrExpr[];
      if (valueFirst) {
        value = elaborate(e.value, ctx);
        options = e.options.map((o) => elaborate(o, ctx, value.type));
      } else {
        const first = elaborate(firstOpt, ctx);
        value = elaborate(e.value, ctx, first.type);
        options = [first, ...e.options.slice(1).map((o) => elaborate(o, ctx, value.type))];
      }
      for (const o of options) {
        if (!compatible(value.type, o.type)) {
          report(ctx, 'RW3004', o.span, [
            describe(value.type, ctx.env.units),
            describe(o.type, ctx.env.units),
            'in',
          ]);
        }
      }
      return { ...base, kind: 'in', type: T.bool, value, options };
    }
    case 'EmptyTest': {
      const value = elaborate(e.value, ctx);
      return { ...base, kind: 'isEmpty', type: T.bool, value, negated: e.negated };
    }
    case 'ModuleRequested': {
      if (ctx.constant) report(ctx, 'RW3009', e.span, [`module ${e.module.text}`]);
      const m = ctx.env.items.modules.get(e.module.text);
      if (!m) {
        report(
          ctx,
          'RW2002',
          e.module.span,
          [e.module.text],
          suggest(e.module.text, ctx.env.items.modules.keys()),
        );
      } else if (e.variant && !m.decl.variants.some((v) => v.name.text === e.variant?.text)) {
        report(
          ctx,
          'RW2003',
          e.variant.span,
          [e.variant.text, e.module.text],
          suggest(
            e.variant.text,
            m.decl.variants.map((v) => v.name.text),
          ),
        );
      }
      return {
        ...base,
        kind: 'moduleRequested',
        type: T.bool,
        module: e.module.text,
        variant: e.variant?.text,
      };
    }
    case 'CountResults': {
      if (ctx.constant) report(ctx, 'RW3009', e.span, ['aantal resultaten']);
      if (e.where === undefined) return { ...base, kind: 'countResults', type: T.number };
      // The condition is judged per result: its fields are the counted result's; `dit.x` the rule's own.
      const where = condition(e.where, { ...ctx, scope: 'resultaat', outer: ctx.scope });
      return { ...base, kind: 'countResults', type: T.number, where };
    }
    case 'Rounded': {
      const value = elaborate(e.value, ctx, expected);
      const t = value.type;
      if (!isNumeric(t)) report(ctx, 'RW3013', e.span, [describe(t, ctx.env.units)]);
      return {
        ...base,
        kind: 'round',
        type: isNumeric(t) ? t : T.error,
        value,
        rounding: { decimals: e.rounding.decimals, mode: e.rounding.mode },
      };
    }
    case 'ErrorExpr':
      return { ...base, kind: 'const', type: T.error, value: '' };
    default:
      return assertNever(e);
  }
}

/** An expression that must be ja/nee. */
export function condition(e: Expr, ctx: Ctx): IrExpr {
  return asCondition(elaborate(e, ctx), e, ctx);
}

/** Reports an elaborated expression that is not ja/nee. */
function asCondition(ir: IrExpr, e: Expr, ctx: Ctx): IrExpr {
  if (!compatible(ir.type, T.bool)) report(ctx, 'RW3005', e.span, [describe(ir.type, ctx.env.units)]);
  return ir;
}

type Base = { readonly id: string; readonly span: Span };

type UnaryExpr = Extract<Expr, { kind: 'Unary' }>;

/** `niet niet … x` and `- - … x`: the prefixes in a loop, innermost first (see {@link binary}). */
function unary(e: UnaryExpr, ctx: Ctx, base: Base): IrExpr {
  const chain: UnaryExpr[] = [];
  let cur: Expr = e;
  while (cur.kind === 'Unary') {
    chain.push(cur);
    cur = cur.operand;
  }
  let acc: IrExpr | undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const u = chain[i] as UnaryExpr;
    const b = i === 0 ? base : { id: nodeId(ctx.file, u.kind, u.span), span: u.span };
    if (u.op === 'niet') {
      const operand = acc === undefined ? condition(u.operand, ctx) : asCondition(acc, u.operand, ctx);
      acc = { ...b, kind: 'not', type: T.bool, operand };
    } else {
      const operand = acc ?? elaborate(u.operand, ctx);
      const t = operand.type;
      if (!isNumeric(t))
        report(ctx, 'RW3003', u.span, ['-', describe(t, ctx.env.units), describe(t, ctx.env.units)]);
      acc = { ...b, kind: 'neg', type: isNumeric(t) ? t : T.error, operand };
    }
  }
  return acc as IrExpr;
}

function resolveRef(name: Name, ctx: Ctx, expected: Type | undefined, base: Base): IrExpr {
  const env = ctx.env;
  const text = name.text;
  if (expected?.kind === 'domain' && env.domains.get(expected.name)?.index.has(text)) {
    return { ...base, kind: 'const', type: expected, value: text };
  }
  for (const level of levelsOf(ctx.scope)) {
    const f = env.fields[level].get(text);
    if (f) {
      if (ctx.constant) {
        report(ctx, 'RW3009', name.span, [text]);
        return { ...base, kind: 'const', type: T.error, value: '' };
      }
      return { ...base, kind: 'field', type: f.type, level, name: text };
    }
  }
  const calc = env.items.calcs.get(text);
  if (calc) {
    if (ctx.constant) {
      report(ctx, 'RW3009', name.span, [text]);
      return { ...base, kind: 'const', type: T.error, value: '' };
    }
    const cs = calc.decl.scope;
    if (cs !== 'beschikking' && cs !== ctx.scope) {
      report(ctx, 'RW2010', name.span, [
        text,
        cs === 'resultaat' ? 'per resultaat' : 'per module',
        cs === 'resultaat' ? 'elk resultaat' : 'elke module',
      ]);
      return { ...base, kind: 'const', type: T.error, value: '' };
    }
    env.used.add(`calc:${text}`);
    const type = calcType(text, name.span, ctx);
    return { ...base, kind: 'calc', type, scope: cs, name: text };
  }
  if (env.items.parameters.has(text)) {
    env.used.add(`param:${text}`);
    const type = paramType(text, name.span, ctx);
    return { ...base, kind: 'param', type, name: text };
  }
  const doms = env.valueDomains.get(text);
  if (doms && doms.length === 1 && doms[0] !== undefined) {
    return { ...base, kind: 'const', type: T.domain(doms[0]), value: text };
  }
  if (doms && doms.length > 1) {
    report(ctx, 'RW2007', name.span, [text, doms.join(', ')]);
    return { ...base, kind: 'const', type: T.error, value: text };
  }
  if (expected?.kind === 'domain' && env.domains.has(expected.name)) {
    const d = env.domains.get(expected.name);
    report(ctx, 'RW2011', name.span, [text, expected.name], suggest(text, d?.values ?? []));
    return { ...base, kind: 'const', type: T.error, value: text };
  }
  report(ctx, 'RW2001', name.span, [text], suggest(text, visibleNames(ctx)));
  return { ...base, kind: 'const', type: T.error, value: text };
}

/** `resultaat.x` in a module (the result the request names) or `dit.x` in `aantal resultaten met (…)`. */
function resolveMember(e: Extract<Expr, { kind: 'Ref' }>, ctx: Ctx, base: Base): IrExpr {
  const member = e.member as Name;
  const object = e.name.text;
  const error = { ...base, kind: 'const' as const, type: T.error, value: '' };
  const own = object === 'resultaat' && ctx.scope === 'module' && ctx.outer === undefined;
  const outer = object === 'dit' && ctx.outer === 'resultaat';
  if (!own && !outer) {
    report(ctx, 'RW2401', e.span, [`${object}.${member.text}`]);
    return error;
  }
  const f = ctx.env.fields.resultaat.get(member.text);
  if (!f) {
    report(ctx, 'RW2001', member.span, [member.text], suggest(member.text, ctx.env.fields.resultaat.keys()));
    return error;
  }
  if (ctx.constant) {
    report(ctx, 'RW3009', e.span, [`${object}.${member.text}`]);
    return error;
  }
  return outer
    ? { ...base, kind: 'field', type: f.type, level: 'resultaat', name: member.text, outer: true }
    : { ...base, kind: 'field', type: f.type, level: 'resultaat', name: member.text };
}

function* visibleNames(ctx: Ctx): Iterable<string> {
  const env = ctx.env;
  for (const level of levelsOf(ctx.scope)) yield* env.fields[level].keys();
  yield* env.items.calcs.keys();
  yield* env.items.parameters.keys();
  yield* env.valueDomains.keys();
}

/** Checks a calculation once (memoised); a calculation met again while being checked is a cycle. */
export function calcType(name: string, at: Span, ctx: Ctx): Type {
  const env = ctx.env;
  const memo = env.calcs.get(name);
  if (memo?.state === 'done') return memo.type;
  if (memo?.state === 'visiting') {
    const from = env.stack.indexOf(`calc:${name}`);
    const chain = [...env.stack.slice(Math.max(0, from)), `calc:${name}`].map((s) =>
      s.slice(s.indexOf(':') + 1),
    );
    report(ctx, 'RW2009', at, [name, chain.join(' → ')]);
    return T.error;
  }
  const calc = env.items.calcs.get(name);
  if (!calc) return T.error;
  const m = { state: 'visiting' as const, type: T.error, ir: undefined };
  env.calcs.set(name, m);
  env.stack.push(`calc:${name}`);
  const inner: Ctx = { env, file: calc.origin.file, scope: calc.decl.scope, constant: false };
  let ir = elaborate(calc.decl.value, inner);
  if (calc.decl.rounding) {
    const r = calc.decl.rounding;
    if (!isNumeric(ir.type)) report(inner, 'RW3013', r.span, [describe(ir.type, ctx.env.units)]);
    ir = {
      id: nodeId(calc.origin.file, 'CalcRounding', r.span),
      span: r.span,
      kind: 'round',
      type: ir.type,
      value: ir,
      rounding: { decimals: r.decimals, mode: r.mode },
    };
  }
  env.stack.pop();
  env.calcs.set(name, { state: 'done', type: ir.type, ir });
  env.calcOrder.push(name);
  return ir.type;
}

/** Checks a parameter once (memoised): a constant expression. */
export function paramType(name: string, at: Span, ctx: Ctx): Type {
  const env = ctx.env;
  const memo = env.params.get(name);
  if (memo?.state === 'done') return memo.type;
  if (memo?.state === 'visiting') {
    const from = env.stack.indexOf(`param:${name}`);
    const chain = [...env.stack.slice(Math.max(0, from)), `param:${name}`].map((s) =>
      s.slice(s.indexOf(':') + 1),
    );
    report(ctx, 'RW2009', at, [name, chain.join(' → ')]);
    return T.error;
  }
  const p = env.items.parameters.get(name);
  if (!p) return T.error;
  env.params.set(name, { state: 'visiting', type: T.error, ir: undefined });
  env.stack.push(`param:${name}`);
  const ir = elaborate(p.decl.value, { env, file: p.origin.file, scope: 'beschikking', constant: true });
  env.stack.pop();
  env.params.set(name, { state: 'done', type: ir.type, ir });
  return ir.type;
}

function lookup(e: Extract<Expr, { kind: 'Lookup' }>, ctx: Ctx, base: Base): IrExpr {
  const env = ctx.env;
  const t = env.items.tables.get(e.table.text);
  if (!t) {
    report(ctx, 'RW2004', e.table.span, [e.table.text], suggest(e.table.text, env.items.tables.keys()));
    return {
      ...base,
      kind: 'lookup',
      type: T.error,
      table: e.table.text,
      keys: e.keys.map((k) => elaborate(k, ctx)),
    };
  }
  if (ctx.constant) report(ctx, 'RW3009', e.table.span, [e.table.text]);
  env.used.add(`table:${e.table.text}`);
  const keyDomains = [...t.decl.rowKeys, ...t.decl.columnKeys].map((n) => n.text);
  if (keyDomains.length !== e.keys.length) {
    report(ctx, 'RW4007', e.span, [e.table.text, keyDomains.length, keyDomains.join(', '), e.keys.length]);
  }
  const keys = e.keys.map((k, i) => {
    const dom = keyDomains[i];
    const expected = dom !== undefined && env.domains.has(dom) ? T.domain(dom) : undefined;
    const ir = elaborate(k, ctx, expected);
    if (expected && !compatible(ir.type, expected)) {
      report(ctx, 'RW4008', k.span, [i + 1, e.table.text, dom ?? '', describe(ir.type, ctx.env.units)]);
    }
    return ir;
  });
  const u = t.decl.unit;
  const type: Type =
    u.kind === 'money'
      ? T.money
      : u.kind === 'rate'
        ? T.rate(env.units.unit(u.per))
        : u.kind === 'percent'
          ? T.percent
          : T.number;
  return { ...base, kind: 'lookup', type, table: e.table.text, keys };
}

function call(e: Extract<Expr, { kind: 'Call' }>, ctx: Ctx, base: Base): IrExpr {
  const fn = e.fn.text;
  const args = e.args.map((a) => elaborate(a, ctx));
  if (!FUNCTIONS.has(fn)) {
    report(ctx, 'RW2005', e.fn.span, [fn], suggest(fn, FUNCTIONS));
    return { ...base, kind: 'const', type: T.error, value: '' };
  }
  const f = fn as BuiltinFunction;
  const arity = f === 'jaren' || f === 'minimum' || f === 'maximum' ? 2 : 1;
  if (args.length !== arity) {
    report(ctx, 'RW3010', e.span, [fn, arity === 1 ? '1 argument' : '2 argumenten', args.length]);
    return { ...base, kind: 'call', type: T.error, fn: f, args };
  }
  const expectArg = (i: number, want: Type): void => {
    const a = args[i];
    if (a && !compatible(a.type, want))
      report(ctx, 'RW3001', a.span, [describe(want, ctx.env.units), describe(a.type, ctx.env.units)]);
  };
  let type: Type;
  switch (f) {
    case 'weken':
    case 'dagen':
    case 'etmalen':
    case 'maanden':
    case 'vierweken':
      expectArg(0, T.period);
      type = T.quantity(DURATION_UNIT[f]);
      break;
    case 'begin':
    case 'einde':
      expectArg(0, T.period);
      type = T.date;
      break;
    case 'jaren':
      expectArg(0, T.date);
      expectArg(1, T.date);
      type = T.quantity('jaar');
      break;
    case 'minimum':
    case 'maximum': {
      const [a, b] = args;
      type = a && b ? join(a.type, b.type) : T.error;
      if (a && b && !compatible(a.type, b.type)) {
        report(ctx, 'RW3003', e.span, [fn, describe(a.type, ctx.env.units), describe(b.type, ctx.env.units)]);
        type = T.error;
      } else if (a && !isNumeric(a.type) && a.type.kind !== 'date') {
        report(ctx, 'RW3003', e.span, [fn, describe(a.type, ctx.env.units), describe(a.type, ctx.env.units)]);
        type = T.error;
      }
      break;
    }
    default:
      type = assertNever(f);
  }
  if (ctx.constant && f !== 'minimum' && f !== 'maximum') report(ctx, 'RW3009', e.span, [fn]);
  return { ...base, kind: 'call', type, fn: f, args };
}

type BinaryExpr = Extract<Expr, { kind: 'Binary' }>;

/**
 * A chain `a + b + c …` or `x en y en z …` is a left-leaning tree as deep as it is long: it is walked down its
 * left spine with a loop and built back up one link at a time, so no chain length can exhaust the stack.
 */
function binary(e: BinaryExpr, ctx: Ctx, base: Base): IrExpr {
  const spine: BinaryExpr[] = [];
  let cur: Expr = e;
  while (cur.kind === 'Binary') {
    spine.push(cur);
    cur = cur.left;
  }
  const bottom = spine.pop() as BinaryExpr;
  let acc = binaryLink(bottom, ctx, { id: nodeId(ctx.file, bottom.kind, bottom.span), span: bottom.span });
  for (let i = spine.length - 1; i >= 0; i--) {
    const link = spine[i] as BinaryExpr;
    const linkBase = i === 0 ? base : { id: nodeId(ctx.file, link.kind, link.span), span: link.span };
    acc = binaryLink(link, ctx, linkBase, acc);
  }
  return acc;
}

/** One binary operation; `done` is its left operand when the caller has already elaborated it. */
function binaryLink(e: BinaryExpr, ctx: Ctx, base: Base, done?: IrExpr): IrExpr {
  const op = e.op;
  if (op === 'en' || op === 'of') {
    const left = done === undefined ? condition(e.left, ctx) : asCondition(done, e.left, ctx);
    const right = condition(e.right, ctx);
    return { ...base, kind: op === 'en' ? 'and' : 'or', type: T.bool, left, right };
  }
  let left: IrExpr;
  let right: IrExpr;
  if (done !== undefined) {
    left = done;
    right = elaborate(e.right, ctx, left.type);
  } else if (isBareValue(e.left, ctx) && !isBareValue(e.right, ctx)) {
    right = elaborate(e.right, ctx);
    left = elaborate(e.left, ctx, right.type);
  } else {
    left = elaborate(e.left, ctx);
    right = elaborate(e.right, ctx, left.type);
  }
  const lt = left.type;
  const rt = right.type;
  switch (op) {
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const ordering = op !== '=' && op !== '<>';
      let compare: 'decimal' | 'date' | 'ordinal' | 'equal' = 'equal';
      let ok = compatible(lt, rt);
      const k = lt.kind === 'error' ? rt.kind : lt.kind;
      if (ok) {
        if (k === 'money' || k === 'rate' || k === 'quantity' || k === 'number' || k === 'percent')
          compare = 'decimal';
        else if (k === 'date') compare = 'date';
        else if (k === 'domain') compare = ordering ? 'ordinal' : 'equal';
        else if (ordering && k !== 'error') ok = false;
      }
      if (!ok)
        report(ctx, 'RW3004', e.opSpan, [cap(describe(lt, ctx.env.units)), describe(rt, ctx.env.units), op]);
      return { ...base, kind: 'compare', type: T.bool, op, compare, left, right };
    }
    case '+':
    case '-':
    case '×':
    case '/': {
      const type = arith(op, lt, rt);
      if (type === undefined) {
        if (op === '×' && (lt.kind === 'rate' || rt.kind === 'rate')) {
          const rate = lt.kind === 'rate' ? lt : rt;
          const other = lt.kind === 'rate' ? rt : lt;
          if (rate.kind === 'rate' && other.kind === 'quantity' && other.unit !== 'module') {
            const units = ctx.env.units;
            report(ctx, 'RW3002', e.opSpan, [rate.per, units.plural(other.unit), howToGet(rate.per, units)]);
            return { ...base, kind: 'arith', type: T.error, op, left, right };
          }
        }
        report(ctx, 'RW3003', e.opSpan, [op, describe(lt, ctx.env.units), describe(rt, ctx.env.units)]);
        return { ...base, kind: 'arith', type: T.error, op, left, right };
      }
      return { ...base, kind: 'arith', type, op, left, right };
    }
    default:
      return assertNever(op);
  }
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The result type of an arithmetic operation, or undefined when the operation makes no sense. */
export function arith(op: '+' | '-' | '×' | '/', a: Type, b: Type): Type | undefined {
  if (a.kind === 'error' || b.kind === 'error') return T.error;
  const scalar = (t: Type): boolean => t.kind === 'number' || t.kind === 'percent';
  switch (op) {
    case '+':
    case '-':
      if (a.kind === 'date' && b.kind === 'quantity' && (b.unit === 'dag' || b.unit === 'etmaal'))
        return T.date;
      if (op === '-' && a.kind === 'date' && b.kind === 'date') return T.quantity('dag');
      if (compatible(a, b) && isNumeric(a)) return join(a, b);
      if (scalar(a) && scalar(b)) return T.number;
      return undefined;
    case '×':
      if (a.kind === 'rate' && b.kind === 'quantity')
        return b.unit === 'module' || b.unit === a.per ? T.money : undefined;
      if (b.kind === 'rate' && a.kind === 'quantity')
        return a.unit === 'module' || a.unit === b.per ? T.money : undefined;
      if (scalar(b) && isNumeric(a))
        return a.kind === 'percent' && b.kind === 'number' ? T.percent : a.kind === 'percent' ? T.percent : a;
      if (scalar(a) && isNumeric(b)) return b;
      return undefined;
    case '/':
      if (a.kind === 'money' && b.kind === 'rate') return T.quantity(b.per);
      if (a.kind === 'money' && b.kind === 'quantity' && b.unit !== 'module') return T.rate(b.unit);
      if (compatible(a, b) && isNumeric(a)) return T.number;
      if (isNumeric(a) && scalar(b)) return a;
      return undefined;
    default:
      return assertNever(op);
  }
}
