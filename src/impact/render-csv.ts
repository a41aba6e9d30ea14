/**
 * The impact report as CSV tables for programs (`regelwerk impact --csv <map>`): one file per part, a header
 * row, amounts as decimal strings with a point ("1234.50"), fields quoted where needed (RFC 4180).
 */
import type { Amounts, ImpactGroup, ImpactReport } from './types.js';

const field = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const csv = (
  head: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string => [head, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

const money = (a: Amounts) => [a.basis, a.variant, a.difference, a.percentage];
const AMOUNTS = ['basis', 'variant', 'verschil', 'procent'];

const groups = (gs: readonly ImpactGroup[]) =>
  csv(
    ['sleutel', 'naam', 'aantal', ...AMOUNTS],
    gs.map((g) => [g.key, g.label, g.count, ...money(g)]),
  );

/** File name → CSV text. */
export function impactCsvFiles(r: ImpactReport): Record<string, string> {
  return {
    'totalen.csv': csv(
      [
        'basisversie',
        'variantversie',
        'gelezen',
        'berekend',
        'niet_meegeteld',
        'andere_uitkomst',
        ...AMOUNTS,
      ],
      [
        [
          r.basis.version,
          r.variant.version,
          r.counts.read,
          r.counts.priced,
          r.counts.bad,
          r.counts.statusChanged,
          ...money(r.totals),
        ],
      ],
    ),
    'per-gemeente.csv': groups(r.perGemeente),
    'per-wet.csv': groups(r.perWet),
    'per-perspectief-ob.csv': groups(r.perPerspectiefOb),
    'per-intensiteit-bandbreedte.csv': groups(r.perIntensiteitBandbreedte),
    'per-module.csv': csv(
      ['sleutel', 'naam', 'aantal', 'aantal_variant', ...AMOUNTS],
      r.perModule.map((g) => [g.key, g.label, g.count, g.variantCount ?? g.count, ...money(g)]),
    ),
    'per-tariefcel.csv': csv(
      ['tariefcel', 'naam', 'aantal_basis', 'aantal_variant', ...AMOUNTS],
      r.perCell.map((c) => [c.key, c.label, c.basisCount, c.variantCount, ...money(c)]),
    ),
    'verandering-per-beschikking.csv': csv(
      ['band', 'omschrijving', 'beschikkingen', 'basis', 'variant', 'verschil'],
      r.bands.map((b) => [b.band, b.label, b.count, b.basis, b.variant, b.difference]),
    ),
    'andere-uitkomst.csv': csv(
      ['soort', 'onderwerp', 'omschrijving', 'beschikkingen', 'voorbeelden'],
      r.statusChanges.map((s) => [
        s.kind,
        s.subject,
        s.label,
        s.count,
        s.examples.map((e) => e.id ?? `regel ${e.line}`).join(' '),
      ]),
    ),
    'grootste-veranderingen.csv': csv(
      ['regel', 'beschikking', 'gemeente', 'gemeente_naam', ...AMOUNTS],
      r.largest.map((l) => [l.line, l.id, l.gemeente, l.gemeenteLabel, ...money(l)]),
    ),
    'niet-meegeteld.csv': csv(
      ['regel', 'beschikking', 'melding'],
      r.badRows.map((b) => [b.line, b.id, b.message]),
    ),
  };
}
