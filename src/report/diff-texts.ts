/**
 * The version diff (src/change/diff.ts) as Dutch texts for the board report: per table the changed cells
 * (old → new, difference, %) with a one-line summary, and the declarations added, withdrawn and changed.
 * Numbers in Dutch notation with the engine's formatter; percentages of `%`-tables as percentages.
 */
import { summarize, type CellChange, type ItemChange, type VersionDiff } from '../change/diff.js';
import { dec, dutch } from '../engine/decimal.js';
import type { RuleLabels } from '../impact/labels.js';

export interface CellText {
  /** "ontwikkelen/OB2/midden/B". */
  readonly key: string;
  /** For people, as the impact tables write cells: "ontwikkelen × OB2, midden/B". */
  readonly label: string;
  /** "136,20", "-" (a `-` cell), "nieuw" or "vervallen". */
  readonly old: string;
  readonly new: string;
  /** "+6,46", or "" when there is none. */
  readonly delta: string;
  /** "+4,74 %", or "". */
  readonly percent: string;
}

export interface TableText {
  readonly table: string;
  readonly label: string | undefined;
  /** "€ per week". */
  readonly unit: string;
  /** "48 cellen gewijzigd, van +4,72 % tot +4,76 %". */
  readonly summary: string;
  readonly cells: readonly CellText[];
}

export interface ItemText {
  readonly change: ItemChange['change'];
  /** 'Parameter vervoer_per_rit: € 12,86 per rit → € 13,47 per rit (+4,74 %)'. */
  readonly text: string;
  readonly details: readonly string[];
}

export interface DiffTexts {
  /** "97 tariefcellen gewijzigd, 0 nieuw, 0 vervallen; declaraties: 1 toegevoegd, 0 vervallen, 2 gewijzigd". */
  readonly summary: string;
  readonly tables: readonly TableText[];
  readonly added: readonly ItemText[];
  readonly withdrawn: readonly ItemText[];
  readonly changed: readonly ItemText[];
}

const signed = (t: string): string => (t.startsWith('-') ? `−${t.slice(1)}` : `+${t}`);

function valueText(v: string, unit: string): string {
  const d = dec(v);
  if (unit === '%') return dutch(d.times(100));
  if (!unit.startsWith('€')) return dutch(d);
  return d.decimalPlaces() > 2 ? dutch(d) : dutch(d, 2);
}

function side(v: string | null | undefined, unit: string, absent: string): string {
  if (v === undefined) return absent;
  if (v === null) return '-';
  return valueText(v, unit);
}

const percentText = (p: string): string => `${signed(dutch(dec(p), 2))} %`;

function cellText(c: CellChange, unit: string, labels: RuleLabels | undefined): CellText {
  return {
    key: c.key,
    label: labels !== undefined ? labels.cellValues(c.table, c.key.split('/')) : c.key,
    old: side(c.old, unit, 'nieuw'),
    new: side(c.new, unit, 'vervallen'),
    delta: c.delta !== undefined ? signed(valueText(c.delta, unit)) : '',
    percent: c.percent !== undefined ? percentText(c.percent) : '',
  };
}

function tableSummary(cells: readonly CellChange[]): string {
  const changed = cells.filter((c) => c.old !== undefined && c.new !== undefined);
  const added = cells.filter((c) => c.old === undefined).length;
  const removed = cells.filter((c) => c.new === undefined).length;
  const parts = [`${changed.length} ${changed.length === 1 ? 'cel' : 'cellen'} gewijzigd`];
  const ps = changed.flatMap((c) => (c.percent !== undefined ? [dec(c.percent)] : []));
  const [first] = ps;
  if (first !== undefined) {
    const lo = ps.reduce((a, b) => (b.lt(a) ? b : a), first);
    const hi = ps.reduce((a, b) => (b.gt(a) ? b : a), first);
    const [loText, hiText] = [percentText(lo.toFixed()), percentText(hi.toFixed())];
    parts[0] += loText === hiText ? `, alle ${loText}` : `, van ${loText} tot ${hiText}`;
  }
  if (added > 0) parts.push(`${added} nieuw`);
  if (removed > 0) parts.push(`${removed} vervallen`);
  return parts.join('; ');
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A module or table by the label the rules declare ("module Dagbesteding in een groep"); others by their title. */
function itemTitle(i: ItemChange, labels: RuleLabels | undefined): string {
  if (labels === undefined) return i.title;
  if (i.kind === 'module') return `module ${labels.module(i.name)}`;
  if (i.kind === 'tabel') return `tabel ${labels.table(i.name)}`;
  return i.title;
}

/** A module's variant in a detail by its label: 'variant "Gezinshuis+ (gezinshuis met dakje)" toegevoegd'. */
function detailText(i: ItemChange, detail: string, labels: RuleLabels | undefined): string {
  if (labels === undefined || i.kind !== 'module') return detail;
  return detail.replace(/^variant (\w+)(?=[ :])/, (_, name: string) => {
    const label = labels.variant(i.name, name);
    return label === name ? `variant ${name}` : `variant "${label}"`;
  });
}

function itemText(i: ItemChange, labels: RuleLabels | undefined): ItemText {
  let value = '';
  if (i.change === 'toegevoegd' && i.newText !== undefined) value = `: ${i.newText}`;
  else if (i.change === 'vervallen' && i.oldText !== undefined) value = ` (was ${i.oldText})`;
  else if (i.oldText !== undefined && i.newText !== undefined && i.oldText !== i.newText) {
    const change =
      i.points !== undefined
        ? ` (${signed(dutch(dec(i.points)))} procentpunt)`
        : i.percent !== undefined
          ? ` (${percentText(i.percent)})`
          : '';
    value = `: ${i.oldText} → ${i.newText}${change}`;
  }
  return {
    change: i.change,
    text: `${capitalised(itemTitle(i, labels))}${value}`,
    details: (i.details ?? []).map((d) => detailText(i, d, labels)),
  };
}

/**
 * The diff from basis to variant as texts for the report; with `labels` (from both versions' programs), modules,
 * tables and cells by the names the rules declare.
 */
export function diffTexts(d: VersionDiff, labels?: RuleLabels): DiffTexts {
  const s = summarize(d);
  const tables: TableText[] = d.tables.map((t) => {
    const cells = d.cells.filter((c) => c.table === t.name);
    return {
      table: t.name,
      label: t.label,
      unit: t.unit,
      summary: tableSummary(cells),
      cells: cells.map((c) => cellText(c, t.unit, labels)),
    };
  });
  const items = d.items.map((i) => itemText(i, labels));
  return {
    summary:
      `${s.changedCells} ${s.changedCells === 1 ? 'tariefcel' : 'tariefcellen'} gewijzigd, ${s.added} nieuw, ` +
      `${s.removed} vervallen; declaraties: ${s.items.added} toegevoegd, ${s.items.removed} vervallen, ` +
      `${s.items.changed} gewijzigd`,
    tables,
    added: items.filter((i) => i.change === 'toegevoegd'),
    withdrawn: items.filter((i) => i.change === 'vervallen'),
    changed: items.filter((i) => i.change === 'gewijzigd'),
  };
}
