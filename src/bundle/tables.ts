/**
 * Resolved tables for the bundle: every cell with its indexations applied, as the engine prices it in that
 * version (src/engine/indexation.ts decides), so a system in another language can read prices without
 * re-implementing indexation.
 */
import type { Ir } from '../../dsl/index.js';
import { plainString } from '../engine/decimal.js';
import { cellAdjustments, effectiveValue } from '../engine/indexation.js';
import type { ResolvedCell, ResolvedTable } from '../runtime/format.js';

/** Enough decimals for any indexed price (the engine keeps them exact; cells are rounded when they say so). */
const DECIMALS = 20;

function resolveCell(table: Ir.TableDef, cell: Ir.TableCellDef): ResolvedCell {
  const value = effectiveValue(table, cell);
  return {
    key: cell.key,
    value: value === undefined ? null : plainString(value, DECIMALS),
    written: cell.value,
    indexations: cell.value === null ? 0 : cellAdjustments(table, cell).length,
    version: cell.version,
    validFrom: cell.validFrom,
    bron: cell.bron ?? null,
  };
}

/** The program's tables with their cells as they apply (a later cell with the same key replaces an earlier one). */
export function resolveTables(program: Ir.Program): ResolvedTable[] {
  return program.tables.map((t) => {
    const byKey = new Map<string, Ir.TableCellDef>();
    for (const c of t.cells) byKey.set(c.key.join('\u0000'), c);
    return {
      name: t.name,
      label: t.label ?? null,
      type: t.type,
      keys: t.keys,
      cells: [...byKey.values()].map((c) => resolveCell(t, c)),
    };
  });
}
