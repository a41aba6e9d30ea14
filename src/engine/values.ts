/**
 * Runtime values of the engine: decimals for every numeric kind (percentages as fractions), ISO date strings,
 * booleans, domain values and text as strings, periods. `undefined` is an empty optional field (leeg) or a value
 * that could not be computed (a `-` cell, a division by zero); a comparison with it is onbepaald (undefined), see
 * runtime.ts `compare`.
 */
import type { Dec } from './decimal.js';

/** A period from and including `from` to and including `to`. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export type Value = Dec | string | boolean | Period | undefined;

export const isPeriod = (v: Value): v is Period =>
  typeof v === 'object' && v !== null && 'from' in v && 'to' in v && typeof v.from === 'string';

/** One item of a case: a result or a module request, with its fields by name (builtin fields included). */
export interface CaseItem {
  readonly index: number;
  /** The case's reference for the item: its id, or "resultaat 1" / "module 1". */
  readonly ref: string;
  /** JSON path of the item: "resultaten[0]". */
  readonly path: string;
  readonly fields: Readonly<Record<string, Value>>;
}

/** A validated, typed case for one program. */
export interface TypedCase {
  readonly fields: Readonly<Record<string, Value>>;
  readonly results: readonly CaseItem[];
  readonly modules: readonly CaseItem[];
  /** "module" and "module/variant" for every requested module. */
  readonly requested: ReadonlySet<string>;
  /** The `gemeente` value, if any (selects municipal overrides). */
  readonly gemeente: string | undefined;
}
