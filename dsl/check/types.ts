/**
 * Types of the language (see dsl/ir/ir.ts `Type`): construction, compatibility and Dutch descriptions for messages.
 */
import { isBuiltinUnit, type BuiltinUnit, type CellUnit, type Unit } from '../ast/ast.js';
import type { Type } from '../ir/ir.js';
import { isNumeric as holdsDecimals } from '../ir/type-text.js';
import { assertNever } from '../text/span.js';

export const T = {
  money: { kind: 'money' } as Type,
  number: { kind: 'number' } as Type,
  /** `aantal`: a whole number, 0 or more. */
  whole: { kind: 'number', whole: true } as Type,
  percent: { kind: 'percent' } as Type,
  date: { kind: 'date' } as Type,
  period: { kind: 'period' } as Type,
  bool: { kind: 'bool' } as Type,
  text: { kind: 'text' } as Type,
  error: { kind: 'error' } as Type,
  rate: (per: Unit): Type => ({ kind: 'rate', per }),
  quantity: (unit: Unit | 'module'): Type => ({ kind: 'quantity', unit }),
  domain: (name: string): Type => ({ kind: 'domain', name }),
} as const;

/** Plural spellings for messages: "dagen", "weken". */
export const UNIT_PLURAL: Readonly<Record<BuiltinUnit, string>> = {
  uur: 'uren',
  dag: 'dagen',
  week: 'weken',
  maand: 'maanden',
  vierweken: 'vierweken',
  etmaal: 'etmalen',
  km: 'km',
  rit: 'ritten',
  traject: 'trajecten',
  jaar: 'jaren',
};

/** How a message writes a unit's plural: the built-in list, or the plural a unit declaration gives. */
export interface PluralOf {
  plural(unit: Unit): string;
}

/** Only the built-in units (a declared unit is written as its name). */
export const BUILTIN_PLURALS: PluralOf = { plural: (u) => (isBuiltinUnit(u) ? UNIT_PLURAL[u] : u) };

/** How to obtain a quantity in a unit, for the advice in a unit error. */
export function howToGet(unit: Unit, units: PluralOf = BUILTIN_PLURALS): string {
  if (!isBuiltinUnit(unit)) return `een hoeveelheid in ${units.plural(unit)}`;
  switch (unit) {
    case 'dag':
      return 'dagen(periode)';
    case 'week':
      return 'weken(periode)';
    case 'maand':
      return 'maanden(periode)';
    case 'vierweken':
      return 'vierweken(periode)';
    case 'etmaal':
      return 'etmalen(periode)';
    case 'uur':
    case 'km':
    case 'rit':
    case 'traject':
    case 'jaar':
      return `een hoeveelheid in ${UNIT_PLURAL[unit]}`;
    default:
      return assertNever(unit);
  }
}

/** A Dutch description of a type: "een bedrag", "een tarief per week", "een hoeveelheid in dagen". */
export function describe(t: Type, units: PluralOf = BUILTIN_PLURALS): string {
  switch (t.kind) {
    case 'money':
      return 'een bedrag';
    case 'rate':
      return `een tarief per ${t.per}`;
    case 'quantity':
      return t.unit === 'module'
        ? 'een hoeveelheid (in de eenheid van de module)'
        : `een hoeveelheid in ${units.plural(t.unit)}`;
    case 'number':
      return t.whole === true ? 'een aantal (een geheel getal, 0 of meer)' : 'een getal';
    case 'percent':
      return 'een percentage';
    case 'date':
      return 'een datum';
    case 'period':
      return 'een periode';
    case 'bool':
      return 'ja/nee';
    case 'text':
      return 'een tekst';
    case 'domain':
      return `een waarde van domein '${t.name}'`;
    case 'error':
      return 'een fout';
    default:
      return assertNever(t);
  }
}

const sameUnit = (a: Unit | 'module', b: Unit | 'module'): boolean =>
  a === b || a === 'module' || b === 'module';

/** Whether two types are interchangeable. `error` is compatible with everything (no cascades). */
export function compatible(a: Type, b: Type): boolean {
  if (a.kind === 'error' || b.kind === 'error') return true;
  if (a.kind === 'rate' && b.kind === 'rate') return a.per === b.per;
  if (a.kind === 'quantity' && b.kind === 'quantity') return sameUnit(a.unit, b.unit);
  if (a.kind === 'domain' && b.kind === 'domain') return a.name === b.name;
  return a.kind === b.kind;
}

/** The more specific of two compatible types (a quantity in a real unit over 'module'). */
export function join(a: Type, b: Type): Type {
  if (a.kind === 'error') return b;
  if (a.kind === 'quantity' && a.unit === 'module') return b;
  return a;
}

/** Numeric for the checker: a decimal type, or an error (already reported, so compatible with everything). */
export const isNumeric = (t: Type): boolean => t.kind === 'error' || holdsDecimals(t);

/** Type of a field as written (`datum`, `ja/nee`, `hoeveelheid`, …); undefined for a domain name. */
export function builtinFieldType(name: string): Type | undefined {
  switch (name) {
    case 'datum':
      return T.date;
    case 'periode':
      return T.period;
    case 'tekst':
      return T.text;
    case 'ja/nee':
      return T.bool;
    case 'getal':
      return T.number;
    case 'aantal':
      return T.whole;
    case 'bedrag':
      return T.money;
    case 'hoeveelheid':
      return T.quantity('module');
    default:
      return undefined;
  }
}

export function cellType(u: CellUnit): Type {
  switch (u.kind) {
    case 'money':
      return T.money;
    case 'rate':
      return T.rate(u.per);
    case 'percent':
      return T.percent;
    case 'number':
      return T.number;
    default:
      return assertNever(u);
  }
}
