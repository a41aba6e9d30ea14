/**
 * The one place that touches json-rules-engine's loosely typed API. Everything else sees these narrow types.
 */
import { Engine } from 'json-rules-engine';
import type { Almanac, RuleProperties, TopLevelCondition } from 'json-rules-engine';

export type JsonParam = string | number | boolean | readonly string[];

/** A leaf: `fact(params) operator value`, where value may itself be a fact reference. */
export interface JreLeaf {
  readonly name: string;
  readonly fact: string;
  readonly params: Readonly<Record<string, JsonParam>>;
  readonly operator: string;
  readonly value: boolean | { readonly fact: string; readonly params: Readonly<Record<string, JsonParam>> };
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

export type FactFn = (
  params: Readonly<Record<string, unknown>>,
  fact: (id: string) => Promise<unknown>,
) => unknown;
export type OperatorFn = (left: unknown, right: unknown) => boolean;

/** A json-rules-engine Engine with our facts and operators, built once and run many times. */
export class JreEngine {
  private readonly engine: Engine;

  constructor(
    rules: readonly JreRule[],
    facts: Readonly<Record<string, FactFn>>,
    operators: Readonly<Record<string, OperatorFn>>,
  ) {
    this.engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: false });
    for (const [name, fn] of Object.entries(operators)) this.engine.addOperator<unknown, unknown>(name, fn);
    for (const [id, fn] of Object.entries(facts)) {
      this.engine.addFact(
        id,
        (params: Record<string, unknown>, almanac: Almanac) => fn(params, (f) => almanac.factValue(f)),
        { cache: true },
      );
    }
    for (const rule of rules) this.engine.addRule(rule as unknown as RuleProperties);
  }

  /** The compiled rules, as json-rules-engine holds them (for inspection in tests). */
  static conditionsOf(rule: JreRule): TopLevelCondition {
    return rule.conditions as unknown as TopLevelCondition;
  }

  async run(runtimeFacts: Readonly<Record<string, unknown>>): Promise<JreRun> {
    const out = await this.engine.run({ ...runtimeFacts });
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
}
