/**
 * Merging tallies (from workers, in any order) and turning the sums into the JSON {@link ImpactReport}.
 */
import type { Ir } from '../../dsl/index.js';
import { RuleLabels } from './labels.js';
import { moneyText, percentage } from './money.js';
import type { CellSum, LargestEntry, StatusSum, Sum, Tally } from './tally.js';
import { largerChange, newTally, settleTally } from './tally.js';
import type {
  Amounts,
  ImpactCell,
  ImpactGroup,
  ImpactReport,
  ImpactSide,
  StatusChange,
  StatusChangeKind,
} from './types.js';
import { BAND_LABELS, BANDS, LARGEST_LISTED, MAX_BAD_ROWS_LISTED, STATUS_EXAMPLES } from './types.js';

function addSums(into: Map<string, Sum>, from: ReadonlyMap<string, Sum>): void {
  for (const [k, s] of from) {
    const t = into.get(k);
    if (t) {
      t.basis += s.basis;
      t.variant += s.variant;
      t.count += s.count;
    } else into.set(k, { ...s });
  }
}

/** Adds tally `from` into `into` (exact: the result does not depend on the order of merging). */
export function mergeTally(into: Tally, from: Tally): void {
  settleTally(into);
  settleTally(from);
  into.read += from.read;
  into.priced += from.priced;
  into.bad += from.bad;
  into.statusChanged += from.statusChanged;
  into.totals.basis += from.totals.basis;
  into.totals.variant += from.totals.variant;
  into.totals.count += from.totals.count;
  addSums(into.gemeente, from.gemeente);
  addSums(into.wet, from.wet);
  addSums(into.perspectiefOb, from.perspectiefOb);
  addSums(into.intensiteitBandbreedte, from.intensiteitBandbreedte);
  addSums(into.module, from.module);
  addSums(into.bands as Map<string, Sum>, from.bands);
  for (const [k, c] of from.cells) {
    const t = into.cells.get(k);
    if (t) {
      t.basis += c.basis;
      t.variant += c.variant;
      t.basisCount += c.basisCount;
      t.variantCount += c.variantCount;
    } else into.cells.set(k, { ...c });
  }
  for (const [k, s] of from.status) {
    const t = into.status.get(k);
    if (t) {
      t.count += s.count;
      t.examples = [...t.examples, ...s.examples].sort((a, b) => a.line - b.line).slice(0, STATUS_EXAMPLES);
    } else into.status.set(k, { ...s, examples: [...s.examples] });
  }
  into.largest = [...into.largest, ...from.largest].sort(largerChange).slice(0, LARGEST_LISTED);
  into.badRows = [...into.badRows, ...from.badRows]
    .sort((a, b) => a.line - b.line)
    .slice(0, MAX_BAD_ROWS_LISTED);
}

/** Tallies merged into a new one. */
export function mergeTallies(tallies: readonly Tally[]): Tally {
  const t = newTally();
  for (const x of tallies) mergeTally(t, x);
  return t;
}

const amounts = (basis: bigint, variant: bigint): Amounts => ({
  basis: moneyText(basis),
  variant: moneyText(variant),
  difference: moneyText(variant - basis),
  percentage: percentage(variant - basis, basis),
});

function groups(
  map: ReadonlyMap<string, Sum>,
  label: (key: string) => string,
  order?: (a: string, b: string) => number,
): ImpactGroup[] {
  const keys = [...map.keys()].sort(order ?? ((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  return keys.map((key) => {
    const s = map.get(key) as Sum;
    return { key, label: label(key), count: s.count, ...amounts(s.basis, s.variant) };
  });
}

const STATUS_ORDER: readonly StatusChangeKind[] = [
  'ongeldig_geworden',
  'geldig_geworden',
  'module_geweigerd',
  'module_toegestaan',
  'module_vervallen',
  'module_nieuw',
  'nieuwe_fout',
  'fout_vervallen',
  'nieuwe_waarschuwing',
  'waarschuwing_vervallen',
];

/**
 * Dutch, for people; `moduleLabel` names the subject of the module kinds (a module, or a module and its variant)
 * by the labels the rules declare.
 */
export function statusLabel(
  kind: StatusChangeKind,
  subject: string,
  moduleLabel: (name: string) => string = (name) => name,
): string {
  switch (kind) {
    case 'ongeldig_geworden':
      return `nu ongeldig: ${subject}`;
    case 'geldig_geworden':
      return `nu geldig (was: ${subject})`;
    case 'module_geweigerd':
      return `module ${moduleLabel(subject)} nu geweigerd`;
    case 'module_toegestaan':
      return `module ${moduleLabel(subject)} nu toegestaan`;
    case 'module_vervallen':
      return `module ${moduleLabel(subject)} vervalt in de variant (aanvraag niet meer geprijsd)`;
    case 'module_nieuw':
      return `module ${moduleLabel(subject)} is nieuw in de variant (in de basis niet geprijsd)`;
    case 'nieuwe_fout':
      return `nieuwe fout: ${subject}`;
    case 'fout_vervallen':
      return `fout vervalt: ${subject}`;
    case 'nieuwe_waarschuwing':
      return `nieuwe waarschuwing: ${subject}`;
    case 'waarschuwing_vervallen':
      return `waarschuwing vervalt: ${subject}`;
  }
}

function statusChanges(status: ReadonlyMap<string, StatusSum>, labels: RuleLabels): StatusChange[] {
  return [...status.values()]
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.kind) - STATUS_ORDER.indexOf(b.kind) ||
        b.count - a.count ||
        (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0),
    )
    .map((s) => ({
      kind: s.kind,
      subject: s.subject,
      label: statusLabel(s.kind, s.subject, (key) => labels.request(key)),
      count: s.count,
      examples: s.examples,
    }));
}

/** Per module, the requests each side priced: the counts of its lines (`module` or `module/variant`). */
function withVariantCounts(modules: ImpactGroup[], cellSums: ReadonlyMap<string, CellSum>): ImpactGroup[] {
  return modules.map((g) => {
    let variantCount = 0;
    for (const [key, c] of cellSums)
      if (key === g.key || key.startsWith(`${g.key}/`)) variantCount += c.variantCount;
    return { ...g, variantCount };
  });
}

function cells(map: ReadonlyMap<string, CellSum>, labels: RuleLabels): ImpactCell[] {
  return [...map.keys()].sort().map((key) => {
    const c = map.get(key) as CellSum;
    return {
      key,
      label: labels.cell(key),
      basisCount: c.basisCount,
      variantCount: c.variantCount,
      ...amounts(c.basis, c.variant),
    };
  });
}

const largest = (e: LargestEntry, labels: RuleLabels) => ({
  line: e.line,
  ...(e.id !== undefined ? { id: e.id } : {}),
  gemeente: e.gemeente,
  gemeenteLabel: labels.value('gemeente', e.gemeente),
  ...amounts(e.basis, e.variant),
  casus: e.casus,
});

/**
 * The JSON report of a finished tally; `programs` (the variant's first) give the Dutch labels of gemeenten, wetten,
 * modules and tariff cells.
 */
export function finishReport(
  t: Tally,
  sides: { readonly basis: ImpactSide; readonly variant: ImpactSide },
  programs: readonly Ir.Program[],
): ImpactReport {
  settleTally(t);
  const labels = new RuleLabels(programs);
  const same = (k: string) => k;
  return {
    kind: 'impact',
    basis: sides.basis,
    variant: sides.variant,
    counts: { read: t.read, priced: t.priced, bad: t.bad, statusChanged: t.statusChanged },
    totals: amounts(t.totals.basis, t.totals.variant),
    perGemeente: groups(t.gemeente, (k) => labels.value('gemeente', k)),
    perWet: groups(t.wet, (k) => labels.value('wet', k)),
    perPerspectiefOb: groups(t.perspectiefOb, (k) => k.replace(', ', ' × ')),
    perIntensiteitBandbreedte: groups(t.intensiteitBandbreedte, same),
    perModule: withVariantCounts(
      groups(t.module, (k) => labels.module(k)),
      t.cells,
    ),
    perCell: cells(t.cells, labels),
    bands: BANDS.map((band) => {
      const s = t.bands.get(band) as Sum;
      return {
        band,
        label: BAND_LABELS[band],
        count: s.count,
        basis: moneyText(s.basis),
        variant: moneyText(s.variant),
        difference: moneyText(s.variant - s.basis),
      };
    }),
    statusChanges: statusChanges(t.status, labels),
    largest: t.largest.map((e) => largest(e, labels)),
    badRows: t.badRows,
  };
}
