/**
 * Checks one version: builds its environment over the effective items, checks bandwidths, tables, parameters,
 * calculations, budget, modules, rules, provisions and its own scenarios, and warns about unused items.
 * The result holds everything `lower` needs, already typed.
 */
import type { Expr as IrExpr, TableCellDef } from '../ir/ir.js';
import { checkAllocations, type CheckedAllocation } from './allocations.js';
import { checkBandwidths } from './bandwidths.js';
import {
  checkBudget,
  checkModule,
  checkProvision,
  checkRule,
  type CheckedBudget,
  type CheckedModule,
  type CheckedProvision,
} from './declarations.js';
import { buildEnv, type Env, type Reporter } from './env.js';
import { calcType, paramType, type Ctx } from './expr.js';
import { checkScenario, type CheckedScenario, type ScenarioContext } from './scenarios.js';
import { EmptyFieldCheck, shownField } from './empty-fields.js';
import { checkTable } from './tables.js';
import { checkIndexSelections } from './index-selection.js';
import { checkMunicipality, type VersionNode } from './versions.js';

export interface CheckedVersion {
  readonly node: VersionNode;
  readonly env: Env;
  readonly tableCells: ReadonlyMap<string, readonly TableCellDef[]>;
  readonly params: ReadonlyMap<string, IrExpr>;
  /** In dependency order. */
  readonly calcs: readonly { readonly name: string; readonly ir: IrExpr }[];
  readonly budget: CheckedBudget | undefined;
  readonly modules: readonly CheckedModule[];
  readonly rules: ReadonlyMap<string, IrExpr>;
  readonly provisions: readonly CheckedProvision[];
  readonly scenarios: readonly CheckedScenario[];
  readonly allocations: readonly CheckedAllocation[];
}

export function checkVersion(node: VersionNode, reporter: Reporter): CheckedVersion {
  const items = node.items;
  const env = buildEnv(items, reporter);
  checkMunicipality(node, env);
  checkBandwidths(env);
  const tableCells = new Map<string, readonly TableCellDef[]>();
  for (const [name, t] of items.tables) tableCells.set(name, checkTable(t, env));
  checkIndexSelections(node, env, tableCells);

  const params = new Map<string, IrExpr>();
  for (const [name, p] of items.parameters) {
    const ctx: Ctx = { env, file: p.origin.file, scope: 'beschikking', constant: true };
    paramType(name, p.decl.name.span, ctx);
    const ir = env.params.get(name)?.ir;
    if (ir) params.set(name, ir);
  }
  for (const [name, c] of items.calcs) {
    calcType(name, c.decl.name.span, { env, file: c.origin.file, scope: c.decl.scope, constant: false });
  }
  const calcs = env.calcOrder.flatMap((name) => {
    const ir = env.calcs.get(name)?.ir;
    return ir ? [{ name, ir }] : [];
  });
  const budget = items.budget ? checkBudget(items.budget, env) : undefined;
  const modules = [...items.modules.values()].map((m) => checkModule(m, env));
  const rules = new Map<string, IrExpr>();
  for (const [name, r] of items.rules) rules.set(name, checkRule(r, env));
  warnEmptyFields(env, items, modules, rules);
  const provisions = [...items.provisions.values()].map((p) => checkProvision(p, env));
  const allocations = checkAllocations(env, budget, modules);
  const scenarios = node.scenarios.map((s) => checkScenario(s, node.ref.file, env, scenarioContext(node)));

  // Unused items written in this version's own file.
  const own = node.ref.file;
  const unused = (
    kind: string,
    word: string,
    map: ReadonlyMap<
      string,
      { origin: { file: string }; decl: { name: { span: { start: number; end: number } } } }
    >,
  ): void => {
    for (const [name, item] of map) {
      if (item.origin.file === own && !env.used.has(`${kind}:${name}`)) {
        reporter.report(own, 'RW5101', item.decl.name.span, [word, name]);
      }
    }
  };
  unused('param', 'Parameter', items.parameters);
  unused('table', 'Tabel', items.tables);
  unused('calc', 'Berekening', items.calcs);

  return { node, env, tableCells, params, calcs, budget, modules, rules, provisions, scenarios, allocations };
}

/** RW5401: rules and module conditions that read an optional field without saying what empty means. */
function warnEmptyFields(
  env: Env,
  items: VersionNode['items'],
  modules: readonly CheckedModule[],
  rules: ReadonlyMap<string, IrExpr>,
): void {
  const check = new EmptyFieldCheck(env);
  const report = (
    file: string,
    r: { field: string; span: { start: number; end: number }; via: string | undefined },
  ) =>
    env.reporter.report(file, 'RW5401', r.span, [
      shownField(r.field),
      r.via === undefined ? '' : ` (via de berekening '${r.via}')`,
    ]);
  for (const [name, when] of rules) {
    const file = items.rules.get(name)?.origin.file;
    const rule = items.rules.get(name);
    if (file !== undefined && rule) for (const r of check.check(when, rule.decl.scope)) report(file, r);
  }
  for (const m of modules) {
    const handled = new Set<string>();
    for (const when of m.conditions)
      for (const r of check.check(when, 'module', handled)) report(m.eff.origin.file, r);
  }
}

/** The rules and refusal reasons of a version and the versions it builds on, for its scenarios. */
function scenarioContext(node: VersionNode): ScenarioContext {
  const baseRules = new Set<string>();
  const reasons = new Map<string, string[]>();
  for (let n: VersionNode | undefined = node; n !== undefined; n = n.base) {
    if (n !== node) for (const name of n.items.rules.keys()) baseRules.add(name);
    for (const [name, m] of n.items.modules) {
      const list = reasons.get(name) ?? [];
      for (const c of m.decl.conditions) if (!list.includes(c.reason.value)) list.push(c.reason.value);
      reasons.set(name, list);
    }
  }
  return { baseRules, reasons };
}
