/**
 * Indexation of table cells and parameters, the one place that decides it (the engine's loader, explanations and the version
 * diff use it). An indexation (`Ir.Adjustment`) applies only to the cells written by an earlier version than the
 * indexation itself (`cell.validFrom < adjustment.origin.validFrom`): a cell rewritten by `wijzig tabel` in the
 * same or a later version already holds the new price; a partial indexation also only to the cells it selects. Applicable indexations are applied in order: each
 * multiplies by (1 + fraction), then rounds when it says so.
 */
import type { Ir } from '../../dsl/index.js';
import { keyMatches } from '../../dsl/core.js';
import { ONE, dec, roundDec } from './decimal.js';
import type { Dec } from './decimal.js';

/**
 * Does `adjustment` apply to `cell`? Only to a cell written by an earlier version, and for a partial indexation
 * (`voor ondersteuningsbehoefte OB2`) only to a cell whose key it selects.
 */
export const indexes = (adjustment: Ir.Adjustment, cell: Ir.TableCellDef): boolean =>
  cell.validFrom < adjustment.origin.validFrom &&
  (adjustment.selection === undefined || keyMatches(adjustment.selection, cell.key));

/** The indexations of `table` that apply to `cell`, in order. */
export const cellAdjustments = (table: Ir.TableDef, cell: Ir.TableCellDef): Ir.Adjustment[] =>
  table.adjustments.filter((a) => indexes(a, cell));

/** A cell's effective value: as written with its applicable indexations; undefined for a `-` cell. */
export function effectiveValue(table: Ir.TableDef, cell: Ir.TableCellDef): Dec | undefined {
  if (cell.value === null) return undefined;
  return applyAdjustments(dec(cell.value), cellAdjustments(table, cell));
}

/** Applies indexations in order: × (1 + fraction), then the declared rounding. */
export function applyAdjustments(value: Dec, adjustments: readonly Ir.Adjustment[]): Dec {
  let v = value;
  for (const adj of adjustments) {
    v = v.times(ONE.plus(dec(adj.fraction)));
    if (adj.rounding) v = roundDec(v, adj.rounding);
  }
  return v;
}

/**
 * A parameter's indexations: the compiler already kept only those from versions after the one that wrote it
 * (`ParameterDef.adjustments`), so all apply, in order.
 */
export const parameterValue = (param: Ir.ParameterDef, written: Dec): Dec =>
  applyAdjustments(written, param.adjustments);

/** A cell key as text: "ontwikkelen/OB2/midden/B". */
export const keyText = (key: readonly string[]): string => key.join('/');

/** A table's effective cells, `key text → value` (undefined for a `-` cell). */
export function effectiveCells(table: Ir.TableDef): Map<string, Dec | undefined> {
  const out = new Map<string, Dec | undefined>();
  for (const cell of table.cells) out.set(keyText(cell.key), effectiveValue(table, cell));
  return out;
}
