/**
 * A table's effective cell values in a version: the values as written, with the version's indexations
 * applied in order. An indexation applies only to cells written by an earlier version than the indexation
 * itself (a cell rewritten by `wijzig tabel` in the same or a later version is not indexed again).
 */
import type { Ir } from '../../dsl/index.js';
import { ONE, dec, roundDec, type Dec } from '../engine/decimal.js';

export const keyText = (key: readonly string[]): string => key.join('/');

/** `key text → value` (undefined for a `-` cell). */
export function effectiveCells(table: Ir.TableDef): Map<string, Dec | undefined> {
  const out = new Map<string, Dec | undefined>();
  for (const cell of table.cells) {
    let value = cell.value === null ? undefined : dec(cell.value);
    if (value !== undefined) {
      for (const adj of table.adjustments) {
        if (cell.validFrom >= adj.origin.validFrom) continue;
        value = value.times(ONE.plus(dec(adj.fraction)));
        if (adj.rounding) value = roundDec(value, adj.rounding);
      }
    }
    out.set(keyText(cell.key), value);
  }
  return out;
}
