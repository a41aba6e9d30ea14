/**
 * What a file declares (definitions) and where names occur (occurrences), read from the AST.
 * Names live in one space per ruleset: a domain value, a field and a table are found by their text.
 */
import type * as Ast from '../ast/ast.js';
import type { Span } from '../text/span.js';
import type { ParsedFile } from './workspace.js';
import type { SymbolKind } from './types.js';

export interface Definition {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly file: ParsedFile;
  readonly nameSpan: Span;
  /** The declaration node (for hover). */
  readonly node: Ast.Decl | Ast.DomainValue | Ast.FieldDecl | Ast.ModuleVariant;
  /** For a domain value: its domain; for a field: its input level; for a variant: its module. */
  readonly parent?: string;
}

/**
 * The two name spaces of the language: `type` for what names a set of values (a domain written as a field's
 * type or as a table key, the builtin `bandbreedte`), `value` for everything else (fields, parameters, tables,
 * calculations, modules, domain values). A field and a domain may share a name (`veld intensiteit: intensiteit`);
 * references and rename keep them apart.
 */
export type NameSpace = 'type' | 'value';

export interface Occurrence {
  readonly text: string;
  readonly span: Span;
  readonly ns: NameSpace;
}

/** The name space a definition lives in. */
export const definitionSpace = (d: Definition): NameSpace => (d.kind === 'domein' ? 'type' : 'value');

const cache = new WeakMap<ParsedFile, { defs: Definition[]; names: Occurrence[] }>();

function index(file: ParsedFile): { defs: Definition[]; names: Occurrence[] } {
  const hit = cache.get(file);
  if (hit !== undefined) return hit;
  const defs: Definition[] = [];
  const add = (name: Ast.Name, kind: SymbolKind, node: Definition['node'], parent?: string): void => {
    defs.push({
      name: name.text,
      kind,
      file,
      nameSpan: name.span,
      node,
      ...(parent !== undefined ? { parent } : {}),
    });
  };
  for (const d of file.ast.decls) {
    switch (d.kind) {
      case 'DomainDecl':
        add(d.name, 'domein', d);
        for (const v of d.values) add(v.name, 'waarde', v, d.name.text);
        break;
      case 'BandwidthDecl':
        if (!defs.some((x) => x.kind === 'bandbreedte' && x.name === d.name.text))
          add(d.name, 'bandbreedte', d);
        break;
      case 'InputDecl':
        for (const f of d.fields) add(f.name, 'veld', f, d.level);
        break;
      case 'ParameterDecl':
        add(d.name, 'parameter', d);
        break;
      case 'TableDecl':
        add(d.name, 'tabel', d);
        break;
      case 'CalcDecl':
        add(d.name, 'berekening', d);
        break;
      case 'ModuleDecl':
        add(d.name, 'module', d);
        for (const v of d.variants) add(v.name, 'variant', v, d.name.text);
        break;
      case 'ProvisionDecl':
        add(d.name, 'voorziening', d);
        break;
      case 'UnitDecl':
        // `9 dagdelen` finds the declaration as well as `per dagdeel`.
        add(d.name, 'eenheid', d);
        if (d.plural !== undefined && d.plural.text !== d.name.text) add(d.plural, 'eenheid', d);
        break;
      case 'BudgetDecl':
      case 'RuleDecl':
      case 'ScenarioDecl':
      case 'IndexationDecl':
      case 'WithdrawDecl':
        break;
    }
  }
  const names: Occurrence[] = [];
  collectNames(file.ast, names);
  names.sort((a, b) => a.span.start - b.span.start);
  const entry = { defs, names };
  cache.set(file, entry);
  return entry;
}

/** Every `Name` node (and written type) anywhere in the tree, with the name space its position implies. */
function collectNames(node: unknown, out: Occurrence[], ns: NameSpace = 'value'): void {
  if (Array.isArray(node)) {
    for (const n of node) collectNames(n, out, ns);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const rec = node as { kind?: unknown; text?: unknown; name?: unknown; span?: Span };
  if (rec.kind === 'Name' && typeof rec.text === 'string' && rec.span !== undefined) {
    out.push({ text: rec.text, span: rec.span, ns });
    return;
  }
  if (rec.kind === 'TypeRef' && typeof rec.name === 'string' && rec.span !== undefined) {
    out.push({ text: rec.name, span: rec.span, ns: 'type' });
    return;
  }
  unitOccurrence(node as Ast.Expr | Ast.Decl, out);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'span' || key === 'opSpan' || key === 'levelSpan' || key === 'unitSpan') continue;
    const typed =
      (rec.kind === 'TableDecl' && (key === 'rowKeys' || key === 'columnKeys')) ||
      (rec.kind === 'DomainDecl' && key === 'name') ||
      // `indexeer weektarief voor ondersteuningsbehoefte OB2`: the domain of a selection.
      (rec.kind === 'IndexSelector' && key === 'domain');
    collectNames(value, out, typed ? 'type' : 'value');
  }
}

/** A unit as written after a number or `per` (`9 dagdelen`, `€ 38,75 per dagdeel`, `in € per dagdeel`). */
function unitOccurrence(n: Ast.Expr | Ast.Decl, out: Occurrence[]): void {
  const push = (text: string | undefined, span: Span | undefined): void => {
    if (text !== undefined && span !== undefined) out.push({ text, span, ns: 'value' });
  };
  if (n.kind === 'QuantityLit') push(n.unit, n.unitSpan);
  else if (n.kind === 'MoneyLit') push(n.per, n.perSpan);
  else if (n.kind === 'BandwidthDecl') {
    push(n.unit, n.unitSpan);
    push(n.per, n.perSpan);
  } else if (n.kind === 'TableDecl' && n.unit.kind === 'rate') {
    // The unit is the last word of `€ per <eenheid>`.
    push(n.unit.per, { start: n.unitSpan.end - n.unit.per.length, end: n.unitSpan.end });
  }
}

export const definitionsOf = (file: ParsedFile): readonly Definition[] => index(file).defs;
export const occurrencesOf = (file: ParsedFile): readonly Occurrence[] => index(file).names;

/** The name occurrence under (or just before) an offset. */
export function occurrenceAt(file: ParsedFile, offset: number): Occurrence | undefined {
  return occurrencesOf(file).find((o) => o.span.start <= offset && offset <= o.span.end);
}

/** Definitions of a name (in one name space, when given), searching the files in order (nearest version first). */
export function findDefinitions(files: readonly ParsedFile[], name: string, ns?: NameSpace): Definition[] {
  for (const f of files) {
    const hits = definitionsOf(f).filter(
      (d) => d.name === name && (ns === undefined || definitionSpace(d) === ns),
    );
    if (hits.length > 0) return hits;
  }
  return [];
}

/** All definitions visible from a chain of files: the nearest version of each name wins. */
export function visibleDefinitions(files: readonly ParsedFile[]): Definition[] {
  const seen = new Set<string>();
  const out: Definition[] = [];
  for (const f of files) {
    for (const d of definitionsOf(f)) {
      const key = `${d.kind}:${d.parent ?? ''}:${d.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}
