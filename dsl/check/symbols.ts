/**
 * The symbols a file declares, for the editor's language service (outline, go-to-definition).
 */
import type { Decl, RulesFile } from '../ast/ast.js';
import type { Span } from '../text/span.js';
import { assertNever } from '../text/span.js';

export type SymbolKind =
  | 'domein'
  | 'domeinwaarde'
  | 'bandbreedte'
  | 'veld'
  | 'parameter'
  | 'tabel'
  | 'berekening'
  | 'budget'
  | 'module'
  | 'variant'
  | 'regel'
  | 'voorziening'
  | 'scenario'
  | 'eenheid';

export interface SymbolDef {
  readonly kind: SymbolKind;
  readonly name: string;
  /** The name as written. */
  readonly span: Span;
  /** The whole declaration. */
  readonly declSpan: Span;
}

export interface FileSymbols {
  readonly definitions: readonly SymbolDef[];
}

export function fileSymbols(ast: RulesFile): FileSymbols {
  const out: SymbolDef[] = [];
  const add = (kind: SymbolKind, name: string, span: Span, declSpan: Span): void => {
    out.push({ kind, name, span, declSpan });
  };
  for (const d of ast.decls) collect(d, add);
  return { definitions: out };
}

function collect(d: Decl, add: (k: SymbolKind, n: string, s: Span, ds: Span) => void): void {
  switch (d.kind) {
    case 'DomainDecl':
      add('domein', d.name.text, d.name.span, d.span);
      for (const v of d.values) add('domeinwaarde', v.name.text, v.name.span, v.span);
      return;
    case 'BandwidthDecl':
      add('bandbreedte', d.name.text, d.name.span, d.span);
      return;
    case 'InputDecl':
      for (const f of d.fields) add('veld', f.name.text, f.name.span, f.span);
      return;
    case 'ParameterDecl':
      add('parameter', d.name.text, d.name.span, d.span);
      return;
    case 'TableDecl':
      add('tabel', d.name.text, d.name.span, d.span);
      return;
    case 'CalcDecl':
      add('berekening', d.name.text, d.name.span, d.span);
      return;
    case 'BudgetDecl':
      add('budget', 'budget', d.span, d.span);
      return;
    case 'ModuleDecl':
      add('module', d.name.text, d.name.span, d.span);
      for (const v of d.variants) add('variant', v.name.text, v.name.span, v.span);
      return;
    case 'RuleDecl':
      add('regel', d.name.value, d.name.span, d.span);
      return;
    case 'ProvisionDecl':
      add('voorziening', d.name.text, d.name.span, d.span);
      return;
    case 'ScenarioDecl':
      add('scenario', d.name.value, d.name.span, d.span);
      return;
    case 'UnitDecl':
      add('eenheid', d.name.text, d.name.span, d.span);
      return;
    case 'IndexationDecl':
    case 'WithdrawDecl':
    case 'AllocationDecl':
      return;
    default:
      assertNever(d);
  }
}
