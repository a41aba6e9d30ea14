/** Dutch formatting of runtime values for messages and explanations (no locale APIs: deterministic). */
import type { Ir } from '../../dsl/index.js';
import { isBuiltinUnit, unitWordAfter, type UnitNames } from '../../dsl/core.js';
import { dec, dutch, euro, isDec } from './decimal.js';
import type { Dec } from './decimal.js';
import { isPeriod } from './values.js';
import type { Value } from './values.js';

/**
 * "25,857142… weken", "1 week", "40 ritten", "9 dagdelen": a declared unit takes its plural from `units` (the
 * program's declared units, `Program.units`).
 */
export function quantityText(
  q: Dec,
  unit: Ir.Unit | 'module' | undefined,
  units: readonly UnitNames[] = [],
): string {
  if (unit === undefined || unit === 'module') return dutch(q);
  return `${dutch(q)} ${unitWordAfter(q.eq(1), unit, units)}`;
}

/**
 * A result line's quantity (a decimal string and its unit, see result.ts) as the CLI, the explanation and the
 * editor all write it: "25,857143 weken", "1 traject", "40 ritten", "9 dagdelen" (a declared unit's plural is
 * on the line: `plural`).
 */
export function lineQuantityText(q: string, unit: string, plural?: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(q)) return unit ? `${q} ${unit}` : q;
  if (isBuiltinUnit(unit)) return quantityText(dec(q), unit);
  if (plural !== undefined) return quantityText(dec(q), unit, [{ name: unit, plural }]);
  return unit ? `${dutch(dec(q))} ${unit}` : dutch(dec(q));
}

/** "€ 131,00 per week"; a rate with more than two decimals keeps them (up to 6): "€ 22,463 per week". */
export const rateText = (r: Dec, per: Ir.Unit | undefined): string =>
  `${r.decimalPlaces() > 2 ? `€ ${dutch(r)}` : euro(r)}${per ? ` per ${per}` : ''}`;

export function formatValue(v: Value, type: Ir.Type, units: readonly UnitNames[] = []): string {
  if (v === undefined) return 'leeg';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (isPeriod(v)) return `${v.from} t/m ${v.to}`;
  if (isDec(v)) {
    switch (type.kind) {
      case 'money':
        return euro(v);
      case 'rate':
        return rateText(v, type.per);
      case 'percent':
        return `${dutch(v.times(100))} %`;
      case 'quantity':
        return quantityText(v, type.unit, units);
      default:
        return dutch(v);
    }
  }
  return v;
}

/**
 * A value of an explanation (a decimal string with the unit text of a cell or parameter, see result.ts) in
 * Dutch: "€ 136,20 per week", "€ 2.500,00", "17 %", "0,6"; "- (geen tarief)" for an empty cell.
 */
export function explainedValueText(value: string | null, unit: string): string {
  if (value === null) return '- (geen tarief)';
  const d = dec(value);
  // An unrounded indexation leaves more than two decimals: shown as computed with, not rounded to cents.
  const money = d.decimalPlaces() > 2 ? `€ ${dutch(d)}` : euro(d);
  if (unit === '€') return money;
  if (unit.startsWith('€ ')) return `${money}${unit.slice(1)}`;
  if (unit === '%') return `${dutch(d.times(100))} %`;
  return dutch(d);
}

/** A fraction as a Dutch percentage: "0.0285" → "2,85 %". */
export const percentText = (fraction: string): string => `${dutch(dec(fraction).times(100), undefined, 4)} %`;

/** The Dutch note on a part priced as if its version applied on every day (impact analysis, proefgeval). */
export const AS_IF_NOTE = 'berekend alsof deze versie op alle dagen gold';
