/**
 * The tariff sheet of a version: every table and parameter as it applies in that version (inherited, indexed,
 * overridden), each value with where it comes from: the version (and file, span, bron) that wrote it, then the
 * indexations that moved it, each with the value after it. The editor's Tarieven view and `regelwerk tarieven`
 * show it; the rule for which indexation applies is the engine's (src/engine/indexation.ts).
 */
import type { Ir, Span } from '../../dsl/index.js';
import { exprText } from '../../dsl/index.js';
import { selectionText } from '../../dsl/core.js';
import { dec, plainString, rateString, type Dec } from '../engine/decimal.js';
import { applyAdjustments, cellAdjustments, keyText } from '../engine/indexation.js';
import { cellText, roundingText, tableUnit, valueText } from './cell-text.js';

/** Where a value was written: a table cell or a parameter's declaration. */
export interface Written {
  readonly version: string;
  readonly validFrom: string;
  readonly file: string;
  readonly span: Span;
  /** The value as written (decimal string in the IR's unit; percentages as fractions), null for `-`. */
  readonly value: string | null;
  readonly bron: string | undefined;
}

/** One indexation that moved a value, and the value after it. */
export interface IndexStep {
  readonly version: string;
  readonly validFrom: string;
  readonly file: string;
  readonly span: Span;
  /** The percentage as a fraction: "0.0474". */
  readonly fraction: string;
  /** "afgerond op centen", or undefined when the indexation does not round. */
  readonly rounding: string | undefined;
  /** For a partial indexation, the cells it chose: "ondersteuningsbehoefte OB2" (`indexeer … voor …`). */
  readonly selection?: string;
  /** The value after this step (decimal string). */
  readonly after: string;
}

/** Where a value comes from: who wrote it, and which indexations moved it since. */
export interface Origin {
  readonly written: Written;
  readonly indexed: readonly IndexStep[];
}

export interface SheetCell {
  /** Key values in key order (rows, then columns). */
  readonly key: readonly string[];
  /** "ontwikkelen/OB2/midden/C", as the diff names cells. */
  readonly keyText: string;
  /** The value as it applies (decimal string in the IR's unit), null for `-`. */
  readonly value: string | null;
  /** In Dutch with its unit sign: "€ 188,41", "60 %", "0,6", "-". */
  readonly text: string;
  readonly origin: Origin;
}

export interface SheetRow {
  /** The row's key values (the table's row keys). */
  readonly key: readonly string[];
  /** One entry per column of the table; undefined where the table has no cell. */
  readonly cells: readonly (SheetCell | undefined)[];
}

export interface SheetTable {
  readonly name: string;
  readonly label: string | undefined;
  /** The unit as written after `in`: "€ per week", "€", "%", "getal". */
  readonly unit: string;
  readonly type: Ir.Type;
  readonly rowKeys: readonly string[];
  readonly columnKeys: readonly string[];
  /** Column key values, one entry per column ([] once when the table has no column keys). */
  readonly columns: readonly (readonly string[])[];
  readonly rows: readonly SheetRow[];
  readonly bron: string | undefined;
  /** Where the table is defined (`tabel …`). */
  readonly defined: { readonly version: string; readonly file: string; readonly span: Span };
}

export interface SheetParameter {
  readonly name: string;
  readonly type: Ir.Type;
  /** The value as it applies in Dutch with its unit ("€ 13,47 per rit", "17 %"), or the expression. */
  readonly text: string;
  /** The value as a decimal string (after indexations), when it is a written number. */
  readonly value: string | undefined;
  readonly origin: Origin;
}

export interface Sheet {
  readonly ruleset: string;
  readonly version: string;
  readonly base: string | undefined;
  readonly status: 'concept' | 'vastgesteld';
  readonly validFrom: string;
  readonly validTo: string | undefined;
  readonly municipality: string | undefined;
  readonly file: string;
  readonly tables: readonly SheetTable[];
  readonly parameters: readonly SheetParameter[];
}

/** A decimal string as the diff writes it: amounts and rates with two to six decimals, others up to six. */
export const decimalText = (t: Ir.Type, d: Dec): string =>
  t.kind === 'money' || t.kind === 'rate' ? rateString(d) : plainString(d, 6);

function steps(t: Ir.Type, start: Dec, adjustments: readonly Ir.Adjustment[]): IndexStep[] {
  let v = start;
  return adjustments.map((a) => {
    v = applyAdjustments(v, [a]);
    return {
      version: a.origin.version,
      validFrom: a.origin.validFrom,
      file: a.origin.file,
      span: a.origin.span,
      fraction: a.fraction,
      rounding: a.rounding === undefined ? undefined : roundingText(a.rounding),
      ...(a.selection !== undefined ? { selection: selectionText(a.selection) } : {}),
      after: decimalText(t, v),
    };
  });
}

function sheetCell(table: Ir.TableDef, cell: Ir.TableCellDef): SheetCell {
  const adjustments = cell.value === null ? [] : cellAdjustments(table, cell);
  const indexed = cell.value === null ? [] : steps(table.type, dec(cell.value), adjustments);
  const value =
    cell.value === null
      ? null
      : (indexed[indexed.length - 1]?.after ?? decimalText(table.type, dec(cell.value)));
  return {
    key: cell.key,
    keyText: keyText(cell.key),
    value,
    text: cellText(table.type, value),
    origin: {
      written: {
        version: cell.version,
        validFrom: cell.validFrom,
        file: cell.file,
        span: cell.span,
        value: cell.value,
        bron: cell.bron,
      },
      indexed,
    },
  };
}

/** Distinct tuples in order of first appearance. */
function distinct(tuples: readonly (readonly string[])[]): (readonly string[])[] {
  const seen = new Map<string, readonly string[]>();
  for (const t of tuples) if (!seen.has(t.join('\u0000'))) seen.set(t.join('\u0000'), t);
  return [...seen.values()];
}

export function sheetTable(t: Ir.TableDef): SheetTable {
  const n = t.rowKeyCount;
  const cells = t.cells.map((c) => sheetCell(t, c));
  const byKey = new Map(cells.map((c) => [c.key.join('\u0000'), c]));
  const columns = distinct(t.cells.map((c) => c.key.slice(n)));
  const rows = distinct(t.cells.map((c) => c.key.slice(0, n))).map((key) => ({
    key,
    cells: columns.map((col) => byKey.get([...key, ...col].join('\u0000'))),
  }));
  return {
    name: t.name,
    label: t.label,
    unit: tableUnit(t.type),
    type: t.type,
    rowKeys: t.keys.slice(0, n),
    columnKeys: t.keys.slice(n),
    columns,
    rows,
    bron: t.source,
    defined: { version: t.origin.version, file: t.origin.file, span: t.origin.span },
  };
}

export function sheetParameter(p: Ir.ParameterDef): SheetParameter {
  const written = {
    version: p.origin.version,
    validFrom: p.origin.validFrom,
    file: p.origin.file,
    span: p.origin.span,
    bron: p.source,
  };
  const v = p.value;
  if (v.kind === 'const' && typeof v.value === 'string' && valueText(p.type, v.value) !== undefined) {
    const indexed = steps(p.type, dec(v.value), p.adjustments);
    const value = indexed[indexed.length - 1]?.after ?? decimalText(p.type, dec(v.value));
    return {
      name: p.name,
      type: p.type,
      text: valueText(p.type, value) ?? value,
      value,
      origin: { written: { ...written, value: v.value }, indexed },
    };
  }
  const text =
    v.kind === 'const' ? (typeof v.value === 'boolean' ? (v.value ? 'ja' : 'nee') : v.value) : exprText(v);
  return {
    name: p.name,
    type: p.type,
    text,
    value: undefined,
    origin: { written: { ...written, value: null }, indexed: [] },
  };
}

/** The sheet of a compiled version (a full, inherited program). */
export function buildSheet(program: Ir.Program): Sheet {
  return {
    ruleset: program.ruleset,
    version: program.version,
    base: program.base,
    status: program.status,
    validFrom: program.asIf?.validFrom ?? program.validFrom,
    validTo: program.asIf === undefined ? program.validTo : program.asIf.validTo,
    municipality: program.municipality,
    file: program.file,
    tables: program.tables.map(sheetTable),
    parameters: program.parameters.map(sheetParameter),
  };
}

/** A cell of a sheet by table name and key text ("ontwikkelen/OB2/midden/C"). */
export function sheetCellAt(sheet: Sheet, table: string, key: string): SheetCell | undefined {
  const t = sheet.tables.find((x) => x.name === table);
  for (const r of t?.rows ?? []) for (const c of r.cells) if (c?.keyText === key) return c;
  return undefined;
}
