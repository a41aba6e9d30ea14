/**
 * The impact of a rule change, drawn for people: the headline, the change per gemeente (chart and table), the
 * distribution over bands (chart and table), the tables per perspectief × OB, intensiteit/bandbreedte, wet and
 * module, per tariff cell, status changes, the largest changes and the rows that could not be read.
 * The editor's Impact tab and the board report render these same components.
 */
import type { ReactNode } from 'react';
import type { ImpactReport, LargestChange } from '../../src/impact/types.js';
import { BarChart } from '../charts/bar-chart.js';
import { ChartFigure } from '../charts/chart-figure.js';
import { ColumnChart, type ColumnDatum } from '../charts/column-chart.js';
import { count, euro, signedEuro, signedEuroRounded, signedPercent, signOf } from '../format.js';
import { AmountCells, AmountHeads, AmountsTable } from './amounts-table.js';

const plural = (n: number, one: string, more: string): string => `${count(n)} ${n === 1 ? one : more}`;

/** "Versie 2023 kost € 1.234,56 meer dan versie 2022 (+4,74 %)…". */
export function headlineText(r: ImpactReport): string {
  const t = r.totals;
  const sign = signOf(t.difference);
  const over = `voor ${plural(r.counts.priced, 'beschikking', 'beschikkingen')}`;
  const variant = `Versie ${r.variant.version}`;
  const basis = `versie ${r.basis.version}`;
  if (sign === 0) return `${variant} kost evenveel als ${basis}: ${euro(t.basis)} ${over}.`;
  const amount = euro(t.difference.replace(/^-/, ''));
  return `${variant} kost ${amount} ${sign > 0 ? 'meer' : 'minder'} dan ${basis} (${signedPercent(t.percentage)}): ${euro(t.variant)} in plaats van ${euro(t.basis)} ${over}.`;
}

export function ImpactHeadline({ report }: { report: ImpactReport }) {
  const c = report.counts;
  const overrides = [...report.basis.overrides, ...report.variant.overrides];
  return (
    <div className="impact-headline" data-testid="impact-headline" data-difference={report.totals.difference}>
      <p className="headline">{headlineText(report)}</p>
      <p className="muted">
        {c.bad > 0
          ? `${plural(c.bad, 'rij', 'rijen')} van de caseload niet meegeteld (zie onderaan). `
          : 'Alle rijen van de caseload zijn meegeteld. '}
        {c.statusChanged > 0
          ? `${plural(c.statusChanged, 'beschikking verandert', 'beschikkingen veranderen')} van status (een module, fout of waarschuwing). `
          : ''}
        {overrides.length > 0
          ? `Gemeentelijke afwijkingen toegepast: ${[...new Set(overrides)].join(', ')}.`
          : ''}
      </p>
    </div>
  );
}

export function GemeenteSection({ report, width }: { report: ImpactReport; width?: number }) {
  const rows = report.perGemeente.map((g) => ({
    label: g.label,
    value: g.difference,
    text: signedEuroRounded(g.difference),
  }));
  return (
    <ChartFigure
      testId="impact-gemeente"
      caption="Verschil per gemeente (variant min basis)"
      chart={
        <BarChart
          title="Staafdiagram: verschil in euro per gemeente"
          rows={rows}
          axisLabel="verschil in euro"
          {...(width !== undefined ? { width } : {})}
        />
      }
      table={
        <AmountsTable
          caption="Per gemeente"
          first="Gemeente"
          counted="Beschikkingen"
          groups={report.perGemeente}
          total={{ ...report.totals, count: report.counts.priced }}
        />
      }
    />
  );
}

const BAND_TONE: Record<string, ColumnDatum['tone']> = {
  lager_meer_dan_5: 'lower',
  lager_tot_5: 'lower',
  gelijk: 'same',
  hoger_tot_5: 'higher',
  hoger_meer_dan_5: 'higher',
};

export function BandsSection({ report, width }: { report: ImpactReport; width?: number }) {
  const columns = report.bands.map((b) => ({
    label: b.label,
    count: b.count,
    tone: BAND_TONE[b.band] ?? 'same',
  }));
  return (
    <ChartFigure
      testId="impact-banden"
      caption="Verandering per beschikking, in banden"
      chart={
        <ColumnChart
          title="Kolomdiagram: aantal beschikkingen per band van verandering"
          columns={columns}
          {...(width !== undefined ? { width } : {})}
        />
      }
      table={
        <table className="impact-table">
          <caption>Beschikkingen per band</caption>
          <thead>
            <tr>
              <th scope="col">Band</th>
              <th scope="col" className="amount">
                Beschikkingen
              </th>
              <th scope="col" className="amount">
                Verschil
              </th>
            </tr>
          </thead>
          <tbody>
            {report.bands.map((b) => (
              <tr key={b.band} data-key={b.band}>
                <th scope="row">{b.label}</th>
                <td className="amount">{count(b.count)}</td>
                <td className="amount" data-difference={b.difference}>
                  {signedEuro(b.difference)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function BreakdownSection({ report }: { report: ImpactReport }) {
  return (
    <div className="impact-breakdowns">
      <AmountsTable
        testId="impact-ob"
        caption="Resultaten per perspectief en ondersteuningsbehoefte (OB)"
        first="Perspectief × OB"
        counted="Resultaten"
        groups={report.perPerspectiefOb}
      />
      <AmountsTable
        testId="impact-intensiteit"
        caption="Resultaten per intensiteit en bandbreedte"
        first="Intensiteit/bandbreedte"
        counted="Resultaten"
        groups={report.perIntensiteitBandbreedte}
      />
      <AmountsTable
        testId="impact-module"
        caption="Modules"
        first="Module"
        counted="Aanvragen"
        countedTitle="Aanvragen geprijsd in de basis (/ in de variant, als dat er een ander aantal is)"
        groups={report.perModule}
      />
      <AmountsTable
        testId="impact-wet"
        caption="Per wet"
        first="Wet"
        counted="Beschikkingen"
        groups={report.perWet}
      />
    </div>
  );
}

/**
 * A cell's label that wraps, in a narrow column, only after what it belongs to ("Weektarief
 * ondersteuningsbehoefte:" | "ontwikkelen × OB2, midden/B"), never inside either part.
 */
export function CellLabel({ label }: { label: string }) {
  const at = label.indexOf(': ');
  if (at < 0) return <span className="part">{label}</span>;
  return (
    <>
      <span className="part">{label.slice(0, at + 1)}</span>{' '}
      <span className="part">{label.slice(at + 2)}</span>
    </>
  );
}

/**
 * Per tariff cell (or module key), by the labels the rules declare (the key in `data-key` and as a tooltip): how
 * many results use it, and the money it moves.
 */
export function CellSection({
  report,
  onlyChanged = false,
}: {
  report: ImpactReport;
  onlyChanged?: boolean;
}) {
  const cells = onlyChanged ? report.perCell.filter((c) => signOf(c.difference) !== 0) : report.perCell;
  return (
    <table className="impact-table" data-testid="impact-cellen">
      <caption>
        {onlyChanged ? 'Tariefcellen die geld verschuiven' : 'Per tariefcel en module'}
        {onlyChanged && cells.length === 0 ? ': geen' : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Cel</th>
          <th
            scope="col"
            className="amount"
            title="Resultaten of aanvragen geprijsd met deze cel (basis / variant)"
          >
            Gebruikt
          </th>
          <AmountHeads />
        </tr>
      </thead>
      <tbody>
        {cells.map((c) => (
          <tr key={c.key} data-key={c.key} data-count={c.variantCount} data-basis-count={c.basisCount}>
            <th scope="row" className="cel" title={c.key}>
              <CellLabel label={c.label} />
            </th>
            <td className="amount">
              {c.basisCount === c.variantCount
                ? count(c.variantCount)
                : `${count(c.basisCount)} / ${count(c.variantCount)}`}
            </td>
            <AmountCells a={c} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatusSection({ report }: { report: ImpactReport }) {
  if (report.statusChanges.length === 0) return null;
  return (
    <table className="impact-table" data-testid="impact-status">
      <caption>Beschikkingen die van status veranderen</caption>
      <thead>
        <tr>
          <th scope="col">Wat verandert</th>
          <th scope="col" className="amount">
            Beschikkingen
          </th>
          <th scope="col">Voorbeelden (regel in de caseload)</th>
        </tr>
      </thead>
      <tbody>
        {report.statusChanges.map((s) => (
          <tr key={`${s.kind}:${s.subject}`}>
            <th scope="row">{s.label}</th>
            <td className="amount">{count(s.count)}</td>
            <td>{s.examples.map((e) => e.id ?? `regel ${e.line}`).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "beschikking B123 (regel 17)" or "regel 17". */
export const caseName = (c: { readonly line: number; readonly id?: string }): string =>
  c.id !== undefined ? `${c.id} (regel ${c.line})` : `regel ${c.line}`;

interface LargestProps {
  readonly report: ImpactReport;
  /** When given, each change has a button that opens it (in the editor: the playground with its explanation). */
  readonly onOpen?: (change: LargestChange) => void;
  /** When no button: how the reader can explain one (the command line). */
  readonly hint?: (change: LargestChange) => ReactNode;
}

export function LargestSection({ report, onOpen, hint }: LargestProps) {
  // The gemeente as people write it ("Hof van Twente"), as in the table per gemeente.
  const label = new Map(report.perGemeente.map((g) => [g.key, g.label]));
  return (
    <table className="impact-table" data-testid="impact-grootste">
      <caption>De {report.largest.length} grootste veranderingen per beschikking</caption>
      <thead>
        <tr>
          <th scope="col">Beschikking</th>
          <th scope="col">Gemeente</th>
          <AmountHeads />
          {(onOpen !== undefined || hint !== undefined) && <th scope="col">Uitleg</th>}
        </tr>
      </thead>
      <tbody>
        {report.largest.map((c) => (
          <tr key={`${c.line}:${c.id ?? ''}`} data-line={c.line}>
            <th scope="row">{caseName(c)}</th>
            <td>{label.get(c.gemeente) ?? c.gemeente}</td>
            <AmountCells a={c} />
            {onOpen !== undefined ? (
              <td>
                <button type="button" className="link" onClick={() => onOpen(c)} data-testid="open-case">
                  Open in proefgeval
                </button>
              </td>
            ) : hint !== undefined ? (
              <td className="hint">{hint(c)}</td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BadRowsSection({ report, limit = 20 }: { report: ImpactReport; limit?: number }) {
  if (report.counts.bad === 0) return null;
  const shown = report.badRows.slice(0, limit);
  return (
    <div className="impact-bad" data-testid="impact-fouten">
      <h3>Niet meegeteld: {plural(report.counts.bad, 'rij', 'rijen')}</h3>
      <ul>
        {shown.map((b) => (
          <li key={`${b.line}:${b.id ?? ''}`}>
            Regel {b.line}
            {b.id !== undefined ? ` (beschikking ${b.id})` : ''}: {b.message}
          </li>
        ))}
      </ul>
      {report.counts.bad > shown.length && (
        <p className="muted">en nog {count(report.counts.bad - shown.length)} meer.</p>
      )}
    </div>
  );
}
