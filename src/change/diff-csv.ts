/**
 * A version diff as one CSV table (`regelwerk diff --csv`, and the editor's "Vergelijken" export): one row per
 * changed tariff cell, then one per changed declaration. Values are the diff's decimal strings with a point
 * ("188.41"; percentages of % tables as fractions, as in `--json`), fields quoted where needed (RFC 4180), as
 * the impact CSV files are.
 */
import type { VersionDiff } from './diff.js';

const field = (v: string | null | undefined): string => {
  const s = v === null || v === undefined ? '' : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const DIFF_CSV_HEAD = [
  'van',
  'naar',
  'soort',
  'tabel_of_declaratie',
  'cel_of_naam',
  'wijziging',
  'oud',
  'nieuw',
  'verschil',
  'procent',
  'toelichting',
] as const;

/** "-" for a `-` cell (it does not exist), empty when the side has no such cell. */
const cellValue = (v: string | null | undefined): string => (v === null ? '-' : (v ?? ''));

export function diffCsv(d: VersionDiff): string {
  const rows: (string | null | undefined)[][] = [];
  for (const c of d.cells) {
    // A `-` written over a tariff deletes it (vervallen); a tariff in a `-` cell is new.
    const change =
      c.old === undefined || (c.old === null && c.new !== null)
        ? 'nieuw'
        : c.new === undefined || (c.new === null && c.old !== null)
          ? 'vervallen'
          : 'gewijzigd';
    rows.push([
      d.from,
      d.to,
      'tariefcel',
      c.table,
      c.key,
      change,
      cellValue(c.old),
      cellValue(c.new),
      c.delta,
      c.percent,
      '',
    ]);
  }
  for (const i of d.items) {
    rows.push([
      d.from,
      d.to,
      'declaratie',
      i.kind,
      i.name,
      i.change,
      i.oldText ?? i.old,
      i.newText ?? i.new,
      '',
      i.percent,
      [i.title, ...(i.details ?? [])].join('; '),
    ]);
  }
  return [[...DIFF_CSV_HEAD], ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
