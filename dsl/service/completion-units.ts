/** Completion of units: the built-in vocabulary and the units the rules declare (`eenheid dagdeel …`). */
import { BUILTIN_UNITS, UNIT_AFTER_NUMBER, type UnitDecl } from '../ast/ast.js';
import type { Names } from './completion-names.js';
import type { CompletionItem } from './types.js';

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
