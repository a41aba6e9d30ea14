/**
 * The built-in units of the language, the default vocabulary. A ruleset may declare more
 * (`eenheid dagdeel meervoud dagdelen …`): the AST keeps such a unit as written and the checker resolves it
 * (dsl/check/units.ts). Built-in spellings are normalised when the AST is built (`uren` → `uur`).
 */

/** The built-in units of quantities and rates. */
export type BuiltinUnit =
  'uur' | 'dag' | 'week' | 'maand' | 'vierweken' | 'etmaal' | 'km' | 'rit' | 'traject' | 'jaar';

/** A unit: a built-in one, or the name of a unit the rules declare (`dagdeel`). */
export type Unit = string;

export const BUILTIN_UNITS: readonly BuiltinUnit[] = [
  'uur',
  'dag',
  'week',
  'maand',
  'vierweken',
  'etmaal',
  'km',
  'rit',
  'traject',
  'jaar',
];

/** The plural Dutch writes after a number other than 1 (`18 jaar`, `2 uur`, `3 weken`). */
export const UNIT_AFTER_NUMBER: Readonly<Record<BuiltinUnit, string>> = {
  uur: 'uur',
  dag: 'dagen',
  week: 'weken',
  maand: 'maanden',
  vierweken: 'vierweken',
  etmaal: 'etmalen',
  km: 'km',
  rit: 'ritten',
  traject: 'trajecten',
  jaar: 'jaar',
};

/** Plural (and singular) spellings → unit. */
export const UNIT_SPELLINGS: Readonly<Record<string, BuiltinUnit>> = {
  uur: 'uur',
  uren: 'uur',
  dag: 'dag',
  dagen: 'dag',
  week: 'week',
  weken: 'week',
  maand: 'maand',
  maanden: 'maand',
  vierweken: 'vierweken',
  etmaal: 'etmaal',
  etmalen: 'etmaal',
  km: 'km',
  rit: 'rit',
  ritten: 'rit',
  traject: 'traject',
  trajecten: 'traject',
  jaar: 'jaar',
  jaren: 'jaar',
};

export const isBuiltinUnit = (u: string): u is BuiltinUnit => Object.hasOwn(UNIT_AFTER_NUMBER, u);

/** A declared unit's name and plural, as the IR and the engine know it. */
export interface UnitNames {
  readonly name: string;
  readonly plural: string;
}

/**
 * The word after a number: singular for exactly 1, else the plural (`1 week`, `3 weken`, `9 dagdelen`). A
 * declared unit takes its plural from `declared`; a unit nobody declared is written as it is.
 */
export function unitWordAfter(one: boolean, unit: Unit, declared: readonly UnitNames[] = []): string {
  if (one) return unit;
  if (isBuiltinUnit(unit)) return UNIT_AFTER_NUMBER[unit];
  return declared.find((d) => d.name === unit)?.plural ?? unit;
}
