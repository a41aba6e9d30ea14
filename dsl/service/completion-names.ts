/**
 * What completion offers from the declarations of a ruleset (nearest version first): names, domain values per
 * domain, the declared type of each field, and the units (built-in and declared). Shared by the completion of
 * expressions and of `indexeer`.
 */
import { BUILTIN_UNITS, UNIT_AFTER_NUMBER, type UnitDecl } from '../ast/ast.js';
import { visibleDefinitions, type Definition } from './definitions.js';
import type { CompletionItem } from './types.js';
import type { Workspace } from './workspace.js';

export const kw = (label: string, detail = 'sleutelwoord'): CompletionItem => ({
  label,
  kind: 'keyword',
  detail,
});

export interface Names {
  readonly defs: readonly Definition[];
  /** Values per domain name (`bandbreedte` from the bandwidth lines). */
  readonly domains: ReadonlyMap<string, readonly Definition[]>;
  /** Field name → its declared type name. */
  readonly fieldTypes: ReadonlyMap<string, string>;
}

export function names(ws: Workspace, path: string): Names {
  const chain = ws.chain(path);
  const defs = visibleDefinitions(chain.length > 0 ? chain : ws.ruleset(path));
  const domains = new Map<string, Definition[]>();
  for (const d of defs) {
    if (d.kind === 'waarde' && d.parent !== undefined)
      domains.set(d.parent, [...(domains.get(d.parent) ?? []), d]);
    if (d.kind === 'bandbreedte') domains.set('bandbreedte', [...(domains.get('bandbreedte') ?? []), d]);
  }
  const fieldTypes = new Map<string, string>();
  for (const d of defs) {
    if (d.kind === 'veld' && d.node.kind === 'FieldDecl' && !fieldTypes.has(d.name))
      fieldTypes.set(d.name, d.node.type.name);
  }
  return { defs, domains, fieldTypes };
}

export const valueItems = (values: readonly Definition[], domain: string): CompletionItem[] =>
  values.map((v) => ({
    label: v.name,
    kind: 'value' as const,
    detail: domain,
    ...(v.node.kind === 'DomainValue' && v.node.description !== undefined
      ? { documentation: v.node.description.value }
      : {}),
  }));

export function nameItems(n: Names): CompletionItem[] {
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const d of n.defs) {
    const kind =
      d.kind === 'tabel'
        ? 'table'
        : d.kind === 'parameter'
          ? 'parameter'
          : d.kind === 'berekening'
            ? 'calc'
            : d.kind === 'veld'
              ? 'field'
              : d.kind === 'module'
                ? 'module'
                : undefined;
    if (kind === undefined || seen.has(d.name)) continue;
    seen.add(d.name);
    out.push({ label: d.name, kind, detail: d.kind });
  }
  return out;
}

/**
 * After `per` the singular (`per dagdeel`), after a number the plural (`9 dagdelen`): the declared units first
 * (with their description), then the built-in ones.
 */
export function unitItems(n: Names, singular: boolean): CompletionItem[] {
  const declared = n.defs.flatMap((d): CompletionItem[] => {
    if (d.kind !== 'eenheid' || d.node.kind !== 'UnitDecl') return [];
    const node: UnitDecl = d.node;
    // A unit is defined by its name and its plural: offer it once.
    if (d.nameSpan !== node.name.span) return [];
    return [
      {
        label: singular ? node.name.text : (node.plural?.text ?? node.name.text),
        kind: 'unit',
        detail: 'eenheid (gedeclareerd)',
        ...(node.label !== undefined ? { documentation: node.label.value } : {}),
      },
    ];
  });
  const builtin = BUILTIN_UNITS.map((u): CompletionItem => ({
    label: singular ? u : UNIT_AFTER_NUMBER[u],
    kind: 'unit',
    detail: 'eenheid',
  }));
  return [...declared, ...builtin];
}
