/**
 * The board report as one page: summary, what changes, what it costs, which scenarios prove the intent, the
 * sources and the status of the version. Dutch, for a wethouder; the impact sections are the editor's own.
 */
import type { ReportData, VersionInfo } from '../../src/report/report-data.js';
import { count, dutchDate } from '../format.js';
import {
  BadRowsSection,
  BandsSection,
  BreakdownSection,
  CellSection,
  GemeenteSection,
  headlineText,
  ImpactHeadline,
  LargestSection,
  StatusSection,
} from '../impact/impact-sections.js';
import { ChangeSection } from './change-section.js';

const WIDTH = 640;

const statusText = (v: VersionInfo): string =>
  v.status === 'vastgesteld' ? 'vastgesteld' : 'concept (nog niet vastgesteld)';

function validity(v: VersionInfo): string {
  return v.validTo !== undefined
    ? `geldig van ${dutchDate(v.validFrom)} tot en met ${dutchDate(v.validTo)}`
    : `geldig vanaf ${dutchDate(v.validFrom)}`;
}

function StatusTable({ data }: { data: ReportData }) {
  const rows: [string, VersionInfo][] = [
    ['Variant (nieuw)', data.variant],
    ['Basis (huidig)', data.basis],
  ];
  return (
    <table className="impact-table" data-testid="rapport-status">
      <caption>Status van de versies</caption>
      <thead>
        <tr>
          <th scope="col">Rol</th>
          <th scope="col">Versie</th>
          <th scope="col">Status</th>
          <th scope="col">Geldigheid</th>
          <th scope="col">Gebaseerd op</th>
          <th scope="col">Bestand</th>
          <th scope="col">Gemeentelijke afwijkingen</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([role, v]) => (
          <tr key={role}>
            <th scope="row">{role}</th>
            <td>{v.version}</td>
            <td className={v.status}>{statusText(v)}</td>
            <td>{validity(v)}</td>
            <td>{v.base ?? '—'}</td>
            <td>{v.file}</td>
            <td>{v.overrides.length > 0 ? v.overrides.join(', ') : 'geen'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Scenarios({ data }: { data: ReportData }) {
  const s = data.scenarios;
  return (
    <>
      <p>
        Versie {data.variant.version} heeft {count(s.total)} {s.total === 1 ? 'scenario' : "scenario's"}:
        voorbeelden met de uitkomst die de regels moeten geven.{' '}
        <strong data-testid="rapport-scenarios">
          {s.passed === s.total
            ? `Alle ${count(s.total)} geslaagd.`
            : `${count(s.passed)} van de ${count(s.total)} geslaagd; ${count(s.total - s.passed)} mislukt.`}
        </strong>
      </p>
      {s.total === 0 && (
        <p className="warning">
          Zonder scenario&apos;s is niet aangetoond dat de regels doen wat bedoeld is.
        </p>
      )}
      <ul className="scenarios">
        {s.outcomes.map((o) => (
          <li key={o.name} className={o.passed ? 'pass' : 'fail'}>
            <span className="mark">{o.passed ? '✓' : '✗'}</span> {o.name}
            {o.failures.length > 0 && (
              <ul>
                {o.failures.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ReportPage({ data }: { data: ReportData }) {
  const { basis, variant, impact } = data;
  return (
    <article className="rapport">
      <header>
        <p className="kicker">{data.ruleset} · rapport voor het college</p>
        <h1>
          Versie {variant.version} tegenover versie {basis.version}
        </h1>
        <p className="meta">
          Gemaakt op {dutchDate(data.made)} met regelwerk · caseload: {data.caseload} (
          {count(impact.counts.priced)} beschikkingen) · versie {variant.version}: {statusText(variant)},{' '}
          {validity(variant)}
        </p>
      </header>

      <section className="summary">
        <h2>Samenvatting</h2>
        <p className="headline" data-testid="rapport-kop">
          {headlineText(impact)}
        </p>
        <ul>
          <li>Wat verandert: {data.diff.summary}.</li>
          <li>
            Scenario&apos;s van versie {variant.version}: {count(data.scenarios.passed)} van de{' '}
            {count(data.scenarios.total)} geslaagd.
          </li>
          {impact.counts.statusChanged > 0 && (
            <li>
              {count(impact.counts.statusChanged)} beschikkingen veranderen van status (zie &lsquo;Wat kost
              het&rsquo;).
            </li>
          )}
          {impact.counts.bad > 0 && (
            <li>
              {count(impact.counts.bad)} rijen van de caseload konden niet worden gelezen en tellen niet mee.
            </li>
          )}
        </ul>
      </section>

      <section>
        <h2>1. Wat verandert er</h2>
        <ChangeSection data={data} />
      </section>

      <section>
        <h2>2. Wat kost het</h2>
        <p>
          Elke beschikking uit de caseload is twee keer berekend: alsof versie {basis.version} op al haar
          dagen gold, en alsof versie {variant.version} dat deed, elk met de gemeentelijke afwijking van die
          versie waar die bestaat. Bedragen zijn exact tot op de cent opgeteld.
        </p>
        <ImpactHeadline report={impact} />
        <GemeenteSection report={impact} width={WIDTH} />
        <BandsSection report={impact} width={WIDTH} />
        <BreakdownSection report={impact} />
        <CellSection report={impact} onlyChanged />
        <StatusSection report={impact} />
        {data.explainCommand !== undefined && (
          <p className="muted">
            Elke verandering is uit te leggen met <code>{data.explainCommand} &lt;regel&gt;</code>, met het
            regelnummer uit de eerste kolom.
          </p>
        )}
        <LargestSection report={impact} />
        <BadRowsSection report={impact} />
      </section>

      <section>
        <h2>3. Welke scenario&apos;s bewijzen de bedoeling</h2>
        <Scenarios data={data} />
      </section>

      <section>
        <h2>4. Bronnen</h2>
        {data.sources.length === 0 ? (
          <p className="warning">De gewijzigde regels noemen geen bron.</p>
        ) : (
          <ul className="sources" data-testid="rapport-bronnen">
            {data.sources.map((s) => (
              <li key={`${s.subject}:${s.bron}`}>
                <strong>{s.subject}</strong>: {s.bron}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h2>5. Status van de versie</h2>
        <StatusTable data={data} />
        {variant.status === 'concept' && (
          <p className="warning">
            Versie {variant.version} is een concept. De bedragen gelden pas als de versie is vastgesteld.
          </p>
        )}
      </section>
      <footer>
        <p className="muted">
          Berekend met regelwerk uit de regelbestanden van het {data.ruleset} ({variant.file} en {basis.file}
          ).
        </p>
      </footer>
    </article>
  );
}
