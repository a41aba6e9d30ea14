/**
 * A structural diff between two versions of a ruleset: per tariff cell (old → new, absolute and %), and per
 * declaration (added, withdrawn, changed). Not a text diff: an indexation shows up as the cells it moved.
 */
import type { Ir } from '../../dsl/index.js';
import { dec, moneyString, plainString, type Dec } from '../engine/decimal.js';
import { effectiveCells } from './effective-tables.js';
import { parameterValue } from '../engine/indexation.js';

export interface CellChange {
  readonly table: string;
  /** "ontwikkelen/OB2/midden/B". */
  readonly key: string;
  /** Decimal strings; null for a `-` cell; undefined when the cell (or table) does not exist on that side. */
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
  | 'voorziening';

export interface ItemChange {
  readonly kind: ItemKind;
  readonly name: string;
  readonly change: 'toegevoegd' | 'vervallen' | 'gewijzigd';
  /** For parameters with a constant value: old and new value. */
  readonly old?: string;
  readonly new?: string;
  readonly percent?: string;
}

export interface VersionDiff {
  readonly from: string;
  readonly to: string;
  readonly cells: readonly CellChange[];
  readonly items: readonly ItemChange[];
}

const ORIGIN_KEYS = new Set(['id', 'span', 'origin', 'file', 'version', 'validFrom', 'source']);

/** JSON of an IR item without where it came from, so moved or inherited items compare equal. */
function shape(x: unknown): string {
  return JSON.stringify(x, (k, v: unknown) => (ORIGIN_KEYS.has(k) ? undefined : v));
}

const pct = (from: Dec, to: Dec): string | undefined =>
  from.isZero() ? undefined : plainString(to.minus(from).div(from).times(100), 4);

function diffNamed<T>(
  kind: ItemKind,
  a: readonly T[],
  b: readonly T[],
  name: (x: T) => string,
  out: ItemChange[],
  compare: (x: T) => string = shape,
): void {
  const left = new Map(a.map((x) => [name(x), x]));
  const right = new Map(b.map((x) => [name(x), x]));
  for (const [n, x] of left) {
    const y = right.get(n);
    if (y === undefined) out.push({ kind, name: n, change: 'vervallen' });
    else if (compare(x) !== compare(y)) out.push({ kind, name: n, change: 'gewijzigd' });
  }
  for (const n of right.keys()) if (!left.has(n)) out.push({ kind, name: n, change: 'toegevoegd' });
}

/** A parameter's constant value after its indexations, as text for the diff. */
function constValue(p: Ir.ParameterDef): string | undefined {
  if (p.value.kind !== 'const' || typeof p.value.value !== 'string') return undefined;
  const kind = p.type.kind;
  const v = parameterValue(p, dec(p.value.value));
  return kind === 'money' || kind === 'rate' ? moneyString(v) : plainString(v, 6);
}

function diffCells(a: readonly Ir.TableDef[], b: readonly Ir.TableDef[]): CellChange[] {
  const out: CellChange[] = [];
  const right = new Map(b.map((t) => [t.name, t]));
  const left = new Map(a.map((t) => [t.name, t]));
  const names = [...new Set([...left.keys(), ...right.keys()])];
  for (const name of names) {
    const lt = left.get(name);
    const rt = right.get(name);
    const lc = lt ? effectiveCells(lt) : new Map<string, Dec | undefined>();
    const rc = rt ? effectiveCells(rt) : new Map<string, Dec | undefined>();
    const kind = (rt ?? lt)?.type.kind;
    const show = kind === 'money' || kind === 'rate' ? moneyString : (d: Dec) => plainString(d, 6);
    const keys = [...new Set([...lc.keys(), ...rc.keys()])];
    for (const key of keys) {
      const o = lc.get(key);
      const n = rc.get(key);
      const oldV = lc.has(key) ? (o === undefined ? null : show(o)) : undefined;
      const newV = rc.has(key) ? (n === undefined ? null : show(n)) : undefined;
      if (oldV === newV) continue;
      const both = o !== undefined && n !== undefined;
      const p = both ? pct(o, n) : undefined;
      out.push({
        table: name,
        key,
        old: oldV,
        new: newV,
        ...(both ? { delta: show(n.minus(o)) } : {}),
        ...(p !== undefined ? { percent: p } : {}),
      });
    }
  }
  return out;
}

/** What changed from version `a` to version `b` (both full, inherited programs). */
export function diffPrograms(a: Ir.Program, b: Ir.Program): VersionDiff {
  const items: ItemChange[] = [];
  diffNamed('domein', a.domains, b.domains, (d) => d.name, items);
  diffNamed('bandbreedte', a.bandwidths, b.bandwidths, (w) => `${w.intensity}/${w.name}`, items);
  const levels = ['beschikking', 'resultaat', 'module'] as const;
  for (const level of levels) {
    diffNamed('invoer', a.input[level], b.input[level], (f) => `${level}.${f.name}`, items);
  }
  // Parameters: constant values get old → new.
  const leftParams = new Map(a.parameters.map((p) => [p.name, p]));
  const paramChanges: ItemChange[] = [];
  diffNamed(
    'parameter',
    a.parameters,
    b.parameters,
    (p) => p.name,
    paramChanges,
    (p) => shape({ ...p, value: constValue(p) ?? p.value, adjustments: [] }),
  );
  for (const c of paramChanges) {
    const after = b.parameters.find((p) => p.name === c.name);
    const before = leftParams.get(c.name);
    const o = before ? constValue(before) : undefined;
    const n = after ? constValue(after) : undefined;
    const p = o !== undefined && n !== undefined ? pct(dec(o), dec(n)) : undefined;
    items.push({
      ...c,
      ...(o !== undefined ? { old: o } : {}),
      ...(n !== undefined ? { new: n } : {}),
      ...(p !== undefined ? { percent: p } : {}),
    });
  }
  // Tables: only their definition (unit, keys, label, bron); cells are listed separately.
  diffNamed(
    'tabel',
    a.tables,
    b.tables,
    (t) => t.name,
    items,
    (t) => shape({ label: t.label, type: t.type, keys: t.keys, rowKeyCount: t.rowKeyCount }),
  );
  diffNamed('berekening', a.calcs, b.calcs, (c) => `${c.scope}:${c.name}`, items);
  diffNamed('budget', a.budget ? [a.budget] : [], b.budget ? [b.budget] : [], () => 'budget', items);
  diffNamed('module', a.modules, b.modules, (m) => m.name, items);
  diffNamed('regel', a.rules, b.rules, (r) => r.name, items);
  diffNamed('voorziening', a.provisions, b.provisions, (p) => p.name, items);
  return { from: a.version, to: b.version, cells: diffCells(a.tables, b.tables), items };
}

/** Sum of the absolute cell changes, for a one-line summary. */
export function summarize(d: VersionDiff): { changedCells: number; added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const c of d.cells) {
    if (c.old === undefined) added++;
    if (c.new === undefined) removed++;
  }
  return { changedCells: d.cells.length - added - removed, added, removed };
}
