/** A semantic diff (src/change/diff.ts) as a compact table: changed cells per table, and changed declarations. */
import { dutchNumber, type VersionDiff } from '../workflow-api.js';

export function VersionDiffView({ diff }: { diff: VersionDiff }) {
  if (diff.cells.length === 0 && diff.items.length === 0) {
    return (
      <p className="muted">
        Geen inhoudelijke wijziging van {diff.from} naar {diff.to}.
      </p>
    );
  }
  return (
    <div className="version-diff" data-testid="versieverschil">
      {diff.cells.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Tabel</th>
              <th>Cel</th>
              <th>{diff.from}</th>
              <th>{diff.to}</th>
              <th>%</th>
            </tr>
          </thead>
          <tbody>
            {diff.cells.map((c) => (
              <tr key={`${c.table}|${c.key}`}>
                <td>{c.table}</td>
                <td>{c.key}</td>
                <td className="num">{dutchNumber(c.old)}</td>
                <td className="num">{dutchNumber(c.new)}</td>
                <td className="num">
                  {c.percent !== undefined ? `${dutchNumber(Number(c.percent).toFixed(2))} %` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.items.length > 0 && (
        <ul>
          {diff.items.map((i) => (
            <li key={`${i.kind}|${i.name}`}>
              {i.title}: {i.change}
              {i.oldText !== undefined || i.newText !== undefined
                ? ` (${i.oldText ?? '—'} → ${i.newText ?? '—'})`
                : ''}
              {i.details !== undefined && i.details.length > 0 ? ` — ${i.details.join('; ')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
