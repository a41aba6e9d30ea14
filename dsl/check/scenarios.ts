/**
 * Scenarios: the given fields exist and have values of the right type, modules and variants exist, and the
 * expectations name known results, modules and rules. Lowers each scenario to the external case JSON.
 */
import type { Assignment, Expectation, Expr, InputLevel, Name, ScenarioDecl } from '../ast/ast.js';
import type { CaseJson, ExpectationDef, JsonValue, Type } from '../ir/ir.js';
import { assertNever } from '../text/span.js';
import { printExpr } from '../ast/print-expr.js';
import { percentToFraction } from './decimal-string.js';
import type { Env } from './env.js';
import { nodeId } from './expr.js';
import { suggest } from './suggest.js';
import { compatible, describe, T } from './types.js';

/**
 * What a version's scenarios may name besides its own declarations: the rules of the versions it builds on (a
 * rule this version withdrew still judges what began before it) and the refusal reasons of their modules.
 */
export interface ScenarioContext {
  readonly baseRules: ReadonlySet<string>;
  /** Per module, every `anders` reason in this version and the versions it builds on. */
  readonly reasons: ReadonlyMap<string, readonly string[]>;
}

export interface CheckedScenario {
  readonly decl: ScenarioDecl;
  readonly casus: CaseJson;
  readonly expectations: readonly ExpectationDef[];
}

/** A literal's value and type, or undefined (reported) when it is not a literal. */
function literal(
  e: Expr,
  expected: Type,
  variants: { readonly module: string; readonly names: readonly string[] } | undefined,
  file: string,
  env: Env,
  lenient: boolean,
): { value: JsonValue; type: Type } | undefined {
  switch (e.kind) {
    case 'NumberLit':
      return {
        value: e.value,
        type: expected.kind === 'quantity' || expected.kind === 'money' ? expected : T.number,
      };
    case 'MoneyLit': {
      const per = e.per === undefined ? undefined : env.units.check(e.per, file, e.perSpan ?? e.span);
      return {
        value: e.value,
        type: e.per === undefined ? T.money : per === undefined ? T.error : T.rate(per),
      };
    }
    case 'PercentLit':
      return { value: percentToFraction(e.value), type: T.percent };
    case 'QuantityLit': {
      const unit = env.units.check(e.unit, file, e.unitSpan);
      return { value: e.value, type: unit === undefined ? T.error : T.quantity(unit) };
    }
    case 'DateLit':
      return { value: e.value, type: T.date };
    case 'PeriodLit':
      return { value: { van: e.from.value, tot: e.to.value }, type: T.period };
    case 'StringLit':
      // `variant = "rit"` is the quoted form of `variant = rit`: the variant must exist either way.
      if (variants && !lenient && !variants.names.includes(e.value))
        env.reporter.report(
          file,
          'RW2003',
          e.span,
          [e.value, variants.module],
          suggest(e.value, variants.names),
        );
      return { value: e.value, type: variants ? expected : T.text };
    case 'BoolLit':
      return { value: e.value, type: T.bool };
    case 'Unary':
      if (e.op === '-' && e.operand.kind === 'NumberLit')
        return { value: `-${e.operand.value}`, type: T.number };
      break;
    case 'Ref': {
      const n = e.name.text;
      if (variants) {
        if (!lenient && !variants.names.includes(n)) {
          env.reporter.report(file, 'RW2003', e.name.span, [n, variants.module], suggest(n, variants.names));
        }
        return { value: n, type: expected };
      }
      if (expected.kind === 'domain') {
        const d = env.domains.get(expected.name);
        if (d && !lenient && !d.index.has(n)) {
          env.reporter.report(file, 'RW2011', e.name.span, [n, expected.name], suggest(n, d.values));
        }
        return { value: n, type: expected };
      }
      if (expected.kind === 'text') return { value: n, type: T.text };
      const doms = env.valueDomains.get(n);
      if (doms?.length === 1 && doms[0]) return { value: n, type: T.domain(doms[0]) };
      break;
    }
    case 'ErrorExpr':
      return undefined;
    default:
      break;
  }
  env.reporter.report(file, 'RW5007', e.span);
  return undefined;
}

const isWhole = (t: Type): boolean => t.kind === 'number' && t.whole === true;

function assignments(
  list: readonly Assignment[],
  level: InputLevel,
  what: string,
  variants: { readonly module: string; readonly names: readonly string[] } | undefined,
  file: string,
  env: Env,
  into: Record<string, JsonValue>,
  lenient: boolean,
): void {
  const fields = env.fields[level];
  const seen = new Set<string>();
  for (const a of list) {
    const name = a.name.text;
    if (seen.has(name)) env.reporter.report(file, 'RW5010', a.name.span, [name, what]);
    seen.add(name);
    const f = fields.get(name);
    if (!f) {
      if (lenient) {
        const lit = literal(a.value, T.text, undefined, file, env, lenient);
        if (lit) into[name] = lit.value;
        continue;
      }
      env.reporter.report(file, 'RW2012', a.name.span, [name, level], suggest(name, fields.keys()));
      continue;
    }
    const lit = literal(a.value, f.type, name === 'variant' ? variants : undefined, file, env, lenient);
    if (!lit) continue;
    if (!lenient && !compatible(lit.type, f.type)) {
      env.reporter.report(file, 'RW5006', a.value.span, [
        name,
        describe(f.type, env.units),
        describe(lit.type, env.units),
      ]);
    } else if (!lenient && isWhole(f.type) && typeof lit.value === 'string' && !/^\d+$/.test(lit.value)) {
      env.reporter.report(file, 'RW3301', a.value.span, [name, printExpr(a.value)]);
    }
    into[name] = lit.value;
  }
}

export function checkScenario(
  decl: ScenarioDecl,
  file: string,
  env: Env,
  context: ScenarioContext = { baseRules: new Set(), reasons: new Map() },
): CheckedScenario {
  const rep = env.reporter;
  const casus: Record<string, JsonValue> = {};
  const resultaten: JsonValue[] = [];
  const modules: JsonValue[] = [];
  const resultIds = new Set<string>();
  // A scenario that expects an invalid case may give invalid values: the input validation judges them.
  const lenient = decl.expectations.some((x) => x.kind === 'ExpectInvalid');
  for (const g of decl.given) {
    switch (g.kind) {
      case 'GivenField':
        assignments([g.field], 'beschikking', 'scenario', undefined, file, env, casus, lenient);
        break;
      case 'GivenResult': {
        if (resultIds.has(g.id.text)) rep.report(file, 'RW5008', g.id.span, [g.id.text]);
        resultIds.add(g.id.text);
        const r: Record<string, JsonValue> = { id: g.id.text };
        assignments(g.fields, 'resultaat', 'resultaat', undefined, file, env, r, lenient);
        resultaten.push(r);
        break;
      }
      case 'GivenModule': {
        const m = env.items.modules.get(g.module.text);
        if (!m && !lenient) {
          rep.report(
            file,
            'RW2002',
            g.module.span,
            [g.module.text],
            suggest(g.module.text, env.items.modules.keys()),
          );
        }
        const r: Record<string, JsonValue> = { module: g.module.text };
        if (g.id) r.id = g.id.text;
        const variants = { module: g.module.text, names: m?.decl.variants.map((v) => v.name.text) ?? [] };
        assignments(g.fields, 'module', 'module', variants, file, env, r, lenient);
        modules.push(r);
        break;
      }
      default:
        assertNever(g);
    }
  }
  // A module request that names its result (`resultaat = r9`) must name one of this scenario's results.
  if (!lenient) {
    for (const g of decl.given) {
      if (g.kind !== 'GivenModule') continue;
      const a = g.fields.find((f) => f.name.text === 'resultaat');
      const id =
        a === undefined ? undefined : a.value.kind === 'StringLit' ? a.value.value : printExpr(a.value);
      if (a === undefined || id === undefined || resultIds.has(id) || a.value.kind === 'ErrorExpr') continue;
      rep.report(
        file,
        'RW2801',
        a.value.span,
        [g.module.text, id, resultIds.size > 0 ? [...resultIds].join(', ') : 'geen'],
        suggest(id, resultIds),
      );
    }
  }
  casus.resultaten = resultaten;
  casus.modules = modules;
  const expectations = decl.expectations.map((x) => expectation(x, file, env, resultIds, context));
  return { decl, casus, expectations };
}

function amountOf(e: Expr, file: string, env: Env): string {
  if (e.kind === 'MoneyLit' && !e.per) return e.value;
  if (e.kind !== 'ErrorExpr')
    env.reporter.report(file, 'RW5009', e.span, ['een bedrag (€ …)', 'iets anders']);
  return '0';
}

function expectation(
  x: Expectation,
  file: string,
  env: Env,
  resultIds: ReadonlySet<string>,
  context: ScenarioContext,
): ExpectationDef {
  const origin = { id: nodeId(file, x.kind, x.span), span: x.span };
  const rep = env.reporter;
  const checkResult = (id: Name): void => {
    if (!resultIds.has(id.text)) rep.report(file, 'RW2014', id.span, [id.text], suggest(id.text, resultIds));
  };
  const checkModule = (m: Name): void => {
    if (!env.items.modules.has(m.text))
      rep.report(file, 'RW2002', m.span, [m.text], suggest(m.text, env.items.modules.keys()));
  };
  switch (x.kind) {
    case 'ExpectTotal':
      return { kind: 'total', amount: amountOf(x.amount, file, env), origin };
    case 'ExpectResult':
      checkResult(x.id);
      return { kind: 'result', id: x.id.text, amount: amountOf(x.amount, file, env), origin };
    case 'ExpectModuleAmount':
      checkModule(x.module);
      return { kind: 'moduleAmount', module: x.module.text, amount: amountOf(x.amount, file, env), origin };
    case 'ExpectModuleDecision': {
      checkModule(x.module);
      if (x.reason === undefined)
        return { kind: 'moduleDecision', module: x.module.text, allowed: x.allowed, origin };
      // The expected reason must be (part of) a reason the module can give, or the note of an onbepaald condition.
      const reasons = context.reasons.get(x.module.text) ?? [];
      const r = x.reason.value;
      if (
        env.items.modules.has(x.module.text) &&
        !r.startsWith('Niet te beoordelen') &&
        !reasons.some((k) => k.includes(r))
      )
        rep.report(file, 'RW5402', x.reason.span, [r, x.module.text], suggest(r, reasons));
      return { kind: 'moduleDecision', module: x.module.text, allowed: false, reason: r, origin };
    }
    case 'ExpectDiagnostic':
    case 'ExpectNoDiagnostic':
      if (!env.items.rules.has(x.rule.value) && !context.baseRules.has(x.rule.value)) {
        rep.report(
          file,
          'RW2013',
          x.rule.span,
          [x.rule.value],
          suggest(x.rule.value, [...env.items.rules.keys(), ...context.baseRules]),
        );
      }
      return {
        kind: x.kind === 'ExpectDiagnostic' ? 'diagnostic' : 'noDiagnostic',
        severity: x.severity,
        rule: x.rule.value,
        origin,
      };
    case 'ExpectNoErrors':
      return { kind: 'noErrors', origin };
    case 'ExpectNoWarnings':
      return { kind: 'noWarnings', origin };
    case 'ExpectInvalid':
      return { kind: 'invalid', origin };
    case 'ExpectHours': {
      checkResult(x.id);
      const h = x.hours;
      let hours = '0';
      if ((h.kind === 'QuantityLit' && h.unit === 'uur') || h.kind === 'NumberLit') hours = h.value;
      else if (h.kind !== 'ErrorExpr') rep.report(file, 'RW5009', h.span, ['een aantal uren', 'iets anders']);
      return { kind: 'hours', id: x.id.text, hours, origin };
    }
    default:
      return assertNever(x);
  }
}
