/**
 * The Geschiedenis tab: the commits of the open file (who, when, message) with the semantic diff of each,
 * restoring an earlier revision as a new commit, and the history of one tariff cell or parameter.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { workflowApi, when, type Commit, type CommitChange, type ValueHistory } from '../workflow-api.js';
import { AskDialog } from './ask-dialog.js';
import { VersionDiffView } from './version-diff-view.js';

interface Props {
  readonly path: string | undefined;
  /** The version of the open file (for the cell history). */
  readonly versie: string | undefined;
  /** Changes whenever the files may have changed (a save, a step): the list is read again. */
  readonly revision: number;
  readonly canRestore: boolean;
  readonly onRestored: (path: string) => void;
}

export function HistoryPanel({ path, versie, revision, canRestore, onRestored }: Props) {
  const [commits, setCommits] = useState<readonly Commit[]>();
  const [open, setOpen] = useState<string>();
  const [change, setChange] = useState<CommitChange>();
  const [fout, setFout] = useState<string>();

  useEffect(() => {
    if (path === undefined) return;
    let cancelled = false;
    workflowApi
      .log({ pad: path })
      .then((c) => !cancelled && setCommits(c))
      .catch((e: unknown) => !cancelled && setFout(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [path, revision]);

  useEffect(() => {
    setChange(undefined);
    if (open === undefined) return;
    let cancelled = false;
    workflowApi
      .commit(open)
      .then((c) => !cancelled && setChange(c))
      .catch((e: unknown) => !cancelled && setFout(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [open]);

  /** The commit whose state is about to be restored (the dialog asks first). */
  const [restoring, setRestoring] = useState<Commit>();
  const restore = useCallback(
    async (c: Commit) => {
      setRestoring(undefined);
      if (path === undefined) return;
      try {
        await workflowApi.restore(path, c.hash, `${path} hersteld naar ${c.kort} (${c.onderwerp})`);
        onRestored(path);
      } catch (e) {
        setFout(e instanceof Error ? e.message : String(e));
      }
    },
    [path, onRestored],
  );

  if (path === undefined) return <p className="muted">Open een bestand.</p>;
  return (
    <div className="history-panel" data-testid="geschiedenis">
      {restoring !== undefined && (
        <AskDialog
          title="Deze stand herstellen?"
          confirm="Herstellen"
          onConfirm={() => void restore(restoring)}
          onCancel={() => setRestoring(undefined)}
          testId="herstel-dialoog"
        >
          {path} terugzetten naar de stand van commit <code>{restoring.kort}</code> ({restoring.onderwerp})?
          Dat wordt een nieuwe commit; de geschiedenis blijft bewaard.
        </AskDialog>
      )}
      <h3>Commits van {path}</h3>
      {fout !== undefined && (
        <p className="fout" role="alert">
          {fout}
        </p>
      )}
      {commits === undefined ? (
        <p className="muted">Laden…</p>
      ) : (
        <ol className="commits">
          {commits.map((c, i) => (
            <li key={c.hash} className={open === c.hash ? 'open' : ''} data-testid="commit">
              <button
                type="button"
                className="link"
                onClick={() => setOpen(open === c.hash ? undefined : c.hash)}
              >
                <code>{c.kort}</code> {c.onderwerp}
              </button>
              <div className="muted">
                {c.auteur} · {when(c.datum)}
              </div>
              {open === c.hash && (
                <div className="commit-detail">
                  {c.bericht.split('\n').slice(1).join('\n').trim() !== '' && (
                    <pre>{c.bericht.split('\n').slice(1).join('\n').trim()}</pre>
                  )}
                  {change === undefined ? (
                    <p className="muted">Verschil laden…</p>
                  ) : change.verschillen.length === 0 ? (
                    <p className="muted">Geen inhoudelijke wijziging in een versie.</p>
                  ) : (
                    change.verschillen.map((d) => <VersionDiffView key={`${d.from}-${d.to}`} diff={d} />)
                  )}
                  {canRestore && i > 0 && (
                    <button type="button" onClick={() => setRestoring(c)}>
                      Deze stand herstellen
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {versie !== undefined && <ValueHistoryForm versie={versie} revision={revision} />}
    </div>
  );
}

function ValueHistoryForm({ versie, revision }: { versie: string; revision: number }) {
  const [tabel, setTabel] = useState('weektarief');
  const [sleutel, setSleutel] = useState('ontwikkelen/OB2/midden/B');
  const [parameter, setParameter] = useState('');
  const [result, setResult] = useState<ValueHistory>();
  const [fout, setFout] = useState<string>();

  const ask = async (e?: FormEvent) => {
    e?.preventDefault();
    setFout(undefined);
    try {
      setResult(
        await workflowApi.valueHistory(
          parameter.trim() !== '' ? { versie, parameter: parameter.trim() } : { versie, tabel, sleutel },
        ),
      );
    } catch (err) {
      setResult(undefined);
      setFout(err instanceof Error ? err.message : String(err));
    }
  };
  useEffect(() => setResult(undefined), [versie, revision]);

  return (
    <form className="value-history" onSubmit={(e) => void ask(e)}>
      <h3>Geschiedenis van een waarde (versie {versie})</h3>
      <div className="velden">
        <label>
          Tabel
          <input value={tabel} onChange={(e) => setTabel(e.target.value)} data-testid="wg-tabel" />
        </label>
        <label>
          Cel
          <input value={sleutel} onChange={(e) => setSleutel(e.target.value)} data-testid="wg-cel" />
        </label>
        <label>
          of parameter
          <input value={parameter} onChange={(e) => setParameter(e.target.value)} placeholder="uurtarief" />
        </label>
        <button type="submit" data-testid="wg-toon">
          Toon
        </button>
      </div>
      {fout !== undefined && <p className="fout">{fout}</p>}
      {result !== undefined && (
        <div data-testid="waardegeschiedenis">
          <p>
            <strong>{result.samenvatting}</strong>
          </p>
          <table>
            <thead>
              <tr>
                <th>Versie</th>
                <th>Waarde</th>
                <th>Hoe</th>
                <th>Commit</th>
              </tr>
            </thead>
            <tbody>
              {result.stappen.map((s) => (
                <tr key={s.versie}>
                  <td>{s.versie}</td>
                  <td className="num">{s.tekst}</td>
                  <td>{s.hoe}</td>
                  <td>
                    {s.commit !== undefined
                      ? `${s.commit.kort} · ${s.commit.auteur} · ${when(s.commit.datum)}`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
