/**
 * The one place that touches json-rules-engine's loosely typed API. Everything else sees these narrow types.
 */
import { Almanac, Engine } from 'json-rules-engine';
import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';

export type JsonParam = string | number | boolean | readonly string[];

/** A leaf: `fact(params) operator value`, where value may itself be a fact reference. */
export interface JreLeaf {
  readonly name: string;
  readonly fact: string;
  readonly params?: Readonly<Record<string, JsonParam>>;
  readonly operator: string;
  /** A constant (a decimal as its text, a date, a domain value, a list of domain values) or another fact. */
  readonly value:
    | boolean
    | string
    | readonly (string | boolean)[]
    | { readonly fact: string; readonly params?: Readonly<Record<string, JsonParam>> };
}

export type JreCondition =
  | JreLeaf
  | { readonly name?: string; readonly all: readonly JreCondition[] }
  | { readonly name?: string; readonly any: readonly JreCondition[] }
  | { readonly name?: string; readonly not: JreCondition };

export interface JreRule {
  readonly name: string;
  readonly conditions: { readonly all: readonly JreCondition[] };
  readonly event: { readonly type: string; readonly params: { readonly origin: string } };
}

/** A condition node after a run, as json-rules-engine reports it. */
export interface JreConditionResult {
  readonly name?: string;
  readonly all?: readonly JreConditionResult[];
  readonly any?: readonly JreConditionResult[];
  readonly not?: JreConditionResult;
  readonly result?: boolean;
  readonly factResult?: unknown;
  readonly valueResult?: unknown;
}

export interface JreRuleResult {
  readonly origin: string;
  readonly result: boolean;
  readonly conditions: JreConditionResult;
}

export interface JreRun {
  readonly results: readonly JreRuleResult[];
  /** Read a (dynamic) fact on the run's almanac, with the run's fact cache. */
  fact(id: string, params: Readonly<Record<string, JsonParam>>): Promise<unknown>;
}

/** A dynamic fact: computed synchronously from its params and the run's context (json-rules-engine awaits it). */
export type FactFn<C> = (params: Readonly<Record<string, unknown>>, ctx: C) => unknown;
export type OperatorFn = (left: unknown, right: unknown) => boolean;

/** The almanac of one run: json-rules-engine's own, carrying the run's context for our facts. */
class ContextAlmanac<C> extends Almanac {
  constructor(readonly context: C) {
    super({ allowUndefinedFacts: true });
  }
}

/**
 * A json-rules-engine Engine with our facts and operators, built once and run many times.
 *
 * Cost contract: facts are registered with `cache: false` (json-rules-engine would otherwise hash every fact's
 * params with hash-it on every lookup); our facts are cheap and memoise calculations themselves in the context.
 * The context of a run rides on its almanac, so a fact reads it synchronously instead of awaiting a runtime fact.
 */
export class JreEngine<C> {
  private readonly engine: Engine;
  private readonly facts: readonly [string, FactFn<C>][];
  /** False when there are no rules: a run would only answer "nothing fired". */
  readonly hasRules: boolean;

  constructor(
    rules: readonly JreRule[],
    facts: Readonly<Record<string, FactFn<C>>>,
    operators: Readonly<Record<string, OperatorFn>>,
  ) {
    this.engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: false });
    this.facts = Object.entries(facts);
    this.hasRules = rules.length > 0;
    for (const [name, fn] of Object.entries(operators)) this.engine.addOperator<unknown, unknown>(name, fn);
    for (const [id, fn] of this.facts) {
      this.engine.addFact(
        id,
        (params: Record<string, unknown>, almanac: Almanac) =>
          fn(params, (almanac as ContextAlmanac<C>).context),
        { cache: false },
      );
    }
    for (const rule of rules) this.engine.addRule(rule as unknown as RuleProperties);
  }

  /** The compiled rules, as json-rules-engine holds them (for inspection in tests). */
  static conditionsOf(rule: JreRule): TopLevelCondition {
    return rule.conditions as unknown as TopLevelCondition;
  }

  async run(context: C): Promise<JreRun> {
    const out = await this.engine.run({}, { almanac: new ContextAlmanac(context) });
    const toResult = (r: (typeof out.results)[number]): JreRuleResult => ({
      origin: String((r.event?.params as { origin?: unknown } | undefined)?.origin ?? r.name),
      result: r.result === true,
      conditions: r.conditions as unknown as JreConditionResult,
    });
    const almanac = out.almanac;
    return {
      results: [...out.results.map(toResult), ...out.failureResults.map(toResult)],
      fact: (id, params) => almanac.factValue(id, { ...params }),
    };
  }

  /** A dynamic fact read on a fresh almanac of its own (no rules run), e.g. the price of a part. */
  fact(context: C, id: string, params: Readonly<Record<string, JsonParam>>): Promise<unknown> {
    const almanac = new ContextAlmanac(context);
    const fn = this.facts.find(([factId]) => factId === id)?.[1];
    if (fn) almanac.addFact(id, (p: Record<string, unknown>) => fn(p, context), { cache: false });
    return almanac.factValue(id, { ...params });
  }
}
