/**
 * The canonical path: the IR compiled to json-rules-engine 7.3.
 *
 * Rules (`regel`) and module conditions (`toegestaan als`) become json-rules-engine rules. Their conditions are
 * `all`/`any`/`not` trees whose leaves use only our own decimal-, date- and ordinal-aware operators; a leaf's
 * operands are dynamic facts, one per operand (`waarde <id>`: an IR sub-expression computed with the decimal
 * runtime, `rang <id>`: the position of a domain value, `waarden <id>`: a list for `in`, `aangevraagd <module>`:
 * a module request). Tariff look-ups and budget arithmetic are the dynamic fact `prijs`. Each condition's `name` and each event's `params.origin` is the
 * IR origin id. One engine per scope (beschikking, resultaat, each module) per program, built once and run per
 * item; results are sorted by declaration order, so rule order never matters.
 */
import type { Ir } from '../../dsl/index.js';
import { describe } from './describe.js';
import type { LeafObservation, Observe } from './describe.js';
import { interpret } from './interpret.js';
import { JreEngine } from './jre-adapter.js';
import type { FactFn, JreCondition, JreConditionResult, JreRule, OperatorFn } from './jre-adapter.js';
import { LENIENT, operatorFor, operators } from './jre-operators.js';
import { Emptiness } from './emptiness.js';
import { price } from './pricing.js';
import type { Priced, PriceTarget } from './pricing.js';
import { constant } from './builtins.js';
import { loadProgram } from './load.js';
import { inList, isRequested } from './runtime.js';
import type { EngineCache } from './cache.js';
import type { CellUse, Ctx, LoadedProgram } from './runtime.js';
import { NO_CELLS, priceNeeded } from './tasks.js';
import type { Answers, ConditionOutcome, FiredRule, ItemAnswer, ItemTask, Path, PriceTask } from './tasks.js';
import type { Value } from './values.js';

/**
 * Compiles the boolean IR of one program to json-rules-engine condition trees.
 *
 * Every operand is its own parameterless dynamic fact, named after what it computes (`waarde <expr id>`,
 * `rang <expr id>`, `waarden <expr id>`, `aangevraagd <module>[/<variant>]`). A leaf is then one small object:
 * json-rules-engine deep-copies a rule's condition tree for every rule result, so small trees keep runs cheap.
 */
export class JreCompiler {
  /** Every fact a compiled condition refers to, by fact id. */
  readonly facts = new Map<string, FactFn<Ctx>>();

  private fact(id: string, fn: FactFn<Ctx>): string {
    if (!this.facts.has(id)) this.facts.set(id, fn);
    return id;
  }

  private value(e: Ir.Expr): string {
    return this.fact(`waarde ${e.id}`, (_, ctx) => interpret(e, ctx));
  }

  private rank(e: Ir.Expr): string {
    const domain = e.type.kind === 'domain' ? e.type.name : '';
    return this.fact(`rang ${e.id}`, (_, ctx) => {
      const v = interpret(e, ctx);
      return typeof v === 'string' ? ctx.rt.ranks.get(domain)?.get(v) : undefined;
    });
  }

  /** The operands of a chain of `en` (or `of`), in order; with a stack, not recursion (chains can be long). */
  private flatten(e: Ir.Expr, kind: 'and' | 'or'): Ir.Expr[] {
    const out: Ir.Expr[] = [];
    const stack: Ir.Expr[] = [e];
    for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
      if (x.kind === kind) stack.push(x.right, x.left);
      else out.push(x);
    }
    return out;
  }

  /**
   * The condition tree of `e`. Strict (the default): a leaf holds only when it is ja. Lenient: a leaf also holds
   * when it is onbepaald (it compared an empty value). `niet` turns one into the other for its operand, so the
   * strict tree holds exactly when `e` is ja and the lenient tree exactly when `e` is ja or onbepaald.
   */
  condition(e: Ir.Expr, lenient = false): JreCondition {
    switch (e.kind) {
      case 'and':
        return { all: this.flatten(e, 'and').map((c) => this.condition(c, lenient)) };
      case 'or':
        return { any: this.flatten(e, 'or').map((c) => this.condition(c, lenient)) };
      case 'not': {
        // `niet niet x` is `x`: only the parity of a run of `niet` matters (no nesting per `niet`).
        let inner: Ir.Expr = e.operand;
        let odd = true;
        while (inner.kind === 'not') {
          inner = inner.operand;
          odd = !odd;
        }
        return odd ? { not: this.condition(inner, !lenient) } : this.condition(inner, lenient);
      }
      case 'compare':
        if (e.compare === 'ordinal')
          return {
            name: e.id,
            fact: this.rank(e.left),
            operator: operatorFor('ordinal', e.op, lenient),
            value: { fact: this.rank(e.right) },
          };
        // A constant right-hand side (`leeftijd >= 18 jaar`, `wet = jeugdwet`) is the leaf's value itself: no
        // fact to compute per run, and a smaller tree for json-rules-engine to copy.
        return {
          name: e.id,
          fact: this.value(e.left),
          operator: operatorFor(e.compare, e.op, lenient),
          value: e.right.kind === 'const' ? e.right.value : { fact: this.value(e.right) },
        };
      case 'in': {
        const options = e.options;
        const texts = constantTexts(options);
        const operator = lenient ? `inLijst${LENIENT}` : 'inLijst';
        if (texts) return { name: e.id, fact: this.value(e.value), operator, value: texts };
        const list = this.fact(`waarden ${e.id}`, (_, ctx) => options.map((o) => interpret(o, ctx)));
        return { name: e.id, fact: this.value(e.value), operator, value: { fact: list } };
      }
      case 'isEmpty':
        return {
          name: e.id,
          fact: this.value(e.value),
          operator: e.negated ? 'nietLeeg' : 'leeg',
          value: true,
        };
      case 'moduleRequested': {
        const { module, variant } = e;
        const id = `aangevraagd ${variant === undefined ? module : `${module}/${variant}`}`;
        return {
          name: e.id,
          fact: this.fact(id, (_, ctx) => isRequested(ctx, module, variant)),
          operator: 'isWaar',
          value: true,
        };
      }
      default:
        return {
          name: e.id,
          fact: this.value(e),
          operator: lenient ? `isWaar${LENIENT}` : 'isWaar',
          value: true,
        };
    }
  }

  /** A rule whose top-level `all` holds the conjuncts of `when` (json-rules-engine copies the tree per run). */
  rule(origin: string, type: 'regel' | 'voorwaarde', when: Ir.Expr): JreRule {
    const all = this.flatten(when, 'and').map((c) => this.condition(c));
    return { name: origin, conditions: { all }, event: { type, params: { origin } } };
  }

  /**
   * The lenient twin of a rule (origin and name end in `?`): it fires when `when` is ja or onbepaald. Made only
   * for conditions that can be onbepaald (see Emptiness); strictly nee but leniently ja means onbepaald.
   */
  lenientRule(origin: string, type: 'regel' | 'voorwaarde', when: Ir.Expr): JreRule {
    const all = this.flatten(when, 'and').map((c) => this.condition(c, true));
    const name = `${origin}${UNDETERMINED}`;
    return { name, conditions: { all }, event: { type, params: { origin: name } } };
  }

  /** The rule, and its lenient twin when the condition can be onbepaald. */
  rules(origin: string, type: 'regel' | 'voorwaarde', when: Ir.Expr, emptiness: Emptiness): JreRule[] {
    const strict = this.rule(origin, type, when);
    return emptiness.mayBeEmpty(when) ? [strict, this.lenientRule(origin, type, when)] : [strict];
  }

  /** The facts `rules` refer to, plus `prijs` (the price of a result or module request, read after a run). */
  factsFor(rules: readonly JreRule[]): Record<string, FactFn<Ctx>> {
    const out: Record<string, FactFn<Ctx>> = { prijs };
    const visit = (c: JreCondition): void => {
      if ('all' in c) c.all.forEach(visit);
      else if ('any' in c) c.any.forEach(visit);
      else if ('not' in c) visit(c.not);
      else
        for (const id of [
          c.fact,
          typeof c.value === 'object' && 'fact' in c.value ? c.value.fact : undefined,
        ]) {
          const fn = id === undefined ? undefined : this.facts.get(id);
          if (id !== undefined && fn) out[id] = fn;
        }
    };
    for (const r of rules) r.conditions.all.forEach(visit);
    return out;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The suffix of a lenient rule's name and origin. */
const UNDETERMINED = '?';
const strictName = (name: string): string =>
  name.endsWith(UNDETERMINED) ? name.slice(0, -UNDETERMINED.length) : name;

/**
 * The options of an `in` list as plain values when every option is a constant whose value is its text or a
 * boolean (domain values, texts, dates, ja/nee); undefined when an option is computed or a decimal.
 */
function constantTexts(options: readonly Ir.Expr[]): (string | boolean)[] | undefined {
  const out: (string | boolean)[] = [];
  for (const o of options) {
    if (o.kind !== 'const') return undefined;
    const k = o.type.kind;
    if (k !== 'domain' && k !== 'text' && k !== 'date' && k !== 'bool') return undefined;
    out.push(o.value);
  }
  return out;
}

/** The dynamic fact `prijs`: params `{}` (a result's budget) or `{ module, variant? }`. */
const prijs: FactFn<Ctx> = (params, ctx) => {
  const module = str(params.module);
  const target: PriceTarget = module
    ? { kind: 'module', module, variant: typeof params.variant === 'string' ? params.variant : undefined }
    : { kind: 'budget' };
  return price(ctx, target, interpret);
};

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
    const held = c?.result === true;
    // Onbepaald: a comparison with an empty operand (the strict tree says nee; the values say why).
    const three = (left: Value, right: Value | readonly Value[] | undefined): boolean | undefined => {
      if (c === undefined) return held;
      switch (e.kind) {
        case 'compare':
          return left === undefined || right === undefined ? undefined : held;
        case 'in':
          return inList(left, Array.isArray(right) ? (right as Value[]) : []);
        case 'isEmpty':
        case 'moduleRequested':
          return held;
        default:
          return left === undefined ? undefined : held;
      }
    };
    if (e.kind === 'compare' && e.compare === 'ordinal') {
      const values = rt.domains.get(e.left.type.kind === 'domain' ? e.left.type.name : '') ?? [];
      const name = (r: unknown): Value => (typeof r === 'number' ? values[r] : undefined);
      const left = name(c?.factResult);
      const right = name(c?.valueResult);
      return { outcome: three(left, right), left, right };
    }
    if (e.kind === 'moduleRequested') return { outcome: held, left: undefined, right: undefined };
    if (e.kind === 'compare' && e.right.kind === 'const') {
      const left = c?.factResult as Value;
      const right = constant(e.right, rt.cache.runtime);
      return { outcome: three(left, right), left, right };
    }
    const raw = c?.valueResult;
    const left = c?.factResult as Value;
    const right = Array.isArray(raw) ? (raw as Value[]) : e.kind === 'compare' ? (raw as Value) : undefined;
    return { outcome: three(left, right), left, right };
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
  /** An engine with only some rules (see ItemTask.only), by their origin ids; built on first use. */
  readonly subsets: Map<ReadonlySet<string>, JreEngine<Ctx>>;
  readonly subset: (only: ReadonlySet<string>) => JreEngine<Ctx>;
}

/** All json-rules-engine rules compiled for a program (for the operator proof and inspection). */
export function compileRules(program: Ir.Program): JreRule[] {
  const c = new JreCompiler();
  const em = new Emptiness(program);
  return [
    ...program.rules.flatMap((r) => c.rules(r.origin.id, 'regel', r.when, em)),
    ...program.modules.flatMap((m) =>
      m.conditions.flatMap((k) => c.rules(k.origin.id, 'voorwaarde', k.when, em)),
    ),
  ];
}

export function jrePath(): Path {
  const compiled = new Map<LoadedProgram, Compiled>();
  // Built with the first program's engine cache (a path serves one engine).
  let ops: Readonly<Record<string, OperatorFn>> | undefined;

  const load = (program: Ir.Program, cache: EngineCache): LoadedProgram => {
    const rt = loadProgram(program, interpret, cache);
    const literal = (text: string) => cache.runtime.literal(text);
    const opsNow = (ops ??= operators(literal));
    const c = new JreCompiler();
    const em = new Emptiness(program);
    const ruleRules = (scope: Ir.Scope) =>
      program.rules
        .filter((r) => r.scope === scope)
        .flatMap((r) => c.rules(r.origin.id, 'regel', r.when, em));
    const condRules = (m: Ir.ModuleDef) =>
      m.conditions.flatMap((k) => c.rules(k.origin.id, 'voorwaarde', k.when, em));
    const b = ruleRules('beschikking');
    const r = ruleRules('resultaat');
    const m = ruleRules('module');
    const perModule = program.modules.map((def) => [def.name, [...m, ...condRules(def)]] as const);
    const engine = (rules: readonly JreRule[]) => new JreEngine<Ctx>(rules, c.factsFor(rules), opsNow);
    const all = [...b, ...r, ...m];
    const subsets = new Map<ReadonlySet<string>, JreEngine<Ctx>>();
    compiled.set(rt, {
      subsets,
      subset: (only) => {
        let e = subsets.get(only);
        if (!e) subsets.set(only, (e = engine(all.filter((x) => only.has(strictName(x.name))))));
        return e;
      },
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

  const NOTHING: ItemAnswer = { fired: [], conditions: [], cells: NO_CELLS };

  const answerItem = async (task: ItemTask, explain: boolean): Promise<ItemAnswer> => {
    const c = get(task.ctx.rt);
    const engine =
      task.only !== undefined
        ? c.subset(task.only)
        : task.scope === 'module'
          ? task.module
            ? (c.modules.get(task.module.name) ?? c.moduleRules)
            : c.moduleRules
          : c.scopes[task.scope];
    // A scope without rules and conditions has nothing to decide: no run.
    if (!engine.hasRules) return NOTHING;
    // When explaining, the cells the rules' facts read are recorded (each task has its own context).
    const trace: CellUse[] | undefined = explain ? [] : undefined;
    if (trace) task.ctx.cells = trace;
    const run = await engine.run(task.ctx).finally(() => {
      if (trace) task.ctx.cells = undefined;
    });
    const order = (origin: string) => c.rt.order.get(origin) ?? Number.MAX_SAFE_INTEGER;
    const subjects = c.rt.cache.subjects;
    // The lenient twins: which conditions held leniently (ja or onbepaald).
    const lenient = new Map<string, boolean>();
    for (const res of run.results)
      if (res.origin.endsWith(UNDETERMINED)) lenient.set(strictName(res.origin), res.result);
    const sorted = run.results
      .filter((r) => !r.origin.endsWith(UNDETERMINED))
      .sort((a, b) => order(a.origin) - order(b.origin));
    const fired: FiredRule[] = [];
    let undetermined: FiredRule[] | undefined;
    const conditions: ConditionOutcome[] = [];
    for (const res of sorted) {
      const rule = c.rules.get(res.origin);
      const condition = c.conditions.get(res.origin);
      const observe = () => observer(c.rt, res.conditions);
      const unknown = !res.result && lenient.get(res.origin) === true;
      if (rule && res.result)
        fired.push({
          rule,
          details: explain ? describe(rule.when, observe(), true, subjects, c.rt.program.units) : [],
        });
      if (rule && unknown)
        (undetermined ??= []).push({
          rule,
          details: describe(rule.when, observe(), true, subjects, c.rt.program.units),
        });
      if (condition) {
        const details =
          res.result && !explain
            ? []
            : describe(condition.when, observe(), true, subjects, c.rt.program.units);
        conditions.push(
          unknown
            ? { condition, ok: false, undetermined: true, details }
            : { condition, ok: res.result, details },
        );
      }
    }
    return undetermined
      ? { fired, undetermined, conditions, cells: trace ?? NO_CELLS }
      : { fired, conditions, cells: trace ?? NO_CELLS };
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
      // Independent runs, concurrently: json-rules-engine interleaves them on the microtask queue. A module's
      // price waits for its conditions (a refused module is not priced); the other prices start at once.
      const ungated = prices.map((t) => (t.gate === undefined ? answerPrice(t) : undefined));
      // Awaited together with the items: if an item fails, no started price is left rejected without a handler.
      const [answers] = await Promise.all([
        Promise.all(items.map((t) => answerItem(t, explain))),
        Promise.all(ungated),
      ]);
      const priced = await Promise.all(
        prices.map((t, i) => ungated[i] ?? (priceNeeded(t, items, answers) ? answerPrice(t) : undefined)),
      );
      return { items: answers, prices: priced };
    },
  };
}
