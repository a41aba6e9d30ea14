/**
 * The one copy of the small type helpers that the checker, the engine and the change report share: which types
 * hold decimals, and a table's cell unit as written (`€`, `€ per week`, `%`, `getal`; the text itself is
 * `cellUnitText` in dsl/ast/ast.ts). Exhaustive switches: a new type kind is a compile error, never a silent
 * default.
 */
import { cellUnitText, type CellUnit } from '../ast/ast.js';
import { assertNever } from '../text/span.js';
import type { Type } from './ir.js';

/** Whether values of this type are decimals (money, rates, quantities, numbers, percentages as fractions). */
export function isNumeric(t: Type): boolean {
  switch (t.kind) {
    case 'money':
    case 'rate':
    case 'quantity':
    case 'number':
    case 'percent':
      return true;
    case 'date':
    case 'period':
    case 'bool':
    case 'text':
    case 'domain':
    case 'error':
      return false;
    default:
      return assertNever(t);
  }
}

/** The cell unit of a table's (or parameter's) value type: money, a rate, a percentage, else a number. */
export function tableCellUnit(t: Type): CellUnit {
  switch (t.kind) {
    case 'money':
    case 'percent':
    case 'number':
      return { kind: t.kind };
    case 'rate':
      return { kind: 'rate', per: t.per };
    // No table holds these; a parameter of such a type (explanations list its unit) reads `getal`.
    case 'quantity':
    case 'date':
    case 'period':
    case 'bool':
    case 'text':
    case 'domain':
    case 'error':
      return { kind: 'number' };
    default:
      return assertNever(t);
  }
}

/** The unit of a table as written after `in`, from its value type. */
export const tableUnitText = (t: Type): string => cellUnitText(tableCellUnit(t));
