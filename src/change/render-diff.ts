/**
 * Dutch text rendering of a version diff, per tariff cell and per declaration, for the people who read it in
 * the yearly update round: numbers in Dutch notation (the engine's `dutch`), values with their unit,
 * percentages as percentages, and per declaration what changed in it.
 */
import { dec, dutch, type Dec } from '../engine/decimal.js';
import { summarize, type ItemChange, type TableInfo, type VersionDiff } from './diff.js';

/** A cell value in its table's unit, without the unit (the heading names it): "1.234,50", "17" (%), "0,6". */
function cellText(v: string, unit: string): string {
  const d = dec(v);
  if (unit === '%') return dutch(d.times(100));
  return unit.startsWith('€') ? amount(d) : dutch(d);
}

/** Two decimals, or more when the value has them (as the engine writes rates). */
const amount = (d: Dec): string => (d.decimalPlaces() > 2 ? dutch(d) : dutch(d, 2));

const signed = (text: string): string => (text.startsWith('-') ? text : `+${text}`);

/** "(+2,8488 %)". */
const relative = (percent: string): string => `(${signed(dutch(dec(percent)))} %)`;

/** What stands in the old or new column: the value, "-" for a `-` cell, or whether the cell is new or gone. */
function column(v: string | null | undefined, unit: string, absent: string): string {
  if (v === undefined) return absent;
  if (v === null) return '-';
  return cellText(v, unit);
}

function tableHeading(name: string, info: TableInfo | undefined): string {
  if (info === undefined) return `tabel ${name}`;
  return `tabel ${name}${info.label !== undefined ? ` "${info.label}"` : ''} in ${info.unit}`;
}

/** "parameter vervoer_per_rit gewijzigd: € 12,50 per rit → € 12,86 per rit (+2,88 %)", with details below. */
function itemLines(i: ItemChange): string[] {
  const details = i.details ?? [];
  let head = `  ${i.title} ${i.change}`;
  let value = '';
  if (i.change === 'toegevoegd' && i.newText !== undefined) value = i.newText;
  else if (i.change === 'vervallen' && i.oldText !== undefined) head += ` (was ${i.oldText})`;
  else if (
    i.change === 'gewijzigd' &&
    i.oldText !== undefined &&
    i.newText !== undefined &&
    i.oldText !== i.newText
  ) {
    const change =
      i.points !== undefined
        ? ` (${signed(dutch(dec(i.points)))} procentpunt)`
        : i.percent !== undefined
          ? ` ${relative(i.percent)}`
          : '';
    value = `${i.oldText} → ${i.newText}${change}`;
  }
  if (value === '' && details.length === 1) return [`${head}: ${details[0] ?? ''}`];
  if (value !== '') head += `: ${value}`;
  else if (details.length > 0) head += ':';
  return [head, ...details.map((d) => `      ${d}`)];
}

export function renderDiff(d: VersionDiff): string {
  const out: string[] = [`Verschil van versie ${d.from} naar versie ${d.to}`];
  const s = summarize(d);
  out.push(
    `  tariefcellen: ${s.changedCells} gewijzigd, ${s.added} nieuw, ${s.removed} vervallen; ` +
      `declaraties: ${s.items.added} toegevoegd, ${s.items.removed} vervallen, ${s.items.changed} gewijzigd`,
  );
  if (d.cells.length === 0 && d.items.length === 0) {
    out.push('  Geen verschillen.');
    return out.join('\n');
  }
  const info = new Map(d.tables.map((t) => [t.name, t]));
  const unitOf = (table: string) => info.get(table)?.unit ?? '€';
  // One layout for all tables: keys left, both value columns right-aligned.
  const rows = d.cells.map((c) => {
    const unit = unitOf(c.table);
    return {
      c,
      old: column(c.old, unit, 'nieuw'),
      new: column(c.new, unit, 'vervallen'),
      delta: c.delta !== undefined ? `, ${signed(cellText(c.delta, unit))}` : '',
      percent: c.percent !== undefined ? ` ${relative(c.percent)}` : '',
    };
  });
  const keyWidth = Math.max(0, ...rows.map((r) => r.c.key.length));
  const valueWidth = Math.max(0, ...rows.map((r) => Math.max(r.old.length, r.new.length)));
  let table: string | undefined;
  for (const r of rows) {
    if (r.c.table !== table) {
      table = r.c.table;
      out.push('', `  ${tableHeading(table, info.get(table))}`);
    }
    out.push(
      `    ${r.c.key.padEnd(keyWidth)}  ${r.old.padStart(valueWidth)} → ${r.new.padStart(valueWidth)}${r.delta}${r.percent}`,
    );
  }
  if (d.items.length) out.push('');
  for (const i of d.items) out.push(...itemLines(i));
  return out.join('\n');
}
