/**
 * The Verschil tab with a choice of versions: by default the open version against its base (live, as before),
 * or any two versions of the rules (2019 against 2022, a municipal override against its regional version), cell
 * by cell and declaration by declaration with the diff the CLI prints (src/change/diff.ts). "Als tekst" shows
 * exactly the text of `regelwerk diff`; "CSV exporteren" downloads `regelwerk diff --csv`.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Span } from '../../dsl/index.js';
import type { WorkerClient } from '../worker/client.js';
import type { DiffState, FileSummary } from '../worker/protocol.js';
import type { CompareResult } from '../worker/sheet-service.js';
import { DiffPanel } from './diff-panel.js';
import './sheet-view.css';

interface Props {
  readonly client: WorkerClient;
  readonly path: string | undefined;
  readonly summaries: ReadonlyMap<string, FileSummary>;
  /** The live diff of the open version against its base (pushed by the worker after each analysis). */
  readonly diff: DiffState | undefined;
  readonly onJump: (file: string, span: Span) => void;
}

interface VersionOption {
  readonly version: string;
  readonly label: string;
  readonly validFrom: string;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ComparePanel({ client, path, summaries, diff, onJump }: Props) {
  const open = path === undefined ? undefined : summaries.get(path);
  const versions = useMemo<VersionOption[]>(() => {
    const seen = new Map<string, VersionOption>();
    for (const s of summaries.values()) {
      if (s.version === undefined || seen.has(s.version)) continue;
      const gemeente = s.municipality !== undefined ? `, ${s.municipality.replace(/_/g, ' ')}` : '';
      seen.set(s.version, {
        version: s.version,
        label: `${s.version} (${s.status ?? 'vastgesteld'}${gemeente})`,
        validFrom: s.validFrom ?? '',
      });
    }
    return [...seen.values()].sort(
      (a, b) => a.validFrom.localeCompare(b.validFrom) || a.version.localeCompare(b.version),
    );
  }, [summaries]);
  const defaultFrom = open?.base;
  const defaultTo = open?.version;
  const [chosen, setChosen] = useState<{ from?: string | undefined; to?: string | undefined }>({});
  const [asText, setAsText] = useState(false);
  const [result, setResult] = useState<CompareResult | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const seq = useRef(0);

  // Another file: back to its own base.
  useEffect(() => setChosen({}), [path]);

  const from = chosen.from ?? defaultFrom;
  const to = chosen.to ?? defaultTo;
  const custom = from !== defaultFrom || to !== defaultTo || asText;

  // A chosen pair follows the text too: it is asked again after every analysis (when `diff` changes).
  useEffect(() => {
    if (!custom || from === undefined || to === undefined) {
      setResult(undefined);
      return;
    }
    const at = ++seq.current;
    client.request({ method: 'compare', from, to }).then(
      (r) => at === seq.current && setResult(r),
      (e: unknown) => at === seq.current && setError(e instanceof Error ? e.message : String(e)),
    );
  }, [client, custom, from, to, diff]);

  const exportCsv = async () => {
    if (from === undefined || to === undefined) return;
    const r = await client.request({ method: 'compare', from, to });
    if (r.kind === 'ok') download(`verschil-${from}-${to}.csv`, r.csv);
    else
      setError(
        r.kind === 'geen'
          ? r.reason
          : `De regels bevatten ${r.errors === 1 ? 'een fout' : `${r.errors} fouten`}.`,
      );
  };

  const state: DiffState | undefined = !custom
    ? diff
    : result === undefined
      ? undefined
      : result.kind === 'ok'
        ? result.state
        : result;
  return (
    <div className="compare" data-testid="compare">
      <div className="compare-controls">
        <label>
          Van{' '}
          <select
            data-testid="compare-from"
            value={from ?? ''}
            onChange={(e) => setChosen({ from: e.target.value, to })}
          >
            {from === undefined && <option value="">kies een versie</option>}
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          naar{' '}
          <select
            data-testid="compare-to"
            value={to ?? ''}
            onChange={(e) => setChosen({ from, to: e.target.value })}
          >
            {to === undefined && <option value="">kies een versie</option>}
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          title="Van en naar omwisselen"
          disabled={from === undefined || to === undefined}
          onClick={() => setChosen({ from: to, to: from })}
        >
          ⇄ Omwisselen
        </button>
        {(chosen.from !== undefined || chosen.to !== undefined) && (
          <button type="button" onClick={() => setChosen({})}>
            Tegenover de basis
          </button>
        )}
        <label>
          <input type="checkbox" checked={asText} onChange={(e) => setAsText(e.target.checked)} /> Als tekst
          (zoals regelwerk diff)
        </label>
        <button
          type="button"
          data-testid="compare-csv"
          disabled={from === undefined || to === undefined}
          onClick={() => void exportCsv()}
        >
          CSV exporteren
        </button>
      </div>
      {error !== undefined && (
        <p className="warning" role="alert">
          {error}
        </p>
      )}
      {asText && result?.kind === 'ok' ? (
        <pre className="compare-text" data-testid="compare-text">
          {result.text}
        </pre>
      ) : (
        <DiffPanel state={state} onJump={onJump} />
      )}
    </div>
  );
}
