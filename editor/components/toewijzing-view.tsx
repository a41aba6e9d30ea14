/** The playground's toewijzing: the JW301/WMO301 products a case would give, next to the amounts, or why not. */
import { PRODUCT_CATEGORIES } from '../../dsl/ir/istandaard.js';
import type { PlaygroundToewijzing } from '../worker/protocol.js';

const EENHEID: Readonly<Record<string, string>> = {
  '01': 'minuten',
  '04': 'uur',
  '14': 'etmalen',
  '16': 'dagdelen',
  '82': 'stuks',
  '83': "euro's",
  '84': 'stuks',
};

/** "352174" eurocent → "€ 3.521,74"; a volume as a plain number. */
function omvang(volume: string, eenheid: string): string {
  if (eenheid !== '83') return `${volume} ${EENHEID[eenheid] ?? eenheid}`;
  const cents = volume.padStart(3, '0');
  const euros = cents.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${euros},${cents.slice(-2)}`;
}

const categorie = (c: string): string => PRODUCT_CATEGORIES.jeugdwet[c] ?? PRODUCT_CATEGORIES.wmo[c] ?? '';

export function ToewijzingView({ toewijzing }: { toewijzing: PlaygroundToewijzing | undefined }) {
  if (toewijzing === undefined) return null;
  return (
    <section className="toewijzing" data-testid="toewijzing">
      <h3>Toewijzing{toewijzing.ok ? ` (${toewijzing.bericht})` : ''}</h3>
      {toewijzing.ok ? (
        <>
          <table className="lines">
            <thead>
              <tr>
                <th>Nr.</th>
                <th>Product</th>
                <th>Periode</th>
                <th>Omvang (totaal)</th>
              </tr>
            </thead>
            <tbody>
              {toewijzing.producten.map((p) => (
                <tr key={p.toewijzingNummer}>
                  <td>{p.toewijzingNummer}</td>
                  <td title={categorie(p.categorie)}>
                    {p.categorie} {p.code ?? ''} · {categorie(p.categorie)}
                  </td>
                  <td>
                    {p.ingangsdatum} t/m {p.einddatum ?? '…'}
                  </td>
                  <td className="amount">{p.omvang ? omvang(p.omvang.volume, p.omvang.eenheid) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {toewijzing.notes.map((n, i) => (
            <p key={i} className="muted">
              {n}
            </p>
          ))}
          <details>
            <summary>Bericht (XML)</summary>
            <pre className="xml">{toewijzing.xml}</pre>
          </details>
        </>
      ) : (
        <ul className="decisions">
          {toewijzing.errors.map((e, i) => (
            <li key={i} className="fail">
              {e.trim()}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
