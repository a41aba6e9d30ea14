/**
 * The canonical path: the IR compiled to json-rules-engine 7.3.
 *
 * Rules (`regel`) and module conditions (`toegestaan als`) become json-rules-engine rules. Their conditions are
 * `all`/`any`/`not` trees whose leaves use only our own decimal-, date- and ordinal-aware operators; a leaf's
 * operands are dynamic facts (`waarde`: an IR sub-expression computed with the decimal runtime, `rang`: the
 * position of a domain value, `waarden`: a list for `in`, `aangevraagd`: a module request). Tariff look-ups and
 * budget arithmetic are the dynamic fact `prijs`. Each condition's `name` and each event's `params.origin` is the
 * IR origin id. One engine per scope (beschikking, resultaat, each module) per program, built once and run per
 * item; results are sorted by declaration order, so rule order never matters.
 */
import type { Ir } from '../../dsl/index.js';
import { describe } from './describe.js';
import type { LeafObservation, Observe } from './describe.js';
import { interpret } from './interpret.js';
import { JreEngine } from './jre-adapter.js';
import type { FactFn, JreCondition, JreConditionResult, JreRule, OperatorFn } from './jre-adapter.js';
import { OPERATORS, operatorFor } from './jre-operators.js';
import { price } from './pricing.js';
import type { Priced, PriceTarget } from './pricing.js';
import { isRequested, loadProgram } from './runtime.js';
import type { Ctx, LoadedProgram } from './runtime.js';
import type { Answers, ConditionOutcome, FiredRule, ItemAnswer, ItemTask, Path, PriceTask } from './tasks.js';
import type { Value } from './values.js';

/** Compiles the boolean IR of one program to json-rules-engine condition trees. */
export class JreCompiler {
  /** Every expression a fact may be asked to compute, by origin id. */
  readonly exprs = new Map<string, Ir.Expr>();

  private ref(e: Ir.Expr): { fact: string; params: { expr: string } } {
    this.exprs.set(e.id, e);
    return { fact: 'waarde', params: { expr: e.id } };
  }

  private flatten(e: Ir.Expr, kind: 'and' | 'or'): Ir.Expr[] {
    return e.kind === kind ? [...this.flatten(e.left, kind), ...this.flatten(e.right, kind)] : [e];
  }

  condition(e: Ir.Expr): JreCondition {
    switch (e.kind) {
      case 'and':
        return { all: this.flatten(e, 'and').map((c) => this.condition(c)) };
      case 'or':
        return { any: this.flatten(e, 'or').map((c) => this.condition(c)) };
      case 'not':
        return { not: this.condition(e.operand) };
      case 'compare': {
        if (e.compare === 'ordinal') {
          const domain = e.left.type.kind === 'domain' ? e.left.type.name : '';
          this.exprs.set(e.left.id, e.left);
          this.exprs.set(e.right.id, e.right);
          return {
            name: e.id,
            fact: 'rang',
            params: { expr: e.left.id, domain },
            operator: operatorFor('ordinal', e.op),
            value: { fact: 'rang', params: { expr: e.right.id, domain } },
          };
        }
        const left = this.ref(e.left);
        return { name: e.id, ...left, operator: operatorFor(e.compare, e.op), value: this.ref(e.right) };
      }
      case 'in':
        for (const o of e.options) this.exprs.set(o.id, o);
        return {
          name: e.id,
          ...this.ref(e.value),
          operator: 'inLijst',
          value: { fact: 'waarden', params: { exprs: e.options.map((o) => o.id) } },
        };
      case 'isEmpty':
        return { name: e.id, ...this.ref(e.value), operator: e.negated ? 'nietLeeg' : 'leeg', value: true };
      case 'moduleRequested':
        return {
          name: e.id,
          fact: 'aangevraagd',
          params: e.variant === undefined ? { module: e.module } : { module: e.module, variant: e.variant },
          operator: 'isWaar',
          value: true,
        };
      default:
        return { name: e.id, ...this.ref(e), operator: 'isWaar', value: true };
    }
  }

  /** A rule whose top-level `all` holds the conjuncts of `when` (json-rules-engine copies the tree per run). */
  rule(origin: string, type: 'regel' | 'voorwaarde', when: Ir.Expr): JreRule {
    const all = this.flatten(when, 'and').map((c) => this.condition(c));
    return { name: origin, conditions: { all }, event: { type, params: { origin } } };
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function facts(rt: LoadedProgram, exprs: ReadonlyMap<string, Ir.Expr>): Record<string, FactFn<Ctx>> {
  const value = (id: string, ctx: Ctx): Value => {
    const e = exprs.get(id);
    return e ? interpret(e, ctx) : undefined;
  };
  return {
    waarde: (params, ctx) => value(str(params.expr), ctx),
    rang: (params, ctx) => {
      const v = value(str(params.expr), ctx);
      return typeof v === 'string' ? rt.ranks.get(str(params.domain))?.get(v) : undefined;
    },
    waarden: (params, ctx) =>
      (Array.isArray(params.exprs) ? params.exprs : []).map((id: unknown) => value(str(id), ctx)),
    aangevraagd: (params, ctx) =>
      isRequested(ctx, str(params.module), typeof params.variant === 'string' ? params.variant : undefined),
    prijs: (params, ctx) => {
      const module = str(params.module);
      const target: PriceTarget = module
        ? { kind: 'module', module, variant: typeof params.variant === 'string' ? params.variant : undefined }
        : { kind: 'budget' };
      return price(ctx, target, interpret);
    },
  };
}

/** The leaves json-rules-engine evaluated, by origin id, read back as observations for `describe`. */
function observer(rt: LoadedProgram, tree: JreConditionResult): Observe {
  const byName = new Map<string, JreConditionResult>();
  const walk = (c: JreConditionResult): void => {
    if (c.name !== undefined) byName.set(c.name, c);
    for (const x of c.all ?? []) walk(x);
    for (const x of c.any ?? []) walk(x);
    if (c.not) walk(c.not);
  };
  walk(tree);
  return (e): LeafObservation => {
    const c = byName.get(e.id);
    const outcome = c?.result === true;
    if (e.kind === 'compare' && e.compare === 'ordinal') {
      const values = rt.domains.get(e.left.type.kind === 'domain' ? e.left.type.name : '') ?? [];
      const name = (r: unknown): Value => (typeof r === 'number' ? values[r] : undefined);
      return { outcome, left: name(c?.factResult), right: name(c?.valueResult) };
    }
    if (e.kind === 'moduleRequested') return { outcome, left: undefined, right: undefined };
    const right = c?.valueResult;
    return {
      outcome,
      left: c?.factResult as Value,
      right: Array.isArray(right) ? (right as Value[]) : e.kind === 'compare' ? (right as Value) : undefined,
    };
  };
}

interface Compiled {
  readonly rt: LoadedProgram;
  readonly scopes: Readonly<Record<'beschikking' | 'resultaat', JreEngine<Ctx>>>;
  /** Per module: module-scope rules plus that module's conditions. */
  readonly modules: ReadonlyMap<string, JreEngine<Ctx>>;
  /** Module-scope rules only (a request for a module that does not exist in this version). */
  readonly moduleRules: JreEngine<Ctx>;
  readonly rules: ReadonlyMap<string, Ir.RuleDef>;
  readonly conditions: ReadonlyMap<string, Ir.ConditionDef>;
  readonly compiledRules: readonly JreRule[];
}

/** All json-rules-engine rules compiled for a program (for the operator proof and inspection). */
export function compileRules(program: Ir.Program): JreRule[] {
  const c = new JreCompiler();
  return [
    ...program.rules.map((r) => c.rule(r.origin.id, 'regel', r.when)),
    ...program.modules.flatMap((m) => m.conditions.map((k) => c.rule(k.origin.id, 'voorwaarde', k.when))),
  ];
}

export function jrePath(): Path {
  const compiled = new Map<LoadedProgram, Compiled>();
  const ops: Record<string, OperatorFn> = OPERATORS;

  const load = (program: Ir.Program): LoadedProgram => {
    const rt = loadProgram(program, interpret);
    const c = new JreCompiler();
    const ruleRules = (scope: Ir.Scope) =>
      program.rules.filter((r) => r.scope === scope).map((r) => c.rule(r.origin.id, 'regel', r.when));
    const condRules = (m: Ir.ModuleDef) => m.conditions.map((k) => c.rule(k.origin.id, 'voorwaarde', k.when));
    const b = ruleRules('beschikking');
    const r = ruleRules('resultaat');
    const m = ruleRules('module');
    const perModule = program.modules.map((def) => [def.name, [...m, ...condRules(def)]] as const);
    const f = facts(rt, c.exprs);
    const engine = (rules: readonly JreRule[]) => new JreEngine<Ctx>(rules, f, ops);
    compiled.set(rt, {
      rt,
      scopes: { beschikking: engine(b), resultaat: engine(r) },
      modules: new Map(perModule.map(([name, rules]) => [name, engine(rules)])),
      moduleRules: engine(m),
      rules: new Map(program.rules.map((x) => [x.origin.id, x])),
      conditions: new Map(program.modules.flatMap((x) => x.conditions.map((k) => [k.origin.id, k] as const))),
      compiledRules: [...b, ...r, ...perModule.flatMap(([, rules]) => rules)],
    });
    return rt;
  };

  const get = (rt: LoadedProgram): Compiled => {
    const c = compiled.get(rt);
    if (!c) throw new Error('program not loaded by this path');
    return c;
  };

  const NOTHING: ItemAnswer = { fired: [], conditions: [] };

  const answerItem = async (task: ItemTask, explain: boolean): Promise<ItemAnswer> => {
    const c = get(task.ctx.rt);
    const engine =
      task.scope === 'module'
        ? task.module
          ? (c.modules.get(task.module.name) ?? c.moduleRules)
          : c.moduleRules
        : c.scopes[task.scope];
    // A scope without rules and conditions has nothing to decide: no run.
    if (!engine.hasRules) return NOTHING;
    const run = await engine.run(task.ctx);
    const order = (origin: string) => c.rt.order.get(origin) ?? Number.MAX_SAFE_INTEGER;
    const sorted = [...run.results].sort((a, b) => order(a.origin) - order(b.origin));
    const fired: FiredRule[] = [];
    const conditions: ConditionOutcome[] = [];
    for (const res of sorted) {
      const rule = c.rules.get(res.origin);
      const condition = c.conditions.get(res.origin);
      const observe = () => observer(c.rt, res.conditions);
      if (rule && res.result)
        fired.push({ rule, details: explain ? describe(rule.when, observe(), true) : [] });
      if (condition)
        conditions.push({
          condition,
          ok: res.result,
          details: res.result && !explain ? [] : describe(condition.when, observe(), true),
        });
    }
    return { fired, conditions };
  };

  /** The dynamic fact `prijs` of a part, read on json-rules-engine's almanac (no rules run for it). */
  const answerPrice = async (task: PriceTask): Promise<Priced> => {
    const t = task.target;
    const params =
      t.kind === 'budget'
        ? {}
        : t.variant === undefined
          ? { module: t.module }
          : { module: t.module, variant: t.variant };
    return (await get(task.ctx.rt).moduleRules.fact(task.ctx, 'prijs', params)) as Priced;
  };

  return {
    name: 'jre',
    load,
    async answer(items, prices, explain): Promise<Answers> {
      // Independent runs, concurrently: json-rules-engine interleaves them on the microtask queue.
      const [answers, priced] = await Promise.all([
        Promise.all(items.map((t) => answerItem(t, explain))),
        Promise.all(prices.map(answerPrice)),
      ]);
      return { items: answers, prices: priced };
    },
  };
}
