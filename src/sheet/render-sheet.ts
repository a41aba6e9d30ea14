/**
 * The tariff sheet as text (`regelwerk tarieven`): per table a grid in Dutch notation, keys left and values
 * right-aligned, then the parameters; with `herkomst` every value's origin on its own line. Also the one Dutch
 * sentence for an origin that the editor's sheet shows.
 */
import { dec, dutch } from '../engine/decimal.js';
import { signedPercentText } from './cell-text.js';
import type { Origin, Sheet, SheetTable } from './sheet.js';

/** "2020 (+2,85 %) en 2022 (+4,74 %)"; a partial indexation with its selection: "2024 (-3 % voor … OB2)". */
function listSteps(o: Origin): string {
  const parts = o.indexed.map(
    (s) =>
      `${s.version} (${signedPercentText(s.fraction)}${s.selection !== undefined ? ` voor ${s.selection}` : ''})`,
  );
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1] ?? ''}`;
}

/**
 * Where a value comes from, in one Dutch sentence: "geschreven in versie 2019 (2019-01-01), geïndexeerd in
 * 2020 (+2,85 %) en 2022 (+4,74 %); bron: Tarievenblad …".
 */
export function originText(o: Origin): string {
  const w = o.written;
  const parts = [`geschreven in versie ${w.version} (${w.validFrom})`];
  if (o.indexed.length > 0) parts.push(`geïndexeerd in ${listSteps(o)}`);
  return `${parts.join(', ')}${w.bron !== undefined ? `; bron: ${w.bron}` : ''}`;
}

/** A cell value in the grid, without the € (the heading names the unit): "188,41", "60", "0,6", "-". */
export function gridText(table: SheetTable, value: string | null): string {
  if (value === null) return '-';
  const d = dec(value);
  switch (table.type.kind) {
    case 'money':
    case 'rate':
      return d.decimalPlaces() > 2 ? dutch(d) : dutch(d, 2);
    case 'percent':
      return dutch(d.times(100));
    default:
      return dutch(d);
  }
}

function renderTable(t: SheetTable, withOrigin: boolean): string[] {
  const out = [
    `tabel ${t.name}${t.label !== undefined ? ` "${t.label}"` : ''} in ${t.unit}`,
    ...(t.bron !== undefined ? [`  bron: ${t.bron}`] : []),
  ];
  const heads = t.columns.map((c) => (c.length === 0 ? t.unit : c.join('/')));
  const partWidths = t.rowKeys.map((_, i) => Math.max(0, ...t.rows.map((r) => (r.key[i] ?? '').length)));
  const keys = t.rows.map((r) => r.key.map((k, i) => k.padEnd(partWidths[i] ?? 0)).join('  '));
  const values = t.rows.map((r) => r.cells.map((c) => (c === undefined ? '' : gridText(t, c.value))));
  const keyWidth = Math.max(0, ...keys.map((k) => k.length));
  const widths = heads.map((h, i) => Math.max(h.length, ...values.map((v) => (v[i] ?? '').length)));
  const line = (k: string, cells: readonly string[]) =>
    `  ${k.padEnd(keyWidth)}  ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ')}`.trimEnd();
  out.push(line('', heads));
  t.rows.forEach((_, i) => out.push(line(keys[i] ?? '', values[i] ?? [])));
  if (withOrigin) {
    out.push('  herkomst:');
    const cells = t.rows.flatMap((r) => r.cells.filter((c) => c !== undefined));
    const kw = Math.max(0, ...cells.map((c) => c.keyText.length));
    const vw = Math.max(0, ...cells.map((c) => gridText(t, c.value).length));
    for (const c of cells) {
      out.push(`    ${c.keyText.padEnd(kw)}  ${gridText(t, c.value).padStart(vw)}  ${originText(c.origin)}`);
    }
  }
  return out;
}

export interface RenderSheetOptions {
  /** Only this table (and no parameters). */
  readonly table?: string;
  /** Every value's origin. */
  readonly origin?: boolean;
}

export function renderSheet(s: Sheet, options: RenderSheetOptions = {}): string {
  const head = `Tarievenblad ${s.ruleset}, versie ${s.version} (${s.status}, geldig vanaf ${s.validFrom}${s.validTo !== undefined ? ` tot en met ${s.validTo}` : ''})`;
  const out = [head + (s.municipality !== undefined ? `, gemeente ${s.municipality}` : '')];
  const tables = options.table === undefined ? s.tables : s.tables.filter((t) => t.name === options.table);
  for (const t of tables) out.push('', ...renderTable(t, options.origin === true));
  if (options.table === undefined && s.parameters.length > 0) {
    out.push('', 'parameters');
    const width = Math.max(...s.parameters.map((p) => p.name.length));
    for (const p of s.parameters) {
      const origin = options.origin === true ? `  ${originText(p.origin)}` : '';
      out.push(`  ${p.name.padEnd(width)}  ${p.text}${origin}`);
    }
  }
  return out.join('\n');
}
