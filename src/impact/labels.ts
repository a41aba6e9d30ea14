/**
 * The Dutch names the rules declare for what the impact analysis counts by key: domain values (gemeente
 * `Hof_van_Twente` → "Hof van Twente", wet `wmo` → "Wet maatschappelijke ondersteuning 2015"), modules and their
 * variants (`vervoer/rit` → "Vervoer: Per rit"), tables and their cells (`weektarief[ontwikkelen, OB2, midden, B]`
 * → "Weektarief ondersteuningsbehoefte: ontwikkelen × OB2, midden/B"). One lookup for the impact report, its
 * text and CSV, and the board report; the keys stay in the JSON for programs.
 */
import type { Ir } from '../../dsl/index.js';

/** A tariff cell as the engine names a result line's first cell: `table[value, value, …]`. */
const CELL_KEY = /^([^[\]]+)\[(.*)\]$/;

export class RuleLabels {
  private readonly domains = new Map<string, Map<string, string>>();
  private readonly modules = new Map<string, { label: string | undefined; variants: Map<string, string> }>();
  private readonly tables = new Map<string, { label: string | undefined; rowKeyCount: number }>();

  /** `programs` in order of preference: the first that declares a name gives its label (the variant first). */
  constructor(programs: readonly Ir.Program[]) {
    for (const p of programs) {
      for (const d of p.domains) {
        let values = this.domains.get(d.name);
        if (!values) this.domains.set(d.name, (values = new Map()));
        for (const v of d.values)
          if (!values.has(v.name) && v.description !== undefined) values.set(v.name, v.description);
      }
      for (const m of p.modules) {
        let entry = this.modules.get(m.name);
        if (!entry) this.modules.set(m.name, (entry = { label: undefined, variants: new Map() }));
        if (entry.label === undefined && m.label !== undefined) entry.label = m.label;
        for (const v of m.variants)
          if (!entry.variants.has(v.name) && v.label !== undefined) entry.variants.set(v.name, v.label);
      }
      for (const t of p.tables) {
        const entry = this.tables.get(t.name);
        if (!entry) this.tables.set(t.name, { rowKeyCount: t.rowKeyCount, label: t.label });
        else if (entry.label === undefined && t.label !== undefined) entry.label = t.label;
      }
    }
  }

  /** A domain value's description ("Hof van Twente"), or the value itself. */
  value(domain: string, value: string): string {
    return this.domains.get(domain)?.get(value) ?? value;
  }

  /** A module's label ("Consultatie & diagnostiek"), or its name. */
  module(name: string): string {
    return this.modules.get(name)?.label ?? name;
  }

  /** A module variant's label ("Per rit"), or its name. */
  variant(module: string, name: string): string {
    return this.modules.get(module)?.variants.get(name) ?? name;
  }

  /** A table's label ("Weektarief ondersteuningsbehoefte"), or its name. */
  table(name: string): string {
    return this.tables.get(name)?.label ?? name;
  }

  /** A table cell's key values, rows joined by " × " and columns by "/": "ontwikkelen × OB2, midden/B". */
  cellValues(table: string, values: readonly string[]): string {
    const n = this.tables.get(table)?.rowKeyCount ?? values.length;
    const rows = values.slice(0, n).join(' × ');
    const columns = values.slice(n).join('/');
    return [rows, columns].filter((s) => s !== '').join(', ');
  }

  /**
   * A result line's key for people: a module ("Maatregelhulp"), a module variant ("Vervoer: Per rit") or a tariff
   * cell, its row values joined by " × " and its column values by "/", as the breakdowns write them
   * ("Weektarief ondersteuningsbehoefte: ontwikkelen × OB2, midden/B"). An unknown key stays as it is.
   */
  cell(key: string): string {
    const cell = CELL_KEY.exec(key);
    if (cell) {
      const [, name = '', inner = ''] = cell;
      const table = this.tables.get(name);
      if (!table) return key;
      return `${table.label ?? name}: ${this.cellValues(name, inner.split(', '))}`;
    }
    return this.request(key);
  }

  /** A module request's key: the module ("Maatregelhulp") or the module and its variant ("Vervoer: Per rit"). */
  request(key: string): string {
    const slash = key.indexOf('/');
    const name = slash < 0 ? key : key.slice(0, slash);
    const entry = this.modules.get(name);
    if (!entry) return key;
    const label = entry.label ?? name;
    if (slash < 0) return label;
    return `${label}: ${this.variant(name, key.slice(slash + 1))}`;
  }
}
