/** Dutch formatting of runtime values for messages and explanations (no locale APIs: deterministic). */
import type { Ir } from '../../dsl/index.js';
import { UNIT_AFTER_NUMBER } from '../../dsl/index.js';
import { dutch, euro, isDec } from './decimal.js';
import type { Dec } from './decimal.js';
import { isPeriod } from './values.js';
import type { Value } from './values.js';

const PLURAL = UNIT_AFTER_NUMBER;

/** "25,857142… weken", "1 week", "40 ritten". */
export function quantityText(q: Dec, unit: Ir.Unit | 'module' | undefined): string {
  if (unit === undefined || unit === 'module') return dutch(q);
  const word = q.eq(1) ? unit : PLURAL[unit];
  return `${dutch(q)} ${word}`;
}

/** "€ 131,00 per week"; a rate with more than two decimals keeps them (up to 6): "€ 22,463 per week". */
export const rateText = (r: Dec, per: Ir.Unit | undefined): string =>
  `${r.decimalPlaces() > 2 ? `€ ${dutch(r)}` : euro(r)}${per ? ` per ${per}` : ''}`;

export function formatValue(v: Value, type: Ir.Type): string {
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
        return quantityText(v, type.unit);
      default:
        return dutch(v);
    }
  }
  return v;
}
