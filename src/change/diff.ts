/**
 * A structural diff between two versions of a ruleset: per tariff cell (old → new, absolute and %), and per
 * declaration (added, withdrawn, changed, and what changed in it). Not a text diff: an indexation shows up as
 * the cells it moved. Everything a declaration says counts, its omschrijving (label) and `bron` included; only
 * where it is written (file, span, version) does not.
 */
import type { Ir } from '../../dsl/index.js';
import { dec, plainString, rateString, type Dec } from '../engine/decimal.js';
import { parameterValue } from '../engine/indexation.js';
import { isNumeric, tableUnitText } from '../../dsl/core.js';
import { details, numberText, shape, titles } from './describe-change.js';
import { effectiveCells } from './effective-tables.js';

export interface CellChange {
  readonly table: string;
  /** "ontwikkelen/OB2/midden/B". */
  readonly key: string;
  /**
   * Decimal strings in the table's unit (percentages as fractions, as in the IR; amounts and rates with at least
   * two and at most six decimals); null for a `-` cell; undefined when the cell (or table) does not exist on
   * that side.
   */
  readonly old: string | null | undefined;
  readonly new: string | null | undefined;
  /** new − old, when both are numbers. */
  readonly delta?: string;
  /** (new − old) / old × 100, to 4 decimals, when both are numbers and old ≠ 0. */
  readonly percent?: string;
}

export type ItemKind =
  | 'domein'
  | 'bandbreedte'
  | 'invoer'
  | 'parameter'
  | 'tabel'
  | 'berekening'
  | 'budget'
  | 'module'
  | 'regel'
  | 'voorziening'
  | 'eenheid';

export interface ItemChange {
  readonly kind: ItemKind;
  /**
   * Identifies the item within its kind: a name, "midden/B" (bandbreedte), "resultaat.groepsgrootte" (invoer),
   * "resultaat:duur" (berekening), "budget".
   */
  readonly name: string;
  readonly change: 'toegevoegd' | 'vervallen' | 'gewijzigd';
  /** How a person reads the item, in Dutch: "berekening duur (voor elk resultaat)", 'regel "…"', "budget". */
  readonly title: string;
  /**
   * The value of a parameter with a written value (after indexation) or the budget of a voorziening, on each
   * side where there is one: a decimal string (a percentage as a fraction, as in the IR), or the text of a
   * date, domain value or ja/nee.
   */
  readonly old?: string;
  readonly new?: string;
  /** Those values in Dutch with their unit: "€ 12,50 per rit", "17 %", "€ 1.250.000,00 per jaar". */
  readonly oldText?: string;
  readonly newText?: string;
  /** (new − old) / old × 100, to 4 decimals, when both values are numbers of the same unit and old ≠ 0. */
  readonly percent?: string;
  /** For a percentage: new − old in procentpunten ("3" for 17 % → 20 %). */
  readonly points?: string;
  /**
   * What changed in an item in both versions, one Dutch phrase per part, in the order of the declaration
   * ('bron "…" → "…"', "indicatieve uren toegevoegd", "variant gezinshuis_plus toegevoegd"). Empty
   * when only the value changed (see `old`/`new`), absent for an added or withdrawn item.
   */
  readonly details?: readonly string[];
}

/** A table with changed cells: how to read its values. */
export interface TableInfo {
  readonly name: string;
  /** The omschrijving in the new version (in the old one for a withdrawn table). */
  readonly label?: string;
  /** The unit of its cells as written after `in`: "€ per week", "€", "%", "getal". */
  readonly unit: string;
}

export interface VersionDiff {
  readonly from: string;
  readonly to: string;
  readonly cells: readonly CellChange[];
  readonly items: readonly ItemChange[];
  /** The tables that have cells in `cells`, in that order. */
  readonly tables: readonly TableInfo[];
}

const pct = (from: Dec, to: Dec): string | undefined =>
  from.isZero() ? undefined : plainString(to.minus(from).div(from).times(100), 4);

/** A decimal in the JSON: amounts and rates with two to six decimals ("131.00", "0.125"), others up to six. */
const decimalText = (t: Ir.Type, d: Dec): string =>
  t.kind === 'money' || t.kind === 'rate' ? rateString(d) : plainString(d, 6);

/** A value on one side of an item change: exact (for comparing), as JSON, in Dutch. */
interface Val {
  readonly exact: string;
  readonly raw: string;
  readonly text: string;
  readonly type: Ir.Type;
  readonly number?: Dec;
}

function numberVal(d: Dec, type: Ir.Type): Val {
  return { exact: d.toFixed(), raw: decimalText(type, d), text: numberText(d, type), type, number: d };
}

/** A parameter's written value after its indexations; undefined when it is calculated. */
function paramVal(p: Ir.ParameterDef): Val | undefined {
  const v = p.value;
  if (v.kind !== 'const') return undefined;
  if (typeof v.value === 'boolean') {
    const text = v.value ? 'ja' : 'nee';
    return { exact: text, raw: text, text, type: p.type };
  }
  if (!isNumeric(p.type)) return { exact: v.value, raw: v.value, text: v.value, type: p.type };
  return numberVal(parameterValue(p, dec(v.value)), p.type);
}

const provisionVal = (p: Ir.ProvisionDef): Val =>
  numberVal(dec(p.amount), p.per === undefined ? { kind: 'money' } : { kind: 'rate', per: p.per });

interface Kind<T> {
  readonly kind: ItemKind;
  readonly name: (x: T) => string;
  readonly title: (x: T) => string;
  /** The parts of a definition that count, as text; `shape` of the whole item when not given. */
  readonly compare?: (x: T) => string;
  readonly details: (a: T, b: T, old?: Val, now?: Val) => string[];
  readonly value?: (x: T) => Val | undefined;
}

function sides(o: Val | undefined, n: Val | undefined): Partial<ItemChange> {
  const out: { -readonly [K in keyof ItemChange]?: ItemChange[K] } = {};
  if (o !== undefined) [out.old, out.oldText] = [o.raw, o.text];
  if (n !== undefined) [out.new, out.newText] = [n.raw, n.text];
  if (o?.number !== undefined && n?.number !== undefined && shape(o.type) === shape(n.type)) {
    const p = pct(o.number, n.number);
    if (p !== undefined) out.percent = p;
    if (n.type.kind === 'percent') out.points = plainString(n.number.minus(o.number).times(100), 6);
  }
  return out;
}

function diffNamed<T>(k: Kind<T>, a: readonly T[], b: readonly T[], out: ItemChange[]): void {
  const left = new Map(a.map((x) => [k.name(x), x]));
  const right = new Map(b.map((x) => [k.name(x), x]));
  const value = k.value ?? (() => undefined);
  const compare = (x: T): string => {
    const v = value(x);
    return `${k.compare ? k.compare(x) : shape(x)}\n${v === undefined ? '' : `${shape(v.type)} ${v.exact}`}`;
  };
  for (const [name, x] of left) {
    const y = right.get(name);
    const base = { kind: k.kind, name };
    if (y === undefined) {
      out.push({ ...base, change: 'vervallen', title: k.title(x), ...sides(value(x), undefined) });
    } else if (compare(x) !== compare(y)) {
      const [o, n] = [value(x), value(y)];
      const d = k.details(x, y, o, n);
      out.push({ ...base, change: 'gewijzigd', title: k.title(y), ...sides(o, n), details: d });
    }
  }
  for (const [name, y] of right) {
    if (!left.has(name)) {
      out.push({
        kind: k.kind,
        name,
        change: 'toegevoegd',
        title: k.title(y),
        ...sides(undefined, value(y)),
      });
    }
  }
}

function diffCells(
  a: readonly Ir.TableDef[],
  b: readonly Ir.TableDef[],
): {
  cells: CellChange[];
  tables: TableInfo[];
} {
  const cells: CellChange[] = [];
  const tables: TableInfo[] = [];
  const right = new Map(b.map((t) => [t.name, t]));
  const left = new Map(a.map((t) => [t.name, t]));
  const names = [...new Set([...left.keys(), ...right.keys()])];
  for (const name of names) {
    const lt = left.get(name);
    const rt = right.get(name);
    const table = (rt ?? lt) as Ir.TableDef;
    const lc = lt ? effectiveCells(lt) : new Map<string, Dec | undefined>();
    const rc = rt ? effectiveCells(rt) : new Map<string, Dec | undefined>();
    const show = (d: Dec) => decimalText(table.type, d);
    const keys = [...new Set([...lc.keys(), ...rc.keys()])];
    const before = cells.length;
    for (const key of keys) {
      const o = lc.get(key);
      const n = rc.get(key);
      if (lc.has(key) === rc.has(key) && (o === n || (o !== undefined && n !== undefined && o.eq(n))))
        continue;
      const both = o !== undefined && n !== undefined;
      const p = both ? pct(o, n) : undefined;
      cells.push({
        table: name,
        key,
        old: lc.has(key) ? (o === undefined ? null : show(o)) : undefined,
        new: rc.has(key) ? (n === undefined ? null : show(n)) : undefined,
        ...(both ? { delta: show(n.minus(o)) } : {}),
        ...(p !== undefined ? { percent: p } : {}),
      });
    }
    if (cells.length > before) {
      tables.push({
        name,
        ...(table.label !== undefined ? { label: table.label } : {}),
        unit: tableUnitText(table.type),
      });
    }
  }
  return { cells, tables };
}

const LEVELS = ['beschikking', 'resultaat', 'module'] as const;

/** What changed from version `a` to version `b` (both full, inherited programs). */
export function diffPrograms(a: Ir.Program, b: Ir.Program): VersionDiff {
  const items: ItemChange[] = [];
  diffNamed(
    { kind: 'domein', name: (d) => d.name, title: titles.domein, details: details.domein },
    a.domains,
    b.domains,
    items,
  );
  diffNamed(
    {
      kind: 'bandbreedte',
      name: (w) => `${w.intensity}/${w.name}`,
      title: titles.bandbreedte,
      details: details.bandbreedte,
    },
    a.bandwidths,
    b.bandwidths,
    items,
  );
  for (const level of LEVELS) {
    diffNamed(
      {
        kind: 'invoer',
        name: (f) => `${level}.${f.name}`,
        title: (f) => titles.invoer(level, f),
        details: details.invoer,
      },
      a.input[level],
      b.input[level],
      items,
    );
  }
  // Parameters: a written value counts after its indexations (which themselves are not compared).
  diffNamed(
    {
      kind: 'parameter',
      name: (p) => p.name,
      title: titles.parameter,
      value: paramVal,
      compare: (p) => shape({ ...p, value: p.value.kind === 'const' ? undefined : p.value, adjustments: [] }),
      details: (x, y, o, n) => details.parameter(x, y, o?.text, n?.text),
    },
    a.parameters,
    b.parameters,
    items,
  );
  // Tables: only their definition (unit, keys, omschrijving, bron); cells are listed separately.
  diffNamed(
    {
      kind: 'tabel',
      name: (t) => t.name,
      title: titles.tabel,
      compare: (t) =>
        shape({ label: t.label, type: t.type, keys: t.keys, rowKeyCount: t.rowKeyCount, source: t.source }),
      details: details.tabel,
    },
    a.tables,
    b.tables,
    items,
  );
  diffNamed(
    {
      kind: 'berekening',
      name: (c) => `${c.scope}:${c.name}`,
      title: titles.berekening,
      details: details.berekening,
    },
    a.calcs,
    b.calcs,
    items,
  );
  diffNamed(
    { kind: 'budget', name: () => 'budget', title: titles.budget, details: details.budget },
    a.budget ? [a.budget] : [],
    b.budget ? [b.budget] : [],
    items,
  );
  diffNamed(
    { kind: 'module', name: (m) => m.name, title: titles.module, details: details.module },
    a.modules,
    b.modules,
    items,
  );
  diffNamed(
    { kind: 'regel', name: (r) => r.name, title: titles.regel, details: details.regel },
    a.rules,
    b.rules,
    items,
  );
  diffNamed(
    {
      kind: 'voorziening',
      name: (p) => p.name,
      title: titles.voorziening,
      value: provisionVal,
      compare: (p) => shape({ ...p, amount: undefined, per: undefined }),
      details: details.voorziening,
    },
    a.provisions,
    b.provisions,
    items,
  );
  diffNamed(
    { kind: 'eenheid', name: (u) => u.name, title: titles.eenheid, details: details.eenheid },
    a.units ?? [],
    b.units ?? [],
    items,
  );
  const { cells, tables } = diffCells(a.tables, b.tables);
  return { from: a.version, to: b.version, cells, items, tables };
}

/** Counts for a one-line summary: tariff cells (changed, new, withdrawn) and declarations. */
export function summarize(d: VersionDiff): {
  changedCells: number;
  added: number;
  removed: number;
  items: { added: number; removed: number; changed: number };
} {
  let added = 0;
  let removed = 0;
  // A cell that had a tariff and has none now (gone, or `-` written over it) is vervallen; the other way round
  // it is new.
  const has = (v: string | null | undefined): boolean => v !== undefined && v !== null;
  for (const c of d.cells) {
    if (c.old === undefined || (c.old === null && has(c.new))) added++;
    else if (c.new === undefined || (c.new === null && has(c.old))) removed++;
  }
  const count = (change: ItemChange['change']) => d.items.filter((i) => i.change === change).length;
  return {
    changedCells: d.cells.length - added - removed,
    added,
    removed,
    items: { added: count('toegevoegd'), removed: count('vervallen'), changed: count('gewijzigd') },
  };
}
