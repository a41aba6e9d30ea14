/**
 * CST → AST for a whole `.regels` file: the header and the dispatch per declaration kind. Never throws, also not
 * on partial CSTs from error recovery: missing parts become {@link A.ErrorExpr}, empty names and zero-width spans
 * inside the text. The CST is read through its generated typings (dsl/syntax/cst.ts), never by string keys;
 * the builders per concern are in from-cst-decls.ts, from-cst-table.ts, from-cst-module.ts,
 * from-cst-scenario.ts and from-cst-expr.ts.
 */
import type { CstNode } from 'chevrotain';
import type { DiagnosticSink } from '../diagnostics/diagnostic.js';
import type { DeclarationCstNode, FileCstNode, HeaderCstNode } from '../syntax/cst.js';
import type { Span } from '../text/span.js';
import type * as A from './ast.js';
import { after, at, dateOf, has, nameOf, ownSpan, stringOf, sub, tok, toks, tokSpan } from './cst-access.js';
import {
  buildBandwidth,
  buildCalc,
  buildDomain,
  buildIndexation,
  buildInput,
  buildParameter,
  buildProvision,
  buildRule,
  buildUnitDecl,
  buildWithdraw,
} from './from-cst-decls.js';
import { buildAllocation, buildBudget, buildModule } from './from-cst-module.js';
import { buildScenario } from './from-cst-scenario.js';
import { buildTable } from './from-cst-table.js';

export function buildFile(
  file: FileCstNode,
  declNodes: readonly DeclarationCstNode[],
  textLength: number,
  sink: DiagnosticSink,
): A.RulesFile {
  const headerNode = sub(file.children.header);
  const header = headerNode === undefined ? undefined : buildHeader(headerNode);
  const decls: A.Decl[] = [];
  for (const d of declNodes) {
    const decl = buildDecl(d, sink);
    if (decl !== undefined) decls.push(decl);
  }
  return { kind: 'RulesFile', header, decls, span: { start: 0, end: textLength } };
}

function buildHeader(node: HeaderCstNode): A.Header {
  const c = node.children;
  const strings = toks(c.StringLiteral);
  const first = tok(c.Start_regelset);
  const fb = first === undefined ? at(0) : tokSpan(first);
  const versie = tok(c.Start_versie);
  const dates = toks(c.DateLiteral);
  // Strings are consumed in order: regelset, versie, [basis], [bron], [gemeente].
  let i = 0;
  const ruleset = stringOf(strings[i++], after(first, fb));
  const version = stringOf(strings[i++], after(versie, fb));
  const base = has(c.Kw_basis) ? stringOf(strings[i++], fb) : undefined;
  const source = has(c.Start_bron) ? stringOf(strings[i++], fb) : undefined;
  let municipality: A.Name | undefined;
  const gem = tok(c.Start_gemeente);
  if (gem !== undefined) {
    const s = strings[i];
    municipality =
      s !== undefined
        ? { kind: 'Name', text: stringOf(s, fb).value, span: tokSpan(s) }
        : nameOf(tok(c.Name), after(gem, fb));
  }
  const validFrom = dateOf(dates[0], after(tok(c.Start_geldig), fb));
  const validTo = has(c.Kw_tot) && dates[1] !== undefined ? dateOf(dates[1], fb) : undefined;
  const status: A.Status | undefined = has(c.Kw_concept)
    ? 'concept'
    : has(c.Kw_vastgesteld)
      ? 'vastgesteld'
      : undefined;
  return {
    kind: 'Header',
    ruleset,
    version,
    base,
    validFrom,
    validTo,
    status,
    source,
    municipality,
    span: ownSpan(node, fb),
  };
}

/** One declaration: its node holds exactly one child, the declaration of its kind. */
function buildDecl(node: DeclarationCstNode, sink: DiagnosticSink): A.Decl | undefined {
  const c = node.children;
  const fb = (d: CstNode): Span => ownSpan(d, at(0));
  const domain = sub(c.domainDecl);
  if (domain !== undefined) return buildDomain(domain, fb(domain));
  const bandwidth = sub(c.bandwidthDecl);
  if (bandwidth !== undefined) return buildBandwidth(bandwidth, fb(bandwidth));
  const input = sub(c.inputDecl);
  if (input !== undefined) return buildInput(input, fb(input));
  const parameter = sub(c.parameterDecl);
  if (parameter !== undefined) return buildParameter(parameter, fb(parameter));
  const table = sub(c.tableDecl);
  if (table !== undefined) return buildTable(table, fb(table), sink);
  const calc = sub(c.calcDecl);
  if (calc !== undefined) return buildCalc(calc, fb(calc));
  const budget = sub(c.budgetDecl);
  if (budget !== undefined) return buildBudget(budget, fb(budget), sink);
  const module = sub(c.moduleDecl);
  if (module !== undefined) return buildModule(module, fb(module));
  const rule = sub(c.ruleDecl);
  if (rule !== undefined) return buildRule(rule, fb(rule));
  const provision = sub(c.provisionDecl);
  if (provision !== undefined) return buildProvision(provision, fb(provision));
  const scenario = sub(c.scenarioDecl);
  if (scenario !== undefined) return buildScenario(scenario, fb(scenario));
  const indexation = sub(c.indexationDecl);
  if (indexation !== undefined) return buildIndexation(indexation, fb(indexation));
  const withdraw = sub(c.withdrawDecl);
  if (withdraw !== undefined) return buildWithdraw(withdraw, fb(withdraw));
  const allocation = sub(c.allocationDecl);
  if (allocation !== undefined) return buildAllocation(allocation, fb(allocation), sink);
  const unit = sub(c.unitDecl);
  if (unit !== undefined) return buildUnitDecl(unit, fb(unit));
  return undefined;
}
