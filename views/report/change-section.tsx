/** "Wat verandert er": the declarations added, withdrawn and changed, and per table the changed cells. */
import type { ItemText } from '../../src/report/diff-texts.js';
import type { ReportData } from '../../src/report/report-data.js';
import { AmountHeads } from '../impact/amounts-table.js';
import { CellLabel } from '../impact/impact-sections.js';

function Items({ title, items }: { title: string; items: readonly ItemText[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="items">
        {items.map((i) => (
          <li key={i.text}>
            {i.text}
            {i.details.length > 0 && (
              <ul>
                {i.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ChangeSection({ data }: { data: ReportData }) {
  const d = data.diff;
  const nothing = d.tables.length === 0 && d.added.length + d.withdrawn.length + d.changed.length === 0;
  return (
    <div data-testid="rapport-verschil">
      <p>
        Versie {data.variant.version} tegenover versie {data.basis.version}: {d.summary}.
      </p>
      {nothing && <p>De versies rekenen met dezelfde regels en tarieven.</p>}
      <Items title="Nieuwe regels, modules en andere declaraties" items={d.added} />
      <Items title="Vervallen regels, modules en andere declaraties" items={d.withdrawn} />
      <Items title="Gewijzigde declaraties" items={d.changed} />
      {d.tables.map((t) => (
        <div key={t.table} className="diff-table">
          <h3 data-table={t.table}>
            {t.label ?? `Tabel ${t.table}`} (in {t.unit})
          </h3>
          <p>{t.summary}.</p>
          <table className="impact-table compact">
            <thead>
              <tr>
                <th scope="col">Cel</th>
                <AmountHeads old="Oud" now="Nieuw" />
              </tr>
            </thead>
            <tbody>
              {t.cells.map((c) => (
                <tr key={c.key}>
                  <th scope="row" className="cel" title={c.key}>
                    <CellLabel label={c.label} />
                  </th>
                  <td className="amount">{c.old}</td>
                  <td className="amount">{c.new}</td>
                  <td className="amount">{c.delta}</td>
                  <td className="amount">{c.percent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
