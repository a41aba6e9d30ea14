/**
 * The text of `wijzig tabel` blocks for a set of written cells (src/sheet/table-edit.ts): rows that write the same
 * columns share a block, rows and columns in the table's own order, written by the project's formatter.
 */
import type { Ir } from '../../dsl/index.js';
import { formatText } from '../../dsl/index.js';

/** A cell a version's `wijzig tabel` writes. */
export interface Written {
  readonly key: readonly string[];
  /** The text for the file ("190,00", "-"). */
  readonly text: string;
  /** The value (IR decimal string), null for `-`. */
  readonly value: string | null;
  readonly bron: string | undefined;
}

const SEP = '\u0000';

export const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The `wijzig tabel` blocks for the written cells, formatted. */
export function renderBlocks(
  table: Ir.TableDef,
  unit: string,
  cells: readonly Written[],
  label: string | undefined,
): string {
  const n = table.rowKeyCount;
  const rowOrder = new Map<string, number>();
  const colOrder = new Map<string, number>();
  for (const c of table.cells) {
    const r = c.key.slice(0, n).join(SEP);
    const k = c.key.slice(n).join(SEP);
    if (!rowOrder.has(r)) rowOrder.set(r, rowOrder.size);
    if (!colOrder.has(k)) colOrder.set(k, colOrder.size);
  }
  // Per bron, per row: the columns it writes; rows writing the same columns share a block.
  const groups = new Map<
    string,
    { bron: string | undefined; cols: string[]; rows: Map<string, Written[]> }
  >();
  const rowsOf = new Map<string, { bron: string | undefined; row: string; cells: Written[] }>();
  for (const c of cells) {
    const row = c.key.slice(0, n).join(SEP);
    const id = `${c.bron ?? ''}${SEP}${SEP}${row}`;
    const r = rowsOf.get(id) ?? { bron: c.bron, row, cells: [] };
    r.cells.push(c);
    rowsOf.set(id, r);
  }
  const colKey = (c: Written): string => c.key.slice(n).join(SEP);
  const byOrder = (order: Map<string, number>) => (a: string, b: string) =>
    (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity);
  for (const r of rowsOf.values()) {
    const cols = r.cells.map(colKey).sort(byOrder(colOrder));
    const id = `${r.bron ?? ''}${SEP}${SEP}${cols.join('\u0001')}`;
    const g = groups.get(id) ?? { bron: r.bron, cols, rows: new Map() };
    g.rows.set(r.row, r.cells);
    groups.set(id, g);
  }
  const rowKeys = table.keys.slice(0, n);
  const colKeys = table.keys.slice(n);
  const blocks = [...groups.values()].map((g, i) => {
    const lines = [
      `wijzig tabel ${table.name}${i === 0 && label !== undefined ? ` ${quote(label)}` : ''} in ${unit}`,
    ];
    if (rowKeys.length > 0) lines.push(`  rijen ${rowKeys.join(', ')}`);
    if (colKeys.length > 0) lines.push(`  kolommen ${colKeys.join('/')}`);
    if (g.bron !== undefined) lines.push(`  bron ${quote(g.bron)}`);
    if (colKeys.length > 0) lines.push(`  ${g.cols.map((c) => c.split(SEP).join('/')).join('  ')}`);
    const rows = [...g.rows.keys()].sort(byOrder(rowOrder));
    for (const row of rows) {
      const byCol = new Map((g.rows.get(row) ?? []).map((c) => [colKey(c), c.text]));
      lines.push(`  ${row.split(SEP).join('  ')}  ${g.cols.map((c) => byCol.get(c) ?? '-').join('  ')}`);
    }
    return lines.join('\n');
  });
  return formatBlocks(blocks.join('\n\n'));
}

const DUMMY_HEADER = 'regelset "x"\nversie "x"\ngeldig vanaf 2000-01-01\n\n';

/** Formats declarations without a header (the formatter wants one: a stand-in is added and taken off). */
export function formatBlocks(text: string): string {
  const f = formatText(DUMMY_HEADER + text + '\n', 'blok.regels');
  if (!f.ok) return text + '\n';
  return f.text.split('\n').slice(4).join('\n');
}

/** The unit as written after `in`, when no block of the file says it. */
export function unitOf(table: Ir.TableDef): string {
  switch (table.type.kind) {
    case 'money':
      return '€';
    case 'rate':
      return `€ per ${table.type.per}`;
    case 'percent':
      return '%';
    default:
      return 'getal';
  }
}
